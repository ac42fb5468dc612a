#include "TableChecksum.h"

#include "sql/EngineInfo.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QSet>

#include <cmath>
#include <utility>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

using TableKey = std::pair<QString, QString>; // database, table

constexpr double MaxExactJsonInteger = 9007199254740992.0; // 2^53

bool isDecimalText(const QString &s)
{
    if (s.isEmpty())
        return false;
    for (const QChar c : s)
        if (c < u'0' || c > u'9')
            return false;
    return true;
}

// A JSON number that is a whole, non-negative count a double holds exactly.
std::optional<qint64> countOf(const QJsonValue &v)
{
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (!(d >= 0) || d > MaxExactJsonInteger || std::floor(d) != d)
        return std::nullopt;
    return qint64(d);
}

QString kvText(const TableChecksum &t)
{
    //: %1 = number of TiDB key-value pairs, %2 = their size in bytes
    return ChecksumComparison::tr("%1 key-value pairs, %2 bytes")
        .arg(QString::number(t.totalKvs), QString::number(t.totalBytes));
}

QString checksumText(const TableChecksum &t)
{
    return t.isTidbAdminChecksum() ? kvText(t) : t.checksum;
}

} // namespace

bool TableChecksum::isTidbAdminChecksum() const
{
    return method == QLatin1String(MethodTidbAdminChecksum);
}

const TableChecksum *ChecksumReport::find(const QString &database, const QString &table) const
{
    for (const TableChecksum &t : tables)
        if (t.database == database && t.table == table)
            return &t;
    return nullptr;
}

QJsonObject ChecksumReport::toJson() const
{
    QJsonArray list;
    for (const TableChecksum &t : tables) {
        QJsonObject o;
        o.insert(u"database"_s, t.database);
        o.insert(u"table"_s, t.table);
        o.insert(u"rows"_s, t.rows);
        o.insert(u"checksum"_s, t.checksum);
        o.insert(u"method"_s, t.method);
        if (t.isTidbAdminChecksum()) {
            o.insert(u"total_kvs"_s, t.totalKvs);
            o.insert(u"total_bytes"_s, t.totalBytes);
        }
        list.append(o);
    }
    QJsonObject o;
    o.insert(u"taken_at"_s, takenAt.toUTC().toString(Qt::ISODateWithMs));
    o.insert(u"engine"_s, engine);
    o.insert(u"tables"_s, list);
    return o;
}

Result<ChecksumReport> ChecksumReport::fromJson(const QJsonObject &o)
{
    auto bad = [](const QString &field) {
        //: %1 = the JSON field, e.g. tables[3].rows
        return Error::make(ErrorKind::InvalidInput,
                           tr("Not a checksum report: %1 is missing or wrong.").arg(field));
    };
    ChecksumReport r;
    const QJsonValue takenAt = o.value(u"taken_at"_s);
    r.takenAt = QDateTime::fromString(takenAt.toString(), Qt::ISODateWithMs);
    if (!takenAt.isString() || !r.takenAt.isValid())
        return bad(u"taken_at"_s);
    r.takenAt = r.takenAt.toUTC();
    const Engine engine = EngineInfo::engineFromName(o.value(u"engine"_s).toString());
    if (engine == Engine::Unknown)
        return bad(u"engine"_s);
    r.engine = EngineInfo::engineName(engine);
    const QJsonValue tables = o.value(u"tables"_s);
    if (!tables.isArray())
        return bad(u"tables"_s);

    QSet<TableKey> seen;
    const QJsonArray list = tables.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString at = u"tables[%1]"_s.arg(i);
        if (!list.at(i).isObject())
            return bad(at);
        const QJsonObject e = list.at(i).toObject();
        TableChecksum t;
        t.database = e.value(u"database"_s).toString();
        if (t.database.isEmpty())
            return bad(at + u".database"_s);
        t.table = e.value(u"table"_s).toString();
        if (t.table.isEmpty())
            return bad(at + u".table"_s);
        const std::optional<qint64> rows = countOf(e.value(u"rows"_s));
        if (!rows)
            return bad(at + u".rows"_s);
        t.rows = *rows;
        t.checksum = e.value(u"checksum"_s).toString();
        if (!e.value(u"checksum"_s).isString() || !isDecimalText(t.checksum))
            return bad(at + u".checksum"_s);
        t.method = e.value(u"method"_s).toString();
        if (t.method != QLatin1String(TableChecksum::MethodChecksumTable)
            && t.method != QLatin1String(TableChecksum::MethodTidbAdminChecksum))
            return bad(at + u".method"_s);
        if (t.isTidbAdminChecksum()) {
            const std::optional<qint64> kvs = countOf(e.value(u"total_kvs"_s));
            if (!kvs)
                return bad(at + u".total_kvs"_s);
            const std::optional<qint64> bytes = countOf(e.value(u"total_bytes"_s));
            if (!bytes)
                return bad(at + u".total_bytes"_s);
            t.totalKvs = *kvs;
            t.totalBytes = *bytes;
        }
        if (seen.contains({ t.database, t.table }))
            //: %1 = e.g. tables[3], %2 = database.table
            return Error::make(
                ErrorKind::InvalidInput,
                tr("Not a checksum report: %1 repeats the table %2.").arg(at, t.qualifiedName()));
        seen.insert({ t.database, t.table });
        r.tables << t;
    }
    return r;
}

ChecksumComparison compare(const ChecksumReport &source, const ChecksumReport &restored,
                           const QHash<QString, QString> &databaseMap)
{
    using Kind = ChecksumDifference::Kind;
    ChecksumComparison c;

    QHash<TableKey, qsizetype> restoredIndex;
    for (qsizetype i = 0; i < restored.tables.size(); ++i)
        restoredIndex.insert({ restored.tables.at(i).database, restored.tables.at(i).table }, i);
    QSet<qsizetype> matched;
    bool sawTidb = false;

    for (const TableChecksum &s : source.tables) {
        ++c.tablesCompared;
        const QString restoredDb = databaseMap.value(s.database, s.database);
        const QString shown = restoredDb == s.database
            ? s.qualifiedName()
            //: %1 = source database.table, %2 = the restored database.table
            : ChecksumComparison::tr("%1 (restored as %2)")
                  .arg(s.qualifiedName(), QString(restoredDb + u'.' + s.table));
        ChecksumDifference d;
        d.database = s.database;
        d.restoredDatabase = restoredDb;
        d.table = s.table;

        const auto it = restoredIndex.constFind({ restoredDb, s.table });
        if (it == restoredIndex.cend()) {
            d.kind = Kind::MissingTable;
            d.sourceValue = QString::number(s.rows);
            //: %1 = database.table, %2 = its row count in the source
            d.message = ChecksumComparison::tr("%1 is missing from the restore (source: %2 rows).")
                            .arg(shown, d.sourceValue);
            c.differences << d;
            ++c.tablesDiffering;
            continue;
        }
        matched.insert(*it);
        const TableChecksum &r = restored.tables.at(*it);
        const qsizetype before = c.differences.size();

        if (s.rows != r.rows) {
            d.kind = Kind::RowCountDiffers;
            d.sourceValue = QString::number(s.rows);
            d.restoredValue = QString::number(r.rows);
            //: %1 = database.table, %2 and %3 = row counts
            d.message = ChecksumComparison::tr("%1: row count differs: source %2, restored %3.")
                            .arg(shown, d.sourceValue, d.restoredValue);
            c.differences << d;
        }
        if (s.method != r.method) {
            d.kind = Kind::NotComparable;
            d.sourceValue = s.method;
            d.restoredValue = r.method;
            //: %1 = database.table, %2 and %3 = how each checksum was made
            d.message = ChecksumComparison::tr("%1: the checksums were made differently (source "
                                               "%2, restored %3) and cannot be compared.")
                            .arg(shown, d.sourceValue, d.restoredValue);
            c.differences << d;
        } else {
            const bool tidb = s.isTidbAdminChecksum();
            sawTidb = sawTidb || tidb;
            const bool differs = tidb ? (s.totalKvs != r.totalKvs || s.totalBytes != r.totalBytes)
                                      : s.checksum != r.checksum;
            if (differs) {
                d.kind = Kind::ChecksumDiffers;
                d.sourceValue = checksumText(s);
                d.restoredValue = checksumText(r);
                //: %1 = database.table, %2 and %3 = the checksums
                d.message = ChecksumComparison::tr("%1: checksum differs: source %2, restored %3.")
                                .arg(shown, d.sourceValue, d.restoredValue);
                c.differences << d;
            }
        }
        if (c.differences.size() > before)
            ++c.tablesDiffering;
    }

    for (qsizetype i = 0; i < restored.tables.size(); ++i) {
        if (matched.contains(i))
            continue;
        const TableChecksum &r = restored.tables.at(i);
        ++c.tablesCompared;
        ++c.tablesDiffering;
        ChecksumDifference d;
        d.kind = Kind::ExtraTable;
        d.database = r.database;
        d.restoredDatabase = r.database;
        d.table = r.table;
        d.restoredValue = QString::number(r.rows);
        //: %1 = database.table, %2 = its row count in the restore
        d.message = ChecksumComparison::tr("%1 is in the restore but not in the source (%2 rows).")
                        .arg(r.qualifiedName(), d.restoredValue);
        c.differences << d;
    }

    if (sawTidb)
        c.notes << ChecksumComparison::tr(
            "TiDB: ADMIN CHECKSUM TABLE's CRC64 includes the table id, which a restore changes; "
            "the number and size of the key-value pairs were compared instead.");
    if (!source.engine.isEmpty() && !restored.engine.isEmpty() && source.engine != restored.engine)
        //: %1 and %2 = engine names (mariadb, mysql, tidb)
        c.notes << ChecksumComparison::tr("The source was read on %1 and the restore on %2: "
                                          "checksums can differ between engines for equal data.")
                       .arg(source.engine, restored.engine);

    if (c.tablesDiffering == 0)
        c.summary = c.tablesCompared == 0 ? ChecksumComparison::tr("No tables to compare")
            : c.tablesCompared == 1
            ? ChecksumComparison::tr("1 table matches")
            //: %1 = number of tables (more than one)
            : ChecksumComparison::tr("%1 tables match").arg(c.tablesCompared);
    else if (c.tablesCompared == 1)
        c.summary = ChecksumComparison::tr("1 of 1 table differs");
    else if (c.tablesDiffering == 1)
        //: %1 = number of tables compared
        c.summary = ChecksumComparison::tr("1 of %1 tables differs").arg(c.tablesCompared);
    else
        //: %1 = tables that differ, %2 = tables compared
        c.summary = ChecksumComparison::tr("%1 of %2 tables differ")
                        .arg(c.tablesDiffering)
                        .arg(c.tablesCompared);
    return c;
}

} // namespace TiDesk
