// BastionConfig: turns an inventory bastion entry (SshBastion) plus ~/.ssh/config into the
// SshConnectOptions one SSH session needs, the way an OpenSSH user expects:
//  - host may be a ~/.ssh/config alias: HostName, Port, User and IdentityFile come from there;
//  - the inventory's own values win (port only when it is not the default 22, like `ssh -p`);
//  - user: inventory, else config, else $USER; identity: inventory, else config IdentityFile,
//    else the default ~/.ssh/id_ed25519 and ~/.ssh/id_ecdsa that exist; ssh-agent when
//    $SSH_AUTH_SOCK is set;
//  - the environment's SSH secret is the identity's passphrase when a key is configured, and the
//    bastion password (password / keyboard-interactive) only when none is: a key passphrase is
//    never sent to a server as a password.
// key() identifies one SSH session: environments behind the same bastion share it.
// Pure value code; any thread.
#pragma once

#include "SshConfig.h"
#include "SshConnectOptions.h"
#include "inventory/Environment.h"

#include <QString>

namespace TiDesk {

class BastionConfig
{
public:
    struct Resolved
    {
        SshConnectOptions options;
        QString key; // identity of the session: user@host:port|identities|known_hosts
        QString display; // "root@127.0.0.1:24022" (alias "jump" shown as "jump (root@10.0.0.1:22)")
    };

    [[nodiscard]] static Resolved resolve(const SshBastion &bastion, const QString &sshSecret,
                                          const SshConfig &config, HostKeyPolicy policy,
                                          int connectTimeoutMs);
};

} // namespace TiDesk
