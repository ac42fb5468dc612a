// readGuardrails: reads an environment's guardrails over one SQL connection: the dialect's
// guardrail variables (max_execution_time / max_statement_time, tidb_mem_quota_query,
// tidb_server_memory_limit, tidb_mem_oom_action, tidb_expensive_query_time_threshold ...), and on
// TiDB the runaway watches (RUNAWAY_WATCHES) and global SQL bindings. A part that cannot be read
// (no privilege, an older version) becomes a problem line; only a failed connection or a failed
// variables read fails the whole call. The parsers are public for tests.
//
// Threading: readGuardrails() blocks (network): pool threads only.
#pragma once

#include "common/Result.h"
#include "guardrails/GuardrailSnapshot.h"
#include "sql/EnvironmentConnection.h"

namespace TiDesk {

class ActivityLog;
struct QueryResult;

[[nodiscard]] Result<GuardrailSnapshot> readGuardrails(const EnvironmentTarget &target,
                                                       ActivityLog *activityLog = nullptr);

namespace GuardrailParser {
// The one-row result of Dialect::readGuardrailsQuery(), in the dialect's variable order.
[[nodiscard]] QList<GuardrailValue> values(const Dialect &dialect, const QueryResult &result);
[[nodiscard]] QList<RunawayWatchEntry> watches(const QueryResult &result);
[[nodiscard]] QList<SqlBinding> bindings(const QueryResult &result);
} // namespace GuardrailParser

} // namespace TiDesk
