// Integration: the Fleet page inside the main window over the sandbox's four real MariaDB
// servers. test01 is stopped with the sandbox script: its row goes Down, first, within one
// refresh, with the connect error; after start-mariadb it comes back within a refresh. Activating
// a fleet row selects that environment and opens its cluster page; opening an alert does too,
// with the charts at the alert's time window. Saves fleet-test01-down.png.
// FAILS when the sandbox is not up.
#include "HealthPages.h"
#include "MainWindow.h"
#include "SandboxEnv.h"
#include "TimeRangePicker.h"
#include "UiTestFixture.h"
#include "health/FleetPoller.h"
#include "health/FleetSample.h"
#include "models/FleetFilterModel.h"
#include "models/FleetModel.h"
#include "models/FleetStatusModel.h"
#include "pages/AlertsPage.h"
#include "pages/ClusterChartsPanel.h"
#include "pages/ClusterPage.h"
#include "pages/FleetPage.h"
#include "sql/SqlConnection.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TiDesk;
using TiDesk::Test::SandboxEnv;
using TiDesk::Test::UiTestFixture;

class TestFleetWindow : public QObject
{
    Q_OBJECT

    UiTestFixture m_fx;
    SandboxEnv m_sandbox;
    std::unique_ptr<MainWindow> m_window;
    bool m_stopped = false;

    FleetSample sampleOf(const QString &name) const
    {
        FleetModel *model = m_window->healthPages()->fleetModel();
        for (int r = 0; r < model->rowCount(); ++r) {
            const QVariant v = model->index(r, 0).data(FleetModel::SampleRole);
            if (v.isValid() && v.value<FleetSample>().name == name)
                return v.value<FleetSample>();
        }
        return {};
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_sandbox.isValid(), qPrintable(m_sandbox.error()));
        const QString err = m_fx.init();
        QVERIFY2(err.isEmpty(), qPrintable(err));
        SqlConnection::initDriver();
        const QHash<QString, Tier> tiers { { u"dev"_s, Tier::Dev },
                                           { u"test01"_s, Tier::Test },
                                           { u"uat01"_s, Tier::Uat },
                                           { u"prod"_s, Tier::Prod } };
        EnvironmentList envs;
        for (const QString &name : m_sandbox.envs()) {
            Environment e
                = UiTestFixture::makeEnv(name, tiers.value(name, Tier::Dev), m_sandbox.host(),
                                         m_sandbox.mariadbPort(name), m_sandbox.adminUser());
            e.connectTimeoutMs = 2000;
            envs << e;
        }
        const auto saved = m_fx.inventory->saveAll(envs);
        QVERIFY(saved.ok());
        for (const Environment &e : saved.value())
            QVERIFY(m_fx.vault->write(e.passwordSecretKey(), m_sandbox.adminPassword()).ok());
        m_window = std::make_unique<MainWindow>(m_fx.services);
        m_window->resize(1400, 820);
        m_window->healthPages()->poller()->setInterval(std::chrono::seconds(2));
        m_window->show();
        m_window->showPage(MainWindow::Page::Fleet);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window->healthPages()->poller()->refreshCount() >= 2 && sampleOf(u"dev"_s).reachable()
                && sampleOf(u"prod"_s).reachable() && sampleOf(u"test01"_s).reachable()
                && sampleOf(u"uat01"_s).reachable(),
            30000);
    }

    void stoppedInstanceGoesDownAndComesBack()
    {
        QCOMPARE(m_sandbox.runScript({ u"stop-mariadb"_s, u"test01"_s }), 0);
        m_stopped = true;
        FleetPoller *poller = m_window->healthPages()->poller();
        const quint64 stoppedAt = poller->refreshCount();
        QElapsedTimer timer;
        timer.start();
        QTRY_VERIFY_WITH_TIMEOUT(sampleOf(u"test01"_s).state == FleetSample::State::Down, 20000);
        // Within one refresh started after the stop (plus the one that may have been running).
        QVERIFY2(poller->refreshCount() <= stoppedAt + 2,
                 qPrintable(u"refreshes: %1"_s.arg(poller->refreshCount() - stoppedAt)));
        qInfo("test01 shown Down %lld ms after the stop", timer.elapsed());
        const FleetSample down = sampleOf(u"test01"_s);
        // "connection refused", or a TLS EOF when the server died mid-handshake: either way the
        // message names the endpoint.
        QVERIFY2(down.lastError.isError()
                     && down.lastError.message.contains(
                         QString::number(m_sandbox.mariadbPort(u"test01"_s))),
                 qPrintable(down.lastError.message));
        // Worst first: the down environment is the first row of the page.
        FleetPage *page = m_window->fleetPage();
        QTRY_COMPARE(page->filterModel()->index(0, 0).data(Qt::DisplayRole).toString(),
                     u"test01"_s);
        QVERIFY2(page->headlineText().startsWith(u"1 down"_s), qPrintable(page->headlineText()));
        // The sidebar follows the poller too.
        QTRY_COMPARE(
            m_window->fleetStatusModel()->countWithStatus(FleetStatusModel::CheckStatus::Error), 1);
        QTest::qWait(200); // the repaint of the last sample before the screenshot
        UiTestFixture::screenshot(m_window.get(), u"fleet-test01-down.png"_s);

        QCOMPARE(m_sandbox.runScript({ u"start-mariadb"_s, u"test01"_s }), 0);
        m_stopped = false;
        timer.restart();
        QTRY_VERIFY_WITH_TIMEOUT(sampleOf(u"test01"_s).reachable(), 30000);
        qInfo("test01 back up on the page %lld ms after start-mariadb", timer.elapsed());
        QTRY_COMPARE(
            m_window->fleetStatusModel()->countWithStatus(FleetStatusModel::CheckStatus::Error), 0);
        QTRY_VERIFY2(!page->headlineText().startsWith(u"1 down"_s),
                     qPrintable(page->headlineText()));
    }

    void activatingARowOpensTheClusterPage()
    {
        FleetPage *page = m_window->fleetPage();
        QTableView *table = page->table();
        QAbstractItemModel *shown = table->model(); // the page's styling proxy over the filter
        int row = -1;
        for (int r = 0; r < shown->rowCount(); ++r) {
            if (shown->index(r, 0).data().toString() == u"uat01")
                row = r;
        }
        QVERIFY(row >= 0);
        QSignalSpy read(m_window->clusterPage(), &ClusterPage::topologyRead);
        const QRect cell = table->visualRect(shown->index(row, 0));
        // A press first: a view only takes a double-click on the index it saw pressed.
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(m_window->currentPage(), MainWindow::Page::Cluster);
        QCOMPARE(m_window->currentEnvironment()->name, u"uat01"_s);
        QVERIFY(read.wait(15000));
        QVERIFY2(m_window->clusterPage()->headlineText().contains(u"MariaDB"_s),
                 qPrintable(m_window->clusterPage()->headlineText()));
    }

    void openingAnAlertShowsItsTimeWindow()
    {
        // What a click on an alert (Alerts page) or on its tray notification does: select the
        // environment, show its cluster page, the charts from 30 min before the alert started.
        m_window->showPage(MainWindow::Page::Fleet);
        const QDateTime startsAt = QDateTime::currentDateTimeUtc().addSecs(-2 * 3600);
        QSignalSpy read(m_window->clusterPage(), &ClusterPage::topologyRead);
        emit m_window->alertsPage()->alertActivated(u"test01"_s, startsAt);
        QCOMPARE(m_window->currentPage(), MainWindow::Page::Cluster);
        QCOMPARE(m_window->currentEnvironment()->name, u"test01"_s);
        QVERIFY(read.wait(15000));
        TimeRangePicker *picker = m_window->healthPages()->charts()->picker();
        QTRY_COMPARE(picker->fromMs(), startsAt.toMSecsSinceEpoch() - 30 * 60 * 1000);
        QCOMPARE(picker->toMs(), startsAt.toMSecsSinceEpoch() + 30 * 60 * 1000);
    }

    void cleanupTestCase()
    {
        if (m_stopped)
            m_sandbox.runScript({ u"start-mariadb"_s, u"test01"_s });
        m_window.reset();
    }
};

QTEST_MAIN(TestFleetWindow)
#include "tst_fleet_window.moc"
