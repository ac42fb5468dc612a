#include "HttpError.h"

#include <QCoreApplication>
#include <QNetworkReply>

namespace TiDesk {

Error httpTransportError(const QNetworkReply *reply, const QString &service,
                         const QString &shownUrl, std::chrono::milliseconds timeout)
{
    Error e;
    e.detail = reply->errorString();
    switch (reply->error()) {
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TimeoutError:
        e.kind = ErrorKind::Timeout;
        e.message
            = QCoreApplication::translate("TiDesk::HttpError",
                                          //: %1 = service (Prometheus), %2 = URL, %3 = seconds
                                          "%1 at %2 did not answer within %3 s")
                  .arg(service, shownUrl)
                  .arg(double(timeout.count()) / 1000.0);
        break;
    case QNetworkReply::ConnectionRefusedError:
        e.kind = ErrorKind::Connection;
        e.message = QCoreApplication::translate("TiDesk::HttpError",
                                                "%1 at %2 refused the connection: is it running?")
                        .arg(service, shownUrl);
        break;
    case QNetworkReply::HostNotFoundError:
        e.kind = ErrorKind::Connection;
        e.message = QCoreApplication::translate("TiDesk::HttpError", "%1 at %2: unknown host name")
                        .arg(service, shownUrl);
        break;
    case QNetworkReply::SslHandshakeFailedError:
        e.kind = ErrorKind::Tls;
        e.message
            = QCoreApplication::translate("TiDesk::HttpError", "%1 at %2: TLS handshake failed: %3")
                  .arg(service, shownUrl, e.detail);
        break;
    default:
        e.kind = ErrorKind::Connection;
        e.message = QCoreApplication::translate("TiDesk::HttpError", "Cannot reach %1 at %2: %3")
                        .arg(service, shownUrl, e.detail);
        break;
    }
    return e;
}

} // namespace TiDesk
