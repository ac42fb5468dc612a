#include "SlowQueryRows.h"

#include "slowsql/SqlDigest.h"
#include "sql/QueryResult.h"

#include <QByteArray>

#include <cmath>

using namespace Qt::StringLiterals;

namespace TiDesk::SlowQueryRows {

namespace {

// Column indexes looked up once per result set.
class Columns
{
public:
    explicit Columns(const QueryResult &r)
        : m_r(r)
    { }
    [[nodiscard]] int operator()(const QString &name) const { return m_r.columnIndex(name); }

private:
    const QueryResult &m_r;
};

QVariant at(const QVariantList &row, int col)
{
    return col >= 0 && col < row.size() ? row.at(col) : QVariant();
}

QString text(const QVariant &v)
{
    if (!v.isValid() || v.isNull())
        return {};
    if (v.typeId() == QMetaType::QByteArray)
        return QString::fromUtf8(v.toByteArray()); // invalid UTF-8 -> U+FFFD
    return v.toString();
}

std::optional<double> number(const QVariant &v)
{
    if (!v.isValid() || v.isNull())
        return std::nullopt;
    bool ok = false;
    const double d
        = v.typeId() == QMetaType::QByteArray ? v.toByteArray().toDouble(&ok) : v.toDouble(&ok);
    if (!ok || !std::isfinite(d))
        return std::nullopt;
    return d;
}

std::optional<qint64> integer(const QVariant &v)
{
    if (!v.isValid() || v.isNull())
        return std::nullopt;
    // Exact first: TSOs and key counts do not survive a trip through double.
    bool ok = false;
    const qint64 exact
        = v.typeId() == QMetaType::QByteArray ? v.toByteArray().toLongLong(&ok) : v.toLongLong(&ok);
    if (ok && v.typeId() != QMetaType::Double)
        return exact;
    const std::optional<double> d = number(v);
    if (!d)
        return std::nullopt;
    return qint64(std::llround(*d));
}

std::optional<bool> boolean(const QVariant &v)
{
    const std::optional<double> d = number(v);
    if (!d)
        return std::nullopt;
    return *d != 0;
}

} // namespace

QDateTime utcTime(const QVariant &value)
{
    if (value.typeId() == QMetaType::QDateTime) {
        QDateTime t = value.toDateTime();
        if (t.timeSpec() == Qt::LocalTime)
            t.setTimeSpec(Qt::UTC);
        return t.toUTC();
    }
    QString s = text(value).trimmed();
    if (s.isEmpty())
        return {};
    s.replace(u' ', u'T');
    // Qt parses at most milliseconds: cut microseconds (TIMESTAMP(6)).
    if (const qsizetype dot = s.indexOf(u'.'); dot >= 0) {
        qsizetype end = dot + 1;
        while (end < s.size() && s.at(end).isDigit())
            ++end;
        const qsizetype digits = end - dot - 1;
        if (digits > 3)
            s.remove(dot + 4, digits - 3);
    }
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!t.isValid())
        return {};
    if (t.timeSpec() == Qt::LocalTime)
        t.setTimeSpec(Qt::UTC);
    return t.toUTC();
}

std::optional<double> timeSeconds(const QVariant &value)
{
    const QString s = text(value).trimmed();
    if (s.isEmpty())
        return std::nullopt;
    if (!s.contains(u':'))
        return number(value);
    const bool negative = s.startsWith(u'-');
    const QStringList parts = (negative ? s.mid(1) : s).split(u':');
    if (parts.size() != 3)
        return std::nullopt;
    bool okH = false, okM = false, okS = false;
    const double h = parts.at(0).toDouble(&okH);
    const double m = parts.at(1).toDouble(&okM);
    const double sec = parts.at(2).toDouble(&okS);
    if (!okH || !okM || !okS)
        return std::nullopt;
    const double total = h * 3600 + m * 60 + sec;
    return negative ? -total : total;
}

void splitUserHost(const QString &userHost, QString *user, QString *host)
{
    // "app[app] @ localhost [127.0.0.1]", "root[root] @  [10.0.0.5]"
    const qsizetype at = userHost.indexOf(u'@');
    const QString left = at >= 0 ? userHost.left(at) : userHost;
    const QString right = at >= 0 ? userHost.mid(at + 1) : QString();
    const qsizetype bracket = left.indexOf(u'[');
    *user = (bracket >= 0 ? left.left(bracket) : left).trimmed();
    const qsizetype open = right.indexOf(u'[');
    QString name = (open >= 0 ? right.left(open) : right).trimmed();
    if (name.isEmpty() && open >= 0) {
        const qsizetype close = right.indexOf(u']', open);
        name = right.mid(open + 1, close > open ? close - open - 1 : -1).trimmed();
    }
    *host = name;
}

QList<SlowLogEntry> entries(const QueryResult &result)
{
    QList<SlowLogEntry> out;
    const Columns col(result);
    const bool tidb = col(u"Query"_s) >= 0 && col(u"Query_time"_s) >= 0;
    const bool mariadb = !tidb && col(u"rows_affected"_s) >= 0;
    const int cTime = tidb ? col(u"Time"_s) : col(u"start_time"_s);
    const int cSql = tidb ? col(u"Query"_s) : col(u"sql_text"_s);
    if (cSql < 0)
        return out;
    const int cQueryTime = tidb ? col(u"Query_time"_s) : col(u"query_time"_s);
    const int cLock = col(u"lock_time"_s);
    const int cUser = col(u"User"_s);
    const int cHost = col(u"Host"_s);
    const int cUserHost = col(u"user_host"_s);
    const int cDb = col(u"DB"_s);
    const int cConn = tidb ? col(u"Conn_ID"_s) : col(u"thread_id"_s);
    const int cRowsSent = tidb ? col(u"Result_rows"_s) : col(u"rows_sent"_s);
    const int cRowsExamined = col(u"rows_examined"_s);
    const int cRowsAffected = col(u"rows_affected"_s);
    const int cProcessKeys = col(u"Process_keys"_s);
    const int cTotalKeys = col(u"Total_keys"_s);
    const int cMem = col(u"Mem_max"_s);
    const int cDisk = col(u"Disk_max"_s);
    const int cDigest = col(u"Digest"_s);
    const int cPlan = col(u"Plan"_s);
    const int cPlanDigest = col(u"Plan_digest"_s);
    const int cSucc = col(u"Succ"_s);
    const int cInternal = col(u"Is_internal"_s);
    const int cTxn = col(u"Txn_start_ts"_s);

    out.reserve(result.rows.size());
    qint64 n = 0;
    for (const QVariantList &row : result.rows) {
        SlowLogEntry e;
        e.format = tidb ? SlowLogFormat::TiDB
            : mariadb   ? SlowLogFormat::MariaDB
                        : SlowLogFormat::MySQL;
        e.time = utcTime(at(row, cTime));
        e.sql = text(at(row, cSql));
        e.db = text(at(row, cDb));
        if (tidb) {
            e.user = text(at(row, cUser));
            e.host = text(at(row, cHost));
            e.queryTimeSec = number(at(row, cQueryTime));
            e.processKeys = integer(at(row, cProcessKeys));
            e.totalKeys = integer(at(row, cTotalKeys));
            e.memMaxBytes = integer(at(row, cMem));
            e.diskMaxBytes = integer(at(row, cDisk));
            e.digest = text(at(row, cDigest));
            e.plan = text(at(row, cPlan));
            e.planDigest = text(at(row, cPlanDigest));
            e.succ = boolean(at(row, cSucc));
            e.isInternal = boolean(at(row, cInternal));
            bool okTs = false;
            if (const quint64 txn = at(row, cTxn).toULongLong(&okTs); okTs && txn > 0)
                e.txnStartTs = txn;
        } else {
            splitUserHost(text(at(row, cUserHost)), &e.user, &e.host);
            e.queryTimeSec = timeSeconds(at(row, cQueryTime));
            e.lockTimeSec = timeSeconds(at(row, cLock));
            e.rowsExamined = integer(at(row, cRowsExamined));
            e.rowsAffected = integer(at(row, cRowsAffected));
        }
        e.rowsSent = integer(at(row, cRowsSent));
        if (const auto id = integer(at(row, cConn)); id && *id >= 0)
            e.connectionId = quint64(*id);
        e.lineNumber = ++n; // the row number, for messages
        out.append(std::move(e));
    }
    return out;
}

QList<DigestClass> summaryClasses(const QueryResult &result)
{
    QList<DigestClass> out;
    const Columns col(result);
    const int cDigest = col(u"DIGEST"_s);
    if (cDigest < 0)
        return out;
    const int cText = col(u"DIGEST_TEXT"_s);
    const int cCount = col(u"EXEC_COUNT"_s);
    const int cSum = col(u"SUM_LATENCY"_s);
    const int cMax = col(u"MAX_LATENCY"_s);
    const int cMaxMem = col(u"MAX_MEM"_s);
    const int cSumKeys = col(u"SUM_PROCESSED_KEYS"_s);
    const int cAvgKeys = col(u"AVG_PROCESSED_KEYS"_s);
    const int cSumRows = col(u"SUM_RESULT_ROWS"_s);
    const int cAvgRows = col(u"AVG_RESULT_ROWS"_s);
    const int cFirst = col(u"FIRST_SEEN"_s);
    const int cLast = col(u"LAST_SEEN"_s);
    const int cSample = col(u"QUERY_SAMPLE_TEXT"_s);
    const int cPlan = col(u"PLAN"_s);
    const int cPlanDigest = col(u"PLAN_DIGEST"_s);
    // Grouped rows carry comma-separated sets; per-window rows the single value.
    const int cSchemas
        = col(u"SCHEMA_NAMES"_s) >= 0 ? col(u"SCHEMA_NAMES"_s) : col(u"SCHEMA_NAME"_s);
    const int cUsers = col(u"SAMPLE_USERS"_s) >= 0 ? col(u"SAMPLE_USERS"_s) : col(u"SAMPLE_USER"_s);

    constexpr double kNsPerSec = 1e9; // TiDB statements summary latencies are in ns
    for (const QVariantList &row : result.rows) {
        DigestClass c;
        c.digest = text(at(row, cDigest)).toLower();
        c.digestSource = DigestClass::DigestSource::Server;
        c.normalized = text(at(row, cText));
        c.count = integer(at(row, cCount)).value_or(0);
        c.totalSec = number(at(row, cSum)).value_or(0) / kNsPerSec;
        c.maxSec = number(at(row, cMax)).value_or(0) / kNsPerSec;
        c.maxMemBytes = integer(at(row, cMaxMem)).value_or(-1);
        if (const auto sum = integer(at(row, cSumKeys)))
            c.rowsExamined = *sum;
        else if (const auto avg = number(at(row, cAvgKeys)))
            c.rowsExamined = qint64(std::llround(*avg * double(c.count)));
        if (const auto sum = integer(at(row, cSumRows)))
            c.rowsSent = *sum;
        else if (const auto avg = number(at(row, cAvgRows)))
            c.rowsSent = qint64(std::llround(*avg * double(c.count)));
        c.firstSeen = utcTime(at(row, cFirst));
        c.lastSeen = utcTime(at(row, cLast));
        c.sample = text(at(row, cSample));
        c.plan = text(at(row, cPlan));
        c.planDigest = text(at(row, cPlanDigest));
        for (const QString &s : text(at(row, cSchemas)).split(u',', Qt::SkipEmptyParts)) {
            if (c.dbs.size() >= DigestClass::kMaxNames)
                c.dbsOverflow = true;
            else if (!c.dbs.contains(s.trimmed()))
                c.dbs << s.trimmed();
        }
        for (const QString &u : text(at(row, cUsers)).split(u',', Qt::SkipEmptyParts)) {
            if (c.users.size() >= DigestClass::kMaxNames)
                c.usersOverflow = true;
            else if (!c.users.contains(u.trimmed()))
                c.users << u.trimmed();
        }
        if (c.normalized.isEmpty() && !c.sample.isEmpty())
            c.normalized = SqlDigest::normalize(c.sample);
        out.append(std::move(c));
    }
    return out;
}

} // namespace TiDesk::SlowQueryRows
