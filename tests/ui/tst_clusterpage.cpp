// The Cluster page over the sandbox's real MariaDB servers: the TiDB path on the tidb_catalog
// fixture (3 PD, 2 TiDB, 3 TiKV with load, memory and store usage; the headline counts them),
// a MariaDB server with a real broken replication channel (the headline and the channel row say
// so), and a wrong password (an error banner with Retry). Saves cluster-tidb.png and
// cluster-mariadb-replication.png. FAILS when the sandbox is not up.
#include "FixtureHttpServer.h"
#include "MessageBanner.h"
#include "SandboxEnv.h"
#include "TimeRangePicker.h"
#include "TimeSeriesChart.h"
#include "UiTestFixture.h"
#include "health/SampleHistory.h"
#include "models/ClusterNodeModel.h"
#include "pages/ClusterChartsPanel.h"
#include "pages/ClusterPage.h"
#include "sql/ConnectParams.h"
#include "sql/SqlConnection.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTcpServer>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace TiDesk;
using TiDesk::Test::SandboxEnv;
using TiDesk::Test::UiTestFixture;

class TestClusterPage : public QObject
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

    bool storePassword(const Environment &e, const QString &password)
    {
        return m_fx.services.secrets->write(e.passwordSecretKey(), password).ok();
    }

    bool exec(const Environment &e, const QString &sql)
    {
        SqlConnection c;
        if (!c.open(ConnectParams::fromEnvironment(e, m_sandbox.adminPassword(), 0)))
            return false;
        return c.query(sql).ok();
    }

private slots:
    void initTestCase()
    {
        SqlConnection::initDriver();
        QVERIFY2(m_sandbox.isValid(), qPrintable(m_sandbox.error()));
        const QString err = m_fx.init();
        QVERIFY2(err.isEmpty(), qPrintable(err));
    }

    void tidbTopology()
    {
        m_fx.services.tidbCatalogSchema = m_sandbox.value(u"TIDB_CATALOG_SCHEMA"_s);
        const Environment env = sandboxEnv(u"uat02"_s, m_sandbox.value(u"TIDB_CATALOG_ENV"_s),
                                           Tier::Uat, EngineOverride::TiDB);
        QVERIFY(storePassword(env, m_sandbox.adminPassword()));
        ClusterPage page(m_fx.services);
        page.resize(1280, 720);
        page.show();
        QSignalSpy read(&page, &ClusterPage::topologyRead);
        page.setEnvironment(env);
        QVERIFY(read.wait(15000));
        QCOMPARE(page.model()->rowCount(), 8);
        const QString headline = page.headlineText();
        QVERIFY2(headline.contains(u"3 PD"_s) && headline.contains(u"2 TiDB"_s)
                     && headline.contains(u"3 TiKV"_s) && headline.contains(u"all nodes up"_s),
                 qPrintable(headline));
        // TiKV rows carry the store usage and region counts read from TIKV_STORE_STATUS.
        bool sawStore = false;
        for (int r = 0; r < page.model()->rowCount(); ++r) {
            if (page.model()->index(r, 0).data(ClusterNodeModel::NodeTypeRole) != u"tikv"_s)
                continue;
            sawStore = true;
            const QString store
                = page.model()->index(r, ClusterNodeModel::StoreColumn).data().toString();
            QVERIFY2(store.contains(u"%"_s), qPrintable(store));
            QVERIFY(page.model()->index(r, ClusterNodeModel::RegionsColumn).data().toString()
                    != u"\u2014"_s);
        }
        QVERIFY(sawStore);
        auto *banner = page.findChild<MessageBanner *>(u"clusterBanner"_s);
        QVERIFY(banner && banner->isHidden());
        UiTestFixture::screenshot(&page, u"cluster-tidb.png"_s);
        m_fx.services.tidbCatalogSchema.clear();
    }

    void tidbWithPdApi()
    {
        // PD cannot run here: its API is served from fixtures of PD's answers (tidb-reference
        // §9.2) by a tiny HTTP server; the SQL part is the catalog fixture.
        Test::FixtureHttpServer pd;
        QVERIFY(pd.listen(QHostAddress::LocalHost));
        const QString data = QStringLiteral(TIDESK_TEST_DATA_DIR "/pd/");
        pd.routes = { { "/pd/api/v1/stores", data + u"stores.json"_s },
                      { "/pd/api/v1/health", data + u"health.json"_s },
                      { "/pd/api/v1/members", data + u"members.json"_s } };
        m_fx.services.tidbCatalogSchema = m_sandbox.value(u"TIDB_CATALOG_SCHEMA"_s);
        Environment env = sandboxEnv(u"uat02-pd"_s, m_sandbox.value(u"TIDB_CATALOG_ENV"_s),
                                     Tier::Uat, EngineOverride::TiDB);
        env.pdUrl = u"http://127.0.0.1:%1"_s.arg(pd.serverPort());
        QVERIFY(storePassword(env, m_sandbox.adminPassword()));
        ClusterPage page(m_fx.services);
        page.resize(1280, 560);
        page.show();
        QSignalSpy read(&page, &ClusterPage::topologyRead);
        page.setEnvironment(env);
        QVERIFY(read.wait(15000));
        QCOMPARE(pd.requests, 3);
        // PD adds a Down store and a TiFlash store CLUSTER_INFO did not list, marks a store
        // Disconnected and pd-3 unhealthy, and names the leader.
        QCOMPARE(page.model()->rowCount(), 10);
        QVERIFY2(page.headlineText().contains(u"3 nodes in trouble"_s),
                 qPrintable(page.headlineText()));
        QVERIFY2(page.headlineText().contains(u"1 TiFlash"_s), qPrintable(page.headlineText()));
        bool leaderShown = false;
        for (int r = 0; r < page.model()->rowCount(); ++r)
            leaderShown |= page.model()->index(r, 0).data().toString() == u"PD (leader)"_s;
        QVERIFY(leaderShown);
        // The Down store's row is tinted and its state is red in the view.
        auto *view = page.findChild<QTableView *>(u"clusterTable"_s);
        QVERIFY(view);
        int tinted = 0;
        for (int r = 0; r < view->model()->rowCount(); ++r) {
            const QModelIndex state = view->model()->index(r, ClusterNodeModel::StateColumn);
            if (state.data(Qt::BackgroundRole).isValid()) {
                ++tinted;
                QCOMPARE(state.data(Qt::ForegroundRole).value<QBrush>().color(),
                         QColor(u"#c62828"_s));
            }
        }
        QCOMPARE(tinted, 3);
        UiTestFixture::screenshot(&page, u"cluster-tidb-pd.png"_s);

        // PD gone: the SQL topology stays, a banner line says PD could not be read.
        pd.close();
        read.clear();
        page.refresh();
        QVERIFY(read.wait(15000));
        QCOMPARE(page.model()->rowCount(), 8);
        auto *banner = page.findChild<MessageBanner *>(u"clusterBanner"_s);
        QVERIFY(banner && banner->isVisible());
        QVERIFY2(banner->detail().contains(u"PD at"_s), qPrintable(banner->detail()));
        m_fx.services.tidbCatalogSchema.clear();
    }

    void mariadbBrokenReplication()
    {
        const Environment env = sandboxEnv(u"test01"_s, u"test01"_s, Tier::Test);
        QVERIFY(storePassword(env, m_sandbox.adminPassword()));
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 closedPort = probe.serverPort();
        probe.close();
        exec(env, u"STOP SLAVE 'tidesk_ui'"_s);
        exec(env, u"RESET SLAVE 'tidesk_ui' ALL"_s);
        QVERIFY(exec(env,
                     u"CHANGE MASTER 'tidesk_ui' TO MASTER_HOST = '127.0.0.1', "
                     "MASTER_PORT = %1, MASTER_USER = 'nobody', MASTER_PASSWORD = 'x', "
                     "MASTER_CONNECT_RETRY = 1, MASTER_USE_GTID = no"_s.arg(closedPort)));
        QVERIFY(exec(env, u"START SLAVE 'tidesk_ui'"_s));
        auto cleanup = qScopeGuard([&] {
            exec(env, u"STOP SLAVE 'tidesk_ui'"_s);
            exec(env, u"RESET SLAVE 'tidesk_ui' ALL"_s);
        });

        ClusterPage page(m_fx.services);
        page.resize(1280, 560);
        page.show();
        QSignalSpy read(&page, &ClusterPage::topologyRead);
        page.setEnvironment(env);
        auto *channels = page.findChild<QTableWidget *>(u"clusterReplication"_s);
        QVERIFY(channels);
        // The IO thread needs a moment to fail its first connect: re-read until it says so.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                if (channels->rowCount() == 1 && channels->item(0, 5)
                    && !channels->item(0, 5)->text().isEmpty())
                    return true;
                if (!page.isReading())
                    page.refresh();
                return false;
            }(),
            15000);
        QCOMPARE(page.model()->rowCount(), 1);
        QCOMPARE(channels->item(0, 0)->text(), u"tidesk_ui"_s);
        QVERIFY(channels->isVisible());
        QVERIFY2(page.headlineText().contains(u"1 replication channel broken"_s),
                 qPrintable(page.headlineText()));
        UiTestFixture::screenshot(&page, u"cluster-mariadb-replication.png"_s);
    }

    void tidbChartsOnBackfilledPrometheus()
    {
        // uat02's charts from prometheus-tidb: every supported TiDB chart has data over the 6 h
        // around the backfill's deliberate gap, and that gap is drawn as a gap.
        Environment env = sandboxEnv(u"uat02"_s, m_sandbox.value(u"TIDB_CATALOG_ENV"_s), Tier::Uat,
                                     EngineOverride::TiDB);
        env.prometheusUrl = u"http://127.0.0.1:%1"_s.arg(m_sandbox.prometheusTidbPort());
        const qint64 gapFrom = m_sandbox.value(u"PROMETHEUS_TIDB_GAP_FROM"_s).toLongLong() * 1000;
        const qint64 gapTo = m_sandbox.value(u"PROMETHEUS_TIDB_GAP_TO"_s).toLongLong() * 1000;
        QVERIFY2(gapFrom > 0 && gapTo > gapFrom, "sandbox.env lacks the backfill gap");

        ClusterChartsPanel panel;
        panel.resize(1280, 900);
        panel.show();
        QSignalSpy updated(&panel, &ClusterChartsPanel::chartsUpdated);
        panel.setEnvironment(env, Engine::TiDB);
        // The window: 3 h either side of the gap, inside the backfill.
        panel.showWindow(gapFrom - 3 * 3600 * 1000, gapTo + 2 * 3600 * 1000);
        QTRY_VERIFY_WITH_TIMEOUT(!updated.isEmpty() && panel.pendingRequests() == 0, 20000);
        QVERIFY2(panel.bannerText().isEmpty(), qPrintable(panel.bannerText()));
        QCOMPARE(panel.chartIds(),
                 (QStringList { u"qps"_s, u"latency"_s, u"connections"_s, u"cpu"_s, u"memory"_s,
                                u"store_size"_s }));
        for (const QString &id : panel.chartIds()) {
            TimeSeriesChart *chart = panel.chart(id);
            QVERIFY2(chart->plottedPointCount() > 0, qPrintable(id));
            QVERIFY2(chart->message().isEmpty(), qPrintable(id + u": "_s + chart->message()));
        }
        // Connections per TiDB: two instances, one with the gap -> at least three lines.
        QVERIFY2(panel.chart(u"connections"_s)->lineSeriesCount() >= 3,
                 qPrintable(QString::number(panel.chart(u"connections"_s)->lineSeriesCount())));
        UiTestFixture::screenshot(&panel, u"cluster-charts-tidb.png"_s);
    }

    void prometheusDownShowsBannerAndKeepsData()
    {
        Environment env = sandboxEnv(u"dev-charts"_s, u"dev"_s, Tier::Dev);
        env.prometheusUrl = u"http://127.0.0.1:%1"_s.arg(m_sandbox.value(u"PROMETHEUS_PORT"_s));
        env.prometheusSelector = u"env=\"dev\""_s;
        ClusterChartsPanel panel;
        panel.resize(1100, 700);
        panel.show();
        QSignalSpy updated(&panel, &ClusterChartsPanel::chartsUpdated);
        panel.setEnvironment(env, Engine::MariaDB);
        QTRY_VERIFY_WITH_TIMEOUT(updated.size() >= 1 && panel.pendingRequests() == 0, 20000);
        QVERIFY2(panel.bannerText().isEmpty(), qPrintable(panel.bannerText()));
        QVERIFY(panel.chart(u"qps"_s)->plottedPointCount() > 0);
        // Latency/CPU/memory are not drawn for mysqld_exporter, and the page says why.
        QVERIFY(!panel.chart(u"latency"_s));
        auto *note = panel.findChild<QLabel *>(u"chartsUnsupported"_s);
        QVERIFY(note && note->isVisible() && !note->text().isEmpty());

        // Now the same environment with its Prometheus gone: a banner, the old data kept.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        env.prometheusUrl = u"http://127.0.0.1:%1"_s.arg(probe.serverPort());
        probe.close();
        const int before = int(updated.size());
        panel.setEnvironment(env, Engine::MariaDB);
        QTRY_VERIFY_WITH_TIMEOUT(int(updated.size()) > before && panel.pendingRequests() == 0,
                                 20000);
        QVERIFY2(panel.bannerText().contains(u"could not be read"_s),
                 qPrintable(panel.bannerText()));
        TimeSeriesChart *qps = panel.chart(u"qps"_s);
        QVERIFY(qps);
        const QString shown = qps->message();
        QVERIFY2(!shown.isEmpty(), "the failed fetch is not shown on the chart");
        QVERIFY2(qps->plottedPointCount() > 0, "the last data is gone");
        UiTestFixture::screenshot(&panel, u"cluster-charts-prometheus-down.png"_s);
    }

    void withoutPrometheusChartsFromSqlSamples()
    {
        Environment env = sandboxEnv(u"no-prom"_s, u"dev"_s, Tier::Dev);
        env.prometheusUrl.clear();
        SampleHistory history(10000);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (int i = 30; i >= 0; --i) {
            FleetSample s;
            s.environmentId = env.id;
            const bool down = i >= 12 && i <= 15; // a stretch when the server was down
            s.state = down ? FleetSample::State::Down : FleetSample::State::Ok;
            s.sampledAt = QDateTime::fromMSecsSinceEpoch(now - i * 10000, QTimeZone::utc());
            s.qps = 100 + (i % 7) * 10;
            s.connections = 5 + i % 3;
            history.add(s);
        }
        ClusterChartsPanel panel;
        panel.setSqlHistory(&history);
        panel.resize(1100, 420);
        panel.show();
        QSignalSpy updated(&panel, &ClusterChartsPanel::chartsUpdated);
        panel.setEnvironment(env, Engine::MariaDB);
        QTRY_VERIFY(!updated.isEmpty());
        QVERIFY(panel.isSqlMode());
        QCOMPARE(panel.chartIds(), (QStringList { u"qps"_s, u"connections"_s }));
        QVERIFY2(panel.bannerText().contains(u"No Prometheus"_s), qPrintable(panel.bannerText()));
        TimeSeriesChart *qps = panel.chart(u"qps"_s);
        QTRY_COMPARE(qps->plottedPointCount(), 27); // after the layout gives the plot its width
        QCOMPARE(qps->lineSeriesCount(), 2); // the down stretch is a gap
        UiTestFixture::screenshot(&panel, u"cluster-charts-sql-samples.png"_s);
    }

    void wrongPasswordShowsBanner()
    {
        const Environment env = sandboxEnv(u"dev-wrong"_s, u"dev"_s, Tier::Dev);
        QVERIFY(storePassword(env, u"not the password"_s));
        ClusterPage page(m_fx.services);
        page.show();
        QSignalSpy failed(&page, &ClusterPage::readFailed);
        page.setEnvironment(env);
        QVERIFY(failed.wait(15000));
        auto *banner = page.findChild<MessageBanner *>(u"clusterBanner"_s);
        QVERIFY(banner && banner->isVisible());
        QCOMPARE(banner->kind(), MessageBanner::Kind::Error);
        QVERIFY2(banner->text().contains(u"password"_s, Qt::CaseInsensitive),
                 qPrintable(banner->text()));
        QCOMPARE(page.model()->rowCount(), 0);
    }
};

QTEST_MAIN(TestClusterPage)
#include "tst_clusterpage.moc"
