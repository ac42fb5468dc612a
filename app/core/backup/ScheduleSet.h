// ScheduleSet: the backup schedules of one TiDesk installation and their file
// backup-schedules.json in the data directory ($TIDESK_HOME when set), shared by the GUI and
// `tidesk-cli backup schedule ...` / `backup run-due`:
//
//   {"format": "tidesk-backup-schedules", "version": 1, "schedules": [
//     {"id": "dev-nightly", "env": "dev", "kind": "logical", "frequency": "daily",
//      "at": "02:00", "keep": 7, "created_at": "2024-05-14T10:00:00.000Z"},
//     {"id": "prod-br", "env": "prod", "kind": "br", "frequency": "weekly",
//      "days": ["mon", "thu"], "at": "23:30", "timezone": "Europe/Berlin"},
//     {"id": "uat-hourly", "env": "uat", "kind": "sql", "frequency": "hourly", "minute": 15}]}
//
// Keys of a schedule: id, env, kind, frequency (required); at (daily, weekly), days (weekly),
// minute (hourly), timezone, keep, enabled, target, created_at, comment. Parsing is strict, in
// the style of rules.json: an unknown key, a wrong type, a bad time or zone, an unknown kind or
// a duplicate id is an InvalidInput error naming the file, the schedule and the field
// ("backup-schedules.json: schedule \"dev-nightly\" (schedules[0]): at: ..."). A schedule
// written by hand without created_at counts as created when the file was last modified.
//
// Plain value type: any thread. load()/save() do file I/O: never on the GUI thread.
#pragma once

#include "backup/BackupJob.h"
#include "backup/BackupSchedule.h"
#include "common/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>

namespace TiDesk {

class ScheduleSet
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::ScheduleSet)
public:
    static constexpr int kFormatVersion = 1;
    static constexpr const char *kFormatName = "tidesk-backup-schedules";

    QList<BackupSchedule> schedules;

    // AppPaths::dataDir()/backup-schedules.json
    [[nodiscard]] static QString defaultPath();

    // sourceName names the input in error messages. Schedules without created_at get
    // defaultCreatedAt.
    [[nodiscard]] static Result<ScheduleSet> fromJson(const QByteArray &json,
                                                      const QString &sourceName
                                                      = QStringLiteral("backup-schedules.json"),
                                                      const QDateTime &defaultCreatedAt = {});
    [[nodiscard]] QByteArray toJson() const;
    // A missing file is NotFound; anything else that is wrong is Io or InvalidInput.
    [[nodiscard]] static Result<ScheduleSet> load(const QString &path);
    // As load(), but a missing file is an empty set (no schedules yet).
    [[nodiscard]] static Result<ScheduleSet> loadOrEmpty(const QString &path);
    // Atomic (QSaveFile). Validates first: an invalid set is never written.
    [[nodiscard]] VoidResult save(const QString &path) const;

    // Empty when every schedule is valid and ids are unique, else the first problem.
    [[nodiscard]] QString validate() const;
    [[nodiscard]] const BackupSchedule *schedule(const QString &id) const;

    // InvalidInput when the schedule is invalid or its id is taken.
    [[nodiscard]] VoidResult add(const BackupSchedule &s);
    // NotFound when there is no schedule with that id.
    [[nodiscard]] VoidResult remove(const QString &id);
    // Replaces the schedule with s.id (kept in place). NotFound / InvalidInput. The caller
    // decides createdAt: set it to now when an edited time should not catch up on a slot that
    // passed before the edit.
    [[nodiscard]] VoidResult replace(const BackupSchedule &s);

    // The enabled schedules due at now, in file order. lastRunOf returns when the latest run of
    // a schedule started (invalid: never ran); see BackupSchedule::isDue.
    using LastRunOf = std::function<QDateTime(const BackupSchedule &)>;
    [[nodiscard]] QList<BackupSchedule> due(const QDateTime &now, const LastRunOf &lastRunOf) const;

    // The succeeded backups of the schedule's env and kind beyond its newest `keep` (newest by
    // finish, then start time), to delete; with a target, only jobs written under it. Running,
    // queued, failed, cancelled and lost jobs are never victims, nor is the newest good one;
    // keep 0 keeps everything. Oldest last.
    [[nodiscard]] static QList<BackupJob> retentionVictims(const BackupSchedule &schedule,
                                                           const QList<BackupJob> &history);

    bool operator==(const ScheduleSet &) const = default;
};

} // namespace TiDesk
