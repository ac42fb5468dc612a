#include "MariadbDialect.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace TiDesk {

MariadbDialect::MariadbDialect(EngineInfo info, DialectOptions options)
    : Dialect(std::move(info), std::move(options))
{ }

QString MariadbDialect::sessionTimeoutStatement(std::chrono::milliseconds limit) const
{
    // Seconds as a decimal, any statement (10.1.1+); error 1969.
    const qint64 ms = qMax<qint64>(0, limit.count());
    QString secs = QString::number(ms / 1000);
    if (ms % 1000 != 0)
        secs += u'.' + QString::number(ms % 1000).rightJustified(3, u'0');
    return u"SET SESSION max_statement_time = "_s + secs;
}

QString MariadbDialect::liveSessionsQuery() const
{
    return u"SELECT ID, USER, HOST, DB, COMMAND, TIME, TIME_MS, STATE, INFO, MEMORY_USED, "
           "EXAMINED_ROWS, QUERY_ID FROM information_schema.PROCESSLIST"_s;
}

QString MariadbDialect::slowQueriesQuery(const QDateTime &fromUtc, const QDateTime &toUtc,
                                         int limit) const
{
    return u"SELECT start_time, user_host, query_time, lock_time, rows_sent, rows_examined, db, "
           "thread_id, rows_affected, sql_text FROM mysql.slow_log WHERE start_time BETWEEN "_s
        + utcLiteral(fromUtc) + u" AND "_s + utcLiteral(toUtc)
        + u" ORDER BY start_time DESC LIMIT "_s + QString::number(qMax(1, limit));
}

Result<ExplainStatement> MariadbDialect::explainSession(quint64 connectionId) const
{
    // 10.0+. (10.9 also accepts EXPLAIN FOR CONNECTION; SHOW EXPLAIN covers every version.)
    if (!engineInfo().version.isNull() && !engineInfo().isAtLeast(10, 0))
        return unsupported(QCoreApplication::translate("TiDesk::Dialect", "SHOW EXPLAIN"));
    return ExplainStatement { u"SHOW EXPLAIN FOR "_s + QString::number(connectionId), false };
}

QString MariadbDialect::topologyQuery() const
{
    // Every replication channel (multi-source), 10.0+.
    return u"SHOW ALL SLAVES STATUS"_s;
}

Result<QString> MariadbDialect::serverQuery() const
{
    return u"SELECT @@hostname AS HOSTNAME, @@port AS PORT, @@version AS VERSION, "
           "@@server_id AS SERVER_ID, @@read_only AS READ_ONLY, (SELECT VARIABLE_VALUE FROM "
           "information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'UPTIME') AS UPTIME"_s;
}

KillStatement MariadbDialect::killStatement(KillKind kind, quint64 connectionId,
                                            const KillConfig &) const
{
    KillStatement k;
    k.sql = (kind == KillKind::Query ? u"KILL HARD QUERY "_s : u"KILL CONNECTION "_s)
        + QString::number(connectionId);
    return k;
}

QList<GuardrailVariable> MariadbDialect::guardrailVariables() const
{
    return { GuardrailVariable {
        u"max_statement_time"_s,
        u"s"_s,
        false,
        GuardrailValueKind::Number,
        {},
        QString::fromUtf8(QT_TRANSLATE_NOOP(
            "TiDesk::Dialect",
            "Longest run time of any statement before error 1969; 0 = no limit")) } };
}

} // namespace TiDesk
