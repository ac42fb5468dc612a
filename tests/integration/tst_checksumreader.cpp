// ChecksumReader against the sandbox's real MariaDB (dev): two databases with the same tables and
// rows (a unique prefix, dropped at the end) give equal reports; one changed row, one deleted row,
// one dropped and one extra table are each reported for exactly that table by compare() through a
// source -> copy database map; names with a backtick and non-ASCII names work; views are not
// read; an unknown database and a server error are clear errors naming the database or table; the
// cancel flag stops between tables. The TiDB statement (ADMIN CHECKSUM TABLE) is sent to MariaDB
// only to see the per-table error: no TiDB ran here. FAILS without the sandbox.
#include "SandboxEnv.h"
#include "backup/ChecksumReader.h"
#include "sql/ActivityLog.h"
#include "sql/Dialect.h"
#include "sql/SqlConnection.h"
#include "sql/SqlQuote.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TiDesk;

namespace {
template<typename R>
QByteArray why(const R &r)
{
    return r.ok() ? QByteArray() : r.error().toString().toUtf8();
}

const QString Backtick = u"a`b"_s;
const QString Orders = u"订单"_s;
} // namespace

class TestChecksumReader : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();
    void equalCopies();
    void changedRow();
    void deletedRow();
    void droppedAndExtraTables();
    void everyUserDatabase();
    void unknownDatabase();
    void serverErrorNamesTable();
    void cancelBetweenTables();

private:
    void exec(const QString &sql);
    Result<ChecksumReport> read(const QStringList &databases, const Dialect *dialect = nullptr,
                                const std::atomic<bool> *cancel = nullptr,
                                const ChecksumReader::Progress &progress = {});
    QString table(const QString &db, const QString &t) const
    {
        return SqlQuote::identifier(db) + u'.' + SqlQuote::identifier(t);
    }

    Test::SandboxEnv m_sandbox;
    ActivityLog m_activity;
    SqlConnection m_conn { &m_activity };
    std::shared_ptr<const Dialect> m_dialect;
    QString m_source; // e.g. tidesk_cks_3f2a_src
    QString m_copy; // e.g. tidesk_cks_3f2a_copy
    QHash<QString, QString> m_map;
};

void TestChecksumReader::exec(const QString &sql)
{
    Result<QueryResult> r = m_conn.query(sql);
    QVERIFY2(r.ok(), why(r).constData());
}

Result<ChecksumReport> TestChecksumReader::read(const QStringList &databases,
                                                const Dialect *dialect,
                                                const std::atomic<bool> *cancel,
                                                const ChecksumReader::Progress &progress)
{
    return ChecksumReader::read(m_conn, dialect ? *dialect : *m_dialect, databases, cancel,
                                progress);
}

void TestChecksumReader::initTestCase()
{
    QVERIFY2(m_sandbox.isValid(), qPrintable(m_sandbox.error()));
    SqlConnection::initDriver();
    ConnectParams p;
    p.host = u"127.0.0.1"_s;
    p.port = m_sandbox.mariadbPort(u"dev"_s);
    p.user = m_sandbox.adminUser();
    p.password = m_sandbox.adminPassword();
    p.connectTimeoutMs = 3000;
    p.envName = u"dev"_s;
    const VoidResult opened = m_conn.open(p);
    QVERIFY2(opened.ok(), qPrintable(opened.error().toString()));
    m_dialect = makeDialect(EngineInfo::parse(m_conn.serverVersion()));
    QCOMPARE(m_dialect->engine(), Engine::MariaDB);

    const QString prefix
        = u"tidesk_cks_%1_"_s.arg(QRandomGenerator::global()->bounded(0x10000), 4, 16, QChar(u'0'));
    m_source = prefix + u"src"_s;
    m_copy = prefix + u"copy"_s;
    m_map = { { m_source, m_copy } };

    exec(u"CREATE DATABASE "_s + SqlQuote::identifier(m_source));
    exec(u"CREATE TABLE "_s + table(m_source, u"items"_s)
         + u" (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL, price DECIMAL(10,2), note TEXT)"_s);
    exec(u"CREATE TABLE "_s + table(m_source, Backtick) + u" (k VARCHAR(20) PRIMARY KEY, v INT)"_s);
    exec(u"CREATE TABLE "_s + table(m_source, Orders)
         + u" (id INT PRIMARY KEY, 客户 VARCHAR(20), amount INT) DEFAULT CHARSET=utf8mb4"_s);
    exec(u"CREATE TABLE "_s + table(m_source, u"empty_t"_s) + u" (id INT)"_s);
    exec(u"CREATE VIEW "_s + table(m_source, u"items_view"_s) + u" AS SELECT id FROM "_s
         + table(m_source, u"items"_s));
    exec(u"INSERT INTO "_s + table(m_source, u"items"_s)
         + u" SELECT seq, CONCAT('item-', seq), seq * 1.25, IF(seq % 7 = 0, NULL, REPEAT('x', seq"
           " % 50)) FROM "_s
         + table(m_source, u"seq_1_to_500"_s)); // MariaDB's SEQUENCE engine
    exec(u"INSERT INTO "_s + table(m_source, Backtick)
         + u" VALUES ('one', 1), ('two', 2), ('it''s', 3)"_s);
    exec(u"INSERT INTO "_s + table(m_source, Orders)
         + u" VALUES (1, '张三', 100), (2, 'Zoë', 250), (3, NULL, 0)"_s);
}

// Each test starts from an exact copy of the source.
void TestChecksumReader::init()
{
    exec(u"DROP DATABASE IF EXISTS "_s + SqlQuote::identifier(m_copy));
    exec(u"CREATE DATABASE "_s + SqlQuote::identifier(m_copy));
    for (const QString &t : { u"items"_s, Backtick, Orders, u"empty_t"_s }) {
        exec(u"CREATE TABLE "_s + table(m_copy, t) + u" LIKE "_s + table(m_source, t));
        exec(u"INSERT INTO "_s + table(m_copy, t) + u" SELECT * FROM "_s + table(m_source, t));
    }
}

void TestChecksumReader::cleanupTestCase()
{
    if (!m_conn.isOpen() || m_source.isEmpty())
        return;
    for (const QString &db : { m_source, m_copy }) {
        Result<QueryResult> r
            = m_conn.query(u"DROP DATABASE IF EXISTS "_s + SqlQuote::identifier(db));
        QVERIFY2(r.ok(), why(r).constData());
    }
}

void TestChecksumReader::equalCopies()
{
    Result<ChecksumReport> source = read({ m_source });
    QVERIFY2(source.ok(), why(source).constData());
    Result<ChecksumReport> copy = read({ m_copy });
    QVERIFY2(copy.ok(), why(copy).constData());

    QCOMPARE(source->engine, u"mariadb"_s);
    QVERIFY(source->takenAt.isValid());
    QCOMPARE(source->takenAt.timeSpec(), Qt::UTC);
    QVERIFY(qAbs(source->takenAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);
    // Base tables only: the view is not read.
    QCOMPARE(source->tables.size(), 4);
    QVERIFY(source->find(m_source, u"items_view"_s) == nullptr);

    const TableChecksum *items = source->find(m_source, u"items"_s);
    QVERIFY(items != nullptr);
    QCOMPARE(items->rows, 500);
    QCOMPARE(items->method, u"checksum-table-extended"_s);
    QVERIFY(items->checksum != u"0"_s);
    const TableChecksum *backtick = source->find(m_source, Backtick);
    QVERIFY(backtick != nullptr);
    QCOMPARE(backtick->rows, 3);
    const TableChecksum *orders = source->find(m_source, Orders);
    QVERIFY(orders != nullptr);
    QCOMPARE(orders->rows, 3);
    const TableChecksum *empty = source->find(m_source, u"empty_t"_s);
    QVERIFY(empty != nullptr);
    QCOMPARE(empty->rows, 0);

    const ChecksumComparison c = compare(*source, *copy, m_map);
    QVERIFY2(c.matches(),
             qPrintable(c.differences.isEmpty() ? QString() : c.differences.first().message));
    QCOMPARE(c.summary, u"4 tables match"_s);
    for (const TableChecksum &t : source->tables) {
        const TableChecksum *other = copy->find(m_copy, t.table);
        QVERIFY(other != nullptr);
        QCOMPARE(other->checksum, t.checksum);
        QCOMPARE(other->rows, t.rows);
    }

    // The report survives its JSON form, and the statements are in the activity log.
    Result<ChecksumReport> back = ChecksumReport::fromJson(source->toJson());
    QVERIFY2(back.ok(), why(back).constData());
    QVERIFY(compare(*back, *copy, m_map).matches());
    bool sawChecksum = false;
    for (const ActivityEntry &e : m_activity.entries())
        sawChecksum = sawChecksum
            || e.statement == u"CHECKSUM TABLE "_s + table(m_copy, Orders) + u" EXTENDED"_s;
    QVERIFY(sawChecksum);
}

void TestChecksumReader::changedRow()
{
    exec(u"UPDATE "_s + table(m_copy, u"items"_s) + u" SET name = 'item-18' WHERE id = 17"_s);
    Result<ChecksumReport> source = read({ m_source });
    QVERIFY2(source.ok(), why(source).constData());
    Result<ChecksumReport> copy = read({ m_copy });
    QVERIFY2(copy.ok(), why(copy).constData());

    const ChecksumComparison c = compare(*source, *copy, m_map);
    QCOMPARE(c.differences.size(), 1);
    const ChecksumDifference &d = c.differences.first();
    QCOMPARE(d.kind, ChecksumDifference::Kind::ChecksumDiffers);
    QCOMPARE(d.database, m_source);
    QCOMPARE(d.restoredDatabase, m_copy);
    QCOMPARE(d.table, u"items"_s);
    QVERIFY(d.message.contains(m_source + u".items"_s));
    QVERIFY(d.message.contains(d.sourceValue));
    QVERIFY(d.message.contains(d.restoredValue));
    QCOMPARE(c.summary, u"1 of 4 tables differs"_s);

    // Changing it back gives the source's checksum again: the value follows the contents.
    exec(u"UPDATE "_s + table(m_copy, u"items"_s) + u" SET name = 'item-17' WHERE id = 17"_s);
    Result<ChecksumReport> again = read({ m_copy });
    QVERIFY2(again.ok(), why(again).constData());
    QVERIFY(compare(*source, *again, m_map).matches());
}

void TestChecksumReader::deletedRow()
{
    exec(u"DELETE FROM "_s + table(m_copy, Orders) + u" WHERE id = 2"_s);
    Result<ChecksumReport> source = read({ m_source });
    QVERIFY2(source.ok(), why(source).constData());
    Result<ChecksumReport> copy = read({ m_copy });
    QVERIFY2(copy.ok(), why(copy).constData());

    const ChecksumComparison c = compare(*source, *copy, m_map);
    QCOMPARE(c.tablesDiffering, 1);
    QVERIFY(!c.differences.isEmpty());
    for (const ChecksumDifference &d : c.differences)
        QCOMPARE(d.table, Orders);
    const ChecksumDifference &rows = c.differences.first();
    QCOMPARE(rows.kind, ChecksumDifference::Kind::RowCountDiffers);
    QCOMPARE(rows.sourceValue, u"3"_s);
    QCOMPARE(rows.restoredValue, u"2"_s);
    QVERIFY2(rows.message.contains(m_source + u'.' + Orders), qPrintable(rows.message));
}

void TestChecksumReader::droppedAndExtraTables()
{
    exec(u"DROP TABLE "_s + table(m_copy, Backtick));
    exec(u"CREATE TABLE "_s + table(m_copy, u"leftover"_s) + u" (id INT)"_s);
    exec(u"INSERT INTO "_s + table(m_copy, u"leftover"_s) + u" VALUES (1), (2)"_s);
    Result<ChecksumReport> source = read({ m_source });
    QVERIFY2(source.ok(), why(source).constData());
    Result<ChecksumReport> copy = read({ m_copy });
    QVERIFY2(copy.ok(), why(copy).constData());

    const ChecksumComparison c = compare(*source, *copy, m_map);
    QCOMPARE(c.differences.size(), 2);
    QCOMPARE(c.differences.at(0).kind, ChecksumDifference::Kind::MissingTable);
    QCOMPARE(c.differences.at(0).table, Backtick);
    QVERIFY(c.differences.at(0).message.contains(m_source + u".a`b"_s));
    QCOMPARE(c.differences.at(1).kind, ChecksumDifference::Kind::ExtraTable);
    QCOMPARE(c.differences.at(1).database, m_copy);
    QCOMPARE(c.differences.at(1).table, u"leftover"_s);
    QCOMPARE(c.differences.at(1).restoredValue, u"2"_s);
    QCOMPARE(c.summary, u"2 of 5 tables differ"_s);
}

void TestChecksumReader::everyUserDatabase()
{
    Result<ChecksumReport> all = read({});
    QVERIFY2(all.ok(), why(all).constData());
    QVERIFY(all->find(m_source, u"items"_s) != nullptr);
    QVERIFY(all->find(m_copy, Orders) != nullptr);
    QVERIFY(all->find(u"shop"_s, u"customers"_s) != nullptr);
    for (const TableChecksum &t : all->tables)
        QVERIFY2(!ChecksumReader::isSystemDatabase(Engine::MariaDB, t.database),
                 qPrintable(t.qualifiedName()));
}

void TestChecksumReader::unknownDatabase()
{
    const QString nope = m_source + u"_nope"_s;
    Result<ChecksumReport> r = read({ m_source, nope });
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, ErrorKind::NotFound);
    QVERIFY2(r.error().message.contains(nope), qPrintable(r.error().message));
    QVERIFY2(!r.error().message.contains(m_source + u','), qPrintable(r.error().message));
    // Names are case-sensitive on MariaDB (Linux): another spelling is another database.
    Result<ChecksumReport> upper = read({ m_source.toUpper() });
    QVERIFY(!upper.ok());
    QCOMPARE(upper.error().kind, ErrorKind::NotFound);
}

void TestChecksumReader::serverErrorNamesTable()
{
    // The TiDB dialect's ADMIN CHECKSUM TABLE is not MariaDB syntax: the server's error comes back
    // for the first table (tables are read in name order: `a``b` first), named, code kept.
    EngineInfo tidb;
    tidb.engine = Engine::TiDB;
    const auto dialect = makeDialect(tidb);
    Result<ChecksumReport> r = read({ m_source }, dialect.get());
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, ErrorKind::Server);
    QCOMPARE(r.error().code, 1064);
    QVERIFY2(r.error().message.contains(m_source + u".a`b"_s), qPrintable(r.error().message));
    bool sent = false;
    for (const ActivityEntry &e : m_activity.entries())
        sent = sent || e.statement == u"ADMIN CHECKSUM TABLE "_s + table(m_source, Backtick);
    QVERIFY(sent);
}

void TestChecksumReader::cancelBetweenTables()
{
    std::atomic<bool> cancel { true };
    Result<ChecksumReport> before = read({ m_source }, nullptr, &cancel);
    QVERIFY(!before.ok());
    QCOMPARE(before.error().kind, ErrorKind::Cancelled);

    cancel = false;
    int calls = 0;
    Result<ChecksumReport> r = read({ m_source, m_copy }, nullptr, &cancel,
                                    [&](int done, int total, const TableChecksum &last) {
                                        ++calls;
                                        QCOMPARE(done, 1);
                                        QCOMPARE(total, 8);
                                        QCOMPARE(last.table, Backtick);
                                        cancel = true; // as another thread would
                                    });
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, ErrorKind::Cancelled);
    QCOMPARE(calls, 1);
    QVERIFY2(r.error().message.contains(u"1 of 8"_s), qPrintable(r.error().message));
}

QTEST_GUILESS_MAIN(TestChecksumReader)
#include "tst_checksumreader.moc"
