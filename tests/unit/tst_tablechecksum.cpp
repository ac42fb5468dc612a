// TableChecksum / ChecksumReport / compare() and ChecksumReader's statements and parsers, without
// a server: the JSON kept with a backup (round trip, a stored fixture, every malformed field
// named), compare() with each kind of difference, a source -> restored database map and TiDB's
// kvs/bytes rule, and the TiDB path (ADMIN CHECKSUM TABLE), which is verified here only: by its
// statement text and by parsing a result row shaped like TiDB's documented answer. No TiDB ran.
// The checksum file of a physical backup's scratch drill (mariadb --batch output, escaped names)
// is parsed and compared, and a damaged one names its line.
#include "backup/ChecksumReader.h"
#include "backup/TableChecksum.h"
#include "sql/QueryResult.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

#include <functional>

using namespace TiDesk;
using namespace Qt::StringLiterals;

namespace {

TableChecksum mariadbTable(const QString &db, const QString &table, qint64 rows,
                           const QString &checksum)
{
    TableChecksum t;
    t.database = db;
    t.table = table;
    t.rows = rows;
    t.checksum = checksum;
    t.method = QString::fromLatin1(TableChecksum::MethodChecksumTable);
    return t;
}

TableChecksum tidbTable(const QString &db, const QString &table, qint64 rows, const QString &crc,
                        qint64 kvs, qint64 bytes)
{
    TableChecksum t;
    t.database = db;
    t.table = table;
    t.rows = rows;
    t.checksum = crc;
    t.method = QString::fromLatin1(TableChecksum::MethodTidbAdminChecksum);
    t.totalKvs = kvs;
    t.totalBytes = bytes;
    return t;
}

ChecksumReport report(const QString &engine, const QList<TableChecksum> &tables)
{
    ChecksumReport r;
    r.takenAt = QDateTime(QDate(2026, 11, 30), QTime(12, 0, 1, 250), Qt::UTC);
    r.engine = engine;
    r.tables = tables;
    return r;
}

ChecksumReport shop(const QString &db = u"shop"_s)
{
    return report(u"mariadb"_s,
                  { mariadbTable(db, u"customers"_s, 20000, u"3459908756"_s),
                    mariadbTable(db, u"orders"_s, 50000, u"1234567890"_s),
                    mariadbTable(db, u"order`items"_s, 100000, u"42"_s),
                    mariadbTable(db, u"评论"_s, 10000, u"0"_s) });
}

QByteArray fixture(const char *name)
{
    QFile f(QStringLiteral(TIDESK_TEST_DATA_DIR "/backup/") + QString::fromLatin1(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

using Mutation = std::function<void(QJsonObject &)>;

// Applies f to tables[index] of o.
void editTable(QJsonObject &o, int index, const std::function<void(QJsonObject &)> &f)
{
    QJsonArray tables = o.value(u"tables"_s).toArray();
    QJsonObject t = tables.at(index).toObject();
    f(t);
    tables.replace(index, t);
    o.insert(u"tables"_s, tables);
}

} // namespace

Q_DECLARE_METATYPE(Mutation)

class TestTableChecksum : public QObject
{
    Q_OBJECT
private slots:
    void jsonRoundTrip();
    void storedReportFixture();
    void malformedJson_data();
    void malformedJson();
    void compareIdentical();
    void compareEveryDifference();
    void compareBothDifferencesCountOnce();
    void compareWithDatabaseMap();
    void compareDifferentMethods();
    void compareTidbKvsAndBytes();
    void compareSummaries();
    void statementTexts();
    void systemDatabases();
    void tidbAdminChecksumRow();
    void tidbAdminChecksumRowAsText();
    void tidbNotAnAdminChecksumAnswer();
    void mariadbChecksumRow();
    void mariadbNullChecksumIsNotFound();
    void drillChecksumFile();
    void drillChecksumFileDamaged();
};

void TestTableChecksum::jsonRoundTrip()
{
    ChecksumReport r = shop();
    // A CRC64 above 2^53 must survive: checksums are strings, never JSON numbers.
    r.tables << tidbTable(u"test"_s, u"t1"_s, 3, u"10909174369497628533"_s, 3, 75);
    const QByteArray bytes = QJsonDocument(r.toJson()).toJson();
    const QJsonDocument doc = QJsonDocument::fromJson(bytes);
    QVERIFY(doc.isObject());
    Result<ChecksumReport> back = ChecksumReport::fromJson(doc.object());
    QVERIFY2(back.ok(), qPrintable(back.error().toString()));
    QCOMPARE(back->takenAt, r.takenAt);
    QCOMPARE(back->takenAt.timeSpec(), Qt::UTC);
    QCOMPARE(back->engine, u"mariadb"_s);
    QCOMPARE(back->tables.size(), r.tables.size());
    for (qsizetype i = 0; i < r.tables.size(); ++i) {
        const TableChecksum &a = r.tables.at(i);
        const TableChecksum &b = back->tables.at(i);
        QCOMPARE(b.database, a.database);
        QCOMPARE(b.table, a.table);
        QCOMPARE(b.rows, a.rows);
        QCOMPARE(b.checksum, a.checksum);
        QCOMPARE(b.method, a.method);
        QCOMPARE(b.totalKvs, a.totalKvs);
        QCOMPARE(b.totalBytes, a.totalBytes);
    }
    QCOMPARE(back->tables.last().checksum, u"10909174369497628533"_s);
    QCOMPARE(back->tables.at(2).table, u"order`items"_s);
    QCOMPARE(back->tables.at(3).table, u"评论"_s);
    QVERIFY(compare(r, *back).matches());
    // MariaDB entries carry no TiDB totals.
    QVERIFY(!r.toJson().value(u"tables"_s).toArray().at(0).toObject().contains(u"total_kvs"_s));
}

void TestTableChecksum::storedReportFixture()
{
    const QJsonDocument doc = QJsonDocument::fromJson(fixture("checksum-report-tidb.json"));
    QVERIFY(doc.isObject());
    Result<ChecksumReport> r = ChecksumReport::fromJson(doc.object());
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
    QCOMPARE(r->engine, u"tidb"_s);
    QCOMPARE(r->takenAt, QDateTime(QDate(2024, 5, 14), QTime(13, 30, 0), Qt::UTC));
    QCOMPARE(r->tables.size(), 2);
    const TableChecksum *t1 = r->find(u"test"_s, u"t1"_s);
    QVERIFY(t1 != nullptr);
    QCOMPARE(t1->rows, 3);
    QCOMPARE(t1->checksum, u"10909174369497628533"_s);
    QCOMPARE(t1->totalKvs, 3);
    QCOMPARE(t1->totalBytes, 75);
    QVERIFY(t1->isTidbAdminChecksum());
    QVERIFY(r->find(u"test"_s, u"nope"_s) == nullptr);
}

void TestTableChecksum::malformedJson_data()
{
    QTest::addColumn<Mutation>("mutate");
    QTest::addColumn<QString>("field");

    auto top = [](const char *key, const QJsonValue &v) -> Mutation {
        const QString k = QString::fromLatin1(key);
        return [k, v](QJsonObject &o) {
            if (v.isUndefined())
                o.remove(k);
            else
                o.insert(k, v);
        };
    };
    auto inTable = [](int index, const char *key, const QJsonValue &v) -> Mutation {
        const QString k = QString::fromLatin1(key);
        return [index, k, v](QJsonObject &o) {
            editTable(o, index, [&](QJsonObject &t) {
                if (v.isUndefined())
                    t.remove(k);
                else
                    t.insert(k, v);
            });
        };
    };
    const QJsonValue absent(QJsonValue::Undefined);

    QTest::newRow("no taken_at") << top("taken_at", absent) << u"taken_at"_s;
    QTest::newRow("taken_at not a time") << top("taken_at", u"yesterday"_s) << u"taken_at"_s;
    QTest::newRow("taken_at a number") << top("taken_at", 1715693400) << u"taken_at"_s;
    QTest::newRow("no engine") << top("engine", absent) << u"engine"_s;
    QTest::newRow("unknown engine") << top("engine", u"oracle"_s) << u"engine"_s;
    QTest::newRow("no tables") << top("tables", absent) << u"tables"_s;
    QTest::newRow("tables an object") << top("tables", QJsonObject {}) << u"tables"_s;
    QTest::newRow("table not an object") << Mutation([](QJsonObject &o) {
        QJsonArray t = o.value(u"tables"_s).toArray();
        t.replace(1, u"shop.orders"_s);
        o.insert(u"tables"_s, t);
    }) << u"tables[1]"_s;
    QTest::newRow("no database") << inTable(0, "database", absent) << u"tables[0].database"_s;
    QTest::newRow("empty table") << inTable(2, "table", u""_s) << u"tables[2].table"_s;
    QTest::newRow("rows missing") << inTable(1, "rows", absent) << u"tables[1].rows"_s;
    QTest::newRow("rows negative") << inTable(1, "rows", -1) << u"tables[1].rows"_s;
    QTest::newRow("rows fractional") << inTable(1, "rows", 1.5) << u"tables[1].rows"_s;
    QTest::newRow("rows as text") << inTable(1, "rows", u"12"_s) << u"tables[1].rows"_s;
    QTest::newRow("checksum a number") << inTable(0, "checksum", 42) << u"tables[0].checksum"_s;
    QTest::newRow("checksum not decimal")
        << inTable(0, "checksum", u"0xdeadbeef"_s) << u"tables[0].checksum"_s;
    QTest::newRow("checksum empty") << inTable(0, "checksum", u""_s) << u"tables[0].checksum"_s;
    QTest::newRow("unknown method") << inTable(3, "method", u"md5"_s) << u"tables[3].method"_s;
    QTest::newRow("tidb without total_kvs")
        << inTable(4, "total_kvs", absent) << u"tables[4].total_kvs"_s;
    QTest::newRow("tidb negative total_bytes")
        << inTable(4, "total_bytes", -75) << u"tables[4].total_bytes"_s;
    QTest::newRow("duplicate table")
        << inTable(1, "table", u"customers"_s) << u"tables[1] repeats the table shop.customers"_s;
}

void TestTableChecksum::malformedJson()
{
    QFETCH(Mutation, mutate);
    QFETCH(QString, field);
    ChecksumReport r = shop();
    r.tables << tidbTable(u"test"_s, u"t1"_s, 3, u"10909174369497628533"_s, 3, 75);
    QJsonObject o = r.toJson();
    QVERIFY(ChecksumReport::fromJson(o).ok()); // the baseline is valid
    mutate(o);
    Result<ChecksumReport> back = ChecksumReport::fromJson(o);
    QVERIFY(!back.ok());
    QCOMPARE(back.error().kind, ErrorKind::InvalidInput);
    QVERIFY2(back.error().message.contains(field), qPrintable(back.error().message));
}

void TestTableChecksum::compareIdentical()
{
    const ChecksumComparison c = compare(shop(), shop());
    QVERIFY(c.matches());
    QCOMPARE(c.tablesCompared, 4);
    QCOMPARE(c.tablesDiffering, 0);
    QVERIFY(c.notes.isEmpty());
    QCOMPARE(c.summary, u"4 tables match"_s);
}

void TestTableChecksum::compareEveryDifference()
{
    const ChecksumReport source = shop();
    ChecksumReport restored = shop();
    restored.tables[1].rows = 49999; // orders: one row lost
    restored.tables[2].checksum = u"43"_s; // order`items: one row changed
    restored.tables.removeAt(3); // 评论 not restored
    restored.tables << mariadbTable(u"shop"_s, u"tmp_import"_s, 7, u"99"_s);

    const ChecksumComparison c = compare(source, restored);
    QVERIFY(!c.matches());
    QCOMPARE(c.tablesCompared, 5);
    QCOMPARE(c.tablesDiffering, 4);
    QCOMPARE(c.summary, u"4 of 5 tables differ"_s);
    QCOMPARE(c.differences.size(), 4);

    const ChecksumDifference &rows = c.differences.at(0);
    QCOMPARE(rows.kind, ChecksumDifference::Kind::RowCountDiffers);
    QCOMPARE(rows.table, u"orders"_s);
    QCOMPARE(rows.sourceValue, u"50000"_s);
    QCOMPARE(rows.restoredValue, u"49999"_s);
    QCOMPARE(rows.message, u"shop.orders: row count differs: source 50000, restored 49999."_s);

    const ChecksumDifference &sum = c.differences.at(1);
    QCOMPARE(sum.kind, ChecksumDifference::Kind::ChecksumDiffers);
    QCOMPARE(sum.table, u"order`items"_s);
    QCOMPARE(sum.message, u"shop.order`items: checksum differs: source 42, restored 43."_s);

    const ChecksumDifference &missing = c.differences.at(2);
    QCOMPARE(missing.kind, ChecksumDifference::Kind::MissingTable);
    QCOMPARE(missing.table, u"评论"_s);
    QCOMPARE(missing.restoredValue, QString());
    QCOMPARE(missing.message, u"shop.评论 is missing from the restore (source: 10000 rows)."_s);

    const ChecksumDifference &extra = c.differences.at(3);
    QCOMPARE(extra.kind, ChecksumDifference::Kind::ExtraTable);
    QCOMPARE(extra.database, u"shop"_s);
    QCOMPARE(extra.table, u"tmp_import"_s);
    QCOMPARE(extra.sourceValue, QString());
    QCOMPARE(extra.message, u"shop.tmp_import is in the restore but not in the source (7 rows)."_s);
}

void TestTableChecksum::compareBothDifferencesCountOnce()
{
    ChecksumReport restored = shop();
    restored.tables[0].rows = 19999;
    restored.tables[0].checksum = u"1"_s;
    const ChecksumComparison c = compare(shop(), restored);
    QCOMPARE(c.differences.size(), 2);
    QCOMPARE(c.differences.at(0).kind, ChecksumDifference::Kind::RowCountDiffers);
    QCOMPARE(c.differences.at(1).kind, ChecksumDifference::Kind::ChecksumDiffers);
    QCOMPARE(c.tablesDiffering, 1);
    QCOMPARE(c.summary, u"1 of 4 tables differs"_s);
}

void TestTableChecksum::compareWithDatabaseMap()
{
    const ChecksumReport source = shop();
    ChecksumReport restored = shop(u"shop_restore_1"_s);

    // Without the map every source table is missing and every restored one is extra.
    const ChecksumComparison unmapped = compare(source, restored);
    QCOMPARE(unmapped.differences.size(), 8);
    QCOMPARE(unmapped.summary, u"8 of 8 tables differ"_s);

    const QHash<QString, QString> map { { u"shop"_s, u"shop_restore_1"_s } };
    const ChecksumComparison same = compare(source, restored, map);
    QVERIFY(same.matches());
    QCOMPARE(same.summary, u"4 tables match"_s);

    restored.tables[1].checksum = u"7"_s;
    const ChecksumComparison c = compare(source, restored, map);
    QCOMPARE(c.differences.size(), 1);
    const ChecksumDifference &d = c.differences.first();
    QCOMPARE(d.kind, ChecksumDifference::Kind::ChecksumDiffers);
    QCOMPARE(d.database, u"shop"_s);
    QCOMPARE(d.restoredDatabase, u"shop_restore_1"_s);
    QCOMPARE(d.table, u"orders"_s);
    QCOMPARE(d.message,
             u"shop.orders (restored as shop_restore_1.orders): checksum differs: source "
             "1234567890, restored 7."_s);
    QCOMPARE(c.summary, u"1 of 4 tables differs"_s);
}

void TestTableChecksum::compareDifferentMethods()
{
    const ChecksumReport source = report(u"mariadb"_s, { mariadbTable(u"a"_s, u"t"_s, 3, u"9"_s) });
    const ChecksumReport restored
        = report(u"tidb"_s, { tidbTable(u"a"_s, u"t"_s, 3, u"9"_s, 3, 75) });
    const ChecksumComparison c = compare(source, restored);
    QCOMPARE(c.differences.size(), 1);
    QCOMPARE(c.differences.first().kind, ChecksumDifference::Kind::NotComparable);
    QVERIFY(c.differences.first().message.contains(u"checksum-table-extended"_s));
    QVERIFY(c.differences.first().message.contains(u"tidb-admin-checksum"_s));
    QCOMPARE(c.summary, u"1 of 1 table differs"_s);
    // The engines differ: said once, as a note.
    QCOMPARE(c.notes.size(), 1);
    QVERIFY(c.notes.first().contains(u"mariadb"_s));
    QVERIFY(c.notes.first().contains(u"tidb"_s));
}

void TestTableChecksum::compareTidbKvsAndBytes()
{
    const ChecksumReport source
        = report(u"tidb"_s,
                 { tidbTable(u"test"_s, u"t1"_s, 3, u"10909174369497628533"_s, 3, 75),
                   tidbTable(u"test"_s, u"t2"_s, 5, u"1"_s, 10, 400) });
    // Restored by BR: new table ids, so other CRC64s for the same data.
    ChecksumReport restored
        = report(u"tidb"_s,
                 { tidbTable(u"test"_s, u"t1"_s, 3, u"6658327113942417021"_s, 3, 75),
                   tidbTable(u"test"_s, u"t2"_s, 5, u"2"_s, 10, 400) });
    const ChecksumComparison same = compare(source, restored);
    QVERIFY(same.matches());
    QCOMPARE(same.notes.size(), 1);
    QVERIFY(same.notes.first().contains(u"table id"_s));

    restored.tables[1].totalBytes = 401;
    const ChecksumComparison c = compare(source, restored);
    QCOMPARE(c.differences.size(), 1);
    const ChecksumDifference &d = c.differences.first();
    QCOMPARE(d.kind, ChecksumDifference::Kind::ChecksumDiffers);
    QCOMPARE(d.message,
             u"test.t2: checksum differs: source 10 key-value pairs, 400 bytes, restored 10 "
             "key-value pairs, 401 bytes."_s);

    restored.tables[1].totalBytes = 400;
    restored.tables[1].totalKvs = 9;
    QCOMPARE(compare(source, restored).differences.size(), 1);
}

void TestTableChecksum::compareSummaries()
{
    const ChecksumReport empty = report(u"mariadb"_s, {});
    QCOMPARE(compare(empty, empty).summary, u"No tables to compare"_s);
    const ChecksumReport one = report(u"mariadb"_s, { mariadbTable(u"a"_s, u"t"_s, 1, u"5"_s) });
    QCOMPARE(compare(one, one).summary, u"1 table matches"_s);
    const ChecksumComparison gone = compare(one, empty);
    QCOMPARE(gone.summary, u"1 of 1 table differs"_s);
    QCOMPARE(gone.differences.first().kind, ChecksumDifference::Kind::MissingTable);
    const ChecksumComparison extra = compare(empty, one);
    QCOMPARE(extra.differences.first().kind, ChecksumDifference::Kind::ExtraTable);
    QCOMPARE(extra.tablesCompared, 1);
}

void TestTableChecksum::statementTexts()
{
    QCOMPARE(ChecksumReader::checksumStatement(Engine::TiDB, u"shop"_s, u"orders"_s),
             u"ADMIN CHECKSUM TABLE `shop`.`orders`"_s);
    QCOMPARE(ChecksumReader::checksumStatement(Engine::TiDB, u"my`db"_s, u"订单"_s),
             u"ADMIN CHECKSUM TABLE `my``db`.`订单`"_s);
    QCOMPARE(ChecksumReader::checksumStatement(Engine::MariaDB, u"shop"_s, u"a`b"_s),
             u"CHECKSUM TABLE `shop`.`a``b` EXTENDED"_s);
    QCOMPARE(ChecksumReader::checksumStatement(Engine::MySQL, u"shop"_s, u"orders"_s),
             u"CHECKSUM TABLE `shop`.`orders` EXTENDED"_s);
    QCOMPARE(ChecksumReader::countStatement(u"shop"_s, u"a`b"_s),
             u"SELECT COUNT(*) FROM `shop`.`a``b`"_s);
    QCOMPARE(ChecksumReader::tablesQuery({ u"shop"_s, u"o'neil"_s }),
             u"SELECT TABLE_SCHEMA, TABLE_NAME FROM information_schema.TABLES WHERE TABLE_TYPE = "
             "'BASE TABLE' AND TABLE_SCHEMA IN ('shop', 'o''neil') ORDER BY TABLE_SCHEMA, "
             "TABLE_NAME"_s);
    QCOMPARE(ChecksumReader::tablesQuery({}), QString());
    QCOMPARE(ChecksumReader::checksumMethod(Engine::TiDB), u"tidb-admin-checksum"_s);
    QCOMPARE(ChecksumReader::checksumMethod(Engine::MariaDB), u"checksum-table-extended"_s);
}

void TestTableChecksum::systemDatabases()
{
    for (const Engine e : { Engine::MariaDB, Engine::MySQL, Engine::TiDB }) {
        QVERIFY(ChecksumReader::isSystemDatabase(e, u"mysql"_s));
        QVERIFY(ChecksumReader::isSystemDatabase(e, u"information_schema"_s));
        QVERIFY(ChecksumReader::isSystemDatabase(e, u"performance_schema"_s));
        QVERIFY(ChecksumReader::isSystemDatabase(e, u"sys"_s));
        QVERIFY(!ChecksumReader::isSystemDatabase(e, u"shop"_s));
    }
    QVERIFY(ChecksumReader::isSystemDatabase(Engine::TiDB, u"METRICS_SCHEMA"_s));
    QVERIFY(ChecksumReader::isSystemDatabase(Engine::TiDB, u"INFORMATION_SCHEMA"_s));
    QVERIFY(ChecksumReader::isSystemDatabase(Engine::TiDB, u"PERFORMANCE_SCHEMA"_s));
    // Only TiDB has METRICS_SCHEMA: elsewhere it is a user's database like any other.
    QVERIFY(!ChecksumReader::isSystemDatabase(Engine::MariaDB, u"METRICS_SCHEMA"_s));
}

void TestTableChecksum::tidbAdminChecksumRow()
{
    // TiDB's documented answer to ADMIN CHECKSUM TABLE t1 (three rows in t1): the connector gives
    // the unsigned CRC64 as quint64.
    QueryResult r;
    r.columns = QStringList { u"Db_name"_s, u"Table_name"_s, u"Checksum_crc64_xor"_s,
                              u"Total_kvs"_s, u"Total_bytes"_s };
    r.rows << QVariantList { u"test"_s, u"t1"_s,
                             QVariant::fromValue<quint64>(10909174369497628533ULL),
                             QVariant::fromValue<quint64>(3), QVariant::fromValue<quint64>(75) };
    Result<TableChecksum> t
        = ChecksumReader::checksumFromResult(Engine::TiDB, u"test"_s, u"t1"_s, 3, r);
    QVERIFY2(t.ok(), qPrintable(t.error().toString()));
    QCOMPARE(t->database, u"test"_s);
    QCOMPARE(t->table, u"t1"_s);
    QCOMPARE(t->rows, 3);
    QCOMPARE(t->checksum, u"10909174369497628533"_s);
    QCOMPARE(t->totalKvs, 3);
    QCOMPARE(t->totalBytes, 75);
    QCOMPARE(t->method, u"tidb-admin-checksum"_s);
}

void TestTableChecksum::tidbAdminChecksumRowAsText()
{
    // Some TiDB versions and proxies send every column as text.
    QueryResult r;
    r.columns = QStringList { u"Db_name"_s, u"Table_name"_s, u"Checksum_crc64_xor"_s,
                              u"Total_kvs"_s, u"Total_bytes"_s };
    r.rows << QVariantList { u"test"_s, u"t1"_s, u"0"_s, u"0"_s, u"0"_s };
    Result<TableChecksum> t
        = ChecksumReader::checksumFromResult(Engine::TiDB, u"test"_s, u"t1"_s, 0, r);
    QVERIFY2(t.ok(), qPrintable(t.error().toString()));
    QCOMPARE(t->checksum, u"0"_s);
    QCOMPARE(t->totalKvs, 0);
}

void TestTableChecksum::tidbNotAnAdminChecksumAnswer()
{
    // What CHECKSUM TABLE (MariaDB's shape) would give: not TiDB's columns.
    QueryResult r;
    r.columns = QStringList { u"Table"_s, u"Checksum"_s };
    r.rows << QVariantList { u"test.t1"_s, QVariant::fromValue<quint64>(5) };
    Result<TableChecksum> t
        = ChecksumReader::checksumFromResult(Engine::TiDB, u"test"_s, u"t1"_s, 3, r);
    QVERIFY(!t.ok());
    QCOMPARE(t.error().kind, ErrorKind::InvalidInput);
    QVERIFY(t.error().message.contains(u"test.t1"_s));
    QVERIFY(t.error().message.contains(u"ADMIN CHECKSUM TABLE"_s));

    QueryResult negative;
    negative.columns = QStringList { u"Db_name"_s, u"Table_name"_s, u"Checksum_crc64_xor"_s,
                                     u"Total_kvs"_s, u"Total_bytes"_s };
    negative.rows << QVariantList { u"test"_s, u"t1"_s, u"12"_s, qint64(-1), qint64(75) };
    QVERIFY(
        !ChecksumReader::checksumFromResult(Engine::TiDB, u"test"_s, u"t1"_s, 3, negative).ok());
}

void TestTableChecksum::mariadbChecksumRow()
{
    QueryResult r;
    r.columns = QStringList { u"Table"_s, u"Checksum"_s };
    r.rows << QVariantList { u"shop.订单"_s, QVariant::fromValue<quint64>(3459908756) };
    Result<TableChecksum> t
        = ChecksumReader::checksumFromResult(Engine::MariaDB, u"shop"_s, u"订单"_s, 1, r);
    QVERIFY2(t.ok(), qPrintable(t.error().toString()));
    QCOMPARE(t->checksum, u"3459908756"_s);
    QCOMPARE(t->method, u"checksum-table-extended"_s);
    QCOMPARE(t->totalKvs, -1);
}

void TestTableChecksum::mariadbNullChecksumIsNotFound()
{
    // MariaDB answers CHECKSUM TABLE of a missing table with NULL and a warning, not an error.
    QueryResult r;
    r.columns = QStringList { u"Table"_s, u"Checksum"_s };
    r.rows << QVariantList { u"shop.gone"_s, QVariant() };
    r.warnings << SqlWarning { u"Error"_s, 1146, u"Table 'shop.gone' doesn't exist"_s };
    Result<TableChecksum> t
        = ChecksumReader::checksumFromResult(Engine::MariaDB, u"shop"_s, u"gone"_s, 0, r);
    QVERIFY(!t.ok());
    QCOMPARE(t.error().kind, ErrorKind::NotFound);
    QVERIFY(t.error().message.contains(u"shop.gone"_s));
    QCOMPARE(t.error().detail, u"Table 'shop.gone' doesn't exist"_s);
}

// The `checksums` file a physical backup's scratch drill writes (mariadb client --batch output):
// names with a tab, a newline, a backslash and a dot come back as they are.
void TestTableChecksum::drillChecksumFile()
{
    const QDateTime at(QDate(2026, 11, 30), QTime(12, 0), Qt::UTC);
    const QStringList lines {
        u"V\t10.11.19-MariaDB-0+deb12u1"_s, u"R\tshop\torders\t50002"_s,
        u"shop.orders\t3547698701"_s,       u"R\twe\\tird.db\tli\\nne\\\\x\t0"_s,
        u"we\\tird.db.li\\nne\\\\x\t0"_s,
    };
    const Result<ChecksumReport> r = ChecksumReader::reportFromDrill(lines, at);
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
    QCOMPARE(r->engine, u"mariadb"_s);
    QCOMPARE(r->takenAt, at);
    QCOMPARE(r->tables.size(), 2);
    QCOMPARE(r->tables.at(0).qualifiedName(), u"shop.orders"_s);
    QCOMPARE(r->tables.at(0).rows, 50002);
    QCOMPARE(r->tables.at(0).checksum, u"3547698701"_s);
    QCOMPARE(r->tables.at(0).method, QString::fromLatin1(TableChecksum::MethodChecksumTable));
    QCOMPARE(r->tables.at(1).database, u"we\tird.db"_s);
    QCOMPARE(r->tables.at(1).table, u"li\nne\\x"_s);
    // Compared with a report read from the server the usual way: equal.
    ChecksumReport source;
    source.takenAt = at;
    source.engine = u"mariadb"_s;
    source.tables = { mariadbTable(u"shop"_s, u"orders"_s, 50002, u"3547698701"_s),
                      mariadbTable(u"we\tird.db"_s, u"li\nne\\x"_s, 0, u"0"_s) };
    QVERIFY(compare(source, *r).matches());
    // No table at all (an instance with only system schemas) is a report too.
    QVERIFY(ChecksumReader::reportFromDrill({ lines.first() }, at).ok());
}

void TestTableChecksum::drillChecksumFileDamaged()
{
    const QDateTime at = QDateTime::currentDateTimeUtc();
    const QString v = u"V\t10.11.19-MariaDB"_s;
    auto error = [&](const QStringList &lines) {
        const Result<ChecksumReport> r = ChecksumReader::reportFromDrill(lines, at);
        return r.ok() ? QString() : r.error().message;
    };
    QVERIFY(error({}).contains(u"line 1"_s));
    QVERIFY(error({ u"R\tshop\torders\t1"_s }).contains(u"line 1"_s));
    QVERIFY(error({ v, u"R\tshop\torders\t1"_s }).contains(u"line 3"_s)); // no checksum
    QVERIFY(error({ v, u"R\tshop\torders\tmany"_s, u"shop.orders\t1"_s }).contains(u"line 2"_s));
    QVERIFY(error({ v, u"R\tshop\torders\t1"_s, u"shop.other\t1"_s }).contains(u"line 3"_s));
    QVERIFY(error({ v, u"R\tshop\torders\t1"_s, u"shop.orders\t-1"_s }).contains(u"line 3"_s));
    const QStringList twice { v, u"R\tshop\torders\t1"_s, u"shop.orders\t1"_s,
                              u"R\tshop\torders\t1"_s, u"shop.orders\t1"_s };
    QVERIFY(error(twice).contains(u"line 4"_s));
    const Result<ChecksumReport> null = ChecksumReader::reportFromDrill(
        { v, u"R\tshop\torders\t1"_s, u"shop.orders\tNULL"_s }, at);
    QVERIFY(!null.ok());
    QCOMPARE(null.error().kind, ErrorKind::NotFound);
    QVERIFY(null.error().message.contains(u"shop.orders"_s));
}

QTEST_GUILESS_MAIN(TestTableChecksum)
#include "tst_tablechecksum.moc"
