// FleetMath: reading the fleet status statement per engine, Go durations, QPS from two counter
// readings (own statements, counter resets, restarts), the back-off schedule, the history ring
// and the worst-first rank. No server needed.
#include "health/FleetMath.h"
#include "sql/QueryResult.h"

#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace TiDesk;

Q_DECLARE_METATYPE(TiDesk::CounterReading)

namespace {

QueryResult statusResult(const QList<QPair<QString, QString>> &vars)
{
    QueryResult r;
    r.columns = { u"Variable_name"_s, u"Value"_s };
    for (const auto &[name, value] : vars)
        r.rows.append({ name, value });
    return r;
}

CounterReading reading(qint64 questions, qint64 steadyMs, qint64 own = 0, qint64 uptime = -1)
{
    CounterReading c;
    c.questions = questions;
    c.steadyMs = steadyMs;
    c.ownStatements = own;
    c.uptimeSeconds = uptime;
    return c;
}

} // namespace

class TestFleetMath : public QObject
{
    Q_OBJECT
private slots:
    void mariadbCounters();
    void mariadbCountersMissingColumns();
    void tidbCounters();
    void goDuration_data();
    void goDuration();
    void qps_data();
    void qps();
    void backoff_data();
    void backoff();
    void backoffNeverExceedsCap();
    void history();
    void severity();
};

void TestFleetMath::mariadbCounters()
{
    const QueryResult r = statusResult({ { u"Questions"_s, u"12345"_s },
                                         { u"Threads_connected"_s, u"7"_s },
                                         { u"Threads_running"_s, u"2"_s },
                                         { u"Uptime"_s, u"3600"_s } });
    const FleetCounters c = FleetMath::countersFromResult(Engine::MariaDB, r);
    QCOMPARE(c.questions, 12345);
    QCOMPARE(c.connections, 6); // the poller's own connection is not counted
    QCOMPARE(c.threadsRunning, 2);
    QCOMPARE(c.uptimeSeconds, 3600);
    // Names are matched case-insensitively (MySQL 5.x returned upper case from some forks).
    const FleetCounters upper = FleetMath::countersFromResult(
        Engine::MySQL,
        statusResult({ { u"QUESTIONS"_s, u"5"_s }, { u"THREADS_CONNECTED"_s, u"1"_s } }));
    QCOMPARE(upper.questions, 5);
    QCOMPARE(upper.connections, 0);
    QCOMPARE(upper.uptimeSeconds, -1);
}

void TestFleetMath::mariadbCountersMissingColumns()
{
    QueryResult r;
    r.columns = { u"a"_s, u"b"_s };
    r.rows.append({ u"Questions"_s, u"1"_s });
    const FleetCounters c = FleetMath::countersFromResult(Engine::MariaDB, r);
    QCOMPARE(c.questions, -1);
    QCOMPARE(c.connections, -1);
    // A non-number is unknown, not 0.
    const FleetCounters bad = FleetMath::countersFromResult(
        Engine::MariaDB, statusResult({ { u"Questions"_s, u"lots"_s } }));
    QCOMPARE(bad.questions, -1);
}

void TestFleetMath::tidbCounters()
{
    QueryResult r;
    r.columns = { u"SESSIONS"_s, u"INSTANCE"_s, u"UPTIME"_s };
    r.rows.append({ QVariant::fromValue<qint64>(42), u"10.0.1.4:4000"_s, u"26h39m4.352862693s"_s });
    r.rows.append({ QVariant::fromValue<qint64>(42), u"10.0.1.5:4000"_s, u"7m0.94s"_s });
    const FleetCounters c = FleetMath::countersFromResult(Engine::TiDB, r);
    QCOMPARE(c.connections, 41);
    QCOMPARE(c.uptimeSeconds, 420); // the youngest tidb-server
    QCOMPARE(c.questions, -1); // no Questions over SQL on TiDB
    QCOMPARE(c.threadsRunning, -1);
}

void TestFleetMath::goDuration_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("seconds");
    QTest::newRow("hms") << u"26h39m4.352862693s"_s << qint64(26 * 3600 + 39 * 60 + 4);
    QTest::newRow("ms-fraction") << u"7m0.94s"_s << qint64(420);
    QTest::newRow("millis") << u"850ms"_s << qint64(0);
    QTest::newRow("micros") << u"1m30s500us"_s << qint64(90);
    QTest::newRow("hours only") << u"2h"_s << qint64(7200);
    QTest::newRow("empty") << QString() << qint64(-1);
    QTest::newRow("garbage") << u"yesterday"_s << qint64(-1);
    QTest::newRow("trailing garbage") << u"3m2sx"_s << qint64(-1);
}

void TestFleetMath::goDuration()
{
    QFETCH(QString, text);
    QFETCH(qint64, seconds);
    QCOMPARE(FleetMath::goDurationSeconds(text), seconds);
}

void TestFleetMath::qps_data()
{
    QTest::addColumn<CounterReading>("previous");
    QTest::addColumn<CounterReading>("current");
    QTest::addColumn<double>("expected"); // NaN = unknown

    const double nan = FleetSample::kUnknown;
    QTest::newRow("plain") << reading(1000, 0) << reading(1100, 10000) << 10.0;
    QTest::newRow("own statements out") << reading(1000, 0, 3) << reading(1103, 1000, 3) << 100.0;
    QTest::newRow("only our own") << reading(1000, 0, 3) << reading(1003, 1000, 3) << 0.0;
    QTest::newRow("never negative") << reading(1000, 0, 3) << reading(1001, 1000, 3) << 0.0;
    QTest::newRow("fractional seconds") << reading(0, 0) << reading(3, 1500) << 2.0;
    QTest::newRow("counter reset") << reading(5000, 0, 0, 100) << reading(20, 10000, 0, 5) << nan;
    QTest::newRow("restart past old count")
        << reading(50, 0, 0, 100) << reading(900, 10000, 0, 8) << nan;
    QTest::newRow("no time passed") << reading(1, 500) << reading(2, 500) << nan;
    QTest::newRow("clock backwards") << reading(1, 500) << reading(2, 100) << nan;
    QTest::newRow("tidb: no questions") << reading(-1, 0) << reading(-1, 1000) << nan;
    QTest::newRow("first unknown") << reading(-1, 0) << reading(10, 1000) << nan;
}

void TestFleetMath::qps()
{
    QFETCH(CounterReading, previous);
    QFETCH(CounterReading, current);
    QFETCH(double, expected);
    const double got = FleetMath::qps(previous, current);
    if (std::isnan(expected))
        QVERIFY2(std::isnan(got), qPrintable(QString::number(got)));
    else
        QCOMPARE(got, expected);
}

void TestFleetMath::backoff_data()
{
    QTest::addColumn<int>("intervalMs");
    QTest::addColumn<QList<int>>("schedule"); // refreshes to wait after failure 1, 2, 3 ...
    QTest::newRow("10 s") << 10000 << QList<int> { 1, 1, 2, 4, 6, 6, 6 };
    QTest::newRow("1 s") << 1000 << QList<int> { 1, 1, 2, 4, 8, 16, 32, 60, 60 };
    QTest::newRow("30 s") << 30000 << QList<int> { 1, 1, 2, 2, 2 };
    QTest::newRow("2 min") << 120000 << QList<int> { 1, 1, 1, 1 };
}

void TestFleetMath::backoff()
{
    QFETCH(int, intervalMs);
    QFETCH(QList<int>, schedule);
    for (int i = 0; i < schedule.size(); ++i)
        QCOMPARE(FleetMath::backoffRefreshes(i + 1, intervalMs), schedule.at(i));
}

void TestFleetMath::backoffNeverExceedsCap()
{
    for (int interval : { 100, 1000, 7000, 10000, 59000 })
        for (int failures = 1; failures < 100; ++failures) {
            const int n = FleetMath::backoffRefreshes(failures, interval);
            QVERIFY(n >= 1);
            QVERIFY2(n == 1 || qint64(n) * interval <= 60000,
                     qPrintable(u"%1 x %2 ms"_s.arg(n).arg(interval)));
        }
}

void TestFleetMath::history()
{
    QList<double> h;
    for (int i = 0; i < FleetSample::kHistoryLength + 5; ++i)
        FleetMath::appendHistory(h, double(i));
    QCOMPARE(h.size(), FleetSample::kHistoryLength);
    QCOMPARE(h.first(), 5.0); // the oldest dropped
    QCOMPARE(h.last(), double(FleetSample::kHistoryLength + 4));
    FleetMath::appendHistory(h, FleetSample::kUnknown);
    QVERIFY(std::isnan(h.last()));
    QCOMPARE(h.size(), FleetSample::kHistoryLength);
}

void TestFleetMath::severity()
{
    FleetSample down, critical, warning, ok, unknown;
    down.state = FleetSample::State::Down;
    critical.state = FleetSample::State::Degraded;
    critical.alertCounts[AlertLevel::Critical] = 1;
    warning.state = FleetSample::State::Ok;
    warning.alertCounts[AlertLevel::Warning] = 3;
    ok.state = FleetSample::State::Ok;
    QCOMPARE(FleetMath::severityRank(down), 0);
    QCOMPARE(FleetMath::severityRank(critical), 1);
    QCOMPARE(FleetMath::severityRank(warning), 2);
    QCOMPARE(FleetMath::severityRank(ok), 2);
    QCOMPARE(FleetMath::severityRank(unknown), 3);
    FleetSample emergency = ok;
    emergency.alertCounts[AlertLevel::Emergency] = 1;
    QCOMPARE(FleetMath::severityRank(emergency), 1);
}

QTEST_GUILESS_MAIN(TestFleetMath)
#include "tst_fleetmath.moc"
