// BackupScript: the POSIX shell that runs a MariaDB/MySQL backup or restore on the host that
// holds the artifacts (the environment's SSH host, or this machine), detached from the SSH
// connection so a dropped link or a restarted TiDesk does not stop it:
//  - launch: reads the database password from stdin (never on a command line, never in a file),
//    creates ROOT/ID.partial, writes job.sh there and starts it with setsid; prints its pid;
//  - job.sh: mariadb-dump (logical, one consistent --single-transaction dump of the chosen
//    databases, gzip) or mariadb-backup --backup + --prepare (physical), or a restore of a
//    logical dump into a target server, or the drill of a physical backup (scratchDrill, below);
//    on success the directory is renamed to ROOT/ID and an `exit` file written: only a complete
//    artifact ever has the final name;
//  - scratch drill: mariadb-backup --copy-back of the prepared backup (left intact) into
//    ROOT/ID.partial/scratch, a throwaway mariadbd on it (socket only, --skip-networking,
//    --skip-grant-tables, no binlog, no replica or event start), SELECT COUNT(*) and CHECKSUM
//    TABLE ... EXTENDED of every base table outside the system schemas written to `checksums`
//    (ChecksumReader::reportFromDrill reads it), then the server is shut down (TERM, KILL as a
//    last resort) and the scratch directory removed - also on failure and on cancel (a TERM
//    trap: the server is in the job's process group);
//  - poll: whether it still runs (its pid, whose command line names the job), its exit code,
//    bytes written, progress counters, binlog position, the log's tail;
//  - cancel: TERM to the job's process group, KILL after 10 s, the partial directory removed
//    (a job that already finished is reported as such, never deleted);
//  - discard: removes a failed job's partial directory, or a backup the retention drops.
// Everything is generated from quoted values: no input reaches the shell unquoted.
// Pure value code; any thread.
#pragma once

#include "backup/BackupJob.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace TiDesk {

struct BackupSpec
{
    BackupJob::Kind kind = BackupJob::Kind::Logical; // Logical, Physical or Restore
    QString jobId;
    QString root; // the backup directory on that host; "~/..." is the SSH user's home
    QString dbHost; // the server as that host reaches it
    int dbPort = 3306;
    QString dbUser;
    QStringList databases; // empty: every database but mysql and the system schemas
    // Restore only: the backup directory to restore from (ROOT/<backup id>) and the renames
    // source -> target database ("" = same name).
    QString restoreFrom;
    QList<QPair<QString, QString>> renames;
    // Restore only: restoreFrom is a physical backup, drilled in a scratch server on this host
    // (no target server: dbHost, dbUser and the password are not used).
    bool scratchDrill = false;
    // BR (kind Br, or Restore with BR): the command line (BrCommand; storage credentials already
    // moved to `environment`), run on the control host.
    QStringList brArgv;
    // Exported to the job from stdin lines NAME=value (secrets: S3 credentials for BR). Names
    // are checked: [A-Z_][A-Z0-9_]*.
    QList<QPair<QString, QString>> environment;

    [[nodiscard]] bool isBr() const { return !brArgv.isEmpty(); }
};

struct BackupPoll
{
    enum class State { Running, Succeeded, Failed, Gone };
    State state = State::Gone;
    int exitCode = -1;
    qint64 bytes = -1; // written so far (final size when finished)
    qint64 total = -1; // physical: bytes of the data directory; logical: tables to dump
    qint64 done = -1; // logical: tables dumped so far
    QString binlog; // "mysql-bin.000003:1234" or a GTID, when the server logs binlogs
    QString logTail;
    QStringList databases; // a finished logical backup: the databases it dumped
    QStringList checksums; // a finished scratch drill: its checksums file, line by line

    [[nodiscard]] double progress() const; // 0..100, -1 unknown
};

class BackupScript
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::BackupScript)
public:
    // What launch() reads from stdin: the password line, then one NAME=value line per exported
    // variable. The caller wipes it after writing.
    [[nodiscard]] static QByteArray stdinFor(const BackupSpec &spec, const QByteArray &password);

    // Exit codes of launch for errors found before anything runs.
    static constexpr int kExitNoPassword = 90;
    static constexpr int kExitTarget = 73; // EX_CANTCREAT
    static constexpr int kExitNoTool = 69; // EX_UNAVAILABLE

    // InvalidInput for an id that is not a plain name, an empty root, a bad port or kind.
    [[nodiscard]] static Result<QString> launch(const BackupSpec &spec);
    // The job script itself (public for tests).
    [[nodiscard]] static QString jobScript(const BackupSpec &spec);
    // A short command run and waited for (BR's log status, pause ...): the NAME=value lines on
    // stdin are exported (secrets, never on the command line), then argv is exec'd.
    [[nodiscard]] static QString oneShot(const QStringList &argv);
    [[nodiscard]] static QString poll(const QString &root, const QString &jobId, qint64 pid);
    [[nodiscard]] static QString cancel(const QString &root, const QString &jobId, qint64 pid);
    // Removes root/name: "ID.partial" after a failure, "ID" for a backup the retention drops.
    [[nodiscard]] static QString discard(const QString &root, const QString &name);

    // "TIDESK_BACKUP_PID=123" -> 123, else 0.
    [[nodiscard]] static qint64 launchedPid(const QByteArray &stdoutBytes);
    // The error for a launch that exited non-zero (missing tool, unwritable directory ...).
    [[nodiscard]] static Error launchFailure(const QString &root, const QString &where,
                                             int exitStatus, const QByteArray &stderrBytes);
    [[nodiscard]] static BackupPoll parsePoll(const QByteArray &stdoutBytes);
    // MariaDB's binlog position from a dump's "CHANGE MASTER TO MASTER_LOG_FILE='f',
    // MASTER_LOG_POS=n" line or mariadb-backup's xtrabackup_binlog_info ("f\tn[\tgtid]").
    [[nodiscard]] static QString binlogFrom(const QString &text);
    // Plain job or backup id (letters, digits, '-', '_', '.', no leading dot).
    [[nodiscard]] static bool isPlainId(const QString &id);
    [[nodiscard]] static QString shellQuote(const QString &s);
    // A root for the shell: "~/x" becomes "$HOME"/'x', anything else quoted.
    [[nodiscard]] static QString rootExpression(const QString &root);
};

} // namespace TiDesk
