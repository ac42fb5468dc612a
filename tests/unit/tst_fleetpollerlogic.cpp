// FleetPoller's scheduling with an injected probe (no server): the back-off schedule as refreshes
// see it (Down at once, retried, then skipped with NaN in the history, up again on the first
// success), QPS from consecutive samples, the concurrency bound and the failing environments'
// half of it, a refresh that does not wait for a sample still running, and the Prometheus seam.
#include "health/FleetPoller.h"

#include <QHash>
#include <QMutex>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QThreadPool>

#include <atomic>
#include <cmath>

using namespace Qt::StringLiterals;
using namespace TiDesk;

namespace {

// What the fake servers do; shared with the pool threads (mutex).
struct FakeFleet
{
    struct Behaviour
    {
        bool fail = false;
        int sleepMs = 0;
    };
    QMutex mutex;
    QHash<QString, Behaviour> behaviour;
    QHash<QString, int> calls;
    QHash<QString, qint64> questions;
    std::atomic<int> running { 0 }, maxRunning { 0 };
    std::atomic<int> runningFailing { 0 }, maxRunningFailing { 0 };

    static void raise(std::atomic<int> &max, int now)
    {
        int seen = max.load();
        while (now > seen && !max.compare_exchange_weak(seen, now)) { }
    }

    void set(const QString &name, bool fail, int sleepMs = 0)
    {
        QMutexLocker lock(&mutex);
        behaviour[name] = Behaviour { fail, sleepMs };
    }
    int callsOf(const QString &name)
    {
        QMutexLocker lock(&mutex);
        return calls.value(name);
    }

    FleetPoller::ProbeFunction function()
    {
        return [this](const Environment &env, const QString &, const ProbeOptions &) {
            Behaviour b;
            qint64 q = 0;
            {
                QMutexLocker lock(&mutex);
                b = behaviour.value(env.name);
                ++calls[env.name];
                q = (questions[env.name] += 100);
            }
            raise(maxRunning, ++running);
            if (b.fail)
                raise(maxRunningFailing, ++runningFailing);
            QThread::msleep(b.sleepMs);
            if (b.fail)
                --runningFailing;
            --running;
            ProbeResult r;
            r.sampledAt = QDateTime::currentDateTimeUtc();
            if (b.fail) {
                r.error = Error::make(ErrorKind::Connection, u"refused"_s);
                return r;
            }
            r.reachable = true;
            r.engine = EngineInfo::parse(u"10.11.6-MariaDB"_s);
            r.latencyMs = b.sleepMs;
            r.counters.questions = q;
            r.counters.connections = 3;
            r.counters.uptimeSeconds = 1000;
            r.reading.questions = q;
            r.reading.uptimeSeconds = 1000;
            r.reading.steadyMs = steadyNowMs();
            r.reading.ownStatements = 2;
            return r;
        };
    }
};

Environment env(const QString &name)
{
    Environment e;
    e.id = QUuid::createUuid();
    e.name = name;
    e.endpoints << SqlEndpoint { u"127.0.0.1"_s, 1, {} };
    e.connectTimeoutMs = 2000;
    return e;
}

bool waitFinished(FleetPoller &poller, int timeoutMs = 10000)
{
    if (!poller.isRefreshing())
        return true;
    QSignalSpy spy(&poller, &FleetPoller::refreshFinished);
    return spy.wait(timeoutMs);
}

} // namespace

class TestFleetPollerLogic : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void backoffSchedule();
    void qpsFromConsecutiveSamples();
    void concurrencyAndFailingLane();
    void refreshDoesNotWaitForRunningSample();
    void budgetIsConnectTimeoutCapped();
    void externalMetricsSeam();

private:
    CoreServices services();
    QThreadPool m_pool;
};

CoreServices TestFleetPollerLogic::services()
{
    CoreServices s;
    s.pool = &m_pool;
    return s;
}

void TestFleetPollerLogic::initTestCase()
{
    m_pool.setMaxThreadCount(8); // like AppContext
}

void TestFleetPollerLogic::backoffSchedule()
{
    FakeFleet fake;
    FleetPoller poller(services());
    poller.setProbeFunction(fake.function());
    poller.setInterval(std::chrono::seconds(10)); // schedule: 1, 1, 2, 4, 6, 6 refreshes
    const Environment good = env(u"good"_s), bad = env(u"bad"_s);
    fake.set(u"bad"_s, true);
    poller.setEnvironments({ good, bad });

    QSignalSpy samples(&poller, &FleetPoller::sampleReady);
    // Refresh 1: Down at once.
    poller.refresh();
    QVERIFY(waitFinished(poller));
    QCOMPARE(poller.sample(bad.id).state, FleetSample::State::Down);
    QCOMPARE(poller.sample(bad.id).lastError.kind, ErrorKind::Connection);
    QCOMPARE(poller.sample(good.id).state, FleetSample::State::Ok);
    // Refreshes 2 and 3: retried each time (failures 2, 3); then it waits 2 refreshes.
    QList<int> callsAfter;
    for (int i = 2; i <= 8; ++i) {
        samples.clear();
        poller.refresh();
        QVERIFY(waitFinished(poller));
        callsAfter << fake.callsOf(u"bad"_s);
        QCOMPARE(poller.sample(bad.id).state, FleetSample::State::Down);
        // Every refresh gives every environment a sample, attempted or not.
        QCOMPARE(samples.size(), 2);
    }
    // Attempts at refreshes 1, 2, 3, 5 (after 2), 9 would be next (after 4): calls seen after
    // refreshes 2..8.
    QCOMPARE(callsAfter, (QList<int> { 2, 3, 3, 4, 4, 4, 4 }));
    QCOMPARE(poller.consecutiveFailures(bad.id), 4);
    // The refreshes it sat out are gaps in its history.
    const QList<double> h = poller.sample(bad.id).qpsHistory;
    QCOMPARE(h.size(), 8);
    QVERIFY(std::all_of(h.cbegin(), h.cend(), [](double v) { return std::isnan(v); }));
    QCOMPARE(poller.sample(good.id).qpsHistory.size(), 8);

    // It comes back: the next attempt (refresh 9) shows it up.
    fake.set(u"bad"_s, false);
    poller.refresh();
    QVERIFY(waitFinished(poller));
    QCOMPARE(fake.callsOf(u"bad"_s), 5);
    QCOMPARE(poller.sample(bad.id).state, FleetSample::State::Ok);
    QCOMPARE(poller.consecutiveFailures(bad.id), 0);
    QVERIFY(!poller.sample(bad.id).lastError.isError());
    // A forced refresh ignores the back-off.
    fake.set(u"bad"_s, true);
    poller.refresh();
    QVERIFY(waitFinished(poller));
    poller.refresh();
    QVERIFY(waitFinished(poller));
    poller.refresh();
    QVERIFY(waitFinished(poller));
    const int before = fake.callsOf(u"bad"_s);
    poller.refresh(); // would be skipped (failures 3: wait 2)
    QVERIFY(waitFinished(poller));
    QCOMPARE(fake.callsOf(u"bad"_s), before);
    poller.refresh(true);
    QVERIFY(waitFinished(poller));
    QCOMPARE(fake.callsOf(u"bad"_s), before + 1);
}

void TestFleetPollerLogic::qpsFromConsecutiveSamples()
{
    FakeFleet fake;
    FleetPoller poller(services());
    poller.setProbeFunction(fake.function());
    const Environment e = env(u"one"_s);
    poller.setEnvironments({ e });
    poller.refresh();
    QVERIFY(waitFinished(poller));
    FleetSample s = poller.sample(e.id);
    QCOMPARE(s.state, FleetSample::State::Ok);
    QVERIFY(!FleetSample::known(s.qps)); // one reading: no rate yet
    QCOMPARE(s.qpsSource, FleetSample::MetricSource::None);
    QCOMPARE(s.connections, 3);
    QCOMPARE(s.engine.engine, Engine::MariaDB);
    QTest::qWait(200);
    poller.refresh();
    QVERIFY(waitFinished(poller));
    s = poller.sample(e.id);
    // 100 questions per sample, 2 of them the poller's own, over >= 200 ms: (0, 490] qps.
    QVERIFY2(FleetSample::known(s.qps) && s.qps > 0 && s.qps <= 98 / 0.2,
             qPrintable(QString::number(s.qps)));
    QCOMPARE(s.qpsSource, FleetSample::MetricSource::Sql);
    QVERIFY(!FleetSample::known(s.p99Ms));
    QCOMPARE(s.p99Source, FleetSample::MetricSource::None);
    QCOMPARE(s.qpsHistory.size(), 2);
    QVERIFY(std::isnan(s.qpsHistory.first()));
    QCOMPARE(s.qpsHistory.last(), s.qps);
}

void TestFleetPollerLogic::concurrencyAndFailingLane()
{
    FakeFleet fake;
    FleetPoller poller(services());
    poller.setProbeFunction(fake.function());
    poller.setMaxConcurrent(4);
    QCOMPARE(poller.effectiveConcurrency(), 4);
    EnvironmentList envs;
    for (int i = 0; i < 6; ++i) {
        envs << env(u"dead%1"_s.arg(i));
        fake.set(envs.last().name, true, 300);
    }
    for (int i = 0; i < 12; ++i) {
        envs << env(u"live%1"_s.arg(i));
        fake.set(envs.last().name, false, 50);
    }
    poller.setEnvironments(envs);
    poller.refresh();
    QVERIFY(waitFinished(poller));
    QVERIFY(fake.maxRunning <= 4);

    // Second refresh: the six known-dead ones hold at most 2 of the 4 slots, and every live
    // one has reported before the dead ones are through.
    fake.maxRunning = 0;
    fake.maxRunningFailing = 0;
    QStringList order;
    connect(&poller, &FleetPoller::sampleReady, this,
            [&order](const FleetSample &s) { order << s.name; });
    poller.refresh();
    QVERIFY(waitFinished(poller));
    QCOMPARE(order.size(), 18);
    QVERIFY(fake.maxRunning <= 4);
    QCOMPARE(fake.maxRunningFailing.load(), 2);
    qsizetype lastLive = -1, lastDead = -1;
    for (qsizetype i = 0; i < order.size(); ++i)
        (order.at(i).startsWith(u"live"_s) ? lastLive : lastDead) = i;
    QVERIFY2(lastLive < lastDead, qPrintable(order.join(u' ')));

    // The bound never exceeds the pool minus one thread.
    poller.setMaxConcurrent(100);
    QCOMPARE(poller.effectiveConcurrency(), 7);
}

void TestFleetPollerLogic::refreshDoesNotWaitForRunningSample()
{
    FakeFleet fake;
    FleetPoller poller(services());
    poller.setProbeFunction(fake.function());
    const Environment slow = env(u"slow"_s), quick = env(u"quick"_s);
    fake.set(u"slow"_s, false, 1500);
    poller.setEnvironments({ slow, quick });
    poller.refresh();
    // quick's sample delivered (not merely started), slow still running.
    QTRY_COMPARE(poller.sample(quick.id).state, FleetSample::State::Ok);
    QCOMPARE(poller.runningCount(), 1);
    QSignalSpy finished(&poller, &FleetPoller::refreshFinished);
    poller.refresh(); // slow is still running: not queued again, quick is sampled on time
    QVERIFY(finished.wait(1000));
    QCOMPARE(fake.callsOf(u"quick"_s), 2);
    QCOMPARE(fake.callsOf(u"slow"_s), 1);
    // The slow one still delivers its sample when it ends.
    QTRY_COMPARE_WITH_TIMEOUT(poller.sample(slow.id).state, FleetSample::State::Ok, 5000);
    QCOMPARE(poller.runningCount(), 0);
}

void TestFleetPollerLogic::budgetIsConnectTimeoutCapped()
{
    FleetPoller poller(services());
    Environment e = env(u"e"_s);
    e.connectTimeoutMs = 30000;
    QCOMPARE(poller.budgetMs(e), FleetPoller::kDefaultBudgetCapMs);
    e.connectTimeoutMs = 2000;
    QCOMPARE(poller.budgetMs(e), 2000);
    e.connectTimeoutMs = 10;
    QCOMPARE(poller.budgetMs(e), FleetPoller::kMinBudgetMs);
    poller.setBudgetCapMs(3000);
    e.connectTimeoutMs = 5000;
    QCOMPARE(poller.budgetMs(e), 3000);

    // The probe gets that budget.
    std::atomic<int> seen { 0 };
    poller.setProbeFunction([&seen](const Environment &, const QString &, const ProbeOptions &o) {
        seen = o.budgetMs;
        return ProbeResult {};
    });
    poller.setEnvironments({ e });
    poller.refresh();
    QVERIFY(waitFinished(poller));
    QCOMPARE(seen.load(), 3000);
}

void TestFleetPollerLogic::externalMetricsSeam()
{
    FakeFleet fake;
    FleetPoller poller(services());
    poller.setProbeFunction(fake.function());
    const Environment e = env(u"e"_s);
    poller.setEnvironments({ e });
    poller.refresh();
    QVERIFY(waitFinished(poller));
    QSignalSpy spy(&poller, &FleetPoller::sampleReady);
    FleetPoller::ExternalMetrics m;
    m.qps = 123.5;
    m.p99Ms = 8.25;
    poller.mergeExternalMetrics(e.id, m);
    QCOMPARE(spy.size(), 1);
    FleetSample s = poller.sample(e.id);
    QCOMPARE(s.qps, 123.5);
    QCOMPARE(s.qpsSource, FleetSample::MetricSource::Prometheus);
    QCOMPARE(s.p99Ms, 8.25);
    QCOMPARE(s.p99Source, FleetSample::MetricSource::Prometheus);
    QCOMPARE(s.qpsHistory.last(), 123.5);
    QCOMPARE(s.qpsHistory.size(), 1); // replaced, not appended
    QCOMPARE(s.state, FleetSample::State::Ok);
    FleetPoller::ExternalMetrics failed;
    failed.error = Error::make(ErrorKind::Connection, u"prometheus down"_s);
    poller.mergeExternalMetrics(e.id, failed);
    QCOMPARE(poller.sample(e.id).state, FleetSample::State::Degraded);
    // The next SQL sample starts over: Ok again, SQL as the source.
    poller.refresh();
    QVERIFY(waitFinished(poller));
    s = poller.sample(e.id);
    QCOMPARE(s.state, FleetSample::State::Ok);
    QVERIFY(!FleetSample::known(s.p99Ms));
}

QTEST_GUILESS_MAIN(TestFleetPollerLogic)
#include "tst_fleetpollerlogic.moc"
