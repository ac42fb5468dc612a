// FleetPrometheus: fills the fleet's QPS and p99 from Prometheus for environments that have one.
// After the FleetPoller delivers a SQL sample of an environment with a Prometheus URL and a known
// engine, it asks that Prometheus the engine's fleet instant queries (ChartCatalog::fleetQueries:
// QPS for every engine, p99 in ms for TiDB, both with the environment's label selector) and hands
// the answers back through FleetPoller::mergeExternalMetrics(): known values replace the
// SQL-derived ones, a failing Prometheus marks the environment Degraded with the reason. A
// Prometheus that answers with no series leaves the SQL values in place.
// Threading: GUI thread (QNetworkAccessManager, asynchronous); never blocks.
#pragma once

#include "health/FleetSample.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QUuid>

#include <chrono>

class QNetworkAccessManager;

namespace TiDesk {

class FleetPoller;
class PrometheusClient;

class FleetPrometheus final : public QObject
{
    Q_OBJECT
public:
    FleetPrometheus(FleetPoller *poller, QNetworkAccessManager *network, QObject *parent = nullptr);

    void setTimeout(std::chrono::milliseconds timeout);
    // Queries sent and not answered yet.
    [[nodiscard]] int pendingCount() const { return m_pending; }

signals:
    // The Prometheus answers for one environment were merged into the poller.
    void merged(const QUuid &environmentId);

private:
    void onSample(const FleetSample &sample);

    FleetPoller *m_poller;
    PrometheusClient *m_client;
    QHash<QUuid, QDateTime> m_asked; // the SQL sample each environment was last asked for
    int m_pending = 0;
};

} // namespace TiDesk
