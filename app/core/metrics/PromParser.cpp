#include "PromParser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

// The start of a body, short and printable, for an error's detail.
QString snippet(const QByteArray &body)
{
    QString s = QString::fromUtf8(body.left(200)).simplified();
    if (body.size() > 200)
        s += u'\u2026';
    return s;
}

bool looksHtml(const QByteArray &trimmed)
{
    return trimmed.startsWith('<');
}

// One [unix_seconds, "value"] pair. False when it is not that shape; *finite false for NaN/Inf.
bool parsePoint(const QJsonValue &v, QPointF *point, bool *finite)
{
    const QJsonArray pair = v.toArray();
    if (!v.isArray() || pair.size() != 2 || !pair.at(0).isDouble() || !pair.at(1).isString())
        return false;
    bool ok = false;
    const QString text = pair.at(1).toString();
    double value = text.toDouble(&ok);
    if (!ok) {
        // Go's strconv.FormatFloat writes NaN, +Inf, -Inf; QString::toDouble knows "inf"/"nan"
        // in some spellings only, so map them explicitly.
        if (text == u"NaN")
            value = std::nan("");
        else if (text == u"+Inf" || text == u"Inf")
            value = INFINITY;
        else if (text == u"-Inf")
            value = -INFINITY;
        else
            return false;
    }
    *finite = std::isfinite(value);
    *point = QPointF(double(qRound64(pair.at(0).toDouble() * 1000.0)), value);
    return true;
}

QMap<QString, QString> labelsOf(const QJsonObject &metric)
{
    QMap<QString, QString> labels;
    for (auto it = metric.begin(); it != metric.end(); ++it)
        labels.insert(it.key(), it.value().toString());
    return labels;
}

} // namespace

QString PromParser::legendFor(const QMap<QString, QString> &labels, const LegendSpec &legend)
{
    if (!legend.fixed.isEmpty())
        return legend.fixed;
    QStringList parts;
    for (const QString &name : legend.labels)
        if (const QString v = labels.value(name); !v.isEmpty())
            parts << v;
    if (!parts.isEmpty())
        return parts.join(u' ');
    QStringList all;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        if (it.key() != u"__name__")
            all << u"%1=\"%2\""_s.arg(it.key(), it.value());
    if (all.isEmpty())
        return labels.value(u"__name__"_s);
    return u'{' + all.join(u", "_s) + u'}';
}

Result<PromParser::Parsed> PromParser::parse(const QByteArray &body, int httpStatus,
                                             const QString &url, const LegendSpec &legend)
{
    const QByteArray trimmed = body.trimmed();
    QJsonParseError perr {};
    const QJsonDocument doc = QJsonDocument::fromJson(trimmed, &perr);
    const QJsonObject root = doc.object();

    // The server's own error: {"status":"error","errorType":"bad_data","error":"..."}, normally
    // with HTTP 400 / 422 / 503, shown verbatim.
    if (doc.isObject() && root.value(u"status"_s).toString() == u"error") {
        const QString type = root.value(u"errorType"_s).toString();
        const QString text = root.value(u"error"_s).toString();
        ErrorKind kind = ErrorKind::Server;
        if (type == u"timeout")
            kind = ErrorKind::Timeout;
        else if (type == u"canceled")
            kind = ErrorKind::Cancelled;
        Error e = Error::make(kind,
                              //: %1 = URL, %2 = Prometheus errorType (bad_data ...), %3 = its text
                              tr("Prometheus at %1 refused the query (%2): %3")
                                  .arg(url, type.isEmpty() ? u"error"_s : type, text),
                              text);
        e.code = httpStatus;
        return e;
    }
    if (httpStatus != 200) {
        const QString why = trimmed.isEmpty() ? tr("an empty answer")
            : looksHtml(trimmed)              ? tr("an HTML page")
                                              : snippet(trimmed);
        Error e = Error::make(
            ErrorKind::Server,
            //: %1 = URL, %2 = HTTP status, %3 = what it said
            tr("Prometheus at %1 answered HTTP %2: %3").arg(url).arg(httpStatus).arg(why),
            snippet(trimmed));
        e.code = httpStatus;
        return e;
    }
    if (trimmed.isEmpty())
        return Error::make(ErrorKind::InvalidInput,
                           tr("%1 sent an empty answer: is it a Prometheus?").arg(url));
    if (looksHtml(trimmed))
        return Error::make(
            ErrorKind::InvalidInput,
            tr("%1 answered with an HTML page, not the Prometheus API: check the URL (it should "
               "be the Prometheus server itself, e.g. http://host:9090)")
                .arg(url),
            snippet(trimmed));
    if (perr.error != QJsonParseError::NoError)
        return Error::make(ErrorKind::InvalidInput,
                           tr("%1 did not answer with JSON (%2 at byte %3): is it a Prometheus?")
                               .arg(url, perr.errorString())
                               .arg(perr.offset),
                           snippet(trimmed));

    const QJsonObject data = root.value(u"data"_s).toObject();
    const QString resultType = data.value(u"resultType"_s).toString();
    const QJsonValue result = data.value(u"result"_s);
    const auto wrongShape = [&](const QString &what) {
        return Error::make(ErrorKind::InvalidInput,
                           //: %1 = URL, %2 = what was wrong
                           tr("%1 answered JSON that is not a Prometheus query result (%2): is it "
                              "the Prometheus HTTP API (/api/v1)?")
                               .arg(url, what),
                           snippet(trimmed));
    };
    if (!doc.isObject() || root.value(u"status"_s).toString() != u"success")
        return wrongShape(tr("no \"status\": \"success\""));
    if (!root.value(u"data"_s).isObject() || resultType.isEmpty())
        return wrongShape(tr("no data.resultType"));

    Parsed out;
    for (const QJsonValue &w : root.value(u"warnings"_s).toArray())
        out.warnings << w.toString();

    if (resultType == u"scalar") {
        out.type = ResultType::Scalar;
        QPointF p;
        bool finite = false;
        if (!parsePoint(result, &p, &finite))
            return wrongShape(tr("a scalar that is not [time, \"value\"]"));
        TimeSeries ts;
        ts.legend = legend.fixed.isEmpty() ? u"scalar"_s : legend.fixed;
        if (finite)
            ts.points << p;
        else
            ++out.droppedSamples;
        out.series << ts;
        return out;
    }
    if (resultType != u"vector" && resultType != u"matrix")
        return wrongShape(tr("result type \"%1\" is not a series").arg(resultType));
    if (!result.isArray())
        return wrongShape(tr("data.result is not a list"));

    const bool matrix = resultType == u"matrix";
    out.type = matrix ? ResultType::Matrix : ResultType::Vector;
    for (const QJsonValue &item : result.toArray()) {
        const QJsonObject o = item.toObject();
        if (!item.isObject() || !o.value(u"metric"_s).isObject())
            return wrongShape(tr("a series without \"metric\""));
        TimeSeries ts;
        ts.labels = labelsOf(o.value(u"metric"_s).toObject());
        ts.legend = legendFor(ts.labels, legend);
        const QJsonArray values
            = matrix ? o.value(u"values"_s).toArray() : QJsonArray { o.value(u"value"_s) };
        if (matrix && !o.value(u"values"_s).isArray())
            return wrongShape(tr("a matrix series without \"values\""));
        ts.points.reserve(values.size());
        for (const QJsonValue &v : values) {
            QPointF p;
            bool finite = false;
            if (!parsePoint(v, &p, &finite))
                return wrongShape(tr("a sample that is not [time, \"value\"]"));
            if (finite)
                ts.points << p;
            else
                ++out.droppedSamples;
        }
        out.series << ts;
    }
    std::stable_sort(out.series.begin(), out.series.end(),
                     [](const TimeSeries &a, const TimeSeries &b) { return a.legend < b.legend; });
    return out;
}

} // namespace TiDesk
