// BackupRunner: drives one MariaDB/MySQL backup or restore job (BackupScript) through a
// JobShell: start() launches it (the password goes to the command's stdin and is then wiped),
// attach() follows a job started earlier (after a restart of TiDesk or of the CLI: its pid and
// directory are in the history), and both poll it every second - progress, bytes, log tail -
// until it ends. The job record is saved to the BackupHistory at every change, so another
// process (the CLI, a restarted GUI) sees the same state.
//  - success: only when the job renamed its directory to the final name and wrote exit 0;
//    size, binlog position and the log's tail are recorded; a physical backup's scratch drill
//    is verified here (RestoreFlow::verifyScratchDrill: its checksums against those recorded
//    with the backup in the history's directory, one small file read) before it is recorded;
//  - failure: the error is the job's own "FAILED:" line (or its exit status); the partial
//    directory is removed;
//  - cancel(): stops the job's whole process group on the host, removes the partial directory,
//    records Cancelled (or Succeeded, truthfully, when the job finished first);
//  - the job's process gone without a result: Lost;
//  - the SSH connection dropped: reconnects within the reconnect window and carries on,
//    otherwise Failed with the reason (the detached process may still run; its directory keeps
//    the ".partial" name, so it is never mistaken for a backup).
// finished() is emitted exactly once.
// Thread: the thread it lives on (its own QThread in the GUI, the main thread in the CLI);
// non-blocking. History writes are small files (the runner's thread is never the GUI's).
#pragma once

#include "backup/BackupJob.h"
#include "backup/BackupScript.h"
#include "common/Error.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <functional>

namespace TiDesk {

class BackupHistory;
class JobShell;

class BackupRunner final : public QObject
{
    Q_OBJECT

public:
    // Creates the JobShell on the runner's thread (SSH sessions must live there).
    using ShellFactory = std::function<JobShell *(QObject *parent)>;

    // job: id, env, kind, target, host and root set (and remotePid for attach()). history may
    // be null (nothing saved). password: the database password (start() only).
    BackupRunner(BackupJob job, BackupSpec spec, ShellFactory shell, QByteArray password,
                 BackupHistory *history, QObject *parent = nullptr);
    ~BackupRunner() override;

    void setPollInterval(std::chrono::milliseconds interval) { m_pollInterval = interval; }
    // 0: a dropped SSH connection fails the job at once.
    void setReconnectWindow(std::chrono::milliseconds window) { m_reconnectWindow = window; }

    [[nodiscard]] const BackupJob &job() const { return m_job; }

public slots:
    void start();
    void attach();
    void cancel();

signals:
    void jobChanged(const TiDesk::BackupJob &job);
    void finished(const TiDesk::BackupJob &job);

private:
    enum class Mode { Start, Attach };
    void openShell();
    void onOpened();
    void onOpenFailed(const Error &error);
    void onLost(const Error &error);
    void launch();
    void poll();
    void onPoll(const BackupPoll &p);
    void runCancel();
    void discardThenFinish(BackupJob::Status status, const QString &error);
    void finish(BackupJob::Status status, const QString &error);
    void update(); // save + jobChanged
    void readBrOutput(const BackupPoll &p); // BR: progress, BackupTS, size, error
    [[nodiscard]] static QString failureLine(const QString &logTail);

    BackupJob m_job;
    BackupSpec m_spec;
    ShellFactory m_shellFactory;
    QByteArray m_password;
    BackupHistory *m_history = nullptr;
    JobShell *m_shell = nullptr;
    Mode m_mode = Mode::Start;
    QTimer m_pollTimer;
    std::chrono::milliseconds m_pollInterval { 1000 };
    std::chrono::milliseconds m_reconnectWindow { 30000 };
    QElapsedTimer m_lostFor; // running while reconnecting
    Error m_lostError;
    bool m_launched = false;
    bool m_pollInFlight = false;
    bool m_cancelRequested = false;
    bool m_cancelInFlight = false;
    bool m_finished = false;
    int m_pollFailures = 0;
    QString m_brError;
};

} // namespace TiDesk
