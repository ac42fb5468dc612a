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

// The text of an Alertmanager error body: a JSON string ("silence not found"), an object with
// "message" or "error", else the raw start of the body ("an HTML page" for HTML).
QString errorText(const QByteArray &trimmed)
{
    if (trimmed.startsWith('"')) {
        // A top-level JSON string: parse it as the only element of an array to unescape it.
        const QJsonDocument doc = QJsonDocument::fromJson('[' + trimmed + ']');
        if (doc.isArray() && doc.array().size() == 1 && doc.array().at(0).isString())
            return doc.array().at(0).toString().trimmed();
    }
    const QJsonDocument doc = QJsonDocument::fromJson(trimmed);
    if (doc.isObject()) {
        const QJsonObject o = doc.object();
        const QString why = o.value(u"message"_s).toString(o.value(u"error"_s).toString());
        if (!why.isEmpty())
            return why;
    }
    if (trimmed.startsWith('<'))
        return AlertmanagerParser::tr("an HTML page");
    return snippet(trimmed);
}

QDateTime parseTime(const QJsonValue &v)
{
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(v.toString(), Qt::ISODate);
    return t.toUTC();
}

int stateRank(const QString &state)
{
    if (state == u"active")
        return 0;
    if (state == u"pending")
        return 1;
    return 2;
}

} // namespace

Error AlertmanagerParser::httpError(const QByteArray &body, int httpStatus, const QString &url)
{
    const QByteArray trimmed = body.trimmed();
    const QString why = errorText(trimmed);
    // Alertmanager says "silence not found" with HTTP 500; a 404 is a wrong URL, not a silence.
    const bool notFound = why.contains(u"silence not found"_s, Qt::CaseInsensitive);
    return Error::make(
        notFound ? ErrorKind::NotFound : ErrorKind::Server,
        //: %1 = URL, %2 = HTTP status, %3 = what it said
        tr("Alertmanager at %1 answered HTTP %2: %3").arg(url).arg(httpStatus).arg(why),
        snippet(trimmed));
}

Result<AlertmanagerParser::Parsed>
AlertmanagerParser::parseAlerts(const QByteArray &body, int httpStatus, const QString &url)
{
    const QByteArray trimmed = body.trimmed();
    const bool looksHtml = trimmed.startsWith('<');
    if (httpStatus != 200)
        return httpError(body, httpStatus, url);
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

Result<AlertmanagerParser::ParsedSilences> AlertmanagerParser::parseSilences(const QByteArray &body,
                                                                             int httpStatus,
                                                                             const QString &url,
                                                                             bool activeOnly)
{
    if (httpStatus != 200)
        return httpError(body, httpStatus, url);
    const QByteArray trimmed = body.trimmed();
    if (trimmed.startsWith('<'))
        return Error::make(
            ErrorKind::InvalidInput,
            tr("%1 answered with an HTML page, not the Alertmanager API: check the URL "
               "(it should be the Alertmanager itself, e.g. http://host:9093)")
                .arg(url),
            snippet(trimmed));
    QJsonParseError perr {};
    const QJsonDocument doc = QJsonDocument::fromJson(trimmed, &perr);
    if (perr.error != QJsonParseError::NoError || !doc.isArray())
        return Error::make(
            ErrorKind::InvalidInput,
            tr("%1 did not answer with a list of silences: is it an Alertmanager (API v2)?")
                .arg(url),
            snippet(trimmed));
    ParsedSilences out;
    for (const QJsonValue &v : doc.array()) {
        const QJsonObject o = v.toObject();
        const QString id = o.value(u"id"_s).toString();
        const QJsonArray matchers = o.value(u"matchers"_s).toArray();
        if (!v.isObject() || id.isEmpty() || matchers.isEmpty()) {
            ++out.skipped;
            continue;
        }
        Silence s;
        s.id = id;
        for (const QJsonValue &m : matchers) {
            const QJsonObject mo = m.toObject();
            SilenceMatcher sm;
            sm.name = mo.value(u"name"_s).toString();
            sm.value = mo.value(u"value"_s).toString();
            sm.isRegex = mo.value(u"isRegex"_s).toBool();
            sm.isEqual = mo.value(u"isEqual"_s).toBool(true); // absent before Alertmanager 0.22
            if (!sm.name.isEmpty())
                s.matchers << sm;
        }
        s.startsAt = parseTime(o.value(u"startsAt"_s));
        s.endsAt = parseTime(o.value(u"endsAt"_s));
        s.createdBy = o.value(u"createdBy"_s).toString();
        s.comment = o.value(u"comment"_s).toString();
        s.state = o.value(u"status"_s).toObject().value(u"state"_s).toString();
        if (activeOnly && !s.isActive())
            continue;
        out.silences << s;
    }
    std::stable_sort(out.silences.begin(), out.silences.end(),
                     [](const Silence &a, const Silence &b) {
                         const int ra = stateRank(a.state);
                         const int rb = stateRank(b.state);
                         return ra != rb ? ra < rb : a.endsAt < b.endsAt;
                     });
    return out;
}

Result<QString> AlertmanagerParser::parseSilenceCreated(const QByteArray &body, int httpStatus,
                                                        const QString &url)
{
    if (httpStatus != 200)
        return httpError(body, httpStatus, url);
    const QJsonDocument doc = QJsonDocument::fromJson(body.trimmed());
    const QString id = doc.object().value(u"silenceID"_s).toString();
    if (id.isEmpty())
        return Error::make(ErrorKind::InvalidInput,
                           tr("%1 accepted the silence but did not say its id: is it an "
                              "Alertmanager (API v2)?")
                               .arg(url),
                           snippet(body.trimmed()));
    return id;
}

VoidResult AlertmanagerParser::parseSilenceExpired(const QByteArray &body, int httpStatus,
                                                   const QString &url)
{
    if (httpStatus != 200)
        return httpError(body, httpStatus, url);
    return {};
}

} // namespace TiDesk
