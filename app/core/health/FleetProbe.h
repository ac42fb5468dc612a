// FleetProbe: one fleet sample of one environment, the blocking part of the fleet poller.
// Opens a fresh connection (through the SSH route when env.ssh.enabled), learns the engine and
// version (EngineDetector: VERSION() at connect, TIDB_VERSION() on TiDB), runs the dialect's one
// status statement (Dialect::fleetStatusQuery), and closes. Every statement goes through
// SqlConnection, so it is in the activity log. The connect, read and write timeouts are all the
// caller's budget, so a server that accepts TCP and never answers costs at most about that.
// Why a fresh connection each time instead of a persistent one: docs/decisions/fleet-poller.md.
//
// Threading: probeEnvironment() blocks (network); run it on a pool thread, never the GUI.
#pragma once

#include "common/Error.h"
#include "health/FleetMath.h"
#include "inventory/Environment.h"
#include "sql/Dialect.h"
#include "sql/EngineInfo.h"
#include "sql/EnvironmentCheck.h"

#include <QDateTime>
#include <QMetaType>

namespace TiDesk {

class ActivityLog;

struct ProbeResult
{
    bool reachable = false;
    EngineInfo engine; // valid when reachable
    FleetCounters counters; // when reachable and the status statement answered
    CounterReading reading; // for FleetMath::qps
    Error error; // kind None when reachable and the status statement answered
    qint64 latencyMs = -1; // connect + detect + status statement; -1 when unreachable
    QDateTime sampledAt; // UTC
    bool vaultLocked = false; // the password could not be read because the vault is locked
};

struct ProbeOptions
{
    int budgetMs = 5000; // connect, read and write timeouts (the connector rounds up to seconds)
    DialectOptions dialect; // test seam: the TiDB catalog fixture (see DialectOptions)
};

// password: the SQL password (may be empty); route: SshRoute::fromStore(...) for bastions.
[[nodiscard]] ProbeResult probeEnvironment(const Environment &env, const QString &password,
                                           ActivityLog *activityLog, const SshRoute &route,
                                           const ProbeOptions &options);

// Monotonic milliseconds, the clock of CounterReading::steadyMs.
[[nodiscard]] qint64 steadyNowMs();

} // namespace TiDesk

Q_DECLARE_METATYPE(TiDesk::ProbeResult)
