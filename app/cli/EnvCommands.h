// EnvCommands: `tidesk-cli env list|add|remove|import|export|check|set-password|set-ssh-secret`.
// Each command returns the process exit status (CliContext::ExitCode). Main thread only;
// the network work of `check` runs on the core's thread pool and is waited for here (a CLI
// has no GUI thread to keep responsive).
#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace TiDesk::Cli {

class CliContext;

class EnvCommands final
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::Cli::EnvCommands)
public:
    explicit EnvCommands(CliContext &context)
        : m_ctx(context)
    { }

    // args: everything after "env" (the subcommand first).
    int run(const QStringList &args);
    static QString usage();

private:
    int list(const QStringList &args);
    int add(const QStringList &args);
    int remove(const QStringList &args);
    int importFile(const QStringList &args);
    int exportFile(const QStringList &args);
    int check(const QStringList &args);
    int setPassword(const QStringList &args);
    int setSshSecret(const QStringList &args);
    int setBackupSecret(const QStringList &args);

    CliContext &m_ctx;
};

} // namespace TiDesk::Cli
