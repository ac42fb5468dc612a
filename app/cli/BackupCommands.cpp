#include "BackupCommands.h"

#include "backup/BackupHealth.h"
#include "backup/BackupHistory.h"
#include "backup/BackupLauncher.h"
#include "backup/BackupRunner.h"
#include "backup/BackupVerifier.h"
#include "backup/BrLogClient.h"
#include "backup/JobShell.h"
#include "backup/ScheduleSet.h"
#include "backup/ScheduledRuns.h"
#include "backup/SqlBackupRunner.h"
#include "cli/CliContext.h"
#include "cli/ScheduleCommands.h"
#include "common/AppPaths.h"
#include "inventory/InventoryStore.h"
#include "sql/EnvironmentConnection.h"
#include "tunnel/BastionTunnels.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QLockFile>

using namespace Qt::StringLiterals;

namespace TiDesk::Cli {

namespace {

QString sizeText(qint64 bytes)
{
    return bytes < 0 ? u"-"_s
                     : QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString durationText(qint64 ms)
{
    if (ms < 0)
        return u"-"_s;
    if (ms < 60000)
        return BackupCommands::tr("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
    return BackupCommands::tr("%1 min %2 s").arg(ms / 60000).arg((ms / 1000) % 60);
}

enum class Until { Running, FirstPoll, Finished };

// Runs the runner in a local event loop until `until`; progress lines on stderr when asked.
BackupJob drive(BackupRunner &runner, Until until, bool progress)
{
    QEventLoop loop;
    int changes = 0;
    QElapsedTimer lastLine;
    QObject::connect(&runner, &BackupRunner::jobChanged, &loop, [&](const BackupJob &job) {
        ++changes;
        if (progress && job.status == BackupJob::Status::Running
            && (!lastLine.isValid() || lastLine.elapsed() >= 2000)) {
            lastLine.start();
            CliIo::err(job.progress >= 0 ? BackupCommands::tr("%1: running, %2%, %3 written")
                                               .arg(job.id)
                                               .arg(qRound(job.progress))
                                               .arg(sizeText(job.sizeBytes))
                                         : BackupCommands::tr("%1: running, %2 written")
                                               .arg(job.id, sizeText(job.sizeBytes)));
        }
        if (until == Until::Running && job.status == BackupJob::Status::Running
            && job.remotePid > 0)
            loop.quit();
        // attach: the first change is the poll's answer
        if (until == Until::FirstPoll && changes >= 1)
            loop.quit();
    });
    QObject::connect(&runner, &BackupRunner::finished, &loop, &QEventLoop::quit);
    if (runner.job().isFinished())
        return runner.job();
    loop.exec();
    return runner.job();
}

} // namespace

BackupJob BackupCommands::waitFinished(BackupRunner &runner, bool progress)
{
    return drive(runner, Until::Finished, progress);
}

void BackupCommands::recordChecksums(const Environment &env, BackupJob *job)
{
    if (!BackupVerifier::shouldRecord(*job))
        return;
    const Result<CredentialStore *> secrets = m_ctx.secrets();
    if (!secrets)
        return;
    const CoreServices services = m_ctx.app().services();
    DialectOptions dialect;
    if (!services.tidbCatalogSchema.isEmpty())
        dialect.catalogSchema = services.tidbCatalogSchema;
    const Result<EnvironmentTarget> target
        = EnvironmentTarget::resolve(env, *secrets, services.tunnels, dialect);
    if (!target) {
        CliIo::err(tr("warning: checksums not recorded: %1").arg(target.error().message));
        return;
    }
    const QString dir = BackupHistory::defaultDirectory();
    const Result<ChecksumReport> report
        = BackupVerifier::record(*target, job->databases, dir, job->id, services.activityLog);
    if (!report) {
        CliIo::err(tr("warning: checksums not recorded: %1").arg(report.error().message));
        return;
    }
    job->checksum = BackupVerifier::fingerprint(*report);
    BackupHistory history(dir);
    if (const VoidResult saved = history.save(*job); !saved)
        CliIo::err(tr("warning: %1").arg(saved.error().message));
}

QString BackupCommands::describe(const BackupJob &job)
{
    QStringList lines;
    //: %1 = job id, %2 = kind (logical, physical, restore), %3 = environment, %4 = status
    lines << tr("%1  %2 of %3: %4")
                 .arg(job.id, BackupJob::kindName(job.kind), job.envName,
                      BackupJob::statusName(job.status));
    if (job.kind == BackupJob::Kind::Restore && job.scratchDrill)
        //: %1 = the physical backup's job id
        lines << tr("  drill of %1 in a scratch server").arg(job.sourceBackupId);
    else if (job.kind == BackupJob::Kind::Restore)
        lines << tr("  restore of %1 into %2").arg(job.sourceBackupId, job.intoEnv);
    lines << tr("  target:   %1").arg(job.target);
    if (job.startedAt.isValid())
        lines << tr("  started:  %1 UTC, took %2")
                     .arg(job.startedAt.toString(u"yyyy-MM-dd HH:mm:ss"_s),
                          durationText(job.durationMs()));
    if (job.sizeBytes >= 0)
        lines << tr("  size:     %1").arg(sizeText(job.sizeBytes));
    if (job.progress >= 0 && !job.isFinished())
        lines << tr("  progress: %1%").arg(qRound(job.progress));
    if (!job.binlogPosition.isEmpty())
        lines << tr("  binlog:   %1").arg(job.binlogPosition);
    if (!job.checksum.isEmpty())
        lines << tr("  checksum: %1").arg(job.checksum);
    if (!job.verification.isEmpty())
        lines << tr("  verified: %1").arg(job.verification);
    if (!job.error.isEmpty())
        lines << tr("  error:    %1").arg(job.error);
    return lines.join(u'\n');
}

int BackupCommands::exitCodeOf(const BackupJob &job)
{
    return job.status == BackupJob::Status::Succeeded || job.status == BackupJob::Status::Running
            || job.status == BackupJob::Status::Queued
        ? ExitOk
        : ExitFailure;
}

void BackupCommands::print(const BackupJob &job)
{
    if (m_ctx.json())
        CliIo::outRaw(QJsonDocument(job.toJson()).toJson(QJsonDocument::Compact) + '\n');
    else
        CliIo::out(describe(job));
}

int BackupCommands::run(const QStringList &args)
{
    if (args.isEmpty() || args.first() == u"--help" || args.first() == u"-h") {
        CliIo::out(
            tr("Usage: tidesk-cli [global options] backup start ENV [--kind logical|physical]\n"
               "           [--to DIR] [--database DB]... [--wait] [--json]\n"
               "       tidesk-cli [global options] backup start ENV --kind sql [--database DB]... "
               "[--storage URL] [--json]\n"
               "       tidesk-cli [global options] backup start ENV --kind br [--database DB "
               "[--table T]]\n"
               "           [--storage URL] [--br PROGRAM] [--last-backup-ts TS] [--wait] "
               "[--json]\n"
               "       tidesk-cli [global options] backup list [ENV] [--json]\n"
               "       tidesk-cli [global options] backup status JOB [--wait] [--json]\n"
               "       tidesk-cli [global options] backup cancel JOB [--json]\n"
               "       tidesk-cli [global options] backup run-due [--json]\n"
               "       tidesk-cli [global options] backup health [ENV] [--cached] [--json]\n"
               "       tidesk-cli [global options] backup log start|status|pause|resume|stop|"
               "metadata|truncate ENV\n"
               "           [--task NAME] [--storage URL] [--br PROGRAM] [--until TIME] [--json]\n"
               "       tidesk-cli [global options] backup schedule list|add|remove|export-timer "
               "...\n"
               "MariaDB/MySQL backups run on the environment's SSH host (or this machine when it "
               "has none),\ndetached: they go on if TiDesk stops, and are followed again by "
               "`backup status`."));
        return args.isEmpty() ? ExitUsage : ExitOk;
    }
    const QString sub = args.first();
    if (sub == u"start")
        return start(args.mid(1));
    if (sub == u"list")
        return list(args.mid(1));
    if (sub == u"status")
        return status(args.mid(1));
    if (sub == u"cancel")
        return cancel(args.mid(1));
    if (sub == u"run-due")
        return runDue(args.mid(1));
    if (sub == u"health")
        return health(args.mid(1));
    if (sub == u"log")
        return log(args.mid(1));
    if (sub == u"schedule")
        return ScheduleCommands(m_ctx).run(args.mid(1));
    return m_ctx.fail(Error::make(ErrorKind::InvalidInput,
                                  tr("unknown backup command '%1' (try: start, list, status, "
                                     "cancel, run-due, health, schedule)")
                                      .arg(sub)),
                      ExitUsage);
}

int BackupCommands::start(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption kindOpt(u"kind"_s, tr("logical (default), physical, br or sql"),
                                     u"kind"_s);
    const QCommandLineOption toOpt(u"to"_s, tr("backup directory on the host"), u"dir"_s);
    const QCommandLineOption dbOpt(u"database"_s, tr("a database to back up (repeatable)"),
                                   u"db"_s);
    const QCommandLineOption waitOpt(u"wait"_s, tr("wait until the backup ends"));
    const QCommandLineOption noChecksumOpt(
        u"no-checksum"_s, tr("do not record the source's checksums after the backup"));
    const QCommandLineOption tableOpt(u"table"_s, tr("BR: back up this table of --database"),
                                      u"table"_s);
    const QCommandLineOption storageOpt(u"storage"_s,
                                        tr("BR: storage URL (default: the "
                                           "environment's backup location)"),
                                        u"url"_s);
    const QCommandLineOption brOpt(u"br"_s, tr("BR: the program (default br; e.g. \"tiup br\")"),
                                   u"program"_s);
    const QCommandLineOption lastTsOpt(u"last-backup-ts"_s,
                                       tr("BR: incremental since this BackupTS"), u"ts"_s);
    p.addOptions(
        { kindOpt, toOpt, dbOpt, waitOpt, noChecksumOpt, tableOpt, storageOpt, brOpt, lastTsOpt });
    const auto usage = [&](const QString &why) {
        return m_ctx.fail(Error::make(ErrorKind::InvalidInput, why), ExitUsage);
    };
    if (!p.parse(QStringList { u"tidesk-cli backup start"_s } + args))
        return usage(p.errorText());
    if (p.positionalArguments().size() != 1)
        return usage(tr("backup start needs exactly one ENV"));
    BackupJobRequest request;
    if (p.isSet(kindOpt)) {
        const auto kind = BackupJob::kindFromName(p.value(kindOpt));
        if (!kind || *kind == BackupJob::Kind::Restore)
            return usage(tr("--kind must be logical, physical, br or sql"));
        request.kind = *kind;
    }
    request.root = p.value(toOpt);
    request.databases = p.values(dbOpt);
    const Result<Environment> env
        = m_ctx.app().services().inventory->findByName(p.positionalArguments().first());
    if (!env)
        return m_ctx.fail(env.error(), ExitInvalidInput);
    const Result<CredentialStore *> secrets = m_ctx.secrets();
    if (!secrets)
        return m_ctx.fail(secrets.error(), ExitSecrets);
    if (request.kind == BackupJob::Kind::Sql) {
        const CoreServices services = m_ctx.app().services();
        DialectOptions dialect;
        if (!services.tidbCatalogSchema.isEmpty())
            dialect.catalogSchema = services.tidbCatalogSchema;
        Result<SqlBackupRunner::Prepared> sql = SqlBackupRunner::prepare(
            *env, *secrets, services.tunnels, dialect, p.value(storageOpt), request.databases);
        if (!sql)
            return m_ctx.fail(sql.error(),
                              sql.error().kind == ErrorKind::Crypto ? ExitSecrets
                                                                    : ExitInvalidInput);
        BackupHistory history(BackupHistory::defaultDirectory());
        SqlBackupRunner runner(std::move(*sql), &history, services.pool, services.activityLog);
        QEventLoop loop;
        QObject::connect(&runner, &SqlBackupRunner::finished, &loop, &QEventLoop::quit);
        runner.start();
        if (!runner.job().isFinished())
            loop.exec(); // BACKUP returns when the backup ends: --wait is implied
        print(runner.job());
        return exitCodeOf(runner.job());
    }
    Result<PreparedJob> prepared = Error();
    if (request.kind == BackupJob::Kind::Br) {
        BrJobRequest br;
        if (request.databases.size() > 1)
            return usage(tr("BR backs up the whole cluster, one database or one table"));
        if (!request.databases.isEmpty()) {
            br.target.scope
                = p.isSet(tableOpt) ? BrTarget::Scope::Table : BrTarget::Scope::Database;
            br.target.database = request.databases.first();
            br.target.table = p.value(tableOpt);
        } else if (p.isSet(tableOpt)) {
            return usage(tr("--table needs --database"));
        }
        br.storage = p.value(storageOpt);
        br.program = p.value(brOpt);
        br.root = request.root;
        if (p.isSet(lastTsOpt)) {
            bool ok = false;
            br.lastBackupTs = p.value(lastTsOpt).toULongLong(&ok);
            if (!ok)
                return usage(tr("--last-backup-ts must be a BackupTS (a number)"));
        }
        prepared = BackupLauncher::prepareBr(*env, *secrets, br);
    } else {
        prepared = BackupLauncher::prepareBackup(*env, *secrets, request);
    }
    if (!prepared)
        return m_ctx.fail(prepared.error(),
                          prepared.error().kind == ErrorKind::Crypto ? ExitSecrets
                                                                     : ExitInvalidInput);
    BackupHistory history(BackupHistory::defaultDirectory());
    BackupRunner runner(prepared->job, prepared->spec, prepared->shellFactory(),
                        std::move(prepared->password), &history);
    runner.start();
    const bool wait = p.isSet(waitOpt);
    BackupJob job = drive(runner, wait ? Until::Finished : Until::Running, wait && !m_ctx.json());
    if (wait && !p.isSet(noChecksumOpt))
        recordChecksums(*env, &job);
    print(job);
    return exitCodeOf(job);
}

int BackupCommands::list(const QStringList &args)
{
    if (args.size() > 1)
        return m_ctx.fail(
            Error::make(ErrorKind::InvalidInput, tr("backup list takes at most one ENV")),
            ExitUsage);
    const QString env = args.value(0);
    if (!env.isEmpty()) {
        if (const Result<Environment> e = m_ctx.app().services().inventory->findByName(env); !e)
            return m_ctx.fail(e.error(), ExitInvalidInput);
    }
    BackupHistory history(BackupHistory::defaultDirectory());
    QStringList problems;
    const Result<QList<BackupJob>> jobs = history.list(env, &problems);
    if (!jobs)
        return m_ctx.fail(jobs.error(), ExitFailure);
    for (const QString &problem : problems)
        CliIo::err(tr("warning: %1").arg(problem));
    if (m_ctx.json()) {
        QJsonArray a;
        for (const BackupJob &j : *jobs)
            a.append(j.toJson());
        CliIo::outRaw(QJsonDocument(a).toJson(QJsonDocument::Compact) + '\n');
        return ExitOk;
    }
    if (jobs->isEmpty()) {
        CliIo::out(tr("No backups recorded."));
        return ExitOk;
    }
    QList<QStringList> rows;
    for (const BackupJob &j : *jobs)
        rows << QStringList {
            j.id,
            j.envName,
            BackupJob::kindName(j.kind),
            BackupJob::statusName(j.status),
            j.startedAt.isValid() ? j.startedAt.toString(u"yyyy-MM-dd HH:mm"_s) : u"-"_s,
            durationText(j.durationMs()),
            sizeText(j.sizeBytes),
            j.kind == BackupJob::Kind::Restore && !j.scratchDrill ? j.intoEnv : j.target
        };
    CliIo::out(CliIo::table({ tr("ID"), tr("ENV"), tr("KIND"), tr("STATUS"), tr("STARTED (UTC)"),
                              tr("DURATION"), tr("SIZE"), tr("TARGET") },
                            rows));
    return ExitOk;
}

int BackupCommands::status(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption waitOpt(u"wait"_s, tr("follow the job until it ends"));
    p.addOption(waitOpt);
    if (!p.parse(QStringList { u"tidesk-cli backup status"_s } + args)
        || p.positionalArguments().size() != 1)
        return m_ctx.fail(Error::make(ErrorKind::InvalidInput,
                                      p.errorText().isEmpty()
                                          ? tr("backup status needs exactly one JOB")
                                          : p.errorText()),
                          ExitUsage);
    BackupHistory history(BackupHistory::defaultDirectory());
    const Result<BackupJob> job = history.load(p.positionalArguments().first());
    if (!job)
        return m_ctx.fail(job.error(), ExitInvalidInput);
    if (job->isFinished() || job->remotePid <= 0) {
        print(*job);
        return exitCodeOf(*job);
    }
    // Still running on record: ask the host (re-attach).
    const Result<Environment> env = m_ctx.app().services().inventory->findByName(job->envName);
    if (!env)
        return m_ctx.fail(env.error(), ExitInvalidInput);
    const Result<CredentialStore *> secrets = m_ctx.secrets();
    if (!secrets)
        return m_ctx.fail(secrets.error(), ExitSecrets);
    Result<PreparedJob> prepared = BackupLauncher::prepareAttach(*env, *secrets, *job);
    if (!prepared)
        return m_ctx.fail(prepared.error(), ExitFailure);
    BackupRunner runner(prepared->job, prepared->spec, prepared->shellFactory(), {}, &history);
    runner.attach();
    const bool wait = p.isSet(waitOpt);
    BackupJob now = drive(runner, wait ? Until::Finished : Until::FirstPoll, wait && !m_ctx.json());
    if (now.status == BackupJob::Status::Succeeded
        && !QFile::exists(BackupVerifier::reportPath(history.directory(), now.id)))
        recordChecksums(*env, &now);
    print(now);
    return exitCodeOf(now);
}

int BackupCommands::cancel(const QStringList &args)
{
    if (args.size() != 1)
        return m_ctx.fail(
            Error::make(ErrorKind::InvalidInput, tr("backup cancel needs exactly one JOB")),
            ExitUsage);
    BackupHistory history(BackupHistory::defaultDirectory());
    const Result<BackupJob> job = history.load(args.first());
    if (!job)
        return m_ctx.fail(job.error(), ExitInvalidInput);
    if (job->isFinished())
        return m_ctx.fail(
            Error::make(
                ErrorKind::InvalidInput,
                tr("Job %1 already ended (%2).").arg(job->id, BackupJob::statusName(job->status))),
            ExitFailure);
    const Result<Environment> env = m_ctx.app().services().inventory->findByName(job->envName);
    if (!env)
        return m_ctx.fail(env.error(), ExitInvalidInput);
    const Result<CredentialStore *> secrets = m_ctx.secrets();
    if (!secrets)
        return m_ctx.fail(secrets.error(), ExitSecrets);
    Result<PreparedJob> prepared = BackupLauncher::prepareAttach(*env, *secrets, *job);
    if (!prepared)
        return m_ctx.fail(prepared.error(), ExitFailure);
    BackupRunner runner(prepared->job, prepared->spec, prepared->shellFactory(), {}, &history);
    runner.attach();
    runner.cancel();
    const BackupJob now = drive(runner, Until::Finished, false);
    print(now);
    return now.status == BackupJob::Status::Cancelled ? ExitOk : ExitFailure;
}

} // namespace TiDesk::Cli

namespace TiDesk::Cli {

int BackupCommands::runDue(const QStringList &args)
{
    if (!args.isEmpty())
        return m_ctx.fail(Error::make(ErrorKind::InvalidInput,
                                      tr("backup run-due takes no "
                                         "arguments")),
                          ExitUsage);
    const QString historyDir = BackupHistory::defaultDirectory();
    bool busy = false;
    const Result<QList<ScheduledRuns::Claim>> claims = ScheduledRuns::claimDue(
        historyDir, ScheduleSet::defaultPath(), ScheduledRuns::defaultLockPath(),
        QDateTime::currentDateTimeUtc(), &busy);
    if (!claims)
        return m_ctx.fail(claims.error(),
                          claims.error().kind == ErrorKind::InvalidInput ? ExitInvalidInput
                                                                         : ExitFailure);
    if (busy) {
        CliIo::err(tr("Another backup run-due is running; nothing started."));
        return ExitOk;
    }
    BackupHistory history(historyDir);
    QJsonArray started;
    int failures = 0;
    for (const ScheduledRuns::Claim &claim : *claims) {
        const BackupSchedule &s = claim.schedule;
        BackupJob failed = claim.job;
        failed.status = BackupJob::Status::Failed;
        failed.finishedAt = QDateTime::currentDateTimeUtc();
        const Result<Environment> env = m_ctx.app().services().inventory->findByName(s.envName);
        const Result<CredentialStore *> secrets = m_ctx.secrets();
        Result<PreparedJob> prepared = !env ? Result<PreparedJob>(env.error())
            : !secrets                      ? Result<PreparedJob>(secrets.error())
                                            : ScheduledRuns::prepare(claim, *env, *secrets);
        if (!prepared) {
            // Recorded, so the slot counts as run and the failure shows in the history.
            failed.error = prepared.error().message;
            (void)history.save(failed);
            CliIo::err(tr("%1: %2").arg(s.id, failed.error));
            started.append(failed.toJson());
            ++failures;
            continue;
        }
        if (!m_ctx.json())
            CliIo::err(tr("%1: starting a %2 backup of %3")
                           .arg(s.id, BackupJob::kindName(s.kind), s.envName));
        BackupRunner runner(prepared->job, prepared->spec, prepared->shellFactory(),
                            std::move(prepared->password), &history);
        runner.start();
        BackupJob job = drive(runner, Until::Finished, false);
        if (job.status == BackupJob::Status::Succeeded) {
            recordChecksums(*env, &job);
            QStringList errors;
            for (const QString &id :
                 ScheduledRuns::applyRetention(s, *env, *secrets, historyDir, &errors))
                CliIo::err(tr("%1: removed %2 (keeping the newest %3)").arg(s.id, id).arg(s.keep));
            for (const QString &e : errors)
                CliIo::err(tr("%1: %2").arg(s.id, e));
        } else {
            ++failures;
        }
        if (!m_ctx.json())
            CliIo::out(describe(job));
        started.append(job.toJson());
    }
    if (m_ctx.json())
        CliIo::outRaw(QJsonDocument(started).toJson(QJsonDocument::Compact) + '\n');
    else if (claims->isEmpty())
        CliIo::out(tr("No backup is due."));
    return failures == 0 ? ExitOk : ExitFailure;
}

int BackupCommands::health(const QStringList &rawArgs)
{
    QStringList args = rawArgs;
    const bool cached = args.removeAll(u"--cached"_s) > 0;
    if (args.size() > 1)
        return m_ctx.fail(
            Error::make(ErrorKind::InvalidInput, tr("backup health takes at most one ENV")),
            ExitUsage);
    QStringList names;
    if (!args.isEmpty()) {
        const Result<Environment> env = m_ctx.app().services().inventory->findByName(args.first());
        if (!env)
            return m_ctx.fail(env.error(), ExitInvalidInput);
        names << env->name;
    } else {
        const Result<EnvironmentList> all = m_ctx.app().services().inventory->load();
        if (!all)
            return m_ctx.fail(all.error(), ExitFailure);
        for (const Environment &e : *all)
            names << e.name;
    }
    const Result<ScheduleSet> schedules = ScheduleSet::loadOrEmpty(ScheduleSet::defaultPath());
    if (!schedules)
        return m_ctx.fail(schedules.error(), ExitInvalidInput);
    BackupHistory history(BackupHistory::defaultDirectory());
    const Result<QList<BackupJob>> jobs = history.list();
    if (!jobs)
        return m_ctx.fail(jobs.error(), ExitFailure);
    // Log backups on record: their status read again now (BR on each control host) unless
    // --cached; a failed read is shown with the last known checkpoint.
    QHash<QString, LogBackupState> logs
        = LogBackupState::load(history.directory()).valueOr(QHash<QString, LogBackupState>());
    if (!cached && !logs.isEmpty()) {
        const Result<CredentialStore *> secrets = m_ctx.secrets();
        for (auto it = logs.begin(); it != logs.end(); ++it) {
            if (!names.contains(it.key()))
                continue;
            const Result<Environment> env = m_ctx.app().services().inventory->findByName(it.key());
            if (!env || !secrets)
                continue;
            BrLogClient::Options o;
            o.program = it->program;
            o.timeoutMs = 30000;
            (void)BrLogClient::recordStatus(*env, *secrets, o, it->task, history.directory());
        }
        logs = LogBackupState::load(history.directory()).valueOr(logs);
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QHash<QString, BackupHealth> health
        = BackupHealth::compute(names, *jobs, *schedules, now, logs);
    int worst = 0;
    QJsonArray a;
    QList<QStringList> rows;
    for (const QString &name : names) {
        const BackupHealth h = health.value(name);
        worst = qMax(worst, int(h.level));
        a.append(h.toJson());
        rows << QStringList {
            name,
            BackupHealth::levelName(h.level),
            h.headline(),
            h.lastVerifiedRestore ? BackupHealth::ageText(
                (h.lastVerifiedRestore->finishedAt.isValid() ? h.lastVerifiedRestore->finishedAt
                                                             : h.lastVerifiedRestore->startedAt)
                    .secsTo(QDateTime::currentDateTimeUtc()))
                                  : tr("never"),
            h.nextRun.isValid() ? h.nextRun.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s) : u"-"_s,
            h.logBackup ? h.logBackup->summary(now) : u"-"_s,
        };
    }
    if (m_ctx.json())
        CliIo::outRaw(QJsonDocument(a).toJson(QJsonDocument::Compact) + '\n');
    else
        CliIo::out(CliIo::table({ tr("ENV"), tr("LEVEL"), tr("BACKUPS"),
                                  tr("LAST VERIFIED RESTORE"), tr("NEXT RUN"), tr("LOG BACKUP") },
                                rows));
    // Like a monitoring check: 0 all good, 1 a warning, 2 would be usage; critical is 1 too.
    return worst == int(BackupHealth::Level::Ok) ? ExitOk : ExitFailure;
}

} // namespace TiDesk::Cli

namespace TiDesk::Cli {

QDateTime BackupCommands::parseTime(const QString &text)
{
    const QString t = text.trimmed();
    QDateTime d = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!d.isValid())
        d = QDateTime::fromString(t, Qt::ISODate);
    if (!d.isValid())
        d = QDateTime::fromString(t, u"yyyy-MM-dd HH:mm:ss"_s);
    if (!d.isValid())
        d = BrLog::parseTime(t);
    return d;
}

int BackupCommands::log(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption taskOpt(u"task"_s, tr("the log backup task (default pitr)"),
                                     u"name"_s);
    const QCommandLineOption storageOpt(
        u"storage"_s, tr("the log backup storage (default: the backup URL + /log)"), u"url"_s);
    const QCommandLineOption brOpt(u"br"_s, tr("the BR program (default br)"), u"program"_s);
    const QCommandLineOption untilOpt(u"until"_s, tr("truncate: remove logs before this time"),
                                      u"time"_s);
    p.addOptions({ taskOpt, storageOpt, brOpt, untilOpt });
    const auto usage = [&](const QString &why) {
        return m_ctx.fail(Error::make(ErrorKind::InvalidInput, why), ExitUsage);
    };
    if (!p.parse(QStringList { u"tidesk-cli backup log"_s } + args))
        return usage(p.errorText());
    if (p.positionalArguments().size() != 2)
        return usage(tr("backup log needs an action (start, status, pause, resume, stop, "
                        "metadata, truncate) and ENV"));
    const QString action = p.positionalArguments().at(0);
    const Result<Environment> env
        = m_ctx.app().services().inventory->findByName(p.positionalArguments().at(1));
    if (!env)
        return m_ctx.fail(env.error(), ExitInvalidInput);
    const Result<CredentialStore *> secrets = m_ctx.secrets();
    if (!secrets)
        return m_ctx.fail(secrets.error(), ExitSecrets);
    BrLogClient::Options o;
    o.program = p.value(brOpt);
    o.storage = p.value(storageOpt);
    const QString task = p.isSet(taskOpt) ? p.value(taskOpt) : u"pitr"_s;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString historyDir = BackupHistory::defaultDirectory();
    if (action == u"status") {
        const Result<QList<BrLogTask>> tasks = BrLogClient::status(*env, *secrets, o, task);
        if (!tasks) {
            (void)LogBackupState::saveCheckError(historyDir, env->name, tasks.error().message, now);
            return m_ctx.fail(tasks.error(), ExitFailure);
        }
        // Remembered for `backup health` and the GUI (a task that is gone is forgotten).
        (void)BrLogClient::remember(env->name, *tasks, task, o.program, historyDir, now);
        QJsonArray a;
        QList<QStringList> rows;
        for (const BrLogTask &t : *tasks) {
            const qint64 lag = t.checkpoint.isValid() ? t.checkpoint.secsTo(now) : -1;
            a.append(QJsonObject { { u"name"_s, t.name },
                                   { u"status"_s, t.status },
                                   { u"storage"_s, t.storage },
                                   { u"checkpoint"_s,
                                     t.checkpoint.isValid()
                                         ? QJsonValue(t.checkpoint.toString(Qt::ISODateWithMs))
                                         : QJsonValue(QJsonValue::Null) },
                                   { u"checkpoint_lag_s"_s,
                                     lag >= 0 ? QJsonValue(lag) : QJsonValue(QJsonValue::Null) },
                                   { u"errors"_s, QJsonArray::fromStringList(t.errors) } });
            rows << QStringList { t.name, t.status,
                                  t.checkpoint.isValid() ? t.checkpoint.toLocalTime().toString(
                                      u"yyyy-MM-dd HH:mm:ss"_s)
                                                         : u"-"_s,
                                  lag >= 0 ? BackupHealth::ageText(lag) : u"-"_s,
                                  t.errors.join(u"; "_s) };
        }
        if (m_ctx.json())
            CliIo::outRaw(QJsonDocument(a).toJson(QJsonDocument::Compact) + '\n');
        else
            CliIo::out(CliIo::table(
                { tr("TASK"), tr("STATUS"), tr("CHECKPOINT"), tr("LAG"), tr("ERRORS") }, rows));
        bool healthy = !tasks->isEmpty();
        for (const BrLogTask &t : *tasks)
            healthy = healthy && t.status == u"NORMAL" && t.errors.isEmpty();
        return healthy ? ExitOk : ExitFailure;
    }
    if (action == u"metadata") {
        const Result<BrLog::Metadata> m = BrLogClient::metadata(*env, *secrets, o);
        if (!m)
            return m_ctx.fail(m.error(), ExitFailure);
        if (m_ctx.json())
            CliIo::outRaw(
                QJsonDocument(
                    QJsonObject { { u"min_date"_s, m->minDate.toString(Qt::ISODateWithMs) },
                                  { u"max_date"_s, m->maxDate.toString(Qt::ISODateWithMs) },
                                  { u"min_ts"_s, QString::number(m->minTs.value_or(0)) },
                                  { u"max_ts"_s, QString::number(m->maxTs.value_or(0)) } })
                    .toJson(QJsonDocument::Compact)
                + '\n');
        else
            //: %1, %2 = times (UTC)
            CliIo::out(tr("A point-in-time restore can reach from %1 to %2 UTC.")
                           .arg(m->minDate.toString(u"yyyy-MM-dd HH:mm:ss"_s),
                                m->maxDate.toString(u"yyyy-MM-dd HH:mm:ss"_s)));
        return ExitOk;
    }
    Result<BrLogClient::Output> out = Error();
    if (action == u"truncate") {
        const QDateTime until = parseTime(p.value(untilOpt));
        if (!until.isValid())
            return usage(tr("backup log truncate needs --until TIME"));
        out = BrLogClient::truncate(*env, *secrets, o, until);
    } else {
        static const QList<QPair<QString, BrCommand::LogAction>> actions {
            { u"start"_s, BrCommand::LogAction::Start },
            { u"pause"_s, BrCommand::LogAction::Pause },
            { u"resume"_s, BrCommand::LogAction::Resume },
            { u"stop"_s, BrCommand::LogAction::Stop },
        };
        std::optional<BrCommand::LogAction> chosen;
        for (const auto &[name, a] : actions)
            if (name == action)
                chosen = a;
        if (!chosen)
            return usage(tr("unknown backup log action '%1'").arg(action));
        out = BrLogClient::control(*env, *secrets, o, *chosen, task);
    }
    if (!out)
        return m_ctx.fail(out.error(), ExitFailure);
    // The health follows the task from now on (stop: forgets it).
    if (action == u"stop") {
        (void)LogBackupState::remove(historyDir, env->name);
    } else if (action != u"truncate") {
        if (action == u"start" || action == u"resume") {
            // On record from now on, even if the status read below fails.
            const auto known = LogBackupState::load(historyDir);
            if (!known || !known->contains(env->name)) {
                LogBackupState fresh;
                fresh.envName = env->name;
                fresh.task = task;
                fresh.program = o.program;
                (void)LogBackupState::save(historyDir, fresh);
            }
        }
        (void)BrLogClient::recordStatus(*env, *secrets, o, task, historyDir);
    }
    if (!m_ctx.json())
        CliIo::out(out->text.trimmed());
    else
        CliIo::outRaw(QJsonDocument(QJsonObject { { u"action"_s, action },
                                                  { u"env"_s, env->name },
                                                  { u"output"_s, out->text } })
                          .toJson(QJsonDocument::Compact)
                      + '\n');
    return ExitOk;
}

} // namespace TiDesk::Cli
