#include "MysqlDialect.h"

using namespace Qt::StringLiterals;

namespace TiDesk {

MysqlDialect::MysqlDialect(EngineInfo info, DialectOptions options)
    : Dialect(std::move(info), std::move(options))
{ }

QString MysqlDialect::sessionTimeoutStatement(std::chrono::milliseconds limit) const
{
    // SELECT only (5.7.8+); error 3024.
    return u"SET SESSION max_execution_time = "_s + QString::number(qMax<qint64>(0, limit.count()));
}

QString MysqlDialect::liveSessionsQuery() const
{
    return u"SELECT ID, USER, HOST, DB, COMMAND, TIME, STATE, INFO FROM information_schema.PROCESSLIST"_s;
}

QString MysqlDialect::slowQueriesQuery(const QDateTime &fromUtc, const QDateTime &toUtc,
                                       int limit) const
{
    // Needs log_output=TABLE; start_time is shown in the session time zone (UTC for TiDesk).
    return u"SELECT start_time, user_host, query_time, lock_time, rows_sent, rows_examined, db, "
           "thread_id, sql_text FROM mysql.slow_log WHERE start_time BETWEEN "_s
        + utcLiteral(fromUtc) + u" AND "_s + utcLiteral(toUtc)
        + u" ORDER BY start_time DESC LIMIT "_s + QString::number(qMax(1, limit));
}

QString MysqlDialect::topologyQuery() const
{
    // SHOW REPLICA STATUS from 8.0.22; the old spelling before.
    return engineInfo().isAtLeast(8, 0, 22) ? u"SHOW REPLICA STATUS"_s : u"SHOW SLAVE STATUS"_s;
}

Result<QString> MysqlDialect::serverQuery() const
{
    // information_schema.GLOBAL_STATUS is gone in 8.0 (show_compatibility_56 in 5.7).
    return u"SELECT @@hostname AS HOSTNAME, @@port AS PORT, @@version AS VERSION, "
           "@@server_id AS SERVER_ID, @@read_only AS READ_ONLY, (SELECT VARIABLE_VALUE FROM "
           "performance_schema.global_status WHERE VARIABLE_NAME = 'Uptime') AS UPTIME"_s;
}

KillStatement MysqlDialect::killStatement(KillKind kind, quint64 connectionId,
                                          const KillConfig &) const
{
    KillStatement k;
    k.sql = (kind == KillKind::Query ? u"KILL QUERY "_s : u"KILL CONNECTION "_s)
        + QString::number(connectionId);
    return k;
}

QList<GuardrailVariable> MysqlDialect::guardrailVariables() const
{
    return { GuardrailVariable {
        u"max_execution_time"_s,
        u"ms"_s,
        false,
        GuardrailValueKind::Integer,
        {},
        QString::fromUtf8(QT_TRANSLATE_NOOP(
            "TiDesk::Dialect", "Longest SELECT run time before error 3024; 0 = no limit")) } };
}

} // namespace TiDesk
