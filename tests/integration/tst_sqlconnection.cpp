// SqlConnection, SqlWorker and the TiDB dialect against the sandbox's real MariaDB servers:
// connect + detection, error mapping (auth, refused, TLS), value materialisation, KILL QUERY via
// SqlWorker::cancel, server-side and client-side timeouts, reconnect after a server restart,
// the activity log, and the TiDB dialect on the tidb_catalog fixture (list + kill a session).
#include "SandboxEnv.h"
#include "sql/ActivityLog.h"
#include "sql/Dialect.h"
#include "sql/EngineDetector.h"
#include "sql/SqlConnection.h"
#include "sql/SqlWorker.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TiDesk;
using namespace std::chrono_literals;

namespace {
// QVERIFY2 evaluates its message even when the check passes: never call error() on a value.
template<typename R>
QByteArray why(const R &r)
{
    return r.ok() ? QByteArray() : r.error().toString().toUtf8();
}
} // namespace

class TestSqlConnection : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void connectAndDetect();
    void materialisesValues();
    void wrongPassword();
    void closedPortFailsFast();
    void tlsModes();
    void tlsWrongCa();
    void cancelRunningQuery();
    void cancelQueuedRequest();
    void serverSideTimeout();
    void clientReadTimeout();
    void activityLogRecordsEverything();
    void tidbDialectOnCatalog();
    void reconnectAfterRestart(); // last: restarts mariadb-dev

private:
    ConnectParams params(const QString &env = u"dev"_s) const;
    Test::SandboxEnv m_sandbox;
};

ConnectParams TestSqlConnection::params(const QString &env) const
{
    ConnectParams p;
    p.host = u"127.0.0.1"_s;
    p.port = m_sandbox.mariadbPort(env);
    p.user = m_sandbox.adminUser();
    p.password = m_sandbox.adminPassword();
    p.connectTimeoutMs = 2000;
    p.readTimeoutMs = 30000;
    p.envName = env;
    return p;
}

void TestSqlConnection::initTestCase()
{
    QVERIFY2(m_sandbox.isValid(), qPrintable(m_sandbox.error()));
    QVERIFY(m_sandbox.mariadbPort(u"dev"_s) > 0);
    SqlConnection::initDriver();
}

void TestSqlConnection::connectAndDetect()
{
    SqlConnection c;
    const VoidResult r = c.open(params());
    QVERIFY2(r.ok(), why(r).constData());
    QVERIFY(c.isOpen());
    QVERIFY(c.isAlive());
    QVERIFY(c.connectionId() > 0);
    QVERIFY(c.serverVersion().contains(u"MariaDB"_s));
    auto engine = EngineDetector::detect(c);
    QVERIFY(engine.ok());
    QCOMPARE(engine->engine, Engine::MariaDB);
    QVERIFY(engine->isAtLeast(10, 6));
    auto tidb = c.query(u"SELECT TIDB_VERSION()"_s);
    QVERIFY(!tidb.ok());
    QCOMPARE(tidb.error().code, 1305);
    QCOMPARE(tidb.error().kind, ErrorKind::Server);
    auto syntax = c.query(u"SELEKT 1"_s);
    QCOMPARE(syntax.error().code, 1064);
    QCOMPARE(syntax.error().sqlState, u"42000"_s);
    QVERIFY(c.query(u"SELECT 1"_s).ok()); // still usable after errors
    c.close();
    QVERIFY(!c.isOpen());
    QCOMPARE(c.connectionId(), 0u);
}

void TestSqlConnection::materialisesValues()
{
    SqlConnection c;
    QVERIFY(c.open(params()).ok());
    auto r = c.query(
        u"SELECT 1 AS i, CAST(18446744073709551615 AS UNSIGNED) AS u, -5 AS neg, 1.5e0 AS d, "
        "2.25 AS dec_, 'x' AS s, NULL AS n, x'FF00FE' AS b, _binary x'C328' AS bad_utf8_bin, "
        "CONVERT(x'FFFE' USING utf8mb4) AS bad_utf8_text, '数据库' AS cjk"_s);
    QVERIFY2(r.ok(), why(r).constData());
    QCOMPARE(r->columns.size(), 11);
    QCOMPARE(r->rows.size(), 1);
    QCOMPARE(r->value(0, u"i"_s).typeId(), QMetaType::LongLong);
    QCOMPARE(r->value(0, u"i"_s).toLongLong(), 1);
    QCOMPARE(r->value(0, u"u"_s).typeId(), QMetaType::ULongLong);
    QCOMPARE(r->value(0, u"u"_s).toULongLong(), 18446744073709551615ULL);
    QCOMPARE(r->value(0, u"neg"_s).toLongLong(), -5);
    QCOMPARE(r->value(0, u"d"_s).typeId(), QMetaType::Double);
    QCOMPARE(r->value(0, u"d"_s).toDouble(), 1.5);
    QCOMPARE(r->value(0, u"dec_"_s).toDouble(), 2.25);
    QCOMPARE(r->value(0, u"s"_s).toString(), u"x"_s);
    QVERIFY(!r->value(0, u"n"_s).isValid());
    QCOMPARE(r->value(0, u"b"_s).toByteArray(), QByteArray("\xff\x00\xfe", 3));
    QCOMPARE(r->value(0, u"bad_utf8_bin"_s).toByteArray(), QByteArray("\xc3\x28"));
    (void)r->value(0, u"bad_utf8_text"_s)
        .toString(); // no crash; content is whatever the server made of it
    QCOMPARE(r->value(0, u"cjk"_s).toString(), u"数据库"_s);

    // 1 MB statement and 1 MB value round-trip.
    const QString big(1024 * 1024, u'a');
    auto b = c.query(u"SELECT LENGTH('"_s + big + u"') AS len, '"_s + big + u"' AS v"_s);
    QVERIFY2(b.ok(), why(b).constData());
    QCOMPARE(b->value(0, u"len"_s).toLongLong(), 1024 * 1024);
    QCOMPARE(b->value(0, u"v"_s).toString().size(), 1024 * 1024);

    // Statements without a result set report affected rows; warnings on request.
    auto ddl = c.query(u"CREATE TEMPORARY TABLE shop.t_tidesk (a INT)"_s);
    QVERIFY2(ddl.ok(), why(ddl).constData());
    QVERIFY(!ddl->hasResultSet());
    auto ins = c.query(u"INSERT INTO shop.t_tidesk VALUES (1), (2), (3)"_s);
    QVERIFY2(ins.ok(), why(ins).constData());
    QCOMPARE(ins->affectedRows, 3);
    auto warn = c.query(u"SELECT 1/0 AS x"_s, true);
    QVERIFY2(warn.ok(), why(warn).constData());
    QVERIFY(!warn->value(0, u"x"_s).isValid());
    QCOMPARE(warn->warnings.size(), 1);
    QCOMPARE(warn->warnings.first().code, 1365);
}

void TestSqlConnection::wrongPassword()
{
    ConnectParams p = params();
    p.password = u"wrong-password"_s;
    SqlConnection c;
    const VoidResult r = c.open(p);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, ErrorKind::Auth);
    QCOMPARE(r.error().code, 1045);
    QCOMPARE(r.error().sqlState, u"28000"_s);
    QCOMPARE(r.error().message,
             u"Wrong user name or password for %1@127.0.0.1:%2"_s.arg(m_sandbox.adminUser())
                 .arg(p.port));
    QVERIFY(!r.error().toString().contains(u"wrong-password"_s));
}

void TestSqlConnection::closedPortFailsFast()
{
    ConnectParams p = params();
    p.port = 1;
    SqlConnection c;
    QElapsedTimer t;
    t.start();
    const VoidResult r = c.open(p);
    QVERIFY(t.elapsed() < 1000);
    QCOMPARE(r.error().kind, ErrorKind::Connection);
    QCOMPARE(r.error().code, 2002);
    QCOMPARE(r.error().message, u"Cannot reach 127.0.0.1:1: connection refused"_s);
    QVERIFY(!c.isOpen());
    QCOMPARE(c.query(u"SELECT 1"_s).error().kind, ErrorKind::Connection);
}

void TestSqlConnection::tlsModes()
{
    struct Case
    {
        TlsMode mode;
        bool client;
        bool expectTls;
    };
    const QList<Case> cases { { TlsMode::Disabled, false, false },
                              { TlsMode::Preferred, false, true },
                              { TlsMode::Required, false, true },
                              { TlsMode::VerifyCa, false, true },
                              { TlsMode::VerifyCa, true, true } };
    for (const Case &k : cases) {
        ConnectParams p = params();
        p.tls.mode = k.mode;
        p.tls.caFile = m_sandbox.value(u"TLS_CA"_s);
        if (k.client) {
            p.tls.certFile = m_sandbox.value(u"TLS_CLIENT_CERT"_s);
            p.tls.keyFile = m_sandbox.value(u"TLS_CLIENT_KEY"_s);
        }
        SqlConnection c;
        const VoidResult r = c.open(p);
        QVERIFY2(
            r.ok(),
            qPrintable(Environment::tlsModeName(k.mode) + u": "_s + QString::fromUtf8(why(r))));
        auto cipher = c.query(u"SHOW SESSION STATUS LIKE 'Ssl_cipher'"_s);
        QVERIFY(cipher.ok());
        QCOMPARE(!cipher->value(0, u"Value"_s).toString().isEmpty(), k.expectTls);
    }
}

void TestSqlConnection::tlsWrongCa()
{
    ConnectParams p = params();
    p.tls.mode = TlsMode::VerifyCa;
    p.tls.caFile = m_sandbox.value(u"TLS_OTHER_CA"_s);
    QVERIFY(!p.tls.caFile.isEmpty());
    SqlConnection c;
    const VoidResult r = c.open(p);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, ErrorKind::Tls);
    QVERIFY2(r.error().message.startsWith(u"TLS with 127.0.0.1:"_s), qPrintable(r.error().message));
    QVERIFY(r.error().message.contains(u"certificate"_s));

    p.tls.caFile.clear(); // verification without a CA is a configuration error, not a silent pass
    QCOMPARE(c.open(p).error().kind, ErrorKind::Tls);
}

void TestSqlConnection::cancelRunningQuery()
{
    ActivityLog log;
    SqlWorker worker(params(), {}, &log);
    QSignalSpy connected(&worker, &SqlWorker::connected);
    QSignalSpy failed(&worker, &SqlWorker::requestFailed);
    QSignalSpy cancelDone(&worker, &SqlWorker::cancelFinished);
    const quint64 id = worker.submit(u"SELECT SLEEP(30)"_s);
    QVERIFY(connected.wait(5000));
    QTest::qWait(300); // let the statement reach the server
    QElapsedTimer t;
    t.start();
    QVERIFY(worker.cancel(id));
    QVERIFY(failed.wait(5000));
    const qint64 killMs = t.elapsed();
    qInfo("KILL QUERY round trip (cancel() -> 1317 at the worker): %lld ms", killMs);
    QVERIFY2(killMs < 1000, qPrintable(QString::number(killMs)));
    QCOMPARE(failed.first().at(0).toULongLong(), id);
    const Error e = failed.first().at(1).value<Error>();
    QCOMPARE(e.kind, ErrorKind::Cancelled);
    QCOMPARE(e.code, 1317);
    QVERIFY(cancelDone.count() == 1 || cancelDone.wait(2000));
    QVERIFY(!cancelDone.first().at(1).value<Error>().isError());
    bool sawKill = false;
    for (const ActivityEntry &a : log.entries())
        sawKill |= a.statement == u"KILL HARD QUERY %1"_s.arg(worker.connectionId());
    QVERIFY(sawKill);

    // The session survives a KILL QUERY.
    QSignalSpy ready(&worker, &SqlWorker::resultReady);
    worker.submit(u"SELECT 2 AS two"_s);
    QVERIFY(ready.wait(5000));
    QCOMPARE(ready.first().at(1).value<QueryResult>().value(0, u"two"_s).toInt(), 2);
    QVERIFY(!worker.cancel(123456)); // unknown id
}

void TestSqlConnection::cancelQueuedRequest()
{
    SqlWorker worker(params());
    QSignalSpy failed(&worker, &SqlWorker::requestFailed);
    QSignalSpy ready(&worker, &SqlWorker::resultReady);
    const quint64 first = worker.submit(u"SELECT SLEEP(1)"_s);
    const quint64 second = worker.submit(u"SELECT 2"_s);
    QVERIFY(worker.cancel(second));
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.first().at(0).toULongLong(), second);
    QCOMPARE(failed.first().at(1).value<Error>().kind, ErrorKind::Cancelled);
    QVERIFY(ready.wait(5000));
    QCOMPARE(ready.first().at(0).toULongLong(), first);
}

void TestSqlConnection::serverSideTimeout()
{
    SqlWorkerOptions opts;
    opts.serverStatementTimeout = 1000ms;
    SqlWorker worker(params(), opts);
    QSignalSpy failed(&worker, &SqlWorker::requestFailed);
    QElapsedTimer t;
    t.start();
    worker.submit(u"SELECT SLEEP(5) FROM mysql.user LIMIT 1"_s);
    QVERIFY(failed.wait(8000));
    const Error e = failed.first().at(1).value<Error>();
    QCOMPARE(e.kind, ErrorKind::Timeout);
    QCOMPARE(e.code, 1969);
    QVERIFY(t.elapsed() < 4000);
}

void TestSqlConnection::clientReadTimeout()
{
    ConnectParams p = params();
    p.readTimeoutMs = 1000;
    SqlConnection c;
    QVERIFY(c.open(p).ok());
    QElapsedTimer t;
    t.start();
    auto r = c.query(u"SELECT SLEEP(4)"_s);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, ErrorKind::Timeout);
    // 2013 on plain TCP, 2026 "TLS/SSL error: Connection timed out" on TLS (the default here).
    QVERIFY2(r.error().code == 2013 || r.error().code == 2026, qPrintable(r.error().toString()));
    QVERIFY(t.elapsed() >= 900 && t.elapsed() < 3000);

    // The worker drops such a connection, ends the statement on the server and reconnects.
    SqlWorker worker(p);
    QSignalSpy failed(&worker, &SqlWorker::requestFailed);
    QSignalSpy lost(&worker, &SqlWorker::connectionLost);
    QSignalSpy connected(&worker, &SqlWorker::connected);
    QSignalSpy ready(&worker, &SqlWorker::resultReady);
    worker.submit(u"SELECT SLEEP(4)"_s);
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.first().at(1).value<Error>().kind, ErrorKind::Timeout);
    QTRY_COMPARE(lost.count(), 1);
    const quint64 oldId = connected.first().at(1).toULongLong();
    worker.submit(u"SELECT 1"_s);
    QVERIFY(ready.wait(5000));
    QCOMPARE(connected.count(), 2);
    QVERIFY(connected.last().at(1).toULongLong() != oldId);
}

void TestSqlConnection::activityLogRecordsEverything()
{
    ActivityLog log;
    SqlWorkerOptions opts;
    opts.serverStatementTimeout = 30000ms;
    SqlWorker worker(params(), opts, &log);
    QSignalSpy ready(&worker, &SqlWorker::resultReady);
    worker.submit(u"SELECT 'activity-marker' AS m"_s);
    QVERIFY(ready.wait(5000));
    QStringList statements;
    for (const ActivityEntry &e : log.entries()) {
        statements << e.statement;
        QCOMPARE(e.envName, u"dev"_s);
        QVERIFY(e.endpoint.startsWith(m_sandbox.adminUser() + u"@127.0.0.1:"_s));
        QVERIFY(!e.statement.contains(m_sandbox.adminPassword()));
    }
    const QString all = statements.join(u'\n');
    QVERIFY2(all.contains(u"-- connect "_s), qPrintable(all));
    QVERIFY(all.contains(u"SELECT CONNECTION_ID() AS id, VERSION() AS version"_s));
    QVERIFY(all.contains(u"SET SESSION time_zone = '+00:00'"_s));
    QVERIFY(all.contains(u"SET SESSION max_statement_time = 30"_s));
    QVERIFY(statements.last() == u"SELECT 'activity-marker' AS m"_s);
    QCOMPARE(log.entries().last().rows, 1);
    QVERIFY(log.entries().last().ok);
}

void TestSqlConnection::tidbDialectOnCatalog()
{
    const QString env = m_sandbox.value(u"TIDB_CATALOG_ENV"_s);
    const QString schema = m_sandbox.value(u"TIDB_CATALOG_SCHEMA"_s);
    QVERIFY2(!env.isEmpty() && !schema.isEmpty(),
             "sandbox.env lacks TIDB_CATALOG_ENV / TIDB_CATALOG_SCHEMA");

    SqlConnection victim;
    QVERIFY(victim.open(params(env)).ok());
    const quint64 victimId = victim.connectionId();

    SqlConnection admin;
    QVERIFY(admin.open(params(env)).ok());
    DialectOptions opts;
    opts.catalogSchema = schema;
    auto dialect = makeDialect(EngineInfo::parse(u"8.0.11-TiDB-v7.5.1"_s), opts);
    QCOMPARE(dialect->engine(), Engine::TiDB);

    auto sessions = admin.query(dialect->liveSessionsQuery());
    QVERIFY2(sessions.ok(), why(sessions).constData());
    for (const char *col : { "INSTANCE", "ID", "USER", "HOST", "DB", "COMMAND", "TIME", "STATE",
                             "INFO", "DIGEST", "MEM", "DISK", "TxnStart", "RESOURCE_GROUP" })
        QVERIFY2(sessions->columnIndex(QString::fromLatin1(col)) >= 0, col);
    int victimRow = -1;
    for (int i = 0; i < sessions->rows.size(); ++i) {
        if (sessions->value(i, u"ID"_s).toULongLong() == victimId)
            victimRow = i;
    }
    QVERIFY2(victimRow >= 0, "the session we opened is not listed");
    QVERIFY(sessions->value(victimRow, u"INSTANCE"_s).toString().endsWith(u":10080"_s));

    auto cfgQuery = dialect->killConfigQuery();
    QVERIFY(cfgQuery.ok());
    auto cfgRows = admin.query(*cfgQuery);
    QVERIFY2(cfgRows.ok(), why(cfgRows).constData());
    const KillConfig cfg = Dialect::killConfigFromResult(*cfgRows);
    QCOMPARE(cfg.enableGlobalKill.value_or(false), true);
    QVERIFY(dialect->isGlobalKill(cfg));

    const KillStatement kill = dialect->killStatement(KillKind::Connection, victimId, cfg);
    QCOMPARE(kill.sql, u"KILL CONNECTION %1"_s.arg(victimId));
    QVERIFY(!kill.mustConnectToOwningServer);
    auto killed = admin.query(kill.sql, kill.checkWarnings);
    QVERIFY2(killed.ok(), why(killed).constData());
    QVERIFY(killed->warnings.isEmpty());

    QCOMPARE(victim.query(u"SELECT 1"_s).error().kind, ErrorKind::Connection);
    auto after = admin.query(dialect->liveSessionsQuery());
    QVERIFY(after.ok());
    for (int i = 0; i < after->rows.size(); ++i)
        QVERIFY(after->value(i, u"ID"_s).toULongLong() != victimId);

    auto topo = admin.query(dialect->topologyQuery());
    QVERIFY2(topo.ok(), why(topo).constData());
    QVERIFY(topo->rows.size() >= 3);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto slow = admin.query(dialect->slowQueriesQuery(now.addDays(-1), now, 10));
    QVERIFY2(slow.ok(), why(slow).constData());
    auto summary = admin.query(dialect->statementsSummaryQuery(10).value());
    QVERIFY2(summary.ok(), why(summary).constData());
    QVERIFY(!summary->rows.isEmpty());
}

void TestSqlConnection::reconnectAfterRestart()
{
    SqlWorker worker(params());
    QSignalSpy connected(&worker, &SqlWorker::connected);
    QSignalSpy ready(&worker, &SqlWorker::resultReady);
    QSignalSpy failed(&worker, &SqlWorker::requestFailed);
    worker.submit(u"SELECT 1"_s);
    QVERIFY(ready.wait(5000));
    const quint64 firstId = worker.connectionId();

    QCOMPARE(m_sandbox.runScript({ u"restart-mariadb"_s, u"dev"_s }, 120000), 0);

    worker.submit(u"SELECT 1"_s);
    QVERIFY(failed.wait(10000));
    const Error lostErr = failed.first().at(1).value<Error>();
    QCOMPARE(lostErr.kind, ErrorKind::Connection);
    QVERIFY2(lostErr.code == 2006 || lostErr.code == 2013 || lostErr.code == 2026
                 || lostErr.code == 1927,
             qPrintable(lostErr.toString()));

    QElapsedTimer t;
    t.start();
    worker.submit(u"SELECT 3 AS three"_s);
    QVERIFY(ready.wait(10000));
    qInfo("reconnect + first statement after restart: %lld ms", t.elapsed());
    QCOMPARE(ready.last().at(1).value<QueryResult>().value(0, u"three"_s).toInt(), 3);
    QCOMPARE(connected.count(), 2);
    QVERIFY(worker.connectionId() != 0);
    Q_UNUSED(firstId);
}

QTEST_GUILESS_MAIN(TestSqlConnection)
#include "tst_sqlconnection.moc"
