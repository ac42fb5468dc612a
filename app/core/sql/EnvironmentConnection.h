// EnvironmentConnection: opens one SQL connection to an environment the way every blocking
// reader does (TopologyReader, GuardrailReader ...): each endpoint in turn (an unreachable one
// falls through to the next; wrong password, TLS or host-key failures stop at once, since the
// next endpoint would say the same), through the SSH bastion when the environment has one, then
// detects the engine (honouring the inventory's engine override) and builds the dialect.
// EnvironmentTarget::resolve() reads the password and SSH secret from the credential store.
//
// Threading: everything here blocks (credential store, network): pool threads only.
#pragma once

#include "common/Result.h"
#include "inventory/Environment.h"
#include "sql/Dialect.h"
#include "sql/EngineInfo.h"
#include "sql/EnvironmentCheck.h"

#include <memory>

namespace TiDesk {

class CredentialStore;
class EndpointRouter;
class SqlConnection;

struct EnvironmentTarget
{
    Environment environment;
    QString password; // secret: never log
    SshRoute route;
    DialectOptions dialectOptions; // catalogSchema: the TiDB catalog test seam

    // The environment with its SQL password and SSH route read from store (null store: none).
    // Crypto/Io error when the store cannot be read (a locked vault, a broken keychain).
    [[nodiscard]] static Result<EnvironmentTarget>
    resolve(const Environment &env, CredentialStore *store, EndpointRouter *router,
            const DialectOptions &dialectOptions = {});
};

struct OpenedEnvironment
{
    EngineInfo engine;
    std::shared_ptr<const Dialect> dialect;
    QString endpoint; // "host:port" of the endpoint that answered
};

// Opens conn (a closed SqlConnection) to the first endpoint of target that answers.
[[nodiscard]] Result<OpenedEnvironment> openEnvironment(const EnvironmentTarget &target,
                                                        SqlConnection &conn);

} // namespace TiDesk
