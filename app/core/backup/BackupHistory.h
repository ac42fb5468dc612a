// BackupHistory: the persistent record of backup and restore jobs: one JSON file per job
// (BackupJob::toJson, credentials already redacted) in a directory, written atomically
// (QSaveFile), so a crash mid-write leaves the previous state and the GUI and `tidesk-cli` can
// share it. A damaged file is reported and skipped, never fatal.
// Threading: every call does file I/O: pool threads or the CLI, never the GUI thread. Calls on
// one BackupHistory are serialised by a mutex.
#pragma once

#include "backup/BackupJob.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QMutex>
#include <QString>

namespace TiDesk {

class BackupHistory
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::BackupHistory)
public:
    explicit BackupHistory(QString directory);
    // AppPaths::dataDir()/backups
    [[nodiscard]] static QString defaultDirectory();

    [[nodiscard]] const QString &directory() const { return m_dir; }
    // Creates or replaces the job's file. InvalidInput for an id that is not a plain name.
    VoidResult save(const BackupJob &job);
    // NotFound when there is no such job.
    [[nodiscard]] Result<BackupJob> load(const QString &id) const;
    // Forgets a job (a backup the retention deleted). NotFound when there is no such job.
    VoidResult remove(const QString &id);
    // Jobs of envName (all when empty), newest first. Damaged files are skipped and named in
    // *problems.
    [[nodiscard]] Result<QList<BackupJob>> list(const QString &envName = {},
                                                QStringList *problems = nullptr) const;

private:
    [[nodiscard]] QString pathOf(const QString &id) const;

    QString m_dir;
    mutable QMutex m_mutex;
};

} // namespace TiDesk
