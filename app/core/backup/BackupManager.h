// BackupManager: the GUI's side of MariaDB/MySQL backups (issue 6). It starts backups, follows
// them, cancels them and keeps the last known state of every job of the BackupHistory:
//  - startBackup(): BackupLauncher::prepareBackup (inventory, credential store, ~/.ssh/config)
//    runs on the CoreServices pool, then a BackupRunner is created on the manager's own worker
//    thread ("tidesk-backups") and started there; every runner lives on that one thread (they
//    are asynchronous and save the history at each change, so no history write happens on the
//    GUI thread);
//  - reattachRunning(): every job of the history that is queued or running and has a process id
//    on record is prepared with prepareAttach (pool) and attach()ed - after a restart TiDesk
//    follows the backups that kept running on their hosts. A job whose environment no longer
//    exists is recorded as lost with a clear error. Jobs already followed are skipped, so it can
//    run after every inventory load;
//  - cancel(): the runner following the job cancels it; a job running on record but followed by
//    nobody here (started by tidesk-cli) is attached first, then cancelled;
//  - reload(): reads the history on the pool (jobsReloaded).
//  - TiDB: startBrBackup() (BR on the control host, the same detached job as above),
//    startSqlBackup() (SqlBackupRunner on this thread: its statement and polls run on the pool;
//    re-attached after a restart through SHOW BACKUPS), startBrRestore() (a BR snapshot restore
//    or a point-in-time restore `br restore point`), readLogWindow() (`br log metadata`: the
//    times a point-in-time restore can reach). BR/TiDB do not run here: see docs/tidb-testing.md.
// After a logical or physical backup succeeded the source's checksums are recorded
// (BackupVerifier) before jobFinished(); a restore is verified against them (RestoreFlow) before
// its jobFinished(); a physical backup's scratch drill is verified by its runner.
// Every update of a followed job arrives as jobChanged() (queued from the worker thread), the
// end as jobFinished(). Destroying the manager deletes the runners on their thread and stops
// the thread; the jobs themselves keep running on their hosts (by design: the next TiDesk
// re-attaches).
// Threading: lives on the GUI thread (any thread with an event loop); never blocks it, except
// the destructor, which waits for preparations in flight and the worker thread to stop.
#pragma once

#include "CoreServices.h"
#include "backup/BackupJob.h"
#include "backup/BackupLauncher.h"
#include "backup/RestoreFlow.h"
#include "backup/ScheduledRuns.h"
#include "backup/SqlBackupRunner.h"
#include "common/Error.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QThread>
#include <QTimer>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace TiDesk {

class BackupHistory;
class BackupRunnerHost;

// A TiDB restore with BR: a snapshot restore of backup (full, one database, one table) or, with
// until, a point-in-time restore from the source's log backup onto that full backup.
struct BrRestoreOrder
{
    QString sourceEnv;
    QString intoEnv;
    BackupJob backup; // a succeeded BR backup of sourceEnv
    BrTarget target; // snapshot restore only
    QStringList databases; // a SQL BACKUP's RESTORE DATABASE list (empty: all)
    QDateTime until; // valid: point-in-time restore (UTC)
    QString logStorage; // empty: the source's backup URL + /log
    QString program; // empty: br (or tiup br) on the control host
};

class BackupManager final : public QObject
{
    Q_OBJECT

public:
    // historyDirectory empty: BackupHistory::defaultDirectory().
    explicit BackupManager(const CoreServices &services, const QString &historyDirectory = {},
                           QObject *parent = nullptr);
    ~BackupManager() override;
    BackupManager(const BackupManager &) = delete;
    BackupManager &operator=(const BackupManager &) = delete;

    // How often runners created from now on poll their job (default 1 s; tests go faster).
    void setPollInterval(std::chrono::milliseconds interval) { m_pollInterval = interval; }
    // After a logical or physical backup succeeded, the source's row counts and checksums are
    // recorded for restore verification before jobFinished() (default on; CHECKSUM TABLE reads
    // every row).
    void setRecordChecksums(bool record) { m_recordChecksums = record; }
    // Runs the due backup schedules every intervalMs while TiDesk is open (ScheduledRuns: the
    // same claim under the same lock as `tidesk-cli backup run-due`, then retention).
    void startScheduler(int intervalMs = 60000);
    [[nodiscard]] QString historyDirectory() const;
    [[nodiscard]] QThread *workerThread() { return &m_thread; }

    // The last known state of every job (history plus live updates), newest first.
    [[nodiscard]] QList<BackupJob> jobs() const;
    [[nodiscard]] std::optional<BackupJob> job(const QString &id) const;
    // A runner of this manager follows the job (started here or re-attached).
    [[nodiscard]] bool isFollowing(const QString &id) const { return m_following.contains(id); }
    [[nodiscard]] int followingCount() const { return int(m_following.size()); }
    // Backups being prepared (no job id yet).
    [[nodiscard]] int preparingCount() const { return int(m_preparing.size()); }
    // Damaged history files named by the last read.
    [[nodiscard]] QStringList historyProblems() const { return m_problems; }

public slots:
    void startBackup(const QString &envName, const TiDesk::BackupJobRequest &request);
    void startBrBackup(const QString &envName, const TiDesk::BrJobRequest &request);
    // storage empty: the environment's backup URL.
    void startSqlBackup(const QString &envName, const QString &storage,
                        const QStringList &databases);
    void startBrRestore(const TiDesk::BrRestoreOrder &order);
    // TiDB's RESTORE DATABASE of a succeeded SQL BACKUP (databases empty: all) into intoEnv.
    void startSqlRestore(const QString &sourceEnv, const QString &intoEnv,
                         const TiDesk::BackupJob &backup, const QStringList &databases);
    // `br log metadata` of envName's log storage on its control host: logWindowRead().
    void readLogWindow(const QString &envName, const QString &program = {});
    // A restore (RestoreFlow): the target is checked on the pool (databases holding tables are
    // refused unless order.overwrite; the caller asked for the typed name), the job runs like a
    // backup, and once it succeeded the restored tables are verified against the checksums
    // recorded at backup time (the job's verification) before jobFinished().
    void startRestore(const TiDesk::RestoreOrder &order);
    // The latest good logical backup of envName restored into intoEnv under drill names,
    // verified, recorded, and its databases dropped unless keep. intoEnv empty: the latest good
    // physical backup drilled in a scratch server on its host (BackupLauncher::
    // prepareScratchDrill), verified by its runner; keep does not apply.
    void startDrill(const QString &envName, const QString &intoEnv, bool keep);
    void cancel(const QString &jobId);
    void reload();
    void reattachRunning();
    void runDueSchedules();

signals:
    // A backup was prepared and handed to its runner (status queued).
    void backupStarted(const TiDesk::BackupJob &job);
    void startFailed(const QString &envName, const TiDesk::Error &error);
    // A restore or drill could not start (refused target, no backup, unreachable ...).
    void restoreFailed(const QString &intoEnv, const TiDesk::Error &error);
    void jobChanged(const TiDesk::BackupJob &job);
    void jobFinished(const TiDesk::BackupJob &job);
    void jobsReloaded(const QList<TiDesk::BackupJob> &jobs);
    void reloadFailed(const TiDesk::Error &error);
    // A job running on record could not be followed (its host's SSH settings, the vault ...).
    void attachFailed(const TiDesk::BackupJob &job, const TiDesk::Error &error);
    void cancelFailed(const QString &jobId, const TiDesk::Error &error);
    // The window of a point-in-time restore (UTC), or the error (from, to invalid).
    void logWindowRead(const QString &envName, const QDateTime &from, const QDateTime &to,
                       const QString &error);

private:
    enum class Mode { Start, Attach };
    struct AttachPlan; // one job of reattachRunning(), prepared on the pool
    struct HistoryRead
    {
        Result<QList<BackupJob>> jobs = QList<BackupJob>();
        QStringList problems;
        QList<std::shared_ptr<AttachPlan>> attach;
    };

    // Runs work on the pool and done(result) here afterwards; the watcher is kept in list
    // (m_preparing or m_attaching) until then, and the destructor waits for it.
    template<typename T>
    void onPool(QList<QFutureWatcherBase *> &list, std::function<T()> work,
                std::function<void(T)> done);
    // A preparation's end: followed and backupStarted(), or startFailed()/restoreFailed().
    void followPrepared(Result<PreparedJob> prepared, const QString &envName, bool restore);
    void followSqlPrepared(Result<SqlBackupRunner::Prepared> prepared, const QString &envName,
                           bool restore);
    void follow(PreparedJob prepared, Mode mode, bool cancelAfter);
    void followSql(SqlBackupRunner::Prepared prepared, Mode mode);
    void startPrepared(
        const QString &envName,
        std::function<Result<PreparedJob>(const Environment &, CredentialStore *)> prepare);
    void prepareAttach(const BackupJob &job, bool cancelAfter);
    void onJobChanged(const TiDesk::BackupJob &job);
    void onJobFinished(const TiDesk::BackupJob &job);
    void onHistoryRead(const HistoryRead &read);
    void launchRestore(const QString &intoEnv, std::function<Result<RestoreOrder>()> buildOrder);
    void startScratchDrill(const QString &envName);
    void verifyRestore(const BackupJob &job, const RestoreOrder &order);
    void recordChecksums(const BackupJob &job);
    // Ends a followed job once work (on the pool) returns its final record.
    void finishOnPool(const QFuture<BackupJob> &work);
    void startClaimed(const ScheduledRuns::Claim &claim);
    void remember(const BackupJob &job);
    [[nodiscard]] QFuture<HistoryRead> readHistory(bool withAttach);

    CoreServices m_services;
    std::shared_ptr<BackupHistory> m_history;
    QThread m_thread;
    BackupRunnerHost *m_host = nullptr; // lives on m_thread
    std::chrono::milliseconds m_pollInterval { 1000 };
    QHash<QString, BackupJob> m_jobs;
    QHash<QString, SqlBackupRunner *> m_sqlRunners; // children, on this thread
    QSet<QString> m_following; // ids with a runner (or one being prepared to attach)
    QHash<QString, RestoreOrder> m_restores; // restore job id -> its order, until verified
    bool m_recordChecksums = true;
    QTimer *m_scheduler = nullptr;
    QHash<QString, BackupSchedule> m_scheduled; // job id -> the schedule that started it
    bool m_claiming = false;
    QSet<QString> m_cancelWhenFollowed; // cancel() arrived while the attach was prepared
    QList<QFutureWatcherBase *> m_preparing; // backups being prepared
    QList<QFutureWatcherBase *> m_attaching; // single attaches (cancel of an unfollowed job)
    QFutureWatcher<HistoryRead> m_readWatcher;
    bool m_readAgain = false;
    bool m_attachAgain = false;
    QStringList m_problems;
};

} // namespace TiDesk
