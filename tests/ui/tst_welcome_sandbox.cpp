// Integration (issue 8): the first-run welcome screen with the real sandbox running
// (tests/sandbox/sandbox.sh up, $TIDESK_SANDBOX_DIR): "Open the local sandbox" imports its demo
// inventory, stores the admin password of each sandbox environment in the vault, and the
// automatic fleet check then reaches dev with that password. Skipped when no sandbox runs.
#include "MainWindow.h"
#include "SandboxEnv.h"
#include "UiTestFixture.h"
#include "inventory/InventoryModel.h"
#include "models/FleetStatusModel.h"
#include "pages/WelcomePage.h"
#include "sql/SqlConnection.h"

#include <QCommandLinkButton>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TiDesk;
using TiDesk::Test::SandboxEnv;
using TiDesk::Test::UiTestFixture;

class TestWelcomeSandbox : public QObject
{
    Q_OBJECT
private slots:
    void importsTheRunningSandbox();
};

void TestWelcomeSandbox::importsTheRunningSandbox()
{
    const SandboxEnv sandbox;
    if (!sandbox.isValid())
        QSKIP(qPrintable(sandbox.error()));
    UiTestFixture fx;
    const QString err = fx.init();
    QVERIFY2(err.isEmpty(), qPrintable(err));
    SqlConnection::initDriver();

    MainWindow w(fx.services);
    w.resize(1280, 800);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QTRY_VERIFY(w.isWelcomeShown());
    WelcomePage *welcome = w.welcomePage();
    QTRY_VERIFY(welcome->isSandboxAvailable());
    auto *button = welcome->findChild<QCommandLinkButton *>(u"welcomeSandbox"_s);
    QVERIFY(button->isEnabled());

    QSignalSpy preview(welcome, &WelcomePage::previewReady);
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(preview.wait(10000));
    QStringList expected = sandbox.envs();
    const QString tidb = sandbox.value(u"DEMO_TIDB_ENV"_s);
    if (!tidb.isEmpty())
        expected << tidb;
    QCOMPARE(welcome->previewEnvironments().size(), expected.size());

    QSignalSpy imported(welcome, &WelcomePage::imported);
    QTest::mouseClick(welcome->findChild<QPushButton *>(u"welcomeConfirm"_s), Qt::LeftButton);
    QVERIFY(imported.wait(10000));
    QTRY_COMPARE(w.environmentCount(), int(expected.size()));
    QTRY_VERIFY(!w.isWelcomeShown());
    const Result<EnvironmentList> stored = fx.inventory->load();
    QVERIFY(stored.ok());
    for (const Environment &e : stored.value()) {
        const Result<QString> pw = fx.vault->read(e.passwordSecretKey());
        QVERIFY2(pw.ok(), qPrintable(e.name));
        QCOMPARE(*pw, sandbox.adminPassword());
    }
    // The stored password works: the automatic check reaches dev.
    FleetStatusModel *status = w.fleetStatusModel();
    auto devStatus = [&] {
        for (int r = 0; r < status->rowCount(); ++r) {
            const QModelIndex idx = status->index(r, 0);
            if (idx.data(InventoryModel::NameRole).toString() == u"dev"_s)
                return FleetStatusModel::CheckStatus(
                    idx.data(FleetStatusModel::CheckStatusRole).toInt());
        }
        return FleetStatusModel::CheckStatus::Unknown;
    };
    QTRY_COMPARE_WITH_TIMEOUT(devStatus(), FleetStatusModel::CheckStatus::Ok, 20000);
    QVERIFY(!UiTestFixture::screenshot(&w, u"first-run-sandbox-imported.png"_s).isEmpty());
}

QTEST_MAIN(TestWelcomeSandbox)
#include "tst_welcome_sandbox.moc"
