// SystemdTimerExport: the systemd units that run the backup schedules on a host without the
// GUI: tidesk-backup.service (Type=oneshot, `tidesk-cli backup run-due`) and
// tidesk-backup.timer (one OnCalendar= per enabled schedule, Persistent=true so a run missed
// while the host was off happens once after boot). The timer only wakes run-due up; run-due
// decides from the history what is due, so the GUI and the timer never run a slot twice.
//
// systemd skips a calendar time that a spring-forward clock change jumps over, while
// BackupSchedule runs it after the jump (02:30 -> 03:30): for such schedules the timer gets a
// second OnCalendar= at the later time (on other days run-due then finds nothing due).
// No secret is ever written into a unit (schedules carry none; the vault passphrase is left to
// an EnvironmentFile= the administrator writes).
//
// Pure text functions, plus write() which does file I/O (never on the GUI thread). Any thread.
#pragma once

#include "backup/BackupSchedule.h"
#include "backup/ScheduleSet.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace TiDesk {

class SystemdTimerExport
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::SystemdTimerExport)
public:
    static constexpr const char *kServiceFile = "tidesk-backup.service";
    static constexpr const char *kTimerFile = "tidesk-backup.timer";

    struct Options
    {
        QString cliPath; // absolute path of tidesk-cli
        QString tideskHome; // Environment=TIDESK_HOME=...; empty = none
    };

    // systemd calendar syntax: "*-*-* 02:00:00", "Mon,Thu *-*-* 23:30:00",
    // "*-*-* *:15:00", with " Europe/Berlin" when the schedule has a zone.
    [[nodiscard]] static QString onCalendar(const BackupSchedule &s);
    // The extra expressions for the times a spring-forward change skips between from and two
    // years later (none for hourly schedules, which follow real hours).
    [[nodiscard]] static QStringList gapCalendars(const BackupSchedule &s, const QDateTime &from);

    // InvalidInput when cliPath is not absolute or a value cannot be written into a unit.
    [[nodiscard]] static Result<QString> serviceUnit(const Options &options);
    // InvalidInput when no schedule is enabled (a timer without OnCalendar= is refused by
    // systemd). from: where the search for clock changes starts (normally now).
    [[nodiscard]] static Result<QString> timerUnit(const ScheduleSet &set, const QDateTime &from);
    // Writes both files into directory (created when missing), atomically; returns their paths.
    [[nodiscard]] static Result<QStringList> write(const QString &directory, const ScheduleSet &set,
                                                   const Options &options, const QDateTime &from);
};

} // namespace TiDesk
