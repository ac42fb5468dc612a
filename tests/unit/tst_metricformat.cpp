// MetricFormat: each MetricUnit's value text (hover boxes) and value-axis ticks and labels, in
// the C locale so the digits are predictable.
#include "common/MetricFormat.h"

#include <QLocale>
#include <QTest>
#include <limits>

using namespace Qt::StringLiterals;
using namespace TiDesk;

Q_DECLARE_METATYPE(TiDesk::MetricUnit)

class TestMetricFormat : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void value_data()
    {
        QTest::addColumn<double>("v");
        QTest::addColumn<MetricUnit>("unit");
        QTest::addColumn<QString>("expected");
        const double KiB = 1024, MiB = KiB * 1024, GiB = MiB * 1024, TiB = GiB * 1024;
        QTest::newRow("s zero") << 0.0 << MetricUnit::Seconds << u"0 ms"_s;
        QTest::newRow("s 12.3 ms") << 0.0123 << MetricUnit::Seconds << u"12.3 ms"_s;
        QTest::newRow("s 500 ms") << 0.5 << MetricUnit::Seconds << u"500 ms"_s;
        QTest::newRow("s sub-ms") << 0.0004 << MetricUnit::Seconds << u"0.4 ms"_s;
        QTest::newRow("s 1.5 s") << 1.5 << MetricUnit::Seconds << u"1.5 s"_s;
        QTest::newRow("s rounds up to 1 s") << 0.9996 << MetricUnit::Seconds << u"1 s"_s;
        QTest::newRow("s 125 s") << 125.0 << MetricUnit::Seconds << u"125 s"_s;
        QTest::newRow("B 512") << 512.0 << MetricUnit::Bytes << u"512 B"_s;
        QTest::newRow("B 1.5 KiB") << 1.5 * KiB << MetricUnit::Bytes << u"1.5 KiB"_s;
        QTest::newRow("B 1023.9 -> 1 KiB") << 1023.9 << MetricUnit::Bytes << u"1 KiB"_s;
        QTest::newRow("B 1.23 GiB") << 1.234 * GiB << MetricUnit::Bytes << u"1.23 GiB"_s;
        QTest::newRow("B 300 MiB") << 300 * MiB << MetricUnit::Bytes << u"300 MiB"_s;
        QTest::newRow("B 2 TiB") << 2 * TiB << MetricUnit::Bytes << u"2 TiB"_s;
        QTest::newRow("B beyond TiB") << 5 * 1024 * TiB << MetricUnit::Bytes << u"5120 TiB"_s;
        QTest::newRow("ratio 45.2%") << 0.452 << MetricUnit::Ratio << u"45.2%"_s;
        QTest::newRow("ratio 100%") << 1.0 << MetricUnit::Ratio << u"100%"_s;
        QTest::newRow("ratio tiny") << 0.00123 << MetricUnit::Ratio << u"0.123%"_s;
        QTest::newRow("ratio zero") << 0.0 << MetricUnit::Ratio << u"0%"_s;
        QTest::newRow("count 12") << 12.0 << MetricUnit::Count << u"12"_s;
        QTest::newRow("count 1.23k") << 1234.0 << MetricUnit::Count << u"1.23k"_s;
        QTest::newRow("count 12.3k") << 12345.0 << MetricUnit::Count << u"12.3k"_s;
        QTest::newRow("count 2.5M") << 2.5e6 << MetricUnit::Count << u"2.5M"_s;
        QTest::newRow("count 999.7 -> 1k") << 999.7 << MetricUnit::Count << u"1k"_s;
        QTest::newRow("count 3G") << 3e9 << MetricUnit::Count << u"3G"_s;
        QTest::newRow("count negative") << -1500.0 << MetricUnit::Count << u"-1.5k"_s;
        QTest::newRow("rate 12.5/s") << 12.5 << MetricUnit::PerSecond << u"12.5/s"_s;
        QTest::newRow("rate 1.23k/s") << 1234.0 << MetricUnit::PerSecond << u"1.23k/s"_s;
        QTest::newRow("rate 4.57M/s") << 4567890.0 << MetricUnit::PerSecond << u"4.57M/s"_s;
        QTest::newRow("cores 0.75") << 0.75 << MetricUnit::Cores << u"0.75 cores"_s;
        QTest::newRow("cores 2") << 2.0 << MetricUnit::Cores << u"2 cores"_s;
        QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN() << MetricUnit::Count
                             << u"\u2013"_s;
    }
    void value()
    {
        QFETCH(double, v);
        QFETCH(MetricUnit, unit);
        QFETCH(QString, expected);
        QCOMPARE(MetricFormat::value(v, unit), expected);
    }

    void axis_data()
    {
        QTest::addColumn<double>("lo");
        QTest::addColumn<double>("hi");
        QTest::addColumn<MetricUnit>("unit");
        QTest::addColumn<QStringList>("labels");
        QTest::addColumn<double>("top"); // the axis max in the metric's own unit
        const double GiB = 1024.0 * 1024 * 1024;
        QTest::newRow("latency ms")
            << 0.0 << 0.012 << MetricUnit::Seconds
            << QStringList { u"0 ms"_s, u"5 ms"_s, u"10 ms"_s, u"15 ms"_s } << 0.015;
        // 0.95 s would top out at "1000 ms": the axis switches to seconds instead.
        QTest::newRow("latency tops at 1 s")
            << 0.0 << 0.95 << MetricUnit::Seconds
            << QStringList { u"0 s"_s, u"0.2 s"_s, u"0.4 s"_s, u"0.6 s"_s, u"0.8 s"_s, u"1.0 s"_s }
            << 1.0;
        QTest::newRow("memory GiB")
            << 0.0 << 3.2 * GiB << MetricUnit::Bytes
            << QStringList { u"0 GiB"_s, u"1 GiB"_s, u"2 GiB"_s, u"3 GiB"_s, u"4 GiB"_s }
            << 4 * GiB;
        QTest::newRow("ratio percent")
            << 0.0 << 0.45 << MetricUnit::Ratio
            << QStringList { u"0%"_s, u"10%"_s, u"20%"_s, u"30%"_s, u"40%"_s, u"50%"_s } << 0.5;
        QTest::newRow("qps k") << 0.0 << 12345.0 << MetricUnit::PerSecond
                               << QStringList { u"0/s"_s, u"5k/s"_s, u"10k/s"_s, u"15k/s"_s }
                               << 15000.0;
        QTest::newRow("connections whole")
            << 0.0 << 2.0 << MetricUnit::Count << QStringList { u"0"_s, u"1"_s, u"2"_s } << 2.0;
        QTest::newRow("flat zero count")
            << 0.0 << 0.0 << MetricUnit::Count << QStringList { u"0"_s, u"1"_s } << 1.0;
        QTest::newRow("flat zero latency") << 0.0 << 0.0 << MetricUnit::Seconds
                                           << QStringList { u"0 ms"_s,   u"0.2 ms"_s, u"0.4 ms"_s,
                                                            u"0.6 ms"_s, u"0.8 ms"_s, u"1.0 ms"_s }
                                           << 0.001;
        QTest::newRow("negative") << -5.0 << 5.0 << MetricUnit::Count
                                  << QStringList { u"-6"_s, u"-4"_s, u"-2"_s, u"0"_s,
                                                   u"2"_s,  u"4"_s,  u"6"_s }
                                  << 6.0;
        QTest::newRow("cores") << 0.0 << 1.7 << MetricUnit::Cores
                               << QStringList { u"0 cores"_s, u"0.5 cores"_s, u"1.0 cores"_s,
                                                u"1.5 cores"_s, u"2.0 cores"_s }
                               << 2.0;
    }
    void axis()
    {
        QFETCH(double, lo);
        QFETCH(double, hi);
        QFETCH(MetricUnit, unit);
        QFETCH(QStringList, labels);
        QFETCH(double, top);
        const MetricFormat::Axis a = MetricFormat::axis(lo, hi, unit, 5);
        QCOMPARE(a.labels, labels);
        QCOMPARE(a.ticks.size(), a.labels.size());
        QVERIFY(qFuzzyCompare(a.max, top));
        QCOMPARE(a.min, a.ticks.first());
        QVERIFY(a.min <= lo && a.max >= hi);
        // Evenly spaced, ascending, and no label repeats (QCategoryAxis needs unique labels).
        const double step = a.ticks.at(1) - a.ticks.at(0);
        QVERIFY(step > 0);
        for (int i = 1; i < a.ticks.size(); ++i)
            QVERIFY(qAbs(a.ticks.at(i) - a.ticks.at(i - 1) - step) < step * 1e-6);
        QCOMPARE(QSet<QString>(a.labels.cbegin(), a.labels.cend()).size(), a.labels.size());
    }
};

QTEST_GUILESS_MAIN(TestMetricFormat)
#include "tst_metricformat.moc"
