// BackupHealth: one environment's backup state at a glance (issue 6) - the age of the last good
// backup (the RPO if the environment died now), the last failure when it is newer than that, the
// last verified restore (drill or restore with matching checksums), a running job, the next
// scheduled run - and how worried a DBA should be:
//  - Critical: no successful backup at all, or the last good one is older than twice the
//    expected interval;
//  - Warning: older than the expected interval, or the latest backup failed / was lost;
//  - Ok otherwise.
// The expected interval is the shortest of the environment's enabled schedules plus half of it
// (daily -> 36 h), or 48 h without a schedule.
// A TiDB environment with a log backup (PITR) on record (LogBackupState) is also rated by its
// checkpoint lag - the RPO of a point-in-time restore: status ERROR or a lag over 30 min is
// Critical, PAUSE or a lag over 10 min (or a failed status check) a Warning. TiDesk's own
// thresholds, as constants below.
// compute() is pure: the caller reads the history, the schedules and the log backup states
// (file I/O) on a pool thread or in the CLI.
#pragma once

#include "backup/BackupJob.h"
#include "backup/LogBackupState.h"
#include "backup/ScheduleSet.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace TiDesk {

struct BackupHealth
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::BackupHealth)
public:
    enum class Level { Ok, Warning, Critical };

    QString envName;
    Level level = Level::Critical;
    std::optional<BackupJob> lastGood;
    std::optional<BackupJob> lastFailure; // only when newer than lastGood
    std::optional<BackupJob> lastVerifiedRestore;
    std::optional<BackupJob> running;
    QDateTime nextRun; // UTC; invalid without an enabled schedule
    QString nextScheduleId;
    qint64 expectedIntervalSeconds = 0;
    qint64 lastGoodAgeSeconds = -1; // -1: none
    qint64 lastFailureAgeSeconds = -1;
    std::optional<LogBackupState> logBackup; // a TiDB log backup on record
    qint64 logLagSeconds = -1; // now - its checkpoint; -1: none or unknown
    Level logLevel = Level::Ok; // the log backup's own rating (level includes it)

    static constexpr qint64 kLogLagWarningSecs = 10 * 60;
    static constexpr qint64 kLogLagCriticalSecs = 30 * 60;

    // "Last good backup 3 h ago" / "No successful backup" / "Last backup failed 20 min ago".
    [[nodiscard]] QString headline() const;
    // "3 h" (age of the last good backup) or "none".
    [[nodiscard]] QString shortText() const;
    // "log backup: checkpoint 2 min behind" (empty without a log backup on record).
    [[nodiscard]] QString logText(const QDateTime &now) const;
    [[nodiscard]] QJsonObject toJson() const;

    // One entry per environment named in envNames (those without any job or schedule get a
    // Critical "No successful backup").
    [[nodiscard]] static QHash<QString, BackupHealth>
    compute(const QStringList &envNames, const QList<BackupJob> &history,
            const ScheduleSet &schedules, const QDateTime &now,
            const QHash<QString, LogBackupState> &logBackups = {});
    [[nodiscard]] static QString levelName(Level level); // ok, warning, critical
    // "45 s", "12 min", "5 h", "3 d" (the largest unit only: a glance, not a report).
    [[nodiscard]] static QString ageText(qint64 seconds);
};

} // namespace TiDesk
