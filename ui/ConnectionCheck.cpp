#include "ConnectionCheck.h"

#include "HostKeyProblem.h"
#include "MessageBanner.h"
#include "secrets/CredentialStore.h"
#include "secrets/SecretReader.h"
#include "tunnel/BastionTunnels.h"

#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace TiDesk {

QFuture<CheckResult> ConnectionCheck::start(const CoreServices &services, const Environment &env,
                                            std::optional<QString> password,
                                            std::optional<QString> sshSecret)
{
    CredentialStore *secrets = services.secrets;
    ActivityLog *log = services.activityLog;
    EndpointRouter *router = services.tunnels;
    return QtConcurrent::run(
        services.pool, [env, password, sshSecret, secrets, log, router]() -> CheckResult {
            QString pw;
            QString lookupProblem;
            if (password) {
                pw = *password;
            } else if (Result<QString> r = readOptionalSecret(secrets, env.passwordSecretKey());
                       r) {
                pw = *r;
            } else {
                lookupProblem = r.error().message;
            }
            SshRoute route = SshRoute::fromStore(env, secrets, router);
            if (sshSecret)
                route.sshSecret = *sshSecret;
            CheckResult result = checkEnvironment(env, pw, log, route);
            if (!result.reachable && !lookupProblem.isEmpty()) {
                const QString note
                    = tr("The stored password could not be read (%1); an empty password was used.")
                          .arg(lookupProblem);
                result.error.detail
                    = result.error.detail.isEmpty() ? note : result.error.detail + u'\n' + note;
            }
            return result;
        });
}

QString ConnectionCheck::successText(const CheckResult &result)
{
    if (result.viaSsh && !result.via.isEmpty())
        //: %1 = engine and version ("MariaDB 10.11.6"), %2 = milliseconds, %3 = host:port of the
        //: SQL server, %4 = the SSH bastion route ("ssh root@10.0.0.1:22", not translated)
        return tr("%1 answered in %2 ms from %3 via %4")
            .arg(result.engine.displayString())
            .arg(result.latencyMs)
            .arg(result.endpoint, result.via);
    //: %1 = engine and version ("MariaDB 10.11.6"), %2 = milliseconds, %3 = host:port
    return tr("%1 answered in %2 ms via %3")
        .arg(result.engine.displayString())
        .arg(result.latencyMs)
        .arg(result.endpoint);
}

QString ConnectionCheck::errorText(const CheckResult &result)
{
    const QString message
        = result.error.message.isEmpty() ? tr("unknown error") : result.error.message;
    //: %1 = environment name, %2 = the error message
    return tr("Cannot connect to %1: %2").arg(result.name, message);
}

QString ConnectionCheck::errorDetail(const CheckResult &result)
{
    QStringList lines;
    QString where = result.endpoint.isEmpty() ? tr("no endpoint answered") : result.endpoint;
    if (result.viaSsh && !result.via.isEmpty())
        //: %1 = host:port of the SQL server, %2 = the SSH bastion route ("ssh root@10.0.0.1:22")
        where = tr("%1 via %2").arg(where, result.via);
    if (result.error.code != 0)
        //: %1 = host:port, %2 = client/server error number
        lines << tr("Endpoint %1, error %2.").arg(where).arg(result.error.code);
    else
        lines << tr("Endpoint %1.").arg(where);
    const QString hint = hintFor(result.error.kind);
    if (!hint.isEmpty())
        lines.last() += u' ' + hint;
    if (!result.error.detail.isEmpty() && result.error.detail != result.error.message)
        lines << result.error.detail;
    return lines.join(u'\n');
}

QString ConnectionCheck::statusText(const CheckResult &result)
{
    if (result.reachable)
        //: Status bar: %1 = environment, %2 = engine and version, %3 = milliseconds
        return tr("%1: %2, %3 ms")
            .arg(result.name, result.engine.displayString())
            .arg(result.latencyMs);
    if (const auto hostKey = HostKeyProblem::classify(result.error);
        hostKey != HostKeyProblem::Kind::None)
        //: Status bar: %1 = environment, %2 = what happened to the SSH host key ("SSH host key
        //: CHANGED")
        return tr("%1: %2").arg(result.name, HostKeyProblem::shortText(hostKey));
    //: Status bar: %1 = environment
    return tr("%1: connection failed").arg(result.name);
}

QString ConnectionCheck::hintFor(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Connection:
        return tr("Check the host and port, the firewall, and that the server is running.");
    case ErrorKind::Auth: return tr("Check the user name and the stored password.");
    case ErrorKind::Timeout:
        return tr(
            "The server did not answer in time: check the network or raise the connect timeout.");
    case ErrorKind::Tls: return tr("Check the TLS mode and the CA, certificate and key files.");
    case ErrorKind::InvalidInput: return tr("Check the environment's settings.");
    default: break;
    }
    return {};
}

void ConnectionCheck::showIn(MessageBanner *banner, const CheckResult &result,
                             const QString &retryText)
{
    if (result.reachable) {
        banner->setClosable(true);
        banner->showMessage(MessageBanner::Kind::Success, successText(result));
        return;
    }
    const HostKeyProblem::Kind hostKey = HostKeyProblem::classify(result.error);
    if (hostKey == HostKeyProblem::Kind::None) {
        banner->setClosable(true);
        banner->showMessage(MessageBanner::Kind::Error, errorText(result), errorDetail(result),
                            retryText);
        return;
    }
    // A possible attack stays on screen until a later check says otherwise.
    banner->setClosable(hostKey != HostKeyProblem::Kind::Changed
                        && hostKey != HostKeyProblem::Kind::Revoked);
    // What happened, what to do, then the technical lines (endpoint, route, known_hosts line).
    const QStringList detail { errorText(result), HostKeyProblem::advice(hostKey),
                               errorDetail(result) };
    banner->showMessage(MessageBanner::Kind::Critical, HostKeyProblem::headline(hostKey),
                        detail.join(u'\n'));
}

} // namespace TiDesk
