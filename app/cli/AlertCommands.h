// AlertCommands: `tidesk-cli alerts [ENV] [--json] [--timeout-ms N]` - the active alerts of every
// environment with an Alertmanager URL (or of one), worst first. Each Alertmanager is asked once
// even when several environments share it; an alert belongs to an environment when its `env`
// (or `cluster`) label is the environment's name, or when it has neither label.
// Exit status: 0 when every Alertmanager answered (alerts or not), 1 when one could not be read,
// 2 usage, 3 unknown environment or none with an Alertmanager URL.
// Main thread; waits for the answers in a local event loop (a CLI has no GUI to keep alive).
#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace TiDesk::Cli {

class CliContext;

class AlertCommands final
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::Cli::AlertCommands)
public:
    explicit AlertCommands(CliContext &context)
        : m_ctx(context)
    { }

    // args: everything after "alerts".
    int run(const QStringList &args);

private:
    CliContext &m_ctx;
};

} // namespace TiDesk::Cli
