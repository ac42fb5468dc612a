#include "HostKeyProblem.h"

#include "HostKeyCheck.h"

namespace TiDesk {

HostKeyProblem::Kind HostKeyProblem::classify(const Error &error)
{
    if (error.kind != ErrorKind::HostKey)
        return Kind::None;
    switch (error.code) {
    case HostKeyCheck::ChangedKey: return Kind::Changed;
    case HostKeyCheck::RevokedKey: return Kind::Revoked;
    case HostKeyCheck::UnknownHost:
    case HostKeyCheck::OtherKeyType:
    case HostKeyCheck::RejectedByUser: return Kind::Refused;
    default: break;
    }
    return Kind::Other;
}

QString HostKeyProblem::headline(Kind kind)
{
    switch (kind) {
    case Kind::None: return {};
    //: Banner headline when a known SSH bastion presented a different host key
    case Kind::Changed: return tr("SSH host key changed \u2014 possible man-in-the-middle");
    //: Banner headline when the bastion's host key is marked @revoked in known_hosts
    case Kind::Revoked: return tr("SSH host key revoked \u2014 connection refused");
    //: Banner headline when an SSH bastion's host key was not known and was not trusted
    case Kind::Refused: return tr("Unknown SSH host key refused");
    case Kind::Other: return tr("SSH host key not accepted \u2014 connection refused");
    }
    return {};
}

QString HostKeyProblem::advice(Kind kind)
{
    switch (kind) {
    case Kind::None: return {};
    case Kind::Changed:
    case Kind::Revoked:
        return tr(
            "Do not work around this. Ask the bastion's administrator whether its host key was "
            "replaced, and compare the new fingerprint with one obtained from them before "
            "removing the old known_hosts entry.");
    case Kind::Refused:
    case Kind::Other:
        return tr(
            "Before trusting this host, compare its fingerprint with one obtained another way, "
            "e.g. ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub run on the bastion. "
            "Once you have verified it, Test connection asks you again.");
    }
    return {};
}

QString HostKeyProblem::shortText(Kind kind)
{
    switch (kind) {
    case Kind::None: return {};
    //: Status pill: the SSH bastion presented a different host key (possible attack)
    case Kind::Changed: return tr("SSH host key CHANGED");
    case Kind::Revoked: return tr("SSH host key revoked");
    case Kind::Refused:
    case Kind::Other: return tr("SSH host key refused");
    }
    return {};
}

} // namespace TiDesk
