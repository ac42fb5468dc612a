#include "ScheduleSet.h"

#include "common/AppPaths.h"
#include "inventory/JsonReader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

// Reads one schedule strictly; the first problem wins and is reported with its context
// ("schedule \"x\" (schedules[2])") and field ("at").
class Parser
{
public:
    explicit Parser(QString source)
        : m_source(std::move(source))
    { }

    Error error() const { return m_error; }
    void setContext(const QString &context) { m_context = context; }

    bool fail(const QString &field, const QString &problem)
    {
        if (m_error.isError())
            return false;
        QString where = m_source + u": "_s;
        if (!m_context.isEmpty())
            where += m_context + u": "_s;
        m_error = Error::make(ErrorKind::InvalidInput, where + field + u": "_s + problem);
        return false;
    }

    bool onlyKeys(const QJsonObject &o, const QStringList &allowed)
    {
        for (auto it = o.begin(); it != o.end(); ++it)
            if (!allowed.contains(it.key()))
                //: %1 = the keys allowed there
                return fail(
                    it.key(),
                    ScheduleSet::tr("unknown key (allowed: %1)").arg(allowed.join(u", "_s)));
        return true;
    }

    // Absent or null leaves *out alone unless required.
    bool string(const QJsonValue &v, const QString &field, QString *out, bool required = false)
    {
        if (v.isUndefined() || v.isNull())
            return required ? fail(field, ScheduleSet::tr("required, and must not be empty"))
                            : true;
        if (!v.isString())
            return fail(field,
                        ScheduleSet::tr("expected a string, got %1").arg(JsonReader::describe(v)));
        if (required && v.toString().trimmed().isEmpty())
            return fail(field, ScheduleSet::tr("required, and must not be empty"));
        *out = v.toString();
        return true;
    }

    bool boolean(const QJsonValue &v, const QString &field, bool *out)
    {
        if (v.isUndefined() || v.isNull())
            return true;
        if (!v.isBool())
            return fail(
                field,
                ScheduleSet::tr("expected true or false, got %1").arg(JsonReader::describe(v)));
        *out = v.toBool();
        return true;
    }

    bool integer(const QJsonValue &v, const QString &field, int min, int max, int *out)
    {
        if (v.isUndefined() || v.isNull())
            return true;
        const double d = v.toDouble();
        if (!v.isDouble() || std::floor(d) != d || d < min || d > max)
            //: %1 = smallest allowed value, %2 = largest, %3 = what the file says
            return fail(field,
                        ScheduleSet::tr("expected an integer from %1 to %2, got %3")
                            .arg(min)
                            .arg(max)
                            .arg(JsonReader::describe(v)));
        *out = int(d);
        return true;
    }

private:
    QString m_source;
    QString m_context;
    Error m_error;
};

// Larger than anyone keeps, small enough to be a typo when exceeded.
constexpr int kMaxKeep = 100000;

bool parseSchedule(Parser &p, const QJsonObject &o, BackupSchedule *s)
{
    static const QStringList keys { u"id"_s,     u"env"_s,     u"kind"_s,   u"frequency"_s,
                                    u"at"_s,     u"days"_s,    u"minute"_s, u"timezone"_s,
                                    u"keep"_s,   u"enabled"_s, u"target"_s, u"created_at"_s,
                                    u"comment"_s };
    if (!p.onlyKeys(o, keys))
        return false;
    if (!p.string(o.value(u"env"_s), u"env"_s, &s->envName, true))
        return false;

    QString text;
    if (!p.string(o.value(u"kind"_s), u"kind"_s, &text, true))
        return false;
    const auto kind = BackupJob::kindFromName(text);
    if (!kind || !BackupSchedule::isSchedulableKind(*kind) || text != text.trimmed().toLower())
        return p.fail(
            u"kind"_s,
            ScheduleSet::tr("expected logical, physical, br or sql, got \"%1\"").arg(text));
    s->kind = *kind;

    if (!p.string(o.value(u"frequency"_s), u"frequency"_s, &text, true))
        return false;
    const auto frequency = BackupSchedule::frequencyFromName(text);
    if (!frequency)
        return p.fail(u"frequency"_s,
                      ScheduleSet::tr("expected hourly, daily or weekly, got \"%1\"").arg(text));
    s->frequency = *frequency;

    const bool hourly = s->frequency == BackupSchedule::Frequency::Hourly;
    const bool weekly = s->frequency == BackupSchedule::Frequency::Weekly;
    if (hourly) {
        if (o.contains(u"at"_s))
            return p.fail(u"at"_s,
                          ScheduleSet::tr("an hourly schedule has a minute, not a time of day"));
        if (!o.contains(u"minute"_s))
            return p.fail(u"minute"_s,
                          ScheduleSet::tr("required for an hourly schedule (0 to 59)"));
        s->hour = 0;
        if (!p.integer(o.value(u"minute"_s), u"minute"_s, 0, 59, &s->minute))
            return false;
    } else {
        if (o.contains(u"minute"_s))
            return p.fail(u"minute"_s,
                          ScheduleSet::tr("only for hourly schedules; use \"at\": \"HH:MM\""));
        if (!p.string(o.value(u"at"_s), u"at"_s, &text, true))
            return false;
        if (!BackupSchedule::parseTime(text, &s->hour, &s->minute))
            return p.fail(
                u"at"_s,
                ScheduleSet::tr("expected a time HH:MM from 00:00 to 23:59, got \"%1\"").arg(text));
    }

    const QJsonValue days = o.value(u"days"_s);
    if (!weekly && !days.isUndefined())
        return p.fail(u"days"_s, ScheduleSet::tr("only a weekly schedule has days"));
    if (weekly) {
        if (!days.isArray() || days.toArray().isEmpty())
            return p.fail(u"days"_s,
                          ScheduleSet::tr("a weekly schedule needs an array of days such as "
                                          "[\"mon\", \"thu\"], got %1")
                              .arg(days.isUndefined() ? ScheduleSet::tr("nothing")
                                                      : JsonReader::describe(days)));
        const QJsonArray a = days.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            const int day
                = a.at(i).isString() ? BackupSchedule::dayFromName(a.at(i).toString()) : 0;
            const QString field = JsonReader::index(u"days"_s, i);
            if (day == 0)
                return p.fail(field,
                              ScheduleSet::tr("expected mon, tue, wed, thu, fri, sat or sun, "
                                              "got %1")
                                  .arg(JsonReader::describe(a.at(i))));
            if (s->weekdays.contains(day))
                return p.fail(
                    field, ScheduleSet::tr("%1 is listed twice").arg(BackupSchedule::dayName(day)));
            s->weekdays << day;
        }
        std::sort(s->weekdays.begin(), s->weekdays.end());
    }

    if (!p.string(o.value(u"timezone"_s), u"timezone"_s, &s->timeZone))
        return false;
    if (!s->timeZone.isEmpty() && !QTimeZone::isTimeZoneIdAvailable(s->timeZone.toUtf8()))
        return p.fail(u"timezone"_s,
                      ScheduleSet::tr("unknown time zone \"%1\" (expected an IANA name such as "
                                      "Europe/Berlin; leave it out for the machine's local time)")
                          .arg(s->timeZone));
    if (!p.integer(o.value(u"keep"_s), u"keep"_s, 0, kMaxKeep, &s->keep)
        || !p.boolean(o.value(u"enabled"_s), u"enabled"_s, &s->enabled)
        || !p.string(o.value(u"target"_s), u"target"_s, &s->target))
        return false;
    if (const QString secret = BackupSchedule::credentialIn(s->target); !secret.isEmpty())
        return p.fail(u"target"_s,
                      ScheduleSet::tr("contains a credential (%1); keep credentials in the "
                                      "environment's backup storage settings")
                          .arg(secret));
    QString created;
    if (!p.string(o.value(u"created_at"_s), u"created_at"_s, &created))
        return false;
    if (!created.isEmpty()) {
        s->createdAt = QDateTime::fromString(created, Qt::ISODateWithMs);
        if (!s->createdAt.isValid())
            return p.fail(u"created_at"_s,
                          ScheduleSet::tr("expected a date and time such as "
                                          "2024-05-14T10:00:00Z, got \"%1\"")
                              .arg(created));
        s->createdAt = s->createdAt.toUTC();
    }
    if (!p.string(o.value(u"comment"_s), u"comment"_s, &s->comment))
        return false;

    if (const QString problem = s->validate(); !problem.isEmpty()) {
        const qsizetype colon = problem.indexOf(u": "_s);
        return p.fail(problem.left(colon), problem.mid(colon + 2));
    }
    return true;
}

// When a job ended or, failing that, started: what "newest" means for retention.
QDateTime jobTime(const BackupJob &j)
{
    return j.finishedAt.isValid() ? j.finishedAt.toUTC() : j.startedAt.toUTC();
}

bool isUnder(const QString &jobTarget, const QString &scheduleTarget)
{
    QString base = scheduleTarget;
    while (base.size() > 1 && base.endsWith(u'/'))
        base.chop(1);
    return jobTarget == base || jobTarget.startsWith(base + u'/');
}

} // namespace

QString ScheduleSet::defaultPath()
{
    return AppPaths::dataDir() + u"/backup-schedules.json"_s;
}

Result<ScheduleSet> ScheduleSet::fromJson(const QByteArray &json, const QString &sourceName,
                                          const QDateTime &defaultCreatedAt)
{
    QJsonParseError perr {};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &perr);
    if (perr.error != QJsonParseError::NoError) {
        const QByteArray head = json.left(perr.offset);
        const qsizetype line = head.count('\n') + 1;
        const qsizetype column = perr.offset - (head.lastIndexOf('\n') + 1) + 1;
        //: %1 = file, %2 = line, %3 = column, %4 = the JSON parser's message
        return Error::make(ErrorKind::InvalidInput,
                           tr("%1: line %2, column %3: %4")
                               .arg(sourceName)
                               .arg(line)
                               .arg(column)
                               .arg(perr.errorString()));
    }
    if (!doc.isObject())
        return Error::make(ErrorKind::InvalidInput,
                           tr("%1: the top level must be an object").arg(sourceName));
    const QJsonObject top = doc.object();
    Parser p(sourceName);
    if (!p.onlyKeys(top, { u"format"_s, u"version"_s, u"schedules"_s, u"comment"_s }))
        return p.error();
    const QString format = QString::fromLatin1(kFormatName);
    if (top.value(u"format"_s).toString() != format) {
        //: %1 = the format name this file must declare
        p.fail(u"format"_s,
               tr("expected \"%1\", got %2")
                   .arg(format,
                        top.contains(u"format"_s) ? JsonReader::describe(top.value(u"format"_s))
                                                  : tr("nothing")));
        return p.error();
    }
    const QJsonValue version = top.value(u"version"_s);
    if (!version.isDouble()) {
        p.fail(u"version"_s, tr("required (this TiDesk writes %1)").arg(kFormatVersion));
        return p.error();
    }
    if (version.toDouble() != double(kFormatVersion)) {
        //: %1 = version in the file, %2 = the version this TiDesk reads
        p.fail(u"version"_s,
               tr("%1 is not supported (this TiDesk reads version %2; a newer TiDesk wrote this "
                  "file?)")
                   .arg(version.toDouble())
                   .arg(kFormatVersion));
        return p.error();
    }
    const QJsonValue list = top.value(u"schedules"_s);
    if (!list.isArray()) {
        p.fail(u"schedules"_s, tr("required array is missing"));
        return p.error();
    }
    ScheduleSet set;
    QSet<QString> ids;
    const QJsonArray a = list.toArray();
    for (qsizetype i = 0; i < a.size(); ++i) {
        const QString at = JsonReader::index(u"schedules"_s, i);
        if (!a.at(i).isObject()) {
            p.fail(at, tr("expected an object, got %1").arg(JsonReader::describe(a.at(i))));
            return p.error();
        }
        const QJsonObject o = a.at(i).toObject();
        BackupSchedule s;
        s.createdAt = defaultCreatedAt.isValid() ? defaultCreatedAt.toUTC() : QDateTime();
        if (!p.string(o.value(u"id"_s), at + u".id"_s, &s.id, true))
            return p.error();
        //: error context: %1 = schedule id, %2 = its position, e.g. schedules[2]
        p.setContext(tr("schedule \"%1\" (%2)").arg(s.id, at));
        if (ids.contains(s.id)) {
            p.fail(u"id"_s, tr("another schedule has the same id"));
            return p.error();
        }
        ids.insert(s.id);
        if (!parseSchedule(p, o, &s))
            return p.error();
        set.schedules << s;
        p.setContext({});
    }
    return set;
}

QByteArray ScheduleSet::toJson() const
{
    QJsonArray list;
    for (const BackupSchedule &s : schedules)
        list.append(s.toJson());
    const QJsonObject top { { u"format"_s, QString::fromLatin1(kFormatName) },
                            { u"version"_s, kFormatVersion },
                            { u"schedules"_s, list } };
    return QJsonDocument(top).toJson(QJsonDocument::Indented);
}

Result<ScheduleSet> ScheduleSet::load(const QString &path)
{
    QFile f(path);
    if (!f.exists())
        return Error::make(ErrorKind::NotFound,
                           tr("The backup schedules file %1 does not exist.").arg(path));
    if (!f.open(QIODevice::ReadOnly))
        return Error::make(ErrorKind::Io, tr("Cannot read the backup schedules file %1.").arg(path),
                           f.errorString());
    const QFileInfo info(path);
    return fromJson(f.readAll(), info.fileName(), info.lastModified().toUTC());
}

Result<ScheduleSet> ScheduleSet::loadOrEmpty(const QString &path)
{
    if (!QFileInfo::exists(path))
        return ScheduleSet {};
    return load(path);
}

VoidResult ScheduleSet::save(const QString &path) const
{
    if (const QString problem = validate(); !problem.isEmpty())
        return Error::make(ErrorKind::InvalidInput, problem);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile f(path);
    const QByteArray data = toJson();
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size() || !f.commit())
        return Error::make(ErrorKind::Io,
                           tr("Cannot write the backup schedules file %1.").arg(path),
                           f.errorString());
    return {};
}

QString ScheduleSet::validate() const
{
    QSet<QString> ids;
    for (const BackupSchedule &s : schedules) {
        if (const QString problem = s.validate(); !problem.isEmpty())
            //: %1 = schedule id, %2 = "field: problem"
            return tr("schedule \"%1\": %2").arg(s.id, problem);
        if (ids.contains(s.id))
            return tr("schedule \"%1\": id: another schedule has the same id").arg(s.id);
        ids.insert(s.id);
    }
    return {};
}

const BackupSchedule *ScheduleSet::schedule(const QString &id) const
{
    for (const BackupSchedule &s : schedules)
        if (s.id == id)
            return &s;
    return nullptr;
}

VoidResult ScheduleSet::add(const BackupSchedule &s)
{
    if (const QString problem = s.validate(); !problem.isEmpty())
        return Error::make(ErrorKind::InvalidInput, tr("schedule \"%1\": %2").arg(s.id, problem));
    if (schedule(s.id))
        return Error::make(ErrorKind::InvalidInput,
                           tr("schedule \"%1\": id: another schedule has the same id").arg(s.id));
    schedules << s;
    return {};
}

VoidResult ScheduleSet::remove(const QString &id)
{
    for (qsizetype i = 0; i < schedules.size(); ++i) {
        if (schedules.at(i).id == id) {
            schedules.removeAt(i);
            return {};
        }
    }
    return Error::make(ErrorKind::NotFound, tr("No backup schedule %1.").arg(id));
}

VoidResult ScheduleSet::replace(const BackupSchedule &s)
{
    if (const QString problem = s.validate(); !problem.isEmpty())
        return Error::make(ErrorKind::InvalidInput, tr("schedule \"%1\": %2").arg(s.id, problem));
    for (BackupSchedule &existing : schedules) {
        if (existing.id == s.id) {
            existing = s;
            return {};
        }
    }
    return Error::make(ErrorKind::NotFound, tr("No backup schedule %1.").arg(s.id));
}

QList<BackupSchedule> ScheduleSet::due(const QDateTime &now, const LastRunOf &lastRunOf) const
{
    QList<BackupSchedule> result;
    for (const BackupSchedule &s : schedules)
        if (s.enabled && s.isDue(now, lastRunOf ? lastRunOf(s) : QDateTime()))
            result << s;
    return result;
}

QList<BackupJob> ScheduleSet::retentionVictims(const BackupSchedule &schedule,
                                               const QList<BackupJob> &history)
{
    if (schedule.keep <= 0)
        return {};
    QList<BackupJob> good;
    for (const BackupJob &j : history) {
        if (j.envName != schedule.envName || j.kind != schedule.kind
            || j.status != BackupJob::Status::Succeeded)
            continue;
        // Shell jobs record their directory (root); BR/SQL jobs their storage URL (target).
        const QString where = j.root.isEmpty() ? j.target : QString(j.root + u'/' + j.id);
        if (!schedule.target.isEmpty() && !isUnder(where, schedule.target))
            continue;
        good << j;
    }
    std::stable_sort(good.begin(), good.end(), [](const BackupJob &a, const BackupJob &b) {
        const QDateTime ta = jobTime(a);
        const QDateTime tb = jobTime(b);
        if (ta != tb)
            return ta > tb;
        return a.id > b.id;
    });
    return good.mid(schedule.keep);
}

} // namespace TiDesk
