// tst_sessionkiller: SessionKiller against the real sandbox. A victim connection as `app` runs
// SELECT SLEEP(30) on dev while the killer (tidesk_admin) kills it:
//  - KILL QUERY: the victim's statement fails with 1317 and its connection stays usable;
//  - KILL CONNECTION: the victim's connection is gone (2013/2006) and a new one is opened;
//  - a stale target (the captured row, then the victim finished and ran another statement on
//    the same connection id; or the same text again) is refused and NOT killed;
//  - an already finished target (statement done, or session gone) is AlreadyFinished;
//  - a user with PROCESS but without SUPER/CONNECTION ADMIN gets 1095 as a clear failure;
//  - the TiDB path on the catalog fixture (uat01, schema tidb_catalog): the victim is found in
//    CLUSTER_PROCESSLIST with its INSTANCE and killed with global kill (1317);
//  - without global kill (the fixture's CLUSTER_CONFIG switched to false for one test) the
//    killer routes to the owning tidb-server's SQL address from CLUSTER_INFO (10.0.1.x:4000,
//    which does not answer here) and fails with a clear connection error, sending nothing;
//    with CLUSTER_INFO pointing the owner at an address that answers (uat01 as "localhost"),
//    KILL TIDB QUERY is sent on that direct connection (MariaDB refuses it: 1054);
//  - every attempt has its audit line (injected audit path), with rule and mode, and password
//    literals of the victim's statement redacted.
// FAILS without the sandbox.
#include "SandboxEnv.h"
#include "VictimSession.h"
#include "secrets/VaultFileStore.h"
#include "sessions/AuditLog.h"
#include "sessions/KillExecutor.h"
#include "sessions/SessionKiller.h"
#include "sql/ActivityLog.h"
#include "sql/SqlConnection.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QTimer>
#include <QUuid>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace TiDesk;

class TestSessionKiller : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void killQueryStopsStatementKeepsConnection();
    void killConnectionDropsSession();
    void staleTargetOtherStatementIsRefused();
    void staleTargetSameTextAgainIsRefused();
    void alreadyFinishedStatementAndGoneSession();
    void missingPrivilegeIsClear();
    void tidbGlobalKillOnCatalogFixture();
    void tidbWithoutGlobalKillRoutesToOwner();
    void tidbWithoutGlobalKillSendsKillTidbToOwner();
    void everyAttemptAudited();

private:
    Environment makeEnv(const QString &sandboxEnv, const QString &name,
                        EngineOverride engine = EngineOverride::Auto);
    KillExecutor::Context readContext() const;
    // Polls until session `id` runs `sql` (TiDB: through CLUSTER_PROCESSLIST); nullopt on timeout.
    std::optional<SessionRow> waitRunning(const Environment &env, quint64 id, const QString &sql,
                                          int timeoutMs = 10000);
    std::optional<SessionRow> readOne(const Environment &env, quint64 id);
    KillOutcome killNow(const KillRequest &request, qint64 *callMs = nullptr);
    bool setGlobalKill(bool on);
    // Runs one statement on uat01 as tidesk_admin (fixture edits).
    bool adminExec(const QString &sql);
    int auditLines() const;

    Test::SandboxEnv m_sandbox;
    QTemporaryDir m_dir;
    QThreadPool m_pool;
    ActivityLog m_log;
    std::unique_ptr<VaultFileStore> m_vault;
    std::unique_ptr<SessionKiller> m_killer;
    Environment m_dev;
    Environment m_tidb;
    int m_attempts = 0;
};

Environment TestSessionKiller::makeEnv(const QString &sandboxEnv, const QString &name,
                                       EngineOverride engine)
{
    Environment e;
    e.id = QUuid::createUuid();
    e.name = name;
    e.tier = Tier::Dev;
    e.engine = engine;
    e.endpoints << SqlEndpoint { u"127.0.0.1"_s, m_sandbox.mariadbPort(sandboxEnv), {} };
    e.user = m_sandbox.adminUser();
    e.tls.mode = TlsMode::VerifyCa;
    e.tls.caFile = m_sandbox.value(u"TLS_CA"_s);
    e.connectTimeoutMs = 2000;
    [&] {
        QVERIFY(m_vault->write(e.passwordSecretKey(), m_sandbox.adminPassword()).ok());
    }();
    return e;
}

KillExecutor::Context TestSessionKiller::readContext() const
{
    KillExecutor::Context c;
    c.password = m_sandbox.adminPassword();
    c.settings.dialect.catalogSchema = m_sandbox.value(u"TIDB_CATALOG_SCHEMA"_s);
    return c;
}

std::optional<SessionRow> TestSessionKiller::readOne(const Environment &env, quint64 id)
{
    const Result<QList<SessionRow>> rows = KillExecutor::readSessions(env, id, {}, readContext());
    if (!rows || rows->isEmpty())
        return std::nullopt;
    return rows->first();
}

std::optional<SessionRow> TestSessionKiller::waitRunning(const Environment &env, quint64 id,
                                                         const QString &sql, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        if (const std::optional<SessionRow> s = readOne(env, id); s && s->info == sql)
            return s;
        QTest::qWait(50);
    }
    return std::nullopt;
}

KillOutcome TestSessionKiller::killNow(const KillRequest &request, qint64 *callMs)
{
    ++m_attempts;
    QSignalSpy finished(m_killer.get(), &SessionKiller::killFinished);
    // Shared: a callback that arrives after a failed wait must not write to a dead local.
    auto viaCallback = std::make_shared<std::optional<KillOutcome>>();
    QElapsedTimer t;
    t.start();
    const quint64 id
        = m_killer->kill(request, [viaCallback](const KillOutcome &o) { *viaCallback = o; });
    if (callMs)
        *callMs = t.elapsed();
    [&] {
        QVERIFY(m_killer->pendingCount() >= 1 || !finished.isEmpty());
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().at(0).toULongLong(), id);
        QVERIFY(viaCallback->has_value()); // the callback ran before the signal
    }();
    return finished.isEmpty() ? KillOutcome() : finished.first().at(1).value<KillOutcome>();
}

bool TestSessionKiller::adminExec(const QString &sql)
{
    SqlConnection c;
    ConnectParams p;
    p.port = m_sandbox.mariadbPort(u"uat01"_s);
    p.user = m_sandbox.adminUser();
    p.password = m_sandbox.adminPassword();
    if (!c.open(p))
        return false;
    return c.query(sql).ok();
}

bool TestSessionKiller::setGlobalKill(bool on)
{
    return adminExec(u"UPDATE "_s + m_sandbox.value(u"TIDB_CATALOG_SCHEMA"_s)
                     + u".CLUSTER_CONFIG SET `VALUE` = '"_s + (on ? u"true"_s : u"false"_s)
                     + u"' WHERE `TYPE` = 'tidb' AND `KEY` = 'enable-global-kill'"_s);
}

int TestSessionKiller::auditLines() const
{
    AuditLog log(m_killer->auditPath());
    const auto entries = log.readLast(0);
    return entries ? int(entries->size()) : -1;
}

void TestSessionKiller::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(m_sandbox.isValid(), qPrintable(m_sandbox.error()));
    QVERIFY(m_dir.isValid());
    SqlConnection::initDriver();
    m_pool.setMaxThreadCount(8);
    VaultKdfParams kdf;
    kdf.n = quint64(1) << 10;
    m_vault = std::make_unique<VaultFileStore>(m_dir.filePath(u"secrets.vault"_s), kdf);
    QVERIFY(m_vault->unlockOrCreate(u"session killer test"_s).ok());
    m_dev = makeEnv(u"dev"_s, u"dev"_s);
    // The TiDB dialect on MariaDB: an engine override, cluster tables from the fixture schema.
    m_tidb = makeEnv(u"uat01"_s, u"uat02"_s, EngineOverride::TiDB);
    m_tidb.tier = Tier::Uat;

    CoreServices s;
    s.activityLog = &m_log;
    s.secrets = m_vault.get();
    s.pool = &m_pool;
    s.tidbCatalogSchema = m_sandbox.value(u"TIDB_CATALOG_SCHEMA"_s);
    QVERIFY(!s.tidbCatalogSchema.isEmpty());
    SessionKiller::Options o;
    o.auditPath = m_dir.filePath(u"audit/audit.jsonl"_s);
    m_killer = std::make_unique<SessionKiller>(s, o);
    QCOMPARE(m_killer->auditPath(), o.auditPath);
}

void TestSessionKiller::cleanupTestCase()
{
    setGlobalKill(true);
    // The fixture's CLUSTER_INFO as provisioned, whatever a failed test left behind.
    const QString schema = m_sandbox.value(u"TIDB_CATALOG_SCHEMA"_s);
    adminExec(u"UPDATE "_s + schema
              + u".CLUSTER_INFO SET INSTANCE = CONCAT(SUBSTRING_INDEX(STATUS_ADDRESS, ':', 1), "
                "':4000') WHERE TYPE = 'tidb'"_s);
    m_killer.reset();
    m_pool.waitForDone();
}

void TestSessionKiller::killQueryStopsStatementKeepsConnection()
{
    Test::VictimSession victim(m_sandbox, u"dev"_s);
    const quint64 victimId = victim.connectionId();
    QVERIFY(victimId > 0);
    const QString sql = u"SELECT SLEEP(30)"_s;
    const quint64 req = victim.start(sql);
    const std::optional<SessionRow> target = waitRunning(m_dev, victimId, sql);
    QVERIFY2(target, "the victim's statement never showed in the process list");
    QVERIFY(target->queryId.has_value()); // MariaDB: what tells two runs apart
    QCOMPARE(target->user, m_sandbox.value(u"APP_USER"_s));

    KillRequest r;
    r.env = m_dev;
    r.target = *target;
    r.kind = KillKind::Query;
    qint64 callMs = -1;
    QElapsedTimer sinceKill;
    sinceKill.start();
    const KillOutcome o = killNow(r, &callMs);
    // The owner thread is never blocked: kill() only queues the work.
    QVERIFY2(callMs < 100, qPrintable(QString::number(callMs)));
    QVERIFY2(o.status == KillOutcome::Status::Killed, qPrintable(o.message));
    QCOMPARE(o.statement, u"KILL HARD QUERY "_s + QString::number(victimId));
    QVERIFY(o.sentTo.contains(m_sandbox.adminUser()));
    QVERIFY(o.serverText.isEmpty());
    QVERIFY(o.goneAfterMs >= 0 && o.goneAfterMs < 3000);
    QVERIFY(o.fresh.has_value());
    QVERIFY(o.message.contains(u"stopped"_s));
    qInfo("kill query on dev: outcome after %lld ms (target gone %lld ms after the KILL)",
          qint64(o.elapsedMs), qint64(o.goneAfterMs));

    // The victim's statement failed with 1317, long before its 30 s.
    bool timedOut = false;
    const std::optional<Error> e = victim.wait(req, 10000, &timedOut);
    QVERIFY(!timedOut);
    QVERIFY(e.has_value());
    QCOMPARE(e->code, 1317);
    QVERIFY(sinceKill.elapsed() < 10000);
    // ... and its connection stays usable: same connection id.
    QCOMPARE(victim.connectionId(), victimId);

    const auto last = AuditLog(m_killer->auditPath()).readLast(1);
    QVERIFY(last.ok() && last->size() == 1);
    const AuditEntry &a = last->first();
    QCOMPARE(a.action, u"kill-query"_s);
    QCOMPARE(a.envName, u"dev"_s);
    QCOMPARE(a.mode, u"manual"_s);
    QVERIFY(a.rule.isEmpty());
    QVERIFY(a.ok);
    QCOMPARE(a.outcome, u"killed"_s);
    QCOMPARE(a.statement, o.statement);
    QCOMPARE(a.sessionStatement, sql);
    QVERIFY2(a.target.contains(u"#"_s + QString::number(victimId)), qPrintable(a.target));
    QCOMPARE(a.actor, AuditLog::currentActor());
}

void TestSessionKiller::killConnectionDropsSession()
{
    Test::VictimSession victim(m_sandbox, u"dev"_s);
    const quint64 victimId = victim.connectionId();
    // A password literal in the victim's statement never reaches the audit file.
    const QString sql = u"SELECT SLEEP(30) AS conn_victim, PASSWORD('hunter2-kill-test') AS pw"_s;
    const quint64 req = victim.start(sql);
    const std::optional<SessionRow> target = waitRunning(m_dev, victimId, sql);
    QVERIFY(target);

    // As the rules runner will call it: a rule name and enforce mode for the audit.
    KillRequest r;
    r.env = m_dev;
    r.target = *target;
    r.kind = KillKind::Connection;
    r.rule = u"no-long-sleeps"_s;
    r.mode = u"enforce"_s;
    const KillOutcome o = killNow(r);
    QVERIFY2(o.status == KillOutcome::Status::Killed, qPrintable(o.message));
    QCOMPARE(o.statement, u"KILL CONNECTION "_s + QString::number(victimId));
    QVERIFY(o.message.contains(u"disconnected"_s));
    QVERIFY(!readOne(m_dev, victimId).has_value()); // the id is gone

    bool timedOut = false;
    const std::optional<Error> e = victim.wait(req, 10000, &timedOut);
    QVERIFY(!timedOut);
    QVERIFY(e.has_value());
    QVERIFY2(e->kind == ErrorKind::Connection || e->code == 2013 || e->code == 2006
                 || e->code == 1927,
             qPrintable(e->toString()));
    // The client reconnects: a NEW connection id.
    const quint64 again = victim.connectionId();
    QVERIFY(again > 0);
    QVERIFY(again != victimId);

    const auto last = AuditLog(m_killer->auditPath()).readLast(1);
    QVERIFY(last.ok() && last->size() == 1);
    QCOMPARE(last->first().action, u"kill-connection"_s);
    QCOMPARE(last->first().rule, u"no-long-sleeps"_s);
    QCOMPARE(last->first().mode, u"enforce"_s);
    QVERIFY(last->first().ok);
    QCOMPARE(last->first().sessionStatement,
             u"SELECT SLEEP(30) AS conn_victim, PASSWORD('***') AS pw"_s);
    QFile audit(m_killer->auditPath());
    QVERIFY(audit.open(QIODevice::ReadOnly));
    QVERIFY(!audit.readAll().contains("hunter2"));
}

void TestSessionKiller::staleTargetOtherStatementIsRefused()
{
    Test::VictimSession victim(m_sandbox, u"dev"_s);
    const quint64 victimId = victim.connectionId();
    const QString first = u"SELECT SLEEP(2.5) AS first_statement"_s;
    const quint64 req1 = victim.start(first);
    const std::optional<SessionRow> captured = waitRunning(m_dev, victimId, first);
    QVERIFY(captured);
    QVERIFY(!victim.wait(req1, 10000).has_value()); // it finished on its own
    const QString second = u"SELECT SLEEP(30) AS second_statement"_s;
    const quint64 req2 = victim.start(second);
    QVERIFY(waitRunning(m_dev, victimId, second));

    KillRequest r;
    r.env = m_dev;
    r.target = *captured; // what the DBA saw before: stale now
    r.kind = KillKind::Connection;
    const KillOutcome o = killNow(r);
    QVERIFY2(o.status == KillOutcome::Status::StaleRefused, qPrintable(o.message));
    QVERIFY(o.statement.isEmpty()); // nothing sent
    QVERIFY(o.fresh.has_value());
    QCOMPARE(o.fresh->info, second);
    QVERIFY(o.message.contains(u"different statement"_s));

    // NOT killed: the second statement is still running on the same connection.
    QTest::qWait(300);
    const std::optional<SessionRow> still = readOne(m_dev, victimId);
    QVERIFY(still);
    QCOMPARE(still->info, second);
    bool timedOut = false;
    victim.wait(req2, 200, &timedOut);
    QVERIFY(timedOut);

    const auto last = AuditLog(m_killer->auditPath()).readLast(1);
    QVERIFY(last.ok() && last->size() == 1);
    QCOMPARE(last->first().outcome, u"stale-refused"_s);
    QVERIFY(!last->first().ok);
    QVERIFY(last->first().statement.isEmpty());
    QCOMPARE(last->first().sessionStatement, second); // what it really ran when checked

    // Clean up with a correct target.
    r.target = *still;
    r.kind = KillKind::Query;
    QCOMPARE(killNow(r).status, KillOutcome::Status::Killed);
    QCOMPARE(victim.wait(req2, 10000).value_or(Error()).code, 1317);
}

void TestSessionKiller::staleTargetSameTextAgainIsRefused()
{
    Test::VictimSession victim(m_sandbox, u"dev"_s);
    const quint64 victimId = victim.connectionId();
    const QString sql = u"SELECT SLEEP(3) AS same_text"_s;
    const quint64 req1 = victim.start(sql);
    const std::optional<SessionRow> captured = waitRunning(m_dev, victimId, sql);
    QVERIFY(captured);
    QVERIFY(!victim.wait(req1, 10000).has_value());
    const quint64 req2 = victim.start(sql); // the same text, a new execution
    const std::optional<SessionRow> now = waitRunning(m_dev, victimId, sql);
    QVERIFY(now);
    QVERIFY(now->queryId != captured->queryId);

    KillRequest r;
    r.env = m_dev;
    r.target = *captured;
    const KillOutcome o = killNow(r);
    QVERIFY2(o.status == KillOutcome::Status::StaleRefused, qPrintable(o.message));
    QVERIFY(o.statement.isEmpty());
    QVERIFY(o.message.contains(u"new execution"_s));
    // The new execution was not killed: it ends normally.
    QVERIFY(!victim.wait(req2, 10000).has_value());
}

void TestSessionKiller::alreadyFinishedStatementAndGoneSession()
{
    std::optional<SessionRow> captured;
    quint64 victimId = 0;
    {
        Test::VictimSession victim(m_sandbox, u"dev"_s);
        victimId = victim.connectionId();
        const QString sql = u"SELECT SLEEP(2) AS finishes"_s;
        const quint64 req = victim.start(sql);
        captured = waitRunning(m_dev, victimId, sql);
        QVERIFY(captured);
        QVERIFY(!victim.wait(req, 10000).has_value());

        // The statement finished; the session is idle.
        KillRequest r;
        r.env = m_dev;
        r.target = *captured;
        const KillOutcome o = killNow(r);
        QVERIFY2(o.status == KillOutcome::Status::AlreadyFinished, qPrintable(o.message));
        QVERIFY(o.statement.isEmpty());
        QVERIFY(o.message.contains(u"finished"_s));
        QCOMPARE(victim.connectionId(), victimId); // untouched
    } // the victim disconnects

    QElapsedTimer t;
    t.start();
    while (readOne(m_dev, victimId) && t.elapsed() < 5000)
        QTest::qWait(50);
    KillRequest r;
    r.env = m_dev;
    r.target = *captured;
    r.kind = KillKind::Connection;
    const KillOutcome o = killNow(r);
    QVERIFY2(o.status == KillOutcome::Status::AlreadyFinished, qPrintable(o.message));
    QVERIFY(!o.fresh.has_value());
    QVERIFY(o.statement.isEmpty());
    QVERIFY(o.message.contains(u"gone"_s));
}

void TestSessionKiller::missingPrivilegeIsClear()
{
    // exporter: PROCESS (sees every session) but neither SUPER nor CONNECTION ADMIN.
    Environment weak = makeEnv(u"dev"_s, u"dev-exporter"_s);
    weak.user = m_sandbox.value(u"EXPORTER_USER"_s);
    QVERIFY(m_vault->write(weak.passwordSecretKey(), m_sandbox.value(u"EXPORTER_PASSWORD"_s)).ok());

    Test::VictimSession victim(m_sandbox, u"dev"_s);
    const quint64 victimId = victim.connectionId();
    const QString sql = u"SELECT SLEEP(30) AS needs_privilege"_s;
    const quint64 req = victim.start(sql);
    const std::optional<SessionRow> target = waitRunning(m_dev, victimId, sql);
    QVERIFY(target);

    KillRequest r;
    r.env = weak;
    r.target = *target;
    const KillOutcome o = killNow(r);
    QVERIFY2(o.status == KillOutcome::Status::Failed, qPrintable(o.message));
    QCOMPARE(o.error.code, 1095);
    QVERIFY2(o.message.contains(u"CONNECTION ADMIN"_s), qPrintable(o.message));
    QVERIFY(!o.serverText.isEmpty());
    QCOMPARE(readOne(m_dev, victimId)->info, sql); // still running

    r.env = m_dev;
    QCOMPARE(killNow(r).status, KillOutcome::Status::Killed);
    QCOMPARE(victim.wait(req, 10000).value_or(Error()).code, 1317);
}

void TestSessionKiller::tidbGlobalKillOnCatalogFixture()
{
    QVERIFY(setGlobalKill(true));
    Test::VictimSession victim(m_sandbox, u"uat01"_s);
    const quint64 victimId = victim.connectionId();
    const QString sql = u"SELECT SLEEP(30) AS tidb_victim"_s;
    const quint64 req = victim.start(sql);
    const std::optional<SessionRow> target = waitRunning(m_tidb, victimId, sql);
    QVERIFY2(target, "the victim never showed in CLUSTER_PROCESSLIST");
    // Read through the TiDB dialect: the owning tidb-server's status address and the server's
    // digest come with the row (fixture: parity of the id decides the instance).
    QCOMPARE(target->instance, victimId % 2 == 0 ? u"10.0.1.4:10080"_s : u"10.0.1.5:10080"_s);
    QVERIFY(target->serverDigest);

    KillRequest r;
    r.env = m_tidb;
    r.target = *target;
    const KillOutcome o = killNow(r);
    QVERIFY2(o.status == KillOutcome::Status::Killed, qPrintable(o.message));
    QVERIFY(o.globalKill);
    // Global kill: a plain KILL from the environment's connection, no KILL TIDB.
    QCOMPARE(o.statement, u"KILL QUERY "_s + QString::number(victimId));
    QCOMPARE(victim.wait(req, 10000).value_or(Error()).code, 1317);
    QCOMPARE(victim.connectionId(), victimId);
    // The verify and re-poll reads went through CLUSTER_PROCESSLIST of the fixture.
    bool sawCluster = false, sawConfig = false;
    for (const ActivityEntry &a : m_log.entries()) {
        sawCluster = sawCluster
            || (a.envName == u"uat02" && a.statement.contains(u"CLUSTER_PROCESSLIST"_s)
                && a.statement.contains(u"AND INSTANCE = '"_s + target->instance));
        sawConfig = sawConfig || a.statement.contains(u"CLUSTER_CONFIG"_s);
    }
    QVERIFY(sawCluster);
    QVERIFY(sawConfig);
}

void TestSessionKiller::tidbWithoutGlobalKillRoutesToOwner()
{
    QVERIFY(setGlobalKill(false));
    Test::VictimSession victim(m_sandbox, u"uat01"_s);
    const quint64 victimId = victim.connectionId();
    const QString sql = u"SELECT SLEEP(30) AS no_global_kill"_s;
    const quint64 req = victim.start(sql);
    const std::optional<SessionRow> target = waitRunning(m_tidb, victimId, sql);
    QVERIFY(target);

    KillRequest r;
    r.env = m_tidb;
    r.target = *target;
    QElapsedTimer t;
    t.start();
    const KillOutcome o = killNow(r);
    QVERIFY(setGlobalKill(true));
    const QString owner = victimId % 2 == 0 ? u"10.0.1.4:4000"_s : u"10.0.1.5:4000"_s;
    QVERIFY2(o.status == KillOutcome::Status::Failed, qPrintable(o.message));
    QVERIFY(!o.globalKill);
    // Routed to the owner's SQL address from CLUSTER_INFO, which does not answer here.
    QVERIFY2(o.message.contains(owner), qPrintable(o.message));
    QVERIFY2(o.message.contains(u"directly"_s), qPrintable(o.message));
    QVERIFY(o.error.isError());
    QVERIFY(o.statement.isEmpty()); // no KILL sent anywhere else (not through the LB)
    qInfo("no global kill: failed after %lld ms: %s", qint64(t.elapsed()), qPrintable(o.message));
    QCOMPARE(readOne(m_tidb, victimId)->info, sql); // still running

    // Clean up: with global kill back, the same target is killed.
    const KillOutcome again = killNow(r);
    QVERIFY2(again.status == KillOutcome::Status::Killed, qPrintable(again.message));
    QCOMPARE(victim.wait(req, 10000).value_or(Error()).code, 1317);
}

void TestSessionKiller::tidbWithoutGlobalKillSendsKillTidbToOwner()
{
    // Make the owning tidb-server's SQL address in CLUSTER_INFO one that answers: uat01 itself,
    // named "localhost" so it differs from the environment's 127.0.0.1. The killer must then
    // open a direct connection THERE and send KILL TIDB on it. (uat01 is MariaDB, which has no
    // KILL TIDB: the statement is refused (1054 unknown column TIDB) - the proof that it arrived.)
    QVERIFY(setGlobalKill(false));
    Test::VictimSession victim(m_sandbox, u"uat01"_s);
    const quint64 victimId = victim.connectionId();
    const QString sql = u"SELECT SLEEP(30) AS kill_tidb_routed"_s;
    const quint64 req = victim.start(sql);
    const std::optional<SessionRow> target = waitRunning(m_tidb, victimId, sql);
    QVERIFY(target);
    const QString schema = m_sandbox.value(u"TIDB_CATALOG_SCHEMA"_s);
    const QString original = victimId % 2 == 0 ? u"10.0.1.4:4000"_s : u"10.0.1.5:4000"_s;
    const QString routed = u"localhost:"_s + QString::number(m_sandbox.mariadbPort(u"uat01"_s));
    auto pointOwnerAt = [&](const QString &address) {
        return adminExec(u"UPDATE "_s + schema + u".CLUSTER_INFO SET INSTANCE = '"_s + address
                         + u"' WHERE TYPE = 'tidb' AND STATUS_ADDRESS = '"_s + target->instance
                         + u"'"_s);
    };
    QVERIFY(pointOwnerAt(routed));

    KillRequest r;
    r.env = m_tidb;
    r.target = *target;
    const KillOutcome o = killNow(r);
    QVERIFY(pointOwnerAt(original));
    QVERIFY(setGlobalKill(true));
    QVERIFY2(o.status == KillOutcome::Status::Failed, qPrintable(o.message));
    QCOMPARE(o.statement, u"KILL TIDB QUERY "_s + QString::number(victimId));
    QVERIFY2(o.sentTo.contains(u"@"_s + routed), qPrintable(o.sentTo));
    // MariaDB has no KILL TIDB: it reads `KILL <expression>` with an unknown column TIDB.
    QVERIFY2(o.error.code == 1054 || o.error.code == 1064, qPrintable(o.error.toString()));
    QVERIFY2(o.message.contains(u"KILL TIDB QUERY"_s), qPrintable(o.message));
    // The KILL TIDB went over the direct connection, not the environment's.
    bool sawDirect = false;
    for (const ActivityEntry &a : m_log.entries())
        sawDirect
            = sawDirect || (a.statement == o.statement && a.endpoint.contains(u"@"_s + routed));
    QVERIFY(sawDirect);
    QCOMPARE(readOne(m_tidb, victimId)->info, sql); // nothing else happened to it

    const KillOutcome again = killNow(r); // global kill again: killed from the env connection
    QVERIFY2(again.status == KillOutcome::Status::Killed, qPrintable(again.message));
    QCOMPARE(victim.wait(req, 10000).value_or(Error()).code, 1317);
}

void TestSessionKiller::everyAttemptAudited()
{
    QVERIFY(m_attempts >= 14);
    QCOMPARE(auditLines(), m_attempts);
    const auto all = AuditLog(m_killer->auditPath()).readLast(0);
    QVERIFY(all.ok());
    for (const AuditEntry &a : *all) {
        QVERIFY(a.at.isValid());
        QVERIFY(!a.actor.isEmpty());
        QVERIFY(a.envName == u"dev" || a.envName == u"uat02" || a.envName == u"dev-exporter");
        QVERIFY(a.action == u"kill-query" || a.action == u"kill-connection");
        QVERIFY(!a.outcome.isEmpty());
        QVERIFY(!a.result.isEmpty());
        QVERIFY(!a.sessionStatement.isEmpty());
        QCOMPARE(a.ok, a.outcome == u"killed"_s);
        // Only sent KILLs name a statement.
        QCOMPARE(a.statement.isEmpty(),
                 a.outcome == u"stale-refused" || a.outcome == u"already-finished"
                     || (a.outcome == u"failed" && a.envName == u"uat02"
                         && !a.statement.startsWith(u"KILL TIDB"_s)));
    }
}

QTEST_GUILESS_MAIN(TestSessionKiller)
#include "tst_sessionkiller.moc"
