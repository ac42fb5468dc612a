// SampleHistory: the fleet poller's samples of each environment kept over time (QPS and
// connections with their sample times), so an environment without Prometheus still gets charts:
// "QPS (SQL counters)" and "Connections" over the last hour, drawn by the same chart widget.
// Missed refreshes (environment down) leave holes, which the chart draws as gaps.
// Threading: GUI thread (fed from FleetPoller::sampleReady). QtCore only.
#pragma once

#include "common/TimeSeries.h"
#include "health/FleetSample.h"

#include <QCoreApplication>
#include <QHash>
#include <QUuid>

namespace TiDesk {

class SampleHistory
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::SampleHistory)
public:
    static constexpr qint64 kKeepMs = 3600 * 1000; // one hour

    // intervalMs: the poller's refresh interval (the gap threshold of the charts).
    explicit SampleHistory(qint64 intervalMs = 10000);

    void setInterval(qint64 intervalMs) { m_intervalMs = intervalMs; }
    // A sample: kept once per sampledAt (the poller re-emits merged samples with the same time).
    void add(const FleetSample &sample);
    void forget(const QUuid &environmentId);

    [[nodiscard]] int size(const QUuid &environmentId) const;
    // The "qps" or "connections" chart of an environment over [fromMs, toMs] (only the last
    // kKeepMs are kept).
    [[nodiscard]] SeriesSet chart(const QUuid &environmentId, const QString &chartId, qint64 fromMs,
                                  qint64 toMs) const;
    [[nodiscard]] static QStringList chartIds(); // qps, connections

private:
    struct Point
    {
        qint64 atMs = 0;
        double qps = 0; // NaN unknown
        double connections = 0; // NaN unknown
    };
    QHash<QUuid, QList<Point>> m_points;
    qint64 m_intervalMs;
};

} // namespace TiDesk
