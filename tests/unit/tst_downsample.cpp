// Downsample: LTTB (Steinarsson 2013) and the gap split. Edge cases, a case worked out by hand,
// the properties the chart relies on (ends kept, x ascending, peaks survive, gaps stay gaps,
// the point budget holds).
#include "common/Downsample.h"

#include <QTest>
#include <algorithm>
#include <cmath>

using namespace TiDesk;

namespace {

QList<QPointF> line(int n, double step = 1.0, double x0 = 0.0)
{
    QList<QPointF> pts;
    pts.reserve(n);
    for (int i = 0; i < n; ++i)
        pts.append(QPointF(x0 + i * step, std::sin(i * 0.01) * 10.0 + (i % 7)));
    return pts;
}

bool ascending(const QList<QPointF> &pts)
{
    return std::is_sorted(pts.cbegin(), pts.cend(),
                          [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); })
        && std::adjacent_find(pts.cbegin(), pts.cend(),
                              [](const QPointF &a, const QPointF &b) { return a.x() == b.x(); })
        == pts.cend();
}

qsizetype total(const QList<QList<QPointF>> &runs)
{
    qsizetype n = 0;
    for (const auto &r : runs)
        n += r.size();
    return n;
}

} // namespace

class TestDownsample : public QObject
{
    Q_OBJECT

private slots:
    void lttbSmallInputsUnchanged_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("threshold");
        QTest::newRow("empty") << 0 << 10;
        QTest::newRow("one point") << 1 << 10;
        QTest::newRow("two points") << 2 << 10;
        QTest::newRow("two points, threshold 3") << 2 << 3;
        QTest::newRow("threshold 2") << 100 << 2;
        QTest::newRow("threshold 0") << 100 << 0;
        QTest::newRow("threshold negative") << 100 << -5;
        QTest::newRow("threshold == size") << 100 << 100;
        QTest::newRow("threshold > size") << 100 << 1000;
    }
    void lttbSmallInputsUnchanged()
    {
        QFETCH(int, size);
        QFETCH(int, threshold);
        const QList<QPointF> in = line(size);
        QCOMPARE(Downsample::lttb(in, threshold), in);
    }

    void lttbByHand()
    {
        // n = 6, threshold 4: buckets [1,3) and [3,5).
        // Bucket 0, a = (0,0), next average (3.5, 2.5): doubled areas 1 for (1,1), 5 for (2,0).
        // Bucket 1, a = (2,0), next = last (5,0): 15 for (3,5), 0 for (4,0).
        const QList<QPointF> in { { 0, 0 }, { 1, 1 }, { 2, 0 }, { 3, 5 }, { 4, 0 }, { 5, 0 } };
        const QList<QPointF> expected { { 0, 0 }, { 2, 0 }, { 3, 5 }, { 5, 0 } };
        QCOMPARE(Downsample::lttb(in, 4), expected);

        // threshold 3: one bucket [1,5), a = (0,0), third vertex the last point (5,0):
        // doubled areas 5, 0, 25, 0 -> (3,5).
        const QList<QPointF> three { { 0, 0 }, { 3, 5 }, { 5, 0 } };
        QCOMPARE(Downsample::lttb(in, 3), three);
    }

    void lttbKeepsEndsAndOrderAndBudget_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("threshold");
        QTest::newRow("5760 -> 800") << 5760 << 800;
        QTest::newRow("5760 -> 3") << 5760 << 3;
        QTest::newRow("1001 -> 1000") << 1001 << 1000;
        QTest::newRow("10000 -> 777") << 10000 << 777;
        QTest::newRow("7 -> 4") << 7 << 4;
    }
    void lttbKeepsEndsAndOrderAndBudget()
    {
        QFETCH(int, size);
        QFETCH(int, threshold);
        const QList<QPointF> in = line(size, 15000.0, 1.7e12);
        const QList<QPointF> out = Downsample::lttb(in, threshold);
        QCOMPARE(out.size(), threshold);
        QCOMPARE(out.first(), in.first());
        QCOMPARE(out.last(), in.last());
        QVERIFY(ascending(out));
        for (const QPointF &p : out)
            QVERIFY(in.contains(p)); // picks samples, never invents them
    }

    void lttbKeepsSpike()
    {
        for (const int at : { 1, 4321, 9998 }) {
            QList<QPointF> in;
            for (int i = 0; i < 10000; ++i)
                in.append(QPointF(i, 5.0));
            in[at].setY(500.0);
            const QList<QPointF> out = Downsample::lttb(in, 100);
            QCOMPARE(out.size(), 100);
            QVERIFY2(out.contains(QPointF(at, 500.0)), qPrintable(QString::number(at)));
            // A dip too.
            in[at].setY(-500.0);
            QVERIFY(Downsample::lttb(in, 100).contains(QPointF(at, -500.0)));
        }
    }

    void splitAtGaps()
    {
        QCOMPARE(Downsample::splitAtGaps({}, 15.0).size(), 0);
        const QList<QPointF> in {
            { 0, 1 }, { 15, 1 }, { 30, 1 }, { 60, 1 }, { 75, 1 }, { 200, 1 }
        };
        // 1.5 x step 15 = 22.5: holes of 30 and 125 are gaps, 15 is not.
        const auto runs = Downsample::splitAtGaps(in, 22.5);
        QCOMPARE(runs.size(), 3);
        QCOMPARE(runs.at(0), (QList<QPointF> { { 0, 1 }, { 15, 1 }, { 30, 1 } }));
        QCOMPARE(runs.at(1), (QList<QPointF> { { 60, 1 }, { 75, 1 } }));
        QCOMPARE(runs.at(2), (QList<QPointF> { { 200, 1 } }));
        // Exactly at the threshold is not a gap.
        QCOMPARE(Downsample::splitAtGaps(in, 125.0).size(), 1);
        QCOMPARE(Downsample::splitAtGaps(in, 124.9).size(), 2);
        // No threshold: one run.
        QCOMPARE(Downsample::splitAtGaps(in, 0).size(), 1);
        QCOMPARE(Downsample::splitAtGaps(in, -1).first(), in);
    }

    void lttbRunsKeepsGaps()
    {
        // 24 h at 15 s with two holes (10 min and 1 h), reduced to 800.
        const double step = 15000.0;
        QList<QPointF> in = line(5760, step, 1.7e12);
        const double gap1From = in.at(1000).x(), gap1To = in.at(1040).x();
        const double gap2From = in.at(3000).x(), gap2To = in.at(3240).x();
        in.remove(3001, 239); // leaves 3000 and 3240
        in.remove(1001, 39); // leaves 1000 and 1040
        const auto runs = Downsample::lttbRuns(in, 800, 1.5 * step);
        QCOMPARE(runs.size(), 3);
        QCOMPARE(total(runs), 800);
        // Every run starts and ends where the gap-free original does, so no line bridges a gap.
        QCOMPARE(runs.at(0).first().x(), in.first().x());
        QCOMPARE(runs.at(0).last().x(), gap1From);
        QCOMPARE(runs.at(1).first().x(), gap1To);
        QCOMPARE(runs.at(1).last().x(), gap2From);
        QCOMPARE(runs.at(2).first().x(), gap2To);
        QCOMPARE(runs.at(2).last().x(), in.last().x());
        for (const auto &run : runs) {
            QVERIFY(ascending(run));
            for (qsizetype i = 1; i < run.size(); ++i)
                QVERIFY(run.at(i).x() - run.at(i - 1).x() > 0);
        }
        // The budget is shared by length (runs of 1001, 1961 and 2520 samples).
        const auto raw = Downsample::splitAtGaps(in, 1.5 * step);
        QCOMPARE(raw.at(0).size(), 1001);
        QCOMPARE(raw.at(1).size(), 1961);
        QCOMPARE(raw.at(2).size(), 2520);
        for (int k = 0; k < 3; ++k) {
            const double fair = 800.0 * double(raw.at(k).size()) / double(in.size());
            QVERIFY2(std::abs(double(runs.at(k).size()) - fair) <= 1.0,
                     qPrintable(QString::number(runs.at(k).size())));
        }
    }

    void lttbRunsSmallRunsAndSpikes()
    {
        // A 2-point island and a spiky 40-point island between long flat runs: both survive.
        QList<QPointF> in;
        for (int i = 0; i < 4000; ++i)
            in.append(QPointF(i, 1));
        for (int i = 4100; i < 4102; ++i)
            in.append(QPointF(i, 2));
        for (int i = 4200; i < 4240; ++i)
            in.append(QPointF(i, i == 4222 ? 99 : 1));
        for (int i = 4300; i < 9000; ++i)
            in.append(QPointF(i, 1));
        const auto runs = Downsample::lttbRuns(in, 200, 1.5);
        QCOMPARE(runs.size(), 4);
        QCOMPARE(runs.at(1), (QList<QPointF> { { 4100, 2 }, { 4101, 2 } }));
        QVERIFY(runs.at(2).contains(QPointF(4222, 99)));
        QVERIFY(runs.at(2).size() >= 3);
        // The two short runs are kept whole or at 3 points; the rest keeps to the budget.
        QVERIFY(total(runs) <= 200 + 3 + 2);
    }

    void lttbRunsUnderBudgetOrNoThreshold()
    {
        const QList<QPointF> in { { 0, 1 }, { 1, 2 }, { 5, 3 }, { 6, 4 } };
        QCOMPARE(Downsample::lttbRuns(in, 100, 1.5).size(), 2);
        QCOMPARE(total(Downsample::lttbRuns(in, 100, 1.5)), 4);
        QCOMPARE(Downsample::lttbRuns(in, 2, 1.5).size(), 2); // threshold < 3: split only
        QCOMPARE(total(Downsample::lttbRuns(in, 2, 1.5)), 4);
        QVERIFY(Downsample::lttbRuns({}, 100, 1.5).isEmpty());
        const QList<QPointF> big = line(3000);
        QCOMPARE(Downsample::lttbRuns(big, 300, 0).size(), 1);
        QCOMPARE(Downsample::lttbRuns(big, 300, 0).first(), Downsample::lttb(big, 300));
    }
};

QTEST_GUILESS_MAIN(TestDownsample)
#include "tst_downsample.moc"
