// SqlBackupRunner: a TiDB SQL backup (`BACKUP DATABASE ... TO 'storage'`, reference §7.1) as a
// job: the statement runs on a dedicated connection of its own (it returns only when the backup
// ends, with one row: Destination, Size, BackupTS ...); every second a second, short connection
// reads SHOW BACKUPS for the row of that connection (state and progress); cancel() sends
// `KILL TIDB QUERY <connection id>` (TiDB's global kill, on by default since 6.1; without it the
// KILL must reach the owning tidb-server, which this runner does not route). The storage URL is
// the environment's (or the request's) with its secret part from the credential store; the job
// records it redacted, and the activity log redacts URLs in every statement.
// The result is recorded: Size, BackupTS (the next incremental's LAST_BACKUP). An engine that is
// not TiDB is refused before anything is sent.
// attach(): after a restart (the statement's connection died with the old TiDesk) the job is
// looked for in SHOW BACKUPS by its connection id and followed while it is listed; the result row
// went to the closed connection, so a job that is (or becomes) absent is recorded as lost with
// that explanation, and one that cannot be looked for (server unreachable, SHOW BACKUPS refused)
// as lost with the error - never as succeeded without proof.
// TiDB does not run here: the flow is tested against MariaDB (which refuses the statement) and
// the result/SHOW BACKUPS parsing on rows from the reference (tst_backupparsers).
// Threading: lives on the thread that drives it (GUI or CLI); the SQL runs on pool threads.
#pragma once

#include "backup/BackupJob.h"
#include "common/Error.h"
#include "sql/Dialect.h"
#include "sql/EnvironmentConnection.h"

#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <chrono>
#include <memory>

class QThreadPool;

namespace TiDesk {

class ActivityLog;
class BackupHistory;
class CredentialStore;
class EndpointRouter;

class SqlBackupRunner final : public QObject
{
    Q_OBJECT
public:
    struct Prepared
    {
        BackupJob job;
        EnvironmentTarget target;
        BackupRequest request; // the real destination URL: never log it
    };
    // Blocking (credential store): pool threads or the CLI. storage empty: the environment's
    // backup location.
    [[nodiscard]] static Result<Prepared> prepare(const Environment &env, CredentialStore *secrets,
                                                  EndpointRouter *router,
                                                  const DialectOptions &dialectOptions,
                                                  const QString &storage,
                                                  const QStringList &databases);

    // A job of the history to attach() to (the connection to look for it with).
    [[nodiscard]] static Result<Prepared>
    prepareAttach(const Environment &env, CredentialStore *secrets, EndpointRouter *router,
                  const DialectOptions &dialectOptions, const BackupJob &job);

    SqlBackupRunner(Prepared prepared, BackupHistory *history, QThreadPool *pool, ActivityLog *log,
                    QObject *parent = nullptr);
    ~SqlBackupRunner() override;

    void setPollInterval(std::chrono::milliseconds interval) { m_pollInterval = interval; }
    [[nodiscard]] const BackupJob &job() const { return m_job; }

public slots:
    void start();
    // Follows a job of the history that is running on record (see the header comment).
    void attach();
    void cancel();

signals:
    void jobChanged(const TiDesk::BackupJob &job);
    void finished(const TiDesk::BackupJob &job);

private:
    struct Outcome;
    struct PollResult
    {
        bool read = false; // SHOW BACKUPS answered
        bool listed = false; // the job's row is there
        double progress = -1;
        QString error;
    };
    void poll();
    void onPolled(const PollResult &r);
    void finish(BackupJob::Status status, const QString &error);
    void update();

    BackupJob m_job;
    EnvironmentTarget m_target;
    BackupRequest m_request;
    BackupHistory *m_history = nullptr;
    QThreadPool *m_pool = nullptr;
    ActivityLog *m_log = nullptr;
    std::shared_ptr<std::atomic<quint64>> m_connectionId;
    QFutureWatcher<std::shared_ptr<Outcome>> m_main;
    QFutureWatcher<PollResult> m_pollWatcher;
    QFutureWatcher<Error> m_killWatcher;
    QTimer m_pollTimer;
    std::chrono::milliseconds m_pollInterval { 1000 };
    bool m_cancelRequested = false;
    bool m_attached = false; // following a job started by another TiDesk (attach())
    bool m_seenListed = false;
    bool m_finished = false;
};

} // namespace TiDesk
