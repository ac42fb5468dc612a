#include "BastionConfig.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace TiDesk {

BastionConfig::Resolved BastionConfig::resolve(const SshBastion &bastion, const QString &sshSecret,
                                               const SshConfig &config, HostKeyPolicy policy,
                                               int connectTimeoutMs)
{
    const QString alias = bastion.host.trimmed();
    const SshHostConfig hc = config.resolve(alias);

    Resolved r;
    SshConnectOptions &o = r.options;
    o.host = hc.hostName;
    o.port = bastion.port != 22 ? bastion.port : hc.port;
    o.user = !bastion.user.trimmed().isEmpty() ? bastion.user.trimmed()
        : !hc.user.isEmpty()                   ? hc.user
                                               : qEnvironmentVariable("USER", u"root"_s);

    bool keyConfigured = false;
    if (!bastion.identityFile.trimmed().isEmpty()) {
        o.identityFiles << SshConfig::expandTilde(bastion.identityFile.trimmed());
        keyConfigured = true;
    } else if (!hc.identityFiles.isEmpty()) {
        o.identityFiles = hc.identityFiles;
        keyConfigured = true;
    } else {
        for (const char *name : { "/.ssh/id_ed25519", "/.ssh/id_ecdsa" }) {
            const QString path = QDir::homePath() + QLatin1StringView(name);
            if (QFileInfo::exists(path))
                o.identityFiles << path;
        }
    }
    if (keyConfigured)
        o.passphrase = sshSecret;
    else
        o.password = sshSecret;
    o.useAgent = !qEnvironmentVariableIsEmpty("SSH_AUTH_SOCK");
    o.knownHostsFile = bastion.knownHostsFile.trimmed().isEmpty()
        ? QString()
        : SshConfig::expandTilde(bastion.knownHostsFile.trimmed());
    o.hostKeyPolicy = policy;
    o.connectTimeout = std::chrono::milliseconds(qMax(1000, connectTimeoutMs));

    const QString h = o.host.contains(u':') ? u'[' + o.host + u']' : o.host;
    const QString where = o.user + u'@' + h + u':' + QString::number(o.port);
    r.display = alias == o.host ? where : alias + u" ("_s + where + u')';
    const QString kh
        = o.knownHostsFile.isEmpty() ? QDir::homePath() + u"/.ssh/known_hosts"_s : o.knownHostsFile;
    // A changed secret (new passphrase/password) must not reuse a session opened with the old
    // one. The key stays in memory (never logged); only a hash of the secret goes into it.
    r.key = where + u'|' + o.identityFiles.join(u',') + u'|' + kh + u'|'
        + QString::number(qHash(sshSecret));
    return r;
}

} // namespace TiDesk
