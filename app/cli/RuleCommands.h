// RuleCommands: `tidesk-cli rules check [--config FILE]` validates the rules file and prints
// each rule with its effective mode on every inventory environment in its scope (production is
// dry-run unless the rule's env_modes say enforce), and `tidesk-cli rules run [--config FILE]
// [--dry-run] [--once] [--interval-ms N]` runs the RuleRunner headless, like pt-kill as a
// daemon: one line per decision on stdout (JSON lines with --json), environment errors on
// stderr, every decision in the audit log. SIGTERM / SIGINT stop the pollers and exit 0.
// This build has no killer wired in: an enforced kill is printed and audited as
// "not executed: killer not available" - it is never faked.
// Exit status: 0 ok (run: stopped cleanly; --once: every environment polled), 1 --once with an
// environment that failed, 2 usage, 3 invalid rules file or nothing in scope, 4 secrets.
// Main thread; `run` spins the event loop until a stop signal (or one round with --once).
#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace TiDesk::Cli {

class CliContext;

class RuleCommands final
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::Cli::RuleCommands)
public:
    explicit RuleCommands(CliContext &context)
        : m_ctx(context)
    { }

    // args: everything after "rules".
    int run(const QStringList &args);

private:
    int check(const QStringList &args);
    int runDaemon(const QStringList &args);

    CliContext &m_ctx;
};

} // namespace TiDesk::Cli
