#include "BackupLauncher.h"

#include "backup/BrLogClient.h"
#include "backup/LocalJobShell.h"
#include "backup/SshJobShell.h"
#include "backup/StorageUrl.h"
#include "secrets/SecretReader.h"
#include "tunnel/BastionConfig.h"

#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

Result<std::optional<SshConnectOptions>> sshFor(const Environment &env, CredentialStore *secrets)
{
    if (!env.ssh.enabled || env.ssh.host.trimmed().isEmpty())
        return std::optional<SshConnectOptions>();
    QString secret;
    if (secrets) {
        Result<QString> s = readOptionalSecret(secrets, env.sshPassphraseSecretKey());
        if (!s)
            return s.error();
        secret = *s;
    }
    const Result<SshConfig> config = SshConfig::load(SshConfig::defaultPath());
    if (!config)
        return config.error();
    return std::optional<SshConnectOptions>(BastionConfig::resolve(env.ssh, secret, *config,
                                                                   HostKeyPolicy::Strict,
                                                                   env.connectTimeoutMs)
                                                .options);
}

Result<QByteArray> passwordFor(const Environment &env, CredentialStore *secrets)
{
    if (!secrets)
        return QByteArray();
    Result<QString> pw = readOptionalSecret(secrets, env.passwordSecretKey());
    if (!pw)
        return pw.error();
    return pw->toUtf8();
}

QString whereOf(const std::optional<SshConnectOptions> &ssh)
{
    if (!ssh)
        return u"local"_s;
    return ssh->user + u'@' + ssh->host + u':' + QString::number(ssh->port);
}

bool isMariadbFamily(const Environment &env)
{
    return env.engine != EngineOverride::TiDB;
}

} // namespace

QString BackupLauncher::storageOf(const BackupJob &job, const QString &secret)
{
    QString url = job.target;
    if (const qsizetype q = url.indexOf(u'?'); q >= 0) {
        QStringList kept;
        for (const QString &p : url.mid(q + 1).split(u'&', Qt::SkipEmptyParts))
            if (!p.endsWith(u"=***"_s))
                kept << p;
        url = url.left(q) + (kept.isEmpty() ? QString() : QString(u'?' + kept.join(u'&')));
    }
    return StorageUrl::withParameters(url, secret);
}

QString BackupLauncher::pdAddress(const Environment &env)
{
    QString pd = env.pdUrl.trimmed();
    pd.remove(QRegularExpression(u"^[a-z]+://"_s));
    while (pd.endsWith(u'/'))
        pd.chop(1);
    return pd;
}

Result<QString> BackupLauncher::pdAddressOrError(const Environment &env)
{
    const QString pd = pdAddress(env);
    if (pd.isEmpty())
        return Error::make(ErrorKind::InvalidInput,
                           tr("%1 has no PD address: BR needs one (set the PD URL in the "
                              "inventory).")
                               .arg(env.name));
    return pd;
}

Result<QString> BackupLauncher::backupSecret(const Environment &env, CredentialStore *secrets)
{
    if (!secrets)
        return QString();
    return readOptionalSecret(secrets, env.backupSecretKey());
}

BackupRunner::ShellFactory PreparedJob::shellFactory() const
{
    const std::optional<SshConnectOptions> options = ssh;
    return [options](QObject *parent) -> JobShell * {
        if (options)
            return new SshJobShell(*options, parent);
        return new LocalJobShell(parent);
    };
}

Result<BackupRunner::ShellFactory> BackupLauncher::shellFor(const Environment &env,
                                                            CredentialStore *secrets)
{
    Result<std::optional<SshConnectOptions>> ssh = sshFor(env, secrets);
    if (!ssh)
        return ssh.error();
    PreparedJob p;
    p.ssh = *ssh;
    return p.shellFactory();
}

Result<QString> BackupLauncher::rootFor(const Environment &env, const QString &override)
{
    const QString chosen
        = override.trimmed().isEmpty() ? env.backup.url.trimmed() : override.trimmed();
    if (chosen.isEmpty())
        return QString(u"~/tidesk-backups/"_s + env.name);
    if (chosen.startsWith(u'/') || chosen.startsWith(u"~/") || chosen == u"~")
        return chosen;
    const QString scheme = StorageUrl::scheme(chosen);
    if (scheme == u"local" || scheme == u"file") {
        const QString path = QUrl(chosen).path();
        if (!path.isEmpty())
            return path;
    }
    //: %1 = a storage URL with its secrets removed
    return Error::make(ErrorKind::InvalidInput,
                       tr("MariaDB and MySQL backups are written to a directory on the host; %1 "
                          "is not a directory (set a path such as /var/backups/tidesk or "
                          "local:///var/backups/tidesk).")
                           .arg(StorageUrl::redacted(chosen)));
}

Result<PreparedJob> BackupLauncher::prepareBackup(const Environment &env, CredentialStore *secrets,
                                                  const BackupJobRequest &request)
{
    if (request.kind != BackupJob::Kind::Logical && request.kind != BackupJob::Kind::Physical)
        return Error::make(ErrorKind::InvalidInput,
                           request.kind == BackupJob::Kind::Br
                               ? tr("A BR backup is prepared with its own request (storage, "
                                    "scope).")
                               : tr("A TiDB SQL backup is run by SqlBackupRunner (BACKUP "
                                    "DATABASE on a connection), not as a shell job."));
    if (!isMariadbFamily(env))
        return Error::make(ErrorKind::InvalidInput,
                           tr("%1 is a TiDB environment: logical and physical backups are for "
                              "MariaDB and MySQL (TiDB backups use BR or BACKUP SQL).")
                               .arg(env.name));
    if (env.endpoints.isEmpty())
        return Error::make(ErrorKind::InvalidInput, tr("%1 has no SQL endpoint.").arg(env.name));
    const Result<QString> root = rootFor(env, request.root);
    if (!root)
        return root.error();
    Result<std::optional<SshConnectOptions>> ssh = sshFor(env, secrets);
    if (!ssh)
        return ssh.error();
    Result<QByteArray> password = passwordFor(env, secrets);
    if (!password)
        return password.error();

    PreparedJob p;
    p.ssh = *ssh;
    p.password = *password;
    BackupJob &job = p.job;
    job.id = request.jobId.isEmpty() ? BackupJob::newId(env.name, QDateTime::currentDateTimeUtc())
                                     : request.jobId;
    job.envName = env.name;
    job.kind = request.kind;
    job.status = BackupJob::Status::Queued;
    job.host = whereOf(p.ssh);
    job.root = *root;
    job.databases = request.kind == BackupJob::Kind::Logical ? request.databases : QStringList();
    job.scheduleId = request.scheduleId;
    job.target = job.host + u':' + *root + u'/' + job.id;
    BackupSpec &spec = p.spec;
    spec.kind = request.kind;
    spec.jobId = job.id;
    spec.root = *root;
    spec.dbHost = env.endpoints.first().host;
    spec.dbPort = env.endpoints.first().port;
    spec.dbUser = env.user;
    spec.databases = job.databases;
    return p;
}

Result<PreparedJob> BackupLauncher::prepareBr(const Environment &env, CredentialStore *secrets,
                                              const BrJobRequest &request)
{
    const Result<QString> pd = pdAddressOrError(env);
    if (!pd)
        return pd.error();
    const QString storage = request.storage.trimmed().isEmpty() ? env.backup.url.trimmed()
                                                                : request.storage.trimmed();
    if (storage.isEmpty())
        return Error::make(
            ErrorKind::InvalidInput,
            tr("%1 has no backup storage URL (s3://..., local://...).").arg(env.name));
    const Result<QString> secretOr = backupSecret(env, secrets);
    if (!secretOr)
        return secretOr.error();
    const QString &secret = *secretOr;
    const QString fullUrl = StorageUrl::withParameters(storage, secret);
    const StorageUrl::EnvSplit split = StorageUrl::credentialsToEnvironment(fullUrl);
    BrOptions options;
    options.program = request.program.trimmed().isEmpty() ? u"br"_s : request.program.trimmed();
    options.pd = *pd;
    options.storage = split.url;
    options.rateLimitMiBps = request.rateLimitMiBps;
    Result<QStringList> argv = BrCommand::backup(options, request.target, request.lastBackupTs);
    if (!argv)
        return argv.error();
    Result<std::optional<SshConnectOptions>> ssh = sshFor(env, secrets);
    if (!ssh)
        return ssh.error();
    PreparedJob p;
    p.ssh = *ssh;
    BackupJob &job = p.job;
    job.id = BackupJob::newId(env.name, QDateTime::currentDateTimeUtc());
    job.envName = env.name;
    job.kind = BackupJob::Kind::Br;
    job.host = whereOf(p.ssh);
    job.root = request.root.trimmed().isEmpty() ? QString(u"~/tidesk-backups/"_s + env.name)
                                                : request.root.trimmed();
    job.scheduleId = request.scheduleId;
    job.target = StorageUrl::redacted(fullUrl);
    if (request.target.scope != BrTarget::Scope::Full)
        job.databases = { request.target.database };
    BackupSpec &spec = p.spec;
    spec.kind = BackupJob::Kind::Br;
    spec.jobId = job.id;
    spec.root = job.root;
    spec.brArgv = *argv;
    spec.environment = split.environment;
    return p;
}

Result<PreparedJob>
BackupLauncher::prepareBrRestorePoint(const Environment &source, const Environment &into,
                                      CredentialStore *secrets, const BackupJob &fullBackup,
                                      const QDateTime &until, const QString &logStorage,
                                      const QString &program)
{
    if (fullBackup.kind != BackupJob::Kind::Br || fullBackup.status != BackupJob::Status::Succeeded)
        return Error::make(ErrorKind::InvalidInput,
                           tr("A point-in-time restore starts from a succeeded BR backup; %1 is "
                              "not one.")
                               .arg(fullBackup.id));
    const Result<QString> secretOr = backupSecret(source, secrets);
    if (!secretOr)
        return secretOr.error();
    const QString &secret = *secretOr;
    const QString full = BackupLauncher::storageOf(fullBackup, secret);
    const Result<QString> pd = pdAddressOrError(into);
    if (!pd)
        return pd.error();
    QString log = logStorage.trimmed();
    if (log.isEmpty()) {
        if (source.backup.url.trimmed().isEmpty())
            return Error::make(
                ErrorKind::InvalidInput,
                tr("%1 has no backup storage URL to find its log backup in.").arg(source.name));
        log = BrLogClient::logStorageOf(source.backup.url.trimmed());
    }
    BrOptions options;
    options.program = program.trimmed().isEmpty() ? u"br"_s : program.trimmed();
    options.pd = *pd;
    options.storage = StorageUrl::withParameters(log, secret);
    const StorageUrl::EnvSplit logSplit = StorageUrl::credentialsToEnvironment(options.storage);
    const StorageUrl::EnvSplit fullSplit = StorageUrl::credentialsToEnvironment(full);
    options.storage = logSplit.url;
    Result<QStringList> argv = BrCommand::restorePoint(options, fullSplit.url, until);
    if (!argv)
        return argv.error();
    Result<std::optional<SshConnectOptions>> ssh = sshFor(source, secrets);
    if (!ssh)
        return ssh.error();
    PreparedJob p;
    p.ssh = *ssh;
    BackupJob &job = p.job;
    job.id = BackupJob::newId(into.name, QDateTime::currentDateTimeUtc());
    job.envName = source.name;
    job.kind = BackupJob::Kind::Restore;
    job.host = whereOf(p.ssh);
    job.root = u"~/tidesk-backups/"_s + source.name;
    job.sourceBackupId = fullBackup.id;
    job.intoEnv = into.name;
    //: %1 = the environment restored into, %2 = the point in time (UTC)
    job.target
        = tr("%1 at %2 UTC").arg(into.name, until.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s));
    BackupSpec &spec = p.spec;
    spec.kind = BackupJob::Kind::Restore;
    spec.jobId = job.id;
    spec.root = job.root;
    spec.brArgv = *argv;
    spec.environment = logSplit.environment;
    for (const auto &kv : fullSplit.environment)
        if (!spec.environment.contains(kv))
            spec.environment << kv;
    return p;
}

Result<PreparedJob> BackupLauncher::prepareBrRestore(const Environment &source,
                                                     const Environment &into,
                                                     CredentialStore *secrets,
                                                     const BackupJob &backup,
                                                     const BrTarget &target, const QString &program)
{
    if (backup.kind != BackupJob::Kind::Br || backup.status != BackupJob::Status::Succeeded)
        return Error::make(ErrorKind::InvalidInput,
                           tr("%1 is not a succeeded BR backup.").arg(backup.id));
    const Result<QString> secretOr = backupSecret(source, secrets);
    if (!secretOr)
        return secretOr.error();
    const QString &secret = *secretOr;
    const Result<QString> pd = pdAddressOrError(into);
    if (!pd)
        return pd.error();
    const StorageUrl::EnvSplit split
        = StorageUrl::credentialsToEnvironment(BackupLauncher::storageOf(backup, secret));
    BrOptions options;
    options.program = program.trimmed().isEmpty() ? u"br"_s : program.trimmed();
    options.pd = *pd;
    options.storage = split.url;
    Result<QStringList> argv = BrCommand::restore(options, target);
    if (!argv)
        return argv.error();
    Result<std::optional<SshConnectOptions>> ssh = sshFor(source, secrets);
    if (!ssh)
        return ssh.error();
    PreparedJob p;
    p.ssh = *ssh;
    BackupJob &job = p.job;
    job.id = BackupJob::newId(into.name, QDateTime::currentDateTimeUtc());
    job.envName = source.name;
    job.kind = BackupJob::Kind::Restore;
    job.host = whereOf(p.ssh);
    job.root = u"~/tidesk-backups/"_s + source.name;
    job.sourceBackupId = backup.id;
    job.intoEnv = into.name;
    job.target = into.name;
    if (target.scope != BrTarget::Scope::Full)
        job.databases = { target.database };
    BackupSpec &spec = p.spec;
    spec.kind = BackupJob::Kind::Restore;
    spec.jobId = job.id;
    spec.root = job.root;
    spec.brArgv = *argv;
    spec.environment = split.environment;
    return p;
}

Result<PreparedJob> BackupLauncher::prepareAttach(const Environment &env, CredentialStore *secrets,
                                                  const BackupJob &job)
{
    if (job.root.isEmpty() || job.remotePid <= 0)
        return Error::make(ErrorKind::InvalidInput,
                           tr("Job %1 has no directory or process on record: it cannot be "
                              "followed.")
                               .arg(job.id));
    Result<std::optional<SshConnectOptions>> ssh = sshFor(env, secrets);
    if (!ssh)
        return ssh.error();
    PreparedJob p;
    p.ssh = *ssh;
    p.job = job;
    p.spec.kind = job.kind;
    p.spec.jobId = job.id;
    p.spec.root = job.root;
    p.spec.scratchDrill = job.scratchDrill;
    if (job.kind == BackupJob::Kind::Br)
        p.spec.brArgv = { u"br"_s }; // read its output as BR's (the command itself is not rerun)
    return p;
}

Result<PreparedJob> BackupLauncher::prepareRestore(const Environment &source,
                                                   const Environment &into,
                                                   CredentialStore *secrets,
                                                   const RestoreRequest &request)
{
    const BackupJob &b = request.backup;
    if (b.kind != BackupJob::Kind::Logical)
        return Error::make(ErrorKind::InvalidInput,
                           tr("Only logical backups can be restored by TiDesk in this build "
                              "(backup %1 is %2).")
                               .arg(b.id, BackupJob::kindName(b.kind)));
    if (b.status != BackupJob::Status::Succeeded)
        return Error::make(ErrorKind::InvalidInput,
                           tr("Backup %1 did not succeed: it cannot be restored.").arg(b.id));
    if (b.root.isEmpty())
        return Error::make(ErrorKind::InvalidInput,
                           tr("Backup %1 has no directory on record.").arg(b.id));
    if (into.endpoints.isEmpty())
        return Error::make(ErrorKind::InvalidInput, tr("%1 has no SQL endpoint.").arg(into.name));
    if (!isMariadbFamily(into))
        return Error::make(ErrorKind::InvalidInput,
                           tr("%1 is a TiDB environment: a MariaDB/MySQL dump is not restored "
                              "into TiDB by TiDesk.")
                               .arg(into.name));
    Result<std::optional<SshConnectOptions>> ssh = sshFor(source, secrets);
    if (!ssh)
        return ssh.error();
    Result<QByteArray> password = passwordFor(into, secrets);
    if (!password)
        return password.error();
    PreparedJob p;
    p.ssh = *ssh;
    p.password = *password;
    BackupJob &job = p.job;
    job.id = BackupJob::newId(into.name, QDateTime::currentDateTimeUtc());
    job.envName = source.name;
    job.kind = BackupJob::Kind::Restore;
    job.host = whereOf(p.ssh);
    job.root = b.root;
    job.sourceBackupId = b.id;
    job.intoEnv = into.name;
    job.drill = request.drill;
    job.databases = b.databases;
    job.target = into.name;
    BackupSpec &spec = p.spec;
    spec.kind = BackupJob::Kind::Restore;
    spec.jobId = job.id;
    spec.root = b.root;
    spec.restoreFrom = b.root + u'/' + b.id;
    spec.renames = request.renames;
    spec.dbHost = into.endpoints.first().host;
    spec.dbPort = into.endpoints.first().port;
    spec.dbUser = into.user;
    return p;
}

Result<PreparedJob> BackupLauncher::prepareScratchDrill(const Environment &source,
                                                        CredentialStore *secrets,
                                                        const BackupJob &backup)
{
    if (backup.kind != BackupJob::Kind::Physical || backup.status != BackupJob::Status::Succeeded)
        return Error::make(ErrorKind::InvalidInput,
                           tr("%1 is not a succeeded physical backup: it cannot be drilled in a "
                              "scratch server.")
                               .arg(backup.id));
    if (backup.root.isEmpty())
        return Error::make(ErrorKind::InvalidInput,
                           tr("Backup %1 has no directory on record.").arg(backup.id));
    if (!BackupScript::isPlainId(backup.id))
        return Error::make(ErrorKind::InvalidInput, tr("Not a valid job id: %1").arg(backup.id));
    Result<std::optional<SshConnectOptions>> ssh = sshFor(source, secrets);
    if (!ssh)
        return ssh.error();
    PreparedJob p;
    p.ssh = *ssh;
    BackupJob &job = p.job;
    job.id = BackupJob::newId(source.name, QDateTime::currentDateTimeUtc());
    job.envName = source.name;
    job.kind = BackupJob::Kind::Restore;
    job.host = whereOf(p.ssh);
    job.root = backup.root;
    job.sourceBackupId = backup.id;
    job.drill = true;
    job.scratchDrill = true;
    //: %1 = user@host or "local"
    job.target = tr("scratch server on %1").arg(job.host);
    BackupSpec &spec = p.spec;
    spec.kind = BackupJob::Kind::Restore;
    spec.jobId = job.id;
    spec.root = backup.root;
    spec.restoreFrom = backup.root + u'/' + backup.id;
    spec.scratchDrill = true;
    return p;
}

} // namespace TiDesk
