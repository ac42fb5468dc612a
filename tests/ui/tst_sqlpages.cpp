// The Sessions, Slow queries and Rules pages over the sandbox's real MariaDB servers.
// Sessions: `app` runs SELECT SLEEP(30) on a production-tier environment (the sandbox's dev
// server); the page lists it within a few reads, the headline counts it, the details show the
// statement; Kill query opens the confirmation with the KILL statement, whose button stays
// disabled until the environment's name is typed; the kill is verified and the victim gets 1317.
// Slow queries: statements this test makes slow (long_query_time is 0.1 s in the sandbox) show up
// grouped by digest, the read statement is time-bounded, and CSV export writes them.
// Rules: a dry-run rule records "WOULD HAVE KILLED" for a victim that keeps running; a rule that
// enforces on a production environment asks for the typed name before it is saved.
// Screenshots: sessions-runaway.png, kill-confirm-prod.png, slow-by-digest.png, rules-dry-run.png,
// rule-enforce-prod-confirm.png. FAILS without the sandbox.
#include "MessageBanner.h"
#include "SandboxBastion.h"
#include "SandboxEnv.h"
#include "UiTestFixture.h"
#include "dialogs/ConfirmActionDialog.h"
#include "models/DigestClassModel.h"
#include "models/SessionFilterModel.h"
#include "models/SessionsModel.h"
#include "pages/RulesPage.h"
#include "pages/SessionsPage.h"
#include "pages/SlowQueriesPage.h"
#include "rules/RuleRunner.h"
#include "sessions/KillOutcome.h"
#include "sessions/SessionPoller.h"
#include "sql/SqlConnection.h"
#include "sql/SqlWorker.h"

#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TiDesk;
using TiDesk::Test::SandboxEnv;
using TiDesk::Test::UiTestFixture;

class TestSqlPages : public QObject
{
    Q_OBJECT

    UiTestFixture m_fx;
    SandboxEnv m_sandbox;

    Environment sandboxEnv(const QString &name, const QString &sandboxName, Tier tier)
    {
        Environment e = UiTestFixture::makeEnv(
            name, tier, u"127.0.0.1"_s, m_sandbox.mariadbPort(sandboxName), m_sandbox.adminUser());
        e.id = QUuid::createUuid();
        e.tls.mode = TlsMode::Disabled;
        e.connectTimeoutMs = 3000;
        return e;
    }

    std::unique_ptr<SqlWorker> appClient(const QString &sandboxName)
    {
        ConnectParams p;
        p.host = u"127.0.0.1"_s;
        p.port = m_sandbox.mariadbPort(sandboxName);
        p.user = m_sandbox.value(u"APP_USER"_s);
        p.password = m_sandbox.value(u"APP_PASSWORD"_s);
        p.database = u"shop"_s;
        p.readTimeoutMs = 60000;
        SqlWorkerOptions o;
        o.engineOverride = EngineOverride::MariaDB;
        return std::make_unique<SqlWorker>(p, o);
    }

    static quint64 connectionIdOf(SqlWorker &w)
    {
        QSignalSpy connected(&w, &SqlWorker::connected);
        w.connectNow();
        if (!connected.wait(10000))
            return 0;
        return w.connectionId();
    }

private slots:
    void initTestCase()
    {
        SqlConnection::initDriver();
        QVERIFY2(m_sandbox.isValid(), qPrintable(m_sandbox.error()));
        const QString err = m_fx.init();
        QVERIFY2(err.isEmpty(), qPrintable(err));
    }

    void sessionsRunawayKilledOnProd()
    {
        const Environment env = sandboxEnv(u"prod-like"_s, u"dev"_s, Tier::Prod);
        QVERIFY(
            m_fx.services.secrets->write(env.passwordSecretKey(), m_sandbox.adminPassword()).ok());
        auto victim = appClient(u"dev"_s);
        const quint64 victimId = connectionIdOf(*victim);
        QVERIFY(victimId != 0);
        QSignalSpy victimFailed(victim.get(), &SqlWorker::requestFailed);
        victim->submit(u"SELECT SLEEP(30)"_s);

        SessionsPage page(m_fx.services);
        page.resize(1400, 800);
        page.show();
        page.setEnvironment(env);
        QVERIFY(QTest::qWaitFor([&] { return page.selectSession(victimId); }, 15000));
        // Wait until it has run for 2 s, so the headline says something worth a screenshot.
        QVERIFY(QTest::qWaitFor(
            [&] {
                const auto s = page.selectedSession();
                return s && s->timeMs >= 2000;
            },
            15000));
        const std::optional<SessionRow> s = page.selectedSession();
        QVERIFY(s);
        QCOMPARE(s->user, m_sandbox.value(u"APP_USER"_s));
        QCOMPARE(s->info, u"SELECT SLEEP(30)"_s);
        QVERIFY2(page.headlineText().contains(u"running"_s), qPrintable(page.headlineText()));
        const auto *sql = page.findChild<QWidget *>(u"sessionsStatement"_s);
        QVERIFY(sql);
        QCOMPARE(sql->property("plainText").toString(), u"SELECT SLEEP(30)"_s);
        UiTestFixture::screenshot(&page, u"sessions-runaway.png"_s);

        // A diff update keeps the selection: a few more reads, the same session stays current.
        const quint64 readsBefore = page.poller()->readCount();
        QVERIFY(
            QTest::qWaitFor([&] { return page.poller()->readCount() >= readsBefore + 2; }, 10000));
        QCOMPARE(page.selectedSession()->id, victimId);

        page.killSelected(KillKind::Query);
        ConfirmActionDialog *dlg = page.pendingConfirmation();
        QVERIFY(dlg);
        QVERIFY(dlg->requiresTypedName());
        QVERIFY(!dlg->actionButton()->isEnabled());
        const auto *stmt = dlg->findChild<QWidget *>(u"confirmActionStatement"_s);
        QCOMPARE(stmt->property("plainText").toString(),
                 u"KILL HARD QUERY "_s + QString::number(victimId));
        QTest::keyClicks(dlg->typedNameEdit(), env.name);
        QVERIFY(dlg->actionButton()->isEnabled());
        UiTestFixture::screenshot(dlg, u"kill-confirm-prod.png"_s);

        QSignalSpy killed(&page, &SessionsPage::killFinished);
        QTest::mouseClick(dlg->actionButton(), Qt::LeftButton);
        QVERIFY(killed.wait(15000));
        const KillOutcome outcome = killed.first().first().value<KillOutcome>();
        QVERIFY2(outcome.killed(), qPrintable(outcome.message));
        QCOMPARE(page.killBanner()->kind(), MessageBanner::Kind::Success);
        QVERIFY(QTest::qWaitFor([&] { return !victimFailed.isEmpty(); }, 5000));
        QCOMPARE(victimFailed.first().at(1).value<Error>().code, 1317);
        const auto audit = m_fx.audit->readLast(0);
        QVERIFY(audit.ok());
        QVERIFY(!audit->isEmpty());
        QCOMPARE(audit->last().envName, env.name);
        QCOMPARE(audit->last().mode, u"manual"_s);
        victim->shutdown();
    }

    void slowQueriesByDigest()
    {
        const Environment env = sandboxEnv(u"uat-like"_s, u"uat01"_s, Tier::Uat);
        QVERIFY(
            m_fx.services.secrets->write(env.passwordSecretKey(), m_sandbox.adminPassword()).ok());
        auto client = appClient(u"uat01"_s);
        QSignalSpy done(client.get(), &SqlWorker::resultReady);
        for (int i = 0; i < 3; ++i)
            client->submit(u"SELECT SLEEP(0.2), "_s + QString::number(i)
                           + u" AS tst_sqlpages_marker"_s);
        QVERIFY(QTest::qWaitFor([&] { return done.size() >= 3; }, 15000));
        client->shutdown();

        SlowQueriesPage page(m_fx.services);
        page.resize(1400, 800);
        page.show();
        QSignalSpy read(&page, &SlowQueriesPage::historyRead);
        QSignalSpy failed(&page, &SlowQueriesPage::readFailed);
        page.setEnvironment(env);
        QVERIFY(QTest::qWaitFor([&] { return read.size() + failed.size() > 0; }, 20000));
        QVERIFY2(failed.isEmpty(),
                 qPrintable(failed.isEmpty() ? QString()
                                             : failed.first().first().value<Error>().message));
        QVERIFY(page.model()->rowCount() > 0);
        bool found = false;
        for (const DigestClass &c : page.model()->classes())
            if (c.normalized.contains(u"tst_sqlpages_marker"_s)) {
                found = true;
                QVERIFY2(c.count >= 3, qPrintable(QString::number(c.count))); // one class
            }
        QVERIFY2(found, "the test's slow statements are not in the history");
        QVERIFY(page.lastStatement().contains(u"BETWEEN"_s)); // time-bounded
        QVERIFY2(page.headlineText().contains(u"slow statements"_s),
                 qPrintable(page.headlineText()));
        UiTestFixture::screenshot(&page, u"slow-by-digest.png"_s);

        const QString csvPath = m_fx.dir.filePath(u"slow.csv"_s);
        QSignalSpy exported(&page, &SlowQueriesPage::csvExported);
        page.exportCsv(csvPath);
        QVERIFY(exported.wait(10000));
        QVERIFY(exported.first().first().toBool());
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QByteArray bytes = csv.readAll();
        QVERIFY(bytes.contains("tst_sqlpages_marker"));
    }

    void slowLogFetchedOverSsh()
    {
        // The sandbox's prod through its OpenSSH bastion; the file is uat01's slow log, which the
        // same machine (the bastion host) holds. A missing file is a clear error.
        const Environment env = TiDesk::Test::prodBehindBastion(m_sandbox, u"prod-ssh"_s);
        QVERIFY(
            m_fx.services.secrets->write(env.passwordSecretKey(), m_sandbox.adminPassword()).ok());
        SlowQueriesPage page(m_fx.services);
        page.resize(1400, 800);
        page.show();
        QSignalSpy read(&page, &SlowQueriesPage::historyRead);
        QSignalSpy failed(&page, &SlowQueriesPage::readFailed);
        page.setEnvironment(env);
        QVERIFY(QTest::qWaitFor([&] { return read.size() + failed.size() > 0; }, 20000));
        read.clear();
        failed.clear();
        QVERIFY(page.findChild<QPushButton *>(u"slowFetchFile"_s)->isEnabled());

        const QString path = m_sandbox.value(u"SANDBOX_DIR"_s) + u"/mariadb/uat01/data/slow.log"_s;
        page.fetchRemoteFile(path);
        QVERIFY(QTest::qWaitFor([&] { return read.size() + failed.size() > 0; }, 30000));
        QVERIFY2(failed.isEmpty(),
                 qPrintable(failed.isEmpty() ? QString()
                                             : failed.first().first().value<Error>().toString()));
        QVERIFY(read.first().first().toInt() > 0);
        QVERIFY2(page.lastStatement().endsWith(u":"_s + path), qPrintable(page.lastStatement()));
        QVERIFY(page.lastStatement().startsWith(m_sandbox.value(u"SSH_USER"_s) + u'@'));

        failed.clear();
        page.fetchRemoteFile(u"/nonexistent/slow.log"_s);
        QVERIFY(QTest::qWaitFor([&] { return !failed.isEmpty(); }, 30000));
        QCOMPARE(failed.first().first().value<Error>().kind, ErrorKind::NotFound);
        QCOMPARE(page.banner()->kind(), MessageBanner::Kind::Error);
    }

    void rulesDryRunAndProdConfirmation()
    {
        const Environment dev = sandboxEnv(u"dev-like"_s, u"dev"_s, Tier::Dev);
        const Environment prod = sandboxEnv(u"prod-rules"_s, u"test01"_s, Tier::Prod);
        QVERIFY(
            m_fx.services.secrets->write(dev.passwordSecretKey(), m_sandbox.adminPassword()).ok());
        RulesPage page(m_fx.services, m_fx.dir.filePath(u"rules.json"_s));
        page.resize(1400, 800);
        page.show();
        QVERIFY(QTest::qWaitFor([&] { return page.isLoaded(); }, 5000));
        page.setEnvironments({ dev, prod });

        KillRule rule;
        rule.name = u"sleepers"_s;
        rule.scope.environments << dev.name;
        rule.match.busyTimeMs = 1000;
        rule.match.users << m_sandbox.value(u"APP_USER"_s);
        rule.match.sqlRegex = u"SLEEP\\(30\\)"_s;
        rule.action = RuleAction::KillQuery;
        rule.mode = RuleMode::DryRun;
        rule.compile();
        QSignalSpy saved(&page, &RulesPage::rulesSaved);
        page.saveRule(rule);
        QVERIFY(saved.wait(5000));
        QVERIFY(saved.first().first().toBool());
        QCOMPARE(page.rulesTable()->rowCount(), 1);
        QVERIFY(QFile::exists(m_fx.dir.filePath(u"rules.json"_s)));
        page.setRunning(true);
        QVERIFY(page.isRunning());

        auto victim = appClient(u"dev"_s);
        const quint64 victimId = connectionIdOf(*victim);
        QVERIFY(victimId != 0);
        QSignalSpy victimFailed(victim.get(), &SqlWorker::requestFailed);
        QSignalSpy decisions(&page, &RulesPage::decisionShown);
        victim->submit(u"SELECT SLEEP(30)"_s);
        QVERIFY(QTest::qWaitFor(
            [&] {
                for (const auto &args : std::as_const(decisions))
                    if (args.first().value<RuleDecision>().session.id == victimId)
                        return true;
                return false;
            },
            15000));
        QCOMPARE(page.decisionsTable()->item(0, 3)->text(), u"WOULD HAVE KILLED"_s);
        QVERIFY2(page.headlineText().contains(u"would have been"_s),
                 qPrintable(page.headlineText()));
        QTest::qWait(1500); // another poll: the victim still runs, nothing was killed
        QVERIFY(victimFailed.isEmpty());
        UiTestFixture::screenshot(&page, u"rules-dry-run.png"_s);
        page.setRunning(false);
        victim->shutdown();

        // Enforcing on a production environment: the typed name first, nothing saved before.
        KillRule enforce = rule;
        enforce.name = u"prod-sleepers"_s;
        enforce.scope.environments = { prod.name };
        enforce.mode = RuleMode::Enforce;
        enforce.envModes.insert(prod.name, RuleMode::Enforce);
        saved.clear();
        page.saveRule(enforce);
        ConfirmActionDialog *dlg = page.pendingConfirmation();
        QVERIFY(dlg);
        QVERIFY(dlg->requiresTypedName());
        QVERIFY(!dlg->actionButton()->isEnabled());
        QCOMPARE(page.rulesTable()->rowCount(), 1);
        QTest::keyClicks(dlg->typedNameEdit(), prod.name);
        UiTestFixture::screenshot(dlg, u"rule-enforce-prod-confirm.png"_s);
        QTest::mouseClick(dlg->actionButton(), Qt::LeftButton);
        QVERIFY(saved.wait(5000));
        QCOMPARE(page.rulesTable()->rowCount(), 2);
        const Result<RuleSet> onDisk = RuleSet::load(m_fx.dir.filePath(u"rules.json"_s));
        QVERIFY2(onDisk.ok(), qPrintable(onDisk.error().toString()));
        QCOMPARE(onDisk->rules.size(), 2);
        QCOMPARE(onDisk->rule(u"prod-sleepers"_s)->effectiveMode(prod.name, Tier::Prod),
                 RuleMode::Enforce);
    }
};

QTEST_MAIN(TestSqlPages)
#include "tst_sqlpages.moc"
