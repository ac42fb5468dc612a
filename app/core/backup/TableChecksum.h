// TableChecksum, ChecksumReport and compare(): what "verify after restore" (issue 6) compares.
// A ChecksumReport is one server's row counts and checksums per base table at one moment
// (ChecksumReader fills it); the report of the source is kept with the backup (its JSON form) and
// compared with the report of the restored copy. compare() is pure: it names every table that is
// missing, extra, or whose row count or checksum differs, with both values, and sums it up
// ("12 tables match" / "2 of 12 tables differ"). A restore into another database name (source
// `shop`, restored `shop_restore_1`) is compared through a source -> restored name map.
//
// What a checksum can prove depends on how it was made (TableChecksum::method):
//  - "checksum-table-extended" (MariaDB/MySQL CHECKSUM TABLE ... EXTENDED): a value over the
//    rows' contents. Equal data gives equal values on the same engine and version; another
//    engine or version may store rows differently (temporal types, row formats) and give another
//    value for equal data, so compare() adds a note when the engines differ.
//  - "tidb-admin-checksum" (TiDB ADMIN CHECKSUM TABLE): Checksum_crc64_xor, Total_kvs and
//    Total_bytes over the table's keys and values. The CRC64 covers the keys, which carry the
//    table id, and a restore (BR, or into another database) gives the table a new id: equal data
//    has a different CRC64 there. compare() therefore compares Total_kvs and Total_bytes (and the
//    row count) for TiDB, not the CRC64, and says so in a note. A change that keeps every
//    key-value pair's size (one character replaced by another) is not seen on TiDB.
//  - two different methods cannot be compared: that is reported for the table, never a match.
//
// Plain values and pure functions: any thread.
#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace TiDesk {

struct TableChecksum
{
    static constexpr auto MethodChecksumTable = "checksum-table-extended";
    static constexpr auto MethodTidbAdminChecksum = "tidb-admin-checksum";

    QString database;
    QString table;
    qint64 rows = -1; // SELECT COUNT(*)
    QString checksum; // the engine's value as decimal text (TiDB: Checksum_crc64_xor)
    QString method; // MethodChecksumTable or MethodTidbAdminChecksum
    // TiDB ADMIN CHECKSUM TABLE only (-1 elsewhere): the number and the size of the table's
    // key-value pairs (rows and index entries).
    qint64 totalKvs = -1;
    qint64 totalBytes = -1;

    [[nodiscard]] QString qualifiedName() const { return database + u'.' + table; }
    [[nodiscard]] bool isTidbAdminChecksum() const;
};

struct ChecksumReport
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::ChecksumReport)
public:
    QDateTime takenAt; // UTC: when the reading started
    QString engine; // EngineInfo::engineName(): tidb, mysql, mariadb
    QList<TableChecksum> tables;

    // nullptr when the report has no such table.
    [[nodiscard]] const TableChecksum *find(const QString &database, const QString &table) const;

    // {"taken_at": ISO-8601 UTC, "engine": "...", "tables": [{"database", "table", "rows",
    // "checksum", "method", and for TiDB "total_kvs", "total_bytes"}]}. Checksums are strings:
    // a CRC64 does not fit a JSON number.
    [[nodiscard]] QJsonObject toJson() const;
    // Strict: InvalidInput naming the field ("tables[3].rows") when anything is missing, of the
    // wrong type or out of range, or a table appears twice.
    [[nodiscard]] static Result<ChecksumReport> fromJson(const QJsonObject &o);
};

struct ChecksumDifference
{
    enum class Kind {
        MissingTable, // in the source, not in the restore
        ExtraTable, // in the restore, not in the source
        RowCountDiffers,
        ChecksumDiffers,
        NotComparable, // the two checksums were made by different methods
    };

    Kind kind = Kind::ChecksumDiffers;
    QString database; // the source's name (ExtraTable: the restored one)
    QString restoredDatabase; // the name in the restore (differs with a name map)
    QString table;
    QString sourceValue; // empty when the table is absent on that side
    QString restoredValue;
    QString message; // translated; names database.table and both values
};

struct ChecksumComparison
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::ChecksumComparison)
public:
    int tablesCompared = 0; // distinct tables on either side
    int tablesDiffering = 0; // tables with at least one difference
    QList<ChecksumDifference> differences; // source order, then the extra tables
    QStringList notes; // translated caveats (TiDB CRC64 not compared, engines differ)
    QString summary; // translated: "12 tables match" / "2 of 12 tables differ"

    [[nodiscard]] bool matches() const { return differences.isEmpty(); }
};

// databaseMap: source database -> restored database; databases not in the map keep their name.
[[nodiscard]] ChecksumComparison compare(const ChecksumReport &source,
                                         const ChecksumReport &restored,
                                         const QHash<QString, QString> &databaseMap = {});

} // namespace TiDesk
