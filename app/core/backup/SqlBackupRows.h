// SqlBackupRows: the answers of TiDB's SQL backups (reference §7.1): the one-row result of
// BACKUP/RESTORE (Destination, Size, BackupTS, Queue Time, Execution Time) and the rows of
// SHOW BACKUPS / SHOW RESTORES (Destination, State, Progress, Queue_time, Execution_time,
// Finish_time, Connection, Message), read by column name. Destinations are kept redacted
// (StorageUrl::redacted), whatever the server returned. Checked against result sets built from
// the reference; no TiDB ran these statements here. Pure functions: any thread.
#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace TiDesk {

struct QueryResult;

struct SqlBackupResult
{
    QString destination; // redacted
    qint64 sizeBytes = -1;
    quint64 backupTs = 0; // the snapshot TSO (0 for a restore): the next LAST_BACKUP
    QString queueTime;
    QString executionTime;
};

struct SqlBackupJob
{
    QString destination; // redacted (SHOW BACKUPS strips parameters itself; kept safe anyway)
    QString state; // Backup, Wait, Checksum ... (restores: their states)
    double progress = 0; // percent of the current state
    QString queueTime;
    QString executionTime; // "0000-00-00 00:00:00" while queued
    QString finishTime; // empty / zero-date while running
    quint64 connectionId = 0; // for KILL TIDB QUERY
    QString message;

    [[nodiscard]] bool isRunning() const;
};

class SqlBackupRows
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::SqlBackupRows)
public:
    // InvalidInput when the result is not BACKUP/RESTORE's one row.
    [[nodiscard]] static Result<SqlBackupResult> result(const QueryResult &rows);
    // InvalidInput when the columns are not SHOW BACKUPS'.
    [[nodiscard]] static Result<QList<SqlBackupJob>> jobs(const QueryResult &rows);
};

} // namespace TiDesk
