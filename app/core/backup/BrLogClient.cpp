#include "BrLogClient.h"

#include "backup/BackupLauncher.h"
#include "backup/BackupScript.h"
#include "backup/JobShell.h"
#include "backup/StorageUrl.h"

#include <QEventLoop>
#include <QRegularExpression>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace TiDesk {

QString BrLogClient::logStorageOf(const QString &backupUrl)
{
    const qsizetype q = backupUrl.indexOf(u'?');
    QString base = q < 0 ? backupUrl : backupUrl.left(q);
    while (base.endsWith(u'/'))
        base.chop(1);
    return base + u"/log"_s + (q < 0 ? QString() : backupUrl.mid(q));
}

Result<BrOptions> BrLogClient::options(const Environment &env, CredentialStore *secrets,
                                       const Options &o)
{
    const Result<QString> pd = BackupLauncher::pdAddressOrError(env);
    if (!pd)
        return pd.error();
    QString storage = o.storage.trimmed();
    if (storage.isEmpty() && !env.backup.url.trimmed().isEmpty())
        storage = logStorageOf(env.backup.url.trimmed());
    const Result<QString> secret = BackupLauncher::backupSecret(env, secrets);
    if (!secret)
        return secret.error();
    BrOptions b;
    b.program = o.program.trimmed().isEmpty() ? u"br"_s : o.program.trimmed();
    b.pd = *pd;
    b.storage = storage.isEmpty() ? QString() : StorageUrl::withParameters(storage, *secret);
    return b;
}

Result<BrLogClient::Output> BrLogClient::run(const Environment &env, CredentialStore *secrets,
                                             QStringList argv, int timeoutMs)
{
    // The storage's S3 credentials leave the command line for the environment.
    QList<QPair<QString, QString>> environment;
    for (qsizetype i = 0; i < argv.size(); ++i) {
        const bool flag = argv.at(i) == u"--storage" || argv.at(i) == u"--full-backup-storage";
        if (flag && i + 1 < argv.size()) {
            const StorageUrl::EnvSplit split = StorageUrl::credentialsToEnvironment(argv.at(i + 1));
            argv[i + 1] = split.url;
            for (const auto &kv : split.environment)
                if (!environment.contains(kv))
                    environment << kv;
        }
    }
    const Result<BackupRunner::ShellFactory> factory = BackupLauncher::shellFor(env, secrets);
    if (!factory)
        return factory.error();
    QByteArray input;
    for (const auto &[name, value] : environment)
        input += name.toUtf8() + '=' + value.toUtf8() + '\n';
    QEventLoop loop;
    QObject owner;
    JobShell *shell = (*factory)(&owner);
    Result<Output> out = Error::make(ErrorKind::Timeout,
                                     tr("BR did not answer within %1 s.").arg(timeoutMs / 1000));
    QObject::connect(shell, &JobShell::openFailed, &loop, [&](const Error &e) {
        out = e;
        loop.quit();
    });
    QObject::connect(shell, &JobShell::opened, &loop, [&] {
        shell->run(BackupScript::oneShot(argv), input, [&](const Result<JobShell::Output> &r) {
            if (!r) {
                out = r.error();
            } else {
                Output o;
                o.exitStatus = r->exitStatus;
                o.text = StorageUrl::redactedInText(QString::fromUtf8(r->out + r->err));
                out = o;
            }
            loop.quit();
        });
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    shell->open();
    loop.exec();
    input.fill('\0');
    delete shell;
    if (out && out->exitStatus != 0) {
        BrOutput parsed;
        parsed.feed(out->text.toUtf8());
        parsed.finish();
        const QString why
            = parsed.errors().isEmpty() ? out->text.trimmed().right(400) : parsed.errors().last();
        //: %1 = exit status, %2 = BR's error
        return Error::make(ErrorKind::Server,
                           tr("br exited with status %1: %2").arg(out->exitStatus).arg(why));
    }
    return out;
}

Result<QList<BrLogTask>> BrLogClient::status(const Environment &env, CredentialStore *secrets,
                                             const Options &o, const QString &task)
{
    const Result<BrOptions> b = options(env, secrets, o);
    if (!b)
        return b.error();
    const Result<QStringList> argv = BrCommand::log(*b, BrCommand::LogAction::Status, task);
    if (!argv)
        return argv.error();
    const Result<Output> out = run(env, secrets, *argv, o.timeoutMs);
    if (!out)
        return out.error();
    return BrLog::parseStatus(out->text);
}

Result<LogBackupState> BrLogClient::recordStatus(const Environment &env, CredentialStore *secrets,
                                                 const Options &o, const QString &task,
                                                 const QString &historyDir)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const Result<QList<BrLogTask>> tasks = status(env, secrets, o, task);
    if (!tasks) {
        if (const VoidResult saved
            = LogBackupState::saveCheckError(historyDir, env.name, tasks.error().message, now);
            !saved)
            return saved.error();
        return tasks.error();
    }
    return remember(env.name, *tasks, task, o.program, historyDir, now);
}

Result<LogBackupState> BrLogClient::remember(const QString &envName, const QList<BrLogTask> &tasks,
                                             const QString &task, const QString &program,
                                             const QString &historyDir, const QDateTime &now)
{
    const BrLogTask *found = nullptr;
    for (const BrLogTask &t : tasks)
        if (!found && (t.name == task || task.isEmpty() || task == u"*"_s))
            found = &t;
    if (!found) {
        if (const VoidResult removed = LogBackupState::remove(historyDir, envName); !removed)
            return removed.error();
        //: %1 = task name, %2 = environment
        return Error::make(ErrorKind::NotFound,
                           tr("No log backup task %1 runs for %2.").arg(task, envName));
    }
    LogBackupState state = LogBackupState::fromTask(envName, *found, now);
    state.program = program;
    if (const VoidResult saved = LogBackupState::save(historyDir, state); !saved)
        return saved.error();
    return state;
}

Result<BrLog::Metadata> BrLogClient::metadata(const Environment &env, CredentialStore *secrets,
                                              const Options &o)
{
    const Result<BrOptions> b = options(env, secrets, o);
    if (!b)
        return b.error();
    const Result<QStringList> argv = BrCommand::log(*b, BrCommand::LogAction::Metadata, {});
    if (!argv)
        return argv.error();
    const Result<Output> out = run(env, secrets, *argv, o.timeoutMs);
    if (!out)
        return out.error();
    const std::optional<BrLog::Metadata> m = BrLog::parseMetadata(out->text);
    if (!m)
        return Error::make(ErrorKind::InvalidInput,
                           tr("br log metadata did not print the log backup's window."),
                           out->text.right(400));
    return *m;
}

Result<BrLogClient::Output> BrLogClient::control(const Environment &env, CredentialStore *secrets,
                                                 const Options &o, BrCommand::LogAction action,
                                                 const QString &task)
{
    const Result<BrOptions> b = options(env, secrets, o);
    if (!b)
        return b.error();
    const Result<QStringList> argv = BrCommand::log(*b, action, task);
    if (!argv)
        return argv.error();
    return run(env, secrets, *argv, o.timeoutMs);
}

Result<BrLogClient::Output> BrLogClient::truncate(const Environment &env, CredentialStore *secrets,
                                                  const Options &o, const QDateTime &until)
{
    const Result<BrOptions> b = options(env, secrets, o);
    if (!b)
        return b.error();
    const Result<QStringList> argv = BrCommand::logTruncate(*b, until);
    if (!argv)
        return argv.error();
    return run(env, secrets, *argv, o.timeoutMs);
}

} // namespace TiDesk
