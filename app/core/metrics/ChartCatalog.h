// ChartCatalog: the charts TiDesk draws for each engine, written once: a stable id ("qps",
// "latency", ...), a translated title, the MetricUnit, and the PromQL queries (each with how its
// series are named). TiDB follows the official dashboards (docs/tidb-reference.md §8.2),
// MySQL/MariaDB follow mysqld_exporter (§8.3). Charts an engine's exporter cannot feed honestly
// (mysqld_exporter has no latency distribution, and its process_* series are the exporter's own
// CPU/memory, not mysqld's) are listed with an Unsupported reason instead of wrong data.
//
// Every query takes extra label matchers (`selector`, e.g. `env="prod"`), because environments
// can share one Prometheus; the rate() windows follow the step (MetricRange::rateWindow).
// Also the fleet's instant queries (QPS total, p99 in ms for TiDB, connections).
// Pure; any thread.
#pragma once

#include "common/Result.h"
#include "common/TimeSeries.h"
#include "metrics/PromParser.h"
#include "sql/EngineInfo.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace TiDesk {

struct ChartQuery
{
    QString promql;
    LegendSpec legend;
};

struct ChartDef
{
    QString id; // stable: used by the CLI (--chart), settings and tests
    QString title; // translated
    MetricUnit unit = MetricUnit::Count;
    QList<ChartQuery> queries; // empty when unsupported
    QString unsupportedReason; // translated; non-empty = this engine cannot draw it

    [[nodiscard]] bool isSupported() const { return unsupportedReason.isEmpty(); }
};

// Instant queries for one environment's row on the fleet page (empty = not available).
struct FleetQueries
{
    QString qps; // queries per second, summed over the environment
    QString p99Ms; // 99th percentile query latency in MILLISECONDS (TiDB only)
    QString connections; // open client connections, summed
};

class ChartCatalog
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::ChartCatalog)

public:
    // Every chart id of an engine, in display order (supported or not). MySQL and MariaDB share
    // one list; Unknown gives none.
    [[nodiscard]] static QStringList chartIds(Engine engine);
    // All charts of an engine with their queries built for selector and step.
    [[nodiscard]] static QList<ChartDef> charts(Engine engine, const QString &selector,
                                                qint64 stepMs);
    // One chart: NotFound for an unknown id (the message lists the engine's charts),
    // Unsupported when the engine's exporter cannot feed it (the message says why).
    [[nodiscard]] static Result<ChartDef> chart(Engine engine, const QString &id,
                                                const QString &selector, qint64 stepMs);
    [[nodiscard]] static FleetQueries fleetQueries(Engine engine, const QString &selector);

    // `name{fixed,selector}`: fixed and selector are label matchers without braces; either may
    // be empty. The selector may be written with or without its braces (`{env="prod"}`).
    [[nodiscard]] static QString series(const QString &name, const QString &fixed,
                                        const QString &selector);
    // The selector as matchers without the outer braces or trailing commas ("" when none).
    [[nodiscard]] static QString normalizedSelector(const QString &selector);
};

} // namespace TiDesk
