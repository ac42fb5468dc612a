// KillOutcome: what one kill attempt of SessionKiller did, as a value the GUI, the CLI and the
// rules runner show or log: a status, one translated sentence a DBA can act on, the KILL that
// was sent (if any), where it was sent, the server's own text (warning or error) and timings.
// Also the stable status names used in JSON and the audit log. Plain value type: any thread.
#pragma once

#include "common/Error.h"
#include "sessions/SessionRow.h"
#include "sql/Dialect.h"

#include <QCoreApplication>
#include <QMetaType>
#include <QString>

#include <optional>

namespace TiDesk {

struct KillOutcome
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::KillOutcome)
public:
    enum class Status {
        Killed, // KILL sent and the re-poll saw the statement (query) / session (connection) end
        AlreadyFinished, // the target was gone before the KILL (nothing sent, or 1094)
        StaleRefused, // the id now runs another statement or was reused: refused, nothing sent
        Refused, // not a target TiDesk kills (a system thread, TiDesk's own connection)
        NoEffect, // the server answered OK with a warning and the target still runs (TiDB)
        StillRunning, // KILL accepted, but the target still ran at the end of the wait
        Failed, // could not verify, route or send (connection, privilege 1095, ...)
    };

    Status status = Status::Failed;
    QString message; // one translated sentence (what happened and what to do)
    KillKind kind = KillKind::Query;
    QString envName;
    SessionRow target; // the caller's baseline
    std::optional<SessionRow> fresh; // the verify step's read of the same id, when it was there
    QString statement; // the KILL sent; empty when nothing was sent
    QString sentTo; // "user@host:port" (+ " via ssh ...") of the connection that sent it
    QString serverText; // the server's warning or error text, verbatim
    Error error; // kind None unless Failed (or a server error explains the status)
    bool globalKill = false; // TiDB: the cluster has global kill (plain KILL from any node)
    qint64 elapsedMs = 0; // whole attempt: verify + route + KILL + re-poll
    qint64 goneAfterMs = -1; // from the KILL to the re-poll that saw the target gone
    QString auditError; // set when the audit line could not be written

    [[nodiscard]] bool killed() const { return status == Status::Killed; }
    // Stable, untranslated: "killed", "already-finished", "stale-refused", "refused",
    // "no-effect", "still-running", "failed".
    [[nodiscard]] static QString statusName(Status status);
    // Translated, short: "Killed", "Already finished", "Refused: stale target", ...
    [[nodiscard]] static QString statusDisplayName(Status status);
    // "kill-query" / "kill-connection": the audit action.
    [[nodiscard]] static QString actionName(KillKind kind);
};

} // namespace TiDesk

Q_DECLARE_METATYPE(TiDesk::KillOutcome)
