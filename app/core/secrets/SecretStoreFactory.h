// SecretStoreFactory: turns the "secrets backend" setting ("auto" | "keychain" | "vault") into the
// CredentialStore TiDesk uses, and says in one line why (for the status bar and `tidesk-cli`).
// "auto" takes the OS keychain when probe() succeeds, else the encrypted vault file.
//
// Threading: select() probes the keychain (a D-Bus round trip, up to its timeout): call it from a
// worker thread, never the GUI thread. Stateless otherwise.
#pragma once

#include "common/Result.h"
#include "secrets/VaultFileStore.h"

#include <QString>

#include <memory>

namespace TiDesk {

class CredentialStore;

struct SecretStoreSelection
{
    std::unique_ptr<CredentialStore> store;
    VaultFileStore *vault = nullptr; // == store when it is the vault (still locked), else null
    QString backend; // "keychain" or "vault"
    QString status; // "Secrets: OS keychain", "Secrets: encrypted vault at ..."
};

class SecretStoreFactory final
{
public:
    // InvalidInput for an unknown setting; Unsupported when "keychain" is demanded but none works.
    [[nodiscard]] static Result<SecretStoreSelection>
    select(const QString &setting, const QString &vaultPath, VaultKdfParams kdf = {});
};

} // namespace TiDesk
