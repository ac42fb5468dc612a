#include "Silence.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace TiDesk {

QString SilenceMatcher::toString() const
{
    QString op = isEqual ? u"="_s : u"!="_s;
    if (isRegex)
        op = isEqual ? u"=~"_s : u"!~"_s;
    QString quoted = value;
    quoted.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s);
    return name + op + u'"' + quoted + u'"';
}

SilenceMatchers Silence::matchersFor(const Alert &alert)
{
    SilenceMatchers out;
    const QString name = alert.labels.value(u"alertname"_s, alert.name);
    if (name.isEmpty())
        return out;
    out.append({ u"alertname"_s, name, false, true });
    for (const QString &key : { u"env"_s, u"cluster"_s, u"instance"_s }) {
        const QString v = alert.labels.value(key);
        if (!v.isEmpty())
            out.append({ key, v, false, true });
    }
    return out;
}

QString Silence::currentUserName()
{
    for (const char *var : { "USER", "USERNAME", "LOGNAME" }) {
        const QString v = qEnvironmentVariable(var).trimmed();
        if (!v.isEmpty())
            return v;
    }
    return u"tidesk"_s;
}

VoidResult Silence::check() const
{
    if (matchers.isEmpty())
        return Error::make(ErrorKind::InvalidInput,
                           tr("A silence needs at least one matcher (the alert has no name)"));
    if (comment.trimmed().isEmpty())
        return Error::make(ErrorKind::InvalidInput,
                           tr("A silence needs a comment: say why the alert is muted"));
    if (!startsAt.isValid() || !endsAt.isValid() || startsAt.secsTo(endsAt) < 60)
        return Error::make(ErrorKind::InvalidInput, tr("A silence must last at least one minute"));
    return {};
}

Result<Silence> Silence::make(const SilenceMatchers &matchers, std::chrono::seconds duration,
                              const QString &comment, const QDateTime &now)
{
    Silence s;
    s.matchers = matchers;
    s.startsAt = now.toUTC();
    s.endsAt = s.startsAt.addSecs(duration.count());
    s.createdBy = currentUserName();
    s.comment = comment.trimmed();
    if (const VoidResult ok = s.check(); !ok)
        return ok.error();
    return s;
}

QByteArray Silence::toPostBody() const
{
    QJsonArray ms;
    for (const SilenceMatcher &m : matchers)
        ms.append(QJsonObject { { u"name"_s, m.name },
                                { u"value"_s, m.value },
                                { u"isRegex"_s, m.isRegex },
                                { u"isEqual"_s, m.isEqual } });
    QJsonObject o { { u"matchers"_s, ms },
                    { u"startsAt"_s, startsAt.toUTC().toString(Qt::ISODateWithMs) },
                    { u"endsAt"_s, endsAt.toUTC().toString(Qt::ISODateWithMs) },
                    { u"createdBy"_s, createdBy },
                    { u"comment"_s, comment } };
    if (!id.isEmpty())
        o.insert(u"id"_s, id); // an update of an existing silence
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace TiDesk
