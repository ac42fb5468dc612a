// SlowHistoryReader: reads an environment's slow-query history over SQL and groups it by digest:
// opens a connection (sql/EnvironmentConnection: endpoints in turn, the SSH bastion), detects the
// engine, sets the session to UTC, then runs ONE time-bounded statement of the dialect:
//  - SlowHistorySource::SlowQueries: TiDB CLUSTER_SLOW_QUERY / MySQL & MariaDB mysql.slow_log
//    rows in [from, to] (Dialect::slowQueriesQuery, at most rowLimit rows, newest first),
//    grouped here by DigestAggregator (TiDB: the server's Digest);
//  - SlowHistorySource::StatementsSummary: TiDB CLUSTER_STATEMENTS_SUMMARY_HISTORY windows
//    overlapping [from, to], grouped by DIGEST on the server (Dialect::statementsSummaryByDigest
//    Query); Unsupported on MySQL/MariaDB.
// There is no unbounded variant on purpose: CLUSTER_SLOW_QUERY is parsed from every tidb-server's
// log files at query time, and a console must not be what runs TiDB out of memory.
// Threading: readSlowHistory() blocks (network): run it on a pool thread, never the GUI thread.
#pragma once

#include "common/Result.h"
#include "inventory/Environment.h"
#include "slowsql/DigestClass.h"
#include "sql/Dialect.h"
#include "sql/EnvironmentCheck.h"

#include <QDateTime>
#include <QList>

namespace TiDesk {

class ActivityLog;

enum class SlowHistorySource { SlowQueries, StatementsSummary };

struct SlowHistoryRequest
{
    Environment environment;
    QString password;
    SshRoute route;
    DialectOptions dialectOptions; // catalogSchema: the TiDB catalog test seam
    SlowHistorySource source = SlowHistorySource::SlowQueries;
    QDateTime fromUtc; // both required: an invalid time is refused, never "no bound"
    QDateTime toUtc;
    int rowLimit = 10000; // rows read (slow queries) or digests (summary)
    std::chrono::milliseconds statementTimeout { 60000 }; // server-side limit for the read
};

struct SlowHistory
{
    EngineInfo engine;
    SlowHistorySource source = SlowHistorySource::SlowQueries;
    QDateTime fromUtc;
    QDateTime toUtc;
    QString statement; // what ran (shown to the DBA, and asserted by tests)
    qint64 rowsRead = 0;
    bool rowLimitHit = false; // rowsRead == rowLimit: older statements in the range were not read
    QList<DigestClass> classes; // by total time, descending
};

// The statement readSlowHistory() would run for this engine (or the error it would report).
// InvalidInput when the range is missing or reversed.
[[nodiscard]] Result<QString> slowHistoryStatement(const Dialect &dialect,
                                                   const SlowHistoryRequest &request);

[[nodiscard]] Result<SlowHistory> readSlowHistory(const SlowHistoryRequest &request,
                                                  ActivityLog *activityLog = nullptr);

} // namespace TiDesk
