// KillExecutor: the blocking steps of one safe kill (docs/decisions/safe-kill.md):
//  (a) verify  - open a connection to the environment (its SSH bastion when it has one), detect
//                the engine, re-read the target by id (Dialect::sessionByIdQuery) and refuse
//                unless it still runs the baseline's statement (SessionRow::isSameStatementAs);
//  (b) route   - TiDB: read the kill config; with global kill send KILL on that connection,
//                without it map the session's INSTANCE through CLUSTER_INFO (KillRouting) and
//                connect DIRECTLY to the owning tidb-server for KILL TIDB; MySQL/MariaDB: KILL
//                on the one server;
//  (c) kill    - send the dialect's KILL with SHOW WARNINGS (TiDB answers OK + warning when the
//                KILL did nothing); map 1094 / 1095 / access denied to clear outcomes;
//  (d) confirm - re-read the target every pollIntervalMs until it is gone (connection: the id
//                is absent; query: the id no longer runs that statement) or confirmWaitMs ends;
//  (e) audit   - append one AuditLog line per attempt (refused and failed ones too).
// Every statement goes through SqlConnection, so it is in the activity log.
//
// Threading: run() and readSessions() block on the network for seconds; call them on a worker
// or pool thread (SessionKiller does), never on the GUI thread. A rules runner that already
// works on its own thread may call run() directly.
#pragma once

#include "common/Result.h"
#include "sessions/KillOutcome.h"
#include "sessions/KillRequest.h"
#include "sql/Dialect.h"
#include "sql/EnvironmentCheck.h"

#include <QCoreApplication>
#include <QList>

namespace TiDesk {

class ActivityLog;
class AuditLog;

struct KillSettings
{
    DialectOptions dialect; // test seam: the TiDB catalog fixture (DialectOptions::catalogSchema)
    int statementTimeoutMs = 10000; // read/write timeout of each statement TiDesk sends here
    int confirmWaitMs = 3000; // (d): how long to wait for the target to go away
    int pollIntervalMs = 200; // (d): time between two re-reads
    qint64 sameStatementToleranceMs = 2000; // SessionRow::isSameStatementAs
};

class KillExecutor
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::KillExecutor)
public:
    struct Context
    {
        QString password; // the environment's SQL password (secret: never logged)
        SshRoute route; // bastion secret + router for env.ssh
        ActivityLog *activityLog = nullptr; // may be null
        AuditLog *audit = nullptr; // null: no audit line (only tests of the steps themselves)
        KillSettings settings;
    };

    // The whole attempt, audited. Never throws; every failure is an outcome.
    [[nodiscard]] static KillOutcome run(const KillRequest &request, const Context &context);

    // An attempt that ends before it reaches the server (e.g. the password could not be read):
    // the outcome with `status` and `message`, audited like any other attempt.
    [[nodiscard]] static KillOutcome refuse(const KillRequest &request, KillOutcome::Status status,
                                            const QString &message, const Error &error,
                                            const Context &context);

    // Reads the sessions with this id (TiDB: on `instance`, or on every tidb-server when it is
    // empty), for a caller that needs a baseline first (`tidesk-cli kill`). Empty list: no such
    // session. Not audited (nothing is changed).
    [[nodiscard]] static Result<QList<SessionRow>>
    readSessions(const Environment &env, quint64 connectionId, const QString &instance,
                 const Context &context, EngineInfo *engine = nullptr);
};

} // namespace TiDesk
