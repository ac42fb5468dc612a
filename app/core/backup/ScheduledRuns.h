// ScheduledRuns: running the backup schedules, shared by `tidesk-cli backup run-due` (cron, the
// systemd timer) and an open TiDesk (BackupManager, every minute):
//  - claimDue(): under the run-due lock file (one holder at a time across processes), the
//    schedules due now are each claimed by a queued job record in the history (its id, the
//    schedule, startedAt = now) before the lock is released - so cron and the GUI never start the
//    same slot twice. The caller then starts each backup with that job id.
//  - applyRetention(): after a schedule's backup succeeded, the schedule's older backups beyond
//    its `keep` are removed on their host (BackupScript::discard through the job's shell) and
//    forgotten (history record and recorded checksums).
// Blocking (files, SSH with a local event loop): pool threads or the CLI, never the GUI thread.
#pragma once

#include "backup/BackupJob.h"
#include "backup/BackupLauncher.h"
#include "backup/ScheduleSet.h"
#include "common/Result.h"
#include "inventory/Environment.h"

#include <QCoreApplication>
#include <QDateTime>

namespace TiDesk {

class CredentialStore;

class ScheduledRuns
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::ScheduledRuns)
public:
    struct Claim
    {
        BackupSchedule schedule;
        BackupJob job; // queued, saved
    };

    [[nodiscard]] static QString defaultLockPath(); // AppPaths::dataDir()/backup-run-due.lock

    // *busy (when given) is set when another process holds the lock (nothing claimed).
    [[nodiscard]] static Result<QList<Claim>> claimDue(const QString &historyDir,
                                                       const QString &schedulesPath,
                                                       const QString &lockPath,
                                                       const QDateTime &now, bool *busy = nullptr);
    // The backup a claim starts: BackupLauncher::prepareBackup, or prepareBr for a BR schedule
    // (full backup to the schedule's target, else the environment's storage).
    [[nodiscard]] static Result<PreparedJob> prepare(const Claim &claim, const Environment &env,
                                                     CredentialStore *secrets);
    // The removed backups' ids; problems (a host that cannot be reached ...) in *errors.
    static QStringList applyRetention(const BackupSchedule &schedule, const Environment &env,
                                      CredentialStore *secrets, const QString &historyDir,
                                      QStringList *errors = nullptr);
    // Removes one backup on its host and forgets it.
    [[nodiscard]] static VoidResult prune(const Environment &env, CredentialStore *secrets,
                                          const BackupJob &job, const QString &historyDir);
};

} // namespace TiDesk
