// BackupJobsModel: backup and restore jobs as a table for the backups page, newest first (by
// job id, which starts with the UTC start time). Keyed by BackupJob::id and updated in place:
// upsert() changes one row (dataChanged for the cells that changed) or inserts a new job at its
// place; setJobs() applies a whole history read as a diff (vanished jobs removed, the rest
// upserted). It never resets after construction, so the selection, the current row and the
// scroll survive the once-a-second updates of running jobs.
//
// Columns: environment, kind, status, progress, started, duration, size, throughput (size /
// duration), target. Roles: SortRole (raw values; invalid = unknown), JobRole (the BackupJob),
// JobIdRole, ProgressRole (double 0..100 while a job runs or once it succeeded, -1 unknown: for a
// progress-bar delegate), StatusToneRole (Tone: the UI picks the colours), LogTailRole.
// health() sums up one environment: its last good backup and its last failure.
// Threading: GUI thread (like every item model). QtCore only.
#pragma once

#include "backup/BackupJob.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>

#include <optional>

namespace TiDesk {

class BackupJobsModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        EnvironmentColumn,
        KindColumn,
        StatusColumn,
        ProgressColumn,
        StartedColumn,
        DurationColumn,
        SizeColumn,
        ThroughputColumn,
        TargetColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    // How a status reads: the UI maps it to a colour.
    enum class Tone { Neutral, Active, Good, Warning, Bad };
    Q_ENUM(Tone)

    enum Role {
        SortRole = Qt::UserRole + 400,
        JobRole, // QVariant<BackupJob>
        JobIdRole, // QString
        ProgressRole, // double 0..100, -1 unknown
        StatusToneRole, // int (Tone)
        LogTailRole, // QString: the job's log tail, then its error
    };
    Q_ENUM(Role)

    // One environment's backup health.
    struct Health
    {
        std::optional<BackupJob> lastGood; // the succeeded backup that ended last (no restores)
        std::optional<BackupJob> lastFailure; // the failed or lost backup that ended last
        int running = 0; // queued or running backups
    };

    explicit BackupJobsModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Updates the job's row (only the cells that changed) or inserts it; returns its row.
    int upsert(const BackupJob &job);
    // A full list (a history read): jobs absent from it are removed, the others upserted.
    void setJobs(const QList<BackupJob> &jobs);

    [[nodiscard]] const QList<BackupJob> &jobs() const { return m_jobs; }
    [[nodiscard]] const BackupJob &jobAt(int row) const { return m_jobs.at(row); }
    [[nodiscard]] int rowOf(const QString &id) const;

    [[nodiscard]] Health health(const QString &envName) const;
    [[nodiscard]] static Health healthOf(const QList<BackupJob> &jobs, const QString &envName);
    // The environments that have jobs, sorted.
    [[nodiscard]] QStringList environments() const;

    // Bytes per second of a job with a size and a duration; -1 when unknown.
    [[nodiscard]] static double throughput(const BackupJob &job);
    [[nodiscard]] static Tone toneOf(BackupJob::Status status);
    [[nodiscard]] static QString statusText(BackupJob::Status status);
    [[nodiscard]] static QString kindText(BackupJob::Kind kind);
    // "850 ms", "42 s", "3 min 05 s", "2 h 03 min"; "—" when unknown.
    [[nodiscard]] static QString durationText(qint64 ms);
    // "12.3 MiB"; "—" when unknown.
    [[nodiscard]] static QString sizeText(qint64 bytes);
    // "just now", "5 min ago", "3 h ago", "2 d ago" (from, now: UTC).
    [[nodiscard]] static QString ageText(const QDateTime &from, const QDateTime &now);
    [[nodiscard]] static QString displayText(const BackupJob &job, int column);
    [[nodiscard]] static QVariant sortValue(const BackupJob &job, int column);

private:
    [[nodiscard]] static double progressOf(const BackupJob &job);
    [[nodiscard]] static quint32 changedColumns(const BackupJob &a, const BackupJob &b);
    [[nodiscard]] int insertRowFor(const QString &id) const;
    void reindexFrom(int row);

    QList<BackupJob> m_jobs; // newest first
    QHash<QString, int> m_index; // id -> row
};

} // namespace TiDesk
