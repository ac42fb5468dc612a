// SlowLogParser on the examples of tidb-reference §5 (tests/data/slowlog/): TiDB, MySQL 8 and
// MariaDB entries, garbage in the middle, invalid UTF-8, CRLF, a 1 MB statement, chunked feeding
// and a generated 50 MB file read while the parser's held bytes stay bounded.
#include "slowsql/SlowLogParser.h"

#include <QBuffer>
#include <QFile>
#include <QTemporaryFile>
#include <QTest>
#include <QTimeZone>

using namespace TiDesk;
using namespace Qt::StringLiterals;

namespace {

QByteArray fixture(const char *name)
{
    QFile f(QStringLiteral(TIDESK_TEST_DATA_DIR "/slowlog/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return f.readAll();
}

template<typename T>
QString opt(const std::optional<T> &v)
{
    return v ? QString::number(*v) : u"-"_s;
}

// Every field, so two parses can be compared entry by entry.
QString describe(const SlowLogEntry &e)
{
    return QStringList { QString::number(int(e.format)),
                         e.time.toUTC().toString(Qt::ISODateWithMs),
                         e.user,
                         e.host,
                         e.db,
                         opt(e.queryTimeSec),
                         opt(e.lockTimeSec),
                         opt(e.rowsSent),
                         opt(e.rowsExamined),
                         opt(e.rowsAffected),
                         opt(e.connectionId),
                         opt(e.txnStartTs),
                         opt(e.processKeys),
                         opt(e.totalKeys),
                         opt(e.memMaxBytes),
                         opt(e.diskMaxBytes),
                         e.digest,
                         e.planDigest,
                         e.plan,
                         e.succ ? QString::number(*e.succ) : u"-"_s,
                         e.isInternal ? QString::number(*e.isInternal) : u"-"_s,
                         e.sql,
                         QString::number(e.byteOffset),
                         QString::number(e.lineNumber) }
        .join(u'|');
}

struct Run
{
    QList<SlowLogEntry> entries;
    SlowLogParser::Stats stats;
    SlowLogFormat format = SlowLogFormat::Unknown;
    qint64 maxHeld = 0;
};

Run parsePushed(const QByteArray &data, qsizetype chunk, int offsetSec = 0)
{
    SlowLogParser p;
    p.setAssumedUtcOffsetSeconds(offsetSec);
    Run r;
    for (qsizetype i = 0; i < data.size(); i += chunk) {
        p.feed(QByteArrayView(data).sliced(i, qMin(chunk, data.size() - i)));
        while (auto e = p.next())
            r.entries.append(*e);
        r.maxHeld = qMax(r.maxHeld, p.heldBytes());
    }
    p.finish();
    while (auto e = p.next())
        r.entries.append(*e);
    r.stats = p.stats();
    r.format = p.format();
    return r;
}

Run parsePulled(const QByteArray &data, qint64 chunk, int offsetSec = 0)
{
    QByteArray copy = data;
    QBuffer buf(&copy);
    buf.open(QIODevice::ReadOnly);
    SlowLogParser p;
    p.setAssumedUtcOffsetSeconds(offsetSec);
    Run r;
    while (auto e = p.read(buf, chunk))
        r.entries.append(*e);
    r.stats = p.stats();
    r.format = p.format();
    return r;
}

Run parse(const QByteArray &data, int offsetSec = 0)
{
    return parsePushed(data, 64 * 1024, offsetSec);
}

QStringList describeAll(const Run &r)
{
    QStringList out;
    for (const SlowLogEntry &e : r.entries)
        out << describe(e);
    return out;
}

QList<qint64> issueLines(const Run &r)
{
    QList<qint64> out;
    for (const auto &i : r.stats.firstIssues)
        out << i.lineNumber;
    return out;
}

QDateTime utc(const char *iso)
{
    QDateTime t = QDateTime::fromString(QLatin1String(iso), Qt::ISODateWithMs);
    t.setTimeZone(QTimeZone::utc());
    return t;
}

} // namespace

class TestSlowLogParser : public QObject
{
    Q_OBJECT

private slots:
    void tidb()
    {
        const QByteArray data = fixture("tidb.log");
        const Run r = parse(data);
        QCOMPARE(r.format, SlowLogFormat::TiDB);
        QCOMPARE(r.stats.malformed, 0);
        QCOMPARE(r.entries.size(), 3);

        const SlowLogEntry &a = r.entries[0];
        QCOMPARE(a.format, SlowLogFormat::TiDB);
        QCOMPARE(a.time, utc("2024-05-14T01:21:33.487"));
        QCOMPARE(a.user, u"app"_s);
        QCOMPARE(a.host, u"10.0.3.17"_s);
        QCOMPARE(a.db, u"shop"_s);
        QCOMPARE(a.queryTimeSec, 1.527627037);
        QVERIFY(!a.lockTimeSec);
        QCOMPARE(a.rowsSent, 10);
        QCOMPARE(a.connectionId, 1268776964u);
        QCOMPARE(a.txnStartTs, 449713201883217921ull);
        QCOMPARE(a.processKeys, 100000);
        QCOMPARE(a.totalKeys, 100001);
        QCOMPARE(a.memMaxBytes, 70724);
        QCOMPARE(a.diskMaxBytes, 0);
        QCOMPARE(a.digest, u"8115d57f1b51ca014b1caa21eaf34257709f625362d145288a50708dfa95d993"_s);
        QCOMPARE(a.planDigest,
                 u"60e9378c746d9a2be1c791047e008967cf252eb6de9167ad3aa6098fa2d523f4"_s);
        QVERIFY(a.plan.startsWith(u"tidb_decode_plan('ZJAwCTMyXzcJ"_s));
        QVERIFY(a.plan.endsWith(u"==')"_s));
        QCOMPARE(a.succ, true);
        QCOMPARE(a.isInternal, false);
        QCOMPARE(
            a.sql,
            u"SELECT * FROM orders WHERE customer_id = 7 ORDER BY created_at DESC LIMIT 10;"_s);
        QCOMPARE(a.byteOffset, 0);
        QCOMPARE(a.lineNumber, 1);

        const SlowLogEntry &b = r.entries[1];
        const qsizetype bAt = data.indexOf("# Time: 2024-05-14T09:22:01");
        QCOMPARE(b.byteOffset, bAt);
        QCOMPARE(b.lineNumber, data.first(bAt).count('\n') + 1);
        QCOMPARE(b.user, u"batch"_s);
        QCOMPARE(b.queryTimeSec, 7.25);
        QCOMPARE(b.succ, false);
        QCOMPARE(b.memMaxBytes, 1048576);
        QCOMPARE(b.diskMaxBytes, 4096);
        QVERIFY(b.plan.isEmpty());
        QVERIFY(!b.processKeys);
        QCOMPARE(b.sql,
                 u"UPDATE orders\n   SET status = 'shipped'\n WHERE id IN (SELECT order_id\n"
                 "                FROM shipments\n"
                 "               WHERE shipped_at > '2024-05-01');"_s);

        const SlowLogEntry &c = r.entries[2];
        QCOMPARE(c.time, utc("2024-05-14T01:22:05.500"));
        QCOMPARE(c.isInternal, true);
        QCOMPARE(c.db, u"mysql"_s);
        QCOMPARE(c.connectionId, 7u);
    }

    void mysql8()
    {
        const Run r = parse(fixture("mysql8.log"));
        QCOMPARE(r.format, SlowLogFormat::MySQL);
        QCOMPARE(r.stats.malformed, 0);
        QCOMPARE(r.stats.bannerLines, 3);
        QCOMPARE(r.entries.size(), 3);
        const SlowLogEntry &a = r.entries[0];
        QCOMPARE(a.time, utc("2024-05-14T01:21:33.487"));
        QCOMPARE(a.user, u"app"_s);
        QCOMPARE(a.host, u"web01"_s);
        QCOMPARE(a.connectionId, 42u);
        QCOMPARE(a.db, u"shop"_s);
        QCOMPARE(a.queryTimeSec, 1.527627);
        QCOMPARE(a.lockTimeSec, 0.00012);
        QCOMPARE(a.rowsSent, 10);
        QCOMPARE(a.rowsExamined, 1048576);
        QVERIFY(!a.txnStartTs);
        QVERIFY(a.digest.isEmpty());
        QCOMPARE(
            a.sql,
            u"SELECT * FROM orders WHERE customer_id = 7 ORDER BY created_at DESC LIMIT 10;"_s);
        QCOMPARE(a.lineNumber, 4);

        const SlowLogEntry &b = r.entries[1];
        QCOMPARE(b.host, u"10.0.3.20"_s); // empty host name: the IP
        QCOMPARE(b.db, u"shop"_s); // `use` is written only when the db changes
        QCOMPARE(
            b.sql,
            u"SELECT COUNT(*)\n  FROM orders o\n  JOIN customers c ON c.id = o.customer_id;"_s);

        const SlowLogEntry &c = r.entries[2];
        QCOMPARE(c.host, u"localhost"_s);
        QCOMPARE(c.db, u"billing"_s);
        QCOMPARE(c.time, utc("2024-05-14T01:22:00.000")); // +08:00 offset applied
        QCOMPARE(c.sql, u"DELETE FROM invoices WHERE paid = 1 AND created < '2020-01-01';"_s);
    }

    void mariadb()
    {
        const Run r = parse(fixture("mariadb.log"), 8 * 3600);
        QCOMPARE(r.format, SlowLogFormat::MariaDB);
        QCOMPARE(r.stats.malformed, 0);
        QCOMPARE(r.stats.bannerLines, 3);
        QCOMPARE(r.entries.size(), 3);
        const SlowLogEntry &a = r.entries[0];
        QCOMPARE(a.format, SlowLogFormat::MariaDB);
        QCOMPARE(a.time, utc("2024-05-14T01:21:33.000")); // 9:21:33 at +08:00
        QCOMPARE(a.time.toSecsSinceEpoch(), 1715649693); // agrees with its SET timestamp
        QCOMPARE(a.connectionId, 42u);
        QCOMPARE(a.db, u"shop"_s);
        QCOMPARE(a.rowsAffected, 0);
        QCOMPARE(a.rowsExamined, 1048576);
        QCOMPARE(a.lockTimeSec, 0.00012);

        const SlowLogEntry &b = r.entries[1];
        QCOMPARE(b.time, utc("2024-05-14T02:05:07.000"));
        QCOMPARE(b.db, u"dw"_s);
        QCOMPARE(b.rowsAffected, 200);
        QCOMPARE(b.sql, u"INSERT INTO facts\nSELECT * FROM staging;"_s);

        // No `# Time:` of its own (same second): the previous one, entry starts at User@Host.
        const SlowLogEntry &c = r.entries[2];
        QCOMPARE(c.time, b.time);
        QCOMPARE(c.sql, u"TRUNCATE staging;"_s);
        QCOMPARE(c.queryTimeSec, 0.9);
        QCOMPARE(c.lineNumber, 19);

        // Without the server's offset the short form is taken as UTC.
        QCOMPARE(parse(fixture("mariadb.log")).entries[0].time, utc("2024-05-14T09:21:33.000"));
    }

    void garbageInTheMiddle()
    {
        const Run r = parse(fixture("garbage.log"));
        QCOMPARE(r.entries.size(), 2);
        QCOMPARE(r.entries[0].sql, u"SELECT 1;"_s); // the junk after it is not part of it
        QCOMPARE(r.entries[0].connectionId, 1u);
        QCOMPARE(r.entries[1].sql, u"SELECT 5;"_s);
        QCOMPARE(r.entries[1].queryTimeSec, 2.5);
        QCOMPARE(r.entries[1].lineNumber, 20);
        QCOMPARE(r.stats.malformed, 5);
        QCOMPARE(issueLines(r), (QList<qint64> { 6, 8, 13, 17, 25 }));
        using P = SlowLogParser::Problem;
        QList<P> problems;
        for (const auto &i : r.stats.firstIssues)
            problems << i.problem;
        QCOMPARE(
            problems,
            (QList<P> { P::Garbage, P::BadField, P::BadTime, P::NoStatement, P::TruncatedAtEnd }));
    }

    void garbageBeforeFirstEntryAndStrayHeaders()
    {
        const QByteArray data
            = "random text\nmore random\n\n# Query_time: 1.0\n" + fixture("mysql8.log");
        const Run r = parse(data);
        QCOMPARE(r.entries.size(), 3);
        // One garbage block (lines 1-2) and one entry without time or statement (line 4).
        QCOMPARE(r.stats.malformed, 2);
        QCOMPARE(issueLines(r), (QList<qint64> { 1, 4 }));
    }

    void truncatedLastEntry()
    {
        const QByteArray data = fixture("tidb.log")
            + "# Time: 2024-05-14T09:23:00.1+08:00\n# Txn_start_ts: 1\n# Query_ti";
        const Run r = parse(data);
        QCOMPARE(r.entries.size(), 3);
        QCOMPARE(r.stats.malformed, 1);
        QCOMPARE(r.stats.firstIssues.constFirst().problem, SlowLogParser::Problem::TruncatedAtEnd);
        QCOMPARE(r.stats.firstIssues.constFirst().lineNumber, fixture("tidb.log").count('\n') + 1);
    }

    void administratorCommand()
    {
        const QByteArray data
            = "# Time: 2024-05-14T01:00:00.000001Z\n"
              "# User@Host: app[app] @ web01 [10.0.3.17]  Id:    7\n"
              "# Query_time: 11.0  Lock_time: 0.0 Rows_sent: 0  Rows_examined: 0\n"
              "SET timestamp=1715648400;\n"
              "# administrator command: Quit;\n";
        const Run r = parse(data);
        QCOMPARE(r.stats.malformed, 0);
        QCOMPARE(r.entries.size(), 1);
        QCOMPARE(r.entries[0].sql, u"administrator command: Quit;"_s);
    }

    void invalidUtf8()
    {
        const Run r = parse(fixture("invalid-utf8.log"));
        QCOMPARE(r.stats.malformed, 0);
        QCOMPARE(r.entries.size(), 2);
        const QString sql = r.entries[0].sql;
        QVERIFY(sql.startsWith(u"SELECT * FROM t WHERE name = 'caf"_s));
        QVERIFY(sql.contains(QChar(QChar::ReplacementCharacter)));
        QVERIFY(sql.contains(u"na\u00efve"_s)); // valid UTF-8 next to the bad bytes survives
        QVERIFY(sql.endsWith(u"';"_s));
        QCOMPARE(r.entries[1].sql, u"SELECT 2;"_s);
    }

    void crlf()
    {
        const Run lf = parse(fixture("mysql8.log"));
        const Run crlf = parse(fixture("mysql8-crlf.log"));
        QCOMPARE(crlf.stats.malformed, 0);
        QCOMPARE(crlf.stats.bannerLines, 3);
        QCOMPARE(crlf.entries.size(), lf.entries.size());
        for (qsizetype i = 0; i < lf.entries.size(); ++i) {
            SlowLogEntry e = crlf.entries[i];
            QVERIFY(!e.sql.contains(u'\r'));
            QCOMPARE(e.lineNumber, lf.entries[i].lineNumber);
            QCOMPARE(e.byteOffset, lf.entries[i].byteOffset + e.lineNumber - 1); // one \r a line
            e.byteOffset = lf.entries[i].byteOffset;
            QCOMPARE(describe(e), describe(lf.entries[i]));
        }
    }

    void oneMegabyteStatement()
    {
        QByteArray big = "SELECT * FROM t WHERE id IN (1";
        while (big.size() < 1024 * 1024)
            big += ", 123456789";
        big += ");";
        const QByteArray data
            = fixture("mysql8.log")
                  .replace("DELETE FROM invoices WHERE paid = 1 AND created < '2020-01-01';", big)
            + fixture("mariadb.log");
        for (qsizetype chunk : { qsizetype(1), qsizetype(7), qsizetype(64 * 1024) }) {
            const Run r = parsePushed(data, chunk);
            QCOMPARE(r.stats.malformed, 0);
            QCOMPARE(r.stats.bannerLines, 6); // a restart's banner after a complete entry
            QCOMPARE(r.entries.size(), 6);
            QCOMPARE(r.entries[2].sql.size(), big.size());
            QCOMPARE(r.entries[2].sql, QString::fromLatin1(big));
            QCOMPARE(
                r.entries[3].sql,
                u"SELECT * FROM orders WHERE customer_id = 7 ORDER BY created_at DESC LIMIT 10;"_s);
            QVERIFY2(r.maxHeld < 4 * big.size(), qPrintable(QString::number(r.maxHeld)));
        }
    }

    void tooLargeIsSkipped()
    {
        QByteArray huge(20000, 'x');
        const QByteArray data = "# Time: 2024-05-14T01:00:00.000001Z\n"
                                "# User@Host: app[app] @ web01 [10.0.3.17]  Id:    7\n"
                                "SELECT '"
            + huge + "';\n" + huge + "\n" + fixture("mysql8.log");
        SlowLogParser p;
        p.setMaxEntryBytes(4096);
        p.feed(data);
        p.finish();
        QList<SlowLogEntry> got;
        while (auto e = p.next())
            got << *e;
        QCOMPARE(got.size(), 3);
        QCOMPARE(got[0].connectionId, 42u);
        QCOMPARE(p.stats().malformed, 1);
        QCOMPARE(p.stats().firstIssues.constFirst().problem, SlowLogParser::Problem::TooLarge);
        QCOMPARE(p.stats().firstIssues.constFirst().lineNumber, 1);
    }

    void chunkSizesGiveIdenticalResults_data()
    {
        QTest::addColumn<QString>("name");
        for (const char *n : { "tidb.log", "mysql8.log", "mariadb.log", "garbage.log",
                               "invalid-utf8.log", "mysql8-crlf.log" })
            QTest::newRow(n) << QString::fromLatin1(n);
    }
    void chunkSizesGiveIdenticalResults()
    {
        QFETCH(QString, name);
        const QByteArray data = fixture(name.toLatin1().constData());
        const Run whole = parsePushed(data, data.size() + 1);
        QVERIFY(!whole.entries.isEmpty());
        for (qsizetype chunk : { qsizetype(1), qsizetype(7), qsizetype(64 * 1024) }) {
            for (const Run &r : { parsePushed(data, chunk), parsePulled(data, chunk) }) {
                QCOMPARE(describeAll(r), describeAll(whole));
                QCOMPARE(r.stats.malformed, whole.stats.malformed);
                QCOMPARE(issueLines(r), issueLines(whole));
                QCOMPARE(r.stats.lines, whole.stats.lines);
                QCOMPARE(r.stats.bytes, data.size());
            }
        }
    }

    // A 50 MB file read from disk in 64 KiB chunks: the parser holds about one chunk and one
    // entry, never the file.
    void fiftyMegabyteFileStaysBounded()
    {
        QTemporaryFile file;
        QVERIFY(file.open());
        const QByteArray tidb = fixture("tidb.log");
        qint64 written = 0;
        qint64 copies = 0;
        while (written < 50LL * 1024 * 1024) {
            QVERIFY(file.write(tidb) == tidb.size());
            written += tidb.size();
            ++copies;
        }
        QVERIFY(file.flush());
        QVERIFY(file.seek(0));

        SlowLogParser p;
        qint64 count = 0;
        qint64 maxHeld = 0;
        qint64 lastLine = 0;
        while (auto e = p.read(file, 64 * 1024)) {
            ++count;
            QVERIFY(e->lineNumber > lastLine);
            lastLine = e->lineNumber;
            maxHeld = qMax(maxHeld, p.heldBytes());
        }
        QCOMPARE(count, copies * 3);
        QCOMPARE(p.stats().malformed, 0);
        QCOMPARE(p.stats().bytes, written);
        QCOMPARE(p.stats().lines, copies * tidb.count('\n'));
        QCOMPARE(lastLine, p.stats().lines - 8); // the last entry: 8 header lines and its SQL
        qInfo("50 MB: %lld entries, max held %lld bytes", count, maxHeld);
        QVERIFY2(maxHeld < 256 * 1024, qPrintable(QString::number(maxHeld)));
        QVERIFY(maxHeld > 0);
    }
};

QTEST_GUILESS_MAIN(TestSlowLogParser)
#include "tst_slowlogparser.moc"
