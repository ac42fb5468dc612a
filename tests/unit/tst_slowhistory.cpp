// Slow-query history by digest: DigestAggregator (console vs server digests, sample, plan, sets,
// sort, top, merge), SlowQueryRows on result sets shaped like the servers' (MariaDB/MySQL
// mysql.slow_log, TiDB CLUSTER_SLOW_QUERY, statements summary grouped and per window), the
// time bound of every slow-history statement, CSV export (RFC 4180 round trip), SlowLogDigest on
// files (stats, tail, missing, directory, not a slow log, invalid UTF-8) and RemoteSlowLog's
// remote command and error mapping.
#include "slowsql/DigestAggregator.h"
#include "slowsql/DigestCsv.h"
#include "slowsql/RemoteSlowLog.h"
#include "slowsql/ShapeKey.h"
#include "slowsql/SlowHistoryReader.h"
#include "slowsql/SlowLogDigest.h"
#include "slowsql/SlowQueryRows.h"
#include "slowsql/SqlDigest.h"
#include "sql/Dialect.h"
#include "sql/QueryResult.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace TiDesk;
using namespace Qt::StringLiterals;

namespace {

QString dataPath(const char *name)
{
    return QStringLiteral(TIDESK_TEST_DATA_DIR "/slowlog/") + QLatin1String(name);
}

SlowLogEntry entry(const QString &sql, double sec, const QString &user = u"app"_s,
                   const QString &db = u"shop"_s, const QDateTime &time = {})
{
    SlowLogEntry e;
    e.format = SlowLogFormat::MySQL;
    e.sql = sql;
    e.queryTimeSec = sec;
    e.user = user;
    e.db = db;
    e.rowsExamined = 100;
    e.rowsSent = 1;
    e.time = time.isValid() ? time : QDateTime(QDate(2024, 5, 14), QTime(1, 0), Qt::UTC);
    return e;
}

std::shared_ptr<const Dialect> dialectFor(const char *version, const QString &schema = {})
{
    DialectOptions o;
    o.catalogSchema = schema;
    return makeDialect(EngineInfo::parse(QString::fromLatin1(version)), o);
}

QDateTime utc(int h, int m, int s = 0)
{
    return QDateTime(QDate(2026, 11, 30), QTime(h, m, s), Qt::UTC);
}

} // namespace

class TestSlowHistory : public QObject
{
    Q_OBJECT

private slots:
    void shapeKeyImpliesSameNormalization();
    void consoleDigestGroupsLiteralVariants();
    void serverDigestPreferred();
    void consoleEntryJoinsServerClass();
    void namesBoundedTopAndOrder();
    void memoryBoundedByClasses();
    void addClassMerges();
    void mariadbSlowLogRows();
    void mysqlSlowLogRowsWithBlobText();
    void tidbClusterSlowQueryRows();
    void summaryRowsGroupedOnServer();
    void summaryRowsPerWindow();
    void everySlowHistoryStatementIsTimeBounded();
    void csvRoundTrip();
    void digestFileStatsAndClasses();
    void digestFileTail();
    void digestFileErrors();
    void digestFileInvalidUtf8();
    void remoteCommandAndErrors();
};

void TestSlowHistory::shapeKeyImpliesSameNormalization()
{
    using SlowSql::shapeKey;
    // Literal variants share a key (and therefore skip normalize in the aggregator).
    QCOMPARE(shapeKey(u"SELECT * FROM t WHERE a = 1 AND b = 'x'"),
             shapeKey(u"SELECT * FROM t WHERE a = 12345 AND b = 'it''s \\' y'"));
    QCOMPARE(shapeKey(u"SELECT /* req 1 */ a FROM t WHERE c = -1.5"),
             shapeKey(u"SELECT /* req 22 */ a FROM t WHERE c = -22.75"));
    // What the normalizer keeps stays apart: ORDER/GROUP BY positions, user variables,
    // identifiers with digits, numbers glued to words, back-quoted names.
    QVERIFY(shapeKey(u"SELECT a FROM t ORDER BY 1") != shapeKey(u"SELECT a FROM t ORDER BY 2"));
    QVERIFY(shapeKey(u"SELECT a FROM t GROUP BY (1, 2)")
            != shapeKey(u"SELECT a FROM t GROUP BY (1, 3)"));
    QVERIFY(shapeKey(u"SELECT a FROM t ORDER `by` 1") != shapeKey(u"SELECT a FROM t ORDER `by` 2"));
    QVERIFY(shapeKey(u"SELECT @1") != shapeKey(u"SELECT @2"));
    QVERIFY(shapeKey(u"SELECT @'a'") != shapeKey(u"SELECT @'b'"));
    QVERIFY(shapeKey(u"SELECT t.5 FROM t") != shapeKey(u"SELECT t.6 FROM t"));
    QVERIFY(shapeKey(u"SELECT 1abc FROM t") != shapeKey(u"SELECT 2abc FROM t"));
    QVERIFY(shapeKey(u"SELECT * FROM t1") != shapeKey(u"SELECT * FROM t2"));
    QVERIFY(shapeKey(u"SELECT `a1` FROM t") != shapeKey(u"SELECT `a2` FROM t"));
    QVERIFY(shapeKey(u"SELECT 0x1F") != shapeKey(u"SELECT 0x20"));
    QVERIFY(shapeKey(u"SELECT 1 -- it's\nFROM t WHERE a = 'x'")
            != shapeKey(u"SELECT 1 -- it's\nFROM u WHERE a = 'x'"));
    QVERIFY(shapeKey(u"SELECT /*!50000 1 */ a").isEmpty()); // executable comment: uncacheable
    QVERIFY(shapeKey(u"SELECT /*T![x] 1 */ a").isEmpty());

    // The contract, over a corpus of tricky statements with varied literals: equal keys imply
    // equal normalization.
    const QStringList templates {
        u"SELECT * FROM t WHERE id IN (%1, %2)"_s,
        u"SELECT * FROM t WHERE id IN (%1) LIMIT %2"_s,
        u"select a, count(*) from t where b > %1 group by a order by 2 limit %2"_s,
        u"SELECT a FROM t ORDER BY %1, %2"_s,
        u"SELECT a FROM t GROUP BY (%1, %2)"_s,
        u"INSERT INTO t VALUES (%1, 'v%2'), (%2, 'w')"_s,
        u"INSERT INTO t VALUES (%1) /* %2 */"_s,
        u"SELECT -%1 + %2 - c FROM t"_s,
        u"SELECT %1.%2 FROM t"_s,
        u"SELECT t.%1 FROM t WHERE a = %2"_s,
        u"SELECT .%1, %2. FROM t"_s,
        u"SELECT %1e%2 FROM t"_s,
        u"SELECT x'%1%2' FROM t"_s,
        u"SELECT _utf8mb4'%1' FROM t%2"_s,
        u"SELECT @v%1, @@session.x FROM t LIMIT %1, %2"_s,
        u"SELECT * FROM t /* c %1 */ WHERE a = \"%2\""_s,
        u"SELECT 'a\\'%1' FROM t # note %2"_s,
        u"SELECT %1 FROM t -- c %2"_s,
        u"SELECT * FROM `t%1` WHERE `c` = %2"_s,
        u"SELECT count(*) FROM t WHERE a BETWEEN %1 AND %2"_s,
        u"UPDATE t SET a = a - %1 WHERE id = %2"_s,
    };
    const QStringList values { u"1"_s,   u"2"_s, u"12"_s, u"0"_s, u"99999999999999999999"_s,
                               u"1.5"_s, u"7"_s };
    QHash<QString, QString> seen; // key -> normalized
    int checked = 0;
    for (const QString &t : templates) {
        for (const QString &a : values) {
            for (const QString &b : values) {
                const QString sql = t.arg(a, b);
                const QString key = shapeKey(sql);
                if (key.isEmpty())
                    continue;
                const QString norm = SqlDigest::normalize(sql);
                const auto it = seen.constFind(key);
                if (it != seen.cend())
                    QVERIFY2(it.value() == norm,
                             qPrintable(sql + u" -> "_s + norm + u" vs "_s + it.value()));
                else
                    seen.insert(key, norm);
                ++checked;
            }
        }
    }
    QVERIFY(checked > 900);
    QVERIFY(seen.size() < checked / 2); // and it does merge literal variants
}

void TestSlowHistory::consoleDigestGroupsLiteralVariants()
{
    DigestAggregator agg;
    agg.add(entry(u"SELECT * FROM orders WHERE id = 1;"_s, 1.0, u"app"_s, u"shop"_s,
                  QDateTime(QDate(2024, 5, 14), QTime(1, 0), Qt::UTC)));
    agg.add(entry(u"select *\n  from orders where id=2;"_s, 3.0, u"report"_s, u"shop"_s,
                  QDateTime(QDate(2024, 5, 14), QTime(2, 0), Qt::UTC)));
    agg.add(entry(u"DELETE FROM sessions WHERE expires < NOW();"_s, 0.5));
    QCOMPARE(agg.entries(), 3);
    QCOMPARE(agg.classCount(), 2);
    const QList<DigestClass> c = agg.classes();
    const DigestClass &top = c.at(0);
    QCOMPARE(top.count, 2);
    QCOMPARE(top.totalSec, 4.0);
    QCOMPARE(top.maxSec, 3.0);
    QCOMPARE(top.avgSec(), 2.0);
    QCOMPARE(top.normalized, u"select * from `orders` where `id` = ?"_s);
    QCOMPARE(top.digest, SqlDigest::digest(u"SELECT * FROM orders WHERE id = 1"));
    QCOMPARE(top.digestSource, DigestClass::DigestSource::Console);
    QCOMPARE(top.sample, u"select *\n  from orders where id=2;"_s); // the slowest
    QCOMPARE(top.sampleSec, 3.0);
    QCOMPARE(top.rowsExamined, 200);
    QCOMPARE(top.rowsSent, 2);
    QCOMPARE(top.maxMemBytes, -1); // MySQL has no memory figure
    QCOMPARE(top.users, (QStringList { u"app"_s, u"report"_s }));
    QCOMPARE(top.dbs, QStringList { u"shop"_s });
    QCOMPARE(top.firstSeen.time(), QTime(1, 0));
    QCOMPARE(top.lastSeen.time(), QTime(2, 0));
    QCOMPARE(c.at(1).count, 1);
    QCOMPARE(c.at(1).normalized, u"delete from `sessions` where `expires` < now ( )"_s);
}

void TestSlowHistory::serverDigestPreferred()
{
    const QString d = u"8115d57f1b51ca014b1caa21eaf34257709f625362d145288a50708dfa95d993"_s;
    SlowLogEntry a = entry(u"SELECT * FROM orders WHERE customer_id = 7 LIMIT 10;"_s, 1.5);
    a.format = SlowLogFormat::TiDB;
    a.digest = d.toUpper(); // case does not matter
    a.rowsExamined.reset();
    a.processKeys = 100000;
    a.memMaxBytes = 70724;
    a.plan = u"tidb_decode_plan('fast')"_s;
    a.planDigest = u"p1"_s;
    SlowLogEntry b = a;
    b.sql = u"SELECT 1;"_s; // a different text under the same server digest still groups there
    b.queryTimeSec = 7.25;
    b.processKeys = 5;
    b.memMaxBytes = 1048576;
    b.plan = u"tidb_decode_plan('slow')"_s;
    b.planDigest = u"p2"_s;
    DigestAggregator agg;
    agg.add(a);
    agg.add(b);
    QCOMPARE(agg.classCount(), 1);
    const DigestClass c = agg.classes().first();
    QCOMPARE(c.digest, d);
    QCOMPARE(c.digestSource, DigestClass::DigestSource::Server);
    QCOMPARE(c.count, 2);
    QCOMPARE(c.rowsExamined, 100005); // processed keys
    QCOMPARE(c.maxMemBytes, 1048576);
    QCOMPARE(c.sample, u"SELECT 1;"_s);
    QCOMPARE(c.plan, u"tidb_decode_plan('slow')"_s); // the slowest run's plan
    QCOMPARE(c.planDigest, u"p2"_s);
    // The normalized text comes from the first statement seen (TiDB's DIGEST_TEXT is not in
    // the slow log).
    QCOMPARE(c.normalized, SqlDigest::normalize(a.sql));

    // Not a digest ("-", wrong length): grouped by the console digest instead.
    DigestAggregator other;
    SlowLogEntry junk = a;
    junk.digest = u"-"_s;
    other.add(junk);
    QCOMPARE(other.classes().first().digestSource, DigestClass::DigestSource::Console);
    QCOMPARE(other.classes().first().digest, SqlDigest::digest(a.sql));
    // Switched off: the console digest even when the entry has one.
    DigestAggregator console;
    console.setPreferServerDigest(false);
    console.add(a);
    QCOMPARE(console.classes().first().digest, SqlDigest::digest(a.sql));
}

void TestSlowHistory::consoleEntryJoinsServerClass()
{
    const QString sql = u"SELECT * FROM t WHERE a = 1;"_s;
    SlowLogEntry withDigest = entry(sql, 1.0);
    withDigest.digest = SqlDigest::digest(sql); // a v5+ TiDB digests the same normalization
    DigestAggregator agg;
    agg.add(withDigest);
    agg.add(entry(u"select * from t where a = 99;"_s, 2.0)); // an older entry without Digest
    QCOMPARE(agg.classCount(), 1);
    QCOMPARE(agg.classes().first().count, 2);
    QCOMPARE(agg.classes().first().digestSource, DigestClass::DigestSource::Server);
}

void TestSlowHistory::namesBoundedTopAndOrder()
{
    DigestAggregator agg;
    for (int i = 0; i < 20; ++i)
        agg.add(entry(u"SELECT a FROM t WHERE b = %1;"_s.arg(i), 0.1, u"user%1"_s.arg(i),
                      u"db%1"_s.arg(i % 3)));
    agg.add(entry(u"SELECT x FROM y;"_s, 5.0));
    agg.add(entry(u"SELECT z FROM y;"_s, 0.01));
    const DigestClass many = agg.classes().at(1);
    QCOMPARE(many.count, 20);
    QCOMPARE(many.users.size(), DigestClass::kMaxNames);
    QVERIFY(many.usersOverflow);
    QCOMPARE(many.dbs.size(), 3);
    QVERIFY(!many.dbsOverflow);
    // By total time: 5.0, then 20 x 0.1, then 0.01.
    const QList<DigestClass> all = agg.classes();
    QCOMPARE(all.size(), 3);
    QCOMPARE(all.at(0).normalized, u"select `x` from `y`"_s);
    QCOMPARE(all.at(2).normalized, u"select `z` from `y`"_s);
    const QList<DigestClass> top = agg.top(2);
    QCOMPARE(top.size(), 2);
    QCOMPARE(top.at(0).digest, all.at(0).digest);
    QCOMPARE(top.at(1).digest, all.at(1).digest);
    QCOMPARE(agg.top(0).size(), 3);
    QCOMPARE(agg.top(10).size(), 3);
    agg.clear();
    QCOMPARE(agg.classCount(), 0);
    QCOMPARE(agg.entries(), 0);
}

void TestSlowHistory::memoryBoundedByClasses()
{
    // 100k entries of 4 shapes: 4 classes, nothing kept per entry (classes hold one sample).
    DigestAggregator agg;
    for (int i = 0; i < 100000; ++i)
        agg.add(entry(u"SELECT * FROM t%1 WHERE id = %2;"_s.arg(i % 4).arg(i), 0.001 * (i % 7)));
    QCOMPARE(agg.entries(), 100000);
    QCOMPARE(agg.classCount(), 4);
    qint64 total = 0;
    for (const DigestClass &c : agg.classes()) {
        total += c.count;
        QVERIFY(c.sample.startsWith(u"SELECT * FROM t"_s));
        QCOMPARE(c.sampleSec, 0.006);
    }
    QCOMPARE(total, 100000);
}

void TestSlowHistory::addClassMerges()
{
    DigestClass a;
    a.digest = u"AB"_s.repeated(32);
    a.normalized = u"select ?"_s;
    a.count = 3;
    a.totalSec = 3;
    a.maxSec = 2;
    a.rowsExamined = 10;
    a.maxMemBytes = 100;
    a.firstSeen = utc(8, 0);
    a.lastSeen = utc(8, 30);
    a.sample = u"select 1"_s;
    a.dbs = { u"shop"_s };
    DigestClass b = a;
    b.digest = a.digest.toLower();
    b.count = 2;
    b.totalSec = 10;
    b.maxSec = 9;
    b.rowsExamined = -1;
    b.maxMemBytes = 500;
    b.firstSeen = utc(7, 0);
    b.lastSeen = utc(8, 10);
    b.sample = u"select 2"_s;
    b.sampleSec = 9;
    b.dbs = { u"billing"_s };
    DigestAggregator agg;
    agg.addClass(a);
    agg.addClass(b);
    QCOMPARE(agg.classCount(), 1);
    const DigestClass c = agg.classes().first();
    QCOMPARE(c.digest, a.digest.toLower());
    QCOMPARE(c.count, 5);
    QCOMPARE(c.totalSec, 13.0);
    QCOMPARE(c.maxSec, 9.0);
    QCOMPARE(c.rowsExamined, 10);
    QCOMPARE(c.maxMemBytes, 500);
    QCOMPARE(c.firstSeen, utc(7, 0));
    QCOMPARE(c.lastSeen, utc(8, 30));
    QCOMPARE(c.sample, u"select 2"_s);
    QCOMPARE(c.dbs, (QStringList { u"shop"_s, u"billing"_s }));
}

void TestSlowHistory::mariadbSlowLogRows()
{
    // The columns and value shapes MariadbDialect::slowQueriesQuery returns over the connector
    // (TIME(6) and TIMESTAMP(6) as text, counters as integers).
    QueryResult r;
    r.columns = { u"start_time"_s,    u"user_host"_s,     u"query_time"_s, u"lock_time"_s,
                  u"rows_sent"_s,     u"rows_examined"_s, u"db"_s,         u"thread_id"_s,
                  u"rows_affected"_s, u"sql_text"_s };
    r.rows << QVariantList { u"2026-11-30 08:00:01.123456"_s,
                             u"app[app] @ localhost [127.0.0.1]"_s,
                             u"00:00:01.500000"_s,
                             u"00:00:00.000120"_s,
                             qint64(1),
                             qint64(20000),
                             u"shop"_s,
                             quint64(42),
                             qint64(0),
                             u"SELECT c.id, SLEEP(1.5) FROM customers c WHERE c.id = 17"_s };
    r.rows << QVariantList { u"2026-11-30 08:03:00.000000"_s,
                             u"tidesk_admin[tidesk_admin] @  [10.0.0.5]"_s,
                             u"00:01:02.250000"_s,
                             u"00:00:00.000000"_s,
                             qint64(0),
                             qint64(1),
                             QVariant(),
                             quint64(43),
                             qint64(1),
                             u"select c.id, sleep(2) from customers c where c.id=99"_s };
    const QList<SlowLogEntry> e = SlowQueryRows::entries(r);
    QCOMPARE(e.size(), 2);
    QCOMPARE(e.at(0).format, SlowLogFormat::MariaDB);
    QCOMPARE(e.at(0).time, QDateTime(QDate(2026, 11, 30), QTime(8, 0, 1, 123), Qt::UTC));
    QCOMPARE(e.at(0).user, u"app"_s);
    QCOMPARE(e.at(0).host, u"localhost"_s);
    QCOMPARE(*e.at(0).queryTimeSec, 1.5);
    QCOMPARE(*e.at(0).lockTimeSec, 0.00012);
    QCOMPARE(*e.at(0).rowsExamined, 20000);
    QCOMPARE(*e.at(0).rowsSent, 1);
    QCOMPARE(*e.at(0).connectionId, 42u);
    QCOMPARE(e.at(0).db, u"shop"_s);
    QCOMPARE(e.at(1).host, u"10.0.0.5"_s); // empty host part: the IP
    QCOMPARE(*e.at(1).queryTimeSec, 62.25);
    QVERIFY(e.at(1).db.isEmpty());
    QCOMPARE(*e.at(1).rowsAffected, 1);

    DigestAggregator agg;
    for (const SlowLogEntry &x : e)
        agg.add(x);
    QCOMPARE(agg.classCount(), 1); // the same shape (literals and case differ)
    const DigestClass c = agg.classes().first();
    QCOMPARE(c.count, 2);
    QCOMPARE(c.totalSec, 63.75);
    QCOMPARE(c.sample, e.at(1).sql);
    QCOMPARE(c.users, (QStringList { u"app"_s, u"tidesk_admin"_s }));
    QCOMPARE(c.firstSeen, e.at(0).time);
    QCOMPARE(c.lastSeen, e.at(1).time);
}

void TestSlowHistory::mysqlSlowLogRowsWithBlobText()
{
    QueryResult r; // MySQL: no rows_affected, sql_text is a MEDIUMBLOB
    r.columns
        = { u"start_time"_s,    u"user_host"_s, u"query_time"_s, u"lock_time"_s, u"rows_sent"_s,
            u"rows_examined"_s, u"db"_s,        u"thread_id"_s,  u"sql_text"_s };
    r.rows << QVariantList { u"2026-11-30 08:00:01"_s,
                             u"app[app] @ web01 [10.0.3.17]"_s,
                             u"838:59:59.000000"_s,
                             u"00:00:00"_s,
                             qint64(5),
                             qint64(7),
                             u"shop"_s,
                             qint64(9),
                             QByteArray("SELECT 'caf\xc3\xa9', '\xff\xfe' FROM dual") };
    const QList<SlowLogEntry> e = SlowQueryRows::entries(r);
    QCOMPARE(e.size(), 1);
    QCOMPARE(e.at(0).format, SlowLogFormat::MySQL);
    QCOMPARE(*e.at(0).queryTimeSec, 838 * 3600.0 + 59 * 60 + 59);
    QVERIFY(e.at(0).sql.contains(u"café"_s));
    QVERIFY(e.at(0).sql.contains(QChar(0xFFFD))); // invalid UTF-8 replaced, not dropped
    QVERIFY(!e.at(0).rowsAffected);
    QCOMPARE(e.at(0).time, QDateTime(QDate(2026, 11, 30), QTime(8, 0, 1), Qt::UTC));
    // Unknown columns: nothing (no crash, no guessed SQL).
    QueryResult wrong;
    wrong.columns = { u"a"_s };
    wrong.rows << QVariantList { 1 };
    QVERIFY(SlowQueryRows::entries(wrong).isEmpty());
    QVERIFY(SlowQueryRows::summaryClasses(wrong).isEmpty());
}

void TestSlowHistory::tidbClusterSlowQueryRows()
{
    // The columns TidbDialect::slowQueriesQuery selects, values as TiDB returns them.
    QueryResult r;
    r.columns = { u"INSTANCE"_s,     u"Time"_s,         u"Txn_start_ts"_s, u"User"_s,
                  u"Host"_s,         u"Conn_ID"_s,      u"DB"_s,           u"Query_time"_s,
                  u"Parse_time"_s,   u"Compile_time"_s, u"Process_time"_s, u"Wait_time"_s,
                  u"Backoff_time"_s, u"Total_keys"_s,   u"Process_keys"_s, u"Mem_max"_s,
                  u"Disk_max"_s,     u"Result_rows"_s,  u"Index_names"_s,  u"Is_internal"_s,
                  u"Succ"_s,         u"Digest"_s,       u"Plan_digest"_s,  u"Plan"_s,
                  u"Query"_s };
    const QString digest = u"8115d57f1b51ca014b1caa21eaf34257709f625362d145288a50708dfa95d993"_s;
    const auto row
        = [&](const QString &time, double sec, qint64 keys, qint64 mem, const QString &sql) {
              return QVariantList { u"10.0.1.4:10080"_s,
                                    time,
                                    quint64(449713201883217921ULL),
                                    u"app"_s,
                                    u"10.0.3.17"_s,
                                    quint64(1268776964),
                                    u"shop"_s,
                                    sec,
                                    0.000054933,
                                    0.000129729,
                                    0.161,
                                    0.101,
                                    0.092,
                                    quint64(keys + 1),
                                    quint64(keys),
                                    qint64(mem),
                                    qint64(0),
                                    qint64(10),
                                    u"[orders:idx_customer]"_s,
                                    qint64(0),
                                    qint64(1),
                                    digest,
                                    u"60e9378c"_s,
                                    u"\tid\ttask\testRows\n\tTableReader_7\troot\t10"_s,
                                    sql };
          };
    r.rows << row(
        u"2024-05-14 01:21:33.487776"_s, 1.527627037, 100000, 70724,
        u"SELECT * FROM orders WHERE customer_id = 7 ORDER BY created_at DESC LIMIT 10;"_s);
    r.rows << row(
        u"2024-05-14 01:22:00.000000"_s, 0.5, 300, 1000,
        u"SELECT * FROM orders WHERE customer_id = 8 ORDER BY created_at DESC LIMIT 10;"_s);
    const QList<SlowLogEntry> e = SlowQueryRows::entries(r);
    QCOMPARE(e.size(), 2);
    QCOMPARE(e.at(0).format, SlowLogFormat::TiDB);
    QCOMPARE(e.at(0).digest, digest);
    QCOMPARE(*e.at(0).processKeys, 100000);
    QCOMPARE(*e.at(0).memMaxBytes, 70724);
    QCOMPARE(*e.at(0).txnStartTs, 449713201883217921ULL);
    QCOMPARE(*e.at(0).succ, true);
    QCOMPARE(*e.at(0).isInternal, false);
    QCOMPARE(e.at(0).host, u"10.0.3.17"_s);
    DigestAggregator agg;
    for (const SlowLogEntry &x : e)
        agg.add(x);
    QCOMPARE(agg.classCount(), 1);
    const DigestClass c = agg.classes().first();
    QCOMPARE(c.digest, digest);
    QCOMPARE(c.digestSource, DigestClass::DigestSource::Server);
    QCOMPARE(c.count, 2);
    QCOMPARE(c.rowsExamined, 100300);
    QCOMPARE(c.maxMemBytes, 70724);
    QVERIFY(c.plan.contains(u"TableReader_7"_s));
    QCOMPARE(c.planDigest, u"60e9378c"_s);
    // The reference's own example: the server digest is SHA-256 of our normalization.
    QCOMPARE(
        c.normalized,
        u"select * from `orders` where `customer_id` = ? order by `created_at` desc limit ?"_s);
    QCOMPARE(SqlDigest::digestOfNormalized(c.normalized), digest);
}

void TestSlowHistory::summaryRowsGroupedOnServer()
{
    // The columns of Dialect::statementsSummaryByDigestQuery (latencies in ns).
    QueryResult r;
    r.columns = { u"DIGEST"_s,
                  u"DIGEST_TEXT"_s,
                  u"SCHEMA_NAMES"_s,
                  u"SAMPLE_USERS"_s,
                  u"EXEC_COUNT"_s,
                  u"SUM_LATENCY"_s,
                  u"MAX_LATENCY"_s,
                  u"MAX_MEM"_s,
                  u"SUM_PROCESSED_KEYS"_s,
                  u"SUM_RESULT_ROWS"_s,
                  u"FIRST_SEEN"_s,
                  u"LAST_SEEN"_s,
                  u"QUERY_SAMPLE_TEXT"_s,
                  u"PLAN_DIGEST"_s,
                  u"PLAN"_s };
    r.rows << QVariantList { u"0611CC2FE792F8C146CC97D39B31D9562014CF15F8D41F23A4938CA341F54182"_s,
                             u"select * from employee where id = ?"_s,
                             u"test,hr"_s,
                             u"root"_s,
                             quint64(3),
                             quint64(1035161),
                             quint64(399594),
                             quint64(103),
                             QVariant(u"9000.0000"_s), // DECIMAL arrives as text
                             QVariant(3.0),
                             u"2020-01-02 11:12:54"_s,
                             u"2020-01-02 11:25:24"_s,
                             u"select * from employee where id=3100"_s,
                             u"f415b8d5"_s,
                             u"\tPoint_Get_1\troot\t1\ttable:employee, handle:3100"_s };
    const QList<DigestClass> c = SlowQueryRows::summaryClasses(r);
    QCOMPARE(c.size(), 1);
    QCOMPARE(c.at(0).digest, u"0611cc2fe792f8c146cc97d39b31d9562014cf15f8d41f23a4938ca341f54182"_s);
    QCOMPARE(c.at(0).digestSource, DigestClass::DigestSource::Server);
    QCOMPARE(c.at(0).normalized, u"select * from employee where id = ?"_s);
    QCOMPARE(c.at(0).count, 3);
    QVERIFY(qAbs(c.at(0).totalSec - 0.001035161) < 1e-12);
    QVERIFY(qAbs(c.at(0).maxSec - 0.000399594) < 1e-12);
    QCOMPARE(c.at(0).maxMemBytes, 103);
    QCOMPARE(c.at(0).rowsExamined, 9000);
    QCOMPARE(c.at(0).rowsSent, 3);
    QCOMPARE(c.at(0).dbs, (QStringList { u"test"_s, u"hr"_s }));
    QCOMPARE(c.at(0).users, QStringList { u"root"_s });
    QCOMPARE(c.at(0).firstSeen, QDateTime(QDate(2020, 1, 2), QTime(11, 12, 54), Qt::UTC));
    QCOMPARE(c.at(0).sample, u"select * from employee where id=3100"_s);
    QVERIFY(c.at(0).plan.contains(u"Point_Get_1"_s));
}

void TestSlowHistory::summaryRowsPerWindow()
{
    // Dialect::statementsSummaryQuery rows: one per instance and window, averages.
    QueryResult r;
    r.columns = { u"INSTANCE"_s,    u"SUMMARY_BEGIN_TIME"_s, u"SCHEMA_NAME"_s,
                  u"DIGEST"_s,      u"DIGEST_TEXT"_s,        u"SAMPLE_USER"_s,
                  u"EXEC_COUNT"_s,  u"SUM_LATENCY"_s,        u"AVG_LATENCY"_s,
                  u"MAX_LATENCY"_s, u"AVG_PROCESSED_KEYS"_s, u"AVG_RESULT_ROWS"_s };
    const QString d = u"ab"_s.repeated(32);
    r.rows << QVariantList { u"10.0.1.4:10080"_s, u"2026-11-30 08:00:00"_s,
                             u"shop"_s,           d,
                             u"select ?"_s,       u"app"_s,
                             quint64(10),         quint64(2000000000),
                             quint64(200000000),  quint64(900000000),
                             quint64(50),         quint64(1) };
    r.rows << QVariantList { u"10.0.1.5:10080"_s, u"2026-11-30 08:00:00"_s,
                             u"shop"_s,           d,
                             u"select ?"_s,       u"app"_s,
                             quint64(4),          quint64(1000000000),
                             quint64(250000000),  quint64(1500000000),
                             quint64(10),         quint64(1) };
    DigestAggregator agg;
    for (const DigestClass &c : SlowQueryRows::summaryClasses(r))
        agg.addClass(c);
    QCOMPARE(agg.classCount(), 1);
    const DigestClass c = agg.classes().first();
    QCOMPARE(c.count, 14);
    QCOMPARE(c.totalSec, 3.0);
    QCOMPARE(c.maxSec, 1.5);
    QCOMPARE(c.rowsExamined, 10 * 50 + 4 * 10);
    QCOMPARE(c.rowsSent, 14);
}

void TestSlowHistory::everySlowHistoryStatementIsTimeBounded()
{
    const QDateTime from = utc(8, 0);
    const QDateTime to = utc(9, 0);
    const QString fromLit = u"'2026-11-30 08:00:00.000000'"_s;
    const QString toLit = u"'2026-11-30 09:00:00.000000'"_s;
    for (const char *version : { "8.0.11-TiDB-v7.5.1", "5.7.25-TiDB-v4.0.0", "5.7.25-TiDB-v3.0.0",
                                 "10.11.6-MariaDB", "8.0.36", "5.7.44-log" }) {
        const auto d = dialectFor(version, u"tidb_catalog"_s);
        SlowHistoryRequest req;
        req.fromUtc = from;
        req.toUtc = to;
        req.rowLimit = 500;
        const Result<QString> slow = slowHistoryStatement(*d, req);
        QVERIFY2(slow.ok(), version);
        QVERIFY2(slow->contains(u" BETWEEN "_s + fromLit + u" AND "_s + toLit), version);
        QVERIFY2(slow->endsWith(u" LIMIT 500"_s), version);
        req.source = SlowHistorySource::StatementsSummary;
        const Result<QString> summary = slowHistoryStatement(*d, req);
        if (d->engine() == Engine::TiDB && d->engineInfo().isAtLeast(4)) {
            QVERIFY2(summary.ok(), version);
            QVERIFY(summary->contains(u"`tidb_catalog`.`CLUSTER_STATEMENTS_SUMMARY_HISTORY`"_s));
            QVERIFY(summary->contains(u"WHERE SUMMARY_END_TIME > "_s + fromLit
                                      + u" AND SUMMARY_BEGIN_TIME < "_s + toLit));
            QVERIFY(
                summary->contains(u"GROUP BY DIGEST ORDER BY SUM(SUM_LATENCY) DESC LIMIT 500"_s));
        } else {
            QVERIFY2(!summary.ok(), version);
            QCOMPARE(summary.error().kind, ErrorKind::Unsupported);
        }
        // No range, half a range or a reversed one: refused, never run unbounded.
        for (const auto &[f, t] :
             { std::pair { QDateTime(), to }, std::pair { from, QDateTime() },
               std::pair { QDateTime(), QDateTime() }, std::pair { to, from } }) {
            for (SlowHistorySource s :
                 { SlowHistorySource::SlowQueries, SlowHistorySource::StatementsSummary }) {
                SlowHistoryRequest bad;
                bad.fromUtc = f;
                bad.toUtc = t;
                bad.source = s;
                const Result<QString> refused = slowHistoryStatement(*d, bad);
                QVERIFY2(!refused.ok(), version);
                QCOMPARE(refused.error().kind, ErrorKind::InvalidInput);
            }
        }
    }
    // TiDB slow queries carry the plan and the server digest the aggregator groups by.
    const QString tidb = dialectFor("8.0.11-TiDB-v7.5.1")->slowQueriesQuery(from, to, 10);
    QVERIFY(tidb.contains(u"Digest, Plan_digest, Plan, Query FROM"_s));
    QVERIFY(tidb.contains(u"`INFORMATION_SCHEMA`.`CLUSTER_SLOW_QUERY` WHERE Time BETWEEN"_s));
}

void TestSlowHistory::csvRoundTrip()
{
    DigestClass a;
    a.digest = u"ab"_s.repeated(32);
    a.normalized = u"select ? , `a` from `t` where `s` = ?"_s;
    a.count = 2;
    a.totalSec = 3;
    a.maxSec = 2;
    a.rowsExamined = 10;
    a.firstSeen = utc(8, 0);
    a.lastSeen = utc(8, 1);
    a.sample = u"SELECT 1, a\n  FROM t\r\n WHERE s = 'say \"hi\", 中文 🥳';"_s;
    a.dbs = { u"shop"_s, u"billing"_s };
    a.users = { u"app"_s };
    a.plan = u"\tid\ttask\n\tPoint_Get_1\troot"_s;
    DigestClass b;
    b.digest = u"cd"_s.repeated(32);
    b.normalized = u" leading space"_s;
    b.count = 1;
    const QByteArray csv = DigestCsv::toCsv({ a, b });
    QVERIFY(csv.startsWith("digest,digest_source,normalized,count,total_s,avg_s,max_s,"));
    QVERIFY(csv.contains("\r\n"));
    QVERIFY(csv.contains("'say \"\"hi\"\", 中文 🥳';\""));
    const QList<QStringList> rows = DigestCsv::parse(QString::fromUtf8(csv));
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows.at(0), DigestCsv::header());
    QCOMPARE(rows.at(1), DigestCsv::row(a));
    QCOMPARE(rows.at(2), DigestCsv::row(b));
    const int sampleCol = int(DigestCsv::header().indexOf(u"sample"_s));
    QCOMPARE(rows.at(1).at(sampleCol), a.sample); // newlines, CRLF, quotes, commas, UTF-8
    QCOMPARE(rows.at(1).at(DigestCsv::header().indexOf(u"avg_s"_s)), u"1.500000"_s);
    QCOMPARE(rows.at(1).at(DigestCsv::header().indexOf(u"dbs"_s)), u"shop;billing"_s);
    QCOMPARE(rows.at(2).at(DigestCsv::header().indexOf(u"rows_examined"_s)), QString());
    QCOMPARE(DigestCsv::field(u"plain"_s), u"plain"_s);
    QCOMPARE(DigestCsv::field(u"a,b"_s), u"\"a,b\""_s);
    QCOMPARE(DigestCsv::field(u"a\"b"_s), u"\"a\"\"b\""_s);
    QCOMPARE(DigestCsv::field(u"a\nb"_s), u"\"a\nb\""_s);
    QVERIFY(DigestCsv::toCsv({}, true).startsWith("\xEF\xBB\xBF"
                                                  "digest,"));

    // An independent reader agrees: python's csv module (RFC 4180 dialect "excel").
    QTemporaryDir dir;
    QFile f(dir.filePath(u"c.csv"_s));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(csv);
    f.close();
    QProcess py;
    py.start(
        u"python3"_s,
        { u"-c"_s,
          u"import csv,sys,json; r=list(csv.reader(open(sys.argv[1],newline='',encoding='utf-8')));"
          "print(len(r)); sys.stdout.buffer.write(r[1][%1].encode('utf-8'))"_s.arg(sampleCol),
          f.fileName() });
    QVERIFY(py.waitForFinished(30000));
    const QByteArray out = py.readAllStandardOutput();
    QCOMPARE(out.left(out.indexOf('\n')), QByteArray("3"));
    QCOMPARE(QString::fromUtf8(out.mid(out.indexOf('\n') + 1)), a.sample);
}

void TestSlowHistory::digestFileStatsAndClasses()
{
    SlowLogDigest d;
    QVERIFY(d.digestFile(dataPath("history-mysql.log")).ok());
    QVERIFY(d.check().ok());
    QCOMPARE(d.format(), SlowLogFormat::MySQL);
    QCOMPARE(d.stats().entries, 4);
    QCOMPARE(d.stats().malformed, 1); // the garbage line
    QCOMPARE(d.stats().bannerLines, 3);
    QCOMPARE(d.source().fileBytes, QFileInfo(dataPath("history-mysql.log")).size());
    QCOMPARE(d.source().bytesRead, d.source().fileBytes);
    QVERIFY(!d.source().truncated());
    const QList<DigestClass> c = d.aggregator().classes();
    QCOMPARE(c.size(), 2);
    QCOMPARE(c.at(0).count, 2);
    QCOMPARE(c.at(0).totalSec, 4.0);
    QCOMPARE(
        c.at(0).normalized,
        u"select * from `orders` where `customer_id` = ? order by `created_at` desc limit ?"_s);
    QVERIFY(c.at(0).sample.startsWith(u"select *\n  from orders"_s)); // the 2.5 s one
    QCOMPARE(c.at(0).users, (QStringList { u"app"_s, u"report"_s }));
    QCOMPARE(c.at(1).count, 2);
    QCOMPARE(c.at(1).dbs, QStringList { u"billing"_s });
    QCOMPARE(c.at(1).normalized,
             u"update `invoices` set `paid` = ? , `note` = ? where `id` in ( ... )"_s);
}

void TestSlowHistory::digestFileTail()
{
    const qint64 size = QFileInfo(dataPath("history-mysql.log")).size();
    SlowLogDigest d;
    QVERIFY(d.digestFile(dataPath("history-mysql.log"), 300).ok());
    QCOMPARE(d.source().bytesRead, 300);
    QCOMPARE(d.source().fileBytes, size);
    QVERIFY(d.source().truncated());
    QVERIFY(d.stats().entries >= 1);
    QVERIFY(d.stats().entries < 4);
    QCOMPARE(d.stats().bytes, 300);
    // A cap larger than the file: the whole file.
    SlowLogDigest all;
    QVERIFY(all.digestFile(dataPath("history-mysql.log"), size * 2).ok());
    QVERIFY(!all.source().truncated());
    QCOMPARE(all.stats().entries, 4);
}

void TestSlowHistory::digestFileErrors()
{
    SlowLogDigest missing;
    const VoidResult m = missing.digestFile(u"/nonexistent/dir/slow.log"_s);
    QCOMPARE(m.error().kind, ErrorKind::NotFound);
    QVERIFY(m.error().message.contains(u"/nonexistent/dir/slow.log"_s));
    QTemporaryDir dir;
    SlowLogDigest directory;
    QCOMPARE(directory.digestFile(dir.path()).error().kind, ErrorKind::Io);
    SlowLogDigest notLog;
    QVERIFY(notLog.digestFile(dataPath("not-a-slowlog.txt")).ok());
    const VoidResult checked = notLog.check();
    QCOMPARE(checked.error().kind, ErrorKind::InvalidInput);
    QVERIFY(checked.error().message.contains(u"does not look like a slow-query log"_s));
    // An empty file is an empty history, not an error.
    QFile empty(dir.filePath(u"empty.log"_s));
    QVERIFY(empty.open(QIODevice::WriteOnly));
    empty.close();
    SlowLogDigest e;
    QVERIFY(e.digestFile(empty.fileName()).ok());
    QVERIFY(e.check().ok());
    QCOMPARE(e.aggregator().classCount(), 0);
}

void TestSlowHistory::digestFileInvalidUtf8()
{
    SlowLogDigest d;
    QVERIFY(d.digestFile(dataPath("invalid-utf8.log")).ok());
    QVERIFY(d.check().ok());
    QVERIFY(d.stats().entries >= 1);
    bool replaced = false;
    for (const DigestClass &c : d.aggregator().classes())
        replaced = replaced || c.sample.contains(QChar(0xFFFD));
    QVERIFY(replaced);
}

void TestSlowHistory::remoteCommandAndErrors()
{
    const QString cmd = RemoteSlowLog::command(u"/var/log/it's slow.log"_s, 1000);
    QVERIFY(cmd.startsWith(u"f='/var/log/it'\\''s slow.log'; "_s));
    QVERIFY(cmd.endsWith(u"exec tail -c 1000 -- \"$f\""_s));
    // The command really works in a POSIX shell, on a name that needs the quoting.
    QTemporaryDir dir;
    const QString path = dir.filePath(u"it's slow.log"_s);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("0123456789");
    f.close();
    QProcess sh;
    sh.start(u"/bin/sh"_s, { u"-c"_s, RemoteSlowLog::command(path, 4) });
    QVERIFY(sh.waitForFinished(10000));
    QCOMPARE(sh.exitCode(), 0);
    QCOMPARE(sh.readAllStandardOutput(), QByteArray("6789"));
    QCOMPARE(RemoteSlowLog::fileSize(sh.readAllStandardError()), 10);
    sh.start(u"/bin/sh"_s, { u"-c"_s, RemoteSlowLog::command(dir.filePath(u"nope"_s), 4) });
    QVERIFY(sh.waitForFinished(10000));
    const QByteArray err = sh.readAllStandardError();
    const Error missing = RemoteSlowLog::failure(u"nope"_s, u"root@h:22"_s, sh.exitCode(), err);
    QCOMPARE(missing.kind, ErrorKind::NotFound);
    QVERIFY(missing.message.contains(u"root@h:22"_s));
    sh.start(u"/bin/sh"_s, { u"-c"_s, RemoteSlowLog::command(dir.path(), 4) });
    QVERIFY(sh.waitForFinished(10000));
    QCOMPARE(
        RemoteSlowLog::failure(dir.path(), u"h"_s, sh.exitCode(), sh.readAllStandardError()).kind,
        ErrorKind::Io);
    // Permission denied (as root the shell check passes, so the tail's own message is mapped too).
    QVERIFY(RemoteSlowLog::failure(u"/x"_s, u"h"_s, 77, "TIDESK_SLOWLOG_ERROR=denied\n")
                .message.contains(u"Permission denied"_s));
    QVERIFY(RemoteSlowLog::failure(u"/x"_s, u"h"_s, 1,
                                   "TIDESK_SLOWLOG_SIZE=10\ntail: cannot open '/x' for reading: "
                                   "Permission denied\n")
                .message.contains(u"Permission denied"_s));
    const Error other
        = RemoteSlowLog::failure(u"/x"_s, u"h"_s, 1, "TIDESK_SLOWLOG_SIZE=10\nboom\n");
    QCOMPARE(other.kind, ErrorKind::Server);
    QCOMPARE(other.detail, u"boom"_s);
    QCOMPARE(RemoteSlowLog::fileSize("nothing"), -1);
}

QTEST_GUILESS_MAIN(TestSlowHistory)
#include "tst_slowhistory.moc"
