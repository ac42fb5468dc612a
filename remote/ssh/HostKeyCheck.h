// HostKeyCheck: the host-key decision, separated from the socket code so it can be unit-tested:
// a known_hosts lookup plus the policy gives accept / store / ask / refuse, and for refusals the
// explanation a DBA reads (for a changed key: possible man-in-the-middle, the host, the
// presented fingerprint and the known_hosts line). Pure; any thread.
#pragma once

#include "KnownHosts.h"
#include "SshConnectOptions.h"

#include <QCoreApplication>

namespace TiDesk {

// The key a server presented during the handshake.
struct SshHostKey
{
    QString keyType; // "ssh-ed25519" ...
    QByteArray key; // public key blob
    QString fingerprint; // "SHA256:..."
};

class HostKeyCheck
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::HostKeyCheck)

public:
    enum class Action { Accept, AcceptAndStore, Ask, Refuse };

    // Error::code of the HostKey refusals, stable for scripts (`tidesk-cli ... --json`) and for
    // the UI to pick a headline without parsing translated text.
    enum RefusalCode {
        UnknownHost = 9101, // not in known_hosts and the policy does not trust new keys
        ChangedKey = 9102, // known with a DIFFERENT key: possible man-in-the-middle
        RevokedKey = 9103, // the key is @revoked in known_hosts
        OtherKeyType = 9104, // known with other key types only; this type not seen before
        RejectedByUser = 9105,
    };
    struct Decision
    {
        Action action = Action::Refuse;
        Error error; // Refuse: kind HostKey, with the explanation
    };

    [[nodiscard]] static Decision decide(const KnownHosts::Lookup &lookup, HostKeyPolicy policy,
                                         const QString &host, int port, const SshHostKey &presented,
                                         const QString &knownHostsPath);
    // The key type named inside a public key blob (its first SSH string).
    [[nodiscard]] static QString keyTypeOf(const QByteArray &blob);
};

} // namespace TiDesk
