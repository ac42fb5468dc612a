// BackupSchedule: one backup schedule of issue 6 ("dev-nightly": a logical backup of dev every
// day at 02:00, keep the newest 7). It answers when the schedule runs next and whether it is due
// now given when its last run started; the job runner (GUI while open, `tidesk-cli backup
// run-due` from cron or a systemd timer) asks, ScheduleSet keeps the file.
//
// Times are wall-clock times in the schedule's time zone (the machine's local zone when none is
// set). Clock changes: a daily/weekly time that occurs twice on a fall-back day runs at its
// first occurrence only; a time skipped by a spring-forward change runs as much later as the
// clock jumped (02:30 -> 03:30), once. Hourly schedules follow real hours: the minute occurs
// twice in the repeated hour and not at all in the skipped one.
//
// Plain value type: any thread. No I/O.
#pragma once

#include "backup/BackupJob.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTimeZone>

namespace TiDesk {

struct BackupSchedule
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::BackupSchedule)
public:
    enum class Frequency { Hourly, Daily, Weekly };

    QString id; // stable plain name, e.g. "dev-nightly"; jobs started by it carry it
    QString envName;
    BackupJob::Kind kind = BackupJob::Kind::Logical; // logical, physical, br or sql
    Frequency frequency = Frequency::Daily;
    int hour = 2; // 0..23 (daily, weekly)
    int minute = 0; // 0..59 (every frequency; the only field of hourly)
    QList<int> weekdays; // weekly: Qt::DayOfWeek values 1 (Monday) .. 7, ascending, no repeats
    QString timeZone; // IANA id ("Europe/Berlin"); empty = the local zone of the machine
    int keep = 0; // keep the newest N succeeded backups of env+kind; 0 = keep all
    bool enabled = true;
    QString target; // optional backup directory/URL override; never with credentials
    // When the schedule was added (UTC). A schedule that never ran is first due at its first
    // scheduled time after this, so adding one at 10:00 for 02:00 starts nothing before 02:00.
    QDateTime createdAt;
    QString comment; // free text kept in the file

    // Empty when valid, else "field: problem" (translated), e.g. "at: hour must be 0 to 23".
    [[nodiscard]] QString validate() const;

    // The zone the times are read in (the machine's zone when timeZone is empty).
    [[nodiscard]] QTimeZone zone() const;
    // The first scheduled time strictly after t (UTC). Invalid for an invalid schedule.
    [[nodiscard]] QDateTime nextRunAfter(const QDateTime &t) const;
    // The last scheduled time at or before t (UTC): the slot a due run belongs to.
    [[nodiscard]] QDateTime latestRunAtOrBefore(const QDateTime &t) const;
    // True when a scheduled time has passed since the last run started (or, never run, since
    // createdAt) and enabled. However many times were missed, one run makes it not due again:
    // a machine that was off for three days runs a missed daily schedule once. False when the
    // schedule never ran and has no createdAt.
    [[nodiscard]] bool isDue(const QDateTime &now, const QDateTime &lastRunStart) const;

    // "Daily at 02:00", "Every Monday and Thursday at 23:30", "Hourly at :15", with
    // " (Europe/Berlin)" when the schedule has a zone. Translated.
    [[nodiscard]] QString description() const;

    // The schedule as it is kept in backup-schedules.json (ScheduleSet reads it back strictly).
    [[nodiscard]] QJsonObject toJson() const;

    // Names in the file and on the command line: hourly, daily, weekly.
    [[nodiscard]] static QString frequencyName(Frequency f);
    [[nodiscard]] static std::optional<Frequency> frequencyFromName(const QString &name);
    // "mon" .. "sun" for 1..7; dayFromName also takes full English names, any case.
    [[nodiscard]] static QString dayName(int dayOfWeek);
    [[nodiscard]] static int dayFromName(const QString &name); // 0 when unknown
    // "HH:MM" (also "H:MM"): true and the parts set when valid.
    [[nodiscard]] static bool parseTime(const QString &text, int *hour, int *minute);
    // True for a plain stable id: letters, digits, '.', '_', '-', 1-64 characters, not starting
    // with '.' or '-'.
    [[nodiscard]] static bool isValidId(const QString &id);
    // The name of the first credential in target (a secret query parameter such as
    // "secret-access-key", or "password" for user:password@), empty when there is none.
    [[nodiscard]] static QString credentialIn(const QString &target);
    // The kinds a schedule may start (restore is not one).
    [[nodiscard]] static bool isSchedulableKind(BackupJob::Kind k);

    bool operator==(const BackupSchedule &) const = default;
};

} // namespace TiDesk
