// PrometheusClient against the sandbox's two real Prometheus 2.42 servers: the scraping one
// (mysqld_exporter series per env), and prometheus-tidb (7 days of backfilled TiDB-shaped series,
// tests/sandbox/tidb-metrics.py). Every TiDB chart of the ChartCatalog must come back non-empty
// with the expected legends, and the backfill's deliberate gap must show as missing steps.
// Bad query -> the server's bad_data text; closed port -> Connection; a server that accepts TCP
// and never answers -> Timeout.
#include "SandboxEnv.h"
#include "metrics/ChartCatalog.h"
#include "metrics/PrometheusClient.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace TiDesk;

class TestPrometheus : public QObject
{
    Q_OBJECT

    Test::SandboxEnv m_env;
    QNetworkAccessManager m_network;

    QUrl promUrl() const { return QUrl(u"http://127.0.0.1:%1"_s.arg(m_env.prometheusPort())); }
    QUrl tidbUrl() const { return QUrl(u"http://127.0.0.1:%1"_s.arg(m_env.prometheusTidbPort())); }
    qint64 tidbNewestMs() const
    {
        return m_env.value(u"PROMETHEUS_TIDB_NEWEST"_s).toLongLong() * 1000;
    }

    // One instant query, waited for.
    Result<PromParser::Parsed> instant(const QUrl &base, const QString &promql, qint64 atMs = 0,
                                       int timeoutMs = 5000, const LegendSpec &legend = {})
    {
        PrometheusClient client(&m_network);
        client.setTimeout(std::chrono::milliseconds(timeoutMs));
        std::optional<Result<PromParser::Parsed>> got;
        QSignalSpy failed(&client, &PrometheusClient::failed);
        QSignalSpy ready(&client, &PrometheusClient::seriesReady);
        client.query(base, promql, atMs, legend,
                     [&](quint64, const Result<PromParser::Parsed> &r) { got = r; });
        if (!QTest::qWaitFor([&] { return got.has_value(); }, timeoutMs + 5000))
            return Error::make(ErrorKind::Internal, u"no answer at all"_s);
        // The signals agree with the callback.
        if (got->ok() != (ready.size() == 1) || got->ok() == (failed.size() == 1))
            return Error::make(ErrorKind::Internal, u"signals disagree with the callback"_s);
        return *got;
    }

    Result<SeriesSet> chart(const QUrl &base, const ChartDef &def, const MetricRange &range)
    {
        PrometheusClient client(&m_network);
        std::optional<Result<SeriesSet>> got;
        client.fetchChart(base, def, range, [&](const Result<SeriesSet> &r) { got = r; });
        if (!QTest::qWaitFor([&] { return got.has_value(); }, 20000))
            return Error::make(ErrorKind::Internal, u"no answer at all"_s);
        return *got;
    }

    MetricRange tidbRange(qint64 spanMs) const
    {
        return MetricRange::custom(tidbNewestMs() - spanMs, tidbNewestMs()).value();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_env.isValid(), qPrintable(m_env.error()));
        QVERIFY2(m_env.prometheusTidbPort() > 0,
                 "sandbox.env has no PROMETHEUS_TIDB_PORT: run ./run sandbox up");
        QVERIFY(tidbNewestMs() > 0);
    }

    void mysqldExporterSeriesForEnv()
    {
        // The scrape may not have happened yet right after `sandbox up`, and a test that
        // restarted test01 just before us (tst_fleetpoller) leaves mysql_up at 0 until the next
        // scrape: wait for the exporter to see the server up (the later tests rely on it).
        Result<PromParser::Parsed> r = Error();
        QTRY_VERIFY_WITH_TIMEOUT((r = instant(promUrl(), u"mysql_up{env=\"test01\"}"_s, 0, 5000,
                                              LegendSpec::byLabel(u"env"_s)))
                                         .ok()
                                     && !r->series.isEmpty() && !r->series.at(0).points.isEmpty()
                                     && r->series.at(0).points.at(0).y() == 1.0,
                                 30000);
        QCOMPARE(r->series.size(), 1);
        QCOMPARE(r->series.at(0).legend, u"test01"_s);
        QCOMPARE(r->series.at(0).labels.value(u"job"_s), u"mysql"_s);
        QCOMPARE(r->series.at(0).points.size(), 1);
        QCOMPARE(r->series.at(0).points.at(0).y(), 1.0);
        const double ageMs
            = double(QDateTime::currentMSecsSinceEpoch()) - r->series.at(0).points.at(0).x();
        QVERIFY2(ageMs > -5000 && ageMs < 5000, qPrintable(QString::number(ageMs)));
    }

    void mariadbChartWithSelector()
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const MetricRange range = MetricRange::custom(now - 5 * 60'000, now).value();
        const auto def = ChartCatalog::chart(Engine::MariaDB, u"connections"_s, u"env=\"test01\""_s,
                                             range.stepMs);
        QVERIFY(def.ok());
        const Result<SeriesSet> set = chart(promUrl(), *def, range);
        QVERIFY2(set.ok(), qPrintable(set.error().toString()));
        QCOMPARE(set->unit, MetricUnit::Count);
        QCOMPARE(set->stepMs, qint64(5000));
        QStringList legends;
        for (const TimeSeries &s : set->series) {
            legends << s.legend;
            QVERIFY2(!s.isEmpty(), qPrintable(s.legend));
        }
        QCOMPARE(legends, (QStringList { u"connected"_s, u"running"_s, u"max_connections"_s }));
        QCOMPARE(set->series.at(2).points.last().y(), 200.0); // max_connections of the sandbox
        // An env that does not exist: the selector really filters.
        const auto none = ChartCatalog::chart(Engine::MariaDB, u"connections"_s, u"env=\"nope\""_s,
                                              range.stepMs);
        const Result<SeriesSet> empty = chart(promUrl(), *none, range);
        QVERIFY(empty.ok());
        for (const TimeSeries &s : empty->series)
            QVERIFY(s.isEmpty());
    }

    void plusIsNotASpace()
    {
        const auto r = instant(promUrl(), u"scalar(sum(mysql_up{env=\"test01\"})) + 0.5"_s);
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QCOMPARE(r->type, PromParser::ResultType::Scalar);
        QCOMPARE(r->series.at(0).points.at(0).y(), 1.5);
    }

    void badQueryShowsServerText()
    {
        const auto r = instant(promUrl(), u"sum(rate(mysql_global_status_queries[1m]) by (env"_s);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Server);
        QCOMPARE(r.error().code, 400);
        QVERIFY2(r.error().message.contains(u"(bad_data)"_s), qPrintable(r.error().message));
        QVERIFY2(r.error().message.contains(u"parse error"_s), qPrintable(r.error().message));
    }

    void closedPort()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        const auto r = instant(QUrl(u"http://127.0.0.1:%1"_s.arg(port)), u"up"_s);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Connection);
        QVERIFY2(r.error().message.contains(u"refused"_s), qPrintable(r.error().message));
    }

    void neverAnswersTimesOut()
    {
        QTcpServer silent; // accepts, reads, never writes
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        QList<QTcpSocket *> held;
        connect(&silent, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *s = silent.nextPendingConnection())
                held << s;
        });
        QElapsedTimer t;
        t.start();
        const auto r
            = instant(QUrl(u"http://127.0.0.1:%1"_s.arg(silent.serverPort())), u"up"_s, 0, 800);
        const qint64 ms = t.elapsed();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Timeout);
        QVERIFY2(ms >= 700 && ms < 4000, qPrintable(QString::number(ms)));
        QVERIFY(!held.isEmpty());
    }

    void notAUrl()
    {
        const auto r = instant(QUrl(u"ftp://127.0.0.1:1"_s), u"up"_s);
        QCOMPARE(r.error().kind, ErrorKind::InvalidInput);
    }

    void everyTidbChartOverSixHours_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QStringList>("legends");
        const QString t1 = u"10.0.1.4:10080"_s, t2 = u"10.0.1.5:10080"_s;
        QStringList nodes;
        for (const QString &i : { u"10.0.1.1:2379"_s, u"10.0.1.2:2379"_s, u"10.0.1.3:2379"_s })
            nodes << u"pd "_s + i;
        nodes << u"tidb "_s + t1 << u"tidb "_s + t2;
        for (const QString &i : { u"10.0.1.7:20180"_s, u"10.0.1.8:20180"_s, u"10.0.1.9:20180"_s })
            nodes << u"tikv "_s + i;
        QStringList stores;
        for (const QString &i : { u"10.0.1.7:20180"_s, u"10.0.1.8:20180"_s, u"10.0.1.9:20180"_s })
            stores << i + u" capacity"_s << i + u" used"_s;
        QTest::newRow("qps") << u"qps"_s
                             << QStringList { u"Begin"_s,  u"Commit"_s, u"Delete"_s, u"Insert"_s,
                                              u"Select"_s, u"Update"_s, u"total"_s };
        QTest::newRow("latency") << u"latency"_s << QStringList { u"p99"_s, u"p95"_s };
        QTest::newRow("connections") << u"connections"_s << QStringList { t1, t2 };
        QTest::newRow("cpu") << u"cpu"_s << nodes;
        QTest::newRow("memory") << u"memory"_s << nodes;
        QTest::newRow("store_size") << u"store_size"_s << stores;
    }

    void everyTidbChartOverSixHours()
    {
        QFETCH(QString, id);
        QFETCH(QStringList, legends);
        const MetricRange range = tidbRange(6 * 3600'000LL);
        QCOMPARE(range.stepMs, qint64(30'000));
        const auto def = ChartCatalog::chart(Engine::TiDB, id, {}, range.stepMs);
        QVERIFY(def.ok());
        const Result<SeriesSet> set = chart(tidbUrl(), *def, range);
        QVERIFY2(set.ok(), qPrintable(set.error().toString()));
        QStringList got;
        for (const TimeSeries &s : set->series) {
            got << s.legend;
            // Nearly every step of 6 h has a value (the gap and the last ~step aside).
            QVERIFY2(s.points.size() > 600,
                     qPrintable(s.legend + u": "_s + QString::number(s.points.size())));
        }
        QCOMPARE(got, legends);
        if (id == u"latency") {
            for (const TimeSeries &s : set->series)
                for (const QPointF &p : s.points)
                    QVERIFY2(p.y() > 0.0005 && p.y() < 3.0, qPrintable(QString::number(p.y())));
            // p99 >= p95 at every step.
            for (qsizetype i = 0; i < set->series.at(0).points.size(); ++i)
                QVERIFY(set->series.at(0).points.at(i).y() >= set->series.at(1).points.at(i).y());
        }
    }

    void deliberateGapIsVisible()
    {
        const qint64 gapFrom = m_env.value(u"PROMETHEUS_TIDB_GAP_FROM"_s).toLongLong() * 1000;
        const qint64 gapTo = m_env.value(u"PROMETHEUS_TIDB_GAP_TO"_s).toLongLong() * 1000;
        const QString gapInstance = m_env.value(u"PROMETHEUS_TIDB_GAP_INSTANCE"_s);
        QVERIFY(gapFrom > 0 && gapTo > gapFrom);
        const MetricRange range = tidbRange(6 * 3600'000LL);
        const auto def = ChartCatalog::chart(Engine::TiDB, u"connections"_s, {}, range.stepMs);
        const Result<SeriesSet> set = chart(tidbUrl(), *def, range);
        QVERIFY2(set.ok(), qPrintable(set.error().toString()));
        QCOMPARE(set->series.size(), 2);
        for (const TimeSeries &s : set->series) {
            // Longest hole between neighbouring points, and where it is.
            qint64 longest = 0, holeStart = 0;
            for (qsizetype i = 1; i < s.points.size(); ++i) {
                const qint64 d = qint64(s.points.at(i).x() - s.points.at(i - 1).x());
                if (d > longest) {
                    longest = d;
                    holeStart = qint64(s.points.at(i - 1).x());
                }
            }
            if (s.legend == gapInstance) {
                // 15 minutes without samples; the 5-minute lookback fills the first 5 of them.
                QVERIFY2(longest >= 9 * 60'000, qPrintable(QString::number(longest)));
                QVERIFY(longest > 3 * set->stepMs / 2); // a gap by TimeSeries' rule
                QVERIFY(holeStart >= gapFrom && holeStart <= gapTo);
            } else {
                QCOMPARE(longest, set->stepMs); // no missing step at all
            }
        }
    }

    void fleetInstantQueries()
    {
        const FleetQueries tidb = ChartCatalog::fleetQueries(Engine::TiDB, {});
        const auto qps = instant(tidbUrl(), tidb.qps, tidbNewestMs());
        QVERIFY2(qps.ok() && qps->series.size() == 1, qPrintable(qps.error().toString()));
        QVERIFY(qps->series.at(0).points.at(0).y() > 50);
        const auto p99 = instant(tidbUrl(), tidb.p99Ms, tidbNewestMs());
        QVERIFY2(p99.ok() && p99->series.size() == 1, qPrintable(p99.error().toString()));
        const double ms = p99->series.at(0).points.at(0).y();
        QVERIFY2(ms > 1 && ms < 2000, qPrintable(QString::number(ms)));
        const auto conns = instant(tidbUrl(), tidb.connections, tidbNewestMs());
        QVERIFY2(conns.ok() && conns->series.size() == 1, qPrintable(conns.error().toString()));
        QVERIFY(conns->series.at(0).points.at(0).y() >= 1);

        const FleetQueries maria = ChartCatalog::fleetQueries(Engine::MariaDB, u"env=\"test01\""_s);
        const auto mc = instant(promUrl(), maria.connections);
        QVERIFY2(mc.ok() && mc->series.size() == 1, qPrintable(mc.error().toString()));
        QVERIFY(mc->series.at(0).points.at(0).y() >= 1); // the exporter's own session at least
    }

    void unsupportedChartFailsWithReason()
    {
        ChartDef def;
        def.id = u"latency"_s;
        def.unsupportedReason = u"no histogram here"_s;
        const auto r = chart(promUrl(), def, tidbRange(3600'000));
        QCOMPARE(r.error().kind, ErrorKind::Unsupported);
        QCOMPARE(r.error().message, u"no histogram here"_s);
    }
};

QTEST_GUILESS_MAIN(TestPrometheus)
#include "tst_prometheus.moc"
