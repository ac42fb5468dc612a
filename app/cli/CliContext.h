// CliContext: what every tidesk-cli command needs: the AppContext (core services), terminal I/O,
// global flags, and the credential store unlocked on demand (only commands that touch secrets
// ask for the vault passphrase). Main thread only.
#pragma once

#include "AppContext.h"
#include "cli/CliIo.h"
#include "common/Result.h"

#include <QCoreApplication>

namespace TiDesk {
class CredentialStore;
}

namespace TiDesk::Cli {

// Exit statuses shared by every command (documented in docs/cli.md).
enum ExitCode {
    ExitOk = 0,
    ExitFailure = 1, // the operation ran and failed (e.g. environment unreachable)
    ExitUsage = 2, // bad command line
    ExitInvalidInput = 3, // malformed file, invalid field, unknown environment
    ExitSecrets = 4, // vault locked / wrong passphrase / keychain unavailable
};

struct CliOptions
{
    QString inventoryPath;
    QString vaultPath;
    QString secretsBackend;
    bool vaultPassStdin = false;
    bool json = false;
    bool verbose = false;
    bool acceptNewHostKey
        = false; // trust unknown bastion host keys on first use (never changed ones)
};

class CliContext final
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::Cli::CliContext)
public:
    explicit CliContext(const CliOptions &options);

    [[nodiscard]] VoidResult open();
    AppContext &app() { return m_app; }
    CliIo &io() { return m_io; }
    const CliOptions &options() const { return m_options; }
    bool json() const { return m_options.json; }

    // The credential store, unlocking the vault first when needed (stdin, the
    // TIDESK_VAULT_PASSPHRASE variable, or a prompt on the terminal, in that order).
    [[nodiscard]] Result<CredentialStore *> secrets();

    // Prints an error the same way everywhere ({"error":{...}} with --json) and returns exitCode.
    int fail(const Error &error, int exitCode);

private:
    CliOptions m_options;
    AppContext m_app;
    CliIo m_io;
};

} // namespace TiDesk::Cli
