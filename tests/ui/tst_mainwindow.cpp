// UI test of the main window over real core services (SQLite inventory, vault file, pool):
// tier chrome, adding/editing/duplicating/removing environments through the real dialogs,
// a failing connection check, the automatic fleet check (status dot, engine/latency or short
// error per sidebar row, the status bar summary; through FleetChecker's check seam, so no network),
// the activity and settings pages. Saves screenshots.
#include "HealthPages.h"
#include "MainWindow.h"
#include "MessageBanner.h"
#include "StatusPill.h"
#include "Theme.h"
#include "TierBanner.h"
#include "UiTestFixture.h"
#include "common/AppSettings.h"
#include "dialogs/ConfirmRemoveDialog.h"
#include "dialogs/EnvironmentDialog.h"
#include "health/FleetChecker.h"
#include "health/FleetPoller.h"
#include "inventory/InventoryModel.h"
#include "models/ActivityFilterModel.h"
#include "models/ActivityModel.h"
#include "models/FleetStatusModel.h"
#include "pages/ActivityPage.h"
#include "pages/EnvironmentPage.h"
#include "pages/SettingsPage.h"
#include "sql/SqlConnection.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;
using namespace TiDesk;
using TiDesk::Test::UiTestFixture;

namespace {
// Stands in for checkEnvironment() (runs on the pool): dev and uat01 answer, test01 refuses the
// password, everything else is unreachable.
CheckResult fakeCheck(const Environment &env, const QString &)
{
    CheckResult r;
    r.name = env.name;
    const SqlEndpoint ep = env.endpoints.value(0);
    r.endpoint = u"%1:%2"_s.arg(ep.host).arg(ep.port);
    if (ep.host == u"10.0.1.10"_s || ep.host == u"10.0.3.10"_s) {
        r.reachable = true;
        r.engine = EngineInfo::parse(ep.host == u"10.0.1.10"_s ? u"10.11.19-MariaDB-log"_s
                                                               : u"8.0.11-TiDB-v7.5.1"_s);
        r.latencyMs = ep.host == u"10.0.1.10"_s ? 8 : 23;
    } else if (ep.host.startsWith(u"10.0.2."_s)) {
        r.error = Error::make(ErrorKind::Auth,
                              u"Access denied for user 'dba'@'10.0.0.1' (using password: YES)"_s);
        r.error.code = 1045;
    } else {
        r.error = Error::make(ErrorKind::Connection,
                              u"Can't connect to server on '%1' (115)"_s.arg(ep.host));
        r.error.code = 2003;
    }
    return r;
}

using Status = FleetStatusModel::CheckStatus;
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void sidebarGroupsProdFirst();
    void fleetCheckFillsSidebar();
    void prodChromeIsUnmistakable();
    void devChromeIsSubtle();
    void filterNarrowsSidebar();
    void addEnvironmentThroughDialog();
    void dialogShowsValidationInline();
    void editKeepsPasswordWhenEmpty();
    void testConnectionUnreachableShowsError();
    void dialogCheckCancelSafe();
    void duplicateCopiesPassword();
    void removeProdNeedsTypedName();
    void removeEnvironment();
    void activityPage();
    void settingsPage();
    void restoresLastEnvironment();
    void darkTheme();

private:
    EnvironmentDialog *openDialog(QAction *action);
    QPushButton *saveButton(EnvironmentDialog *dlg);
    int sidebarRowOf(const QString &name) const;

    UiTestFixture m_fx;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    const QString err = m_fx.init();
    QVERIFY2(err.isEmpty(), qPrintable(err));
    SqlConnection::initDriver();

    EnvironmentList envs;
    Environment dev = UiTestFixture::makeEnv(u"dev"_s, Tier::Dev, u"10.0.1.10"_s, 4000);
    dev.tags = QStringList { u"local"_s };
    Environment test01 = UiTestFixture::makeEnv(u"test01"_s, Tier::Test, u"10.0.2.10"_s, 4000);
    Environment uat01 = UiTestFixture::makeEnv(u"uat01"_s, Tier::Uat, u"10.0.3.10"_s, 4000);
    Environment prod = UiTestFixture::makeEnv(u"prod"_s, Tier::Prod, u"tidb-lb.prod.internal"_s,
                                              4000, u"dba_ro"_s);
    prod.endpoints << SqlEndpoint { u"10.0.9.11"_s, 4000, u"tidb-1"_s }
                   << SqlEndpoint { u"10.0.9.12"_s, 4000, u"tidb-2"_s };
    prod.tls.mode = TlsMode::VerifyIdentity;
    prod.tls.caFile = u"/etc/tidesk/prod-ca.pem"_s;
    prod.prometheusUrl = u"http://prometheus.prod.internal:9090"_s;
    prod.alertmanagerUrl = u"http://alertmanager.prod.internal:9093"_s;
    prod.pdUrl = u"http://pd.prod.internal:2379"_s;
    prod.tags = QStringList { u"payments"_s, u"eu-west"_s };
    prod.notes = u"On-call: #dba-oncall. Change window Tue 02:00-04:00 UTC."_s;
    envs << dev << test01 << uat01 << prod;
    const auto saved = m_fx.inventory->saveAll(envs);
    QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().toString()));

    m_window = std::make_unique<MainWindow>(m_fx.services);
    m_window->fleetChecker()->setCheckFunction(&fakeCheck); // before the first load ends
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_COMPARE(m_window->environmentCount(), 4);
}

void TestMainWindow::cleanupTestCase()
{
    m_window.reset();
    m_fx.pool.waitForDone();
}

int TestMainWindow::sidebarRowOf(const QString &name) const
{
    auto *list = m_window->findChild<QListView *>(u"environmentList"_s);
    for (int r = 0; r < list->model()->rowCount(); ++r)
        if (list->model()->index(r, 0).data(InventoryModel::NameRole).toString() == name)
            return r;
    return -1;
}

EnvironmentDialog *TestMainWindow::openDialog(QAction *action)
{
    action->trigger();
    EnvironmentDialog *dlg = m_window->findChild<EnvironmentDialog *>();
    if (dlg)
        (void)QTest::qWaitForWindowExposed(dlg);
    return dlg;
}

QPushButton *TestMainWindow::saveButton(EnvironmentDialog *dlg)
{
    return dlg->findChild<QDialogButtonBox *>(u"envButtons"_s)->button(QDialogButtonBox::Ok);
}

void TestMainWindow::sidebarGroupsProdFirst()
{
    auto *list = m_window->findChild<QListView *>(u"environmentList"_s);
    QVERIFY(list);
    QCOMPARE(list->model()->index(0, 0).data(InventoryModel::NameRole).toString(), u"prod"_s);
    QVERIFY(list->model()->index(0, 0).data(InventoryModel::IsProductionRole).toBool());
    // Each tier starts its own group: rows are taller where a heading is drawn.
    const int prodH = list->visualRect(list->model()->index(0, 0)).height();
    QVERIFY(prodH > 0);
}

void TestMainWindow::fleetCheckFillsSidebar()
{
    auto *list = m_window->findChild<QListView *>(u"environmentList"_s);
    QAbstractItemModel *model = list->model();
    auto rowOf = [this](const QString &name) {
        return sidebarRowOf(name);
    };
    auto status = [model](int row) {
        return Status(model->index(row, 0).data(FleetStatusModel::CheckStatusRole).toInt());
    };
    auto settled = [&] {
        for (int r = 0; r < model->rowCount(); ++r)
            if (status(r) == Status::Unknown || status(r) == Status::Checking)
                return false;
        return true;
    };
    // Nobody clicked anything: the check ran after the inventory load.
    QTRY_VERIFY_WITH_TIMEOUT(settled(), 10000);

    const QModelIndex dev = model->index(rowOf(u"dev"_s), 0);
    QCOMPARE(Status(dev.data(FleetStatusModel::CheckStatusRole).toInt()), Status::Ok);
    QCOMPARE(dev.data(FleetStatusModel::CheckEngineRole).toString(), u"MariaDB 10.11.19"_s);
    QCOMPARE(dev.data(FleetStatusModel::CheckLatencyRole).toLongLong(), 8);
    QCOMPARE(dev.data(FleetStatusModel::CheckSummaryRole).toString(), u"MariaDB 10.11.19 · 8 ms"_s);
    const QModelIndex uat = model->index(rowOf(u"uat01"_s), 0);
    QCOMPARE(uat.data(FleetStatusModel::CheckEngineRole).toString(), u"TiDB v7.5.1"_s);
    const QModelIndex test01 = model->index(rowOf(u"test01"_s), 0);
    QCOMPARE(Status(test01.data(FleetStatusModel::CheckStatusRole).toInt()), Status::Error);
    QCOMPARE(test01.data(FleetStatusModel::CheckSummaryRole).toString(), u"wrong password"_s);
    const QModelIndex prod = model->index(rowOf(u"prod"_s), 0);
    QCOMPARE(Status(prod.data(FleetStatusModel::CheckStatusRole).toInt()), Status::Error);
    QCOMPARE(prod.data(FleetStatusModel::CheckSummaryRole).toString(), u"unreachable"_s);
    QVERIFY(prod.data(FleetStatusModel::CheckErrorRole)
                .toString()
                .contains(u"tidb-lb.prod.internal"_s));
    QVERIFY(prod.data(FleetStatusModel::CheckEngineRole).toString().isEmpty());

    auto *fleetPill = m_window->findChild<StatusPill *>(u"statusFleet"_s);
    QVERIFY(fleetPill);
    QCOMPARE(fleetPill->text(), u"2 of 4 reachable — 2 failing"_s);
    QCOMPARE(fleetPill->state(), StatusPill::State::Error);

    // The page shows the selected environment's result without "Test connection".
    QVERIFY(m_window->selectEnvironment(u"dev"_s));
    auto *engine = m_window->environmentPage()->findChild<QLabel *>(u"detailEngine"_s);
    QCOMPARE(engine->text(), u"MariaDB 10.11.19"_s);
    auto *pagePill
        = m_window->environmentPage()->findChild<StatusPill *>(u"environmentCheckPill"_s);
    QCOMPARE(pagePill->state(), StatusPill::State::Ok);
    QVERIFY(!UiTestFixture::screenshot(m_window.get(), u"mainwindow-fleet-dev.png"_s).isEmpty());
    QVERIFY(m_window->selectEnvironment(u"prod"_s));
    auto *banner = m_window->environmentPage()->findChild<MessageBanner *>(u"environmentBanner"_s);
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->kind(), MessageBanner::Kind::Error);
    QVERIFY2(banner->text().startsWith(u"Cannot connect to prod: "_s), qPrintable(banner->text()));
    QCOMPARE(pagePill->state(), StatusPill::State::Error);
    QVERIFY(!UiTestFixture::screenshot(m_window.get(), u"mainwindow-fleet-prod.png"_s).isEmpty());

    // F5 checks again (rows pass through "checking"; the summary comes back the same).
    QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(model, &QAbstractItemModel::modelReset);
    QCOMPARE(m_window->action(u"actionRefresh"_s)->shortcut(), QKeySequence(Qt::Key_F5));
    m_window->action(u"actionRefresh"_s)->trigger();
    QTRY_VERIFY(changed.size() >= 8); // 4 x checking + 4 x result
    QTRY_VERIFY_WITH_TIMEOUT(settled() && !m_window->fleetChecker()->isRunning(), 10000);
    QCOMPARE(fleetPill->text(), u"2 of 4 reachable — 2 failing"_s);
    QCOMPARE(reset.size(), 0);
}

void TestMainWindow::prodChromeIsUnmistakable()
{
    QVERIFY(m_window->selectEnvironment(u"prod"_s));
    QCOMPARE(m_window->currentEnvironment()->name, u"prod"_s);
    TierBanner *banner = m_window->tierBanner();
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->text(), u"PRODUCTION — prod"_s);
    QVERIFY(banner->isProduction());
    QCOMPARE(banner->backgroundColor(), QColor(Environment::defaultColor(Tier::Prod)));
    QCOMPARE(m_window->windowTitle(), u"TiDesk — prod [PRODUCTION]"_s);
    auto *text = banner->findChild<QLabel *>(u"tierBannerText"_s);
    QCOMPARE(text->palette().color(QPalette::WindowText), QColor(Qt::white));

    // What a person sees: red at the banner's middle and at the window frame.
    const QImage img = m_window->grab().toImage();
    const QPoint bannerPt
        = banner->mapTo(m_window.get(), QPoint(banner->width() - 4, banner->height() / 2));
    QCOMPARE(img.pixelColor(bannerPt * img.devicePixelRatio()),
             QColor(Environment::defaultColor(Tier::Prod)));
    QCOMPARE(img.pixelColor(QPoint(1, img.height() / 2)),
             QColor(Environment::defaultColor(Tier::Prod)));
    QCOMPARE(img.pixelColor(QPoint(img.width() / 2, img.height() - 2)),
             QColor(Environment::defaultColor(Tier::Prod)));

    // The page: the name is the biggest text.
    auto *name = m_window->environmentPage()->findChild<QLabel *>(u"environmentName"_s);
    QCOMPARE(name->text(), u"prod"_s);
    QVERIFY(name->font().pointSizeF() > 1.8 * QApplication::font().pointSizeF());
    auto *endpoints = m_window->environmentPage()->findChild<QLabel *>(u"detailEndpoints"_s);
    QVERIFY(endpoints->text().contains(u"10.0.9.12:4000 (tidb-2)"_s));
    QVERIFY(!UiTestFixture::screenshot(m_window.get(), u"mainwindow-prod.png"_s).isEmpty());
}

void TestMainWindow::devChromeIsSubtle()
{
    QVERIFY(m_window->selectEnvironment(u"dev"_s));
    TierBanner *banner = m_window->tierBanner();
    QCOMPARE(banner->text(), u"DEVELOPMENT — dev"_s);
    QVERIFY(!banner->isProduction());
    QCOMPARE(m_window->windowTitle(), u"TiDesk — dev [DEVELOPMENT]"_s);
    const QImage img = m_window->grab().toImage();
    QVERIFY(img.pixelColor(QPoint(1, img.height() / 2))
            != QColor(Environment::defaultColor(Tier::Prod)));
    QVERIFY(!UiTestFixture::screenshot(m_window.get(), u"mainwindow-dev.png"_s).isEmpty());
}

void TestMainWindow::filterNarrowsSidebar()
{
    auto *filter = m_window->findChild<QLineEdit *>(u"environmentFilter"_s);
    auto *list = m_window->findChild<QListView *>(u"environmentList"_s);
    QTest::keyClicks(filter, u"payments"_s);
    QCOMPARE(list->model()->rowCount(), 1);
    QCOMPARE(list->model()->index(0, 0).data(InventoryModel::NameRole).toString(), u"prod"_s);
    filter->clear();
    QCOMPARE(list->model()->rowCount(), 4);
}

void TestMainWindow::addEnvironmentThroughDialog()
{
    QPointer<EnvironmentDialog> dlg = openDialog(m_window->action(u"actionAddEnvironment"_s));
    QVERIFY(dlg);
    QCOMPARE(dlg->mode(), EnvironmentDialog::Mode::Add);
    QTest::keyClicks(dlg->findChild<QLineEdit *>(u"envName"_s), u"qa02"_s);
    auto *tier = dlg->findChild<QComboBox *>(u"envTier"_s);
    tier->setCurrentIndex(tier->findData(int(Tier::Test)));
    QTest::keyClicks(dlg->findChild<QLineEdit *>(u"envTags"_s), u"qa, nightly"_s);
    QTest::keyClicks(dlg->findChild<QLineEdit *>(u"envEndpointEntry"_s), u"127.0.0.1:1"_s);
    QTest::mouseClick(dlg->findChild<QPushButton *>(u"envEndpointAdd"_s), Qt::LeftButton);
    QCOMPARE(dlg->findChild<QTableWidget *>(u"envEndpoints"_s)->rowCount(), 1);
    QTest::keyClicks(dlg->findChild<QLineEdit *>(u"envUser"_s), u"app"_s);
    QTest::keyClicks(dlg->findChild<QLineEdit *>(u"envPassword"_s), u"s3cret-pw"_s);
    QTest::keyClicks(dlg->findChild<QLineEdit *>(u"envDatabase"_s), u"shop"_s);
    QTest::keyClicks(dlg->findChild<QLineEdit *>(u"envPrometheus"_s), u"http://127.0.0.1:9090"_s);
    QTest::keyClicks(dlg->findChild<QPlainTextEdit *>(u"envNotes"_s),
                     u"Nightly QA refresh at 03:00."_s);
    dlg->findChild<QGroupBox *>(u"envSsh"_s)->setChecked(true);
    QTest::keyClicks(dlg->findChild<QLineEdit *>(u"envSshHost"_s), u"jump-qa"_s);
    QTest::keyClicks(dlg->findChild<QLineEdit *>(u"envSshUser"_s), u"ops"_s);
    QTest::keyClicks(dlg->findChild<QLineEdit *>(u"envSshIdentity"_s), u"~/.ssh/id_ed25519"_s);
    auto *sshSecret = dlg->findChild<QLineEdit *>(u"envSshSecret"_s);
    QCOMPARE(sshSecret->echoMode(), QLineEdit::Password);
    QTest::keyClicks(sshSecret, u"key-passphrase-9"_s);
    QVERIFY2(dlg->validationError().isEmpty(), qPrintable(dlg->validationError()));
    QVERIFY(!UiTestFixture::screenshot(dlg, u"environment-dialog.png"_s).isEmpty());

    QTest::mouseClick(saveButton(dlg), Qt::LeftButton);
    QTRY_VERIFY(dlg.isNull()); // closes and deletes itself once stored

    const auto stored = m_fx.inventory->findByName(u"qa02"_s);
    QVERIFY2(stored.ok(), qPrintable(stored.ok() ? QString() : stored.error().toString()));
    QCOMPARE(stored->tier, Tier::Test);
    QCOMPARE(stored->endpoints.size(), 1);
    QCOMPARE(stored->endpoints.first().port, 1);
    QCOMPARE(stored->user, u"app"_s);
    QCOMPARE(stored->tags, (QStringList { u"qa"_s, u"nightly"_s }));
    const auto pw = m_fx.vault->read(stored->passwordSecretKey());
    QVERIFY(pw.ok());
    QCOMPARE(pw.value(), u"s3cret-pw"_s);
    QVERIFY(stored->ssh.enabled);
    QCOMPARE(stored->ssh.host, u"jump-qa"_s);
    QCOMPARE(m_fx.vault->read(stored->sshPassphraseSecretKey()).value(), u"key-passphrase-9"_s);

    QTRY_VERIFY(sidebarRowOf(u"qa02"_s) >= 0);
    QTRY_COMPARE(m_window->currentEnvironment()->name, u"qa02"_s); // the new one is selected
}

void TestMainWindow::dialogShowsValidationInline()
{
    QPointer<EnvironmentDialog> dlg = openDialog(m_window->action(u"actionAddEnvironment"_s));
    QVERIFY(dlg);
    QTest::mouseClick(saveButton(dlg), Qt::LeftButton);
    auto *validation = dlg->findChild<QLabel *>(u"envValidation"_s);
    QVERIFY(validation->isVisible());
    QVERIFY2(validation->text().startsWith(u"name"_s), qPrintable(validation->text()));
    QVERIFY(dlg); // still open

    // A name that exists: the store refuses it and the dialog says so inline.
    QTest::keyClicks(dlg->findChild<QLineEdit *>(u"envName"_s), u"PROD"_s);
    QTest::keyClicks(dlg->findChild<QLineEdit *>(u"envEndpointEntry"_s), u"127.0.0.1:4000"_s);
    QTest::keyClicks(dlg->findChild<QLineEdit *>(u"envUser"_s), u"root"_s);
    QTRY_VERIFY(validation->isHidden()); // live revalidation clears it once the form is valid
    QTest::mouseClick(saveButton(dlg), Qt::LeftButton);
    QTRY_VERIFY(validation->isVisible());
    QVERIFY2(validation->text().contains(u"prod"_s, Qt::CaseInsensitive),
             qPrintable(validation->text()));
    QVERIFY(dlg);
    QTest::mouseClick(
        dlg->findChild<QDialogButtonBox *>(u"envButtons"_s)->button(QDialogButtonBox::Cancel),
        Qt::LeftButton);
    QTRY_VERIFY(dlg.isNull());
    QCOMPARE(m_fx.inventory->load()->size(), 5); // nothing was added
}

void TestMainWindow::editKeepsPasswordWhenEmpty()
{
    QVERIFY(m_window->selectEnvironment(u"qa02"_s));
    QPointer<EnvironmentDialog> dlg = openDialog(m_window->action(u"actionEditEnvironment"_s));
    QVERIFY(dlg);
    QCOMPARE(dlg->mode(), EnvironmentDialog::Mode::Edit);
    QCOMPARE(dlg->findChild<QLineEdit *>(u"envName"_s)->text(), u"qa02"_s);
    QVERIFY(dlg->findChild<QLineEdit *>(u"envPassword"_s)->text().isEmpty());
    auto *timeout = dlg->findChild<QSpinBox *>(u"envConnectTimeout"_s);
    timeout->setValue(1500);
    QTest::keyClicks(dlg->findChild<QLineEdit *>(u"envDatabase"_s), u"_v2"_s);
    QTest::mouseClick(saveButton(dlg), Qt::LeftButton);
    QTRY_VERIFY(dlg.isNull());

    const auto stored = m_fx.inventory->findByName(u"qa02"_s);
    QVERIFY(stored.ok());
    QCOMPARE(stored->defaultDatabase, u"shop_v2"_s);
    QCOMPARE(stored->connectTimeoutMs, 1500);
    QCOMPARE(m_fx.vault->read(stored->passwordSecretKey()).value(), u"s3cret-pw"_s);
    QTRY_COMPARE(m_window->currentEnvironment()->defaultDatabase, u"shop_v2"_s);
    auto *db = m_window->environmentPage()->findChild<QLabel *>(u"detailDatabase"_s);
    QCOMPARE(db->text(), u"shop_v2"_s);
}

void TestMainWindow::testConnectionUnreachableShowsError()
{
    QVERIFY(m_window->selectEnvironment(u"qa02"_s));
    QAction *test = m_window->action(u"actionTestConnection"_s);
    QCOMPARE(test->shortcut(), QKeySequence(u"Ctrl+T"_s));
    test->trigger();
    auto *pill = m_window->findChild<StatusPill *>(u"statusLastCheck"_s);
    // The fleet check may have shown qa02's banner already: wait for this check's own result.
    QTRY_COMPARE_WITH_TIMEOUT(pill->state(), StatusPill::State::Error, 20000);
    auto *banner = m_window->environmentPage()->findChild<MessageBanner *>(u"environmentBanner"_s);
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 20000);
    QCOMPARE(banner->kind(), MessageBanner::Kind::Error);
    QVERIFY2(banner->text().startsWith(u"Cannot connect to qa02: "_s), qPrintable(banner->text()));
    QVERIFY2(banner->detail().contains(u"127.0.0.1:1"_s), qPrintable(banner->detail()));
    QVERIFY(pill->text().contains(u"qa02"_s));
    QVERIFY(!UiTestFixture::screenshot(m_window.get(), u"test-connection-error.png"_s).isEmpty());
}

void TestMainWindow::dialogCheckCancelSafe()
{
    // A check that takes a while (non-routable address), then the dialog is closed mid-check.
    QVERIFY(m_window->selectEnvironment(u"qa02"_s));
    QPointer<EnvironmentDialog> dlg = openDialog(m_window->action(u"actionEditEnvironment"_s));
    QVERIFY(dlg);
    auto *table = dlg->findChild<QTableWidget *>(u"envEndpoints"_s);
    table->item(0, 0)->setText(u"10.255.255.1"_s);
    table->item(0, 1)->setText(u"3306"_s);
    dlg->findChild<QGroupBox *>(u"envSsh"_s)
        ->setChecked(false); // direct: the slow connect is the point here
    QTest::mouseClick(dlg->findChild<QPushButton *>(u"envTestConnection"_s), Qt::LeftButton);
    QVERIFY(dlg->isChecking());
    QTest::mouseClick(
        dlg->findChild<QDialogButtonBox *>(u"envButtons"_s)->button(QDialogButtonBox::Cancel),
        Qt::LeftButton);
    QTRY_VERIFY(dlg.isNull());
    m_fx.pool.waitForDone(); // the orphaned check finishes without anyone to report to
    QTest::qWait(50); // and its (dropped) result delivery is processed
    QCOMPARE(m_fx.inventory->findByName(u"qa02"_s)->endpoints.first().port, 1); // nothing saved
}

void TestMainWindow::duplicateCopiesPassword()
{
    QVERIFY(m_window->selectEnvironment(u"qa02"_s));
    QPointer<EnvironmentDialog> dlg = openDialog(m_window->action(u"actionDuplicateEnvironment"_s));
    QVERIFY(dlg);
    QCOMPARE(dlg->mode(), EnvironmentDialog::Mode::Duplicate);
    QCOMPARE(dlg->findChild<QLineEdit *>(u"envName"_s)->text(), u"qa02-copy"_s);
    QTest::mouseClick(saveButton(dlg), Qt::LeftButton);
    QTRY_VERIFY(dlg.isNull());
    const auto copy = m_fx.inventory->findByName(u"qa02-copy"_s);
    const auto orig = m_fx.inventory->findByName(u"qa02"_s);
    QVERIFY(copy.ok() && orig.ok());
    QVERIFY(copy->id != orig->id);
    QCOMPARE(m_fx.vault->read(copy->passwordSecretKey()).value(), u"s3cret-pw"_s);
    QCOMPARE(m_fx.vault->read(copy->sshPassphraseSecretKey()).value(), u"key-passphrase-9"_s);
    QTRY_COMPARE(m_window->currentEnvironment()->name, u"qa02-copy"_s);
}

void TestMainWindow::removeProdNeedsTypedName()
{
    QVERIFY(m_window->selectEnvironment(u"prod"_s));
    m_window->action(u"actionRemoveEnvironment"_s)->trigger();
    QPointer<ConfirmRemoveDialog> dlg = m_window->findChild<ConfirmRemoveDialog *>();
    QVERIFY(dlg);
    QVERIFY(dlg->requiresTypedName());
    auto *remove = dlg->findChild<QPushButton *>(u"confirmRemoveButton"_s);
    QVERIFY(!remove->isEnabled());
    auto *typed = dlg->findChild<QLineEdit *>(u"confirmRemoveName"_s);
    QTest::keyClicks(typed, u"pro"_s);
    QVERIFY(!remove->isEnabled());
    QTest::keyClicks(typed, u"d"_s);
    QVERIFY(remove->isEnabled());
    dlg->reject();
    QTRY_VERIFY(dlg.isNull());
    QVERIFY(m_fx.inventory->findByName(u"prod"_s).ok());
}

void TestMainWindow::removeEnvironment()
{
    QVERIFY(m_window->selectEnvironment(u"qa02-copy"_s));
    const Environment env = *m_window->currentEnvironment();
    QSignalSpy removed(m_window.get(), &MainWindow::environmentRemoved);
    m_window->action(u"actionRemoveEnvironment"_s)->trigger();
    QPointer<ConfirmRemoveDialog> dlg = m_window->findChild<ConfirmRemoveDialog *>();
    QVERIFY(dlg);
    QVERIFY(!dlg->requiresTypedName());
    QTest::mouseClick(dlg->findChild<QPushButton *>(u"confirmRemoveButton"_s), Qt::LeftButton);
    QTRY_COMPARE(removed.size(), 1);
    QVERIFY(removed.first().at(1).toBool());
    QVERIFY(!m_fx.inventory->findByName(u"qa02-copy"_s).ok());
    QCOMPARE(m_fx.vault->read(env.passwordSecretKey()).error().kind, ErrorKind::NotFound);
    QTRY_COMPARE(sidebarRowOf(u"qa02-copy"_s), -1);
    QTRY_VERIFY(m_window->currentEnvironment().has_value());
}

void TestMainWindow::activityPage()
{
    // The fleet poller records its own statements (here: failed connects to the fake hosts):
    // stop it and start from an empty log so the counts below are this test's entries only.
    FleetPoller *poller = m_window->healthPages()->poller();
    poller->stop();
    QTRY_VERIFY_WITH_TIMEOUT(!poller->isRefreshing(), 30000);
    m_fx.log.clear();
    // Entries arrive from worker threads, as from SQL workers.
    const QDateTime now = QDateTime::currentDateTime();
    auto record = [this](ActivityEntry e) {
        m_fx.log.record(e);
    };
    QList<ActivityEntry> entries;
    auto make = [&](const QString &env, const QString &ep, const QString &sql, qint64 ms,
                    qint64 rows, bool ok, const QString &result, int offsetMs) {
        ActivityEntry e;
        e.startedAt = now.addMSecs(offsetMs);
        e.envName = env;
        e.endpoint = ep;
        e.statement = sql;
        e.durationMs = ms;
        e.rows = rows;
        e.ok = ok;
        e.result = result;
        entries << e;
    };
    make(u"prod"_s, u"dba_ro@10.0.9.11:4000"_s, u"SELECT VERSION()"_s, 2, 1, true, u"1 row"_s, 0);
    make(u"prod"_s, u"dba_ro@10.0.9.11:4000"_s, u"SELECT TIDB_VERSION()"_s, 3, 1, true, u"1 row"_s,
         40);
    make(
        u"prod"_s, u"dba_ro@10.0.9.11:4000"_s,
        u"SELECT ID, USER, HOST, DB, COMMAND, TIME, STATE, INFO\n  FROM INFORMATION_SCHEMA.CLUSTER_PROCESSLIST\n WHERE COMMAND <> 'Sleep'"_s,
        18, 42, true, u"42 rows"_s, 900);
    make(u"uat01"_s, u"dba@10.0.3.10:4000"_s, u"KILL QUERY 4711"_s, 1, -1, false,
         u"Unknown thread id: 4711"_s, 1500);
    make(u"dev"_s, u"dba@10.0.1.10:4000"_s, u"SELECT VERSION()"_s, 1, 1, true, u"1 row"_s, 2000);
    QFuture<void> f = QtConcurrent::run(&m_fx.pool, [entries, record] {
        for (const ActivityEntry &e : entries)
            record(e);
    });
    f.waitForFinished();

    m_window->showPage(MainWindow::Page::Activity);
    QCOMPARE(m_window->currentPage(), MainWindow::Page::Activity);
    ActivityPage *page = m_window->activityPage();
    QTRY_VERIFY(page->model()->rowCount() >= 5);
    const int total = page->model()->rowCount();
    page->setEnvironmentFilter(u"prod"_s);
    QCOMPARE(page->filterModel()->rowCount(), 3);
    page->setEnvironmentFilter(QString());
    auto *text = page->findChild<QLineEdit *>(u"activityTextFilter"_s);
    QTest::keyClicks(text, u"kill"_s);
    QCOMPARE(page->filterModel()->rowCount(), 1);
    QVERIFY(page->selectionAsText().contains(u"KILL QUERY 4711"_s));
    text->clear();
    QCOMPARE(page->filterModel()->rowCount(), total);
    QVERIFY(!UiTestFixture::screenshot(m_window.get(), u"activity-page.png"_s).isEmpty());

    QTest::mouseClick(page->findChild<QPushButton *>(u"activityClearButton"_s), Qt::LeftButton);
    QTRY_COMPARE(page->model()->rowCount(), 0);
    m_window->showPage(MainWindow::Page::Environment);
}

void TestMainWindow::settingsPage()
{
    m_window->action(u"actionSettings"_s)->trigger();
    QCOMPARE(m_window->currentPage(), MainWindow::Page::Settings);
    SettingsPage *page = m_window->settingsPage();
    auto *theme = page->findChild<QComboBox *>(u"settingsTheme"_s);
    auto *backend = page->findChild<QComboBox *>(u"settingsSecretBackend"_s);
    auto *help = page->findChild<QLabel *>(u"settingsSecretBackendHelp"_s);
    QVERIFY(help->text().contains(u"vault"_s));
    // The theme applies at once: no restart, the page is dark now.
    theme->setCurrentIndex(theme->findData(u"dark"_s));
    QVERIFY(!page->isRestartNeeded());
    QVERIFY(Theme::isDarkPaletteApplied());
    // The palette reaches the widgets through the window's event (next event-loop turn).
    QTRY_VERIFY(page->palette().color(QPalette::Window).lightness() < 64);
    QCOMPARE(AppSettings().theme(), u"dark"_s);
    // The secret backend is read at start-up: that one needs a restart.
    backend->setCurrentIndex(backend->findData(u"keychain"_s));
    QCOMPARE(AppSettings().secretsBackend(), u"keychain"_s);
    QVERIFY(page->isRestartNeeded());
    auto *restartBanner = page->findChild<MessageBanner *>(u"settingsRestartBanner"_s);
    QVERIFY(restartBanner->isVisible());
    // "Restart now" asks the composition root to restart (main.cpp); here only the signal.
    QPushButton *restartNow = nullptr;
    for (QPushButton *b : restartBanner->findChildren<QPushButton *>())
        if (b->isVisible() && b->text().remove(u'&') == u"Restart now"_s)
            restartNow = b;
    QVERIFY(restartNow);
    QSignalSpy restart(m_window.get(), &MainWindow::restartRequested);
    restartNow->click();
    QCOMPARE(restart.count(), 1);
    QVERIFY(!UiTestFixture::screenshot(m_window.get(), u"settings-page.png"_s).isEmpty());
    theme->setCurrentIndex(theme->findData(u"system"_s));
    QVERIFY(!Theme::isDarkPaletteApplied());
    QTRY_VERIFY(page->palette().color(QPalette::Window).lightness() > 192);
    backend->setCurrentIndex(backend->findData(u"auto"_s));
    QVERIFY(!page->isRestartNeeded());
    m_window->showPage(MainWindow::Page::Environment);
}

void TestMainWindow::restoresLastEnvironment()
{
    QVERIFY(m_window->selectEnvironment(u"uat01"_s));
    m_window->resize(1100, 700);
    m_window->close(); // saves geometry, state, last environment
    m_window.reset();

    MainWindow again(m_fx.services);
    again.fleetChecker()->setCheckFunction(&fakeCheck);
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QTRY_VERIFY(again.currentEnvironment().has_value());
    QCOMPARE(again.currentEnvironment()->name, u"uat01"_s);
    QCOMPARE(again.size(), QSize(1100, 700));
    QCOMPARE(again.windowTitle(), u"TiDesk — uat01 [UAT]"_s);
    again.close();
}

void TestMainWindow::darkTheme()
{
    Theme::apply(*qApp, u"dark"_s);
    MainWindow w(m_fx.services);
    w.fleetChecker()->setCheckFunction(&fakeCheck);
    w.resize(1280, 800);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QTRY_VERIFY(w.environmentCount() > 0);
    QTRY_VERIFY_WITH_TIMEOUT(!w.fleetChecker()->isRunning(), 10000);
    QVERIFY(w.selectEnvironment(u"prod"_s));
    QCOMPARE(w.tierBanner()->backgroundColor(), QColor(Environment::defaultColor(Tier::Prod)));
    QVERIFY(!UiTestFixture::screenshot(&w, u"mainwindow-prod-dark.png"_s).isEmpty());
    QVERIFY(w.selectEnvironment(u"uat01"_s));
    QVERIFY(!UiTestFixture::screenshot(&w, u"mainwindow-uat-dark.png"_s).isEmpty());
    w.close();
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
