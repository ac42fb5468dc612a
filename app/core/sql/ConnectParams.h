// ConnectParams: everything needed to open one SQL connection, including the password.
// Lives only in memory, only as long as a connect needs it; never logged, never persisted.
#pragma once

#include "inventory/Environment.h"

#include <QString>

namespace TiDesk {

struct ConnectParams
{
    QString host = QStringLiteral("127.0.0.1");
    int port = 3306;
    QString user;
    QString password;               // secret: never log, never serialise
    QString database;               // optional default schema
    TlsSettings tls;
    int connectTimeoutMs = 5000;
    int readTimeoutMs = 30000;      // client-side read timeout; server-side limit is separate
    int writeTimeoutMs = 30000;
    QString envName;                // for the activity log only

    // The SQL endpoint of an environment (endpointIndex into env.endpoints).
    static ConnectParams fromEnvironment(const Environment &env, const QString &password,
                                         int endpointIndex = 0);
    // "user@host:port" - safe to show and log.
    [[nodiscard]] QString displayAddress() const;
};

} // namespace TiDesk
