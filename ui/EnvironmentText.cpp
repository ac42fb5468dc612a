#include "EnvironmentText.h"

using namespace Qt::StringLiterals;

namespace TiDesk {

QString EnvironmentText::tlsMode(TlsMode mode)
{
    switch (mode) {
    case TlsMode::Disabled: return tr("Disabled");
    case TlsMode::Preferred: return tr("Preferred");
    case TlsMode::Required: return tr("Required");
    case TlsMode::VerifyCa: return tr("Verify CA");
    case TlsMode::VerifyIdentity: return tr("Verify identity");
    }
    return {};
}

QString EnvironmentText::tlsModeHelp(TlsMode mode)
{
    switch (mode) {
    case TlsMode::Disabled: return tr("Plain TCP: passwords and data travel unencrypted.");
    case TlsMode::Preferred: return tr("TLS when the server offers it, else plain TCP.");
    case TlsMode::Required: return tr("TLS or fail; the server certificate is not checked.");
    case TlsMode::VerifyCa: return tr("TLS, and the server certificate must chain to the CA file.");
    case TlsMode::VerifyIdentity:
        return tr("TLS, the certificate must chain to the CA file and match the host name.");
    }
    return {};
}

QString EnvironmentText::engineOverride(EngineOverride engine)
{
    switch (engine) {
    case EngineOverride::Auto: return tr("Detect automatically");
    case EngineOverride::TiDB: return tr("TiDB");
    case EngineOverride::MySQL: return tr("MySQL");
    case EngineOverride::MariaDB: return tr("MariaDB");
    }
    return {};
}

QString EnvironmentText::endpoint(const SqlEndpoint &ep)
{
    const QString address = u"%1:%2"_s.arg(ep.host).arg(ep.port);
    if (ep.label.isEmpty())
        return address;
    //: %1 = host:port, %2 = the endpoint's label
    return tr("%1 (%2)").arg(address, ep.label);
}

QString EnvironmentText::sshBastion(const SshBastion &ssh)
{
    if (!ssh.enabled)
        return tr("not used");
    const QString target = ssh.user.isEmpty() ? u"%1:%2"_s.arg(ssh.host).arg(ssh.port)
                                              : u"%1@%2:%3"_s.arg(ssh.user, ssh.host).arg(ssh.port);
    if (ssh.identityFile.isEmpty())
        return target;
    //: %1 = user@host:port, %2 = private key path
    return tr("%1, key %2").arg(target, ssh.identityFile);
}

} // namespace TiDesk
