// The sandbox's `prod` as an inventory entry reached through the sandbox's OpenSSH bastion, the
// way the demo inventory has it (TLS verify_ca, key id_ed25519). Tests vary the name and the
// known_hosts file (empty file = unknown host, other key = MITM). Header-only; test code only.
#pragma once

#include "SandboxEnv.h"
#include "inventory/Environment.h"

namespace TiDesk::Test {

inline Environment prodBehindBastion(const SandboxEnv &sandbox,
                                     const QString &name = QStringLiteral("prod"),
                                     const QString &knownHosts = {})
{
    Environment e;
    e.id = QUuid::createUuid();
    e.name = name;
    e.tier = Tier::Prod;
    e.endpoints = { SqlEndpoint {
        QStringLiteral("127.0.0.1"), sandbox.mariadbPort(QStringLiteral("prod")), {} } };
    e.user = sandbox.adminUser();
    e.tls.mode = TlsMode::VerifyCa;
    e.tls.caFile = sandbox.value(QStringLiteral("TLS_CA"));
    e.connectTimeoutMs = 5000;
    e.ssh.enabled = true;
    e.ssh.host = QStringLiteral("127.0.0.1");
    e.ssh.port = sandbox.value(QStringLiteral("SSHD_PORT")).toInt();
    e.ssh.user = sandbox.value(QStringLiteral("SSH_USER"));
    e.ssh.identityFile = sandbox.value(QStringLiteral("SSH_USER_KEY"));
    e.ssh.knownHostsFile
        = knownHosts.isEmpty() ? sandbox.value(QStringLiteral("SSH_KNOWN_HOSTS")) : knownHosts;
    return e;
}

} // namespace TiDesk::Test
