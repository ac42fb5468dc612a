// MetricFormat: how a metric value reads on screen, per MetricUnit: latency in ms/s, sizes in
// B/KiB/MiB/GiB/TiB, ratios as percent, counts and rates with k/M/G suffixes, CPU in cores.
// Two uses: one value in a hover box or a table (value()), and the labels of a chart's value
// axis, which share one unit and as many decimals as the tick step needs (axis()).
// In tidesk_common (QtCore only), so the chart widget and tidesk-cli metrics print values alike.
// Pure functions (translated unit names, QLocale digits); any thread.
#pragma once

#include "common/TimeSeries.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace TiDesk {

class MetricFormat final
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::MetricFormat)
public:
    // Ticks and labels for a value axis.
    struct Axis
    {
        double min = 0; // the axis range, in the metric's own unit (seconds, bytes, 0..1)
        double max = 1;
        QList<double> ticks; // from min to max inclusive, evenly spaced
        QStringList labels; // one per tick, e.g. "0 ms", "250 ms", "500 ms"
    };

    MetricFormat() = delete;

    // One value with its unit, scaled to read well and rounded to 3 significant digits with
    // trailing zeros dropped: "12.3 ms", "1.5 GiB", "45.2%", "12.3k/s", "0.75 cores".
    [[nodiscard]] static QString value(double v, MetricUnit unit);

    // A "nice" axis (steps of 1, 2 or 5 x 10^k in the displayed unit) covering [lo, hi] with
    // about targetTicks intervals. hi <= lo gets a sensible span (a flat line still has an axis).
    [[nodiscard]] static Axis axis(double lo, double hi, MetricUnit unit, int targetTicks = 5);
};

} // namespace TiDesk
