// GuardrailCommands: `tidesk-cli guardrails ENV [--json]` prints an environment's guardrails (the
// dialect's guardrail variables as GLOBAL values, TiDB runaway watches and global bindings; parts
// that cannot be read as problems), and `tidesk-cli guardrails set ENV NAME VALUE [--confirm ENV]`
// changes one variable GLOBAL (a production environment needs its name again with --confirm),
// printing the exact statement and auditing it like the Guardrails page does.
// Exit status: 0 read / applied, 1 the server refused or could not be reached, 2 usage (incl. a
// missing --confirm on prod), 3 unknown environment or invalid value, 4 secrets unavailable.
// Main thread; the blocking reads run on the pool and are waited for (a CLI has no GUI).
#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace TiDesk::Cli {

class CliContext;

class GuardrailCommands final
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::Cli::GuardrailCommands)
public:
    explicit GuardrailCommands(CliContext &context)
        : m_ctx(context)
    { }

    // args: everything after "guardrails".
    int run(const QStringList &args);

private:
    int show(const QString &envName);
    int set(const QStringList &args);

    CliContext &m_ctx;
};

} // namespace TiDesk::Cli
