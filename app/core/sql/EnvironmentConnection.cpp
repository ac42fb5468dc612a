#include "EnvironmentConnection.h"

#include "secrets/SecretReader.h"
#include "sql/ConnectParams.h"
#include "sql/EngineDetector.h"
#include "sql/SqlConnection.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace TiDesk {

Result<EnvironmentTarget> EnvironmentTarget::resolve(const Environment &env, CredentialStore *store,
                                                     EndpointRouter *router,
                                                     const DialectOptions &dialectOptions)
{
    EnvironmentTarget target;
    target.environment = env;
    target.dialectOptions = dialectOptions;
    if (store) {
        Result<QString> pw = readOptionalSecret(store, env.passwordSecretKey());
        if (!pw)
            return pw.error();
        target.password = *pw;
    }
    target.route = SshRoute::fromStore(env, store, router);
    return target;
}

Result<OpenedEnvironment> openEnvironment(const EnvironmentTarget &target, SqlConnection &conn)
{
    const Environment &env = target.environment;
    if (env.endpoints.isEmpty())
        return Error::make(
            ErrorKind::InvalidInput,
            QCoreApplication::translate("TiDesk::EnvironmentConnection", "%1 has no SQL endpoint")
                .arg(env.name));
    Error lastError;
    for (int i = 0; i < env.endpoints.size(); ++i) {
        ConnectParams params = ConnectParams::fromEnvironment(env, target.password, i);
        params.sshSecret = target.route.sshSecret;
        params.router = target.route.router;
        if (const VoidResult opened = conn.open(params); !opened) {
            lastError = opened.error();
            const ErrorKind k = lastError.kind;
            if (k == ErrorKind::Auth || k == ErrorKind::Tls || k == ErrorKind::HostKey)
                return lastError;
            continue;
        }
        Result<EngineInfo> engine = EngineDetector::detect(conn, env.engine);
        if (!engine)
            return engine.error();
        OpenedEnvironment opened;
        opened.engine = *engine;
        opened.dialect = makeDialect(*engine, target.dialectOptions);
        opened.endpoint = params.host + u':' + QString::number(params.port);
        return opened;
    }
    return lastError;
}

} // namespace TiDesk
