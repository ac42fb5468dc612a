// BackupCommands: `tidesk-cli backup ...` - start a MariaDB/MySQL backup (logical with
// mariadb-dump, physical with mariadb-backup) on the environment's SSH host or this machine, list
// the history, show a job (following it again when it still runs), cancel one; `backup schedule`
// is ScheduleCommands. Jobs run detached on their host: `backup start` without --wait returns
// once the job runs, and Ctrl-C during --wait leaves it running (`backup cancel ID` stops it).
// Exit status: 0 started / succeeded / listed, 1 the job failed, was cancelled or lost, or could
// not start, 2 usage, 3 unknown environment or job, 4 secrets unavailable.
// Main thread; waits in a local event loop (the runner is asynchronous).
#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QStringList>

namespace TiDesk {
class BackupRunner;
struct BackupJob;
struct Environment;
} // namespace TiDesk

namespace TiDesk::Cli {

class CliContext;

class BackupCommands final
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::Cli::BackupCommands)
public:
    explicit BackupCommands(CliContext &context)
        : m_ctx(context)
    { }

    // args: everything after "backup".
    int run(const QStringList &args);

    // One job for people (several lines) and its exit status (0 succeeded or running).
    [[nodiscard]] static QString describe(const BackupJob &job);
    [[nodiscard]] static int exitCodeOf(const BackupJob &job);
    // Runs runner's event loop until its job ends (progress lines on stderr when asked).
    static BackupJob waitFinished(BackupRunner &runner, bool progress);
    // "2026-11-30T12:00:00Z", "2026-11-30 12:00:00" (local time) or BR's "... +0800"; invalid
    // when none of those.
    [[nodiscard]] static QDateTime parseTime(const QString &text);
    // After a logical or physical backup succeeded (BackupVerifier::shouldRecord): the source's
    // checksums recorded for restore and drill verification (job.checksum says so); a failure
    // is a warning, the backup stays good.
    void recordChecksums(const Environment &env, BackupJob *job);

private:
    int start(const QStringList &args);
    int list(const QStringList &args);
    int status(const QStringList &args);
    int cancel(const QStringList &args);
    int runDue(const QStringList &args);
    int health(const QStringList &args);
    int log(const QStringList &args);

public:
    void print(const BackupJob &job);

private:
    CliContext &m_ctx;
};

} // namespace TiDesk::Cli
