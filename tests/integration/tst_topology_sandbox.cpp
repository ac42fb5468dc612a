// Tests readTopology() against the sandbox's real MariaDB servers: the TiDB path on the
// tidb_catalog fixture (CLUSTER_INFO, CLUSTER_LOAD, TIKV_STORE_STATUS with TiDB's shapes, read by
// the TiDB dialect), the MariaDB path (the server row and SHOW ALL SLAVES STATUS), a real broken
// replication channel (pointing at a closed port: the IO thread cannot connect), a wrong
// password and a closed port. FAILS without the sandbox. What this proves about a real TiDB is
// limited to the statements and the table shapes (docs/tidb-testing.md).
#include "SandboxEnv.h"
#include "health/TopologyReader.h"
#include "sql/ConnectParams.h"
#include "sql/SqlConnection.h"

#include <QDeadlineTimer>
#include <QTcpServer>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace TiDesk;

class TestTopologySandbox : public QObject
{
    Q_OBJECT
private:
    Test::SandboxEnv m_sandbox;

    TopologyRequest request(const QString &env, EngineOverride engine = EngineOverride::Auto)
    {
        TopologyRequest r;
        r.environment.id = QUuid::createUuid();
        r.environment.name = env;
        r.environment.user = m_sandbox.adminUser();
        r.environment.engine = engine;
        r.environment.tls.mode = TlsMode::Disabled;
        r.environment.connectTimeoutMs = 3000;
        r.environment.endpoints << SqlEndpoint { u"127.0.0.1"_s, m_sandbox.mariadbPort(env), {} };
        r.password = m_sandbox.adminPassword();
        return r;
    }

    // A plain admin connection to env, for setting up replication.
    bool exec(const QString &env, const QString &sql)
    {
        SqlConnection c;
        TopologyRequest r = request(env);
        if (!c.open(ConnectParams::fromEnvironment(r.environment, r.password, 0)))
            return false;
        Result<QueryResult> q = c.query(sql);
        if (!q)
            qWarning() << sql << q.error().message;
        return q.ok();
    }

private slots:
    void initTestCase()
    {
        SqlConnection::initDriver();
        QVERIFY2(m_sandbox.isValid(), qPrintable(m_sandbox.error()));
    }

    void tidbOnCatalogFixture()
    {
        const QString env = m_sandbox.value(u"TIDB_CATALOG_ENV"_s);
        TopologyRequest r = request(env, EngineOverride::TiDB);
        r.dialectOptions.catalogSchema = m_sandbox.value(u"TIDB_CATALOG_SCHEMA"_s);
        Result<ClusterTopology> topo = readTopology(r);
        QVERIFY2(topo.ok(), qPrintable(topo.error().toString()));
        QCOMPARE(topo->engine.engine, Engine::TiDB);
        QVERIFY2(topo->problems.isEmpty(), qPrintable(topo->problems.join(u'\n')));
        QCOMPARE(topo->countOfType(u"pd"_s), 3);
        QCOMPARE(topo->countOfType(u"tidb"_s), 2);
        QCOMPARE(topo->countOfType(u"tikv"_s), 3);
        QCOMPARE(topo->nodes.first().type, u"pd"_s);
        for (const ClusterNode &n : topo->nodes) {
            QVERIFY2(n.uptimeSeconds > 0, qPrintable(n.instance));
            QVERIFY2(n.load1 >= 0, qPrintable(n.instance)); // CLUSTER_LOAD merged
            QVERIFY2(n.memoryTotalBytes > 0, qPrintable(n.instance));
            QVERIFY(n.startTime.isValid());
            if (n.type == u"tikv") {
                QCOMPARE(n.state, u"Up"_s);
                QVERIFY(n.capacityBytes > n.availableBytes && n.availableBytes > 0);
                QVERIFY(n.regionCount > 0 && n.leaderCount > 0);
                QVERIFY(n.lastHeartbeat.isValid());
            }
        }
        QCOMPARE(topo->problemNodeCount(), 0);
    }

    void tidbWithoutCatalogSeamFailsClearly()
    {
        // The real INFORMATION_SCHEMA of MariaDB has no CLUSTER_INFO: the error is the server's.
        const QString env = m_sandbox.value(u"TIDB_CATALOG_ENV"_s);
        Result<ClusterTopology> topo = readTopology(request(env, EngineOverride::TiDB));
        QVERIFY(!topo.ok());
        QVERIFY2(topo.error().toString().contains(u"CLUSTER_INFO"_s, Qt::CaseInsensitive),
                 qPrintable(topo.error().toString()));
    }

    void mariadbServerWithoutReplication()
    {
        Result<ClusterTopology> topo = readTopology(request(u"dev"_s));
        QVERIFY2(topo.ok(), qPrintable(topo.error().toString()));
        QCOMPARE(topo->engine.engine, Engine::MariaDB);
        QCOMPARE(topo->nodes.size(), 1);
        const ClusterNode &n = topo->nodes.first();
        QCOMPARE(n.type, u"mariadb"_s);
        QCOMPARE(n.instance, u"127.0.0.1:%1"_s.arg(m_sandbox.mariadbPort(u"dev"_s)));
        QVERIFY(n.uptimeSeconds > 0);
        QVERIFY(n.version.contains(u"MariaDB"_s));
        QVERIFY(topo->replication.isEmpty());
        QVERIFY2(topo->problems.isEmpty(), qPrintable(topo->problems.join(u'\n')));
    }

    void brokenReplicationChannelIsReported()
    {
        // A real replication channel on test01 whose source is a port nobody listens on.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 closedPort = probe.serverPort();
        probe.close();
        const QString env = u"test01"_s;
        exec(env, u"STOP SLAVE 'tidesk_probe'"_s); // leftovers of an aborted run
        exec(env, u"RESET SLAVE 'tidesk_probe' ALL"_s);
        QVERIFY(exec(env,
                     u"CHANGE MASTER 'tidesk_probe' TO MASTER_HOST = '127.0.0.1', "
                     "MASTER_PORT = %1, MASTER_USER = 'nobody', MASTER_PASSWORD = 'x', "
                     "MASTER_CONNECT_RETRY = 1, MASTER_USE_GTID = no"_s.arg(closedPort)));
        QVERIFY(exec(env, u"START SLAVE 'tidesk_probe'"_s));
        auto cleanup = qScopeGuard([&] {
            exec(env, u"STOP SLAVE 'tidesk_probe'"_s);
            exec(env, u"RESET SLAVE 'tidesk_probe' ALL"_s);
        });

        ReplicationChannel channel;
        QDeadlineTimer deadline(15000);
        while (!deadline.hasExpired()) {
            Result<ClusterTopology> topo = readTopology(request(env));
            QVERIFY2(topo.ok(), qPrintable(topo.error().toString()));
            QCOMPARE(topo->replication.size(), 1);
            channel = topo->replication.first();
            if (!channel.lastIoError.isEmpty())
                break;
            QThread::msleep(300);
        }
        QCOMPARE(channel.name, u"tidesk_probe"_s);
        QCOMPARE(channel.sourcePort, int(closedPort));
        QVERIFY(!channel.isHealthy());
        QVERIFY2(channel.ioRunning != u"Yes"_s, qPrintable(channel.ioRunning));
        QVERIFY2(channel.lastIoError.contains(u"connect"_s, Qt::CaseInsensitive),
                 qPrintable(channel.lastIoError));
        QCOMPARE(channel.secondsBehind, qint64(-1));
    }

    void wrongPasswordAndClosedPort()
    {
        TopologyRequest bad = request(u"dev"_s);
        bad.password = u"wrong"_s;
        Result<ClusterTopology> denied = readTopology(bad);
        QVERIFY(!denied.ok());
        QCOMPARE(denied.error().kind, ErrorKind::Auth);

        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        TopologyRequest closed = request(u"dev"_s);
        closed.environment.endpoints = { SqlEndpoint { u"127.0.0.1"_s, probe.serverPort(), {} } };
        probe.close();
        Result<ClusterTopology> refused = readTopology(closed);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, ErrorKind::Connection);
    }
};

QTEST_GUILESS_MAIN(TestTopologySandbox)
#include "tst_topology_sandbox.moc"
