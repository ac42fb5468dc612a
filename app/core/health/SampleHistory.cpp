#include "SampleHistory.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace TiDesk {

SampleHistory::SampleHistory(qint64 intervalMs)
    : m_intervalMs(intervalMs)
{ }

void SampleHistory::add(const FleetSample &s)
{
    if (!s.sampledAt.isValid() || s.environmentId.isNull())
        return;
    const qint64 at = s.sampledAt.toMSecsSinceEpoch();
    QList<Point> &points = m_points[s.environmentId];
    const Point p { at, s.reachable() ? s.qps : FleetSample::kUnknown,
                    s.reachable() && s.connections >= 0 ? double(s.connections)
                                                        : FleetSample::kUnknown };
    if (!points.isEmpty() && points.last().atMs == at)
        points.last() = p; // the same sample again, e.g. with Prometheus' QPS merged in
    else if (points.isEmpty() || points.last().atMs < at)
        points.append(p);
    while (!points.isEmpty() && points.first().atMs < at - kKeepMs)
        points.removeFirst();
}

void SampleHistory::forget(const QUuid &environmentId)
{
    m_points.remove(environmentId);
}

int SampleHistory::size(const QUuid &environmentId) const
{
    return int(m_points.value(environmentId).size());
}

QStringList SampleHistory::chartIds()
{
    return { u"qps"_s, u"connections"_s };
}

SeriesSet SampleHistory::chart(const QUuid &environmentId, const QString &chartId, qint64 fromMs,
                               qint64 toMs) const
{
    SeriesSet set;
    set.fromMs = fromMs;
    set.toMs = toMs;
    set.stepMs = m_intervalMs;
    const bool qps = chartId == u"qps";
    set.title = qps ? tr("QPS (SQL status counters)") : tr("Connections (SQL)");
    set.unit = qps ? MetricUnit::PerSecond : MetricUnit::Count;
    TimeSeries series;
    series.legend = qps ? tr("queries/s") : tr("connected");
    for (const Point &p : m_points.value(environmentId)) {
        const double v = qps ? p.qps : p.connections;
        // Unknown values are left out: the chart shows the hole as a gap.
        if (p.atMs >= fromMs && p.atMs <= toMs && std::isfinite(v))
            series.points.append(QPointF(double(p.atMs), v));
    }
    if (!series.points.isEmpty())
        set.series << series;
    return set;
}

} // namespace TiDesk
