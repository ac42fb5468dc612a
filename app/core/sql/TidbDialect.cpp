#include "TidbDialect.h"

#include "sql/SqlQuote.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace TiDesk {

TidbDialect::TidbDialect(EngineInfo info, DialectOptions options)
    : Dialect(std::move(info), std::move(options))
{ }

QString TidbDialect::table(const QString &name) const
{
    return SqlQuote::identifier(options().catalogSchema) + u'.' + SqlQuote::identifier(name);
}

QString TidbDialect::sessionTimeoutStatement(std::chrono::milliseconds limit) const
{
    // Applies to SELECT only from v6.4.0; error 3024.
    return u"SET SESSION max_execution_time = "_s + QString::number(qMax<qint64>(0, limit.count()));
}

QString TidbDialect::liveSessionsQuery() const
{
    QStringList cols { u"INSTANCE"_s, u"ID"_s,   u"USER"_s,    u"HOST"_s, u"DB"_s,
                       u"COMMAND"_s,  u"TIME"_s, u"STATE"_s,   u"INFO"_s, u"DIGEST"_s,
                       u"MEM"_s,      u"DISK"_s, u"TxnStart"_s };
    // RESOURCE_GROUP arrived with resource control (GA v7.1.0).
    if (engineInfo().isAtLeast(7, 1))
        cols << u"RESOURCE_GROUP"_s;
    return u"SELECT "_s + cols.join(u", "_s) + u" FROM "_s + table(u"CLUSTER_PROCESSLIST"_s);
}

QString TidbDialect::sessionByIdQuery(quint64 connectionId, const QString &instance) const
{
    QString sql = liveSessionsQuery() + u" WHERE ID = "_s + QString::number(connectionId);
    if (!instance.isEmpty())
        sql += u" AND INSTANCE = "_s + SqlQuote::literal(instance);
    return sql;
}

Result<ExplainStatement> TidbDialect::explainSession(quint64 connectionId) const
{
    // v4.0+: the plan of the running statement, or of the last one the session ran. The
    // session is looked up on the receiving tidb-server only (no forwarding as with global
    // kill).
    if (!engineInfo().version.isNull() && !engineInfo().isAtLeast(4))
        return unsupported(
            QCoreApplication::translate("TiDesk::Dialect", "EXPLAIN FOR CONNECTION"));
    return ExplainStatement { u"EXPLAIN FOR CONNECTION "_s + QString::number(connectionId), true };
}

QString TidbDialect::slowQueriesQuery(const QDateTime &fromUtc, const QDateTime &toUtc,
                                      int limit) const
{
    // A Time range makes TiDB open rotated files too, and bounds the work on every node.
    return u"SELECT INSTANCE, Time, Txn_start_ts, User, Host, Conn_ID, DB, Query_time, "
           "Parse_time, Compile_time, Process_time, Wait_time, Backoff_time, Total_keys, "
           "Process_keys, Mem_max, Disk_max, Result_rows, Index_names, Is_internal, Succ, "
           "Digest, Plan_digest, Plan, Query FROM "_s
        + table(u"CLUSTER_SLOW_QUERY"_s) + u" WHERE Time BETWEEN "_s + utcLiteral(fromUtc)
        + u" AND "_s + utcLiteral(toUtc) + u" ORDER BY Time DESC LIMIT "_s
        + QString::number(qMax(1, limit));
}

Result<QString> TidbDialect::statementsSummaryQuery(int limit) const
{
    if (!engineInfo().isAtLeast(4))
        return unsupported(QCoreApplication::translate("TiDesk::Dialect", "statement summary"));
    return QString(
        u"SELECT INSTANCE, SUMMARY_BEGIN_TIME, SUMMARY_END_TIME, STMT_TYPE, SCHEMA_NAME, "
        "DIGEST, DIGEST_TEXT, TABLE_NAMES, SAMPLE_USER, EXEC_COUNT, SUM_ERRORS, SUM_LATENCY, "
        "AVG_LATENCY, MAX_LATENCY, AVG_MEM, MAX_MEM, AVG_PROCESSED_KEYS, AVG_TOTAL_KEYS, "
        "AVG_RESULT_ROWS, FIRST_SEEN, LAST_SEEN, QUERY_SAMPLE_TEXT, PLAN_DIGEST FROM "_s
        + table(u"CLUSTER_STATEMENTS_SUMMARY"_s) + u" ORDER BY SUM_LATENCY DESC LIMIT "_s
        + QString::number(qMax(1, limit)));
}

Result<QString> TidbDialect::statementsSummaryByDigestQuery(const QDateTime &fromUtc,
                                                            const QDateTime &toUtc, int limit) const
{
    if (!engineInfo().isAtLeast(4))
        return unsupported(QCoreApplication::translate("TiDesk::Dialect", "statement summary"));
    // The history table holds the current window too. Windows that overlap the range count
    // whole (a window is tidb_stmt_summary_refresh_interval long, 30 min by default).
    // Aggregated on the server: one row per digest crosses the network, not one per window,
    // schema, plan and instance.
    return QString(
        u"SELECT DIGEST, MIN(DIGEST_TEXT) AS DIGEST_TEXT, "
        "GROUP_CONCAT(DISTINCT SCHEMA_NAME) AS SCHEMA_NAMES, "
        "GROUP_CONCAT(DISTINCT SAMPLE_USER) AS SAMPLE_USERS, SUM(EXEC_COUNT) AS EXEC_COUNT, "
        "SUM(SUM_LATENCY) AS SUM_LATENCY, MAX(MAX_LATENCY) AS MAX_LATENCY, "
        "MAX(MAX_MEM) AS MAX_MEM, SUM(AVG_PROCESSED_KEYS * EXEC_COUNT) AS SUM_PROCESSED_KEYS, "
        "SUM(AVG_RESULT_ROWS * EXEC_COUNT) AS SUM_RESULT_ROWS, MIN(FIRST_SEEN) AS FIRST_SEEN, "
        "MAX(LAST_SEEN) AS LAST_SEEN, MAX(QUERY_SAMPLE_TEXT) AS QUERY_SAMPLE_TEXT, "
        "MAX(PLAN_DIGEST) AS PLAN_DIGEST, MAX(PLAN) AS PLAN FROM "_s
        + table(u"CLUSTER_STATEMENTS_SUMMARY_HISTORY"_s) + u" WHERE SUMMARY_END_TIME > "_s
        + utcLiteral(fromUtc) + u" AND SUMMARY_BEGIN_TIME < "_s + utcLiteral(toUtc)
        + u" GROUP BY DIGEST ORDER BY SUM(SUM_LATENCY) DESC LIMIT "_s
        + QString::number(qMax(1, limit)));
}

QString TidbDialect::topologyQuery() const
{
    return u"SELECT TYPE, INSTANCE, STATUS_ADDRESS, VERSION, GIT_HASH, START_TIME, UPTIME FROM "_s
        + table(u"CLUSTER_INFO"_s);
}

QString TidbDialect::fleetStatusQuery() const
{
    // TiDB has no Questions counter over SQL (its QPS lives in Prometheus:
    // tidb_server_query_total), so this reads what SQL does offer: the sessions of the whole
    // cluster and each tidb-server's uptime.
    return u"SELECT (SELECT COUNT(*) FROM "_s + table(u"CLUSTER_PROCESSLIST"_s)
        + u") AS SESSIONS, INSTANCE, UPTIME FROM "_s + table(u"CLUSTER_INFO"_s)
        + u" WHERE TYPE = 'tidb'"_s;
}

Result<QString> TidbDialect::clusterLoadQuery() const
{
    return QString(u"SELECT TYPE, INSTANCE, DEVICE_TYPE, NAME, VALUE FROM "_s
                   + table(u"CLUSTER_LOAD"_s)
                   + u" WHERE (DEVICE_TYPE = 'cpu' AND NAME IN ('load1', 'load5', 'load15'))"
                     " OR (DEVICE_TYPE = 'memory' AND NAME IN ('total', 'used'))"_s);
}

Result<QString> TidbDialect::storeStatusQuery() const
{
    return QString(u"SELECT STORE_ID, ADDRESS, STORE_STATE_NAME, VERSION, CAPACITY, AVAILABLE, "
                   "LEADER_COUNT, REGION_COUNT, LAST_HEARTBEAT_TS, UPTIME FROM "_s
                   + table(u"TIKV_STORE_STATUS"_s));
}

Result<QString> TidbDialect::killConfigQuery() const
{
    static const QString names
        = u"('enable-global-kill', 'enable-32bits-connection-id', 'compatible-kill-query')"_s;
    if (options().catalogSchema.compare(u"INFORMATION_SCHEMA"_s, Qt::CaseInsensitive) == 0)
        return QString(u"SHOW CONFIG WHERE type = 'tidb' AND name IN "_s + names);
    // Test seam (see DialectOptions): the same rows from <schema>.CLUSTER_CONFIG.
    return QString(
        u"SELECT `TYPE` AS `Type`, `INSTANCE` AS `Instance`, `KEY` AS `Name`, `VALUE` AS `Value` FROM "_s
        + table(u"CLUSTER_CONFIG"_s) + u" WHERE `TYPE` = 'tidb' AND `KEY` IN "_s + names);
}

bool TidbDialect::isGlobalKill(const KillConfig &config) const
{
    if (!engineInfo().isAtLeast(6, 1))
        return false;
    return config.enableGlobalKill.value_or(true); // the v6.1+ default
}

KillStatement TidbDialect::killStatement(KillKind kind, quint64 connectionId,
                                         const KillConfig &config) const
{
    KillStatement k;
    k.checkWarnings = true; // TiDB reports KILL problems as warnings on an OK result
    const QString what = kind == KillKind::Query ? u"QUERY "_s : u"CONNECTION "_s;
    if (isGlobalKill(config)) {
        k.sql = u"KILL "_s + what + QString::number(connectionId);
    } else {
        // Without global kill a plain KILL is a no-op with warning 1105.
        k.sql = u"KILL TIDB "_s + what + QString::number(connectionId);
        k.mustConnectToOwningServer = true;
    }
    return k;
}

QList<GuardrailVariable> TidbDialect::guardrailVariables() const
{
    QList<GuardrailVariable> vars;
    vars << GuardrailVariable { u"max_execution_time"_s,
                                u"ms"_s,
                                false,
                                GuardrailValueKind::Integer,
                                {},
                                QString::fromUtf8(QT_TRANSLATE_NOOP(
                                    "TiDesk::Dialect",
                                    "Longest SELECT run time before error 3024; 0 = no limit")) };
    vars << GuardrailVariable {
        u"tidb_mem_quota_query"_s,
        u"bytes"_s,
        false,
        GuardrailValueKind::Integer,
        {},
        engineInfo().isAtLeast(6, 5)
            ? QString::fromUtf8(QT_TRANSLATE_NOOP(
                "TiDesk::Dialect", "Memory quota per session (error 8175 with CANCEL)"))
            : QString::fromUtf8(QT_TRANSLATE_NOOP(
                "TiDesk::Dialect", "Memory quota per query (error 8175 with CANCEL)"))
    };
    if (engineInfo().isAtLeast(6, 1))
        vars << GuardrailVariable { u"tidb_mem_oom_action"_s,
                                    {},
                                    true,
                                    GuardrailValueKind::Text,
                                    { u"CANCEL"_s, u"LOG"_s },
                                    QString::fromUtf8(QT_TRANSLATE_NOOP(
                                        "TiDesk::Dialect",
                                        "What happens when a query exceeds its memory quota")) };
    if (engineInfo().isAtLeast(6, 4))
        vars << GuardrailVariable {
            u"tidb_server_memory_limit"_s,
            u"percent or bytes"_s,
            true,
            GuardrailValueKind::Text,
            {},
            QString::fromUtf8(QT_TRANSLATE_NOOP(
                "TiDesk::Dialect",
                "tidb-server memory limit; the biggest query is cancelled (8176)"))
        };
    vars << GuardrailVariable {
        u"tidb_memory_usage_alarm_ratio"_s,
        u"ratio"_s,
        true,
        GuardrailValueKind::Number,
        {},
        QString::fromUtf8(
            QT_TRANSLATE_NOOP("TiDesk::Dialect", "Memory use ratio that writes an alarm record"))
    };
    vars << GuardrailVariable {
        u"tidb_expensive_query_time_threshold"_s,
        u"s"_s,
        true,
        GuardrailValueKind::Integer,
        {},
        QString::fromUtf8(QT_TRANSLATE_NOOP(
            "TiDesk::Dialect", "Running time after which an expensive_query log line is written"))
    };
    return vars;
}

namespace {

bool isSha256Hex(const QString &text)
{
    static const QRegularExpression re(u"^[0-9a-fA-F]{64}$"_s);
    return re.match(text).hasMatch();
}

QString runawayActionSql(RunawayAction a)
{
    switch (a) {
    case RunawayAction::DryRun: return u"DRYRUN"_s;
    case RunawayAction::Cooldown: return u"COOLDOWN"_s;
    case RunawayAction::Kill: return u"KILL"_s;
    }
    return {};
}

QString runawayWatchSql(RunawayWatch w)
{
    switch (w) {
    case RunawayWatch::Exact: return u"EXACT"_s;
    case RunawayWatch::Similar: return u"SIMILAR"_s;
    case RunawayWatch::Plan: return u"PLAN"_s;
    }
    return {};
}

// Go duration literal as the reference writes them: EXEC_ELAPSED='60s' (or '1500ms'),
// DURATION='10m' (minutes allowed).
QString goDuration(std::chrono::milliseconds d, bool minutes = false)
{
    const qint64 ms = d.count();
    if (minutes && ms % 60000 == 0)
        return u"'%1m'"_s.arg(ms / 60000);
    if (ms % 1000 == 0)
        return u"'%1s'"_s.arg(ms / 1000);
    return u"'%1ms'"_s.arg(ms);
}

bool isPlainIdentifier(const QString &name)
{
    static const QRegularExpression re(u"^[A-Za-z_][A-Za-z0-9_]{0,31}$"_s);
    return re.match(name).hasMatch();
}

Error invalid(const QString &message)
{
    return Error::make(ErrorKind::InvalidInput, message);
}

} // namespace

Result<QString> TidbDialect::runawayWatchesQuery() const
{
    if (!engineInfo().isAtLeast(7, 3))
        return unsupported(QCoreApplication::translate("TiDesk::Dialect", "QUERY WATCH"));
    return QString(u"SELECT ID, RESOURCE_GROUP_NAME, START_TIME, END_TIME, WATCH, WATCH_TEXT, "
                   "SOURCE, ACTION, RULE FROM "_s
                   + table(u"RUNAWAY_WATCHES"_s) + u" ORDER BY ID"_s);
}

Result<QString> TidbDialect::removeRunawayWatchStatement(qint64 watchId) const
{
    if (!engineInfo().isAtLeast(7, 3))
        return unsupported(QCoreApplication::translate("TiDesk::Dialect", "QUERY WATCH"));
    if (watchId <= 0)
        return Error::make(ErrorKind::InvalidInput,
                           QCoreApplication::translate("TiDesk::Dialect",
                                                       "A runaway watch id is a positive number"));
    return QString(u"QUERY WATCH REMOVE "_s + QString::number(watchId));
}

Result<QString> TidbDialect::bindingsQuery() const
{
    return u"SHOW GLOBAL BINDINGS"_s;
}

Result<QString> TidbDialect::bindPlanFromHistoryStatement(const QString &planDigest) const
{
    if (!engineInfo().isAtLeast(6, 5))
        return unsupported(
            QCoreApplication::translate("TiDesk::Dialect", "binding a plan from history"));
    const QString digest = planDigest.trimmed().toLower();
    if (!isSha256Hex(digest))
        return Error::make(ErrorKind::InvalidInput,
                           QCoreApplication::translate(
                               "TiDesk::Dialect", "A plan digest is 64 hexadecimal characters"),
                           planDigest.left(80));
    return QString(u"CREATE GLOBAL BINDING FROM HISTORY USING PLAN DIGEST '"_s + digest + u'\'');
}

Result<QString> TidbDialect::dropBindingStatement(const QString &sqlDigest) const
{
    const QString digest = sqlDigest.trimmed().toLower();
    if (!isSha256Hex(digest))
        return Error::make(ErrorKind::InvalidInput,
                           QCoreApplication::translate(
                               "TiDesk::Dialect", "An SQL digest is 64 hexadecimal characters"),
                           sqlDigest.left(80));
    return QString(u"DROP GLOBAL BINDING FOR SQL DIGEST '"_s + digest + u'\'');
}

Result<QString> TidbDialect::queryWatchAddStatement(const QueryWatchRequest &request) const
{
    if (!engineInfo().isAtLeast(7, 3))
        return unsupported(QCoreApplication::translate("TiDesk::Dialect", "QUERY WATCH (v7.3+)"));
    QString sql = u"QUERY WATCH ADD"_s;
    if (!request.resourceGroup.isEmpty()) {
        if (!isPlainIdentifier(request.resourceGroup))
            return invalid(
                QCoreApplication::translate("TiDesk::Dialect", "Not a resource group name: %1")
                    .arg(request.resourceGroup));
        sql += u" RESOURCE GROUP "_s + request.resourceGroup;
    }
    if (request.action)
        sql += u" ACTION "_s + runawayActionSql(*request.action);
    static const QRegularExpression hex64(u"^[0-9a-fA-F]{64}$"_s);
    switch (request.target) {
    case QueryWatchRequest::Target::SqlDigest:
    case QueryWatchRequest::Target::PlanDigest:
        if (!hex64.match(request.value).hasMatch())
            return invalid(QCoreApplication::translate("TiDesk::Dialect",
                                                       "A digest is 64 hexadecimal digits: %1")
                               .arg(request.value));
        sql += (request.target == QueryWatchRequest::Target::SqlDigest ? u" SQL DIGEST "_s
                                                                       : u" PLAN DIGEST "_s)
            + SqlQuote::literal(request.value.toLower());
        break;
    case QueryWatchRequest::Target::SqlText:
        if (request.value.trimmed().isEmpty())
            return invalid(
                QCoreApplication::translate("TiDesk::Dialect", "The statement text is empty"));
        sql += u" SQL TEXT "_s + runawayWatchSql(request.textMatch) + u" TO "_s
            + SqlQuote::literal(request.value);
        break;
    }
    return sql;
}

Result<QString> TidbDialect::runawayQueryLimitStatement(const RunawayQueryLimit &limit) const
{
    if (!engineInfo().isAtLeast(7, 2))
        return unsupported(
            QCoreApplication::translate("TiDesk::Dialect", "resource group QUERY_LIMIT (v7.2+)"));
    if (!isPlainIdentifier(limit.resourceGroup))
        return invalid(
            QCoreApplication::translate("TiDesk::Dialect", "Not a resource group name: %1")
                .arg(limit.resourceGroup));
    if (limit.execElapsed.count() <= 0)
        return invalid(QCoreApplication::translate("TiDesk::Dialect",
                                                   "EXEC_ELAPSED must be longer than zero"));
    QString sql = u"ALTER RESOURCE GROUP "_s + limit.resourceGroup
        + u" QUERY_LIMIT=(EXEC_ELAPSED="_s + goDuration(limit.execElapsed) + u", ACTION="_s
        + runawayActionSql(limit.action);
    if (limit.watch) {
        sql += u", WATCH="_s + runawayWatchSql(*limit.watch);
        if (limit.watchDuration) {
            if (limit.watchDuration->count() <= 0)
                return invalid(QCoreApplication::translate(
                    "TiDesk::Dialect", "The watch duration must be longer than zero"));
            sql += u" DURATION="_s
                + goDuration(
                       std::chrono::duration_cast<std::chrono::milliseconds>(*limit.watchDuration),
                       true);
        }
    }
    return QString(sql + u')');
}

namespace {

// "DATABASE `a`, `b`" (or *) and the options BACKUP and RESTORE share.
QString databasesClause(const BackupRequest &request)
{
    if (request.databases.isEmpty())
        return u"DATABASE *"_s;
    QStringList dbs;
    for (const QString &db : request.databases)
        dbs << SqlQuote::identifier(db);
    return u"DATABASE "_s + dbs.join(u", "_s);
}

QString sharedOptions(const BackupRequest &request)
{
    QString sql;
    if (request.rateLimitMbPerSec > 0)
        sql += u" RATE_LIMIT = "_s + QString::number(request.rateLimitMbPerSec) + u" MB/SECOND"_s;
    if (request.concurrency > 0)
        sql += u" CONCURRENCY = "_s + QString::number(request.concurrency);
    if (request.checksum.has_value())
        sql += u" CHECKSUM = "_s + (*request.checksum ? u"TRUE"_s : u"FALSE"_s);
    return sql;
}

} // namespace

Result<QString> TidbDialect::backupStatement(const BackupRequest &request) const
{
    if (!engineInfo().isAtLeast(4))
        return unsupported(QCoreApplication::translate("TiDesk::Dialect", "SQL BACKUP"));
    if (request.destinationUrl.trimmed().isEmpty())
        return Error::make(
            ErrorKind::InvalidInput,
            QCoreApplication::translate("TiDesk::Dialect", "A backup needs a destination URL"));
    QString sql = u"BACKUP "_s + databasesClause(request) + u" TO "_s
        + SqlQuote::literal(request.destinationUrl.trimmed()) + sharedOptions(request);
    if (!request.lastBackupTs.trimmed().isEmpty()) {
        const QString ts = request.lastBackupTs.trimmed();
        bool isTso = false;
        ts.toULongLong(&isTso);
        sql += u" LAST_BACKUP = "_s + (isTso ? ts : SqlQuote::literal(ts));
    }
    return sql;
}

Result<QString> TidbDialect::restoreStatement(const BackupRequest &request) const
{
    if (!engineInfo().isAtLeast(4))
        return unsupported(QCoreApplication::translate("TiDesk::Dialect", "SQL RESTORE"));
    if (request.destinationUrl.trimmed().isEmpty())
        return Error::make(
            ErrorKind::InvalidInput,
            QCoreApplication::translate("TiDesk::Dialect", "A restore needs the backup's URL"));
    return QString(u"RESTORE "_s + databasesClause(request) + u" FROM "_s
                   + SqlQuote::literal(request.destinationUrl.trimmed()) + sharedOptions(request));
}

Result<QString> TidbDialect::showRestoresQuery() const
{
    if (!engineInfo().isAtLeast(4))
        return unsupported(QCoreApplication::translate("TiDesk::Dialect", "SHOW RESTORES"));
    return u"SHOW RESTORES"_s;
}

Result<QString> TidbDialect::showBackupsQuery() const
{
    if (!engineInfo().isAtLeast(4))
        return unsupported(QCoreApplication::translate("TiDesk::Dialect", "SHOW BACKUPS"));
    return u"SHOW BACKUPS"_s;
}

} // namespace TiDesk
