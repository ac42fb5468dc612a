// SessionCommands: `tidesk-cli sessions ENV [--json] [--all] [--min-time S] [--user U]
// [--timeout-ms N]` - one read of an environment's live sessions (TiDB: the whole cluster's
// CLUSTER_PROCESSLIST) with the same SessionPoller and filters the sessions page uses, longest
// running first. By default hides idle (Sleep) and system sessions and always the CLI's own
// connection. Table output (statement on one line, elided) or a JSON array.
// Exit status: 0 read, 1 the read failed (unreachable, wrong password, no privilege), 2 usage,
// 3 unknown environment, 4 secrets unavailable.
// Main thread; waits for the read in a local event loop.
#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace TiDesk::Cli {

class CliContext;

class SessionCommands final
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::Cli::SessionCommands)
public:
    explicit SessionCommands(CliContext &context)
        : m_ctx(context)
    { }

    // args: everything after "sessions".
    int run(const QStringList &args);

private:
    CliContext &m_ctx;
};

} // namespace TiDesk::Cli
