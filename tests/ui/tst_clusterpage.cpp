// The Cluster page over the sandbox's real MariaDB servers: the TiDB path on the tidb_catalog
// fixture (3 PD, 2 TiDB, 3 TiKV with load, memory and store usage; the headline counts them),
// a MariaDB server with a real broken replication channel (the headline and the channel row say
// so), and a wrong password (an error banner with Retry). Saves cluster-tidb.png and
// cluster-mariadb-replication.png. FAILS when the sandbox is not up.
#include "MessageBanner.h"
#include "SandboxEnv.h"
#include "UiTestFixture.h"
#include "models/ClusterNodeModel.h"
#include "pages/ClusterPage.h"
#include "sql/ConnectParams.h"
#include "sql/SqlConnection.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTcpServer>
#include <QTest>

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
        Environment e = UiTestFixture::makeEnv(name, tier, u"127.0.0.1"_s,
                                               m_sandbox.mariadbPort(sandboxName),
                                               m_sandbox.adminUser());
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
        QVERIFY(exec(env, u"CHANGE MASTER 'tidesk_ui' TO MASTER_HOST = '127.0.0.1', "
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
