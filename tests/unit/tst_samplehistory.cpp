// Tests SampleHistory: the fleet poller's samples kept as chart series for environments without
// Prometheus: one point per sample time (a merged re-emit replaces it), a down sample leaves a
// hole the chart draws as a gap, the window filters, an hour is kept at most.
#include "common/Downsample.h"
#include "health/SampleHistory.h"

#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace TiDesk;

namespace {

const qint64 kT0 = 1'800'000'000'000LL; // ms

FleetSample sample(const QUuid &id, qint64 atMs, double qps, qint64 connections, bool up = true)
{
    FleetSample s;
    s.environmentId = id;
    s.state = up ? FleetSample::State::Ok : FleetSample::State::Down;
    s.sampledAt = QDateTime::fromMSecsSinceEpoch(atMs, QTimeZone::utc());
    s.qps = qps;
    s.connections = connections;
    return s;
}

} // namespace

class TestSampleHistory : public QObject
{
    Q_OBJECT
private slots:
    void pointsGapsAndReplacement()
    {
        SampleHistory h(10000);
        const QUuid id = QUuid::createUuid();
        h.add(sample(id, kT0, 10, 3));
        h.add(sample(id, kT0 + 10000, 12, 4));
        h.add(sample(id, kT0 + 10000, 99, 4)); // the same sample re-emitted (Prometheus QPS)
        h.add(sample(id, kT0 + 20000, 0, -1, false)); // down
        h.add(sample(id, kT0 + 30000, 0, -1, false));
        h.add(sample(id, kT0 + 40000, 11, 5));
        h.add(sample(id, kT0 + 5000, 1, 1)); // out of order: ignored
        QCOMPARE(h.size(id), 5);

        const SeriesSet qps = h.chart(id, u"qps"_s, kT0 - 60000, kT0 + 60000);
        QCOMPARE(qps.unit, MetricUnit::PerSecond);
        QCOMPARE(qps.stepMs, qint64(10000));
        QCOMPARE(qps.series.size(), 1);
        const QList<QPointF> pts = qps.series.first().points;
        QCOMPARE(pts.size(), 3); // the two down samples are holes
        QCOMPARE(pts.at(1).y(), 99.0);
        // The hole is longer than 1.5 steps: the chart splits the line there.
        QCOMPARE(Downsample::splitAtGaps(pts, 1.5 * double(qps.stepMs)).size(), 2);

        const SeriesSet conns = h.chart(id, u"connections"_s, kT0 + 15000, kT0 + 60000);
        QCOMPARE(conns.unit, MetricUnit::Count);
        QCOMPARE(conns.series.first().points.size(), 1); // window filter
        QCOMPARE(conns.series.first().points.first().y(), 5.0);
    }

    void unknownEnvironmentAndOldPoints()
    {
        SampleHistory h(10000);
        QVERIFY(h.chart(QUuid::createUuid(), u"qps"_s, kT0, kT0 + 1000).series.isEmpty());
        const QUuid id = QUuid::createUuid();
        h.add(sample(id, kT0, 1, 1));
        h.add(sample(id, kT0 + SampleHistory::kKeepMs + 1, 2, 2));
        QCOMPARE(h.size(id), 1); // older than an hour: dropped
        h.forget(id);
        QCOMPARE(h.size(id), 0);
        // Unknown QPS (first sample, TiDB) is no point, not a zero.
        h.add(sample(id, kT0, FleetSample::kUnknown, 2));
        QVERIFY(h.chart(id, u"qps"_s, kT0 - 1, kT0 + 1).series.isEmpty());
        QCOMPARE(h.chart(id, u"connections"_s, kT0 - 1, kT0 + 1).series.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSampleHistory)
#include "tst_samplehistory.moc"
