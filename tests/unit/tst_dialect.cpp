// Dialect statements per engine and version, the global-kill decision, the catalog-schema test
// seam, guardrails, backup building and SQL literal escaping. No server needed.
#include "sql/Dialect.h"
#include "sql/QueryResult.h"
#include "sql/SqlQuote.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace TiDesk;
using namespace std::chrono_literals;

namespace {
std::shared_ptr<const Dialect> dialectFor(const char *version, DialectOptions opts = {})
{
    return makeDialect(EngineInfo::parse(QString::fromLatin1(version)), opts);
}
} // namespace

class TestDialect : public QObject
{
    Q_OBJECT
private slots:
    void factory();
    void sessionTimeout();
    void liveSessions();
    void slowQueries();
    void statementsSummary();
    void topology();
    void fleetStatus();
    void killDecision_data();
    void killDecision();
    void killOtherEngines();
    void killConfigParsing();
    void explainSession();
    void catalogSchemaSeam();
    void guardrails();
    void backup();
    void literal_data();
    void literal();
    void identifierAndBytes();
};

void TestDialect::factory()
{
    QCOMPARE(dialectFor("8.0.11-TiDB-v7.5.1")->engine(), Engine::TiDB);
    QCOMPARE(dialectFor("10.11.6-MariaDB-1:10.11.6+maria~ubu2204")->engine(), Engine::MariaDB);
    QCOMPARE(dialectFor("8.0.36")->engine(), Engine::MySQL);
    // Unknown engines get the MySQL dialect (most likely wire-compatible), keeping its EngineInfo.
    auto unknown = dialectFor("garbage");
    QCOMPARE(unknown->engine(), Engine::Unknown);
    QVERIFY(unknown->liveSessionsQuery().contains(u"information_schema.PROCESSLIST"_s));
}

void TestDialect::sessionTimeout()
{
    QCOMPARE(dialectFor("11.4.2-MariaDB")->sessionTimeoutStatement(30000ms),
             u"SET SESSION max_statement_time = 30"_s);
    QCOMPARE(dialectFor("11.4.2-MariaDB")->sessionTimeoutStatement(1500ms),
             u"SET SESSION max_statement_time = 1.500"_s);
    QCOMPARE(dialectFor("11.4.2-MariaDB")->sessionTimeoutStatement(0ms),
             u"SET SESSION max_statement_time = 0"_s);
    QCOMPARE(dialectFor("8.0.36")->sessionTimeoutStatement(1500ms),
             u"SET SESSION max_execution_time = 1500"_s);
    QCOMPARE(dialectFor("8.0.11-TiDB-v7.5.1")->sessionTimeoutStatement(2000ms),
             u"SET SESSION max_execution_time = 2000"_s);
    const QStringList setup = dialectFor("8.0.36")->sessionSetupStatements(1000ms);
    QCOMPARE(setup.size(), 2);
    QCOMPARE(setup.first(), u"SET SESSION time_zone = '+00:00'"_s);
}

void TestDialect::liveSessions()
{
    const QString t75 = dialectFor("8.0.11-TiDB-v7.5.1")->liveSessionsQuery();
    QCOMPARE(t75,
             u"SELECT INSTANCE, ID, USER, HOST, DB, COMMAND, TIME, STATE, INFO, DIGEST, MEM, DISK, "
             "TxnStart, RESOURCE_GROUP FROM `INFORMATION_SCHEMA`.`CLUSTER_PROCESSLIST`"_s);
    const QString t65 = dialectFor("5.7.25-TiDB-v6.5.3")->liveSessionsQuery();
    QVERIFY(!t65.contains(u"RESOURCE_GROUP"_s));
    QVERIFY(t65.contains(u"TxnStart"_s));
    const QString maria = dialectFor("10.11.6-MariaDB")->liveSessionsQuery();
    for (const char *col : { "TIME_MS", "MEMORY_USED", "QUERY_ID", "EXAMINED_ROWS", "INFO" })
        QVERIFY2(maria.contains(QString::fromLatin1(col)), col);
    QCOMPARE(
        dialectFor("8.0.36")->liveSessionsQuery(),
        u"SELECT ID, USER, HOST, DB, COMMAND, TIME, STATE, INFO FROM information_schema.PROCESSLIST"_s);
    for (const char *v : { "8.0.11-TiDB-v7.5.1", "10.11.6-MariaDB", "8.0.36" })
        QVERIFY(!dialectFor(v)->liveSessionsQuery().contains(u"*"_s));
}

void TestDialect::slowQueries()
{
    const QDateTime from(QDate(2024, 5, 14), QTime(9, 0), Qt::UTC);
    const QDateTime to(QDate(2024, 5, 14), QTime(10, 0, 30), Qt::UTC);
    const QString tidb = dialectFor("8.0.11-TiDB-v7.5.1")->slowQueriesQuery(from, to, 100);
    QVERIFY(tidb.contains(u"FROM `INFORMATION_SCHEMA`.`CLUSTER_SLOW_QUERY` WHERE Time BETWEEN "
                          "'2024-05-14 09:00:00.000000' AND '2024-05-14 10:00:30.000000'"_s));
    QVERIFY(tidb.endsWith(u"LIMIT 100"_s));
    QVERIFY(!tidb.contains(u"*"_s));
    // Local times are converted to UTC, the session time zone TiDesk sets.
    const QDateTime local = from.toOffsetFromUtc(8 * 3600);
    QVERIFY(dialectFor("10.11.6-MariaDB")
                ->slowQueriesQuery(local, to, 0)
                .contains(u"WHERE start_time BETWEEN '2024-05-14 09:00:00.000000'"_s));
    const QString maria = dialectFor("10.11.6-MariaDB")->slowQueriesQuery(from, to, 0);
    QVERIFY(maria.contains(u"FROM mysql.slow_log"_s));
    QVERIFY(maria.endsWith(u"LIMIT 1"_s)); // never unbounded
    QVERIFY(dialectFor("8.0.36")
                ->slowQueriesQuery(from, to, 5)
                .contains(u"mysql.slow_log WHERE start_time BETWEEN"_s));
}

void TestDialect::statementsSummary()
{
    auto tidb = dialectFor("8.0.11-TiDB-v7.5.1")->statementsSummaryQuery(50);
    QVERIFY(tidb.ok());
    QVERIFY(tidb->contains(u"`CLUSTER_STATEMENTS_SUMMARY` ORDER BY SUM_LATENCY DESC LIMIT 50"_s));
    for (const char *v : { "10.11.6-MariaDB", "8.0.36" }) {
        auto r = dialectFor(v)->statementsSummaryQuery(50);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Unsupported);
    }
}

void TestDialect::topology()
{
    QVERIFY(dialectFor("8.0.11-TiDB-v7.5.1")
                ->topologyQuery()
                .startsWith(u"SELECT TYPE, INSTANCE, STATUS_ADDRESS, VERSION"_s));
    QCOMPARE(dialectFor("10.11.6-MariaDB")->topologyQuery(), u"SHOW ALL SLAVES STATUS"_s);
    QCOMPARE(dialectFor("8.0.36")->topologyQuery(), u"SHOW REPLICA STATUS"_s);
    QCOMPARE(dialectFor("5.7.44")->topologyQuery(), u"SHOW SLAVE STATUS"_s);
}

void TestDialect::fleetStatus()
{
    const QString mysqlFamily = u"SHOW GLOBAL STATUS WHERE Variable_name IN "
                                "('Questions', 'Threads_connected', 'Threads_running', 'Uptime')"_s;
    QCOMPARE(dialectFor("10.11.6-MariaDB")->fleetStatusQuery(), mysqlFamily);
    QCOMPARE(dialectFor("8.0.36")->fleetStatusQuery(), mysqlFamily);
    QCOMPARE(dialectFor("8.0.11-TiDB-v7.5.1")->fleetStatusQuery(),
             u"SELECT (SELECT COUNT(*) FROM `INFORMATION_SCHEMA`.`CLUSTER_PROCESSLIST`) AS "
             "SESSIONS, INSTANCE, UPTIME FROM `INFORMATION_SCHEMA`.`CLUSTER_INFO` WHERE TYPE = "
             "'tidb'"_s);
    DialectOptions fixture;
    fixture.catalogSchema = u"tidb_catalog"_s;
    QVERIFY(dialectFor("8.0.11-TiDB-v7.5.1", fixture)
                ->fleetStatusQuery()
                .contains(u"`tidb_catalog`.`CLUSTER_INFO`"_s));
}

void TestDialect::killDecision_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<int>("globalKill"); // -1 unknown, 0 false, 1 true
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("sql");
    QTest::addColumn<bool>("mustOwn");
    const int q = int(KillKind::Query), c = int(KillKind::Connection);
    QTest::newRow("7.5 config unknown -> default global")
        << u"8.0.11-TiDB-v7.5.1"_s << -1 << q << u"KILL QUERY 8306449708033769879"_s << false;
    QTest::newRow("7.5 global on, connection")
        << u"8.0.11-TiDB-v7.5.1"_s << 1 << c << u"KILL CONNECTION 8306449708033769879"_s << false;
    QTest::newRow("7.5 global off")
        << u"8.0.11-TiDB-v7.5.1"_s << 0 << q << u"KILL TIDB QUERY 8306449708033769879"_s << true;
    QTest::newRow("6.1.0 boundary")
        << u"5.7.25-TiDB-v6.1.0"_s << -1 << q << u"KILL QUERY 8306449708033769879"_s << false;
    QTest::newRow("6.0 never global, even if configured")
        << u"5.7.25-TiDB-v6.0.0"_s << 1 << c << u"KILL TIDB CONNECTION 8306449708033769879"_s
        << true;
    QTest::newRow("4.0 dev build") << u"5.7.25-TiDB-v4.0.0-beta-446-g5268094af"_s << -1 << q
                                   << u"KILL TIDB QUERY 8306449708033769879"_s << true;
}

void TestDialect::killDecision()
{
    QFETCH(QString, version);
    QFETCH(int, globalKill);
    QFETCH(int, kind);
    QFETCH(QString, sql);
    QFETCH(bool, mustOwn);
    KillConfig cfg;
    if (globalKill >= 0)
        cfg.enableGlobalKill = globalKill == 1;
    auto d = makeDialect(EngineInfo::parse(version));
    const KillStatement k = d->killStatement(KillKind(kind), 8306449708033769879ULL, cfg);
    QCOMPARE(k.sql, sql);
    QCOMPARE(k.mustConnectToOwningServer, mustOwn);
    QVERIFY(k.checkWarnings);
    QCOMPARE(d->isGlobalKill(cfg), !mustOwn);
}

void TestDialect::killOtherEngines()
{
    auto maria = dialectFor("10.11.6-MariaDB");
    QCOMPARE(maria->killStatement(KillKind::Query, 42).sql, u"KILL HARD QUERY 42"_s);
    QCOMPARE(maria->killStatement(KillKind::Connection, 42).sql, u"KILL CONNECTION 42"_s);
    QVERIFY(!maria->killStatement(KillKind::Query, 42).mustConnectToOwningServer);
    auto mysql = dialectFor("8.0.36");
    QCOMPARE(mysql->killStatement(KillKind::Query, 7).sql, u"KILL QUERY 7"_s);
    QCOMPARE(mysql->killStatement(KillKind::Connection, 7).sql, u"KILL CONNECTION 7"_s);
    QVERIFY(!mysql->isGlobalKill(KillConfig {}));
    QCOMPARE(mysql->killConfigQuery().error().kind, ErrorKind::Unsupported);
    QCOMPARE(maria->killConfigQuery().error().kind, ErrorKind::Unsupported);
    auto tidb = dialectFor("8.0.11-TiDB-v7.5.1");
    QCOMPARE(tidb->killConfigQuery().value(),
             u"SHOW CONFIG WHERE type = 'tidb' AND name IN ('enable-global-kill', "
             "'enable-32bits-connection-id', 'compatible-kill-query')"_s);
}

void TestDialect::explainSession()
{
    const auto maria = dialectFor("10.11.6-MariaDB")->explainSession(42);
    QVERIFY(maria);
    QCOMPARE(maria->sql, u"SHOW EXPLAIN FOR 42"_s);
    QVERIFY(!maria->mustConnectToOwningServer);
    const auto mysql = dialectFor("8.0.36")->explainSession(7);
    QVERIFY(mysql);
    QCOMPARE(mysql->sql, u"EXPLAIN FOR CONNECTION 7"_s);
    QVERIFY(!mysql->mustConnectToOwningServer);
    // 64-bit TiDB ids are printed whole; only the owning tidb-server knows the session.
    const auto tidb = dialectFor("8.0.11-TiDB-v7.5.1")->explainSession(8306449708033769879ULL);
    QVERIFY(tidb);
    QCOMPARE(tidb->sql, u"EXPLAIN FOR CONNECTION 8306449708033769879"_s);
    QVERIFY(tidb->mustConnectToOwningServer);
    // Too old for the statement: a clear Unsupported error, no SQL.
    QCOMPARE(dialectFor("5.6.51")->explainSession(7).error().kind, ErrorKind::Unsupported);
    QCOMPARE(dialectFor("8.0.11-TiDB-v3.0.20")->explainSession(7).error().kind,
             ErrorKind::Unsupported);
}

void TestDialect::killConfigParsing()
{
    QueryResult r;
    r.columns = QStringList { u"Type"_s, u"Instance"_s, u"Name"_s, u"Value"_s };
    r.rows << QVariantList { u"tidb"_s, u"10.0.1.1:4000"_s, u"enable-global-kill"_s, u"true"_s }
           << QVariantList { u"tidb"_s, u"10.0.1.2:4000"_s, u"enable-global-kill"_s, u"false"_s }
           << QVariantList { u"tidb"_s, u"10.0.1.1:4000"_s, u"enable-32bits-connection-id"_s,
                             u"true"_s };
    const KillConfig cfg = Dialect::killConfigFromResult(r);
    QVERIFY(cfg.enableGlobalKill.has_value());
    QCOMPARE(*cfg.enableGlobalKill,
             false); // one node without global kill: the cluster is not global
    QCOMPARE(cfg.enable32BitConnectionId.value_or(false), true);
    QVERIFY(!cfg.compatibleKillQuery.has_value());
    QVERIFY(!Dialect::killConfigFromResult(QueryResult {}).enableGlobalKill.has_value());
}

void TestDialect::catalogSchemaSeam()
{
    DialectOptions opts;
    opts.catalogSchema = u"tidb_catalog"_s;
    auto d = dialectFor("8.0.11-TiDB-v7.5.1", opts);
    QVERIFY(d->liveSessionsQuery().endsWith(u"FROM `tidb_catalog`.`CLUSTER_PROCESSLIST`"_s));
    QVERIFY(d->topologyQuery().endsWith(u"FROM `tidb_catalog`.`CLUSTER_INFO`"_s));
    QVERIFY(
        d->statementsSummaryQuery(10)->contains(u"`tidb_catalog`.`CLUSTER_STATEMENTS_SUMMARY`"_s));
    QVERIFY(d->slowQueriesQuery(QDateTime::currentDateTimeUtc().addSecs(-60),
                                QDateTime::currentDateTimeUtc(), 10)
                .contains(u"`tidb_catalog`.`CLUSTER_SLOW_QUERY`"_s));
    QVERIFY(d->killConfigQuery()->contains(u"FROM `tidb_catalog`.`CLUSTER_CONFIG`"_s));
    // A hostile schema name cannot break out of the identifier.
    opts.catalogSchema = u"x`; DROP DATABASE y; --"_s;
    QVERIFY(dialectFor("8.0.11-TiDB-v7.5.1", opts)
                ->topologyQuery()
                .endsWith(u"FROM `x``; DROP DATABASE y; --`.`CLUSTER_INFO`"_s));
    opts.catalogSchema.clear();
    QVERIFY(dialectFor("8.0.11-TiDB-v7.5.1", opts)
                ->topologyQuery()
                .contains(u"`INFORMATION_SCHEMA`"_s));
}

void TestDialect::guardrails()
{
    auto tidb = dialectFor("8.0.11-TiDB-v7.5.1");
    QStringList names;
    for (const GuardrailVariable &v : tidb->guardrailVariables())
        names << v.name;
    for (const char *n : { "max_execution_time", "tidb_mem_quota_query", "tidb_mem_oom_action",
                           "tidb_server_memory_limit" })
        QVERIFY2(names.contains(QString::fromLatin1(n)), n);
    QVERIFY(tidb->readGuardrailsQuery().startsWith(
        u"SELECT @@GLOBAL.max_execution_time AS `max_execution_time`, @@GLOBAL.tidb_mem_quota_query"_s));
    QVERIFY(tidb->readGuardrailsQuery().contains(
        u"@@GLOBAL.tidb_mem_oom_action AS `tidb_mem_oom_action`"_s));
    QCOMPARE(tidb->setGuardrailStatement(u"max_execution_time"_s, u"5000"_s, false).value(),
             u"SET SESSION max_execution_time = 5000"_s);
    QCOMPARE(tidb->setGuardrailStatement(u"tidb_mem_oom_action"_s, u"CANCEL"_s, true).value(),
             u"SET GLOBAL tidb_mem_oom_action = 'CANCEL'"_s);
    QCOMPARE(tidb->setGuardrailStatement(u"tidb_server_memory_limit"_s, u"80%"_s, true).value(),
             u"SET GLOBAL tidb_server_memory_limit = '80%'"_s);
    QCOMPARE(tidb->setGuardrailStatement(u"tidb_mem_oom_action"_s, u"PANIC"_s, true).error().kind,
             ErrorKind::InvalidInput);
    QCOMPARE(tidb->setGuardrailStatement(u"tidb_mem_oom_action"_s, u"LOG"_s, false).error().kind,
             ErrorKind::InvalidInput); // GLOBAL only
    QCOMPARE(tidb->setGuardrailStatement(u"max_execution_time"_s, u"1; DROP TABLE t"_s, false)
                 .error()
                 .kind,
             ErrorKind::InvalidInput);
    QCOMPARE(tidb->setGuardrailStatement(u"sql_mode"_s, u"''"_s, false).error().kind,
             ErrorKind::InvalidInput);
    // Older TiDB lacks the newer variables.
    auto old = dialectFor("5.7.25-TiDB-v6.0.0");
    for (const GuardrailVariable &v : old->guardrailVariables())
        QVERIFY(v.name != u"tidb_mem_oom_action" && v.name != u"tidb_server_memory_limit");

    auto maria = dialectFor("10.11.6-MariaDB");
    QCOMPARE(maria->guardrailVariables().size(), 1);
    QCOMPARE(maria->guardrailVariables().first().unit, u"s"_s);
    QCOMPARE(maria->readGuardrailsQuery(),
             u"SELECT @@GLOBAL.max_statement_time AS `max_statement_time`"_s);
    QCOMPARE(maria->setGuardrailStatement(u"max_statement_time"_s, u"2.5"_s, true).value(),
             u"SET GLOBAL max_statement_time = 2.5"_s);
    QCOMPARE(maria->setGuardrailStatement(u"max_statement_time"_s, u"abc"_s, true).error().kind,
             ErrorKind::InvalidInput);
    auto mysql = dialectFor("8.0.36");
    QCOMPARE(mysql->guardrailVariables().first().name, u"max_execution_time"_s);
    QCOMPARE(mysql->guardrailVariables().first().unit, u"ms"_s);
    QCOMPARE(Dialect::readGuardrailQuery(maria->guardrailVariables().first()),
             u"SELECT @@GLOBAL.max_statement_time AS `max_statement_time`"_s);

    // Runaway watches (v7.3+) and bindings (reference §4.2, §4.3).
    auto v75 = dialectFor("8.0.11-TiDB-v7.5.1");
    QCOMPARE(v75->runawayWatchesQuery().value(),
             u"SELECT ID, RESOURCE_GROUP_NAME, START_TIME, END_TIME, WATCH, WATCH_TEXT, SOURCE, "
             "ACTION, RULE FROM `INFORMATION_SCHEMA`.`RUNAWAY_WATCHES` ORDER BY ID"_s);
    QCOMPARE(v75->removeRunawayWatchStatement(3).value(), u"QUERY WATCH REMOVE 3"_s);
    QCOMPARE(v75->removeRunawayWatchStatement(0).error().kind, ErrorKind::InvalidInput);
    QCOMPARE(dialectFor("8.0.11-TiDB-v7.2.0")->runawayWatchesQuery().error().kind,
             ErrorKind::Unsupported);
    QCOMPARE(v75->bindingsQuery().value(), u"SHOW GLOBAL BINDINGS"_s);
    const QString digest = u"D08BC323a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c"_s;
    QCOMPARE(v75->bindPlanFromHistoryStatement(digest).value(),
             u"CREATE GLOBAL BINDING FROM HISTORY USING PLAN DIGEST '"_s + digest.toLower()
                 + u"'"_s);
    QCOMPARE(v75->bindPlanFromHistoryStatement(u"abc' OR 1=1"_s).error().kind,
             ErrorKind::InvalidInput);
    QCOMPARE(dialectFor("8.0.11-TiDB-v6.1.0")->bindPlanFromHistoryStatement(digest).error().kind,
             ErrorKind::Unsupported);
    QCOMPARE(v75->dropBindingStatement(digest).value(),
             u"DROP GLOBAL BINDING FOR SQL DIGEST '"_s + digest.toLower() + u"'"_s);
    QCOMPARE(v75->dropBindingStatement(u"x"_s).error().kind, ErrorKind::InvalidInput);
    for (const auto &other : { maria, mysql }) {
        QCOMPARE(other->runawayWatchesQuery().error().kind, ErrorKind::Unsupported);
        QCOMPARE(other->removeRunawayWatchStatement(1).error().kind, ErrorKind::Unsupported);
        QCOMPARE(other->bindingsQuery().error().kind, ErrorKind::Unsupported);
        QCOMPARE(other->bindPlanFromHistoryStatement(digest).error().kind, ErrorKind::Unsupported);
        QCOMPARE(other->dropBindingStatement(digest).error().kind, ErrorKind::Unsupported);
    }
}

void TestDialect::backup()
{
    auto tidb = dialectFor("8.0.11-TiDB-v7.5.1");
    BackupRequest req;
    req.destinationUrl = u"s3://bkt/full/?access-key=AK&secret-access-key=S'K"_s;
    QCOMPARE(tidb->backupStatement(req).value(),
             u"BACKUP DATABASE * TO 's3://bkt/full/?access-key=AK&secret-access-key=S''K'"_s);
    req.databases = QStringList { u"shop"_s, u"we`ird"_s };
    req.rateLimitMbPerSec = 120;
    req.concurrency = 8;
    req.checksum = false;
    req.destinationUrl = u"local:///mnt/backup/inc01"_s;
    req.lastBackupTs = u"415685305958400"_s;
    QCOMPARE(tidb->backupStatement(req).value(),
             u"BACKUP DATABASE `shop`, `we``ird` TO 'local:///mnt/backup/inc01' RATE_LIMIT = 120 "
             u"MB/SECOND "
             "CONCURRENCY = 8 CHECKSUM = FALSE LAST_BACKUP = 415685305958400"_s);
    req.destinationUrl.clear();
    QCOMPARE(tidb->backupStatement(req).error().kind, ErrorKind::InvalidInput);
    QCOMPARE(tidb->showBackupsQuery().value(), u"SHOW BACKUPS"_s);
    for (const char *v : { "10.11.6-MariaDB", "8.0.36" }) {
        QCOMPARE(dialectFor(v)->backupStatement(BackupRequest {}).error().kind,
                 ErrorKind::Unsupported);
        QCOMPARE(dialectFor(v)->showBackupsQuery().error().kind, ErrorKind::Unsupported);
        QCOMPARE(dialectFor(v)->restoreStatement(BackupRequest {}).error().kind,
                 ErrorKind::Unsupported);
        QCOMPARE(dialectFor(v)->showRestoresQuery().error().kind, ErrorKind::Unsupported);
    }
    // RESTORE: the reference's examples' shape; LAST_BACKUP is a backup option only.
    BackupRequest restore;
    restore.destinationUrl = u"s3://example-bucket-2020/backup-05/"_s;
    QCOMPARE(tidb->restoreStatement(restore).value(),
             u"RESTORE DATABASE * FROM 's3://example-bucket-2020/backup-05/'"_s);
    restore.databases = { u"test"_s };
    restore.rateLimitMbPerSec = 64;
    restore.lastBackupTs = u"415685305958400"_s;
    QCOMPARE(tidb->restoreStatement(restore).value(),
             u"RESTORE DATABASE `test` FROM 's3://example-bucket-2020/backup-05/' RATE_LIMIT = "
             u"64 MB/SECOND"_s);
    restore.destinationUrl.clear();
    QCOMPARE(tidb->restoreStatement(restore).error().kind, ErrorKind::InvalidInput);
    QCOMPARE(tidb->showRestoresQuery().value(), u"SHOW RESTORES"_s);
}

void TestDialect::literal_data()
{
    QTest::addColumn<QString>("in");
    QTest::addColumn<QString>("out");
    QTest::newRow("plain") << u"abc"_s << u"'abc'"_s;
    QTest::newRow("empty") << QString() << u"''"_s;
    QTest::newRow("quote") << u"O'Brien"_s << u"'O''Brien'"_s;
    QTest::newRow("backslash") << u"C:\\tmp\\"_s << u"'C:\\\\tmp\\\\'"_s;
    QTest::newRow("backslash quote") << u"\\'"_s << u"'\\\\'''"_s;
    QTest::newRow("controls") << QString(u"a\nb\rc"_s + QChar(0) + QChar(0x1a))
                              << u"'a\\nb\\rc\\0\\Z'"_s;
    QTest::newRow("unicode") << u"数据库"_s << u"'数据库'"_s;
    // Non-UTF-8 bytes decoded leniently become U+FFFD and stay inside the literal.
    QTest::newRow("non-utf8 decoded") << QString::fromUtf8("\xff\xfe'x") << u"'\uFFFD\uFFFD''x'"_s;
}

void TestDialect::literal()
{
    QFETCH(QString, in);
    QFETCH(QString, out);
    QCOMPARE(SqlQuote::literal(in), out);
}

void TestDialect::identifierAndBytes()
{
    QCOMPARE(SqlQuote::identifier(u"t"_s), u"`t`"_s);
    QCOMPARE(SqlQuote::identifier(u"a`b"_s), u"`a``b`"_s);
    QCOMPARE(SqlQuote::identifier(QString(u"a"_s + QChar(0) + u"b"_s)), u"`ab`"_s);
    QCOMPARE(SqlQuote::bytesLiteral(QByteArray("\xff\x00'", 3)), u"X'ff0027'"_s);
    QCOMPARE(SqlQuote::bytesLiteral(QByteArray()), u"''"_s);
}

QTEST_GUILESS_MAIN(TestDialect)
#include "tst_dialect.moc"
