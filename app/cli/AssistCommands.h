// AssistCommands: `tidesk-cli assist host|join` - the expert session without a window (issue 7).
//  host: --relay USER@HOST[:PORT] --key PATH --share ENV[,ENV] [--auto-approve-readonly]
//        [--max-minutes N] [--idle-minutes N] [--code-minutes N] [--row-limit N]
//        [--known-hosts FILE] [--audit-rows] [--json]
//        prints the session code, then runs until the session ends. Questions (let the expert
//        in? approve proposal #N?) are asked on stderr and answered by lines on stdin - a
//        terminal or a pipe: y/yes approves, anything else rejects; a production proposal is
//        approved only by typing the environment's name. With no question open, a line is a chat
//        message; "/end" ends the session. SIGINT/SIGTERM end it too.
//  join: CODE [--relay USER@HOST[:PORT]] --key PATH [--name NAME] [--known-hosts FILE]
//        [--env ENV (--run SQL | --kill ID [--connection] | --backup logical|physical
//        [--databases DB,DB])] [--wait-s N] [--json]
//        joins with the expert's own SSH key. With --run/--kill/--backup: proposes that one action,
//        prints
//        its result and leaves. Without: lines on stdin are SQL proposals on the current
//        environment; "/env ENV", "/view fleet|sessions|slow|alerts [ENV]", "/kill ID",
//        "/say TEXT", "/end".
//  log [show|verify|export FILE] [--dir DIR] [--to FILE] [--head SHA256]: the host's session
//        logs (hash-chained, AuditLogChain): the list with each chain's state, one replayed
//        line by line, verified (exit 1 when broken), or exported with its verification.
// --json: one JSON object per line per event ({"event":"code",...}). Exit status: 0 the session
// ended normally (and, with --run, the action succeeded), 1 it failed (relay, code, rejected,
// the statement failed), 2 usage, 3 unknown environment / bad code, 4 secrets.
// Main thread; runs a local event loop (everything below is non-blocking).
#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace TiDesk {
struct SshConnectOptions;
}

namespace TiDesk::Cli {

class CliContext;

class AssistCommands final
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::Cli::AssistCommands)
public:
    explicit AssistCommands(CliContext &context)
        : m_ctx(context)
    { }

    int run(const QStringList &args);

private:
    int host(const QStringList &args);
    int join(const QStringList &args);
    int log(const QStringList &args);
    int usage(const QString &why);

    CliContext &m_ctx;
};

} // namespace TiDesk::Cli
