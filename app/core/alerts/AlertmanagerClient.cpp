#include "AlertmanagerClient.h"

#include "alerts/AlertmanagerParser.h"
#include "net/HttpError.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

QUrl withPath(const QUrl &baseUrl, const QString &suffix)
{
    QUrl url = baseUrl;
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + suffix);
    url.setQuery(QString());
    return url;
}

} // namespace

AlertmanagerClient::AlertmanagerClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
    qRegisterMetaType<TiDesk::AlertList>();
    qRegisterMetaType<TiDesk::SilenceList>();
    qRegisterMetaType<TiDesk::Error>();
}

QUrl AlertmanagerClient::alertsUrl(const QUrl &baseUrl)
{
    QUrl url = withPath(baseUrl, u"/api/v2/alerts"_s);
    QUrlQuery q;
    q.addQueryItem(u"active"_s, u"true"_s);
    q.addQueryItem(u"silenced"_s, u"true"_s);
    q.addQueryItem(u"inhibited"_s, u"true"_s);
    url.setQuery(q);
    return url;
}

QUrl AlertmanagerClient::silencesUrl(const QUrl &baseUrl)
{
    return withPath(baseUrl, u"/api/v2/silences"_s);
}

QUrl AlertmanagerClient::silenceUrl(const QUrl &baseUrl, const QString &silenceId)
{
    QUrl url = withPath(baseUrl, QString());
    // The id is one path segment whatever it contains.
    url.setPath(url.path(QUrl::FullyEncoded) + u"/api/v2/silence/"_s
                    + QString::fromLatin1(QUrl::toPercentEncoding(silenceId)),
                QUrl::StrictMode);
    return url;
}

void AlertmanagerClient::failLater(quint64 id, const Error &error)
{
    QTimer::singleShot(0, this, [this, id, error] { emit failed(id, error); });
}

quint64 AlertmanagerClient::send(Verb verb, const QUrl &baseUrl, const QUrl &url,
                                 const QByteArray &body, std::chrono::milliseconds timeout,
                                 Handler handler)
{
    const quint64 id = m_nextId++;
    const QString shown = baseUrl.toString(QUrl::RemoveUserInfo);
    if (!baseUrl.isValid() || (baseUrl.scheme() != u"http" && baseUrl.scheme() != u"https")
        || baseUrl.host().isEmpty()) {
        failLater(
            id,
            Error::make(
                ErrorKind::InvalidInput,
                tr("'%1' is not an Alertmanager URL (expected http://host:9093)").arg(shown)));
        return id;
    }
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(int(timeout.count()));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    QNetworkReply *reply = nullptr;
    switch (verb) {
    case Verb::Get: reply = m_network->get(request); break;
    case Verb::Post:
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        reply = m_network->post(request, body);
        break;
    case Verb::Delete: reply = m_network->deleteResource(request); break;
    }
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, id, shown, timeout, handler = std::move(handler)] {
                reply->deleteLater();
                const int status
                    = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                const QByteArray answer = reply->readAll();
                if (reply->error() != QNetworkReply::NoError && status == 0) {
                    emit failed(id, httpTransportError(reply, u"Alertmanager"_s, shown, timeout));
                    return;
                }
                handler(id, status, answer, shown);
            });
    return id;
}

quint64 AlertmanagerClient::fetchAlerts(const QUrl &baseUrl, std::chrono::milliseconds timeout)
{
    return send(Verb::Get, baseUrl, alertsUrl(baseUrl), {}, timeout,
                [this](quint64 id, int status, const QByteArray &body, const QString &shown) {
                    Result<AlertmanagerParser::Parsed> parsed
                        = AlertmanagerParser::parseAlerts(body, status, shown);
                    if (!parsed) {
                        emit failed(id, parsed.error());
                        return;
                    }
                    emit alertsReady(id, parsed->alerts, parsed->skipped);
                });
}

quint64 AlertmanagerClient::createSilence(const QUrl &baseUrl, const Silence &silence,
                                          std::chrono::milliseconds timeout)
{
    // Alertmanager 0.25 accepts an empty comment: TiDesk never sends one.
    if (const VoidResult ok = silence.check(); !ok) {
        const quint64 id = m_nextId++;
        failLater(id, ok.error());
        return id;
    }
    return send(Verb::Post, baseUrl, silencesUrl(baseUrl), silence.toPostBody(), timeout,
                [this](quint64 id, int status, const QByteArray &body, const QString &shown) {
                    const Result<QString> created
                        = AlertmanagerParser::parseSilenceCreated(body, status, shown);
                    if (!created) {
                        emit failed(id, created.error());
                        return;
                    }
                    emit silenceCreated(id, *created);
                });
}

quint64 AlertmanagerClient::expireSilence(const QUrl &baseUrl, const QString &silenceId,
                                          std::chrono::milliseconds timeout)
{
    const QString sid = silenceId.trimmed();
    if (sid.isEmpty()) {
        const quint64 id = m_nextId++;
        failLater(id, Error::make(ErrorKind::InvalidInput, tr("No silence id given")));
        return id;
    }
    return send(Verb::Delete, baseUrl, silenceUrl(baseUrl, sid), {}, timeout,
                [this, sid](quint64 id, int status, const QByteArray &body, const QString &shown) {
                    const VoidResult done
                        = AlertmanagerParser::parseSilenceExpired(body, status, shown);
                    if (!done) {
                        emit failed(id, done.error());
                        return;
                    }
                    emit silenceExpired(id, sid);
                });
}

quint64 AlertmanagerClient::fetchSilences(const QUrl &baseUrl, std::chrono::milliseconds timeout)
{
    return send(Verb::Get, baseUrl, silencesUrl(baseUrl), {}, timeout,
                [this](quint64 id, int status, const QByteArray &body, const QString &shown) {
                    const Result<AlertmanagerParser::ParsedSilences> parsed
                        = AlertmanagerParser::parseSilences(body, status, shown, true);
                    if (!parsed) {
                        emit failed(id, parsed.error());
                        return;
                    }
                    emit silencesReady(id, parsed->silences);
                });
}

} // namespace TiDesk
