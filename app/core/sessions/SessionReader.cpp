#include "SessionReader.h"

#include "slowsql/SqlDigest.h"
#include "sql/QueryResult.h"

#include <optional>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

std::optional<qint64> toInt64(const QVariant &v)
{
    if (!v.isValid() || v.isNull())
        return std::nullopt;
    bool ok = false;
    const qint64 n = v.toLongLong(&ok);
    if (ok)
        return n;
    const double d = v.toString().trimmed().toDouble(&ok);
    if (ok)
        return static_cast<qint64>(d);
    return std::nullopt;
}

QString digestFor(const QString &sql, SessionReader::DigestCache *cache)
{
    if (sql.trimmed().isEmpty())
        return {};
    if (!cache)
        return SqlDigest::digest(sql);
    if (cache->digests.contains(sql))
        return cache->digests.value(sql);
    if (cache->digests.size() >= cache->maxEntries)
        cache->digests.clear();
    const QString d = SqlDigest::digest(sql);
    cache->digests.insert(sql, d);
    return d;
}

} // namespace

Result<QList<SessionRow>> SessionReader::fromResult(const QueryResult &result, Engine engine,
                                                    const QDateTime &observedAt, DigestCache *cache)
{
    const int cId = result.columnIndex(u"ID"_s);
    if (cId < 0)
        return Error::make(ErrorKind::InvalidInput,
                           tr("The server's answer is not a process list (no ID column)."),
                           result.columns.join(u", "_s));
    const int cInstance = result.columnIndex(u"INSTANCE"_s);
    const int cUser = result.columnIndex(u"USER"_s);
    const int cHost = result.columnIndex(u"HOST"_s);
    const int cDb = result.columnIndex(u"DB"_s);
    const int cCommand = result.columnIndex(u"COMMAND"_s);
    const int cTime = result.columnIndex(u"TIME"_s);
    const int cTimeMs = result.columnIndex(u"TIME_MS"_s);
    const int cState = result.columnIndex(u"STATE"_s);
    const int cInfo = result.columnIndex(u"INFO"_s);
    const int cDigest = result.columnIndex(u"DIGEST"_s);
    const int cMem = engine == Engine::TiDB ? result.columnIndex(u"MEM"_s)
                                            : result.columnIndex(u"MEMORY_USED"_s);
    const int cDisk = result.columnIndex(u"DISK"_s);
    const int cExamined = result.columnIndex(u"EXAMINED_ROWS"_s);
    const int cQueryId = result.columnIndex(u"QUERY_ID"_s);
    const int cTxn = result.columnIndex(u"TxnStart"_s);
    const int cGroup = result.columnIndex(u"RESOURCE_GROUP"_s);

    const QDateTime observed = observedAt.toUTC();
    auto text = [](const QVariantList &row, int col) {
        return col >= 0 && col < row.size() ? row.at(col).toString() : QString();
    };
    auto cell = [](const QVariantList &row, int col) {
        return col >= 0 && col < row.size() ? row.at(col) : QVariant();
    };

    QList<SessionRow> rows;
    rows.reserve(result.rows.size());
    for (const QVariantList &r : result.rows) {
        const QVariant idValue = cell(r, cId);
        bool idOk = false;
        const quint64 id = idValue.toULongLong(&idOk);
        if (!idValue.isValid() || idValue.isNull() || !idOk)
            continue;
        SessionRow s;
        s.id = id;
        s.instance = text(r, cInstance);
        s.user = text(r, cUser);
        s.host = text(r, cHost);
        s.db = text(r, cDb);
        s.command = text(r, cCommand);
        s.state = text(r, cState);
        const QVariant info = cell(r, cInfo);
        if (info.isValid() && !info.isNull())
            s.info = info.toString();
        if (const auto ms = toInt64(cell(r, cTimeMs)))
            s.timeMs = qMax<qint64>(0, *ms);
        else if (const auto sec = toInt64(cell(r, cTime)))
            s.timeMs = qMax<qint64>(0, *sec) * 1000;
        const QString serverDigest = text(r, cDigest).trimmed();
        if (!serverDigest.isEmpty()) {
            s.digest = serverDigest;
            s.serverDigest = true;
        } else {
            s.digest = digestFor(s.info, cache);
        }
        s.memBytes = toInt64(cell(r, cMem));
        s.diskBytes = toInt64(cell(r, cDisk));
        s.examinedRows = toInt64(cell(r, cExamined));
        if (const auto q = toInt64(cell(r, cQueryId)); q && *q >= 0)
            s.queryId = static_cast<quint64>(*q);
        s.txnStart = text(r, cTxn);
        s.resourceGroup = text(r, cGroup);
        s.observedAt = observed;
        rows.append(std::move(s));
    }
    return rows;
}

} // namespace TiDesk
