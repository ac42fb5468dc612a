// BackupJob: one backup or restore as TiDesk records it (issue 6): which environment, what kind
// (logical, physical, BR, SQL BACKUP, restore), where to (the target with its credentials
// redacted - the real URL is never part of a job), its state (queued, running, succeeded, failed,
// cancelled, lost), times, size, the TiDB BackupTS or the MariaDB binlog position, the checksum,
// the error, the tail of its log, and how to find the remote work again after a restart (the
// SSH command's pid and log file, or the SQL connection id). The JSON form is the CLI's and the
// history file's: keys id, env, kind, status, started_at, finished_at, size_bytes, target, error,
// plus the others below. Plain value type: any thread.
#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace TiDesk {

struct BackupJob
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::BackupJob)
public:
    enum class Kind { Logical, Physical, Br, Sql, Restore };
    enum class Status { Queued, Running, Succeeded, Failed, Cancelled, Lost };

    QString id; // unique, sortable: "20240514T133000Z-dev-3f2a"
    QString envName;
    Kind kind = Kind::Logical;
    Status status = Status::Queued;
    QString target; // where the artifact goes (or comes from), credentials redacted
    QDateTime startedAt; // UTC; invalid while queued
    QDateTime finishedAt; // UTC; invalid until it ends
    qint64 sizeBytes = -1;
    QString backupTs; // TiDB BackupTS (TSO as text)
    QString binlogPosition; // MariaDB/MySQL "mysql-bin.000123:4567" or a GTID set
    QString checksum;
    QString error;
    double progress = -1; // 0..100; -1 unknown
    QString logTail; // the last lines of its output
    // Re-attach after a restart: SSH jobs run detached with a pid and a log file on the host;
    // SQL BACKUP jobs are found again in SHOW BACKUPS by their connection id.
    qint64 remotePid = 0;
    QString remoteLog;
    quint64 connectionId = 0;
    // MariaDB/MySQL jobs run as a shell script on a host: which one ("root@db1:22", or "local"
    // for this machine) and the backup directory there; the artifact is root/id.
    QString host;
    QString root;
    QStringList databases; // what a logical backup holds (empty: all but the system schemas)
    QString scheduleId; // the schedule that started it, if any
    // Restores: the backup restored, the environment restored into, a drill or not, and the
    // verification's outcome ("12 tables match" / "2 of 12 tables differ").
    QString sourceBackupId;
    QString intoEnv;
    bool drill = false;
    // A drill of a physical backup: restored into a throwaway server on the backup's host (no
    // intoEnv), its checksums compared by the runner (JSON "scratch": true).
    bool scratchDrill = false;
    QString verification;
    bool verified = false;

    [[nodiscard]] bool isFinished() const;
    // Queued for longer than kAbandonedAfterSecs without ever being launched (no pid, no SQL
    // connection): the TiDesk or tidesk-cli that claimed or started it stopped before launching.
    static constexpr qint64 kAbandonedAfterSecs = 15 * 60;
    [[nodiscard]] bool isAbandoned(const QDateTime &now) const;
    // Marks an abandoned job lost with the reason (finishedAt = now).
    void markAbandoned(const QDateTime &now);
    [[nodiscard]] qint64 durationMs() const; // -1 when not started

    [[nodiscard]] static QString kindName(Kind k); // logical, physical, br, sql, restore
    [[nodiscard]] static QString statusName(Status s); // queued ... lost
    [[nodiscard]] static std::optional<Kind> kindFromName(const QString &name);
    [[nodiscard]] static std::optional<Status> statusFromName(const QString &name);
    // A new id for env at time t (UTC) with a random suffix.
    [[nodiscard]] static QString newId(const QString &envName, const QDateTime &t);

    [[nodiscard]] QJsonObject toJson() const;
    // InvalidInput naming the field when the object is not a job.
    [[nodiscard]] static Result<BackupJob> fromJson(const QJsonObject &o);
};

} // namespace TiDesk
