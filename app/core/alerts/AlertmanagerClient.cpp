#include "AlertmanagerClient.h"

#include "alerts/AlertmanagerParser.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace TiDesk {

AlertmanagerClient::AlertmanagerClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
    qRegisterMetaType<TiDesk::AlertList>();
    qRegisterMetaType<TiDesk::Error>();
}

QUrl AlertmanagerClient::alertsUrl(const QUrl &baseUrl)
{
    QUrl url = baseUrl;
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + u"/api/v2/alerts"_s);
    QUrlQuery q;
    q.addQueryItem(u"active"_s, u"true"_s);
    q.addQueryItem(u"silenced"_s, u"true"_s);
    q.addQueryItem(u"inhibited"_s, u"true"_s);
    url.setQuery(q);
    return url;
}

quint64 AlertmanagerClient::fetchAlerts(const QUrl &baseUrl, std::chrono::milliseconds timeout)
{
    const quint64 id = m_nextId++;
    const QString shown = baseUrl.toString(QUrl::RemoveUserInfo);
    if (!baseUrl.isValid() || (baseUrl.scheme() != u"http" && baseUrl.scheme() != u"https")
        || baseUrl.host().isEmpty()) {
        QTimer::singleShot(0, this, [this, id, shown] {
            emit failed(
                id,
                Error::make(
                    ErrorKind::InvalidInput,
                    tr("'%1' is not an Alertmanager URL (expected http://host:9093)").arg(shown)));
        });
        return id;
    }
    QNetworkRequest request(alertsUrl(baseUrl));
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(int(timeout.count()));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply, id, shown, timeout] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        if (reply->error() != QNetworkReply::NoError && status == 0) {
            Error e;
            e.detail = reply->errorString();
            switch (reply->error()) {
            case QNetworkReply::OperationCanceledError:
            case QNetworkReply::TimeoutError:
                e.kind = ErrorKind::Timeout;
                e.message = tr("Alertmanager at %1 did not answer within %2 s")
                                .arg(shown)
                                .arg(timeout.count() / 1000.0);
                break;
            case QNetworkReply::ConnectionRefusedError:
                e.kind = ErrorKind::Connection;
                e.message
                    = tr("Alertmanager at %1 refused the connection: is it running?").arg(shown);
                break;
            case QNetworkReply::HostNotFoundError:
                e.kind = ErrorKind::Connection;
                e.message = tr("Alertmanager at %1: unknown host name").arg(shown);
                break;
            default:
                e.kind = ErrorKind::Connection;
                e.message
                    = tr("Cannot reach Alertmanager at %1: %2").arg(shown, reply->errorString());
                break;
            }
            emit failed(id, e);
            return;
        }
        Result<AlertmanagerParser::Parsed> parsed
            = AlertmanagerParser::parseAlerts(body, status, shown);
        if (!parsed) {
            emit failed(id, parsed.error());
            return;
        }
        emit alertsReady(id, parsed->alerts, parsed->skipped);
    });
    return id;
}

} // namespace TiDesk
