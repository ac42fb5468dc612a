// MetricsCommands: `tidesk-cli metrics ENV --chart NAME [--range 15m|1h|6h|24h|7d | --from ISO
// --to ISO] [--selector MATCHERS] [--json] [--timeout-ms N]` - one chart of the ChartCatalog
// read from the environment's Prometheus: one line per series with last/min/max/avg in the
// chart's unit, or (--json) the points themselves. Every series selector gets the environment's
// prometheusSelector (or --selector instead). The engine is the environment's engine
// override, else detected over SQL (like `env check`). Unknown chart -> the engine's chart list.
// Exit status: 0 data read (even none), 1 Prometheus or SQL detection failed, 2 usage (also an
// unknown or unsupported chart), 3 unknown environment / no Prometheus URL, 4 secrets.
// Main thread; waits for the answers in a local event loop (a CLI has no GUI to keep alive).
#pragma once

#include "common/Result.h"
#include "inventory/Environment.h"
#include "sql/EngineInfo.h"

#include <QCoreApplication>
#include <QStringList>

namespace TiDesk::Cli {

class CliContext;

class MetricsCommands final
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::Cli::MetricsCommands)
public:
    explicit MetricsCommands(CliContext &context)
        : m_ctx(context)
    { }

    // args: everything after "metrics".
    int run(const QStringList &args);

private:
    // The engine to chart: the override, else VERSION() over SQL. *exitCode set on failure.
    Result<Engine> engineOf(const Environment &env, int *exitCode);

    CliContext &m_ctx;
};

} // namespace TiDesk::Cli
