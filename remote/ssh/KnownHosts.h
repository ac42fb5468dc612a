// KnownHosts: OpenSSH known_hosts, read and appended the way ssh does it. Plain entries
// ("host,alias ssh-ed25519 AAAA..."), non-default ports ("[host]:2222"), hashed entries
// ("|1|salt|hmac"), wildcards and negation; @cert-authority lines are skipped, a @revoked key
// is never a match. Fingerprints are "SHA256:<base64 without padding>" like `ssh-keygen -l`.
// A loaded KnownHosts is an immutable value: any thread. append() does file I/O: call it off
// the GUI thread when the file may be on a slow disk (it is a small local file in practice).
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace TiDesk {

class KnownHosts
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::KnownHosts)

public:
    enum class Status { Match, NotFound, Mismatch };

    struct Entry
    {
        int lineNumber = 0; // 1-based, in the file
        QString line; // the line as written (for the MITM explanation)
        QString marker; // "", "@revoked" (cert-authority lines are not kept)
        QStringList patterns; // plain host patterns (empty for a hashed entry)
        QByteArray salt; // hashed entry: HMAC-SHA1 key ...
        QByteArray hash; // ... and HMAC-SHA1(salt, host token)
        QString keyType; // "ssh-ed25519", "ecdsa-sha2-nistp256" ...
        QByteArray key; // the decoded public key blob
        [[nodiscard]] bool isHashed() const { return !salt.isEmpty(); }
    };

    struct Lookup
    {
        Status status = Status::NotFound;
        Entry entry; // Match/Mismatch: the known_hosts entry that decided it
        QStringList otherKeyTypes; // NotFound: key types known for this host (other than asked)
    };

    KnownHosts() = default;

    // A missing file is an empty, valid list (ssh creates it on the first accepted host).
    [[nodiscard]] static Result<KnownHosts> load(const QString &path);
    [[nodiscard]] static KnownHosts parse(const QByteArray &text, const QString &path = {});

    // What ssh would decide for `host`:`port` presenting (keyType, key).
    [[nodiscard]] Lookup lookup(const QString &host, int port, const QString &keyType,
                                const QByteArray &key) const;
    // Key types known for the host, in file order (to prefer them in the key exchange).
    [[nodiscard]] QStringList keyTypesFor(const QString &host, int port) const;

    [[nodiscard]] const QList<Entry> &entries() const { return m_entries; }
    [[nodiscard]] QString path() const { return m_path; }

    // "host" for port 22, else "[host]:port" - the token known_hosts stores (and hashes).
    [[nodiscard]] static QString hostToken(const QString &host, int port);
    // "SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU" for a public key blob.
    [[nodiscard]] static QString fingerprint(const QByteArray &keyBlob);
    // One known_hosts line (no newline); hashed with a fresh random salt when asked.
    [[nodiscard]] static QString formatEntry(const QString &host, int port, const QString &keyType,
                                             const QByteArray &key, bool hashed = false);
    // Appends one entry atomically (QSaveFile: the old file stays intact on failure); creates
    // the file (0600) and its directory (0700) when missing.
    [[nodiscard]] static VoidResult append(const QString &path, const QString &host, int port,
                                           const QString &keyType, const QByteArray &key,
                                           bool hashed = false);

private:
    [[nodiscard]] static bool entryMatchesHost(const Entry &e, const QString &token);

    QString m_path;
    QList<Entry> m_entries;
};

} // namespace TiDesk
