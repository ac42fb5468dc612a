// Tests TopologyParser: CLUSTER_INFO / CLUSTER_LOAD / TIKV_STORE_STATUS rows shaped as TiDB
// returns them (tidb-reference §2.1, §2.2, §2.4), MariaDB/MySQL replication rows in both
// spellings, the PD API answers (tests/data/pd/, shapes from §9.2), Go durations and PD sizes.
#include "health/TopologyParser.h"

#include <QFile>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace TiDesk;

namespace {

QueryResult table(const QStringList &columns, const QList<QVariantList> &rows)
{
    QueryResult r;
    r.columns = columns;
    r.rows = rows;
    return r;
}

QByteArray fixture(const QString &name)
{
    QFile f(QStringLiteral(TIDESK_TEST_DATA_DIR "/pd/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return f.readAll();
}

const ClusterNode *node(const QList<ClusterNode> &nodes, const QString &instance)
{
    for (const ClusterNode &n : nodes) {
        if (n.instance == instance)
            return &n;
    }
    return nullptr;
}

QueryResult clusterInfo()
{
    const QStringList cols = { u"TYPE"_s,     u"INSTANCE"_s,   u"STATUS_ADDRESS"_s, u"VERSION"_s,
                               u"GIT_HASH"_s, u"START_TIME"_s, u"UPTIME"_s };
    return table(cols,
                 {
                     { u"tidb"_s, u"0.0.0.0:4000"_s, u"0.0.0.0:10080"_s, u"4.0.0-beta.2"_s,
                       u"0df3b74f"_s, u"2020-07-05T09:25:53-06:00"_s, u"26h39m4.352862693s"_s },
                     { u"tikv"_s, u"127.0.0.1:20165"_s, u"127.0.0.1:20180"_s, u"4.1.0-alpha"_s,
                       u"b45e052d"_s, u"2020-07-05T09:25:50-06:00"_s, u"26h39m7.352869963s"_s },
                     { u"pd"_s, u"127.0.0.1:2379"_s, u"127.0.0.1:2379"_s, u"4.1.0-alpha"_s,
                       u"1ad59bcb"_s, u"2020-07-05T09:25:47-06:00"_s, u"26h39m10.352868103s"_s },
                 });
}

} // namespace

class TestTopology : public QObject
{
    Q_OBJECT
private slots:
    void goDurations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("seconds");
        QTest::newRow("docs") << u"26h39m4.352862693s"_s << qint64(95944);
        QTest::newRow("pd uptime") << u"7m0.94s"_s << qint64(420);
        QTest::newRow("long") << u"990h46m30.214512873s"_s << qint64(3566790);
        QTest::newRow("ms") << u"850ms"_s << qint64(0);
        QTest::newRow("hours only") << u"2h"_s << qint64(7200);
        QTest::newRow("empty") << QString() << qint64(-1);
        QTest::newRow("garbage") << u"3 days"_s << qint64(-1);
        QTest::newRow("trailing junk") << u"5m3sx"_s << qint64(-1);
    }
    void goDurations()
    {
        QFETCH(QString, text);
        QFETCH(qint64, seconds);
        QCOMPARE(TopologyParser::goDurationSeconds(text), seconds);
    }

    void byteSizes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("bytes");
        QTest::newRow("TiB") << u"3.581TiB"_s << qint64(3937351139066LL);
        QTest::newRow("MiB") << u"31.77MiB"_s << qint64(33313260);
        QTest::newRow("bytes") << u"512B"_s << qint64(512);
        QTest::newRow("GB read as binary") << u"1.5GB"_s << qint64(1610612736);
        QTest::newRow("GiB") << u"900GiB"_s << qint64(966367641600LL);
        QTest::newRow("empty") << QString() << qint64(-1);
        QTest::newRow("garbage") << u"lots"_s << qint64(-1);
    }
    void byteSizes()
    {
        QFETCH(QString, text);
        QFETCH(qint64, bytes);
        QCOMPARE(TopologyParser::byteSize(text), bytes);
    }

    void clusterInfoRows()
    {
        const QList<ClusterNode> nodes = TopologyParser::nodesFromClusterInfo(clusterInfo());
        QCOMPARE(nodes.size(), 3);
        // pd, tidb, tikv: the order a DBA reads a TiDB cluster in.
        QCOMPARE(nodes[0].type, u"pd"_s);
        QCOMPARE(nodes[1].type, u"tidb"_s);
        QCOMPARE(nodes[2].type, u"tikv"_s);
        QCOMPARE(nodes[1].statusAddress, u"0.0.0.0:10080"_s);
        QCOMPARE(nodes[1].uptimeSeconds, qint64(95944));
        QCOMPARE(nodes[1].startTime,
                 QDateTime(QDate(2020, 7, 5), QTime(15, 25, 53), QTimeZone::utc()));
        QVERIFY(nodes[1].state.isEmpty()); // CLUSTER_INFO does not say; never guess "Up"
    }

    void clusterLoadMerged()
    {
        QList<ClusterNode> nodes = TopologyParser::nodesFromClusterInfo(clusterInfo());
        const QStringList cols
            = { u"TYPE"_s, u"INSTANCE"_s, u"DEVICE_TYPE"_s, u"NAME"_s, u"VALUE"_s };
        TopologyParser::applyClusterLoad(
            nodes,
            table(cols,
                  { { u"tidb"_s, u"0.0.0.0:4000"_s, u"cpu"_s, u"load1"_s, u"0.13"_s },
                    { u"tidb"_s, u"0.0.0.0:4000"_s, u"memory"_s, u"total"_s, u"68719476736"_s },
                    { u"tidb"_s, u"0.0.0.0:4000"_s, u"memory"_s, u"used"_s, u"not a number"_s },
                    { u"tikv"_s, u"10.9.9.9:20160"_s, u"cpu"_s, u"load1"_s, u"9"_s } }));
        const ClusterNode *tidb = node(nodes, u"0.0.0.0:4000"_s);
        QVERIFY(tidb);
        QCOMPARE(tidb->load1, 0.13);
        QCOMPARE(tidb->memoryTotalBytes, qint64(68719476736LL));
        QCOMPARE(tidb->memoryUsedBytes, qint64(-1)); // malformed stays unknown
        QCOMPARE(nodes.size(), 3); // load of an unknown instance adds no node
    }

    void storeStatusAddsDownStore()
    {
        QList<ClusterNode> nodes = TopologyParser::nodesFromClusterInfo(clusterInfo());
        const QStringList cols
            = { u"STORE_ID"_s,          u"ADDRESS"_s,   u"STORE_STATE_NAME"_s, u"VERSION"_s,
                u"CAPACITY"_s,          u"AVAILABLE"_s, u"LEADER_COUNT"_s,     u"REGION_COUNT"_s,
                u"LAST_HEARTBEAT_TS"_s, u"UPTIME"_s };
        TopologyParser::applyStoreStatus(
            nodes,
            table(cols,
                  { { 1, u"127.0.0.1:20165"_s, u"Up"_s, u"4.1.0-alpha"_s, u"3.58TiB"_s,
                      u"2.31TiB"_s, 1412, 4236, u"2024-05-29 16:26:40"_s, u"7m0.94s"_s },
                    { 2, u"127.0.0.1:20166"_s, u"Down"_s, u"4.1.0-alpha"_s, u"3.58TiB"_s,
                      u"3.58TiB"_s, 0, 0, u"2024-05-28 10:00:00"_s, QVariant() } }));
        QCOMPARE(nodes.size(), 4);
        const ClusterNode *up = node(nodes, u"127.0.0.1:20165"_s);
        QVERIFY(up);
        QCOMPARE(up->state, u"Up"_s);
        QCOMPARE(up->leaderCount, qint64(1412));
        QCOMPARE(up->regionCount, qint64(4236));
        QVERIFY(qAbs(up->storeUsedRatio() - (3.58 - 2.31) / 3.58) < 1e-6);
        QCOMPARE(up->lastHeartbeat,
                 QDateTime(QDate(2024, 5, 29), QTime(16, 26, 40), QTimeZone::utc()));
        QCOMPARE(up->uptimeSeconds, qint64(95947)); // CLUSTER_INFO's uptime wins
        const ClusterNode *down = node(nodes, u"127.0.0.1:20166"_s);
        QVERIFY(down);
        QCOMPARE(down->type, u"tikv"_s);
        QVERIFY(down->isProblem());
        QCOMPARE(down->storeUsedRatio(), 0.0);
    }

    void serverRow()
    {
        EngineInfo engine = EngineInfo::parse(u"10.11.6-MariaDB-0+deb12u1"_s);
        const QStringList cols = { u"HOSTNAME"_s,  u"PORT"_s,      u"VERSION"_s,
                                   u"SERVER_ID"_s, u"READ_ONLY"_s, u"UPTIME"_s };
        const ClusterNode n = TopologyParser::serverNode(
            table(cols, { { u"db1"_s, 3306, u"10.11.6-MariaDB-0+deb12u1"_s, 7, 1, u"3600"_s } }),
            engine, u"127.0.0.1:3306"_s);
        QCOMPARE(n.type, u"mariadb"_s);
        QCOMPARE(n.instance, u"127.0.0.1:3306"_s);
        QCOMPARE(n.statusAddress, u"db1:3306"_s);
        QCOMPARE(n.serverId, qint64(7));
        QVERIFY(n.readOnly);
        QCOMPARE(n.uptimeSeconds, qint64(3600));
        // No row (no privilege): the engine's version, unknown uptime.
        const ClusterNode bare = TopologyParser::serverNode({}, engine, u"h:1"_s);
        QCOMPARE(bare.version, u"10.11.6-MariaDB-0+deb12u1"_s);
        QCOMPARE(bare.uptimeSeconds, qint64(-1));
    }

    void replicationBothSpellings()
    {
        // MariaDB SHOW ALL SLAVES STATUS (subset of its columns, real names).
        const QList<ReplicationChannel> maria = TopologyParser::replicationChannels(
            table({ u"Connection_name"_s, u"Master_Host"_s, u"Master_Port"_s, u"Slave_IO_Running"_s,
                    u"Slave_SQL_Running"_s, u"Seconds_Behind_Master"_s, u"Last_IO_Error"_s,
                    u"Last_SQL_Error"_s, u"Gtid_IO_Pos"_s },
                  { { u"main"_s, u"10.0.0.5"_s, 3306, u"Yes"_s, u"Yes"_s, 3, QString(), QString(),
                      u"0-1-100"_s },
                    { u"reports"_s, u"10.0.0.6"_s, 3306, u"Connecting"_s, u"Yes"_s, QVariant(),
                      u"error connecting to master 'repl@10.0.0.6:3306' - retry-time: 60"_s,
                      QString(), QString() } }));
        QCOMPARE(maria.size(), 2);
        QVERIFY(maria[0].isHealthy());
        QCOMPARE(maria[0].secondsBehind, qint64(3));
        QCOMPARE(maria[0].gtidPosition, u"0-1-100"_s);
        QVERIFY(!maria[1].isHealthy());
        QCOMPARE(maria[1].secondsBehind, qint64(-1)); // NULL
        QCOMPARE(maria[1].ioRunning, u"Connecting"_s);
        // MySQL 8.0.22+ SHOW REPLICA STATUS.
        const QList<ReplicationChannel> mysql = TopologyParser::replicationChannels(
            table({ u"Source_Host"_s, u"Source_Port"_s, u"Replica_IO_Running"_s,
                    u"Replica_SQL_Running"_s, u"Seconds_Behind_Source"_s, u"Last_IO_Error"_s,
                    u"Last_SQL_Error"_s, u"Executed_Gtid_Set"_s, u"Channel_Name"_s },
                  { { u"primary"_s, 3306, u"Yes"_s, u"No"_s, QVariant(), QString(),
                      u"Error 'Duplicate entry' on query"_s, u"uuid:1-5"_s, QString() } }));
        QCOMPARE(mysql.size(), 1);
        QCOMPARE(mysql[0].sourceHost, u"primary"_s);
        QCOMPARE(mysql[0].sqlRunning, u"No"_s);
        QVERIFY(!mysql[0].isHealthy());
        // Not a replica: no rows, no channels.
        QVERIFY(TopologyParser::replicationChannels(table({ u"Master_Host"_s }, {})).isEmpty());
    }

    void pdStoresHealthMembers()
    {
        QList<ClusterNode> nodes;
        Result<int> stores = TopologyParser::applyPdStores(nodes, fixture(u"stores.json"_s));
        QVERIFY2(stores.ok(), qPrintable(stores.error().message));
        QCOMPARE(*stores, 4);
        Result<int> health = TopologyParser::applyPdHealth(nodes, fixture(u"health.json"_s));
        QVERIFY(health.ok());
        QCOMPARE(*health, 3);
        Result<int> members = TopologyParser::applyPdMembers(nodes, fixture(u"members.json"_s));
        QVERIFY(members.ok());
        QCOMPARE(*members, 3);
        QCOMPARE(nodes.size(), 7);
        QCOMPARE(nodes.first().type, u"pd"_s);

        const ClusterNode *flash = node(nodes, u"10.0.1.11:3930"_s);
        QVERIFY(flash);
        QCOMPARE(flash->type, u"tiflash"_s); // from the engine=tiflash label
        QCOMPARE(flash->availableBytes, qint64(900) * 1024 * 1024 * 1024);
        QCOMPARE(flash->uptimeSeconds, qint64(300));
        const ClusterNode *disconnected = node(nodes, u"10.0.1.8:20160"_s);
        QVERIFY(disconnected && disconnected->isProblem());
        QCOMPARE(disconnected->statusAddress, u"10.0.1.8:20180"_s);
        const ClusterNode *pd2 = node(nodes, u"10.0.1.2:2379"_s);
        const ClusterNode *pd3 = node(nodes, u"10.0.1.3:2379"_s);
        QVERIFY(pd2 && pd3);
        QVERIFY(pd2->leader);
        QVERIFY(!pd3->leader);
        QCOMPARE(pd3->state, u"Unhealthy"_s);
        QCOMPARE(pd2->version, u"v7.5.1"_s);
    }

    void pdGarbage_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("html") << fixture(u"not-pd.html"_s);
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("wrong shape") << QByteArray("{\"count\": 1}");
        QTest::newRow("truncated") << fixture(u"stores.json"_s).left(200);
    }
    void pdGarbage()
    {
        QFETCH(QByteArray, body);
        QList<ClusterNode> nodes;
        Result<int> r = TopologyParser::applyPdStores(nodes, body);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::InvalidInput);
        QVERIFY(r.error().message.contains(u"/pd/api/v1/stores"_s));
        QVERIFY(nodes.isEmpty());
        QVERIFY(!TopologyParser::applyPdHealth(nodes, body).ok());
        QVERIFY(!TopologyParser::applyPdMembers(nodes, body).ok());
    }
};

QTEST_GUILESS_MAIN(TestTopology)
#include "tst_topology.moc"
