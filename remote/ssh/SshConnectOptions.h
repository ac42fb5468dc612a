// SshConnectOptions: everything SshSession needs to reach and log in to one SSH server
// (usually built from an inventory bastion entry resolved through SshConfig). Plain value
// type, copyable between threads. The passphrase and password are secrets: never log them.
#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

#include <chrono>

namespace TiDesk {

// What to do with a host key that known_hosts does not hold yet.
enum class HostKeyPolicy {
    Strict, // refuse (OpenSSH StrictHostKeyChecking=yes)
    AcceptNew, // trust on first use: append it to known_hosts (StrictHostKeyChecking=accept-new)
    Ask, // emit SshSession::hostKeyUnknown and wait for acceptHostKey()/rejectHostKey()
};
// A known host presenting a DIFFERENT key is always refused, whatever the policy.

struct SshConnectOptions
{
    QString host; // name or address to connect to (HostName, not the alias)
    int port = 22;
    QString user;
    QStringList identityFiles; // private keys (ed25519 / ECDSA), tried in order
    QString passphrase; // for encrypted identity files (secret)
    bool useAgent = false; // try the keys of $SSH_AUTH_SOCK
    QString password; // password and keyboard-interactive (secret); empty = not tried
    QString knownHostsFile; // empty = ~/.ssh/known_hosts
    HostKeyPolicy hostKeyPolicy = HostKeyPolicy::Strict;
    bool hashKnownHosts = false; // store new entries hashed (HashKnownHosts yes)
    std::chrono::milliseconds connectTimeout {
        10000
    }; // DNS + TCP + handshake + auth (not a host-key prompt)
    std::chrono::seconds keepaliveInterval { 15 }; // 0 = no keepalives
};

} // namespace TiDesk

Q_DECLARE_METATYPE(TiDesk::HostKeyPolicy)
