// AlertmanagerClient: asks one Alertmanager (API v2) for its alerts without blocking:
// fetchAlerts() sends `GET {base}/api/v2/alerts?active=true&silenced=true&inhibited=true`
// and later emits alertsReady() or failed() (unreachable, timeout, not an Alertmanager, HTTP
// error - each with a sentence a DBA can act on). Several fetches may run at once; each answer
// names its request id.
// Threading: lives on the thread of its QNetworkAccessManager (the GUI thread, or the CLI's main
// thread running an event loop); never blocks.
#pragma once

#include "alerts/Alert.h"
#include "common/Error.h"

#include <QObject>
#include <QUrl>

#include <chrono>

class QNetworkAccessManager;

namespace TiDesk {

class AlertmanagerClient final : public QObject
{
    Q_OBJECT
public:
    explicit AlertmanagerClient(QNetworkAccessManager *network, QObject *parent = nullptr);

    // baseUrl: "http://host:9093" (a path prefix is kept). Returns the request id.
    quint64 fetchAlerts(const QUrl &baseUrl,
                        std::chrono::milliseconds timeout = std::chrono::seconds(5));

    [[nodiscard]] static QUrl alertsUrl(const QUrl &baseUrl);

signals:
    // alerts sorted worst first; skipped = malformed entries left out.
    void alertsReady(quint64 requestId, const TiDesk::AlertList &alerts, int skipped);
    void failed(quint64 requestId, const TiDesk::Error &error);

private:
    QNetworkAccessManager *m_network;
    quint64 m_nextId = 1;
};

} // namespace TiDesk
