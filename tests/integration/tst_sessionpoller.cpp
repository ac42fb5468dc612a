// SessionPoller against the real sandbox. A client logged in as `app` runs a long SELECT SLEEP
// (marked with a unique comment) on uat01, and the poller lists it with user app, command Query
// and a time that grows from read to read; its own connection is in the list and
// SessionFilterModel hides it; a tick during a read is skipped and counted. The TiDB path: the
// TiDB dialect on uat01 reading the catalog fixture's live CLUSTER_PROCESSLIST lists the same
// session with its INSTANCE (by id parity) and the server's digest, and sends the TiDB EXPLAIN
// statement. EXPLAIN of the running statement on MariaDB returns the plan; after the statement
// ends it fails clearly. prod is read through the SSH bastion. Errors: a refused port and a wrong
// password give a clear readFailed, no crash, and stop() is clean. FAILS without the sandbox.
#include "SandboxBastion.h"
#include "SandboxEnv.h"
#include "models/SessionFilterModel.h"
#include "secrets/VaultFileStore.h"
#include "sessions/SessionPoller.h"
#include "sql/ActivityLog.h"
#include "sql/SqlConnection.h"
#include "sql/SqlWorker.h"
#include "tunnel/BastionTunnels.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QUuid>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace TiDesk;

namespace {

// Reads from `poller` until a session matches or the time is up.
std::optional<SessionRow> waitForSession(SessionPoller &poller,
                                         const std::function<bool(const SessionRow &)> &match,
                                         int timeoutMs = 15000, QList<SessionRow> *all = nullptr)
{
    QSignalSpy ready(&poller, &SessionPoller::sessionsReady);
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        if (ready.isEmpty() && !ready.wait(int(qMax<qint64>(1, timeoutMs - timer.elapsed()))))
            break;
        const QList<SessionRow> rows = ready.takeFirst().at(0).value<QList<SessionRow>>();
        for (const SessionRow &r : rows) {
            if (match(r)) {
                if (all)
                    *all = rows;
                return r;
            }
        }
    }
    return std::nullopt;
}

} // namespace

class TestSessionPoller : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void listsAppSleepWithGrowingTime();
    void skipsTicksWhileReading();
    void tidbDialectOnCatalogFixture();
    void explainOnMariadb();
    void throughTheBastion();
    void refusedPortClearError();
    void wrongPasswordClearError();

private:
    CoreServices services(const QString &catalogSchema = {});
    Environment admin(const QString &sandboxEnv, const QString &name = {});
    // A connection as `app` running `SELECT SLEEP(seconds)` with a unique marker; returns its id.
    quint64 startVictim(const QString &sandboxEnv, int seconds, const QString &marker,
                        const QString &from = {});

    Test::SandboxEnv m_sandbox;
    QTemporaryDir m_dir;
    QThreadPool m_pool;
    ActivityLog m_log;
    std::unique_ptr<VaultFileStore> m_vault;
    std::unique_ptr<BastionTunnels> m_tunnels;
    std::unique_ptr<SqlWorker> m_victim;
};

CoreServices TestSessionPoller::services(const QString &catalogSchema)
{
    CoreServices s;
    s.activityLog = &m_log;
    s.secrets = m_vault.get();
    s.pool = &m_pool;
    s.tunnels = m_tunnels.get();
    s.tidbCatalogSchema = catalogSchema;
    return s;
}

Environment TestSessionPoller::admin(const QString &sandboxEnv, const QString &name)
{
    Environment e;
    e.id = QUuid::createUuid();
    e.name = name.isEmpty() ? sandboxEnv : name;
    e.tier = Tier::Uat;
    e.endpoints << SqlEndpoint { u"127.0.0.1"_s, m_sandbox.mariadbPort(sandboxEnv), {} };
    e.user = m_sandbox.adminUser();
    e.tls.mode = TlsMode::VerifyCa;
    e.tls.caFile = m_sandbox.value(u"TLS_CA"_s);
    e.connectTimeoutMs = 3000;
    [&] {
        QVERIFY(m_vault->write(e.passwordSecretKey(), m_sandbox.adminPassword()).ok());
    }();
    return e;
}

quint64 TestSessionPoller::startVictim(const QString &sandboxEnv, int seconds,
                                       const QString &marker, const QString &from)
{
    ConnectParams p;
    p.host = u"127.0.0.1"_s;
    p.port = m_sandbox.mariadbPort(sandboxEnv);
    p.user = m_sandbox.value(u"APP_USER"_s);
    p.password = m_sandbox.value(u"APP_PASSWORD"_s);
    p.envName = u"victim"_s;
    p.readTimeoutMs = (seconds + 30) * 1000;
    m_victim = std::make_unique<SqlWorker>(p);
    QSignalSpy connected(m_victim.get(), &SqlWorker::connected);
    m_victim->connectNow();
    if (!connected.wait(10000))
        return 0;
    const quint64 id = connected.first().at(1).toULongLong();
    m_victim->submit(u"SELECT SLEEP("_s + QString::number(seconds) + u")"_s + from + u" /* "_s
                     + marker + u" */"_s);
    return id;
}

void TestSessionPoller::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(m_sandbox.isValid(), qPrintable(m_sandbox.error()));
    QVERIFY(m_dir.isValid());
    QVERIFY(!m_sandbox.value(u"APP_PASSWORD"_s).isEmpty());
    SqlConnection::initDriver();
    m_pool.setMaxThreadCount(8);
    VaultKdfParams kdf;
    kdf.n = quint64(1) << 10;
    m_vault = std::make_unique<VaultFileStore>(m_dir.filePath(u"secrets.vault"_s), kdf);
    QVERIFY(m_vault->unlockOrCreate(u"session poller test"_s).ok());
    BastionTunnels::Options o;
    o.hostKeyPolicy = HostKeyPolicy::Strict;
    o.sshConfigPath = u"/nonexistent/ssh_config"_s;
    m_tunnels = std::make_unique<BastionTunnels>(o);
}

void TestSessionPoller::cleanupTestCase()
{
    m_victim.reset(); // kills its statement
    m_pool.waitForDone();
    m_tunnels.reset();
}

void TestSessionPoller::listsAppSleepWithGrowingTime()
{
    const QString marker
        = u"tst_sessionpoller "_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const quint64 victimId = startVictim(u"uat01"_s, 30, marker);
    QVERIFY(victimId != 0);

    SessionPoller poller(services());
    poller.setEnvironment(admin(u"uat01"_s));
    poller.setInterval(std::chrono::milliseconds(300));
    QSignalSpy failed(&poller, &SessionPoller::readFailed);
    poller.start();
    QVERIFY(poller.isActive());
    auto isVictim = [&](const SessionRow &r) {
        return r.id == victimId && r.info.contains(marker);
    };
    QList<SessionRow> all;
    const std::optional<SessionRow> first = waitForSession(poller, isVictim, 15000, &all);
    QVERIFY2(first.has_value(),
             failed.isEmpty() ? "victim not listed"
                              : qPrintable(failed.first().at(0).value<Error>().toString()));
    QCOMPARE(first->user, m_sandbox.value(u"APP_USER"_s));
    QCOMPARE(first->command, u"Query"_s);
    QVERIFY(first->instance.isEmpty()); // one server
    QVERIFY(first->queryId.has_value()); // MariaDB's QUERY_ID
    QVERIFY(!first->digest.isEmpty() && !first->serverDigest); // TiDesk's SqlDigest
    QCOMPARE(poller.engine().engine, Engine::MariaDB);
    // The poller's own connection is in the list (reading it) and the filter hides it.
    const quint64 own = poller.ownConnectionId();
    QVERIFY(own != 0 && own != victimId);
    QVERIFY(
        std::any_of(all.cbegin(), all.cend(), [own](const SessionRow &r) { return r.id == own; }));
    SessionFilterModel filter;
    filter.setOwnConnectionIds({ own });
    QVERIFY(std::none_of(all.cbegin(), all.cend(),
                         [&](const SessionRow &r) { return r.id == own && filter.accepts(r); }));
    QVERIFY(filter.accepts(*first));

    // The time grows from read to read (MariaDB TIME_MS), at least a second later.
    std::optional<SessionRow> later = waitForSession(
        poller,
        [&](const SessionRow &r) { return isVictim(r) && r.timeMs >= first->timeMs + 1000; },
        10000);
    QVERIFY(later.has_value());
    QVERIFY(later->isSameStatementAs(*first));
    QVERIFY(poller.readCount() >= 2);
    QCOMPARE(poller.failedReadCount(), 0ULL);

    // stop() is clean: no more reads, no reading state left.
    poller.stop();
    QVERIFY(!poller.isActive());
    QVERIFY(!poller.isReading());
    QSignalSpy after(&poller, &SessionPoller::sessionsReady);
    QTest::qWait(800);
    QCOMPARE(after.count(), 0);
    m_victim.reset();
}

void TestSessionPoller::skipsTicksWhileReading()
{
    SessionPoller poller(services());
    poller.setEnvironment(admin(u"uat01"_s));
    QSignalSpy ready(&poller, &SessionPoller::sessionsReady);
    poller.refresh();
    QVERIFY(poller.isReading());
    // The first read still needs the password, the connection and the statement.
    poller.refresh();
    poller.refresh();
    QCOMPARE(poller.skippedTicks(), 2ULL);
    QVERIFY(ready.wait(10000));
    QVERIFY(!poller.isReading());
    QCOMPARE(ready.count(), 1); // the skipped ticks queued nothing
    QTest::qWait(300);
    QCOMPARE(ready.count(), 1);
    // The next tick reads again.
    poller.refresh();
    QVERIFY(ready.wait(10000));
    QCOMPARE(poller.readCount(), 2ULL);
}

void TestSessionPoller::tidbDialectOnCatalogFixture()
{
    const QString schema = m_sandbox.value(u"TIDB_CATALOG_SCHEMA"_s);
    QVERIFY(!schema.isEmpty());
    const QString marker
        = u"tst_sessionpoller tidb "_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const quint64 victimId = startVictim(u"uat01"_s, 30, marker);
    QVERIFY(victimId != 0);

    Environment tidb = admin(u"uat01"_s, u"uat01-as-tidb"_s);
    tidb.engine = EngineOverride::TiDB; // like the demo's uat02
    SessionPoller poller(services(schema));
    poller.setEnvironment(tidb);
    poller.setInterval(std::chrono::milliseconds(300));
    QSignalSpy failed(&poller, &SessionPoller::readFailed);
    poller.start();
    const std::optional<SessionRow> row = waitForSession(
        poller, [&](const SessionRow &r) { return r.id == victimId && r.info.contains(marker); });
    QVERIFY2(row.has_value(),
             failed.isEmpty() ? "victim not listed"
                              : qPrintable(failed.first().at(0).value<Error>().toString()));
    QCOMPARE(poller.engine().engine, Engine::TiDB);
    // The fixture maps even ids to 10.0.1.4:10080 and odd ids to 10.0.1.5:10080.
    QCOMPARE(row->instance, victimId % 2 == 0 ? u"10.0.1.4:10080"_s : u"10.0.1.5:10080"_s);
    QCOMPARE(row->key(), row->instance + u'#' + QString::number(victimId));
    QCOMPARE(row->user, m_sandbox.value(u"APP_USER"_s));
    QCOMPARE(row->command, u"Query"_s);
    QVERIFY(row->serverDigest); // CLUSTER_PROCESSLIST.DIGEST
    QCOMPARE(row->digest.size(), 64);
    QCOMPARE(row->resourceGroup, u"default"_s);

    // EXPLAIN takes the TiDB statement (EXPLAIN FOR CONNECTION, which MariaDB 10.9+ also
    // understands, so the fixture answers it with MariaDB's plan columns).
    QSignalSpy ready(&poller, &SessionPoller::explainReady);
    QSignalSpy explainFailed(&poller, &SessionPoller::explainFailed);
    poller.explain(*row);
    QVERIFY(ready.wait(10000));
    QVERIFY(!ready.first().at(1).value<QueryResult>().rows.isEmpty());
    const QList<ActivityEntry> log = m_log.entries();
    QVERIFY(std::any_of(log.cbegin(), log.cend(), [&](const ActivityEntry &e) {
        return e.statement == u"EXPLAIN FOR CONNECTION "_s + QString::number(victimId) && e.ok;
    }));
    QVERIFY(explainFailed.isEmpty());
    poller.stop();
    m_victim.reset();
}

void TestSessionPoller::explainOnMariadb()
{
    const QString marker
        = u"tst_sessionpoller explain "_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const quint64 victimId = startVictim(u"uat01"_s, 30, marker, u" FROM shop.customers LIMIT 1"_s);
    QVERIFY(victimId != 0);
    SessionPoller poller(services());
    poller.setEnvironment(admin(u"uat01"_s));
    poller.setInterval(std::chrono::milliseconds(300));
    poller.start();
    const std::optional<SessionRow> row = waitForSession(
        poller, [&](const SessionRow &r) { return r.id == victimId && r.info.contains(marker); });
    QVERIFY(row.has_value());

    QSignalSpy ready(&poller, &SessionPoller::explainReady);
    QSignalSpy failed(&poller, &SessionPoller::explainFailed);
    const quint64 ticket = poller.explain(*row);
    QVERIFY(ready.wait(10000));
    QVERIFY2(failed.isEmpty(),
             failed.isEmpty() ? "" : qPrintable(failed.first().at(1).value<Error>().toString()));
    QCOMPARE(ready.first().at(0).toULongLong(), ticket);
    const QueryResult plan = ready.first().at(1).value<QueryResult>();
    QVERIFY(plan.columnIndex(u"select_type"_s) >= 0);
    QVERIFY(plan.columnIndex(u"table"_s) >= 0);
    QCOMPARE(plan.value(0, u"table"_s).toString(), u"customers"_s);
    // MariaDB names the explained statement in a note.
    QVERIFY(std::any_of(plan.warnings.cbegin(), plan.warnings.cend(),
                        [&](const SqlWarning &w) { return w.message.contains(marker); }));

    // The statement ends (cancelled): the same request fails clearly, naming the session.
    m_victim.reset();
    QTest::qWait(300);
    const quint64 late = poller.explain(*row);
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.first().at(0).toULongLong(), late);
    const Error e = failed.first().at(1).value<Error>();
    QCOMPARE(e.kind, ErrorKind::NotFound);
    QVERIFY2(e.message.contains(QString::number(victimId)), qPrintable(e.message));
    QVERIFY(!e.detail.isEmpty()); // the server's own words
    poller.stop();
}

void TestSessionPoller::throughTheBastion()
{
    Environment prod = Test::prodBehindBastion(m_sandbox);
    QVERIFY(m_vault->write(prod.passwordSecretKey(), m_sandbox.adminPassword()).ok());
    SessionPoller poller(services());
    poller.setEnvironment(prod);
    QSignalSpy failed(&poller, &SessionPoller::readFailed);
    // The workload keeps a session of `app` on every instance.
    const std::optional<SessionRow> row = [&] {
        poller.setInterval(std::chrono::milliseconds(500));
        poller.start();
        return waitForSession(
            poller, [&](const SessionRow &r) { return r.user == m_sandbox.value(u"APP_USER"_s); });
    }();
    QVERIFY2(row.has_value(),
             failed.isEmpty() ? "no app session"
                              : qPrintable(failed.first().at(0).value<Error>().toString()));
    QVERIFY(poller.ownConnectionId() != 0);
    poller.stop();
}

void TestSessionPoller::refusedPortClearError()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close(); // nothing listens there now
    Environment e = admin(u"uat01"_s, u"nowhere"_s);
    e.endpoints = { SqlEndpoint { u"127.0.0.1"_s, port, {} } };
    e.connectTimeoutMs = 2000;
    SessionPoller poller(services());
    poller.setEnvironment(e);
    QSignalSpy failed(&poller, &SessionPoller::readFailed);
    QSignalSpy ready(&poller, &SessionPoller::sessionsReady);
    poller.refresh();
    QVERIFY(failed.wait(15000));
    const Error err = failed.first().at(0).value<Error>();
    QCOMPARE(err.kind, ErrorKind::Connection);
    QVERIFY2(err.message.startsWith(u"Cannot read the sessions of nowhere: "_s),
             qPrintable(err.message));
    QCOMPARE(ready.count(), 0);
    QVERIFY(!poller.isReading());
    QCOMPARE(poller.failedReadCount(), 1ULL);
    // It can try again (the worker backs off) and stops cleanly.
    poller.refresh();
    QVERIFY(failed.wait(15000));
    poller.stop();
}

void TestSessionPoller::wrongPasswordClearError()
{
    Environment e = admin(u"uat01"_s, u"uat01-wrong-password"_s);
    QVERIFY(m_vault->write(e.passwordSecretKey(), u"not-the-password"_s).ok());
    SessionPoller poller(services());
    poller.setEnvironment(e);
    QSignalSpy failed(&poller, &SessionPoller::readFailed);
    poller.start();
    QVERIFY(failed.wait(15000));
    const Error err = failed.first().at(0).value<Error>();
    QCOMPARE(err.kind, ErrorKind::Auth);
    QCOMPARE(err.code, 1045);
    QVERIFY(err.message.contains(u"uat01-wrong-password"_s));
    QVERIFY(!err.message.contains(u"not-the-password"_s));
    poller.stop();
    QVERIFY(!poller.isActive());
}

QTEST_GUILESS_MAIN(TestSessionPoller)
#include "tst_sessionpoller.moc"
