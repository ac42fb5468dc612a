// FleetSample: what the fleet page, `tidesk-cli fleet status` and the fleet bench know about one
// environment after a refresh: reachable or not, engine and version, uptime, connections, QPS,
// p99 latency, alert counts by level, last error, and a short QPS history for the sparkline.
// QPS and p99 come from Prometheus when the environment has one configured and it answers,
// otherwise QPS is derived from the SQL status counters sampled on consecutive refreshes (p99 is
// then unknown: SQL counters carry no latency distribution).
// Plain value type; copied from the pool threads that sample to the GUI thread.
#pragma once

#include "alerts/Alert.h"
#include "common/Error.h"
#include "sql/EngineInfo.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QUuid>

#include <cmath>
#include <limits>

namespace TiDesk {

struct FleetSample
{
    enum class State {
        Unknown, // never sampled yet
        Ok, // reachable, no alert worse than warning
        Degraded, // reachable, but a critical/emergency alert is active or Prometheus failed
        Down, // not reachable over SQL
    };
    enum class MetricSource { None, Sql, Prometheus };

    static constexpr double kUnknown = std::numeric_limits<double>::quiet_NaN();

    QUuid environmentId;
    QString name;
    State state = State::Unknown;
    EngineInfo engine; // valid when reachable (or from the last successful sample)
    qint64 uptimeSeconds = -1; // -1 unknown
    qint64 connections = -1; // threads connected / sessions; -1 unknown
    double qps = kUnknown; // queries per second over the last interval; NaN unknown
    double p99Ms = kUnknown; // 99th percentile query latency in ms; NaN unknown
    MetricSource qpsSource = MetricSource::None;
    MetricSource p99Source = MetricSource::None;
    QMap<AlertLevel, int> alertCounts; // active alerts by level (absent = 0)
    Error lastError; // kind None when the last refresh succeeded
    QDateTime lastErrorAt; // UTC
    QDateTime sampledAt; // UTC, when this sample was taken
    qint64 latencyMs = -1; // SQL round trip of the sample
    QList<double> qpsHistory; // oldest first, at most kHistoryLength values (NaN = no sample)

    static constexpr int kHistoryLength = 60;

    [[nodiscard]] bool reachable() const { return state == State::Ok || state == State::Degraded; }
    [[nodiscard]] int alertCount(AlertLevel level) const { return alertCounts.value(level, 0); }
    [[nodiscard]] static bool known(double v) { return !std::isnan(v); }
};

using FleetSampleList = QList<FleetSample>;

} // namespace TiDesk

Q_DECLARE_METATYPE(TiDesk::FleetSample)
