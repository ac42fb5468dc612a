#include "AlertmanagerParser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

// The first line of a body, short and printable, for an error's detail.
QString snippet(const QByteArray &body)
{
    QString s = QString::fromUtf8(body.left(200)).simplified();
    if (body.size() > 200)
        s += u'\u2026';
    return s;
}

QDateTime parseTime(const QJsonValue &v)
{
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(v.toString(), Qt::ISODate);
    return t.toUTC();
}

} // namespace

Result<AlertmanagerParser::Parsed>
AlertmanagerParser::parseAlerts(const QByteArray &body, int httpStatus, const QString &url)
{
    const QByteArray trimmed = body.trimmed();
    const bool looksHtml = trimmed.startsWith('<');
    if (httpStatus != 200) {
        // Alertmanager's own errors are JSON strings or {"message": ...}; proxies answer HTML.
        QString why;
        const QJsonDocument doc = QJsonDocument::fromJson(trimmed);
        if (doc.isObject())
            why = doc.object()
                      .value(u"message"_s)
                      .toString(doc.object().value(u"error"_s).toString());
        if (why.isEmpty())
            why = looksHtml ? tr("an HTML page") : snippet(trimmed);
        return Error::make(
            ErrorKind::Server,
            //: %1 = URL, %2 = HTTP status, %3 = what it said
            tr("Alertmanager at %1 answered HTTP %2: %3").arg(url).arg(httpStatus).arg(why),
            snippet(trimmed));
    }
    if (looksHtml)
        return Error::make(
            ErrorKind::InvalidInput,
            tr("%1 answered with an HTML page, not the Alertmanager API: check the URL "
               "(it should be the Alertmanager itself, e.g. http://host:9093)")
                .arg(url),
            snippet(trimmed));
    QJsonParseError perr {};
    const QJsonDocument doc = QJsonDocument::fromJson(trimmed, &perr);
    if (perr.error != QJsonParseError::NoError)
        return Error::make(ErrorKind::InvalidInput,
                           tr("%1 did not answer with JSON (%2 at byte %3): is it an Alertmanager?")
                               .arg(url, perr.errorString())
                               .arg(perr.offset),
                           snippet(trimmed));
    if (!doc.isArray())
        return Error::make(
            ErrorKind::InvalidInput,
            tr("%1 answered JSON that is not a list of alerts: is it an Alertmanager (API v2)?")
                .arg(url),
            snippet(trimmed));

    Parsed out;
    for (const QJsonValue &v : doc.array()) {
        const QJsonObject o = v.toObject();
        const QJsonObject labels = o.value(u"labels"_s).toObject();
        if (!v.isObject() || labels.isEmpty()) {
            ++out.skipped;
            continue;
        }
        Alert a;
        for (auto it = labels.begin(); it != labels.end(); ++it)
            a.labels.insert(it.key(), it.value().toString());
        a.name = a.labels.value(u"alertname"_s);
        a.level = Alert::levelFromLabels(a.labels, &a.levelLabel);
        const QJsonObject ann = o.value(u"annotations"_s).toObject();
        a.description = ann.value(u"description"_s).toString();
        a.summary = ann.value(u"summary"_s).toString();
        if (a.summary.isEmpty())
            a.summary = a.description.isEmpty() ? a.name : a.description;
        a.startsAt = parseTime(o.value(u"startsAt"_s));
        a.endsAt = parseTime(o.value(u"endsAt"_s));
        const QJsonObject status = o.value(u"status"_s).toObject();
        a.state = status.value(u"state"_s).toString();
        for (const QJsonValue &s : status.value(u"silencedBy"_s).toArray())
            a.silencedBy << s.toString();
        a.fingerprint = o.value(u"fingerprint"_s).toString();
        a.generatorUrl = o.value(u"generatorURL"_s).toString();
        out.alerts << a;
    }
    std::sort(out.alerts.begin(), out.alerts.end(), &Alert::sortsBefore);
    return out;
}

} // namespace TiDesk
