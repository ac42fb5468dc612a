// EnvironmentCheck: "Test connection" / `tidesk-cli env check`. Opens a connection to the
// environment's first reachable endpoint, detects the engine (VERSION(), then TIDB_VERSION()
// for TiDB, or the environment's engine override), measures the round trip and closes.
//
// Threading: checkEnvironment() blocks (network); run it with QtConcurrent, never on the GUI
// thread.
#pragma once

#include "common/Error.h"
#include "inventory/Environment.h"
#include "sql/EngineInfo.h"

#include <QMetaType>
#include <QString>

namespace TiDesk {

class ActivityLog;
class CredentialStore;
class EndpointRouter;

struct CheckResult
{
    QString name; // environment name
    bool reachable = false;
    EngineInfo engine; // valid when reachable
    QString endpoint; // "host:port" that answered (or the last one tried)
    bool viaSsh = false; // reached through the environment's SSH bastion
    QString via; // "ssh user@bastion:port" when viaSsh
    qint64 latencyMs = -1; // connect + first query round trip; -1 when unreachable
    Error error; // kind None when reachable

    // {"name","reachable","engine","version","latency_ms","endpoint","via_ssh","via",
    //  "error":null|{"code","kind","message"}}
    [[nodiscard]] QByteArray toJson() const;
};

// How to reach an environment that sits behind an SSH bastion (env.ssh.enabled).
struct SshRoute
{
    QString sshSecret; // key passphrase or bastion password (secret)
    EndpointRouter *router = nullptr; // BastionTunnels; null = such environments fail clearly

    // The route of env with its SSH secret read from store (none stored, or no store: empty).
    // Blocks on the store: pool threads only.
    [[nodiscard]] static SshRoute fromStore(const Environment &env, CredentialStore *store,
                                            EndpointRouter *router);
};

// password: the SQL password from the credential store (may be empty).
[[nodiscard]] CheckResult checkEnvironment(const Environment &env, const QString &password,
                                           ActivityLog *activityLog = nullptr,
                                           const SshRoute &route = {});

} // namespace TiDesk

Q_DECLARE_METATYPE(TiDesk::CheckResult)
