#include "ChecksumReader.h"

#include "sql/Dialect.h"
#include "sql/QueryResult.h"
#include "sql/SqlConnection.h"
#include "sql/SqlQuote.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

QString qualified(const QString &database, const QString &table)
{
    return database + u'.' + table;
}

QString quotedTable(const QString &database, const QString &table)
{
    return SqlQuote::identifier(database) + u'.' + SqlQuote::identifier(table);
}

bool isDecimalText(const QString &s)
{
    if (s.isEmpty())
        return false;
    for (const QChar c : s)
        if (c < u'0' || c > u'9')
            return false;
    return true;
}

// A non-negative whole number from a result cell (the connector gives qint64/quint64; text is
// accepted too).
std::optional<qint64> countCell(const QVariant &v)
{
    if (!v.isValid() || v.isNull())
        return std::nullopt;
    bool ok = false;
    const qint64 n = v.toString().toLongLong(&ok);
    if (!ok || n < 0)
        return std::nullopt;
    return n;
}

// The server's error, with a message that names the table (kind, code and SQLSTATE kept).
Error tableError(const Error &cause, const QString &database, const QString &table)
{
    Error e = cause;
    //: %1 = database.table, %2 = the server's error
    e.message = ChecksumReader::tr("Could not read the checksum of %1: %2")
                    .arg(qualified(database, table), cause.message);
    return e;
}

} // namespace

bool ChecksumReader::isSystemDatabase(Engine engine, const QString &database)
{
    static const QStringList common { u"mysql"_s, u"information_schema"_s, u"performance_schema"_s,
                                      u"sys"_s };
    if (common.contains(database, Qt::CaseInsensitive))
        return true;
    return engine == Engine::TiDB
        && database.compare(u"METRICS_SCHEMA"_s, Qt::CaseInsensitive) == 0;
}

QString ChecksumReader::databasesQuery()
{
    return u"SELECT SCHEMA_NAME FROM information_schema.SCHEMATA ORDER BY SCHEMA_NAME"_s;
}

QString ChecksumReader::tablesQuery(const QStringList &databases)
{
    if (databases.isEmpty())
        return {};
    QStringList literals;
    for (const QString &db : databases)
        literals << SqlQuote::literal(db);
    return u"SELECT TABLE_SCHEMA, TABLE_NAME FROM information_schema.TABLES"
           " WHERE TABLE_TYPE = 'BASE TABLE' AND TABLE_SCHEMA IN ("_s
        + literals.join(u", "_s) + u") ORDER BY TABLE_SCHEMA, TABLE_NAME"_s;
}

QString ChecksumReader::countStatement(const QString &database, const QString &table)
{
    return u"SELECT COUNT(*) FROM "_s + quotedTable(database, table);
}

QString ChecksumReader::checksumStatement(Engine engine, const QString &database,
                                          const QString &table)
{
    if (engine == Engine::TiDB)
        return u"ADMIN CHECKSUM TABLE "_s + quotedTable(database, table);
    return u"CHECKSUM TABLE "_s + quotedTable(database, table) + u" EXTENDED"_s;
}

QString ChecksumReader::checksumMethod(Engine engine)
{
    return QString::fromLatin1(engine == Engine::TiDB ? TableChecksum::MethodTidbAdminChecksum
                                                      : TableChecksum::MethodChecksumTable);
}

Result<TableChecksum> ChecksumReader::checksumFromResult(Engine engine, const QString &database,
                                                         const QString &table, qint64 rows,
                                                         const QueryResult &result)
{
    const QString name = qualified(database, table);
    auto notAnswer = [&](const QString &statement) {
        //: %1 = a statement name (CHECKSUM TABLE), %2 = database.table
        return Error::make(
            ErrorKind::InvalidInput,
            tr("The server's answer to %1 for %2 is not the expected one.").arg(statement, name),
            result.columns.join(u", "_s));
    };

    TableChecksum t;
    t.database = database;
    t.table = table;
    t.rows = rows;
    t.method = checksumMethod(engine);

    if (engine == Engine::TiDB) {
        const QString statement = u"ADMIN CHECKSUM TABLE"_s;
        if (result.rows.size() != 1 || result.columnIndex(u"Checksum_crc64_xor"_s) < 0
            || result.columnIndex(u"Total_kvs"_s) < 0 || result.columnIndex(u"Total_bytes"_s) < 0)
            return notAnswer(statement);
        t.checksum = result.value(0, u"Checksum_crc64_xor"_s).toString();
        const std::optional<qint64> kvs = countCell(result.value(0, u"Total_kvs"_s));
        const std::optional<qint64> bytes = countCell(result.value(0, u"Total_bytes"_s));
        if (!isDecimalText(t.checksum) || !kvs || !bytes)
            return notAnswer(statement);
        t.totalKvs = *kvs;
        t.totalBytes = *bytes;
        return t;
    }

    const QString statement = u"CHECKSUM TABLE"_s;
    if (result.rows.size() != 1 || result.columnIndex(u"Checksum"_s) < 0)
        return notAnswer(statement);
    const QVariant checksum = result.value(0, u"Checksum"_s);
    if (!checksum.isValid() || checksum.isNull()) {
        QStringList warnings;
        for (const SqlWarning &w : result.warnings)
            warnings << w.message;
        //: %1 = database.table
        return Error::make(ErrorKind::NotFound,
                           tr("Could not read the checksum of %1: the server returned none (the "
                              "table does not exist or cannot be read).")
                               .arg(name),
                           warnings.join(u"; "_s));
    }
    t.checksum = checksum.toString();
    if (!isDecimalText(t.checksum))
        return notAnswer(statement);
    return t;
}

Result<ChecksumReport> ChecksumReader::read(SqlConnection &conn, const Dialect &dialect,
                                            const QStringList &databases,
                                            const std::atomic<bool> *cancel,
                                            const Progress &progress)
{
    const Engine engine = dialect.engine();
    ChecksumReport report;
    report.takenAt = QDateTime::currentDateTimeUtc();
    // makeDialect() treats an unknown engine as MySQL, and so does the report.
    report.engine = EngineInfo::engineName(engine == Engine::Unknown ? Engine::MySQL : engine);

    auto cancelled = [&](int done, int total) -> std::optional<Error> {
        if (cancel == nullptr || !cancel->load())
            return std::nullopt;
        //: %1 = tables read, %2 = tables to read
        return Error::make(ErrorKind::Cancelled,
                           tr("Checksums cancelled after %1 of %2 tables.").arg(done).arg(total));
    };
    if (const auto stop = cancelled(0, 0))
        return *stop;

    // Which databases: the server's own spelling of each one asked for, or all non-system ones.
    Result<QueryResult> schemata = conn.query(databasesQuery());
    if (!schemata) {
        Error e = schemata.error();
        //: %1 = the server's error
        e.message = tr("Could not list the databases: %1").arg(e.message);
        return e;
    }
    QStringList existing;
    for (qsizetype i = 0; i < schemata->rows.size(); ++i)
        existing << schemata->value(int(i), u"SCHEMA_NAME"_s).toString();

    QStringList chosen;
    if (databases.isEmpty()) {
        for (const QString &db : std::as_const(existing))
            if (!isSystemDatabase(engine, db))
                chosen << db;
    } else {
        // TiDB database names are case-insensitive; MariaDB/MySQL ones are not (on Linux).
        const Qt::CaseSensitivity cs
            = engine == Engine::TiDB ? Qt::CaseInsensitive : Qt::CaseSensitive;
        QStringList missing;
        for (const QString &wanted : databases) {
            QString found;
            for (const QString &db : std::as_const(existing))
                if (db.compare(wanted, cs) == 0)
                    found = db;
            if (found.isNull())
                missing << wanted;
            else if (!chosen.contains(found))
                chosen << found;
        }
        if (!missing.isEmpty())
            //: %1 = database names, comma-separated
            return Error::make(
                ErrorKind::NotFound,
                tr("No such database on this server: %1.").arg(missing.join(u", "_s)));
    }
    if (chosen.isEmpty())
        return report;

    Result<QueryResult> tables = conn.query(tablesQuery(chosen));
    if (!tables) {
        Error e = tables.error();
        //: %1 = the server's error
        e.message = tr("Could not list the tables: %1").arg(e.message);
        return e;
    }

    const int total = int(tables->rows.size());
    for (int i = 0; i < total; ++i) {
        if (const auto stop = cancelled(i, total))
            return *stop;
        const QString db = tables->value(i, u"TABLE_SCHEMA"_s).toString();
        const QString table = tables->value(i, u"TABLE_NAME"_s).toString();

        Result<QueryResult> count = conn.query(countStatement(db, table));
        if (!count)
            return tableError(count.error(), db, table);
        const std::optional<qint64> rows = count->rows.size() == 1 && !count->columns.isEmpty()
            ? countCell(count->rows.at(0).value(0))
            : std::nullopt;
        if (!rows)
            //: %1 = database.table
            return Error::make(ErrorKind::InvalidInput,
                               tr("The server's answer to COUNT(*) for %1 is not a number.")
                                   .arg(qualified(db, table)));

        Result<QueryResult> sum
            = conn.query(checksumStatement(engine, db, table), /*fetchWarnings=*/true);
        if (!sum)
            return tableError(sum.error(), db, table);
        Result<TableChecksum> t = checksumFromResult(engine, db, table, *rows, *sum);
        if (!t)
            return t.error();
        report.tables << *t;
        if (progress)
            progress(i + 1, total, *t);
    }
    return report;
}

QString ChecksumReader::unescapeBatch(const QString &value)
{
    QString out;
    out.reserve(value.size());
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value.at(i);
        if (c != u'\\' || i + 1 >= value.size()) {
            out += c;
            continue;
        }
        const QChar n = value.at(++i);
        if (n == u't')
            out += u'\t';
        else if (n == u'n')
            out += u'\n';
        else if (n == u'0')
            out += QChar(0);
        else
            out += n; // "\\" and anything else: the character itself
    }
    return out;
}

Result<ChecksumReport> ChecksumReader::reportFromDrill(const QStringList &lines,
                                                       const QDateTime &takenAt)
{
    auto bad = [](qsizetype lineNo) {
        //: %1 = a line number
        return Error::make(ErrorKind::InvalidInput,
                           tr("The drill's checksum file is damaged at line %1.").arg(lineNo + 1));
    };
    ChecksumReport report;
    report.takenAt = takenAt.toUTC();
    if (lines.isEmpty() || !lines.first().startsWith(u"V\t"_s))
        return bad(0);
    report.engine = EngineInfo::engineName(lines.first().contains(u"MariaDB"_s, Qt::CaseInsensitive)
                                               ? Engine::MariaDB
                                               : Engine::MySQL);
    for (qsizetype i = 1; i < lines.size(); i += 2) {
        const QStringList r = lines.at(i).split(u'\t');
        if (r.size() != 4 || r.at(0) != u"R")
            return bad(i);
        TableChecksum t;
        t.database = unescapeBatch(r.at(1));
        t.table = unescapeBatch(r.at(2));
        t.method = checksumMethod(Engine::MariaDB);
        bool ok = false;
        t.rows = r.at(3).toLongLong(&ok);
        if (!ok || t.rows < 0 || t.database.isEmpty() || t.table.isEmpty())
            return bad(i);
        if (i + 1 >= lines.size())
            return bad(i + 1);
        const QStringList c = lines.at(i + 1).split(u'\t');
        if (c.size() != 2 || unescapeBatch(c.at(0)) != qualified(t.database, t.table))
            return bad(i + 1);
        if (c.at(1) == u"NULL")
            //: %1 = database.table
            return Error::make(ErrorKind::NotFound,
                               tr("Could not read the checksum of %1: the server returned none "
                                  "(the table does not exist or cannot be read).")
                                   .arg(qualified(t.database, t.table)));
        t.checksum = c.at(1);
        if (!isDecimalText(t.checksum))
            return bad(i + 1);
        if (report.find(t.database, t.table))
            return bad(i);
        report.tables << t;
    }
    return report;
}

} // namespace TiDesk
