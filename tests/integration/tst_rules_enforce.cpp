// Enforced kill rules against the sandbox's dev MariaDB, with the real killer: a rule (busy >= 2 s,
// SQL ~ SLEEP(30), kill query, enforce, poll every second) kills `app`'s SELECT SLEEP(30) within
// 1.5 poll intervals after the statement crosses 2 s (the victim gets 1317 and keeps its
// connection), writes the kill to the audit log with the rule's name and mode "enforce", and never
// touches the same statement run by a user the rule set excludes. FAILS without the sandbox.
#include "SandboxEnv.h"
#include "VictimSession.h"
#include "rules/RuleRunner.h"
#include "rules/SessionRuleKiller.h"
#include "secrets/VaultFileStore.h"
#include "sessions/AuditLog.h"
#include "sessions/SessionKiller.h"
#include "sql/ActivityLog.h"
#include "sql/SqlConnection.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

using namespace Qt::StringLiterals;
using namespace TiDesk;

class TestRulesEnforce : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(m_sandbox.isValid(), qPrintable(m_sandbox.error()));
        QVERIFY(m_dir.isValid());
        SqlConnection::initDriver();
        m_pool.setMaxThreadCount(8);
        VaultKdfParams kdf;
        kdf.n = quint64(1) << 10;
        m_vault = std::make_unique<VaultFileStore>(m_dir.filePath(u"secrets.vault"_s), kdf);
        QVERIFY(m_vault->unlockOrCreate(u"rules enforce test"_s).ok());
        m_env.id = QUuid::createUuid();
        m_env.name = u"dev"_s;
        m_env.tier = Tier::Dev;
        m_env.endpoints << SqlEndpoint { u"127.0.0.1"_s, m_sandbox.mariadbPort(u"dev"_s), {} };
        m_env.user = m_sandbox.adminUser();
        m_env.tls.mode = TlsMode::Disabled;
        m_env.connectTimeoutMs = 3000;
        QVERIFY(m_vault->write(m_env.passwordSecretKey(), m_sandbox.adminPassword()).ok());
    }

    void enforcedKillInTimeExcludedUserUntouched()
    {
        CoreServices s;
        s.activityLog = &m_log;
        s.secrets = m_vault.get();
        s.pool = &m_pool;
        const QString auditPath = m_dir.filePath(u"audit.jsonl"_s);
        AuditLog audit(auditPath);
        SessionKiller::Options ko;
        ko.auditPath = auditPath;
        SessionKiller killer(s, ko);
        SessionRuleKiller ruleKiller(&killer);

        RuleSet rules;
        rules.excludeUsers << m_sandbox.adminUser(); // the DBA's own user: never touched
        KillRule r;
        r.name = u"sleepers"_s;
        r.scope.environments << u"dev"_s;
        r.match.busyTimeMs = 2000;
        r.match.users << u"*"_s;
        r.match.sqlRegex = u"SLEEP\\(30\\)"_s;
        r.action = RuleAction::KillQuery;
        r.mode = RuleMode::Enforce;
        r.compile();
        QVERIFY2(r.validate().isEmpty(), qPrintable(r.validate()));
        rules.rules << r;

        RuleRunner runner(s, &audit);
        runner.setRules(rules);
        runner.setEnvironments({ m_env });
        runner.setKiller(&ruleKiller);
        QSignalSpy polled(&runner, &RuleRunner::environmentPolled);
        QSignalSpy errors(&runner, &RuleRunner::environmentError);
        QSignalSpy outcomes(&killer, &SessionKiller::killFinished);
        runner.start();
        QVERIFY2(polled.wait(10000),
                 errors.isEmpty() ? "no poll"
                                  : qPrintable(errors.first().at(1).value<Error>().message));

        // The excluded user's identical statement first, then the victim.
        SqlWorker dba(ConnectParams::fromEnvironment(m_env, m_sandbox.adminPassword()));
        QSignalSpy dbaFailed(&dba, &SqlWorker::requestFailed);
        const quint64 dbaRequest = dba.submit(u"SELECT SLEEP(30)"_s);
        Test::VictimSession victim(m_sandbox, u"dev"_s);
        QVERIFY(victim.connectionId() != 0); // connected before the clock starts
        QElapsedTimer clock;
        const quint64 request = victim.start(u"SELECT SLEEP(30)"_s);
        clock.start();
        bool timedOut = false;
        const std::optional<Error> got = victim.wait(request, 15000, &timedOut);
        const qint64 endedMs = clock.elapsed();
        QVERIFY2(!timedOut, "the victim was not killed within 15 s");
        QVERIFY2(got.has_value(), "the victim's statement finished instead of being killed");
        QCOMPARE(got->code, 1317);
        const qint64 reactionMs = endedMs - 2000;
        qInfo("enforced kill %lld ms after the 2 s threshold (poll interval 1000 ms)", reactionMs);
        QVERIFY2(reactionMs <= 1500, qPrintable(QString::number(reactionMs)));
        QVERIFY(reactionMs >= 0);

        QTRY_VERIFY_WITH_TIMEOUT(!outcomes.isEmpty(), 5000);
        const KillOutcome outcome = outcomes.first().at(1).value<KillOutcome>();
        QCOMPARE(outcome.status, KillOutcome::Status::Killed);
        QCOMPARE(outcomes.size(), 1); // one kill: the DBA's statement is not a target

        // Two more polls: the excluded user's statement is still running.
        const quint64 before = runner.pollCount(u"dev"_s);
        QTRY_VERIFY_WITH_TIMEOUT(runner.pollCount(u"dev"_s) >= before + 2, 5000);
        QVERIFY(dbaFailed.isEmpty());
        QCOMPARE(outcomes.size(), 1);
        runner.stop();

        const auto lines = audit.readLast(0);
        QVERIFY(lines.ok());
        const AuditEntry *kill = nullptr;
        for (const AuditEntry &e : *lines)
            if (e.mode == u"enforce" && e.action == u"kill-query" && e.ok)
                kill = &e;
        QVERIFY2(kill, "no enforced kill in the audit log");
        QCOMPARE(kill->rule, u"sleepers"_s);
        QVERIFY(kill->statement.startsWith(u"KILL HARD QUERY "_s));
        for (const AuditEntry &e : *lines)
            QVERIFY2(!e.target.contains(m_sandbox.adminUser() + u'@'),
                     qPrintable(u"excluded user in the audit: "_s + e.target));

        dba.cancel(dbaRequest);
        dba.shutdown();
    }

private:
    Test::SandboxEnv m_sandbox;
    QTemporaryDir m_dir;
    QThreadPool m_pool;
    ActivityLog m_log;
    std::unique_ptr<VaultFileStore> m_vault;
    Environment m_env;
};

QTEST_GUILESS_MAIN(TestRulesEnforce)
#include "tst_rules_enforce.moc"
