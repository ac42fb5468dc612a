#include "SystemdTimerExport.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

constexpr int kMinutesPerDay = 24 * 60;

QString dayList(const BackupSchedule &s)
{
    static const QStringList names { u"Mon"_s, u"Tue"_s, u"Wed"_s, u"Thu"_s,
                                     u"Fri"_s, u"Sat"_s, u"Sun"_s };
    QStringList days;
    for (int d : s.weekdays)
        days << names.value(d - 1);
    return days.join(u',');
}

QString calendarAt(const BackupSchedule &s, int minuteOfDay)
{
    QString text;
    if (s.frequency == BackupSchedule::Frequency::Weekly && s.weekdays.size() < 7)
        text = dayList(s) + u' ';
    text += QString::asprintf("*-*-* %02d:%02d:00", minuteOfDay / 60, minuteOfDay % 60);
    if (!s.timeZone.isEmpty())
        text += u' ' + s.timeZone;
    return text;
}

// One unit-file value: systemd specifiers (%) doubled, quoted when it has blanks, quotes or
// backslashes; ExecStart= also expands $VARIABLES, so dollars are doubled there.
// Empty optional when the value cannot be written into a unit (control characters).
std::optional<QString> unitWord(const QString &value, bool execLine)
{
    for (const QChar c : value)
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return std::nullopt;
    QString v = value;
    v.replace(u'%', u"%%"_s);
    if (execLine)
        v.replace(u'$', u"$$"_s);
    const bool needsQuotes = v.isEmpty() || v.contains(u' ') || v.contains(u'"')
        || v.contains(u'\'') || v.contains(u'\\') || v.contains(u';');
    if (!needsQuotes)
        return v;
    v.replace(u'\\', u"\\\\"_s);
    v.replace(u'"', u"\\\""_s);
    return u'"' + v + u'"';
}

VoidResult writeFile(const QString &path, const QString &text)
{
    QSaveFile f(path);
    const QByteArray bytes = text.toUtf8();
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
        return Error::make(ErrorKind::Io, SystemdTimerExport::tr("Cannot write %1.").arg(path),
                           f.errorString());
    return {};
}

} // namespace

QString SystemdTimerExport::onCalendar(const BackupSchedule &s)
{
    if (s.frequency == BackupSchedule::Frequency::Hourly) {
        QString text = QString::asprintf("*-*-* *:%02d:00", s.minute);
        if (!s.timeZone.isEmpty())
            text += u' ' + s.timeZone;
        return text;
    }
    return calendarAt(s, s.hour * 60 + s.minute);
}

QStringList SystemdTimerExport::gapCalendars(const BackupSchedule &s, const QDateTime &from)
{
    if (s.frequency == BackupSchedule::Frequency::Hourly)
        return {};
    const QTimeZone tz = s.zone();
    if (!tz.isValid() || !tz.hasTransitions())
        return {};
    const QDateTime start = from.toUTC();
    const int scheduled = s.hour * 60 + s.minute;
    QStringList result;
    for (const QTimeZone::OffsetData &t : tz.transitions(start, start.addYears(2))) {
        const int before = tz.offsetFromUtc(t.atUtc.addSecs(-1));
        const int jumpMinutes = (t.offsetFromUtc - before) / 60;
        if (jumpMinutes <= 0)
            continue;
        // The wall clock jumps from `wall` to wall + jump: the times in between do not exist.
        const QDateTime wall = t.atUtc.toUTC().addSecs(before);
        const int gapStart = wall.time().hour() * 60 + wall.time().minute();
        if (scheduled < gapStart || scheduled >= gapStart + jumpMinutes)
            continue;
        if (s.frequency == BackupSchedule::Frequency::Weekly
            && !s.weekdays.contains(wall.date().dayOfWeek()))
            continue;
        const int later = scheduled + jumpMinutes;
        if (later >= kMinutesPerDay) // the jump crosses midnight: not seen in any zone today
            continue;
        const QString expression = calendarAt(s, later);
        if (!result.contains(expression))
            result << expression;
    }
    return result;
}

Result<QString> SystemdTimerExport::serviceUnit(const Options &options)
{
    if (options.cliPath.isEmpty() || !QFileInfo(options.cliPath).isAbsolute())
        return Error::make(
            ErrorKind::InvalidInput,
            tr("The path of tidesk-cli must be absolute, got \"%1\".").arg(options.cliPath));
    const std::optional<QString> exec = unitWord(QDir::cleanPath(options.cliPath), true);
    if (!exec)
        return Error::make(ErrorKind::InvalidInput,
                           tr("The path of tidesk-cli contains a control character."));
    QString environment;
    if (!options.tideskHome.isEmpty()) {
        const std::optional<QString> home
            = unitWord(u"TIDESK_HOME="_s + QDir::cleanPath(options.tideskHome), false);
        if (!home)
            return Error::make(ErrorKind::InvalidInput,
                               tr("The TiDesk home directory contains a control character."));
        environment = u"Environment="_s + *home + u'\n';
    }
    return QString(
        u"# tidesk-backup.service: written by TiDesk (tidesk-cli backup schedule export-timer).\n"
        "# Runs the backup schedules of backup-schedules.json that are due; tidesk-backup.timer\n"
        "# starts it. No secret is written here: when TiDesk keeps its credentials in the vault,\n"
        "# give TIDESK_VAULT_PASSPHRASE through a root-only EnvironmentFile=.\n"
        "[Unit]\n"
        "Description=TiDesk scheduled backups\n"
        "Wants=network-online.target\n"
        "After=network-online.target\n"
        "\n"
        "[Service]\n"
        "Type=oneshot\n"_s
        + environment + u"ExecStart="_s + *exec + u" backup run-due\n"_s);
}

Result<QString> SystemdTimerExport::timerUnit(const ScheduleSet &set, const QDateTime &from)
{
    QString calendars;
    for (const BackupSchedule &s : set.schedules) {
        if (!s.enabled)
            continue;
        // Ids are plain names, env names single-line: safe in a comment.
        calendars += u"# "_s + s.id + u": "_s + QString(s.envName).replace(u'\n', u' ') + u", "_s
            + BackupJob::kindName(s.kind) + u'\n';
        calendars += u"OnCalendar="_s + onCalendar(s) + u'\n';
        for (const QString &extra : gapCalendars(s, from))
            calendars += u"# "_s + s.id
                + u": its time is skipped on spring-forward days; run it after the jump\n"_s
                + u"OnCalendar="_s + extra + u'\n';
    }
    if (calendars.isEmpty())
        return Error::make(ErrorKind::InvalidInput,
                           tr("No backup schedule is enabled: there is nothing for a timer to "
                              "start."));
    return QString(
        u"# tidesk-backup.timer: written by TiDesk (tidesk-cli backup schedule export-timer).\n"
        "# Wakes `tidesk-cli backup run-due` at every scheduled time; run-due decides from the\n"
        "# backup history what is due, so nothing runs twice. Export again after changing the\n"
        "# schedules.\n"
        "[Unit]\n"
        "Description=TiDesk scheduled backups\n"
        "\n"
        "[Timer]\n"_s
        + calendars
        + u"Persistent=true\n"
          "Unit=tidesk-backup.service\n"
          "\n"
          "[Install]\n"
          "WantedBy=timers.target\n"_s);
}

Result<QStringList> SystemdTimerExport::write(const QString &directory, const ScheduleSet &set,
                                              const Options &options, const QDateTime &from)
{
    const Result<QString> service = serviceUnit(options);
    if (!service)
        return service.error();
    const Result<QString> timer = timerUnit(set, from);
    if (!timer)
        return timer.error();
    if (!QDir().mkpath(directory))
        return Error::make(ErrorKind::Io, tr("Cannot create the folder %1.").arg(directory));
    const QString dir = QDir(directory).absolutePath();
    const QString servicePath = dir + u'/' + QLatin1String(kServiceFile);
    const QString timerPath = dir + u'/' + QLatin1String(kTimerFile);
    if (VoidResult r = writeFile(servicePath, *service); !r)
        return r.error();
    if (VoidResult r = writeFile(timerPath, *timer); !r)
        return r.error();
    return QStringList { servicePath, timerPath };
}

} // namespace TiDesk
