#include "CliContext.h"

#include "secrets/CredentialStore.h"
#include "secrets/VaultFileStore.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace TiDesk::Cli {

CliContext::CliContext(const CliOptions &options)
    : m_options(options)
    , m_app(AppContext::Options { options.inventoryPath, options.vaultPath, options.secretsBackend,
                                  options.acceptNewHostKey ? HostKeyPolicy::AcceptNew
                                                           : HostKeyPolicy::Strict })
{ }

VoidResult CliContext::open()
{
    return m_app.open();
}

Result<CredentialStore *> CliContext::secrets()
{
    CredentialStore *store = m_app.services().secrets;
    if (!store)
        return Error::make(ErrorKind::Unsupported, tr("No credential store is available."));
    VaultFileStore *vault = m_app.vault();
    if (!vault || vault->isUnlocked())
        return store;

    std::optional<QString> passphrase;
    if (m_options.vaultPassStdin) {
        passphrase = m_io.nextStdinLine();
        if (!passphrase)
            return Error::make(ErrorKind::InvalidInput,
                               tr("--vault-pass-stdin was given but standard input is empty."));
    } else if (qEnvironmentVariableIsSet("TIDESK_VAULT_PASSPHRASE")) {
        passphrase = qEnvironmentVariable("TIDESK_VAULT_PASSPHRASE");
    } else {
        passphrase = CliIo::promptHidden(
            vault->exists() ? tr("Vault passphrase for %1: ").arg(vault->path())
                            : tr("New vault passphrase for %1: ").arg(vault->path()));
        if (!passphrase)
            return Error::make(
                ErrorKind::Crypto,
                tr("The vault is locked and there is no terminal to ask for its passphrase."),
                tr("Use --vault-pass-stdin."));
    }
    const VoidResult unlocked = vault->unlockOrCreate(*passphrase);
    passphrase->fill(u'\0');
    if (!unlocked)
        return unlocked.error();
    return store;
}

int CliContext::fail(const Error &error, int exitCode)
{
    if (m_options.json) {
        QJsonObject e { { u"kind"_s, Error::kindName(error.kind) },
                        { u"code"_s, error.code },
                        { u"message"_s, error.message } };
        if (!error.detail.isEmpty())
            e.insert(u"detail"_s, error.detail);
        CliIo::outRaw(
            QJsonDocument(QJsonObject { { u"error"_s, e } }).toJson(QJsonDocument::Compact) + '\n');
    } else {
        CliIo::err(u"tidesk-cli: "_s + error.toString());
    }
    return exitCode;
}

} // namespace TiDesk::Cli
