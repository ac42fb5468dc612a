// The Guardrails page over the sandbox's real MariaDB servers: a production-tier environment
// (the sandbox's dev server, named and tiered as prod here) shows "No statement time limit";
// changing max_statement_time opens the confirmation with the exact statement, whose button stays
// disabled until the environment's name is typed; the change is applied, audited, re-read, and
// restored. The TiDB dialect on the tidb_catalog fixture lists its 3 runaway watches; unknown TiDB
// variables are a warning banner, not a failure. An invalid value is refused before anything is
// sent. Saves guardrails-prod-confirm.png and guardrails-tidb.png. FAILS without the sandbox.
#include "MessageBanner.h"
#include "SandboxEnv.h"
#include "UiTestFixture.h"
#include "dialogs/ConfirmActionDialog.h"
#include "pages/GuardrailsPage.h"
#include "sql/SqlConnection.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TiDesk;
using TiDesk::Test::SandboxEnv;
using TiDesk::Test::UiTestFixture;

class TestGuardrailsPage : public QObject
{
    Q_OBJECT

    UiTestFixture m_fx;
    SandboxEnv m_sandbox;

    Environment sandboxEnv(const QString &name, const QString &sandboxName, Tier tier,
                           EngineOverride engine = EngineOverride::Auto)
    {
        Environment e = UiTestFixture::makeEnv(
            name, tier, u"127.0.0.1"_s, m_sandbox.mariadbPort(sandboxName), m_sandbox.adminUser());
        e.id = QUuid::createUuid();
        e.engine = engine;
        e.tls.mode = TlsMode::Disabled;
        e.connectTimeoutMs = 3000;
        return e;
    }

    bool storePassword(const Environment &e)
    {
        return m_fx.services.secrets->write(e.passwordSecretKey(), m_sandbox.adminPassword()).ok();
    }

    static QString valueOf(const GuardrailsPage &page, const QString &name)
    {
        const auto snap = page.snapshot();
        if (!snap)
            return {};
        for (const GuardrailValue &v : snap->values)
            if (v.variable.name == name)
                return v.value;
        return {};
    }

    static bool waitRead(GuardrailsPage &page)
    {
        QSignalSpy read(&page, &GuardrailsPage::snapshotRead);
        QSignalSpy failed(&page, &GuardrailsPage::readFailed);
        return QTest::qWaitFor([&] { return read.count() + failed.count() > 0; }, 10000)
            && read.count() > 0;
    }

private slots:
    void initTestCase()
    {
        SqlConnection::initDriver();
        QVERIFY2(m_sandbox.isValid(), qPrintable(m_sandbox.error()));
        const QString err = m_fx.init();
        QVERIFY2(err.isEmpty(), qPrintable(err));
    }

    void prodChangeNeedsTypedName()
    {
        const Environment env = sandboxEnv(u"prod-like"_s, u"dev"_s, Tier::Prod);
        QVERIFY(storePassword(env));
        GuardrailsPage page(m_fx.services);
        page.resize(1200, 800);
        page.show();
        QSignalSpy read(&page, &GuardrailsPage::snapshotRead);
        page.setEnvironment(env);
        QVERIFY(QTest::qWaitFor([&] { return read.count() > 0; }, 10000));
        const QString original = valueOf(page, u"max_statement_time"_s);
        QVERIFY2(!original.isNull(), "max_statement_time not read");
        if (original.toDouble() == 0)
            QCOMPARE(page.headlineText(), u"No statement time limit"_s);
        QCOMPARE(page.variablesTable()->rowCount(), 1);

        page.proposeVariable(u"max_statement_time"_s, u"42"_s);
        ConfirmActionDialog *dlg = page.pendingConfirmation();
        QVERIFY(dlg);
        QVERIFY(dlg->requiresTypedName());
        QVERIFY(!dlg->actionButton()->isEnabled());
        const auto *stmt = dlg->findChild<QWidget *>(u"confirmActionStatement"_s);
        QVERIFY(stmt);
        QCOMPARE(stmt->property("plainText").toString(), u"SET GLOBAL max_statement_time = 42"_s);
        QTest::keyClicks(dlg->typedNameEdit(), u"prod"_s); // not the name
        QVERIFY(!dlg->actionButton()->isEnabled());
        dlg->typedNameEdit()->clear();
        QTest::keyClicks(dlg->typedNameEdit(), env.name);
        QVERIFY(dlg->actionButton()->isEnabled());
        UiTestFixture::screenshot(dlg, u"guardrails-prod-confirm.png"_s);

        QSignalSpy applied(&page, &GuardrailsPage::changeApplied);
        read.clear();
        QTest::mouseClick(dlg->actionButton(), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return applied.count() > 0; }, 10000));
        QVERIFY2(applied.first().at(1).toBool(), qPrintable(applied.first().at(2).toString()));
        QVERIFY(QTest::qWaitFor([&] { return read.count() > 0; }, 10000)); // re-read after it
        const double now = valueOf(page, u"max_statement_time"_s).toDouble();
        const QString headline = page.headlineText();

        // Restore before asserting on the new value.
        page.proposeVariable(u"max_statement_time"_s, original);
        ConfirmActionDialog *undo = page.pendingConfirmation();
        QVERIFY(undo);
        QTest::keyClicks(undo->typedNameEdit(), env.name);
        applied.clear();
        QTest::mouseClick(undo->actionButton(), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return applied.count() > 0; }, 10000));
        QVERIFY(applied.first().at(1).toBool());

        QCOMPARE(now, 42.0);
        QVERIFY2(headline.startsWith(u"Statements stop after"_s), qPrintable(headline));
        QCOMPARE(page.resultBanner()->kind(), MessageBanner::Kind::Success);

        const auto audit = m_fx.audit->readLast(10);
        QVERIFY(audit.ok());
        QCOMPARE(audit->size(), 2);
        QCOMPARE(audit->first().envName, env.name);
        QCOMPARE(audit->first().statement, u"SET GLOBAL max_statement_time = 42"_s);
        QVERIFY(audit->first().ok);
    }

    void invalidValueNotSent()
    {
        const Environment env = sandboxEnv(u"dev-like"_s, u"dev"_s, Tier::Dev);
        QVERIFY(storePassword(env));
        GuardrailsPage page(m_fx.services);
        page.show();
        QSignalSpy read(&page, &GuardrailsPage::snapshotRead);
        page.setEnvironment(env);
        QVERIFY(QTest::qWaitFor([&] { return read.count() > 0; }, 10000));
        const int before = m_fx.audit->readLast(0)->size();
        page.proposeVariable(u"max_statement_time"_s, u"5; DROP TABLE t"_s);
        QVERIFY(!page.pendingConfirmation());
        QCOMPARE(page.resultBanner()->kind(), MessageBanner::Kind::Error);
        QVERIFY(!page.isBusy());
        QCOMPARE(m_fx.audit->readLast(0)->size(), before); // nothing sent, nothing audited
    }

    void tidbWatches()
    {
        m_fx.services.tidbCatalogSchema = m_sandbox.value(u"TIDB_CATALOG_SCHEMA"_s);
        const Environment env = sandboxEnv(u"tidb-uat"_s, m_sandbox.value(u"TIDB_CATALOG_ENV"_s),
                                           Tier::Uat, EngineOverride::TiDB);
        QVERIFY(storePassword(env));
        GuardrailsPage page(m_fx.services);
        page.resize(1200, 800);
        page.show();
        QSignalSpy read(&page, &GuardrailsPage::snapshotRead);
        page.setEnvironment(env);
        QVERIFY(QTest::qWaitFor([&] { return read.count() > 0; }, 10000));
        m_fx.services.tidbCatalogSchema.clear();
        QCOMPARE(page.watchesTable()->rowCount(), 3);
        QVERIFY(page.watchesTable()->isVisible());
        QCOMPARE(page.watchesTable()->item(0, 1)->text(), u"rg_report"_s);
        QCOMPARE(page.banner()->kind(), MessageBanner::Kind::Warning);
        QVERIFY(page.banner()->detail().contains(u"tidb_mem_quota_query"_s));
        QCOMPARE(page.variablesTable()->rowCount(), 6);
        UiTestFixture::screenshot(&page, u"guardrails-tidb.png"_s);

        // Removing a watch goes through the confirmation (UAT: no typed name) with the statement.
        page.watchesTable()->selectRow(1);
        page.findChild<QPushButton *>(u"guardrailsRemoveWatch"_s)->click();
        ConfirmActionDialog *dlg = page.pendingConfirmation();
        QVERIFY(dlg);
        QVERIFY(!dlg->requiresTypedName());
        QVERIFY(dlg->actionButton()->isEnabled());
        const auto *stmt = dlg->findChild<QWidget *>(u"confirmActionStatement"_s);
        QCOMPARE(stmt->property("plainText").toString(), u"QUERY WATCH REMOVE 2"_s);
        dlg->reject();

        // Adding a watch by digest: the exact QUERY WATCH ADD; a malformed digest is not sent.
        const QString digest
            = u"8115d57f1b51ca014b1caa21eaf34257709f625362d145288a50708dfa95d993"_s;
        page.proposeAddWatch(digest);
        ConfirmActionDialog *add = page.pendingConfirmation();
        QVERIFY(add);
        QCOMPARE(add->findChild<QWidget *>(u"confirmActionStatement"_s)
                     ->property("plainText")
                     .toString(),
                 u"QUERY WATCH ADD ACTION KILL SQL DIGEST '"_s + digest + u"'"_s);
        add->reject();
        QTRY_VERIFY(!page.pendingConfirmation());
        page.proposeAddWatch(u"not-a-digest"_s);
        QVERIFY(!page.pendingConfirmation());
        QCOMPARE(page.resultBanner()->kind(), MessageBanner::Kind::Error);
    }
};

QTEST_MAIN(TestGuardrailsPage)
#include "tst_guardrailspage.moc"
