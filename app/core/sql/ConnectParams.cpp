#include "ConnectParams.h"

using namespace Qt::StringLiterals;

namespace TiDesk {

ConnectParams ConnectParams::fromEnvironment(const Environment &env, const QString &password,
                                             int endpointIndex)
{
    ConnectParams p;
    if (endpointIndex >= 0 && endpointIndex < env.endpoints.size()) {
        const SqlEndpoint &ep = env.endpoints.at(endpointIndex);
        p.host = ep.host;
        p.port = ep.port;
    }
    p.user = env.user;
    p.password = password;
    p.database = env.defaultDatabase;
    p.tls = env.tls;
    p.connectTimeoutMs = env.connectTimeoutMs;
    p.readTimeoutMs = env.queryTimeoutMs;
    p.writeTimeoutMs = env.queryTimeoutMs;
    p.envName = env.name;
    p.ssh = env.ssh;
    return p;
}

QString ConnectParams::displayAddress() const
{
    // IPv6 literals need brackets to keep the port readable.
    const QString h = host.contains(u':') ? u'[' + host + u']' : host;
    return user + u'@' + h + u':' + QString::number(port);
}

QString ConnectParams::viaText() const
{
    if (!ssh.enabled)
        return {};
    const QString h = ssh.host.contains(u':') ? u'[' + ssh.host + u']' : ssh.host;
    return u"ssh "_s + (ssh.user.isEmpty() ? QString() : ssh.user + u'@') + h + u':'
        + QString::number(ssh.port);
}

} // namespace TiDesk
