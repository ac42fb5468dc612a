// TimeSeriesChart and TimeRangePicker, offscreen: gaps become separate lines, 5,760 points are
// reduced to about the plot width (and again on resize), the hover box reads the right values
// (and "no data" in a gap), messages grey the last data, and the picker emits the right windows
// for every preset, a custom range and refreshes, and refuses from >= to. Saves screenshots.
#include "TimeRangePicker.h"
#include "TimeSeriesChart.h"
#include "UiTestFixture.h"
#include "common/MetricFormat.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <cmath>

using namespace Qt::StringLiterals;
using namespace TiDesk;

namespace {

constexpr qint64 kStepMs = 15000;
constexpr int kPoints = 5760; // 24 h at 15 s
// 2026-11-30 00:00:00 UTC
constexpr qint64 kFromMs = 1795996800000;
constexpr qint64 kToMs = kFromMs + kPoints * kStepMs; // the 24 h window asked for
// Around sample kProbe every series is flat at a known value, so the hover box's reading does
// not depend on which of the ~7 samples under one pixel the mouse lands on.
constexpr int kProbe = 500;
// "insert" misses samples [1000, 1040) (10 min) and [3000, 3240) (1 h).
constexpr int kGap2Mid = 3120;

SeriesSet makeSet()
{
    SeriesSet set;
    set.title = u"QPS by type"_s;
    set.unit = MetricUnit::PerSecond;
    set.fromMs = kFromMs;
    set.toMs = kToMs;
    set.stepMs = kStepMs;
    const QString legends[] = { u"select"_s, u"insert"_s, u"update"_s };
    const double probe[] = { 2034.0, 412.7, 108.4 }; // near the curves, so the picture is calm
    for (int s = 0; s < 3; ++s) {
        TimeSeries ts;
        ts.legend = legends[s];
        for (int i = 0; i < kPoints; ++i) {
            if (s == 1 && ((i >= 1000 && i < 1040) || (i >= 3000 && i < 3240)))
                continue;
            double y = (s == 0       ? 1500.0
                            : s == 1 ? 300.0
                                     : 80.0)
                * (1.0 + 0.4 * std::sin(i * 2 * M_PI / 2880.0) + 0.08 * std::sin(i * 0.37 + s));
            if (s == 0 && i == 4500)
                y = 4200; // one spike that downsampling must keep
            if (std::abs(i - kProbe) <= 30)
                y = probe[s];
            ts.points.append(QPointF(double(kFromMs + i * kStepMs), y));
        }
        set.series.append(ts);
    }
    return set;
}

QString shot(QWidget *w, const QString &name)
{
    const QString path = Test::UiTestFixture::screenshot(w, name);
    qInfo("screenshot: %s", qPrintable(path));
    return path;
}

} // namespace

class TestTimeSeriesChart : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void gapsBecomeLinesAndPointsFitTheWidth()
    {
        TimeSeriesChart chart;
        chart.resize(900, 420);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.setSeriesSet(makeSet());
        QCoreApplication::processEvents();

        // select: 1 run, insert: 3 runs (two gaps), update: 1 run.
        QCOMPARE(chart.lineSeriesCount(), 5);
        QCOMPARE(chart.lineSeriesIndex(0), 0);
        QCOMPARE(chart.lineSeriesIndex(1), 1);
        QCOMPARE(chart.lineSeriesIndex(3), 1);
        QCOMPARE(chart.lineSeriesIndex(4), 2);
        // Same colour for every run of a series, different colours between series.
        QCOMPARE(chart.lineColor(1), chart.seriesColor(1));
        QCOMPARE(chart.lineColor(2), chart.lineColor(1));
        QCOMPARE(chart.lineColor(3), chart.lineColor(1));
        QVERIFY(chart.lineColor(0) != chart.lineColor(1));
        QVERIFY(chart.lineColor(4) != chart.lineColor(1));

        const int width = chart.plotRect().width();
        QVERIFY2(width > 600 && width < 900, qPrintable(QString::number(width)));
        QVERIFY(qAbs(chart.pointBudget() - width) <= 2);
        const int plotted = chart.plottedPointCount();
        QVERIFY2(plotted <= 3 * (width + 2), qPrintable(QString::number(plotted)));
        QVERIFY(plotted >= 3 * width - 10);

        // Raw, for comparison: every sample.
        chart.setDownsamplingEnabled(false);
        QCOMPARE(chart.plottedPointCount(), 3 * kPoints - 40 - 240);
        QCOMPARE(chart.lineSeriesCount(), 5);
        chart.setDownsamplingEnabled(true);
        QCOMPARE(chart.plottedPointCount(), plotted);

        // Narrower: downsampled again to the new width.
        chart.resize(600, 420);
        QTRY_VERIFY2(chart.plotRect().width() < 560,
                     qPrintable(u"%1 %2"_s.arg(chart.plotRect().width()).arg(chart.width())));
        QTRY_VERIFY(qAbs(chart.pointBudget() - chart.plotRect().width()) <= 2);
        QVERIFY(chart.plottedPointCount() <= 3 * (chart.plotRect().width() + 2));
        QCOMPARE(chart.lineSeriesCount(), 5);
    }

    void axes()
    {
        TimeSeriesChart chart;
        chart.resize(900, 420);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        SeriesSet set = makeSet();
        chart.setSeriesSet(set);
        QCOMPARE(chart.accessibleName(), u"QPS by type"_s);
        QVERIFY(chart.accessibleDescription().contains(u"select: "_s));
        // Non-negative data: the value axis starts at zero; the spike (4,200/s) is inside.
        const QStringList labels = chart.valueAxisLabels();
        QVERIFY(labels.size() >= 3);
        QCOMPARE(labels.first(), u"0/s"_s);
        QVERIFY2(labels.last() == u"5k/s"_s, qPrintable(labels.join(u", ")));
        QCOMPARE(chart.timeAxisFormat(), u"HH:mm"_s);

        set.toMs = set.fromMs + 7 * 24 * 3600 * 1000LL;
        chart.setSeriesSet(set);
        QCOMPARE(chart.timeAxisFormat(), u"MM-dd HH:mm"_s);
        set.toMs = set.fromMs + 15 * 60 * 1000LL;
        chart.setSeriesSet(set);
        QCOMPARE(chart.timeAxisFormat(), u"HH:mm:ss"_s);

        // Latency in seconds, shown in ms.
        SeriesSet latency;
        latency.title = u"Latency p99"_s;
        latency.unit = MetricUnit::Seconds;
        latency.fromMs = kFromMs;
        latency.toMs = kFromMs + 60 * kStepMs;
        latency.stepMs = kStepMs;
        TimeSeries p99;
        p99.legend = u"p99"_s;
        for (int i = 0; i <= 60; ++i)
            p99.points.append(QPointF(double(kFromMs + i * kStepMs), 0.004 + 0.0001 * i));
        latency.series = { p99 };
        chart.setSeriesSet(latency);
        QCOMPARE(chart.valueAxisLabels().first(), u"0 ms"_s);
        QCOMPARE(chart.valueAxisLabels().last(), u"10 ms"_s);
        QCOMPARE(chart.lineSeriesCount(), 1);
        QCOMPARE(chart.plottedPointCount(), 61); // under the budget: unchanged
    }

    void hover()
    {
        QWidget window;
        window.resize(900, 420);
        auto *chart = new TimeSeriesChart(&window);
        chart->setGeometry(0, 0, 900, 420);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        chart->setSeriesSet(makeSet());
        QCoreApplication::processEvents();
        QVERIFY(chart->hoverText().isEmpty());
        QVERIFY(!chart->isCrosshairVisible());

        const QPoint probe = chart->positionFor(kFromMs + kProbe * kStepMs, 2000);
        QVERIFY(chart->plotRect().contains(probe));
        QTest::mouseMove(chart, probe);
        QTRY_VERIFY(!chart->hoverText().isEmpty());
        QVERIFY(chart->isCrosshairVisible());
        const QStringList lines = chart->hoverText().split(u'\n');
        QCOMPARE(lines.size(), 4);
        QVERIFY2(QRegularExpression(u"^\\d\\d:\\d\\d:\\d\\d$"_s).match(lines.at(0)).hasMatch(),
                 qPrintable(lines.at(0)));
        QCOMPARE(lines.at(1), u"select: 2.03k/s"_s);
        QCOMPARE(lines.at(2), u"insert: 413/s"_s);
        QCOMPARE(lines.at(3), u"update: 108/s"_s);
        auto *box = chart->findChild<QLabel *>(u"hoverBox"_s);
        QVERIFY(box && box->isVisible());
        QVERIFY(box->text().contains(u"2.03k/s"_s));

        // In insert's one-hour gap: insert has no data, the others have values.
        const QPoint inGap = chart->positionFor(kFromMs + kGap2Mid * kStepMs, 2000);
        QTest::mouseMove(chart, inGap);
        QTRY_VERIFY(chart->hoverText().contains(u"insert: no data"_s));
        QVERIFY(QRegularExpression(u"select: [0-9.]+k?/s"_s).match(chart->hoverText()).hasMatch());
        QVERIFY(QRegularExpression(u"update: [0-9.]+/s"_s).match(chart->hoverText()).hasMatch());
        shot(&window, u"timeserieschart-gaps-hover.png"_s);

        // Outside the plot area (over the value axis labels): hidden.
        const QRect plot = chart->plotRect();
        QTest::mouseMove(chart, QPoint(plot.left() - 20, plot.center().y()));
        QTRY_VERIFY(chart->hoverText().isEmpty());
        QVERIFY(!chart->isCrosshairVisible());
        QVERIFY(!box->isVisible());
    }

    void messages()
    {
        TimeSeriesChart chart;
        chart.resize(900, 420);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        auto *label = chart.findChild<QLabel *>(u"chartMessage"_s);
        QVERIFY(label);

        // No series at all for the window: "no data".
        SeriesSet empty = makeSet();
        empty.series.clear();
        chart.setSeriesSet(empty);
        QVERIFY(label->isVisible());
        QVERIFY(label->text().contains(u"No data"_s));
        QCOMPARE(chart.lineSeriesCount(), 0);

        // Data: no message. Then an error: the message shows, the lines stay but go grey.
        chart.setSeriesSet(makeSet());
        QVERIFY(!label->isVisible());
        const QColor live = chart.lineColor(0);
        const QString error = u"Prometheus at http://127.0.0.1:9090 is unreachable: "
                              "Connection refused"_s;
        chart.setMessage(error, TimeSeriesChart::MessageKind::Error);
        QCOMPARE(chart.message(), error);
        QCOMPARE(chart.messageKind(), TimeSeriesChart::MessageKind::Error);
        QVERIFY(label->styleSheet().contains(u"#c62828"_s));
        QVERIFY(label->isVisible());
        QCOMPARE(label->text(), error);
        QCOMPARE(chart.lineSeriesCount(), 5);
        QVERIFY(chart.lineColor(0) != live);
        QCOMPARE(chart.lineColor(0), chart.lineColor(4)); // all the same grey
        chart.setLoading(true);
        auto *loading = chart.findChild<QLabel *>(u"chartLoading"_s);
        QVERIFY(loading && loading->isVisible());
        QCoreApplication::processEvents();
        shot(&chart, u"timeserieschart-error.png"_s);

        chart.setLoading(false);
        QVERIFY(!loading->isVisible());
        chart.setMessage({});
        QVERIFY(!label->isVisible());
        QCOMPARE(chart.lineColor(0), live);

        // An info message (the page's own "no data yet") is neutral, and greys the lines too.
        chart.setMessage(u"Waiting for the first sample"_s);
        QCOMPARE(chart.messageKind(), TimeSeriesChart::MessageKind::Info);
        QVERIFY(label->isVisible());
        QVERIFY(!label->styleSheet().contains(u"#c62828"_s));
        QVERIFY(chart.lineColor(0) != live);
        // New data clears any message.
        chart.setSeriesSet(makeSet());
        QVERIFY(!label->isVisible());
        QVERIFY(chart.message().isEmpty());
        QCOMPARE(chart.lineColor(0), live);
    }

    void pickerPresets()
    {
        TimeRangePicker picker;
        qint64 now = kToMs;
        picker.setClock([&now] { return now; });
        picker.show();
        QVERIFY(QTest::qWaitForWindowExposed(&picker));
        QSignalSpy ranges(&picker, &TimeRangePicker::rangeChanged);
        QSignalSpy refreshes(&picker, &TimeRangePicker::refreshRequested);

        const struct
        {
            const char *button;
            qint64 durationMs;
        } presets[] = {
            { "preset15m", 15 * 60 * 1000LL },      { "preset1h", 3600 * 1000LL },
            { "preset6h", 6 * 3600 * 1000LL },      { "preset24h", 24 * 3600 * 1000LL },
            { "preset7d", 7 * 24 * 3600 * 1000LL },
        };
        for (const auto &p : presets) {
            auto *b = picker.findChild<QToolButton *>(QString::fromLatin1(p.button));
            QVERIFY2(b, p.button);
            ranges.clear();
            refreshes.clear();
            QTest::mouseClick(b, Qt::LeftButton);
            QCOMPARE(ranges.size(), 1);
            QCOMPARE(ranges.at(0).at(0).toLongLong(), now - p.durationMs);
            QCOMPARE(ranges.at(0).at(1).toLongLong(), now);
            QCOMPARE(ranges.at(0).at(2).toBool(), true);
            QCOMPARE(refreshes.size(), 1);
            QVERIFY(b->isChecked());
            QVERIFY(picker.isLive());
        }

        // A live window slides to now on refresh.
        ranges.clear();
        refreshes.clear();
        now += 10000;
        QTest::mouseClick(picker.findChild<QToolButton *>(u"refresh"_s), Qt::LeftButton);
        QCOMPARE(ranges.size(), 1);
        QCOMPARE(ranges.at(0).at(0).toLongLong(), now - 7 * 24 * 3600 * 1000LL);
        QCOMPARE(ranges.at(0).at(1).toLongLong(), now);
        QCOMPARE(refreshes.size(), 1);

        // Auto-refresh drives the same refresh from a timer.
        picker.setAutoRefreshSeconds(30);
        QCOMPARE(picker.autoRefreshSeconds(), 30);
        auto *timer = picker.findChild<QTimer *>();
        QVERIFY(timer && timer->isActive());
        QCOMPARE(timer->interval(), 30000);
        auto *combo = picker.findChild<QComboBox *>(u"autoRefresh"_s);
        QCOMPARE(combo->count(), 4);
        combo->setCurrentIndex(1);
        QCOMPARE(timer->interval(), 10000);
        timer->start(30); // do not wait 10 s in a test
        refreshes.clear();
        ranges.clear();
        now += 5000;
        QTRY_VERIFY(refreshes.size() >= 2);
        QVERIFY(ranges.size() >= 2);
        QCOMPARE(ranges.last().at(1).toLongLong(), now);
        combo->setCurrentIndex(0);
        QVERIFY(!timer->isActive());
        QCOMPARE(picker.autoRefreshSeconds(), 0);
        shot(&picker, u"timerangepicker.png"_s);
    }

    void pickerCustom()
    {
        TimeRangePicker picker;
        qint64 now = kToMs;
        picker.setClock([&now] { return now; });
        picker.resize(760, picker.sizeHint().height());
        picker.show();
        QVERIFY(QTest::qWaitForWindowExposed(&picker));
        QSignalSpy ranges(&picker, &TimeRangePicker::rangeChanged);
        QSignalSpy refreshes(&picker, &TimeRangePicker::refreshRequested);

        auto *custom = picker.findChild<QToolButton *>(u"presetCustom"_s);
        auto *row = picker.findChild<QWidget *>(u"customRange"_s);
        auto *from = picker.findChild<QDateTimeEdit *>(u"customFrom"_s);
        auto *to = picker.findChild<QDateTimeEdit *>(u"customTo"_s);
        auto *apply = picker.findChild<QPushButton *>(u"customApply"_s);
        QVERIFY(custom && row && from && to && apply);
        QVERIFY(!row->isVisible());
        QTest::mouseClick(custom, Qt::LeftButton);
        QVERIFY(row->isVisible());
        QCOMPARE(ranges.size(), 0); // nothing changes until Apply

        // from >= to is refused with a message, and nothing is emitted.
        const QDateTime a = QDateTime::fromMSecsSinceEpoch(kFromMs + 3600 * 1000LL);
        const QDateTime b = QDateTime::fromMSecsSinceEpoch(kFromMs + 3 * 3600 * 1000LL);
        from->setDateTime(b);
        to->setDateTime(a);
        QTest::mouseClick(apply, Qt::LeftButton);
        QCOMPARE(ranges.size(), 0);
        QCOMPARE(refreshes.size(), 0);
        QVERIFY(!picker.errorText().isEmpty());
        QVERIFY(picker.findChild<QLabel *>(u"customError"_s)->isVisible());
        QVERIFY(row->isVisible());
        QVERIFY(picker.isLive());
        shot(&picker, u"timerangepicker-custom-error.png"_s);
        to->setDateTime(b);
        QTest::mouseClick(apply, Qt::LeftButton);
        QCOMPARE(ranges.size(), 0);
        QVERIFY(!picker.errorText().isEmpty());
        QVERIFY(!picker.setCustomRange(100, 100));
        QVERIFY(!picker.setCustomRange(200, 100));
        QCOMPARE(ranges.size(), 0);

        // A valid range is applied: fixed (not live), and refresh does not move it.
        from->setDateTime(a);
        to->setDateTime(b);
        QTest::mouseClick(apply, Qt::LeftButton);
        QCOMPARE(ranges.size(), 1);
        QCOMPARE(ranges.at(0).at(0).toLongLong(), a.toMSecsSinceEpoch());
        QCOMPARE(ranges.at(0).at(1).toLongLong(), b.toMSecsSinceEpoch());
        QCOMPARE(ranges.at(0).at(2).toBool(), false);
        QCOMPARE(refreshes.size(), 1);
        QVERIFY(picker.errorText().isEmpty());
        QVERIFY(!row->isVisible());
        QVERIFY(!picker.isLive());
        QCOMPARE(picker.preset(), TimeRangePicker::Preset::Custom);
        QVERIFY(custom->isChecked());
        now += 60000;
        picker.refresh();
        QCOMPARE(ranges.size(), 1);
        QCOMPARE(refreshes.size(), 2);
        QCOMPARE(picker.fromMs(), a.toMSecsSinceEpoch());

        // Back to a preset: live again.
        QTest::mouseClick(picker.findChild<QToolButton *>(u"preset6h"_s), Qt::LeftButton);
        QCOMPARE(ranges.size(), 2);
        QCOMPARE(ranges.last().at(0).toLongLong(), now - 6 * 3600 * 1000LL);
        QVERIFY(picker.isLive());
    }

    void chartWithPickerScreenshot()
    {
        // What a page will look like: the picker above a chart of latency with a gap.
        QWidget page;
        page.resize(960, 470);
        auto *picker = new TimeRangePicker(&page);
        auto *chart = new TimeSeriesChart(&page);
        picker->setGeometry(8, 8, 944, picker->sizeHint().height());
        chart->setGeometry(0, 16 + picker->sizeHint().height(), 960,
                           470 - 16 - picker->sizeHint().height());
        SeriesSet set;
        set.title = u"Query latency"_s;
        set.unit = MetricUnit::Seconds;
        set.fromMs = kFromMs;
        set.toMs = kFromMs + 240 * kStepMs; // 1 h at 15 s
        set.stepMs = kStepMs;
        const char *names[] = { "p99", "p95", "p80" };
        for (int s = 0; s < 3; ++s) {
            TimeSeries ts;
            ts.legend = QString::fromLatin1(names[s]);
            for (int i = 0; i <= 240; ++i) {
                if (i >= 150 && i < 170)
                    continue; // Prometheus was down for 5 minutes
                const double base = 0.020 / (s + 1);
                ts.points.append(QPointF(double(kFromMs + i * kStepMs),
                                         base * (1 + 0.3 * std::sin(i / 9.0 + s))
                                             + (i == 90 && s == 0 ? 0.05 : 0)));
            }
            set.series.append(ts);
        }
        chart->setSeriesSet(set);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QCOMPARE(chart->lineSeriesCount(), 6);
        QTest::mouseMove(chart, chart->positionFor(kFromMs + 90 * kStepMs, 0.01));
        const QString p99
            = MetricFormat::value(0.020 * (1 + 0.3 * std::sin(10.0)) + 0.05, MetricUnit::Seconds);
        QCOMPARE(p99, u"66.7 ms"_s);
        QTRY_VERIFY(chart->hoverText().contains(u"p99: "_s + p99));
        shot(&page, u"timeserieschart-latency-page.png"_s);
    }
};

QTEST_MAIN(TestTimeSeriesChart)
#include "tst_timeserieschart.moc"
