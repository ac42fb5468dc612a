// KillCommands: `tidesk-cli kill ENV --id N [--instance ADDR] [--query|--connection] [--yes]
// [--wait-ms N] [--json]` - kill the running statement (default) or the connection of one
// session, with the same SessionKiller the GUI and the rules use: the session is read first
// (the baseline the killer verifies against), shown, confirmed (y/N; on a production-tier
// environment by typing its name; --yes skips the question and is required without a terminal),
// then killed, confirmed gone and audited (audit.jsonl in the data directory).
// Exit status: 0 killed, 1 not killed (gone, stale, declined, no effect, still running, failed),
// 2 usage (incl. no terminal to confirm and no --yes), 3 unknown environment, 4 secrets.
// Main thread; waits for the kill in a local event loop.
#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace TiDesk::Cli {

class CliContext;

class KillCommands final
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::Cli::KillCommands)
public:
    explicit KillCommands(CliContext &context)
        : m_ctx(context)
    { }

    // args: everything after "kill".
    int run(const QStringList &args);

private:
    CliContext &m_ctx;
};

} // namespace TiDesk::Cli
