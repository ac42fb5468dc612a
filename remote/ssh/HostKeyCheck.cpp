#include "HostKeyCheck.h"

#include <QtEndian>

using namespace Qt::StringLiterals;

namespace TiDesk {

QString HostKeyCheck::keyTypeOf(const QByteArray &blob)
{
    if (blob.size() < 4)
        return {};
    const quint32 len = qFromBigEndian<quint32>(blob.constData());
    if (len > quint32(blob.size() - 4) || len > 64)
        return {};
    return QString::fromLatin1(blob.mid(4, len));
}

HostKeyCheck::Decision HostKeyCheck::decide(const KnownHosts::Lookup &lookup, HostKeyPolicy policy,
                                            const QString &host, int port,
                                            const SshHostKey &presented,
                                            const QString &knownHostsPath)
{
    Decision d;
    const QString token = KnownHosts::hostToken(host, port);
    if (lookup.status == KnownHosts::Status::Match) {
        d.action = Action::Accept;
        return d;
    }
    if (lookup.status == KnownHosts::Status::Mismatch) {
        Error e;
        e.kind = ErrorKind::HostKey;
        e.code = ChangedKey;
        if (lookup.entry.marker == u"@revoked"_s) {
            e.code = RevokedKey;
            e.message = tr("The host key presented by %1 (%2 %3) is REVOKED in %4 line %5. "
                           "TiDesk refused to connect.")
                            .arg(token, presented.keyType, presented.fingerprint, knownHostsPath)
                            .arg(lookup.entry.lineNumber);
        } else {
            e.message
                = tr("WARNING: the host key of %1 has CHANGED. Someone may be intercepting the "
                     "connection (a man-in-the-middle attack), or the server's key was replaced. "
                     "The server presented %2 key %3, but %4 line %5 holds a different key for "
                     "this "
                     "host. TiDesk refused to connect. If the change is expected, check the new "
                     "fingerprint with the server's administrator, then remove the old entry "
                     "(ssh-keygen -R \"%1\" -f %4).")
                      .arg(token, presented.keyType, presented.fingerprint, knownHostsPath)
                      .arg(lookup.entry.lineNumber);
        }
        e.detail
            = tr("known_hosts line %1: %2").arg(lookup.entry.lineNumber).arg(lookup.entry.line);
        d.error = e;
        return d;
    }
    // Not found.
    if (!lookup.otherKeyTypes.isEmpty() && policy != HostKeyPolicy::Ask) {
        d.error = Error::make(
            ErrorKind::HostKey,
            tr("%1 is known in %2 with a %3 key, but presented a %4 key (%5) TiDesk has not seen "
               "for it. TiDesk refused to connect: verify the new key before trusting it.")
                .arg(token, knownHostsPath, lookup.otherKeyTypes.join(u", "_s), presented.keyType,
                     presented.fingerprint));
        d.error.code = OtherKeyType;
        return d;
    }
    switch (policy) {
    case HostKeyPolicy::AcceptNew: d.action = Action::AcceptAndStore; return d;
    case HostKeyPolicy::Ask: d.action = Action::Ask; return d;
    case HostKeyPolicy::Strict: break;
    }
    d.error = Error::make(
        ErrorKind::HostKey,
        tr("The host %1 is not in %2 and host keys are checked strictly, so TiDesk refused to "
           "connect. Its %3 key fingerprint is %4: verify it, then accept it once (TOFU) or add "
           "it to known_hosts.")
            .arg(token, knownHostsPath, presented.keyType, presented.fingerprint));
    d.error.code = UnknownHost;
    return d;
}

} // namespace TiDesk
