// KeychainStore: secrets in the OS keychain (Secret Service / KWallet / macOS Keychain /
// Windows Credential Store) through qtkeychain. Service name "TiDesk".
//
// Threading: qtkeychain jobs are asynchronous; each call here runs its job in a local event
// loop on the CALLING thread, which must therefore be a worker thread (never the GUI thread).
// probe() tells whether a backend exists (headless machines have none: qtkeychain error 7).
#pragma once

#include "secrets/CredentialStore.h"

namespace TiDesk {

class KeychainStore final : public CredentialStore
{
public:
    explicit KeychainStore(QString service = QStringLiteral("TiDesk"));

    // Writes and deletes a probe entry; false when no keychain backend answers.
    [[nodiscard]] bool probe();

    QString backendName() const override;
    bool isAvailable() const override; // result of the last probe()
    Result<QString> read(const QString &key) override;
    VoidResult write(const QString &key, const QString &secret) override;
    VoidResult remove(const QString &key) override;

private:
    QString m_service;
    bool m_available = false;
};

} // namespace TiDesk
