// SlowQueryRows: turns the result sets of the dialects' slow-query statements into slow-query
// history values, so server history and slow-log files go through the same DigestAggregator:
//  - Dialect::slowQueriesQuery rows (TiDB CLUSTER_SLOW_QUERY; MySQL/MariaDB mysql.slow_log) ->
//    SlowLogEntry values (format TiDB / MySQL / MariaDB by the columns present);
//  - Dialect::statementsSummaryByDigestQuery rows (TiDB CLUSTER_STATEMENTS_SUMMARY(_HISTORY),
//    already grouped by DIGEST on the server, latencies in ns) and the per-window rows of
//    Dialect::statementsSummaryQuery -> DigestClass values directly.
// Columns are found by name (case-insensitive), so a column missing in an older version stays
// unknown instead of failing the read. Times are read as UTC (TiDesk's session time zone).
// Pure functions over values; any thread.
#pragma once

#include "slowsql/DigestClass.h"
#include "slowsql/SlowLogEntry.h"

#include <QList>
#include <QVariant>

#include <optional>

namespace TiDesk {

struct QueryResult;

namespace SlowQueryRows {

[[nodiscard]] QList<SlowLogEntry> entries(const QueryResult &result);
[[nodiscard]] QList<DigestClass> summaryClasses(const QueryResult &result);

// Helpers, public for tests.
// "2024-05-14 09:21:33.487776" (or ISO 8601) as UTC; invalid when unparseable.
[[nodiscard]] QDateTime utcTime(const QVariant &value);
// A MySQL TIME(6) value "00:00:12.000215" (or "838:59:59", or a plain number) in seconds.
[[nodiscard]] std::optional<double> timeSeconds(const QVariant &value);
// `user[user] @ host [ip]` -> user and host (the ip when the host part is empty).
void splitUserHost(const QString &userHost, QString *user, QString *host);

} // namespace SlowQueryRows

} // namespace TiDesk
