#include "SecretStoreFactory.h"

#include "common/Logging.h"
#include "secrets/KeychainStore.h"

#include <QCoreApplication>
#include <QDir>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

SecretStoreSelection vaultSelection(const QString &vaultPath, VaultKdfParams kdf, bool noKeychain)
{
    auto vault = std::make_unique<VaultFileStore>(vaultPath, kdf);
    SecretStoreSelection selection;
    selection.vault = vault.get();
    selection.store = std::move(vault);
    selection.backend = u"vault"_s;
    const QString where = QDir::toNativeSeparators(vaultPath);
    selection.status = noKeychain
        ? QCoreApplication::translate(
              "TiDesk::SecretStoreFactory",
              "Secrets: encrypted vault at %1 (no OS keychain on this machine)")
              .arg(where)
        : QCoreApplication::translate("TiDesk::SecretStoreFactory",
                                      "Secrets: encrypted vault at %1")
              .arg(where);
    return selection;
}

SecretStoreSelection keychainSelection(std::unique_ptr<KeychainStore> keychain)
{
    SecretStoreSelection selection;
    selection.store = std::move(keychain);
    selection.backend = u"keychain"_s;
    selection.status
        = QCoreApplication::translate("TiDesk::SecretStoreFactory", "Secrets: OS keychain");
    return selection;
}

} // namespace

Result<SecretStoreSelection>
SecretStoreFactory::select(const QString &setting, const QString &vaultPath, VaultKdfParams kdf)
{
    const QString choice = setting.trimmed().toLower();
    if (choice == u"vault")
        return vaultSelection(vaultPath, kdf, false);
    if (choice != u"auto" && choice != u"keychain")
        return Error::make(ErrorKind::InvalidInput,
                           QCoreApplication::translate("TiDesk::SecretStoreFactory",
                                                       "unknown secrets backend \"%1\" (use auto, "
                                                       "keychain or vault)")
                               .arg(setting));
    auto keychain = std::make_unique<KeychainStore>();
    if (keychain->probe())
        return keychainSelection(std::move(keychain));
    if (choice == u"keychain")
        return Error::make(
            ErrorKind::Unsupported,
            QCoreApplication::translate("TiDesk::SecretStoreFactory",
                                        "the OS keychain is selected but not available "
                                        "on this machine; choose \"vault\" or \"auto\""));
    qCInfo(lcSecrets) << "no OS keychain, using the vault at" << vaultPath;
    return vaultSelection(vaultPath, kdf, true);
}

} // namespace TiDesk
