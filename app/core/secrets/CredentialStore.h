// CredentialStore: where TiDesk keeps secrets (SQL passwords, SSH key passphrases, storage
// credentials). Two backends: KeychainStore (the OS keychain via qtkeychain) and VaultFileStore
// (an AES-256-GCM encrypted file, for headless machines, CI, or by choice).
//
// Threading: every method may block (keychain D-Bus round trip, vault KDF and file rewrite), so
// call them from a worker thread (QtConcurrent), never from the GUI thread. Implementations are
// internally synchronised: one instance may be used from several worker threads.
#pragma once

#include "common/Result.h"

#include <QString>
#include <QStringList>

namespace TiDesk {

class CredentialStore
{
public:
    virtual ~CredentialStore() = default;

    // Short stable id of the backend: "keychain" or "vault".
    [[nodiscard]] virtual QString backendName() const = 0;
    // False when the backend cannot work here (no keychain daemon; vault locked).
    [[nodiscard]] virtual bool isAvailable() const = 0;

    // ErrorKind::NotFound when the key has no secret.
    [[nodiscard]] virtual Result<QString> read(const QString &key) = 0;
    [[nodiscard]] virtual VoidResult write(const QString &key, const QString &secret) = 0;
    // Removing a missing key is not an error.
    [[nodiscard]] virtual VoidResult remove(const QString &key) = 0;
};

} // namespace TiDesk
