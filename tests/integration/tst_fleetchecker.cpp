// FleetChecker: every environment of a mixed fleet reports (four sandbox MariaDB servers, a
// refused port, a blackholed address), the reachable ones are not held up by the dead ones, the
// concurrency bound holds, a locked vault is reported without connecting, cancel() drops the
// queue, and the destructor waits for running checks.
#include "SandboxEnv.h"
#include "health/FleetChecker.h"
#include "secrets/VaultFileStore.h"
#include "sql/ActivityLog.h"
#include "sql/SqlConnection.h"

#include <QElapsedTimer>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QThreadPool>

#include <algorithm>
#include <atomic>
#include <memory>

using namespace Qt::StringLiterals;
using namespace TiDesk;

namespace {
// Counts how many checks run at the same time.
struct Concurrency
{
    std::atomic<int> current { 0 };
    std::atomic<int> max { 0 };
    std::atomic<int> calls { 0 };
    std::atomic<int> completed { 0 };

    FleetChecker::CheckFunction function(int sleepMs)
    {
        return [this, sleepMs](const Environment &env, const QString &) {
            ++calls;
            const int now = ++current;
            int seen = max.load();
            while (now > seen && !max.compare_exchange_weak(seen, now)) { }
            QThread::msleep(sleepMs);
            --current;
            CheckResult r;
            r.name = env.name;
            r.reachable = true;
            r.latencyMs = sleepMs;
            ++completed;
            return r;
        };
    }
};

Environment makeEnv(const QString &name, const QString &host, int port,
                    const QString &user = u"dba"_s, int connectTimeoutMs = 2000)
{
    Environment e;
    e.id = QUuid::createUuid();
    e.name = name;
    e.user = user;
    e.endpoints << SqlEndpoint { host, port, {} };
    e.connectTimeoutMs = connectTimeoutMs;
    return e;
}

EnvironmentList someEnvs(int n)
{
    EnvironmentList envs;
    for (int i = 0; i < n; ++i)
        envs << makeEnv(u"env%1"_s.arg(i), u"127.0.0.1"_s, 1);
    return envs;
}
} // namespace

class TestFleetChecker : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void mixedFleetAgainstSandbox();
    void concurrencyBound_data();
    void concurrencyBound();
    void boundLeavesAPoolThreadFree();
    void lockedVaultDoesNotConnect();
    void cancelDropsQueued();
    void checkAllRestarts();
    void emptyListFinishes();
    void destructorWaitsForRunningChecks();

private:
    CoreServices services(CredentialStore *secrets = nullptr);

    Test::SandboxEnv m_sandbox;
    QTemporaryDir m_dir;
    QThreadPool m_pool;
    ActivityLog m_log;
    std::unique_ptr<VaultFileStore> m_vault;
};

CoreServices TestFleetChecker::services(CredentialStore *secrets)
{
    CoreServices s;
    s.activityLog = &m_log;
    s.secrets = secrets ? secrets : m_vault.get();
    s.pool = &m_pool;
    return s;
}

void TestFleetChecker::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(m_sandbox.isValid(), qPrintable(m_sandbox.error()));
    QVERIFY(m_dir.isValid());
    SqlConnection::initDriver();
    m_pool.setMaxThreadCount(8); // like AppContext
    VaultKdfParams kdf;
    kdf.n = quint64(1) << 10;
    m_vault = std::make_unique<VaultFileStore>(m_dir.filePath(u"secrets.vault"_s), kdf);
    QVERIFY(m_vault->unlockOrCreate(u"fleet test passphrase"_s).ok());
}

void TestFleetChecker::cleanupTestCase()
{
    m_pool.waitForDone();
}

void TestFleetChecker::mixedFleetAgainstSandbox()
{
    EnvironmentList envs;
    // The dead ones first, so they take their slots before the live ones are even queued.
    const Environment blackholed
        = makeEnv(u"blackholed"_s, u"10.255.255.1"_s, 4000, m_sandbox.adminUser(), 1500);
    const Environment refused
        = makeEnv(u"refused"_s, u"127.0.0.1"_s, 1, m_sandbox.adminUser(), 1500);
    envs << blackholed << refused;
    QStringList live;
    for (const QString &name : m_sandbox.envs()) {
        Environment e
            = makeEnv(name, m_sandbox.host(), m_sandbox.mariadbPort(name), m_sandbox.adminUser());
        QVERIFY(m_vault->write(e.passwordSecretKey(), m_sandbox.adminPassword()).ok());
        envs << e;
        live << name;
    }
    QCOMPARE(live.size(), 4);

    FleetChecker checker(services());
    QCOMPARE(checker.maxConcurrent(), FleetChecker::kDefaultMaxConcurrent);
    QSignalSpy results(&checker, &FleetChecker::resultReady);
    QSignalSpy started(&checker, &FleetChecker::checkStarted);
    QSignalSpy finished(&checker, &FleetChecker::finished);
    QElapsedTimer timer;
    timer.start();
    checker.checkAll(envs);
    QCOMPARE(started.size(), 4); // the bound: four at once, two queued
    QCOMPARE(checker.queuedCount(), 2);
    QVERIFY(finished.wait(20000) || finished.size() == 1);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(results.size(), envs.size());
    QVERIFY(!checker.isRunning());

    QHash<QString, int> arrival;
    QHash<QString, CheckResult> byName;
    for (int i = 0; i < results.size(); ++i) {
        const auto id = results.at(i).at(0).toUuid();
        const auto r = results.at(i).at(1).value<CheckResult>();
        const auto it = std::find_if(envs.cbegin(), envs.cend(),
                                     [&](const Environment &e) { return e.id == id; });
        QVERIFY(it != envs.cend());
        QCOMPARE(r.name, it->name);
        arrival.insert(r.name, i);
        byName.insert(r.name, r);
    }
    for (const QString &name : live) {
        const CheckResult &r = byName.value(name);
        QVERIFY2(r.reachable, qPrintable(name + u": "_s + r.error.toString()));
        QCOMPARE(r.engine.engine, Engine::MariaDB);
        QVERIFY2(r.engine.displayString().startsWith(u"MariaDB 1"_s),
                 qPrintable(r.engine.displayString()));
        QVERIFY(r.latencyMs >= 0);
        // Not held up by the blackholed endpoint, which takes its whole connect timeout.
        QVERIFY2(arrival.value(name) < arrival.value(u"blackholed"_s),
                 qPrintable(u"%1 arrived at %2, blackholed at %3"_s.arg(name)
                                .arg(arrival.value(name))
                                .arg(arrival.value(u"blackholed"_s))));
    }
    const CheckResult &ref = byName.value(u"refused"_s);
    QVERIFY(!ref.reachable);
    QCOMPARE(ref.error.kind, ErrorKind::Connection);
    const CheckResult &hole = byName.value(u"blackholed"_s);
    QVERIFY(!hole.reachable);
    QVERIFY2(hole.error.kind == ErrorKind::Timeout || hole.error.kind == ErrorKind::Connection,
             qPrintable(hole.error.toString()));
    qInfo("fleet of %d checked in %lld ms; blackholed: %s", int(envs.size()), timer.elapsed(),
          qPrintable(hole.error.toString()));
}

void TestFleetChecker::concurrencyBound_data()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("envCount");
    QTest::newRow("default 4 of 12") << 0 << 12;
    QTest::newRow("1 of 5") << 1 << 5;
    QTest::newRow("3 of 10") << 3 << 10;
    QTest::newRow("4 of 2") << 4 << 2;
}

void TestFleetChecker::concurrencyBound()
{
    QFETCH(int, limit);
    QFETCH(int, envCount);
    Concurrency c;
    FleetChecker checker(services());
    checker.setCheckFunction(c.function(60));
    if (limit > 0)
        checker.setMaxConcurrent(limit);
    const int expected
        = std::min(limit > 0 ? limit : FleetChecker::kDefaultMaxConcurrent, envCount);
    QSignalSpy results(&checker, &FleetChecker::resultReady);
    QSignalSpy finished(&checker, &FleetChecker::finished);
    checker.checkAll(someEnvs(envCount));
    QVERIFY(finished.wait(10000));
    QCOMPARE(results.size(), envCount);
    QCOMPARE(c.calls.load(), envCount);
    QCOMPARE(c.max.load(), expected);
}

void TestFleetChecker::boundLeavesAPoolThreadFree()
{
    QThreadPool small;
    small.setMaxThreadCount(3);
    CoreServices s = services();
    s.pool = &small;
    Concurrency c;
    {
        FleetChecker checker(s);
        checker.setCheckFunction(c.function(40));
        QCOMPARE(checker.effectiveConcurrency(), 2);
        QSignalSpy finished(&checker, &FleetChecker::finished);
        checker.checkAll(someEnvs(6));
        QVERIFY(finished.wait(10000));
    }
    QCOMPARE(c.max.load(), 2);
    small.waitForDone();
}

void TestFleetChecker::lockedVaultDoesNotConnect()
{
    // A second instance on the same file, never unlocked: what the app sees before the passphrase.
    VaultFileStore locked(m_dir.filePath(u"secrets.vault"_s));
    QVERIFY(!locked.isUnlocked());
    Concurrency c;
    FleetChecker checker(services(&locked));
    checker.setCheckFunction(c.function(1));
    QSignalSpy results(&checker, &FleetChecker::resultReady);
    QSignalSpy vaultLocked(&checker, &FleetChecker::vaultLocked);
    QSignalSpy finished(&checker, &FleetChecker::finished);
    checker.checkAll(someEnvs(3));
    QVERIFY(finished.wait(10000));
    QCOMPARE(results.size(), 3);
    QCOMPARE(c.calls.load(), 0);
    QCOMPARE(vaultLocked.size(), 1);
    for (const QList<QVariant> &args : results) {
        const auto r = args.at(1).value<CheckResult>();
        QVERIFY(!r.reachable);
        QCOMPARE(r.error.kind, ErrorKind::Crypto);
        QCOMPARE(r.error.message, u"vault locked"_s);
        QVERIFY(r.endpoint.isEmpty());
    }
}

void TestFleetChecker::cancelDropsQueued()
{
    Concurrency c;
    FleetChecker checker(services());
    checker.setCheckFunction(c.function(200));
    checker.setMaxConcurrent(2);
    QSignalSpy results(&checker, &FleetChecker::resultReady);
    QSignalSpy finished(&checker, &FleetChecker::finished);
    checker.checkAll(someEnvs(8));
    QCOMPARE(checker.activeCount(), 2);
    QCOMPARE(checker.queuedCount(), 6);
    checker.cancel();
    QVERIFY(!checker.isRunning());
    QCOMPARE(checker.queuedCount(), 0);
    QTRY_COMPARE(c.completed.load(), 2); // the running two finish on the pool ...
    QTest::qWait(100);
    QCOMPARE(results.size(), 0); // ... but nobody hears about them
    QCOMPARE(finished.size(), 0);
    QCOMPARE(c.calls.load(), 2);
}

void TestFleetChecker::checkAllRestarts()
{
    Concurrency c;
    FleetChecker checker(services());
    checker.setCheckFunction(c.function(100));
    checker.setMaxConcurrent(2);
    QSignalSpy results(&checker, &FleetChecker::resultReady);
    QSignalSpy finished(&checker, &FleetChecker::finished);
    const EnvironmentList first = someEnvs(4);
    const EnvironmentList second = someEnvs(3);
    checker.checkAll(first);
    checker.checkAll(second); // F5 while a run is going: the first run's results are dropped
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(results.size(), 3);
    QSet<QUuid> ids;
    for (const Environment &e : second)
        ids.insert(e.id);
    for (const QList<QVariant> &args : results)
        QVERIFY(ids.contains(args.at(0).toUuid()));
    // The bound counts the first run's leftovers too: never more than 2 on the pool.
    QCOMPARE(c.max.load(), 2);
}

void TestFleetChecker::emptyListFinishes()
{
    FleetChecker checker(services());
    QSignalSpy finished(&checker, &FleetChecker::finished);
    checker.checkAll({});
    QCOMPARE(finished.size(), 1);
    QVERIFY(!checker.isRunning());
}

void TestFleetChecker::destructorWaitsForRunningChecks()
{
    Concurrency c;
    {
        auto checker = std::make_unique<FleetChecker>(services());
        checker->setCheckFunction(c.function(300));
        checker->checkAll(someEnvs(10));
        QTRY_COMPARE(c.current.load(), 4);
    } // the checks captured `c`: they must be over when the checker is gone
    QCOMPARE(c.completed.load(), c.calls.load());
    QCOMPARE(c.calls.load(), 4);
    QCOMPARE(c.current.load(), 0);
}

QTEST_GUILESS_MAIN(TestFleetChecker)
#include "tst_fleetchecker.moc"
