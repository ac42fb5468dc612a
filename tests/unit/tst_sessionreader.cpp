// SessionReader / SessionRow / AuditLog: processlist results of each engine become the same
// rows; a reused connection id or a new statement is never "the same statement"; the audit log
// appends JSON lines and reads back the newest ones.
#include "sessions/AuditLog.h"
#include "sessions/SessionReader.h"
#include "slowsql/SqlDigest.h"
#include "sql/QueryResult.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace TiDesk;
using namespace Qt::StringLiterals;

class TestSessionReader : public QObject
{
    Q_OBJECT
private slots:
    void tidbRows();
    void mariadbRows();
    void mysqlRowsAndDigestCache();
    void notAProcesslist();
    void badIdsSkipped();
    void sameStatement();
    void systemAndSleeping();
    void auditAppendAndRead();
    void auditUnwritable();
};

static const QDateTime kNow = QDateTime(QDate(2026, 11, 30), QTime(8, 0, 0), Qt::UTC);

void TestSessionReader::tidbRows()
{
    QueryResult r;
    r.columns
        = QStringList { u"INSTANCE"_s, u"ID"_s,   u"USER"_s,     u"HOST"_s,          u"DB"_s,
                        u"COMMAND"_s,  u"TIME"_s, u"STATE"_s,    u"INFO"_s,          u"DIGEST"_s,
                        u"MEM"_s,      u"DISK"_s, u"TxnStart"_s, u"RESOURCE_GROUP"_s };
    r.rows << QVariantList { u"10.0.1.4:10080"_s,
                             quint64(2199023255555),
                             u"app"_s,
                             u"10.0.0.9:51234"_s,
                             u"shop"_s,
                             u"Query"_s,
                             qint64(42),
                             u"autocommit"_s,
                             u"SELECT * FROM orders WHERE id > 5"_s,
                             u"abcdef"_s,
                             qint64(1048576),
                             qint64(0),
                             u"11-30 07:59:18.000(449866373535727617)"_s,
                             u"default"_s };
    r.rows << QVariantList { u"10.0.1.5:10080"_s, quint64(7), u"root"_s, u"127.0.0.1"_s, QVariant(),
                             u"Sleep"_s,          qint64(3),  u""_s,     QVariant(),     QVariant(),
                             qint64(0),           qint64(0),  u""_s,     u"default"_s };
    const auto rows = SessionReader::fromResult(r, Engine::TiDB, kNow);
    QVERIFY2(rows.ok(), qPrintable(rows.error().toString()));
    QCOMPARE(rows->size(), 2);
    const SessionRow &a = rows->at(0);
    QCOMPARE(a.instance, u"10.0.1.4:10080"_s);
    QCOMPARE(a.id, quint64(2199023255555));
    QCOMPARE(a.timeMs, qint64(42000));
    QCOMPARE(a.digest, u"abcdef"_s);
    QVERIFY(a.serverDigest);
    QCOMPARE(a.memBytes.value_or(-1), qint64(1048576));
    QCOMPARE(a.key(), u"10.0.1.4:10080#2199023255555"_s);
    QCOMPARE(a.commandStartUtc(), kNow.addSecs(-42));
    QCOMPARE(a.resourceGroup, u"default"_s);
    const SessionRow &b = rows->at(1);
    QVERIFY(b.info.isNull());
    QVERIFY(b.digest.isEmpty());
    QVERIFY(b.isSleeping());
    QVERIFY(!a.isSleeping());
}

void TestSessionReader::mariadbRows()
{
    QueryResult r;
    r.columns = QStringList { u"ID"_s,      u"USER"_s,        u"HOST"_s,          u"DB"_s,
                              u"COMMAND"_s, u"TIME"_s,        u"TIME_MS"_s,       u"STATE"_s,
                              u"INFO"_s,    u"MEMORY_USED"_s, u"EXAMINED_ROWS"_s, u"QUERY_ID"_s };
    r.rows << QVariantList { qint64(12),    u"app"_s,        u"localhost:40000"_s,
                             u"shop"_s,     u"Query"_s,      qint64(5),
                             5123.456,      u"User sleep"_s, u"SELECT SLEEP(30)"_s,
                             qint64(90000), qint64(0),       qint64(881) };
    const auto rows = SessionReader::fromResult(r, Engine::MariaDB, kNow);
    QVERIFY(rows.ok());
    QCOMPARE(rows->size(), 1);
    const SessionRow &s = rows->first();
    QVERIFY(s.instance.isEmpty());
    QCOMPARE(s.timeMs, qint64(5123)); // TIME_MS wins over TIME
    QCOMPARE(s.memBytes.value_or(-1), qint64(90000));
    QCOMPARE(s.queryId.value_or(0), quint64(881));
    QVERIFY(!s.serverDigest);
    QCOMPARE(s.digest, SqlDigest::digest(u"SELECT SLEEP(30)"));
    QCOMPARE(s.key(), u"#12"_s);
}

void TestSessionReader::mysqlRowsAndDigestCache()
{
    QueryResult r;
    r.columns = QStringList { u"id"_s,      u"user"_s, u"host"_s,  u"db"_s,
                              u"command"_s, u"time"_s, u"state"_s, u"info"_s }; // lower case
    r.rows << QVariantList { qint64(3),  u"app"_s,  u"h"_s,         u"d"_s,
                             u"Query"_s, qint64(9), u"executing"_s, u"select 1"_s };
    r.rows << QVariantList { qint64(4),  u"app"_s,  u"h"_s,         u"d"_s,
                             u"Query"_s, qint64(1), u"executing"_s, u"select 1"_s };
    SessionReader::DigestCache cache;
    const auto rows = SessionReader::fromResult(r, Engine::MySQL, kNow, &cache);
    QVERIFY(rows.ok());
    QCOMPARE(rows->size(), 2);
    QCOMPARE(rows->at(0).timeMs, qint64(9000));
    QCOMPARE(rows->at(0).digest, rows->at(1).digest);
    QCOMPARE(cache.digests.size(), 1);
    QVERIFY(!rows->at(0).memBytes.has_value());

    cache.maxEntries = 1;
    r.rows[1][7] = u"select b from t"_s; // another shape (select 2 would be select ?)
    const auto again = SessionReader::fromResult(r, Engine::MySQL, kNow, &cache);
    QVERIFY(again.ok());
    QCOMPARE(cache.digests.size(), 1); // bounded: cleared, then refilled
    QVERIFY(again->at(0).digest != again->at(1).digest);
}

void TestSessionReader::notAProcesslist()
{
    QueryResult r;
    r.columns = QStringList { u"Variable_name"_s, u"Value"_s };
    const auto rows = SessionReader::fromResult(r, Engine::MariaDB, kNow);
    QVERIFY(!rows.ok());
    QCOMPARE(rows.error().kind, ErrorKind::InvalidInput);
}

void TestSessionReader::badIdsSkipped()
{
    QueryResult r;
    r.columns = QStringList { u"ID"_s, u"USER"_s };
    r.rows << QVariantList { QVariant(), u"ghost"_s } << QVariantList { u"x1"_s, u"bad"_s }
           << QVariantList { qint64(5), u"ok"_s };
    const auto rows = SessionReader::fromResult(r, Engine::MySQL, kNow);
    QVERIFY(rows.ok());
    QCOMPARE(rows->size(), 1);
    QCOMPARE(rows->first().user, u"ok"_s);
}

void TestSessionReader::sameStatement()
{
    SessionRow seen;
    seen.id = 10;
    seen.info = u"SELECT SLEEP(30)"_s;
    seen.timeMs = 5000;
    seen.observedAt = kNow;

    SessionRow later = seen;
    later.timeMs = 7000;
    later.observedAt = kNow.addSecs(2);
    QVERIFY(seen.isSameStatementAs(later)); // same start

    SessionRow reused = later;
    reused.timeMs = 1000; // the id now runs the same text again, started later
    QVERIFY(!seen.isSameStatementAs(reused));

    SessionRow other = later;
    other.info = u"SELECT 1"_s;
    QVERIFY(!seen.isSameStatementAs(other));

    SessionRow otherInstance = later;
    otherInstance.instance = u"10.0.1.5:10080"_s;
    QVERIFY(!seen.isSameStatementAs(otherInstance));

    // MariaDB: QUERY_ID decides, whatever the clock says.
    seen.queryId = 100;
    later.queryId = 100;
    QVERIFY(seen.isSameStatementAs(later));
    later.queryId = 101;
    QVERIFY(!seen.isSameStatementAs(later));
}

void TestSessionReader::systemAndSleeping()
{
    SessionRow s;
    s.user = u"system user"_s;
    QVERIFY(s.isSystem());
    s.user = u"repl"_s;
    s.command = u"Binlog Dump GTID"_s;
    QVERIFY(s.isSystem());
    s.command = u"Slave_SQL"_s;
    QVERIFY(s.isSystem());
    s.user = u"event_scheduler"_s;
    s.command = u"Daemon"_s;
    QVERIFY(s.isSystem());
    s.user = u"app"_s;
    s.command = u"Query"_s;
    QVERIFY(!s.isSystem());
    s.command = u"Sleep"_s;
    QVERIFY(s.isSleeping());
    s.info = u"SELECT 1"_s;
    QVERIFY(!s.isSleeping());
}

void TestSessionReader::auditAppendAndRead()
{
    QTemporaryDir dir;
    AuditLog log(dir.filePath(u"sub/audit.jsonl"_s));
    for (int i = 0; i < 5; ++i) {
        AuditEntry e;
        e.envName = u"prod"_s;
        e.action = u"kill-query"_s;
        e.target = u"#"_s + QString::number(i);
        e.statement = u"KILL QUERY "_s + QString::number(i);
        e.mode = u"manual"_s;
        e.ok = i % 2 == 0;
        e.result = u"killed"_s;
        QVERIFY(log.append(e).ok());
    }
    // A damaged line is skipped, not fatal.
    {
        QFile f(log.path());
        QVERIFY(f.open(QIODevice::Append));
        f.write("not json\n");
    }
    AuditEntry last;
    last.envName = u"dev"_s;
    last.rule = u"long-selects"_s;
    last.mode = u"dry-run"_s;
    QVERIFY(log.append(last).ok());

    int skipped = -1;
    const auto entries = log.readLast(3, &skipped);
    QVERIFY(entries.ok());
    QCOMPARE(skipped, 1);
    QCOMPARE(entries->size(), 3);
    QCOMPARE(entries->at(0).target, u"#3"_s);
    QCOMPARE(entries->at(1).statement, u"KILL QUERY 4"_s);
    QVERIFY(entries->at(1).ok);
    QCOMPARE(entries->at(2).rule, u"long-selects"_s);
    QCOMPARE(entries->at(2).mode, u"dry-run"_s);
    QVERIFY(entries->at(2).at.isValid());
    QVERIFY(!entries->at(2).actor.isEmpty());

    const auto all = log.readLast(0);
    QVERIFY(all.ok());
    QCOMPARE(all->size(), 6);

    AuditLog missing(dir.filePath(u"none.jsonl"_s));
    const auto none = missing.readLast(10);
    QVERIFY(none.ok());
    QVERIFY(none->isEmpty());
}

void TestSessionReader::auditUnwritable()
{
    QTemporaryDir dir;
    QFile blocker(dir.filePath(u"file"_s));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    AuditLog log(dir.filePath(u"file/audit.jsonl"_s)); // a file where a directory should be
    const auto r = log.append(AuditEntry {});
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, ErrorKind::Io);
}

QTEST_GUILESS_MAIN(TestSessionReader)
#include "tst_sessionreader.moc"
