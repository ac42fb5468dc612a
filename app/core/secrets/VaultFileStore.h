// VaultFileStore: secrets in one encrypted file, for machines without an OS keychain (headless,
// CI) or by choice. AES-256-GCM over the whole secret map; key from the passphrase with scrypt
// (N=2^17, r=8, p=1 by default); the header (magic, version, KDF parameters, salt) is
// authenticated as AAD; every write is an atomic rewrite (QSaveFile). A wrong passphrase, a
// corrupted or a truncated file give distinct clear errors and the file is never overwritten
// until it was successfully unlocked. See docs/decisions/secrets.md.
//
// Threading: thread-safe (internal mutex). unlock()/create() run the KDF (hundreds of ms) and
// every write rewrites the file: call from worker threads only. Several instances (or TiDesk
// processes) on one file do not lose each other's writes: a write takes a QLockFile, reloads the
// file when it changed on disk, applies the change and rewrites.
#pragma once

#include "secrets/CredentialStore.h"

#include <QByteArray>
#include <QMap>
#include <QMutex>

#include <memory>

namespace TiDesk {

// Key derivation function of a vault file; the numbers are the file format's KDF ids.
enum class VaultKdf : quint8 {
    Scrypt = 1,
    Pbkdf2Sha256 = 2,
};

// KDF parameters for vaults this instance creates or re-keys (changePassphrase). An existing
// vault is always unlocked with the parameters stored in its own header.
struct VaultKdfParams
{
    quint64 n = quint64(1) << 17; // scrypt cost; tests may lower it
    quint32 r = 8;
    quint32 p = 1;
    VaultKdf algorithm = VaultKdf::Scrypt;
    quint32 iterations = 600000; // PBKDF2-SHA256 only (OWASP 2023 recommendation)
};

class VaultFileStore final : public CredentialStore
{
public:
    explicit VaultFileStore(QString path, VaultKdfParams kdf = {});
    ~VaultFileStore() override;

    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] bool exists() const;
    [[nodiscard]] bool isUnlocked() const;

    // Creates a new empty vault; fails if the file already exists.
    [[nodiscard]] VoidResult create(const QString &passphrase);
    // Decrypts the file into memory. ErrorKind::Crypto for a wrong passphrase or tampering,
    // ErrorKind::InvalidInput for a file that is truncated or not a vault.
    [[nodiscard]] VoidResult unlock(const QString &passphrase);
    // unlock() when the file exists, else create().
    [[nodiscard]] VoidResult unlockOrCreate(const QString &passphrase);
    // Forgets the key and the decrypted secrets.
    void lock();
    [[nodiscard]] VoidResult changePassphrase(const QString &oldPassphrase,
                                              const QString &newPassphrase);
    [[nodiscard]] QStringList keys() const;

    QString backendName() const override;
    bool isAvailable() const override; // == isUnlocked()
    Result<QString> read(const QString &key) override;
    VoidResult write(const QString &key, const QString &secret) override;
    VoidResult remove(const QString &key) override;

private:
    // Both run with the internal mutex held.
    [[nodiscard]] VoidResult reloadIfChanged();
    [[nodiscard]] VoidResult modify(const QString &key, const QString *secret); // null: remove

    struct Private;
    std::unique_ptr<Private> d;
    QString m_path;
};

} // namespace TiDesk
