#include "AssistView.h"

#include "AssistMessage.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace TiDesk {

QString AssistView::kindName(Kind k)
{
    switch (k) {
    case Kind::Fleet: return u"fleet"_s;
    case Kind::Sessions: return u"sessions"_s;
    case Kind::SlowDigests: return u"slow"_s;
    case Kind::Alerts: return u"alerts"_s;
    case Kind::Health: return u"health"_s;
    }
    return {};
}

std::optional<AssistView::Kind> AssistView::kindFromName(const QString &name)
{
    for (Kind k : { Kind::Fleet, Kind::Sessions, Kind::SlowDigests, Kind::Alerts, Kind::Health })
        if (kindName(k) == name)
            return k;
    return std::nullopt;
}

QString AssistView::kindTitle(Kind k)
{
    switch (k) {
    case Kind::Fleet: return tr("Fleet");
    case Kind::Sessions: return tr("Live sessions");
    case Kind::SlowDigests: return tr("Slow queries by digest");
    case Kind::Alerts: return tr("Alerts");
    case Kind::Health: return tr("Health charts");
    }
    return {};
}

namespace {

struct UnitName
{
    MetricUnit unit;
    const char *name;
};
constexpr UnitName kUnits[] = {
    { MetricUnit::Count, "count" },     { MetricUnit::PerSecond, "per_second" },
    { MetricUnit::Seconds, "seconds" }, { MetricUnit::Bytes, "bytes" },
    { MetricUnit::Ratio, "ratio" },     { MetricUnit::Cores, "cores" },
};

QString unitName(MetricUnit u)
{
    for (const UnitName &n : kUnits)
        if (n.unit == u)
            return QString::fromLatin1(n.name);
    return u"count"_s;
}

MetricUnit unitFromName(const QString &name)
{
    for (const UnitName &n : kUnits)
        if (name == QLatin1String(n.name))
            return n.unit;
    return MetricUnit::Count;
}

} // namespace

QJsonObject AssistView::toJson() const
{
    QJsonArray rowArray;
    for (const QStringList &r : rows)
        rowArray.append(QJsonArray::fromStringList(r));
    QJsonArray seriesArray;
    for (const Series &s : series) {
        QJsonArray pts;
        for (const QPointF &p : s.points)
            pts.append(QJsonArray { p.x(), p.y() });
        seriesArray.append(QJsonObject { { u"chart"_s, s.chart },
                                         { u"legend"_s, s.legend },
                                         { u"unit"_s, unitName(s.unit) },
                                         { u"points"_s, pts } });
    }
    return QJsonObject {
        { u"series"_s, seriesArray },
        { u"t"_s, QString::fromLatin1(AssistMessage::kView) },
        { u"view"_s, kindName(kind) },
        { u"env"_s, environment },
        { u"at"_s, atUtc.toString(Qt::ISODateWithMs) },
        { u"columns"_s, QJsonArray::fromStringList(columns) },
        { u"rows"_s, rowArray },
        { u"note"_s, note },
        { u"error"_s, error },
    };
}

AssistView AssistView::fromJson(const QJsonObject &o)
{
    AssistView v;
    v.kind = kindFromName(o.value(u"view"_s).toString()).value_or(Kind::Fleet);
    v.environment = o.value(u"env"_s).toString();
    v.atUtc = QDateTime::fromString(o.value(u"at"_s).toString(), Qt::ISODateWithMs);
    for (const QJsonValue &c : o.value(u"columns"_s).toArray())
        v.columns << c.toString();
    for (const QJsonValue &r : o.value(u"rows"_s).toArray()) {
        QStringList cells;
        for (const QJsonValue &c : r.toArray())
            cells << c.toString();
        v.rows << cells;
    }
    v.note = o.value(u"note"_s).toString();
    v.error = o.value(u"error"_s).toString();
    for (const QJsonValue &sv : o.value(u"series"_s).toArray()) {
        const QJsonObject so = sv.toObject();
        Series s;
        s.chart = so.value(u"chart"_s).toString();
        s.legend = so.value(u"legend"_s).toString();
        s.unit = unitFromName(so.value(u"unit"_s).toString());
        const QJsonArray pts = so.value(u"points"_s).toArray();
        for (qsizetype i = 0; i < pts.size() && i < kMaxPoints; ++i) {
            const QJsonArray p = pts.at(i).toArray();
            s.points << QPointF(p.at(0).toDouble(), p.at(1).toDouble());
        }
        v.series << s;
        if (v.series.size() >= 64)
            break;
    }
    return v;
}

} // namespace TiDesk
