// FleetCommands: `tidesk-cli fleet status [--tier T] [--tag X] [--json] [--interval-ms N]
// [--timeout-ms N]` - every environment of the inventory (or those of a tier / with a tag) at a
// glance: reachable or down, engine and version, QPS, connections, uptime, active alerts by level
// and the error of a down one. Samples twice, --interval-ms apart (default 1000), with the same
// FleetPoller the fleet page uses, so QPS comes from the servers' counters (MySQL/MariaDB
// Questions; unknown on TiDB over SQL, p99 unknown everywhere without Prometheus). Worst first:
// down, then critical/emergency alerts, then the rest by tier (prod first) and name.
// Exit status: 0 every selected environment reachable, 1 at least one down, 2 usage error,
// 3 no environment selected (empty inventory, no match), 4 secrets unavailable (vault locked).
// An Alertmanager that cannot be read is reported (stderr / "alertmanager_errors") but does not
// change the exit status.
// Main thread; waits for the samples in a local event loop (a CLI has no GUI to keep alive).
#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace TiDesk::Cli {

class CliContext;

class FleetCommands final
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::Cli::FleetCommands)
public:
    explicit FleetCommands(CliContext &context)
        : m_ctx(context)
    { }

    // args: everything after "fleet".
    int run(const QStringList &args);

private:
    int status(const QStringList &args);

    CliContext &m_ctx;
};

} // namespace TiDesk::Cli
