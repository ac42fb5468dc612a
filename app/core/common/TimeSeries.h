// TimeSeries: one line of a chart (a Prometheus series, or SQL counters sampled over time), and
// the unit its values are in. Shared by the metrics core (PrometheusClient fills it, tidesk-cli
// prints it) and widgets/TimeSeriesChart (draws it), so it lives in tidesk_common: plain data,
// no domain. Plain value types; copy freely between threads.
//
// Gaps: a series holds only the samples that exist. A stretch with no sample longer than
// 1.5 x stepMs (Prometheus leaves such steps out of a query_range answer) is a gap and is drawn
// as a gap, never bridged by a line. Values are finite: NaN/Inf samples are dropped by parsers.
#pragma once

#include <QList>
#include <QMap>
#include <QMetaType>
#include <QPointF>
#include <QString>

namespace TiDesk {

enum class MetricUnit {
    Count, // connections, threads, regions
    PerSecond, // QPS, ops/s
    Seconds, // latency (stored in seconds, shown as ms/s)
    Bytes, // memory, store size
    Ratio, // 0..1, shown as percent
    Cores, // CPU seconds per second
};

struct TimeSeries
{
    QString legend; // what the line is: "select", "p99", "127.0.0.1:20180"
    QMap<QString, QString> labels; // the series' labels as the source gave them
    QList<QPointF> points; // x = ms since the Unix epoch (UTC), y = value; x ascending

    [[nodiscard]] bool isEmpty() const { return points.isEmpty(); }
    bool operator==(const TimeSeries &) const = default;
};

// A chart's worth of series over one time window.
struct SeriesSet
{
    QString title; // translated, e.g. "QPS by type"
    MetricUnit unit = MetricUnit::Count;
    qint64 fromMs = 0; // window, ms since epoch
    qint64 toMs = 0;
    qint64 stepMs = 0; // resolution the series were asked at (gap threshold = 1.5 x step)
    QList<TimeSeries> series;
};

} // namespace TiDesk

Q_DECLARE_METATYPE(TiDesk::TimeSeries)
Q_DECLARE_METATYPE(TiDesk::SeriesSet)
