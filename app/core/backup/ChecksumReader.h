// ChecksumReader: reads a ChecksumReport (row count and checksum per base table) from a server,
// for "verify after restore" (issue 6): once on the source at backup time, once on the restore.
// Databases: the ones asked for (each must exist: NotFound naming those that do not), or, when
// none are given, every database except the system ones (mysql, information_schema,
// performance_schema, sys; on TiDB also METRICS_SCHEMA). Tables: information_schema.TABLES with
// TABLE_TYPE = 'BASE TABLE' (views, sequences and MariaDB system-versioned tables are not read).
// Per table, in this order:
//   SELECT COUNT(*) FROM `db`.`t`
//   MariaDB/MySQL: CHECKSUM TABLE `db`.`t` EXTENDED       (columns Table, Checksum)
//   TiDB:          ADMIN CHECKSUM TABLE `db`.`t`          (Db_name, Table_name,
//                  Checksum_crc64_xor, Total_kvs, Total_bytes; rows still from COUNT(*))
// Identifiers go through SqlQuote, so names with backticks or non-ASCII characters work. Every
// statement runs through SqlConnection::query(), so each one is in the activity log.
//
// TiDB cannot run on this machine: the TiDB path is verified only by its statement text and by
// parsing a result row written after TiDB's documentation (tests/unit/tst_tablechecksum.cpp),
// never against a TiDB server. See TableChecksum.h for what a TiDB checksum can and cannot prove
// after a restore (its CRC64 includes the table id).
//
// A checksum reads every row of the table: on a big table one statement can take minutes, so open
// the connection with a read timeout (ConnectParams::readTimeoutMs) that fits the largest table.
// The counts and checksums are not one consistent snapshot across tables: read a copy nobody
// writes to (a restore, a quiesced source).
//
// Threading: read() blocks (network) and uses the caller's connection: a pool thread (or the CLI),
// never the GUI thread. *cancel is checked before each table (another thread sets it); the
// statement in flight is not interrupted. The statement builders and parsers are pure: any thread.
#pragma once

#include "backup/TableChecksum.h"
#include "common/Result.h"
#include "sql/EngineInfo.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace TiDesk {

class Dialect;
class SqlConnection;
struct QueryResult;

class ChecksumReader final
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::ChecksumReader)
public:
    // Called after each table with the tables done so far and the total.
    using Progress = std::function<void(int done, int total, const TableChecksum &last)>;

    // conn: open, on the server `dialect` describes. Errors: NotFound for a database that does not
    // exist, or a table that vanished before its checksum; Cancelled when *cancel was set; the
    // server's error (kind, code, SQLSTATE kept) with a message naming the database and table.
    [[nodiscard]] static Result<ChecksumReport> read(SqlConnection &conn, const Dialect &dialect,
                                                     const QStringList &databases = {},
                                                     const std::atomic<bool> *cancel = nullptr,
                                                     const Progress &progress = {});

    // --- statements (pure) ------------------------------------------------------------------
    // Compared case-insensitively (TiDB spells them in capitals).
    [[nodiscard]] static bool isSystemDatabase(Engine engine, const QString &database);
    // Column SCHEMA_NAME.
    [[nodiscard]] static QString databasesQuery();
    // Base tables of these databases, columns TABLE_SCHEMA, TABLE_NAME. Empty list: empty text.
    [[nodiscard]] static QString tablesQuery(const QStringList &databases);
    [[nodiscard]] static QString countStatement(const QString &database, const QString &table);
    [[nodiscard]] static QString checksumStatement(Engine engine, const QString &database,
                                                   const QString &table);
    // TableChecksum::MethodTidbAdminChecksum on TiDB, MethodChecksumTable elsewhere.
    [[nodiscard]] static QString checksumMethod(Engine engine);

    // --- parsing (pure) ---------------------------------------------------------------------
    // The answer of checksumStatement() for one table (rows from countStatement()). NotFound when
    // MariaDB/MySQL answered NULL (the table does not exist: CHECKSUM TABLE reports that as a
    // warning, not an error); InvalidInput when the result does not have the engine's columns.
    [[nodiscard]] static Result<TableChecksum> checksumFromResult(Engine engine,
                                                                  const QString &database,
                                                                  const QString &table, qint64 rows,
                                                                  const QueryResult &result);

    // The `checksums` file of a physical backup's scratch drill (BackupScript), read with the
    // mariadb client's --batch output (\t, \n, \\ and \0 escaped in values):
    //   V <version>                       once, first
    //   R <db> <table> <rows>             per base table, from SELECT COUNT(*)
    //   <db>.<table> <checksum>           the next line, from CHECKSUM TABLE ... EXTENDED
    // InvalidInput naming the line when the file is not that; NotFound when a checksum is NULL.
    [[nodiscard]] static Result<ChecksumReport> reportFromDrill(const QStringList &lines,
                                                                const QDateTime &takenAt);
    // The mariadb client's --batch escaping undone.
    [[nodiscard]] static QString unescapeBatch(const QString &value);
};

} // namespace TiDesk
