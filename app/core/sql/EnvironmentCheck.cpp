#include "EnvironmentCheck.h"

#include "secrets/SecretReader.h"
#include "sql/ConnectParams.h"
#include "sql/EngineDetector.h"
#include "sql/SqlConnection.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace TiDesk {

QByteArray CheckResult::toJson() const
{
    QJsonObject o;
    o.insert(u"name"_s, name);
    o.insert(u"reachable"_s, reachable);
    o.insert(u"engine"_s, reachable ? EngineInfo::engineName(engine.engine) : QString());
    o.insert(u"version"_s, reachable ? engine.version.toString() : QString());
    o.insert(u"latency_ms"_s, latencyMs);
    o.insert(u"endpoint"_s, endpoint);
    o.insert(u"via_ssh"_s, viaSsh);
    o.insert(u"via"_s, viaSsh ? QJsonValue(via) : QJsonValue(QJsonValue::Null));
    if (error.isError()) {
        QJsonObject e;
        e.insert(u"code"_s, error.code);
        e.insert(u"kind"_s, Error::kindName(error.kind));
        e.insert(u"message"_s, error.message);
        o.insert(u"error"_s, e);
    } else {
        o.insert(u"error"_s, QJsonValue::Null);
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

SshRoute SshRoute::fromStore(const Environment &env, CredentialStore *store, EndpointRouter *router)
{
    SshRoute route;
    route.router = router;
    if (env.ssh.enabled && store) {
        if (Result<QString> secret = readOptionalSecret(store, env.sshPassphraseSecretKey());
            secret)
            route.sshSecret = *secret;
    }
    return route;
}

CheckResult checkEnvironment(const Environment &env, const QString &password,
                             ActivityLog *activityLog, const SshRoute &route)
{
    CheckResult result;
    result.name = env.name;
    result.viaSsh = env.ssh.enabled;
    if (env.endpoints.isEmpty()) {
        result.error = Error::make(
            ErrorKind::InvalidInput,
            QCoreApplication::translate("TiDesk::EnvironmentCheck", "%1 has no SQL endpoint")
                .arg(env.name));
        return result;
    }
    for (int i = 0; i < env.endpoints.size(); ++i) {
        ConnectParams params = ConnectParams::fromEnvironment(env, password, i);
        params.sshSecret = route.sshSecret;
        params.router = route.router;
        result.endpoint = params.host + u':' + QString::number(params.port);
        result.via = params.viaText();
        SqlConnection conn(activityLog);
        QElapsedTimer timer;
        timer.start();
        const VoidResult opened = conn.open(params);
        if (!opened) {
            result.error = opened.error();
            // Wrong credentials or TLS will fail the same way on every endpoint, and so will a
            // bastion that refuses us (its host key, our key).
            const ErrorKind k = opened.error().kind;
            if (k == ErrorKind::Auth || k == ErrorKind::Tls || k == ErrorKind::HostKey)
                return result;
            continue;
        }
        auto engine = EngineDetector::detect(conn, env.engine);
        if (!engine) {
            result.error = engine.error();
            continue;
        }
        result.latencyMs = timer.elapsed();
        result.reachable = true;
        result.engine = *engine;
        result.error = Error();
        return result;
    }
    return result;
}

} // namespace TiDesk
