// FleetMath: the pure parts of the fleet poller, kept apart so they are unit-tested without a
// server: reading the status statement's result (per engine), QPS from two counter readings
// (with counter resets and the poller's own statements taken out), the back-off schedule of a
// failing environment, the QPS history ring and the "worst first" rank.
// No I/O, no state; any thread.
#pragma once

#include "health/FleetSample.h"
#include "sql/EngineInfo.h"

#include <QList>
#include <QString>

namespace TiDesk {

struct QueryResult;

// What one status statement (Dialect::fleetStatusQuery) said. -1 = not reported.
struct FleetCounters
{
    qint64 questions = -1; // MySQL/MariaDB Questions (statements sent by clients); TiDB: -1
    qint64 connections = -1; // Threads_connected / TiDB sessions, the poller's own excluded
    qint64 threadsRunning = -1; // MySQL/MariaDB Threads_running; TiDB: -1
    qint64 uptimeSeconds = -1; // server uptime (TiDB: the youngest tidb-server)
};

// One successful reading of an environment's counters, as the QPS computation needs it.
struct CounterReading
{
    qint64 questions = -1;
    qint64 uptimeSeconds = -1;
    qint64 steadyMs = 0; // monotonic clock (ms) when the status statement returned
    // Statements the poller itself sent on the connection of this reading, up to and including
    // the status statement (SqlConnection::statementsSent): Questions counts them too.
    qint64 ownStatements = 0;
};

namespace FleetMath {

// Reads a fleetStatusQuery() result. ownSessions: the poller's connections to subtract from
// the server's count (1: the connection that ran the statement).
[[nodiscard]] FleetCounters countersFromResult(Engine engine, const QueryResult &result,
                                               int ownSessions = 1);

// A Go duration string as TiDB's CLUSTER_INFO.UPTIME has it ("26h39m4.352862693s", "7m0.94s",
// "850ms") in whole seconds; -1 when it cannot be read.
[[nodiscard]] qint64 goDurationSeconds(const QString &text);

// Queries per second between two consecutive successful readings of the same environment:
// (questions delta - the later reading's own statements) / elapsed seconds, never below 0.
// NaN (unknown) when either reading has no Questions (TiDB), time did not advance, or the
// counter went backwards / the uptime shrank (the server restarted in between: the delta
// would mean nothing).
[[nodiscard]] double qps(const CounterReading &previous, const CounterReading &current);

// The back-off of an environment whose last `consecutiveFailures` attempts failed: how many
// refreshes from the failing one until the next attempt. 1 = the next refresh (the first two
// failures), then 2, 4, 8 ... refreshes, but never more than capMs of time (at least 1).
[[nodiscard]] int backoffRefreshes(int consecutiveFailures, int intervalMs, int capMs = 60000);

// Appends one value to a QPS history and drops the oldest beyond FleetSample::kHistoryLength.
void appendHistory(QList<double> &history, double value);

// Worst first: 0 down, 1 reachable with an emergency/critical alert, 2 the rest, 3 never sampled.
[[nodiscard]] int severityRank(const FleetSample &sample);

} // namespace FleetMath

} // namespace TiDesk
