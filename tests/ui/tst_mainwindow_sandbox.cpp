// Integration: the automatic fleet check over all four sandbox environments (plus one with a wrong
// password), and "Test connection" in the main window and in the environment dialog against the
// sandbox's real MariaDB (dev). FAILS when the sandbox is not up (tests/sandbox/sandbox.sh up).
#include "MainWindow.h"
#include "MessageBanner.h"
#include "SandboxEnv.h"
#include "StatusPill.h"
#include "UiTestFixture.h"
#include "dialogs/EnvironmentDialog.h"
#include "health/FleetChecker.h"
#include "inventory/InventoryModel.h"
#include "models/FleetStatusModel.h"
#include "pages/EnvironmentPage.h"
#include "sql/SqlConnection.h"

#include <QAction>
#include <QLabel>
#include <QListView>
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
    void fleetCheckShowsEverySandboxEnv();
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
    const QHash<QString, Tier> tiers { { u"dev"_s, Tier::Dev },
                                       { u"test01"_s, Tier::Test },
                                       { u"uat01"_s, Tier::Uat },
                                       { u"prod"_s, Tier::Prod } };
    EnvironmentList envs;
    for (const QString &name : m_sandbox.envs()) {
        QVERIFY2(m_sandbox.mariadbPort(name) > 0, qPrintable(name));
        envs << UiTestFixture::makeEnv(name, tiers.value(name, Tier::Dev), m_sandbox.host(),
                                       m_sandbox.mariadbPort(name), m_sandbox.adminUser());
    }
    QCOMPARE(envs.size(), 4);
    envs << UiTestFixture::makeEnv(u"dev-badpw"_s, Tier::Test, m_sandbox.host(), port,
                                   m_sandbox.adminUser());
    const auto saved = m_fx.inventory->saveAll(envs);
    QVERIFY(saved.ok());
    for (const Environment &e : saved.value()) {
        const QString pw = e.name == u"dev-badpw"_s ? u"definitely-not-the-password"_s
                                                    : m_sandbox.adminPassword();
        QVERIFY(m_fx.vault->write(e.passwordSecretKey(), pw).ok());
    }

    m_window = std::make_unique<MainWindow>(m_fx.services);
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_COMPARE(m_window->environmentCount(), 5);
}

void TestMainWindowSandbox::fleetCheckShowsEverySandboxEnv()
{
    using Status = FleetStatusModel::CheckStatus;
    auto *list = m_window->findChild<QListView *>(u"environmentList"_s);
    QAbstractItemModel *model = list->model();
    auto indexOf = [model](const QString &name) {
        for (int r = 0; r < model->rowCount(); ++r)
            if (model->index(r, 0).data(InventoryModel::NameRole).toString() == name)
                return model->index(r, 0);
        return QModelIndex();
    };
    auto status = [&](const QString &name) {
        return Status(indexOf(name).data(FleetStatusModel::CheckStatusRole).toInt());
    };
    auto settled = [&] {
        for (const QString &name : m_sandbox.envs() + QStringList { u"dev-badpw"_s })
            if (status(name) != Status::Ok && status(name) != Status::Error)
                return false;
        return true;
    };
    // Nothing clicked: the check runs after the first inventory load.
    QTRY_VERIFY_WITH_TIMEOUT(settled(), 20000);
    for (const QString &name : m_sandbox.envs()) {
        const QModelIndex idx = indexOf(name);
        QVERIFY2(
            status(name) == Status::Ok,
            qPrintable(name + u": "_s + idx.data(FleetStatusModel::CheckErrorRole).toString()));
        const QString engine = idx.data(FleetStatusModel::CheckEngineRole).toString();
        QVERIFY2(engine.contains(QRegularExpression(u"^MariaDB \\d+\\.\\d+"_s)),
                 qPrintable(name + u": "_s + engine));
        QVERIFY(idx.data(FleetStatusModel::CheckLatencyRole).toLongLong() >= 0);
        QVERIFY(idx.data(FleetStatusModel::CheckSummaryRole)
                    .toString()
                    .startsWith(engine + u" \u00b7 "_s));
    }
    QCOMPARE(status(u"dev-badpw"_s), Status::Error);
    QCOMPARE(indexOf(u"dev-badpw"_s).data(FleetStatusModel::CheckSummaryRole).toString(),
             u"wrong password"_s);
    auto *fleetPill = m_window->findChild<StatusPill *>(u"statusFleet"_s);
    QTRY_COMPARE(fleetPill->text(), u"4 of 5 reachable \u2014 1 failing"_s);

    QVERIFY(m_window->selectEnvironment(u"prod"_s));
    auto *engine = m_window->environmentPage()->findChild<QLabel *>(u"detailEngine"_s);
    QVERIFY2(engine->text().startsWith(u"MariaDB "_s), qPrintable(engine->text()));
    QVERIFY(!UiTestFixture::screenshot(m_window.get(), u"mainwindow-sandbox-fleet-prod.png"_s)
                 .isEmpty());
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
    QVERIFY2(banner->kind() == MessageBanner::Kind::Success,
             qPrintable(banner->text() + u'\n' + banner->detail()));
    QVERIFY2(banner->text().contains(QRegularExpression(u"MariaDB \\d+\\.\\d+"_s)),
             qPrintable(banner->text()));
    auto *engine = m_window->environmentPage()->findChild<QLabel *>(u"detailEngine"_s);
    QVERIFY(engine->text().startsWith(u"MariaDB"_s));
    auto *pill = m_window->findChild<StatusPill *>(u"statusLastCheck"_s);
    QTRY_COMPARE_WITH_TIMEOUT(pill->state(), StatusPill::State::Ok, 20000);
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
    QVERIFY2(banner->text().contains(QRegularExpression(u"MariaDB \\d+\\.\\d+"_s)),
             qPrintable(banner->text()));
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
