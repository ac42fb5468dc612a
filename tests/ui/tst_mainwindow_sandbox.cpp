// Integration: "Test connection" in the main window and in the environment dialog against the
// sandbox's real MariaDB (dev). FAILS when the sandbox is not up (tests/sandbox/sandbox.sh up).
#include "MainWindow.h"
#include "MessageBanner.h"
#include "SandboxEnv.h"
#include "StatusPill.h"
#include "UiTestFixture.h"
#include "dialogs/EnvironmentDialog.h"
#include "pages/EnvironmentPage.h"
#include "sql/SqlConnection.h"

#include <QAction>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TiDesk;
using TiDesk::Test::SandboxEnv;
using TiDesk::Test::UiTestFixture;

class TestMainWindowSandbox : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void testConnectionShowsMariadbVersion();
    void dialogTestConnection();
    void wrongPasswordIsClear();
    void cleanupTestCase();

private:
    UiTestFixture m_fx;
    SandboxEnv m_sandbox;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindowSandbox::initTestCase()
{
    QVERIFY2(m_sandbox.isValid(), qPrintable(m_sandbox.error()));
    const QString err = m_fx.init();
    QVERIFY2(err.isEmpty(), qPrintable(err));
    SqlConnection::initDriver();

    const int port = m_sandbox.mariadbPort(u"dev"_s);
    QVERIFY2(port > 0, "MARIADB_PORT_dev missing from sandbox.env");
    Environment dev = UiTestFixture::makeEnv(u"dev"_s, Tier::Dev, m_sandbox.host(), port, m_sandbox.adminUser());
    Environment bad = UiTestFixture::makeEnv(u"dev-badpw"_s, Tier::Test, m_sandbox.host(), port, m_sandbox.adminUser());
    const auto saved = m_fx.inventory->saveAll({ dev, bad });
    QVERIFY(saved.ok());
    QVERIFY(m_fx.vault->write(saved->at(0).passwordSecretKey(), m_sandbox.adminPassword()).ok());
    QVERIFY(m_fx.vault->write(saved->at(1).passwordSecretKey(), u"definitely-not-the-password"_s).ok());

    m_window = std::make_unique<MainWindow>(m_fx.services);
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_COMPARE(m_window->environmentCount(), 2);
}

void TestMainWindowSandbox::cleanupTestCase()
{
    m_window.reset();
    m_fx.pool.waitForDone();
}

void TestMainWindowSandbox::testConnectionShowsMariadbVersion()
{
    QVERIFY(m_window->selectEnvironment(u"dev"_s));
    m_window->action(u"actionTestConnection"_s)->trigger();
    auto *banner = m_window->environmentPage()->findChild<MessageBanner *>(u"environmentBanner"_s);
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 20000);
    QVERIFY2(banner->kind() == MessageBanner::Kind::Success, qPrintable(banner->text() + u'\n' + banner->detail()));
    QVERIFY2(banner->text().contains(QRegularExpression(u"MariaDB \\d+\\.\\d+"_s)), qPrintable(banner->text()));
    auto *engine = m_window->environmentPage()->findChild<QLabel *>(u"detailEngine"_s);
    QVERIFY(engine->text().startsWith(u"MariaDB"_s));
    auto *pill = m_window->findChild<StatusPill *>(u"statusLastCheck"_s);
    QCOMPARE(pill->state(), StatusPill::State::Ok);
    QVERIFY(!UiTestFixture::screenshot(m_window.get(), u"mainwindow-sandbox-dev.png"_s).isEmpty());
}

void TestMainWindowSandbox::dialogTestConnection()
{
    QVERIFY(m_window->selectEnvironment(u"dev"_s));
    m_window->action(u"actionEditEnvironment"_s)->trigger();
    QPointer<EnvironmentDialog> dlg = m_window->findChild<EnvironmentDialog *>();
    QVERIFY(dlg);
    // Empty password field while editing: the stored one is used.
    QTest::mouseClick(dlg->findChild<QPushButton *>(u"envTestConnection"_s), Qt::LeftButton);
    auto *banner = dlg->findChild<MessageBanner *>(u"envCheckBanner"_s);
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 20000);
    QVERIFY2(banner->text().contains(QRegularExpression(u"MariaDB \\d+\\.\\d+"_s)), qPrintable(banner->text()));
    QVERIFY(!UiTestFixture::screenshot(dlg, u"environment-dialog-sandbox-ok.png"_s).isEmpty());
    dlg->reject();
    QTRY_VERIFY(dlg.isNull());
}

void TestMainWindowSandbox::wrongPasswordIsClear()
{
    QVERIFY(m_window->selectEnvironment(u"dev-badpw"_s));
    m_window->action(u"actionTestConnection"_s)->trigger();
    auto *banner = m_window->environmentPage()->findChild<MessageBanner *>(u"environmentBanner"_s);
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 20000);
    QCOMPARE(banner->kind(), MessageBanner::Kind::Error);
    QVERIFY2(banner->detail().contains(u"1045"_s), qPrintable(banner->detail()));
    QVERIFY2(banner->detail().contains(u"password"_s), qPrintable(banner->detail()));
}

QTEST_MAIN(TestMainWindowSandbox)
#include "tst_mainwindow_sandbox.moc"
