#include "BackupSchedule.h"

#include "backup/StorageUrl.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

// A wall-clock date and time in tz as one instant (UTC). Ambiguous (fall back): the first
// occurrence. Skipped (spring forward): read with the offset before the change, so it lands
// as much later as the clock jumped (02:30 -> 03:30), as mktime() does.
QDateTime resolveLocal(QDate date, int hour, int minute, const QTimeZone &tz)
{
    const QDateTime asUtc(date, QTime(hour, minute), QTimeZone::utc());
    // Offsets before, at and after the wall time: a change near it is between them.
    const int before = tz.offsetFromUtc(asUtc.addDays(-1));
    const int at = tz.offsetFromUtc(asUtc);
    const int after = tz.offsetFromUtc(asUtc.addDays(1));
    QDateTime best;
    for (const int offset : { before, at, after }) {
        const QDateTime candidate = asUtc.addSecs(-offset);
        if (tz.offsetFromUtc(candidate) != offset)
            continue;
        if (!best.isValid() || candidate < best)
            best = candidate;
    }
    return best.isValid() ? best : asUtc.addSecs(-before);
}

QDateTime wholeMinute(const QDateTime &t)
{
    const QDateTime u = t.toUTC();
    return QDateTime(u.date(), QTime(u.time().hour(), u.time().minute()), QTimeZone::utc());
}

// Bounds the searches: an hourly minute recurs within 24 h in every zone, a weekly day within
// 8 local days (one more either side for the zone's offset).
constexpr int kMinutesPerDay = 24 * 60;

const QStringList &shortDays()
{
    static const QStringList d { u"mon"_s, u"tue"_s, u"wed"_s, u"thu"_s,
                                 u"fri"_s, u"sat"_s, u"sun"_s };
    return d;
}

const QStringList &longDays()
{
    static const QStringList d { u"monday"_s, u"tuesday"_s,  u"wednesday"_s, u"thursday"_s,
                                 u"friday"_s, u"saturday"_s, u"sunday"_s };
    return d;
}

QString dayDisplayName(int day)
{
    switch (day) {
    case 1: return BackupSchedule::tr("Monday");
    case 2: return BackupSchedule::tr("Tuesday");
    case 3: return BackupSchedule::tr("Wednesday");
    case 4: return BackupSchedule::tr("Thursday");
    case 5: return BackupSchedule::tr("Friday");
    case 6: return BackupSchedule::tr("Saturday");
    case 7: return BackupSchedule::tr("Sunday");
    default: break;
    }
    return {};
}

QString hhmm(int hour, int minute)
{
    return QString::asprintf("%02d:%02d", hour, minute);
}

} // namespace

QString BackupSchedule::validate() const
{
    if (!isValidId(id))
        return tr("id: expected a plain name (letters, digits, '.', '_', '-'; at most 64), got "
                  "\"%1\"")
            .arg(id);
    if (envName.trimmed().isEmpty())
        return tr("env: required, and must not be empty");
    if (!isSchedulableKind(kind))
        return tr("kind: expected logical, physical, br or sql, got \"%1\"")
            .arg(BackupJob::kindName(kind));
    if (minute < 0 || minute > 59)
        return tr("minute: must be 0 to 59, got %1").arg(minute);
    if (frequency != Frequency::Hourly && (hour < 0 || hour > 23))
        return tr("at: the hour must be 0 to 23, got %1").arg(hour);
    if (frequency == Frequency::Weekly) {
        if (weekdays.isEmpty())
            return tr("days: a weekly schedule needs at least one day");
        for (qsizetype i = 0; i < weekdays.size(); ++i) {
            if (weekdays.at(i) < 1 || weekdays.at(i) > 7)
                return tr("days: %1 is not a day of the week (1 = Monday .. 7 = Sunday)")
                    .arg(weekdays.at(i));
            if (i > 0 && weekdays.at(i) <= weekdays.at(i - 1))
                return tr("days: must be in week order without repeats");
        }
    } else if (!weekdays.isEmpty()) {
        return tr("days: only a weekly schedule has days");
    }
    if (!timeZone.isEmpty() && !QTimeZone::isTimeZoneIdAvailable(timeZone.toUtf8()))
        return tr("timezone: unknown time zone \"%1\" (expected an IANA name such as "
                  "Europe/Berlin)")
            .arg(timeZone);
    if (keep < 0)
        return tr("keep: must be 0 (keep all) or more, got %1").arg(keep);
    if (const QString secret = credentialIn(target); !secret.isEmpty())
        //: %1 = the credential's name, e.g. secret-access-key
        return tr("target: contains a credential (%1); keep credentials in the environment's "
                  "backup storage settings, which go to the credential store")
            .arg(secret);
    if (target.contains(u'\n') || target.contains(u'\r'))
        return tr("target: must be one line");
    return {};
}

QTimeZone BackupSchedule::zone() const
{
    if (timeZone.isEmpty())
        return QTimeZone::systemTimeZone();
    return QTimeZone(timeZone.toUtf8());
}

QDateTime BackupSchedule::nextRunAfter(const QDateTime &t) const
{
    const QTimeZone tz = zone();
    if (!t.isValid() || !tz.isValid() || !validate().isEmpty())
        return {};
    const QDateTime u = t.toUTC();
    if (frequency == Frequency::Hourly) {
        QDateTime c = wholeMinute(u).addSecs(60);
        for (int i = 0; i < kMinutesPerDay; ++i, c = c.addSecs(60))
            if (c.toTimeZone(tz).time().minute() == minute)
                return c.toUTC();
        return {};
    }
    const QDate localDay = u.toTimeZone(tz).date();
    for (QDate d = localDay.addDays(-1); d <= localDay.addDays(8); d = d.addDays(1)) {
        if (frequency == Frequency::Weekly && !weekdays.contains(d.dayOfWeek()))
            continue;
        const QDateTime r = resolveLocal(d, hour, minute, tz);
        if (r > u)
            return r.toUTC();
    }
    return {};
}

QDateTime BackupSchedule::latestRunAtOrBefore(const QDateTime &t) const
{
    const QTimeZone tz = zone();
    if (!t.isValid() || !tz.isValid() || !validate().isEmpty())
        return {};
    const QDateTime u = t.toUTC();
    if (frequency == Frequency::Hourly) {
        QDateTime c = wholeMinute(u);
        for (int i = 0; i < kMinutesPerDay; ++i, c = c.addSecs(-60))
            if (c.toTimeZone(tz).time().minute() == minute)
                return c.toUTC();
        return {};
    }
    const QDate localDay = u.toTimeZone(tz).date();
    for (QDate d = localDay.addDays(1); d >= localDay.addDays(-8); d = d.addDays(-1)) {
        if (frequency == Frequency::Weekly && !weekdays.contains(d.dayOfWeek()))
            continue;
        const QDateTime r = resolveLocal(d, hour, minute, tz);
        if (r <= u)
            return r.toUTC();
    }
    return {};
}

bool BackupSchedule::isDue(const QDateTime &now, const QDateTime &lastRunStart) const
{
    if (!enabled || !now.isValid())
        return false;
    // The later of the last run and the creation: slots before it are done or not owed.
    QDateTime since = lastRunStart.isValid() ? lastRunStart.toUTC() : QDateTime();
    if (createdAt.isValid() && (!since.isValid() || createdAt.toUTC() > since))
        since = createdAt.toUTC();
    if (!since.isValid())
        return false;
    const QDateTime next = nextRunAfter(since);
    return next.isValid() && next <= now.toUTC();
}

QString BackupSchedule::description() const
{
    QString text;
    switch (frequency) {
    case Frequency::Hourly:
        //: %1 = minute of every hour, two digits, e.g. 15 ("Hourly at :15")
        text = tr("Hourly at :%1").arg(minute, 2, 10, QChar(u'0'));
        break;
    case Frequency::Daily:
        //: %1 = time of day, HH:MM
        text = tr("Daily at %1").arg(hhmm(hour, minute));
        break;
    case Frequency::Weekly: {
        if (weekdays.size() == 7) {
            text = tr("Every day at %1").arg(hhmm(hour, minute));
            break;
        }
        QStringList names;
        for (int d : weekdays)
            names << dayDisplayName(d);
        QString days = names.value(0);
        if (names.size() > 1)
            //: a list of week days: %1 = "Monday, Tuesday", %2 = the last day
            days = tr("%1 and %2").arg(names.mid(0, names.size() - 1).join(tr(", ")), names.last());
        //: %1 = one or more week days ("Monday and Thursday"), %2 = time of day, HH:MM
        text = tr("Every %1 at %2").arg(days, hhmm(hour, minute));
        break;
    }
    }
    if (!timeZone.isEmpty())
        //: %1 = the schedule, e.g. "Daily at 02:00", %2 = an IANA time zone name
        text = tr("%1 (%2)").arg(text, timeZone);
    return text;
}

QJsonObject BackupSchedule::toJson() const
{
    QJsonObject o { { u"id"_s, id },
                    { u"env"_s, envName },
                    { u"kind"_s, BackupJob::kindName(kind) },
                    { u"frequency"_s, frequencyName(frequency) },
                    { u"keep"_s, keep },
                    { u"enabled"_s, enabled } };
    if (frequency == Frequency::Hourly) {
        o.insert(u"minute"_s, minute);
    } else {
        o.insert(u"at"_s, QString::asprintf("%02d:%02d", hour, minute));
    }
    if (frequency == Frequency::Weekly) {
        QJsonArray days;
        for (int d : weekdays)
            days.append(dayName(d));
        o.insert(u"days"_s, days);
    }
    if (!timeZone.isEmpty())
        o.insert(u"timezone"_s, timeZone);
    if (!target.isEmpty())
        o.insert(u"target"_s, target);
    if (createdAt.isValid())
        o.insert(u"created_at"_s, createdAt.toUTC().toString(Qt::ISODateWithMs));
    if (!comment.isEmpty())
        o.insert(u"comment"_s, comment);
    return o;
}

QString BackupSchedule::frequencyName(Frequency f)
{
    switch (f) {
    case Frequency::Hourly: return u"hourly"_s;
    case Frequency::Daily: return u"daily"_s;
    case Frequency::Weekly: return u"weekly"_s;
    }
    return {};
}

std::optional<BackupSchedule::Frequency> BackupSchedule::frequencyFromName(const QString &name)
{
    for (Frequency f : { Frequency::Hourly, Frequency::Daily, Frequency::Weekly })
        if (frequencyName(f) == name)
            return f;
    return std::nullopt;
}

QString BackupSchedule::dayName(int dayOfWeek)
{
    return shortDays().value(dayOfWeek - 1);
}

int BackupSchedule::dayFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (const qsizetype i = shortDays().indexOf(n); i >= 0)
        return int(i) + 1;
    if (const qsizetype i = longDays().indexOf(n); i >= 0)
        return int(i) + 1;
    return 0;
}

bool BackupSchedule::parseTime(const QString &text, int *hour, int *minute)
{
    static const QRegularExpression re(u"^([01]?[0-9]|2[0-3]):([0-5][0-9])$"_s);
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return false;
    *hour = m.captured(1).toInt();
    *minute = m.captured(2).toInt();
    return true;
}

bool BackupSchedule::isValidId(const QString &id)
{
    static const QRegularExpression re(u"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$"_s);
    return re.match(id).hasMatch();
}

QString BackupSchedule::credentialIn(const QString &target)
{
    if (target.isEmpty())
        return {};
    // user:password@host in the authority.
    static const QRegularExpression userInfo(u"^[A-Za-z][A-Za-z0-9+.-]*://[^/@?#]*:[^/@?#]*@"_s);
    if (userInfo.match(target).hasMatch())
        return u"password"_s;
    const qsizetype q = target.indexOf(u'?');
    if (q < 0)
        return {};
    QString query = target.mid(q + 1);
    if (const qsizetype h = query.indexOf(u'#'); h >= 0)
        query = query.left(h);
    for (const QString &part : query.split(u'&', Qt::SkipEmptyParts)) {
        const QString name = QUrl::fromPercentEncoding(part.section(u'=', 0, 0).toUtf8());
        if (StorageUrl::isSecretParameter(name))
            return name;
    }
    return {};
}

bool BackupSchedule::isSchedulableKind(BackupJob::Kind k)
{
    return k != BackupJob::Kind::Restore;
}

} // namespace TiDesk
