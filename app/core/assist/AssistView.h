// AssistView: one snapshot of a view the host shares with the expert (issue 7): the fleet, the
// live sessions, slow queries by digest or health charts of one environment, or the alerts -
// reduced to text cells the host would show anyway (no passwords, no addresses beyond what the
// pages show). It crosses as the "view" message. Plain value type: any thread.
#pragma once

#include "common/Error.h"
#include "common/TimeSeries.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QPointF>
#include <QStringList>

#include <optional>

namespace TiDesk {

struct AssistView
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::AssistView)
public:
    enum class Kind { Fleet, Sessions, SlowDigests, Alerts, Health };

    // Health: one line of a chart over the last hour (at most kMaxPoints points).
    struct Series
    {
        QString chart; // translated chart title
        QString legend;
        MetricUnit unit = MetricUnit::Count;
        QList<QPointF> points; // x = ms since the epoch (UTC)
        bool operator==(const Series &) const = default;
    };
    static constexpr int kMaxPoints = 120;

    Kind kind = Kind::Fleet;
    QString environment; // empty for Fleet and Alerts (every shared environment)
    QDateTime atUtc;
    QStringList columns; // translated on the host (the expert shows them as they come)
    QList<QStringList> rows;
    QString note; // one line under the table ("last hour, 1,204 statements read")
    QString error; // why the view could not be read (empty when it was)
    QList<Series> series; // Health only: the charts' lines, for drawing

    [[nodiscard]] QJsonObject toJson() const; // the "view" message (with "t")
    [[nodiscard]] static AssistView fromJson(const QJsonObject &o);
    [[nodiscard]] static QString kindName(Kind k); // stable: fleet, sessions, slow, alerts
    [[nodiscard]] static std::optional<Kind> kindFromName(const QString &name);
    [[nodiscard]] static QString kindTitle(Kind k); // translated
    [[nodiscard]] static bool needsEnvironment(Kind k)
    {
        return k == Kind::Sessions || k == Kind::SlowDigests || k == Kind::Health;
    }
};

} // namespace TiDesk

Q_DECLARE_METATYPE(TiDesk::AssistView)
