#include "ScheduledRuns.h"

#include "backup/BackupHistory.h"
#include "backup/BackupLauncher.h"
#include "backup/BackupScript.h"
#include "backup/BackupVerifier.h"
#include "backup/JobShell.h"
#include "common/AppPaths.h"

#include <QEventLoop>
#include <QFile>
#include <QLockFile>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {
constexpr int kPruneTimeoutMs = 120000;
} // namespace

QString ScheduledRuns::defaultLockPath()
{
    return AppPaths::dataDir() + u"/backup-run-due.lock"_s;
}

Result<QList<ScheduledRuns::Claim>> ScheduledRuns::claimDue(const QString &historyDir,
                                                            const QString &schedulesPath,
                                                            const QString &lockPath,
                                                            const QDateTime &now, bool *busy)
{
    if (busy)
        *busy = false;
    QLockFile lock(lockPath);
    lock.setStaleLockTime(0); // a dead holder's lock is detected by its pid, never by age
    if (!lock.tryLock(0)) {
        if (lock.error() == QLockFile::LockFailedError) {
            if (busy)
                *busy = true;
            return QList<Claim>();
        }
        return Error::make(ErrorKind::Io, tr("Cannot take the lock %1.").arg(lockPath));
    }
    const Result<ScheduleSet> schedules = ScheduleSet::loadOrEmpty(schedulesPath);
    if (!schedules)
        return schedules.error();
    BackupHistory history(historyDir);
    const Result<QList<BackupJob>> jobs = history.list();
    if (!jobs)
        return jobs.error();
    QList<BackupJob> past = *jobs;
    // A claim whose claimer stopped before launching it stays queued forever otherwise (and
    // health would show it running): recorded as lost, under the same lock.
    for (BackupJob &j : past) {
        if (!j.isAbandoned(now))
            continue;
        j.markAbandoned(now);
        if (const VoidResult saved = history.save(j); !saved)
            return saved.error();
    }
    const auto lastRunOf = [&past](const BackupSchedule &s) {
        QDateTime last;
        for (const BackupJob &j : past) {
            if (j.scheduleId != s.id)
                continue;
            const QDateTime t = j.startedAt.isValid() ? j.startedAt : j.finishedAt;
            if (t.isValid() && (!last.isValid() || t > last))
                last = t;
        }
        return last;
    };
    QList<Claim> claims;
    for (const BackupSchedule &s : schedules->due(now, lastRunOf)) {
        Claim c;
        c.schedule = s;
        c.job.id = BackupJob::newId(s.envName, now);
        c.job.envName = s.envName;
        c.job.kind = s.kind;
        c.job.scheduleId = s.id;
        c.job.status = BackupJob::Status::Queued;
        c.job.startedAt = now.toUTC();
        c.job.target = s.target;
        if (const VoidResult saved = history.save(c.job); !saved)
            return saved.error();
        claims << c;
    }
    return claims;
}

Result<PreparedJob> ScheduledRuns::prepare(const Claim &claim, const Environment &env,
                                           CredentialStore *secrets)
{
    const BackupSchedule &s = claim.schedule;
    if (s.kind == BackupJob::Kind::Br) {
        BrJobRequest br;
        br.storage = s.target;
        br.scheduleId = s.id;
        Result<PreparedJob> p = BackupLauncher::prepareBr(env, secrets, br);
        if (p) {
            p->job.id = claim.job.id;
            p->spec.jobId = claim.job.id;
        }
        return p;
    }
    BackupJobRequest request;
    request.kind = s.kind;
    request.root = s.target;
    request.scheduleId = s.id;
    request.jobId = claim.job.id;
    return BackupLauncher::prepareBackup(env, secrets, request);
}

VoidResult ScheduledRuns::prune(const Environment &env, CredentialStore *secrets,
                                const BackupJob &job, const QString &historyDir)
{
    if (job.root.isEmpty())
        return Error::make(ErrorKind::InvalidInput,
                           tr("Backup %1 has no directory on record.").arg(job.id));
    BackupJob target = job;
    target.remotePid = qMax<qint64>(1, job.remotePid); // prepareAttach wants a process on record
    const Result<PreparedJob> prepared = BackupLauncher::prepareAttach(env, secrets, target);
    if (!prepared)
        return prepared.error();
    QEventLoop loop;
    QObject owner;
    JobShell *shell = prepared->shellFactory()(&owner);
    Error failure;
    bool removed = false;
    QObject::connect(shell, &JobShell::openFailed, &loop, [&](const Error &e) {
        failure = e;
        loop.quit();
    });
    QObject::connect(shell, &JobShell::opened, &loop, [&] {
        shell->run(BackupScript::discard(job.root, job.id), {},
                   [&](const Result<JobShell::Output> &r) {
                       if (!r)
                           failure = r.error();
                       else
                           removed = r->out.contains("TIDESK_DISCARDED");
                       loop.quit();
                   });
    });
    QTimer::singleShot(kPruneTimeoutMs, &loop, &QEventLoop::quit);
    shell->open();
    loop.exec();
    delete shell;
    if (!removed)
        return failure.isError()
            ? failure
            : Error::make(ErrorKind::Io, tr("Removing %1 failed.").arg(job.target));
    BackupHistory history(historyDir);
    QFile::remove(BackupVerifier::reportPath(historyDir, job.id));
    return history.remove(job.id);
}

QStringList ScheduledRuns::applyRetention(const BackupSchedule &schedule, const Environment &env,
                                          CredentialStore *secrets, const QString &historyDir,
                                          QStringList *errors)
{
    BackupHistory history(historyDir);
    const Result<QList<BackupJob>> jobs = history.list(schedule.envName);
    if (!jobs) {
        if (errors)
            *errors << jobs.error().message;
        return {};
    }
    QList<BackupJob> mine;
    for (const BackupJob &j : *jobs)
        if (j.scheduleId == schedule.id)
            mine << j;
    QStringList removed;
    for (const BackupJob &victim : ScheduleSet::retentionVictims(schedule, mine)) {
        const VoidResult pruned = prune(env, secrets, victim, historyDir);
        if (pruned)
            removed << victim.id;
        else if (errors)
            //: %1 = job id, %2 = why
            *errors << tr("Removing %1 failed: %2").arg(victim.id, pruned.error().message);
    }
    return removed;
}

} // namespace TiDesk
