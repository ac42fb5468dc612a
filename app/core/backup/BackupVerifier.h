// BackupVerifier: the SQL side of "verify after restore" (issue 6):
//  - record(): right after a backup (logical: its databases; physical: every database but the
//    system schemas, shouldRecord()), the source's row counts and checksums (ChecksumReader) are
//    stored next to the history (<history>/checksums/<job id>.json) - the reference a restore or
//    a drill is compared with. Taken after the dump's snapshot: a table written to meanwhile can
//    differ from the backup (the comparison says which tables; for an exact reference back up a
//    copy nobody writes to, or a replica with replication stopped);
//  - occupied(): which of the databases a restore would write exist on the target and hold
//    tables - a restore there is refused unless the user explicitly chooses to overwrite;
//  - verify(): the restored databases' checksums compared with the recorded report through the
//    source -> target name map.
// Blocking (SQL): pool threads or the CLI, never the GUI thread.
#pragma once

#include "backup/BackupJob.h"
#include "backup/TableChecksum.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QHash>
#include <QStringList>

#include <atomic>

namespace TiDesk {

class ActivityLog;
struct EnvironmentTarget;

class BackupVerifier
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::BackupVerifier)
public:
    [[nodiscard]] static QString reportPath(const QString &historyDir, const QString &jobId);
    // A succeeded logical or physical backup that has no checksums on record yet: the one rule
    // the CLI and the GUI (BackupManager) follow after a backup.
    [[nodiscard]] static bool shouldRecord(const BackupJob &job);

    // Reads the source's checksums of databases (empty: all but the system schemas) and saves
    // them for jobId.
    [[nodiscard]] static Result<ChecksumReport>
    record(const EnvironmentTarget &source, const QStringList &databases, const QString &historyDir,
           const QString &jobId, ActivityLog *log, const std::atomic<bool> *cancel = nullptr);
    // NotFound when no report was recorded for the job.
    [[nodiscard]] static Result<ChecksumReport> recorded(const QString &historyDir,
                                                         const QString &jobId);

    // The target databases (after renames) among `databases` that exist on `into` and hold at
    // least one table.
    [[nodiscard]] static Result<QStringList>
    occupied(const EnvironmentTarget &into, const QStringList &databases, ActivityLog *log);

    // Reads the restored databases (the map's values, or the source names) on `into` and
    // compares them with the source report.
    [[nodiscard]] static Result<ChecksumComparison>
    verify(const EnvironmentTarget &into, const ChecksumReport &source,
           const QHash<QString, QString> &databaseMap, ActivityLog *log,
           const std::atomic<bool> *cancel = nullptr);

    // "sha256:0123456789ab (12 tables)": identifies a recorded report in a job.
    [[nodiscard]] static QString fingerprint(const ChecksumReport &report);

    // The databases a report covers, in order.
    [[nodiscard]] static QStringList databasesOf(const ChecksumReport &report);
};

} // namespace TiDesk
