// ./run bench charts: one chart refresh with 10 series x 5,760 points (24 h at 15 s), from
// TimeSeriesChart::setSeriesSet() to a finished repaint: events processed (layout and the shown
// widget's own repaint), then grab(), which paints it once more, synchronously. With LTTB to the
// plot width (what TiDesk does) and with every raw point (the comparison). Raster, offscreen by
// default. Prints figures only; never asserts a time.
#include "TimeSeriesChart.h"
#include "common/Downsample.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPixmap>
#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace TiDesk;
using namespace Qt::StringLiterals;

namespace {

constexpr int kSeries = 10;
constexpr int kPoints = 5760;
constexpr qint64 kStepMs = 15000;
constexpr int kRuns = 20;
constexpr int kWidth = 1200;
constexpr int kHeight = 450;

// Each refresh brings new values (a shifted phase), like a live chart sliding forward.
SeriesSet makeSet(int run)
{
    SeriesSet set;
    set.title = u"QPS by instance"_s;
    set.unit = MetricUnit::PerSecond;
    set.stepMs = kStepMs;
    set.toMs = 1795996800000 + run * kStepMs;
    set.fromMs = set.toMs - (kPoints - 1) * kStepMs;
    for (int s = 0; s < kSeries; ++s) {
        TimeSeries ts;
        ts.legend = u"tidb-%1:4000"_s.arg(s);
        ts.points.reserve(kPoints);
        for (int i = 0; i < kPoints; ++i) {
            const double phase = (i + run) * 2 * M_PI / 2880.0;
            const double y = 1000.0 * (s + 1) * (1.0 + 0.3 * std::sin(phase + s))
                + 150.0 * std::sin((i + run) * 0.7 + s * 1.3);
            ts.points.append(QPointF(double(set.fromMs + i * kStepMs), y));
        }
        set.series.append(ts);
    }
    return set;
}

struct Figures
{
    double medianMs = 0;
    double maxMs = 0;
    double setMedianMs = 0; // setSeriesSet() alone: reduction + handing the points to QtCharts
    int plotted = 0;
};

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? -1 : v.at(v.size() / 2);
}

Figures measure(TimeSeriesChart &chart, const QList<SeriesSet> &sets)
{
    QList<double> ms, setMs;
    for (int run = 0; run <= kRuns; ++run) {
        const SeriesSet &input = sets.at(run);
        QElapsedTimer t;
        t.start();
        chart.setSeriesSet(input);
        const double set = double(t.nsecsElapsed()) / 1e6;
        QCoreApplication::processEvents(); // layout, and the widget's own repaint
        const QPixmap frame = chart.grab();
        const double elapsed = double(t.nsecsElapsed()) / 1e6;
        if (frame.isNull()) {
            std::fprintf(stderr, "grab() returned nothing\n");
            return {};
        }
        if (run > 0) { // run 0 warms up (fonts, first layout)
            ms.append(elapsed);
            setMs.append(set);
        }
    }
    return { median(ms), *std::max_element(ms.cbegin(), ms.cend()), median(setMs),
             chart.plottedPointCount() };
}

} // namespace

int main(int argc, char *argv[])
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM") && !qEnvironmentVariableIsSet("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);

    QList<SeriesSet> sets;
    for (int run = 0; run <= kRuns; ++run)
        sets.append(makeSet(run));

    TimeSeriesChart chart;
    chart.resize(kWidth, kHeight);
    chart.show();
    chart.setSeriesSet(sets.first());
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();

    chart.setDownsamplingEnabled(true);
    const Figures lttb = measure(chart, sets);
    const int budget = chart.pointBudget();
    chart.setDownsamplingEnabled(false);
    const Figures raw = measure(chart, sets);

    // The reduction alone (what setSeriesSet adds per refresh).
    QList<double> reduceMs;
    for (int run = 0; run < kRuns; ++run) {
        QElapsedTimer t;
        t.start();
        qsizetype kept = 0;
        for (const TimeSeries &ts : sets.at(run).series)
            for (const auto &r : Downsample::lttbRuns(ts.points, budget, 1.5 * kStepMs))
                kept += r.size();
        reduceMs.append(double(t.nsecsElapsed()) / 1e6);
        if (kept == 0)
            return 1;
    }

    if (lttb.plotted == 0 || raw.plotted == 0)
        return 1;
    std::printf("series: %d, points per series: %d, runs: %d, widget: %dx%d, plot width: %d px, "
                "platform: %s, rendering: raster\n",
                kSeries, kPoints, kRuns, kWidth, kHeight, budget,
                qPrintable(QGuiApplication::platformName()));
    std::printf("chart_refresh_ms: %.1f (median), %.1f (max)\n", lttb.medianMs, lttb.maxMs);
    std::printf("set_series_ms: %.1f (median)\n", lttb.setMedianMs);
    std::printf("plotted_points: %d\n", lttb.plotted);
    std::printf("chart_refresh_raw_ms: %.1f (median), %.1f (max)\n", raw.medianMs, raw.maxMs);
    std::printf("set_series_raw_ms: %.1f (median)\n", raw.setMedianMs);
    std::printf("raw_points: %d\n", raw.plotted);
    std::printf("lttb_ms: %.2f (median, %d x %d points)\n", median(reduceMs), kSeries, kPoints);
    std::printf("ratio: %.2f\n", lttb.medianMs > 0 ? raw.medianMs / lttb.medianMs : 0.0);
    return 0;
}
