// tst_killrouting: the parts of the safe kill that need no server: the TiDB routing without
// global kill (CLUSTER_PROCESSLIST.INSTANCE status address -> CLUSTER_INFO SQL address, as the
// sandbox's catalog fixture describes the cluster), the KILL statements per engine and kill
// config, the one-session read statement, the outcome names and the audit entry's kill fields.
#include "sessions/AuditLog.h"
#include "sessions/KillOutcome.h"
#include "sessions/KillRouting.h"
#include "sql/Dialect.h"
#include "sql/QueryResult.h"

#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace TiDesk;

namespace {

// CLUSTER_INFO of the catalog fixture (tests/sandbox/tidb-catalog.sql), columns in its order.
QueryResult fixtureClusterInfo()
{
    QueryResult r;
    r.columns = { u"TYPE"_s, u"INSTANCE"_s, u"STATUS_ADDRESS"_s, u"VERSION"_s };
    r.rows = {
        { u"pd"_s, u"10.0.1.1:2379"_s, u"10.0.1.1:2379"_s, u"7.5.1"_s },
        { u"tikv"_s, u"10.0.1.7:20160"_s, u"10.0.1.7:20180"_s, u"7.5.1"_s },
        { u"tidb"_s, u"10.0.1.4:4000"_s, u"10.0.1.4:10080"_s, u"8.0.11-TiDB-v7.5.1"_s },
        { u"tidb"_s, u"10.0.1.5:4000"_s, u"10.0.1.5:10080"_s, u"8.0.11-TiDB-v7.5.1"_s },
    };
    return r;
}

EngineInfo tidb(int major, int minor)
{
    EngineInfo e;
    e.engine = Engine::TiDB;
    e.version = QVersionNumber(major, minor, 0);
    return e;
}

} // namespace

class TestKillRouting : public QObject
{
    Q_OBJECT

private slots:
    void statusAddressMapsToSqlAddress_data();
    void statusAddressMapsToSqlAddress();
    void columnsByNameNotPosition();
    void unknownInstanceIsAClearError();
    void notClusterInfoIsRefused();
    void wildcardSqlHostUsesStatusHost();
    void ipv6Addresses();
    void badAddresses_data();
    void badAddresses();
    void killStatementsPerEngineAndConfig();
    void killConfigFromFixtureRows();
    void sessionByIdQueries();
    void outcomeNames();
    void auditEntryKeepsKillFields();
};

void TestKillRouting::statusAddressMapsToSqlAddress_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("sql");
    QTest::newRow("tidb-4") << u"10.0.1.4:10080"_s << u"10.0.1.4:4000"_s;
    QTest::newRow("tidb-5") << u"10.0.1.5:10080"_s << u"10.0.1.5:4000"_s;
    QTest::newRow("spaces") << u" 10.0.1.5:10080 "_s << u"10.0.1.5:4000"_s;
}

void TestKillRouting::statusAddressMapsToSqlAddress()
{
    QFETCH(QString, status);
    QFETCH(QString, sql);
    const Result<HostPort> r = KillRouting::sqlAddressFor(fixtureClusterInfo(), status);
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
    QCOMPARE(r->toString(), sql);
    QCOMPARE(r->port, 4000);
}

void TestKillRouting::columnsByNameNotPosition()
{
    QueryResult r;
    r.columns = { u"status_address"_s, u"Type"_s, u"instance"_s };
    r.rows = { { u"db-a.example:10080"_s, u"TIDB"_s, u"db-a.example:4001"_s } };
    const Result<HostPort> hp = KillRouting::sqlAddressFor(r, u"DB-A.example:10080"_s);
    QVERIFY2(hp.ok(), qPrintable(hp.error().toString()));
    QCOMPARE(hp->host, u"db-a.example"_s);
    QCOMPARE(hp->port, 4001);
}

void TestKillRouting::unknownInstanceIsAClearError()
{
    // A TiKV's status address is not a tidb-server; neither is a node that left the cluster.
    for (const QString &addr : { u"10.0.1.6:10080"_s, u"10.0.1.7:20180"_s, u"10.0.1.4:10081"_s }) {
        const Result<HostPort> r = KillRouting::sqlAddressFor(fixtureClusterInfo(), addr);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::NotFound);
        QVERIFY2(r.error().message.contains(addr), qPrintable(r.error().message));
        // It names the tidb-servers it knows, so the DBA sees what changed.
        QVERIFY2(r.error().message.contains(u"10.0.1.4:10080, 10.0.1.5:10080"_s),
                 qPrintable(r.error().message));
    }
    QueryResult empty = fixtureClusterInfo();
    empty.rows.clear();
    const Result<HostPort> none = KillRouting::sqlAddressFor(empty, u"10.0.1.4:10080"_s);
    QVERIFY(!none.ok());
    QCOMPARE(none.error().kind, ErrorKind::NotFound);
}

void TestKillRouting::notClusterInfoIsRefused()
{
    QueryResult processlist;
    processlist.columns = { u"ID"_s, u"USER"_s, u"INSTANCE"_s };
    processlist.rows = { { 42, u"app"_s, u"10.0.1.4:10080"_s } };
    const Result<HostPort> r = KillRouting::sqlAddressFor(processlist, u"10.0.1.4:10080"_s);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, ErrorKind::InvalidInput);
    QVERIFY(r.error().message.contains(u"CLUSTER_INFO"_s));
}

void TestKillRouting::wildcardSqlHostUsesStatusHost()
{
    QueryResult r = fixtureClusterInfo();
    r.rows.append({ u"tidb"_s, u"0.0.0.0:4000"_s, u"10.0.2.9:10080"_s, u"v7.5.1"_s });
    const Result<HostPort> hp = KillRouting::sqlAddressFor(r, u"10.0.2.9:10080"_s);
    QVERIFY2(hp.ok(), qPrintable(hp.error().toString()));
    QCOMPARE(hp->toString(), u"10.0.2.9:4000"_s);
}

void TestKillRouting::ipv6Addresses()
{
    QueryResult r = fixtureClusterInfo();
    r.rows.append({ u"tidb"_s, u"[fd00::4]:4000"_s, u"[fd00::4]:10080"_s, u"v7.5.1"_s });
    const Result<HostPort> hp = KillRouting::sqlAddressFor(r, u"[fd00::4]:10080"_s);
    QVERIFY2(hp.ok(), qPrintable(hp.error().toString()));
    QCOMPARE(hp->host, u"fd00::4"_s);
    QCOMPARE(hp->port, 4000);
    QCOMPARE(hp->toString(), u"[fd00::4]:4000"_s);
}

void TestKillRouting::badAddresses_data()
{
    QTest::addColumn<QString>("address");
    QTest::newRow("no port") << u"10.0.1.4"_s;
    QTest::newRow("port text") << u"10.0.1.4:http"_s;
    QTest::newRow("port 0") << u"10.0.1.4:0"_s;
    QTest::newRow("port too big") << u"10.0.1.4:70000"_s;
    QTest::newRow("open bracket") << u"[fd00::4:10080"_s;
    QTest::newRow("empty") << QString();
}

void TestKillRouting::badAddresses()
{
    QFETCH(QString, address);
    const Result<HostPort> r = KillRouting::splitAddress(address);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, ErrorKind::InvalidInput);
    // And as an INSTANCE to route: the same clear refusal, not a match.
    QVERIFY(!KillRouting::sqlAddressFor(fixtureClusterInfo(), address).ok());
}

void TestKillRouting::killStatementsPerEngineAndConfig()
{
    KillConfig noGlobal;
    noGlobal.enableGlobalKill = false;
    KillConfig global;
    global.enableGlobalKill = true;

    const auto v75 = makeDialect(tidb(7, 5));
    // Without global kill: KILL TIDB, on the owning server (a plain KILL would be a no-op + 1105).
    KillStatement k = v75->killStatement(KillKind::Query, 42, noGlobal);
    QCOMPARE(k.sql, u"KILL TIDB QUERY 42"_s);
    QVERIFY(k.mustConnectToOwningServer);
    QVERIFY(k.checkWarnings);
    k = v75->killStatement(KillKind::Connection, 42, noGlobal);
    QCOMPARE(k.sql, u"KILL TIDB CONNECTION 42"_s);
    QVERIFY(k.mustConnectToOwningServer);
    // Global kill (and the v6.1+ default when the config could not be read): any node.
    k = v75->killStatement(KillKind::Query, 8306449708033769879ULL, global);
    QCOMPARE(k.sql, u"KILL QUERY 8306449708033769879"_s);
    QVERIFY(!k.mustConnectToOwningServer);
    QVERIFY(k.checkWarnings);
    QVERIFY(v75->isGlobalKill({}));
    // Before v6.1 there is no global kill, whatever the config says.
    const auto v60 = makeDialect(tidb(6, 0));
    QVERIFY(!v60->isGlobalKill(global));
    k = v60->killStatement(KillKind::Query, 7, global);
    QCOMPARE(k.sql, u"KILL TIDB QUERY 7"_s);
    QVERIFY(k.mustConnectToOwningServer);

    EngineInfo maria;
    maria.engine = Engine::MariaDB;
    maria.version = QVersionNumber(10, 11, 6);
    k = makeDialect(maria)->killStatement(KillKind::Query, 42);
    QCOMPARE(k.sql, u"KILL HARD QUERY 42"_s);
    QVERIFY(!k.mustConnectToOwningServer);
    k = makeDialect(maria)->killStatement(KillKind::Connection, 42);
    QCOMPARE(k.sql, u"KILL CONNECTION 42"_s);
    EngineInfo mysql;
    mysql.engine = Engine::MySQL;
    mysql.version = QVersionNumber(8, 0, 36);
    QCOMPARE(makeDialect(mysql)->killStatement(KillKind::Query, 42).sql, u"KILL QUERY 42"_s);
}

void TestKillRouting::killConfigFromFixtureRows()
{
    // The shape of the catalog fixture's CLUSTER_CONFIG read (and of SHOW CONFIG).
    QueryResult r;
    r.columns = { u"Type"_s, u"Instance"_s, u"Name"_s, u"Value"_s };
    r.rows = { { u"tidb"_s, u"10.0.1.4:4000"_s, u"enable-global-kill"_s, u"true"_s },
               { u"tidb"_s, u"10.0.1.5:4000"_s, u"enable-global-kill"_s, u"false"_s } };
    // One server without global kill: the cluster is not global-kill.
    const KillConfig c = Dialect::killConfigFromResult(r);
    QVERIFY(c.enableGlobalKill.has_value());
    QVERIFY(!*c.enableGlobalKill);
    QVERIFY(!makeDialect(tidb(7, 5))->isGlobalKill(c));
    const DialectOptions fixture { u"tidb_catalog"_s };
    const Result<QString> q = makeDialect(tidb(7, 5), fixture)->killConfigQuery();
    QVERIFY(q.ok());
    QVERIFY2(q->contains(u"`tidb_catalog`.`CLUSTER_CONFIG`"_s), qPrintable(*q));
}

void TestKillRouting::sessionByIdQueries()
{
    const QString t = makeDialect(tidb(7, 5))->sessionByIdQuery(42, u"10.0.1.4:10080"_s);
    QVERIFY2(t.contains(u"FROM `INFORMATION_SCHEMA`.`CLUSTER_PROCESSLIST`"_s)
                 || t.contains(u"FROM INFORMATION_SCHEMA.CLUSTER_PROCESSLIST"_s),
             qPrintable(t));
    QVERIFY2(t.endsWith(u" WHERE ID = 42 AND INSTANCE = '10.0.1.4:10080'"_s), qPrintable(t));
    QVERIFY(t.startsWith(makeDialect(tidb(7, 5))->liveSessionsQuery()));
    // Without an instance: every tidb-server's session with that id.
    QVERIFY(makeDialect(tidb(7, 5))->sessionByIdQuery(42).endsWith(u" WHERE ID = 42"_s));
    // The instance comes from a server: quoted.
    const QString evil = makeDialect(tidb(7, 5))->sessionByIdQuery(1, u"x' OR '1'='1"_s);
    QVERIFY2(evil.endsWith(u"INSTANCE = 'x'' OR ''1''=''1'"_s), qPrintable(evil));

    EngineInfo maria;
    maria.engine = Engine::MariaDB;
    maria.version = QVersionNumber(10, 11, 6);
    const QString m = makeDialect(maria)->sessionByIdQuery(42, u"ignored:10080"_s);
    QVERIFY2(m.endsWith(u"FROM information_schema.PROCESSLIST WHERE ID = 42"_s), qPrintable(m));
    QVERIFY(m.contains(u"QUERY_ID"_s)); // what tells two runs of one text apart
    QVERIFY(!m.contains(u"ignored"_s));
}

void TestKillRouting::outcomeNames()
{
    using S = KillOutcome::Status;
    const QList<S> all { S::Killed,   S::AlreadyFinished, S::StaleRefused, S::Refused,
                         S::NoEffect, S::StillRunning,    S::Failed };
    QSet<QString> names, display;
    for (S s : all) {
        names.insert(KillOutcome::statusName(s));
        display.insert(KillOutcome::statusDisplayName(s));
    }
    QCOMPARE(names.size(), all.size());
    QCOMPARE(display.size(), all.size());
    QCOMPARE(KillOutcome::statusName(S::StaleRefused), u"stale-refused"_s);
    QCOMPARE(KillOutcome::actionName(KillKind::Query), u"kill-query"_s);
    QCOMPARE(KillOutcome::actionName(KillKind::Connection), u"kill-connection"_s);
    KillOutcome o;
    QVERIFY(!o.killed());
    o.status = S::Killed;
    QVERIFY(o.killed());
}

void TestKillRouting::auditEntryKeepsKillFields()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    AuditLog log(dir.filePath(u"audit.jsonl"_s));
    AuditEntry e;
    e.envName = u"uat02"_s;
    e.action = u"kill-query"_s;
    e.target = u"10.0.1.4:10080#42 app@127.0.0.1:5000 (SELECT SLEEP(30))"_s;
    e.statement = u"KILL QUERY 42"_s;
    e.sessionStatement = u"SELECT SLEEP(30)"_s;
    e.rule = u"long-selects"_s;
    e.mode = u"enforce"_s;
    e.ok = true;
    e.outcome = u"killed"_s;
    e.result = u"stopped"_s;
    QVERIFY(log.append(e).ok());
    AuditEntry other;
    other.action = u"set-guardrail"_s;
    other.mode = u"manual"_s;
    QVERIFY(log.append(other).ok());
    const auto read = log.readLast(10);
    QVERIFY(read.ok());
    QCOMPARE(read->size(), 2);
    const AuditEntry &k = read->at(0);
    QCOMPARE(k.sessionStatement, e.sessionStatement);
    QCOMPARE(k.outcome, u"killed"_s);
    QCOMPARE(k.rule, u"long-selects"_s);
    QCOMPARE(k.mode, u"enforce"_s);
    QVERIFY(k.ok);
    // Non-kill actions do not grow the new keys.
    QVERIFY(!read->at(1).toJson().contains(u"outcome"_s));
    QVERIFY(!read->at(1).toJson().contains(u"session_statement"_s));
}

QTEST_GUILESS_MAIN(TestKillRouting)
#include "tst_killrouting.moc"
