// ChartCatalog and MetricRange: step choice per range (<= ~1,000 points, >= 5 s), the label
// selector reaching every series selector of every query, every chart of every engine either has
// a query or says why not, and the fleet's instant queries.
#include "metrics/ChartCatalog.h"
#include "metrics/MetricRange.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TiDesk;

namespace {

constexpr qint64 kMinute = 60'000;
constexpr qint64 kHour = 60 * kMinute;
// 2026-11-30 05:37:13.250 UTC: not aligned to any step.
constexpr qint64 kNow = 1796017033250;

// The metric selectors of a PromQL text: every `name{...}` with its matchers.
QStringList selectorsIn(const QString &promql)
{
    static const QRegularExpression re(u"([a-z_:]+)\\{([^}]*)\\}"_s);
    QStringList out;
    for (auto it = re.globalMatch(promql); it.hasNext();)
        out << it.next().captured(2);
    return out;
}

// Every bare metric name (a word ending in a known suffix, not followed by '{').
bool hasBareMetric(const QString &promql)
{
    static const QRegularExpression re(u"\\b(tidb|tikv|pd|mysql|process)_[a-z_]+\\b(?!\\{)"_s);
    return re.match(promql).hasMatch();
}

} // namespace

class TestMetricQueries : public QObject
{
    Q_OBJECT

private slots:
    void presetSteps_data()
    {
        QTest::addColumn<QString>("preset");
        QTest::addColumn<qint64>("stepMs");
        QTest::addColumn<qint64>("spanMs");
        QTest::newRow("15m") << u"15m"_s << qint64(5'000) << 15 * kMinute;
        QTest::newRow("1h") << u"1h"_s << qint64(5'000) << kHour;
        QTest::newRow("6h") << u"6h"_s << qint64(30'000) << 6 * kHour;
        QTest::newRow("24h") << u"24h"_s << qint64(2 * kMinute) << 24 * kHour;
        QTest::newRow("7d") << u"7d"_s << qint64(15 * kMinute) << 7 * 24 * kHour;
    }

    void presetSteps()
    {
        QFETCH(QString, preset);
        QFETCH(qint64, stepMs);
        QFETCH(qint64, spanMs);
        const Result<MetricRange> r = MetricRange::fromPreset(preset, kNow);
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QCOMPARE(r->stepMs, stepMs);
        QVERIFY(r->pointCount() <= MetricRange::kMaxPoints + 1);
        QCOMPARE(r->fromMs % r->stepMs, 0);
        QCOMPARE(r->toMs % r->stepMs, 0);
        QVERIFY(r->toMs >= kNow && r->toMs < kNow + r->stepMs); // "now" included
        QVERIFY(r->fromMs <= kNow - spanMs && r->fromMs > kNow - spanMs - r->stepMs);
    }

    void customSteps_data()
    {
        QTest::addColumn<qint64>("spanMs");
        QTest::addColumn<qint64>("stepMs");
        QTest::newRow("30 s: floor of 5 s") << qint64(30'000) << qint64(5'000);
        QTest::newRow("2h") << 2 * kHour << qint64(10'000);
        QTest::newRow("4h10m") << 4 * kHour + 10 * kMinute << qint64(15'000);
        QTest::newRow("1000 min") << 1000 * kMinute << qint64(kMinute);
        QTest::newRow("1001 min") << 1001 * kMinute << 2 * kMinute;
        QTest::newRow("30d") << 30 * 24 * kHour << qint64(kHour);
        QTest::newRow("365d") << 365 * 24 * kHour << 12 * kHour;
    }

    void customSteps()
    {
        QFETCH(qint64, spanMs);
        QFETCH(qint64, stepMs);
        const qint64 from = kNow - spanMs;
        const Result<MetricRange> r = MetricRange::custom(from, kNow);
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QCOMPARE(r->stepMs, stepMs);
        QVERIFY2(r->pointCount() <= MetricRange::kMaxPoints + 1,
                 qPrintable(QString::number(r->pointCount())));
        QVERIFY(r->stepMs >= MetricRange::kMinStepMs);
    }

    void badRanges()
    {
        QCOMPARE(MetricRange::custom(kNow, kNow).error().kind, ErrorKind::InvalidInput);
        QCOMPARE(MetricRange::custom(kNow, kNow - 1).error().kind, ErrorKind::InvalidInput);
        QCOMPARE(MetricRange::custom(kNow - 401LL * 24 * kHour, kNow).error().kind,
                 ErrorKind::InvalidInput);
        const auto r = MetricRange::fromPreset(u"2w"_s, kNow);
        QCOMPARE(r.error().kind, ErrorKind::InvalidInput);
        QVERIFY(r.error().message.contains(u"15m, 1h, 6h, 24h, 7d"_s));
    }

    void rateWindows()
    {
        QCOMPARE(MetricRange::rateWindow(5'000), u"1m"_s);
        QCOMPARE(MetricRange::rateWindow(30'000), u"1m"_s);
        QCOMPARE(MetricRange::rateWindow(2 * kMinute), u"4m"_s);
        QCOMPARE(MetricRange::rateWindow(15 * kMinute), u"30m"_s);
        QCOMPARE(MetricRange::rateWindow(kHour), u"2h"_s);
        QCOMPARE(MetricRange::promDuration(90'000), u"90s"_s);
        QCOMPARE(MetricRange::promDuration(24 * kHour), u"1d"_s);
    }

    void selectorInjection_data()
    {
        QTest::addColumn<int>("engine");
        QTest::newRow("tidb") << int(Engine::TiDB);
        QTest::newRow("mysql") << int(Engine::MySQL);
        QTest::newRow("mariadb") << int(Engine::MariaDB);
    }

    void selectorInjection()
    {
        QFETCH(int, engine);
        const QString selector = u"env=\"prod\", region=~\"eu-.*\""_s;
        int queries = 0;
        for (const ChartDef &c : ChartCatalog::charts(Engine(engine), selector, 30'000)) {
            for (const ChartQuery &q : c.queries) {
                ++queries;
                QVERIFY2(!hasBareMetric(q.promql), qPrintable(q.promql));
                const QStringList sels = selectorsIn(q.promql);
                QVERIFY2(!sels.isEmpty(), qPrintable(q.promql));
                for (const QString &s : sels)
                    QVERIFY2(s.endsWith(selector), qPrintable(c.id + u": "_s + q.promql));
            }
        }
        QVERIFY(queries >= 6);
        const FleetQueries f = ChartCatalog::fleetQueries(Engine(engine), u"{env=\"prod\"}"_s);
        for (const QString &q : { f.qps, f.p99Ms, f.connections }) {
            if (q.isEmpty())
                continue;
            QVERIFY2(!hasBareMetric(q), qPrintable(q));
            for (const QString &s : selectorsIn(q))
                QVERIFY2(s.endsWith(u"env=\"prod\""_s), qPrintable(q));
        }
    }

    void noSelector()
    {
        QCOMPARE(ChartCatalog::series(u"up"_s, {}, {}), u"up"_s);
        QCOMPARE(ChartCatalog::series(u"up"_s, {}, u"  {env=\"a\",} "_s), u"up{env=\"a\"}"_s);
        QCOMPARE(ChartCatalog::series(u"up"_s, u"job=\"tidb\""_s, u"{}"_s), u"up{job=\"tidb\"}"_s);
        QCOMPARE(ChartCatalog::series(u"up"_s, u"job=\"tidb\""_s, u"env=\"a\""_s),
                 u"up{job=\"tidb\",env=\"a\"}"_s);
        const auto c = ChartCatalog::chart(Engine::TiDB, u"connections"_s, {}, 5'000);
        QVERIFY(c.ok());
        QCOMPARE(c->queries.at(0).promql, u"sum(tidb_server_connections) by (instance)"_s);
    }

    void everyChartHasAQueryOrAReason()
    {
        for (Engine e : { Engine::TiDB, Engine::MySQL, Engine::MariaDB }) {
            const QList<ChartDef> charts = ChartCatalog::charts(e, u"env=\"x\""_s, 5'000);
            QVERIFY(charts.size() >= 5);
            QStringList ids;
            for (const ChartDef &c : charts) {
                QVERIFY2(!ids.contains(c.id), qPrintable(c.id));
                ids << c.id;
                QVERIFY(!c.title.isEmpty());
                if (c.isSupported()) {
                    QVERIFY2(!c.queries.isEmpty(), qPrintable(c.id));
                    for (const ChartQuery &q : c.queries) {
                        QVERIFY(!q.promql.isEmpty());
                        QVERIFY(!q.legend.fixed.isEmpty() || !q.legend.labels.isEmpty());
                        QCOMPARE(q.promql.count(u'('), q.promql.count(u')'));
                    }
                } else {
                    QVERIFY(c.queries.isEmpty());
                }
            }
            QCOMPARE(ChartCatalog::chartIds(e), ids);
        }
        QVERIFY(ChartCatalog::charts(Engine::Unknown, {}, 5'000).isEmpty());
    }

    void catalogContents()
    {
        QCOMPARE(ChartCatalog::chartIds(Engine::TiDB),
                 (QStringList { u"qps"_s, u"latency"_s, u"connections"_s, u"cpu"_s, u"memory"_s,
                                u"store_size"_s }));
        const auto lat = ChartCatalog::chart(Engine::TiDB, u"latency"_s, {}, 30'000);
        QVERIFY(lat.ok());
        QCOMPARE(lat->unit, MetricUnit::Seconds);
        QCOMPARE(lat->queries.size(), 2);
        QCOMPARE(lat->queries.at(0).legend.fixed, u"p99"_s);
        QCOMPARE(lat->queries.at(0).promql,
                 u"histogram_quantile(0.99, sum(rate(tidb_server_handle_query_duration_seconds_"
                 "bucket{sql_type!=\"internal\"}[1m])) by (le))"_s);
        QCOMPARE(lat->queries.at(1).legend.fixed, u"p95"_s);
        // The rate window follows the step (7d -> 15 min step -> 30m window).
        const auto qps = ChartCatalog::chart(Engine::TiDB, u"qps"_s, {}, 15 * kMinute);
        QVERIFY(qps->queries.at(0).promql.contains(u"[30m]"_s));

        for (const QString &id : { u"buffer_pool"_s, u"threads"_s, u"qps"_s, u"connections"_s })
            QVERIFY2(ChartCatalog::chart(Engine::MariaDB, id, {}, 5'000).ok(), qPrintable(id));
    }

    void unsupportedAndUnknown()
    {
        for (const QString &id : { u"latency"_s, u"cpu"_s, u"memory"_s }) {
            const auto r = ChartCatalog::chart(Engine::MySQL, id, {}, 5'000);
            QVERIFY(!r.ok());
            QCOMPARE(r.error().kind, ErrorKind::Unsupported);
            QVERIFY2(r.error().message.contains(u"mysqld_exporter"_s),
                     qPrintable(r.error().message));
        }
        const auto unknown = ChartCatalog::chart(Engine::TiDB, u"nope"_s, {}, 5'000);
        QCOMPARE(unknown.error().kind, ErrorKind::NotFound);
        QVERIFY2(unknown.error().message.contains(
                     u"qps, latency, connections, cpu, memory, store_size"_s),
                 qPrintable(unknown.error().message));
        const auto mysqlUnknown = ChartCatalog::chart(Engine::MariaDB, u"store_size"_s, {}, 5'000);
        QCOMPARE(mysqlUnknown.error().kind, ErrorKind::NotFound);
        QVERIFY(mysqlUnknown.error().message.contains(u"latency (not available)"_s));
    }

    void fleetQueries()
    {
        const FleetQueries t = ChartCatalog::fleetQueries(Engine::TiDB, {});
        QCOMPARE(t.qps, u"sum(rate(tidb_executor_statement_total[1m]))"_s);
        QVERIFY(t.p99Ms.startsWith(u"histogram_quantile(0.99, "_s));
        QVERIFY(t.p99Ms.endsWith(u" * 1000"_s));
        QCOMPARE(t.connections, u"sum(tidb_server_connections)"_s);
        const FleetQueries m = ChartCatalog::fleetQueries(Engine::MariaDB, u"env=\"dev\""_s);
        QCOMPARE(m.qps, u"sum(rate(mysql_global_status_queries{env=\"dev\"}[1m]))"_s);
        QVERIFY(m.p99Ms.isEmpty());
        QCOMPARE(m.connections, u"sum(mysql_global_status_threads_connected{env=\"dev\"})"_s);
        const FleetQueries none = ChartCatalog::fleetQueries(Engine::Unknown, {});
        QVERIFY(none.qps.isEmpty() && none.p99Ms.isEmpty() && none.connections.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMetricQueries)
#include "tst_metricqueries.moc"
