// ConnectParams: everything needed to open one SQL connection, including the password and,
// for an endpoint behind an SSH bastion, the bastion and its secret. Lives only in memory, only
// as long as a connect needs it; never logged, never persisted. Plain value; any thread.
#pragma once

#include "inventory/Environment.h"

#include <QString>

namespace TiDesk {

class EndpointRouter;

struct ConnectParams
{
    QString host = QStringLiteral("127.0.0.1");
    int port = 3306;
    QString user;
    QString password; // secret: never log, never serialise
    QString database; // optional default schema
    TlsSettings tls;
    int connectTimeoutMs = 5000;
    int readTimeoutMs = 30000; // client-side read timeout; server-side limit is separate
    int writeTimeoutMs = 30000;
    QString envName; // for the activity log only
    SshBastion ssh; // enabled: host:port is reached through this bastion
    QString sshSecret; // secret: key passphrase, or the bastion password without a key
    EndpointRouter *router = nullptr; // resolves ssh (BastionTunnels); outlives every connection

    [[nodiscard]] bool viaSsh() const { return ssh.enabled; }

    // The SQL endpoint of an environment (endpointIndex into env.endpoints); copies env.ssh.
    // sshSecret and router are the caller's to set.
    static ConnectParams fromEnvironment(const Environment &env, const QString &password,
                                         int endpointIndex = 0);
    // "user@host:port" - safe to show and log.
    [[nodiscard]] QString displayAddress() const;
    // "ssh user@bastion:port" when viaSsh(), else empty - safe to show and log.
    [[nodiscard]] QString viaText() const;
};

} // namespace TiDesk
