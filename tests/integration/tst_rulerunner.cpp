// tst_rulerunner: RuleRunner against the sandbox's real MariaDB `dev` (1 s polls):
//  - a dry-run rule (busy >= 2 s, user app) writes a "would have killed" audit line for a
//    client's SELECT SLEEP(30) within 1.5 poll intervals after the threshold, once only, and
//    the victim keeps running (checked in the server's processlist);
//  - a matching session of an excluded user is never in the decisions, while the same
//    statement of `app` is; with no killer an enforced kill is audited as "not executed: killer
//    not available" and the victim still runs;
//  - with a killer injected, enforced decisions reach it (env, victim, kill kind) and the
//    killer's own connection ids are never matched;
//  - an unreachable environment is reported (once, not every poll) while the other keeps being
//    polled; pollOnce() finishes its round.
// FAILS without the sandbox.
#include "SandboxEnv.h"
#include "rules/RuleKiller.h"
#include "rules/RuleRunner.h"
#include "sessions/AuditLog.h"
#include "sql/SqlConnection.h"
#include "sql/SqlWorker.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

using namespace Qt::StringLiterals;
using namespace TiDesk;

namespace {

struct Seen
{
    RuleDecision decision;
    QString statement;
    QString result;
    qint64 atMs = 0; // since the test's clock started
};

class RecordingKiller final : public RuleKiller
{
public:
    void killForRule(const Environment &env, const RuleDecision &decision) override
    {
        calls << qMakePair(env.name, decision);
    }
    QSet<quint64> ownConnectionIds(const QString &envName) const override
    {
        return envName == u"dev" ? own : QSet<quint64> {};
    }
    QList<QPair<QString, RuleDecision>> calls;
    QSet<quint64> own;
};

} // namespace

class TestRuleRunner : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void dryRunLogsWouldHaveKilledInTime();
    void excludedUserNeverDecidedAndNoFakeKill();
    void injectedKillerGetsEnforcedDecisions();
    void unreachableEnvironmentReportedOthersContinue();

private:
    Environment devEnv(const QString &name = u"dev"_s) const;
    ConnectParams params(const Environment &env, bool asApp) const;
    CoreServices services();
    void watch(RuleRunner &runner);
    // A client session that runs `sql`; returns its connection id (0 on failure).
    quint64 startClient(SqlWorker &worker, const QString &sql, quint64 *requestId);
    bool stillRunning(quint64 connectionId, const QString &infoPart);
    const Seen *decisionFor(quint64 connectionId, const QString &rule = {}) const;

    Test::SandboxEnv m_sandbox;
    QTemporaryDir m_dir;
    QThreadPool m_pool;
    QList<Seen> m_seen;
    QElapsedTimer m_clock;
};

Environment TestRuleRunner::devEnv(const QString &name) const
{
    Environment e;
    e.id = QUuid::createUuid();
    e.name = name;
    e.tier = Tier::Dev;
    e.endpoints << SqlEndpoint { u"127.0.0.1"_s, m_sandbox.mariadbPort(u"dev"_s), {} };
    e.user = m_sandbox.adminUser();
    e.tls.mode = TlsMode::VerifyCa;
    e.tls.caFile = m_sandbox.value(u"TLS_CA"_s);
    e.connectTimeoutMs = 3000;
    return e;
}

ConnectParams TestRuleRunner::params(const Environment &env, bool asApp) const
{
    ConnectParams p = ConnectParams::fromEnvironment(
        env, asApp ? m_sandbox.value(u"APP_PASSWORD"_s) : m_sandbox.adminPassword());
    if (asApp)
        p.user = m_sandbox.value(u"APP_USER"_s);
    p.readTimeoutMs = 60000;
    return p;
}

CoreServices TestRuleRunner::services()
{
    CoreServices s;
    s.pool = &m_pool;
    return s;
}

void TestRuleRunner::watch(RuleRunner &runner)
{
    m_seen.clear();
    m_clock.restart();
    runner.setParamsFunction(
        [this](const Environment &env) -> Result<ConnectParams> { return params(env, false); });
    connect(&runner, &RuleRunner::decisionHandled, this,
            [this](const RuleDecision &d, const QString &statement, const QString &result) {
                m_seen << Seen { d, statement, result, m_clock.elapsed() };
            });
}

quint64 TestRuleRunner::startClient(SqlWorker &worker, const QString &sql, quint64 *requestId)
{
    QSignalSpy connected(&worker, &SqlWorker::connected);
    worker.connectNow();
    if (!connected.wait(10000))
        return 0;
    *requestId = worker.submit(sql);
    return worker.connectionId();
}

bool TestRuleRunner::stillRunning(quint64 connectionId, const QString &infoPart)
{
    SqlConnection conn;
    if (!conn.open(params(devEnv(), false)))
        return false;
    const auto r = conn.query(u"SELECT INFO, TIME_MS FROM information_schema.PROCESSLIST "
                              "WHERE ID = "_s
                              + QString::number(connectionId));
    return r.ok() && r->rows.size() == 1 && r->rows.first().at(0).toString().contains(infoPart);
}

const Seen *TestRuleRunner::decisionFor(quint64 connectionId, const QString &rule) const
{
    for (const Seen &s : m_seen)
        if (s.decision.session.id == connectionId
            && (rule.isEmpty() || s.decision.ruleName == rule))
            return &s;
    return nullptr;
}

void TestRuleRunner::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(m_sandbox.isValid(), qPrintable(m_sandbox.error()));
    QVERIFY(m_dir.isValid());
    SqlConnection::initDriver();
    m_pool.setMaxThreadCount(8);
}

void TestRuleRunner::cleanupTestCase()
{
    m_pool.waitForDone();
}

void TestRuleRunner::dryRunLogsWouldHaveKilledInTime()
{
    RuleSet rules;
    KillRule r;
    r.name = u"app-busy-2s"_s;
    r.scope.environments << u"dev"_s;
    r.match.busyTimeMs = 2000;
    r.match.users << m_sandbox.value(u"APP_USER"_s);
    r.action = RuleAction::KillQuery;
    r.mode = RuleMode::DryRun;
    r.compile();
    rules.rules << r;
    AuditLog audit(m_dir.filePath(u"dry-run-audit.jsonl"_s));
    RuleRunner runner(services(), &audit);
    watch(runner);
    runner.setRules(rules);
    runner.setEnvironments({ devEnv() });
    QCOMPARE(runner.interval(), std::chrono::milliseconds(1000));
    QSignalSpy polled(&runner, &RuleRunner::environmentPolled);
    QSignalSpy errors(&runner, &RuleRunner::environmentError);
    runner.start();
    QVERIFY2(polled.wait(10000),
             errors.isEmpty() ? "no poll"
                              : qPrintable(errors.first().at(1).value<Error>().message));

    SqlWorker victim(params(devEnv(), true));
    QSignalSpy victimFailed(&victim, &SqlWorker::requestFailed);
    quint64 request = 0;
    const quint64 victimId = startClient(victim, u"SELECT SLEEP(30)"_s, &request);
    QVERIFY(victimId != 0);
    const qint64 startedAt = m_clock.elapsed();

    QElapsedTimer wait;
    wait.start();
    while (!decisionFor(victimId) && wait.elapsed() < 10000)
        QTest::qWait(10);
    const Seen *seen = decisionFor(victimId);
    QVERIFY2(seen, "no decision for the victim within 10 s");
    const qint64 reactionMs = seen->atMs - startedAt;
    qInfo("dry-run decision %lld ms after the statement was sent (threshold 2000 ms, poll "
          "interval 1000 ms)",
          reactionMs);
    QVERIFY2(reactionMs >= 2000, qPrintable(QString::number(reactionMs)));
    QVERIFY2(reactionMs <= 2000 + 1500, qPrintable(QString::number(reactionMs)));
    QCOMPARE(seen->decision.ruleName, u"app-busy-2s"_s);
    QCOMPARE(seen->decision.envName, u"dev"_s);
    QCOMPARE(seen->decision.mode, RuleMode::DryRun);
    QCOMPARE(seen->decision.action, RuleAction::KillQuery);
    QCOMPARE(seen->decision.outcome, RuleDecision::Outcome::Act);
    QCOMPARE(seen->statement, u"KILL HARD QUERY "_s + QString::number(victimId));
    QVERIFY2(seen->result.startsWith(u"would have killed (dry run)"_s), qPrintable(seen->result));

    // The audit line (written on the runner's audit thread).
    QList<AuditEntry> lines;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            lines = audit.readLast(100).valueOr({});
            for (const AuditEntry &e : lines)
                if (e.target.contains(u"#"_s + QString::number(victimId) + u' '))
                    return true;
            return false;
        }(),
        5000);
    const AuditEntry *line = nullptr;
    for (const AuditEntry &e : lines)
        if (e.target.contains(u"#"_s + QString::number(victimId) + u' '))
            line = &e;
    QVERIFY(line);
    QCOMPARE(line->rule, u"app-busy-2s"_s);
    QCOMPARE(line->mode, u"dry-run"_s);
    QCOMPARE(line->action, u"kill-query"_s);
    QCOMPARE(line->envName, u"dev"_s);
    QCOMPARE(line->statement, u"KILL HARD QUERY "_s + QString::number(victimId));
    QVERIFY(line->ok);
    QVERIFY(line->result.startsWith(u"would have killed"_s));
    QVERIFY(line->target.contains(u"SELECT SLEEP(30)"_s));

    // Two more polls: no second decision for the same statement, and it is still running.
    const qint64 pollsBefore = runner.pollCount(u"dev"_s);
    QTRY_VERIFY_WITH_TIMEOUT(runner.pollCount(u"dev"_s) >= quint64(pollsBefore + 2), 5000);
    int forVictim = 0;
    for (const Seen &s : std::as_const(m_seen))
        forVictim += s.decision.session.id == victimId ? 1 : 0;
    QCOMPARE(forVictim, 1);
    QVERIFY2(victimFailed.isEmpty(),
             victimFailed.isEmpty()
                 ? ""
                 : qPrintable(victimFailed.first().at(1).value<Error>().toString()));
    QVERIFY2(stillRunning(victimId, u"SLEEP(30)"_s), "the dry-run victim must keep running");

    runner.stop();
    QVERIFY(!runner.isRunning());
    victim.cancel(request);
    victim.shutdown();
}

void TestRuleRunner::excludedUserNeverDecidedAndNoFakeKill()
{
    RuleSet rules;
    rules.excludeUsers << m_sandbox.adminUser();
    KillRule r;
    r.name = u"sleepers"_s;
    r.scope.tiers << Tier::Dev;
    r.match.busyTimeMs = 1000;
    r.match.sqlRegex = u"SLEEP\\(8\\)"_s;
    r.action = RuleAction::KillConnection;
    r.mode = RuleMode::Enforce; // dev tier: enforce
    r.compile();
    rules.rules << r;
    AuditLog audit(m_dir.filePath(u"enforce-audit.jsonl"_s));
    RuleRunner runner(services(), &audit);
    watch(runner);
    runner.setRules(rules);
    runner.setEnvironments({ devEnv() });
    runner.start();

    SqlWorker admin(params(devEnv(), false));
    SqlWorker app(params(devEnv(), true));
    QSignalSpy appFailed(&app, &SqlWorker::requestFailed);
    quint64 adminRequest = 0, appRequest = 0;
    const quint64 adminId = startClient(admin, u"SELECT SLEEP(8)"_s, &adminRequest);
    const quint64 appId = startClient(app, u"SELECT SLEEP(8)"_s, &appRequest);
    QVERIFY(adminId != 0 && appId != 0);

    QTRY_VERIFY_WITH_TIMEOUT(decisionFor(appId) != nullptr, 8000);
    const Seen *seen = decisionFor(appId);
    QCOMPARE(seen->decision.mode, RuleMode::Enforce);
    QCOMPARE(seen->decision.action, RuleAction::KillConnection);
    QVERIFY(seen->decision.isEnforcedKill());
    QVERIFY2(seen->result.startsWith(u"not executed: killer not available"_s),
             qPrintable(seen->result));
    // Two more polls with the excluded session still running and matching the criteria.
    const quint64 pollsBefore = runner.pollCount(u"dev"_s);
    QTRY_VERIFY_WITH_TIMEOUT(runner.pollCount(u"dev"_s) >= pollsBefore + 2, 5000);
    QVERIFY2(stillRunning(adminId, u"SLEEP(8)"_s), "the excluded session ran out too early");
    QVERIFY2(!decisionFor(adminId), "an excluded user's session was decided");
    // Nothing was killed: the enforced victim still runs, and the audit says so.
    QVERIFY2(stillRunning(appId, u"SLEEP(8)"_s), "no killer: the victim must keep running");
    QVERIFY(appFailed.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const AuditEntry &e : audit.readLast(100).valueOr({}))
                if (e.target.contains(u"#"_s + QString::number(appId) + u' ') && !e.ok
                    && e.mode == u"enforce" && e.result.startsWith(u"not executed"_s))
                    return true;
            return false;
        }(),
        5000);
    runner.stop();
    admin.cancel(adminRequest);
    app.cancel(appRequest);
}

void TestRuleRunner::injectedKillerGetsEnforcedDecisions()
{
    RuleSet rules;
    KillRule r;
    r.name = u"kill-sleep-7"_s;
    r.scope.environments << u"dev"_s;
    r.match.busyTimeMs = 1000;
    r.match.sqlRegex = u"SLEEP\\(7\\)"_s;
    r.action = RuleAction::KillConnection;
    r.mode = RuleMode::Enforce;
    r.compile();
    rules.rules << r;
    RecordingKiller killer;
    RuleRunner runner(services(), nullptr);
    watch(runner);
    runner.setKiller(&killer);
    runner.setRules(rules);
    runner.setEnvironments({ devEnv() });

    SqlWorker mine(params(devEnv(), true)); // "the killer's own" connection
    SqlWorker victim(params(devEnv(), true));
    quint64 mineRequest = 0, victimRequest = 0;
    const quint64 mineId = startClient(mine, u"SELECT SLEEP(7)"_s, &mineRequest);
    const quint64 victimId = startClient(victim, u"SELECT SLEEP(7)"_s, &victimRequest);
    QVERIFY(mineId != 0 && victimId != 0);
    killer.own.insert(mineId);
    runner.start();
    QTRY_VERIFY_WITH_TIMEOUT(!killer.calls.isEmpty(), 8000);
    const quint64 pollsBefore = runner.pollCount(u"dev"_s);
    QTRY_VERIFY_WITH_TIMEOUT(runner.pollCount(u"dev"_s) >= pollsBefore + 1, 5000);
    runner.stop();
    QCOMPARE(killer.calls.size(), 1);
    QCOMPARE(killer.calls.first().first, u"dev"_s);
    const RuleDecision &d = killer.calls.first().second;
    QCOMPARE(d.session.id, victimId);
    QCOMPARE(d.killKind(), KillKind::Connection);
    QCOMPARE(d.ruleName, u"kill-sleep-7"_s);
    QVERIFY(d.isEnforcedKill());
    QVERIFY(!decisionFor(mineId));
    const Seen *seen = decisionFor(victimId);
    QVERIFY(seen);
    QVERIFY(seen->result.startsWith(u"handed to the killer"_s));
    mine.cancel(mineRequest);
    victim.cancel(victimRequest);
}

void TestRuleRunner::unreachableEnvironmentReportedOthersContinue()
{
    RuleSet rules;
    KillRule r;
    r.name = u"any"_s;
    r.scope.tiers << Tier::Dev;
    r.match.busyTimeMs = 3600 * 1000;
    r.compile();
    rules.rules << r;
    Environment broken = devEnv(u"broken"_s);
    broken.endpoints = { SqlEndpoint { u"127.0.0.1"_s, 1, {} } };
    broken.connectTimeoutMs = 1000;
    RuleRunner runner(services(), nullptr);
    watch(runner);
    runner.setRules(rules);
    runner.setEnvironments({ devEnv(), broken });
    QCOMPARE(runner.polledEnvironments().size(), 2);

    QSignalSpy round(&runner, &RuleRunner::pollRoundFinished);
    QSignalSpy errors(&runner, &RuleRunner::environmentError);
    runner.pollOnce();
    QVERIFY(round.wait(15000));
    QCOMPARE(runner.pollCount(u"dev"_s), quint64(1));
    QCOMPARE(runner.pollCount(u"broken"_s), quint64(0));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().at(0).toString(), u"broken"_s);
    QCOMPARE(errors.first().at(1).value<Error>().kind, ErrorKind::Connection);
    QCOMPARE(runner.lastError(u"broken"_s).kind, ErrorKind::Connection);

    // Periodic polls: dev keeps being read while broken keeps failing, reported once (not
    // every second).
    runner.start();
    QTRY_VERIFY_WITH_TIMEOUT(runner.pollCount(u"dev"_s) >= 4, 10000);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(runner.lastError(u"broken"_s).kind, ErrorKind::Connection);
    QCOMPARE(runner.pollCount(u"broken"_s), quint64(0));
    QVERIFY(!runner.lastError(u"dev"_s).isError());
    QSignalSpy stopped(&runner, &RuleRunner::stopped);
    runner.stop();
    QCOMPARE(stopped.size(), 1);
}

QTEST_GUILESS_MAIN(TestRuleRunner)
#include "tst_rulerunner.moc"
