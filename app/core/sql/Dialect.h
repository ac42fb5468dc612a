// Dialect: the one place where every engine-specific statement TiDesk sends is written down
// (architecture property 3 and 4). Features never build engine-specific SQL themselves: they ask
// the dialect "how do I list sessions / slow queries / topology / kill / back up here" and show
// the returned text in the activity log as it runs. Where an engine has no such capability the
// method returns an Unsupported Error instead of a statement.
//
// Implementations: TidbDialect, MysqlDialect, MariadbDialect; pick one with makeDialect().
// Threading: a dialect is immutable after construction; share it between threads freely
// (std::shared_ptr<const Dialect>). Building statements does no I/O.
#pragma once

#include "common/Result.h"
#include "sql/EngineInfo.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>
#include <memory>
#include <optional>

namespace TiDesk {

struct QueryResult;

struct DialectOptions
{
    // Schema the TiDB dialect reads its cluster tables from (CLUSTER_PROCESSLIST, CLUSTER_INFO,
    // CLUSTER_SLOW_QUERY, CLUSTER_STATEMENTS_SUMMARY, CLUSTER_CONFIG). Production code keeps the
    // default. TEST SEAM: the sandbox has no TiDB; it ships a MariaDB schema `tidb_catalog` with
    // tables/views of the same names and columns, so integration tests point the TiDB dialect at
    // it. With a non-default schema the kill-config query reads <schema>.CLUSTER_CONFIG instead
    // of SHOW CONFIG (same answer on a real TiDB, and it works on the fixture).
    QString catalogSchema = QStringLiteral("INFORMATION_SCHEMA");
};

enum class KillKind { Query, Connection };

// What the console knows about how KILL behaves on a TiDB cluster (SHOW CONFIG, §3.1).
struct KillConfig
{
    std::optional<bool> enableGlobalKill; // unset: config not read
    std::optional<bool> enable32BitConnectionId;
    std::optional<bool> compatibleKillQuery;
};

struct KillStatement
{
    QString sql;
    // True when the statement only works on the tidb-server that owns the session (TiDB without
    // global kill): the caller must open a direct connection to that instance, never via a
    // load balancer.
    bool mustConnectToOwningServer = false;
    // TiDB reports KILL failures as warnings on an OK result: run it with fetchWarnings.
    bool checkWarnings = false;
};

// How to read the plan of the statement another session is running (Dialect::explainSession).
struct ExplainStatement
{
    QString sql;
    // TiDB: EXPLAIN FOR CONNECTION looks the session up on the tidb-server that receives it, so
    // it must run on a connection to the server that owns the session (as KILL without global
    // kill); a session of another tidb-server is "not found".
    bool mustConnectToOwningServer = false;
};

enum class GuardrailValueKind { Integer, Number, Text };

struct GuardrailVariable
{
    QString name; // e.g. "max_execution_time"
    QString unit; // "ms", "s", "bytes", "percent or bytes", "" (enumeration)
    bool global = false; // true: only GLOBAL scope exists (read/set with @@GLOBAL)
    GuardrailValueKind kind = GuardrailValueKind::Integer;
    QStringList allowedValues; // for enumerations (e.g. CANCEL, LOG); empty = any
    QString description; // English source (QT_TRANSLATE_NOOP): translate("TiDesk::Dialect", ...) at
                         // display time
};

// TiDB runaway-query control (reference §4.2): what happens to a runaway statement.
enum class RunawayAction { DryRun, Cooldown, Kill };
// How later statements are recognised once one was identified: same text, same SQL digest,
// same plan digest.
enum class RunawayWatch { Exact, Similar, Plan };

// QUERY WATCH ADD (TiDB v7.3+): put a statement on the runaway watch list.
struct QueryWatchRequest
{
    enum class Target { SqlDigest, PlanDigest, SqlText };
    QString resourceGroup; // empty: the statement names none (the default group)
    std::optional<RunawayAction> action; // unset: the group's QUERY_LIMIT action
    Target target = Target::SqlDigest;
    QString value; // a 64-hex digest, or the statement text for SqlText
    RunawayWatch textMatch = RunawayWatch::Exact; // SqlText only: EXACT, SIMILAR or PLAN
};

// ALTER RESOURCE GROUP ... QUERY_LIMIT (TiDB v7.2+): a runaway rule for a whole group.
struct RunawayQueryLimit
{
    QString resourceGroup = QStringLiteral("default");
    std::chrono::milliseconds execElapsed { 0 }; // > 0
    RunawayAction action = RunawayAction::Kill;
    std::optional<RunawayWatch> watch; // unset: no WATCH clause
    std::optional<std::chrono::seconds> watchDuration; // unset: no DURATION (unlimited)
};

struct BackupRequest
{
    QStringList databases; // empty = every database (BACKUP DATABASE *)
    QString destinationUrl; // 's3://...', 'local://...'; may carry credentials: never log it
    int rateLimitMbPerSec = 0; // per TiKV; 0 = unlimited
    int concurrency = 0; // 0 = server default
    std::optional<bool> checksum; // unset = server default
    QString lastBackupTs; // incremental: BackupTS of the previous backup; empty = full
};

class Dialect
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::Dialect)
public:
    explicit Dialect(EngineInfo info, DialectOptions options = {});
    virtual ~Dialect();
    Dialect(const Dialect &) = delete;
    Dialect &operator=(const Dialect &) = delete;

    [[nodiscard]] const EngineInfo &engineInfo() const { return m_info; }
    [[nodiscard]] Engine engine() const { return m_info.engine; }
    [[nodiscard]] const DialectOptions &options() const { return m_options; }

    // --- the console's own session -------------------------------------------------------
    // Server-side limit for every statement of the console's session; 0 switches it off.
    // MariaDB: max_statement_time (seconds, error 1969); MySQL/TiDB: max_execution_time
    // (ms, SELECT only, error 3024).
    [[nodiscard]] virtual QString
    sessionTimeoutStatement(std::chrono::milliseconds limit) const = 0;
    // Statements SqlWorker runs after every (re)connect: UTC session time zone (the time
    // ranges below are UTC) and the timeout above.
    [[nodiscard]] QStringList sessionSetupStatements(std::chrono::milliseconds limit) const;

    // --- reading --------------------------------------------------------------------------
    // Live sessions, columns named as in the engine's PROCESSLIST table (TiDB adds INSTANCE
    // first). Own session included; filter with connection ids.
    [[nodiscard]] virtual QString liveSessionsQuery() const = 0;
    // One session of liveSessionsQuery() by connection id (same columns; no row when it is
    // gone). TiDB: `instance` (the CLUSTER_PROCESSLIST.INSTANCE status address) narrows it to one
    // tidb-server, since local ids repeat across servers without global kill; empty = any.
    // MySQL/MariaDB ignore `instance`. The killer's verify and re-poll steps use it.
    [[nodiscard]] virtual QString sessionByIdQuery(quint64 connectionId,
                                                   const QString &instance = {}) const;
    // Slow statements that finished in [fromUtc, toUtc], newest first, at most `limit` rows.
    // Always bounded in time (on TiDB an unbounded query parses every log file).
    [[nodiscard]] virtual QString slowQueriesQuery(const QDateTime &fromUtc, const QDateTime &toUtc,
                                                   int limit) const = 0;
    // Top statements by total latency (TiDB statements summary); Unsupported elsewhere.
    [[nodiscard]] virtual Result<QString> statementsSummaryQuery(int limit) const;
    // The plan of the statement session `connectionId` is running now, as a result set (columns
    // as the engine's EXPLAIN prints them). MySQL 5.7+: EXPLAIN FOR CONNECTION (empty result
    // when the session runs nothing); TiDB: EXPLAIN FOR CONNECTION (the running statement, or
    // the last one it ran; owning tidb-server only); MariaDB 10.0+: SHOW EXPLAIN FOR (error 1933
    // when the session runs nothing explainable, 1094 when it is gone). Unsupported before that.
    [[nodiscard]] virtual Result<ExplainStatement> explainSession(quint64 connectionId) const;
    // Slow-query history from the statements summary, grouped by DIGEST on the server: one row
    // per digest over the summary windows that overlap [fromUtc, toUtc] (TiDB
    // CLUSTER_STATEMENTS_SUMMARY_HISTORY, which includes the current window), by total latency,
    // at most `limit` rows. Columns DIGEST, DIGEST_TEXT, SCHEMA_NAMES, SAMPLE_USERS, EXEC_COUNT,
    // SUM_LATENCY, MAX_LATENCY (ns), MAX_MEM, SUM_PROCESSED_KEYS, SUM_RESULT_ROWS, FIRST_SEEN,
    // LAST_SEEN, QUERY_SAMPLE_TEXT, PLAN_DIGEST, PLAN (SlowQueryRows::summaryClasses reads
    // them). Always bounded in time. Unsupported on MySQL/MariaDB and TiDB before 4.0.
    [[nodiscard]] virtual Result<QString> statementsSummaryByDigestQuery(const QDateTime &fromUtc,
                                                                         const QDateTime &toUtc,
                                                                         int limit) const;
    // TiDB: CLUSTER_INFO; MySQL/MariaDB: the replication status of this server.
    [[nodiscard]] virtual QString topologyQuery() const = 0;
    // The fleet poller's one status statement per sample (FleetPoller, `tidesk-cli fleet status`).
    // MySQL/MariaDB (this default): SHOW GLOBAL STATUS restricted by name to Questions,
    // Threads_connected, Threads_running and Uptime (columns Variable_name, Value).
    // TiDB (override): no Questions counter over SQL; one row per tidb-server of CLUSTER_INFO with
    // columns SESSIONS (rows of CLUSTER_PROCESSLIST, the whole cluster) and UPTIME (Go duration).
    [[nodiscard]] virtual QString fleetStatusQuery() const;
    // The server itself, one row: HOSTNAME, PORT, VERSION, SERVER_ID, READ_ONLY, UPTIME
    // (seconds). MySQL/MariaDB; Unsupported on TiDB (CLUSTER_INFO says it per node).
    [[nodiscard]] virtual Result<QString> serverQuery() const;
    // TiDB: CPU load and memory per node from CLUSTER_LOAD (TYPE, INSTANCE, DEVICE_TYPE, NAME,
    // VALUE); Unsupported elsewhere.
    [[nodiscard]] virtual Result<QString> clusterLoadQuery() const;
    // TiDB: TiKV stores as PD sees them (TIKV_STORE_STATUS); Unsupported elsewhere.
    [[nodiscard]] virtual Result<QString> storeStatusQuery() const;

    // --- kill -----------------------------------------------------------------------------
    // TiDB: the SHOW CONFIG query whose result killConfigFromResult() reads; Unsupported elsewhere.
    [[nodiscard]] virtual Result<QString> killConfigQuery() const;
    // Parses the kill-config query result (columns Type, Instance, Name, Value).
    [[nodiscard]] static KillConfig killConfigFromResult(const QueryResult &result);
    // TiDB: whether a plain KILL reaches a session on any tidb-server (v6.1+ and
    // enable-global-kill, which defaults to true when the config is unknown). Always false on
    // MySQL/MariaDB, which have no cluster.
    [[nodiscard]] virtual bool isGlobalKill(const KillConfig &config) const;
    [[nodiscard]] virtual KillStatement killStatement(KillKind kind, quint64 connectionId,
                                                      const KillConfig &config = {}) const = 0;

    // --- guardrails -----------------------------------------------------------------------
    [[nodiscard]] virtual QList<GuardrailVariable> guardrailVariables() const = 0;
    // One row, one column per guardrail variable (named after it), GLOBAL values.
    [[nodiscard]] QString readGuardrailsQuery() const;
    // The same for one variable (column named after it): when the combined read fails because
    // one variable does not exist on this server.
    [[nodiscard]] static QString readGuardrailQuery(const GuardrailVariable &variable);
    // SET [SESSION|GLOBAL] name = value; InvalidInput when the name is not a guardrail of this
    // engine or the value does not fit its kind.
    [[nodiscard]] Result<QString> setGuardrailStatement(const QString &name, const QString &value,
                                                        bool global) const;

    // --- runaway watches and plan bindings (TiDB; Unsupported elsewhere) --------------------
    // RUNAWAY_WATCHES (v7.3+, QUERY WATCH): ID, RESOURCE_GROUP_NAME, START_TIME, END_TIME, WATCH,
    // WATCH_TEXT, SOURCE, ACTION, RULE, by ID.
    [[nodiscard]] virtual Result<QString> runawayWatchesQuery() const;
    // QUERY WATCH REMOVE <id> (v7.3+).
    [[nodiscard]] virtual Result<QString> removeRunawayWatchStatement(qint64 watchId) const;
    // SHOW GLOBAL BINDINGS (columns Original_sql, Bind_sql, Default_db, Status, Create_time,
    // Update_time, Charset, Collation, Source, Sql_digest, Plan_digest).
    [[nodiscard]] virtual Result<QString> bindingsQuery() const;
    // CREATE GLOBAL BINDING FROM HISTORY USING PLAN DIGEST '<hex>' (v6.5+): pins the plan a
    // statement had in the statements summary / slow log. InvalidInput unless a 64-hex digest.
    [[nodiscard]] virtual Result<QString>
    bindPlanFromHistoryStatement(const QString &planDigest) const;
    // DROP GLOBAL BINDING FOR SQL DIGEST '<hex>'. InvalidInput unless a 64-hex digest.
    [[nodiscard]] virtual Result<QString> dropBindingStatement(const QString &sqlDigest) const;
    // --- runaway queries (rule push-down) -------------------------------------------------
    // Statements that make the server itself stop runaway statements. Shown to the user and
    // run only on confirmation. Unsupported on MySQL/MariaDB and on TiDB before the version
    // that introduced them (QUERY_LIMIT v7.2.0, QUERY WATCH v7.3.0); InvalidInput for a bad
    // digest, an empty text, a zero duration or a resource group name that is not a plain
    // identifier.
    [[nodiscard]] virtual Result<QString>
    queryWatchAddStatement(const QueryWatchRequest &request) const;
    [[nodiscard]] virtual Result<QString>
    runawayQueryLimitStatement(const RunawayQueryLimit &limit) const;

    // --- backup ---------------------------------------------------------------------------
    [[nodiscard]] virtual Result<QString> backupStatement(const BackupRequest &request) const;
    [[nodiscard]] virtual Result<QString> showBackupsQuery() const;
    // TiDB's RESTORE DATABASE ... FROM 'url' (request.databases empty: *; the rate limit,
    // concurrency and checksum options as for BACKUP; lastBackupTs ignored) and SHOW RESTORES.
    [[nodiscard]] virtual Result<QString> restoreStatement(const BackupRequest &request) const;
    [[nodiscard]] virtual Result<QString> showRestoresQuery() const;

protected:
    [[nodiscard]] Error unsupported(const QString &what) const;
    // Formats a UTC time as a SQL literal: '2024-05-14 09:21:33.000000'.
    [[nodiscard]] static QString utcLiteral(const QDateTime &t);

private:
    EngineInfo m_info;
    DialectOptions m_options;
};

// TidbDialect for TiDB, MariadbDialect for MariaDB, MysqlDialect for MySQL and anything unknown.
[[nodiscard]] std::shared_ptr<const Dialect> makeDialect(const EngineInfo &info,
                                                         const DialectOptions &options = {});

} // namespace TiDesk
