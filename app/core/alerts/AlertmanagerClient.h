// AlertmanagerClient: talks to one Alertmanager (API v2) without blocking. fetchAlerts() sends
// `GET {base}/api/v2/alerts?active=true&silenced=true&inhibited=true` and later emits
// alertsReady() or failed() (unreachable, timeout, not an Alertmanager, HTTP error - each with a
// sentence a DBA can act on). Silences: createSilence() (`POST /api/v2/silences`, emits
// silenceCreated with the new id), expireSilence() (`DELETE /api/v2/silence/{id}`, emits
// silenceExpired) and fetchSilences() (`GET /api/v2/silences`, active ones only, emits
// silencesReady). A silence without a comment or matchers is refused before anything is sent;
// Alertmanager's own refusals (HTTP 400 and its text) come back through failed(). Several requests
// may run at once; each answer names its request id (ids are unique per client).
// Threading: lives on the thread of its QNetworkAccessManager (the GUI thread, or the CLI's main
// thread running an event loop); never blocks.
#pragma once

#include "alerts/Alert.h"
#include "alerts/Silence.h"
#include "common/Error.h"

#include <QObject>
#include <QUrl>

#include <chrono>
#include <functional>

class QNetworkAccessManager;

namespace TiDesk {

class AlertmanagerClient final : public QObject
{
    Q_OBJECT
public:
    explicit AlertmanagerClient(QNetworkAccessManager *network, QObject *parent = nullptr);

    // baseUrl: "http://host:9093" (a path prefix is kept). Each returns the request id.
    quint64 fetchAlerts(const QUrl &baseUrl,
                        std::chrono::milliseconds timeout = std::chrono::seconds(5));
    quint64 createSilence(const QUrl &baseUrl, const Silence &silence,
                          std::chrono::milliseconds timeout = std::chrono::seconds(5));
    quint64 expireSilence(const QUrl &baseUrl, const QString &silenceId,
                          std::chrono::milliseconds timeout = std::chrono::seconds(5));
    quint64 fetchSilences(const QUrl &baseUrl,
                          std::chrono::milliseconds timeout = std::chrono::seconds(5));

    [[nodiscard]] static QUrl alertsUrl(const QUrl &baseUrl);
    [[nodiscard]] static QUrl silencesUrl(const QUrl &baseUrl);
    [[nodiscard]] static QUrl silenceUrl(const QUrl &baseUrl, const QString &silenceId);

signals:
    // alerts sorted worst first; skipped = malformed entries left out.
    void alertsReady(quint64 requestId, const TiDesk::AlertList &alerts, int skipped);
    void silenceCreated(quint64 requestId, const QString &silenceId);
    void silenceExpired(quint64 requestId, const QString &silenceId);
    // Active silences only, the ones ending first first.
    void silencesReady(quint64 requestId, const TiDesk::SilenceList &silences);
    void failed(quint64 requestId, const TiDesk::Error &error);

private:
    enum class Verb { Get, Post, Delete };
    // Called with the HTTP status and body once the server answered (any status); transport
    // failures (refused, timeout, unknown host) are emitted as failed() without calling it.
    using Handler = std::function<void(quint64 id, int httpStatus, const QByteArray &body,
                                       const QString &shownUrl)>;
    quint64 send(Verb verb, const QUrl &baseUrl, const QUrl &url, const QByteArray &body,
                 std::chrono::milliseconds timeout, Handler handler);
    void failLater(quint64 id, const Error &error);

    QNetworkAccessManager *m_network;
    quint64 m_nextId = 1;
};

} // namespace TiDesk
