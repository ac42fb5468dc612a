#include "ChartCatalog.h"

#include "metrics/MetricRange.h"

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

// The MySQL statement counters shown on the QPS chart: the ones that carry the load on an OLTP
// server (mysqld_exporter: Com_xxx -> mysql_global_status_commands_total{command="xxx"}).
const QString kMysqlCommands = u"select|insert|update|delete|replace|begin|commit|rollback"_s;

QString histogramQuantile(double q, const QString &buckets, const QString &window)
{
    return u"histogram_quantile(%1, sum(rate(%2[%3])) by (le))"_s.arg(q).arg(buckets, window);
}

QList<ChartDef> tidbCharts(const QString &sel, qint64 stepMs)
{
    const QString w = MetricRange::rateWindow(stepMs);
    const auto s = [&](const QString &name, const QString &fixed = {}) {
        return ChartCatalog::series(name, fixed, sel);
    };
    const QString buckets
        = s(u"tidb_server_handle_query_duration_seconds_bucket"_s, u"sql_type!=\"internal\""_s);
    const QString components = u"job=~\"tidb|tikv|pd\""_s;
    return {
        { u"qps"_s,
          ChartCatalog::tr("QPS by statement type"),
          MetricUnit::PerSecond,
          { { u"sum(rate(%1[%2])) by (type)"_s.arg(s(u"tidb_executor_statement_total"_s), w),
              LegendSpec::byLabel(u"type"_s) },
            { u"sum(rate(%1[%2]))"_s.arg(s(u"tidb_executor_statement_total"_s), w),
              LegendSpec::fixedText(ChartCatalog::tr("total")) } },
          {} },
        { u"latency"_s,
          ChartCatalog::tr("Query latency (p99, p95)"),
          MetricUnit::Seconds,
          { { histogramQuantile(0.99, buckets, w), LegendSpec::fixedText(u"p99"_s) },
            { histogramQuantile(0.95, buckets, w), LegendSpec::fixedText(u"p95"_s) } },
          {} },
        { u"connections"_s,
          ChartCatalog::tr("Connections per TiDB"),
          MetricUnit::Count,
          { { u"sum(%1) by (instance)"_s.arg(s(u"tidb_server_connections"_s)),
              LegendSpec::byLabel(u"instance"_s) } },
          {} },
        { u"cpu"_s,
          ChartCatalog::tr("CPU (cores) per node"),
          MetricUnit::Cores,
          { { u"sum(rate(%1[%2])) by (job, instance)"_s.arg(
                  s(u"process_cpu_seconds_total"_s, components), w),
              LegendSpec::byLabels({ u"job"_s, u"instance"_s }) } },
          {} },
        { u"memory"_s,
          ChartCatalog::tr("Memory (resident) per node"),
          MetricUnit::Bytes,
          { { u"sum(%1) by (job, instance)"_s.arg(
                  s(u"process_resident_memory_bytes"_s, components)),
              LegendSpec::byLabels({ u"job"_s, u"instance"_s }) } },
          {} },
        { u"store_size"_s,
          ChartCatalog::tr("TiKV store size (used, capacity)"),
          MetricUnit::Bytes,
          { { u"sum(%1) by (instance, type)"_s.arg(
                  s(u"tikv_store_size_bytes"_s, u"type=~\"used|capacity\""_s)),
              LegendSpec::byLabels({ u"instance"_s, u"type"_s }) } },
          {} },
    };
}

QList<ChartDef> mysqlCharts(const QString &sel, qint64 stepMs)
{
    const QString w = MetricRange::rateWindow(stepMs);
    const auto s = [&](const QString &name, const QString &fixed = {}) {
        return ChartCatalog::series(name, fixed, sel);
    };
    const auto sum = [&](const QString &name) {
        return u"sum(%1)"_s.arg(s(name));
    };
    return {
        { u"qps"_s,
          ChartCatalog::tr("QPS by statement type"),
          MetricUnit::PerSecond,
          { { u"sum(rate(%1[%2])) by (command)"_s.arg(s(u"mysql_global_status_commands_total"_s,
                                                        u"command=~\"%1\""_s.arg(kMysqlCommands)),
                                                      w),
              LegendSpec::byLabel(u"command"_s) },
            { u"sum(rate(%1[%2]))"_s.arg(s(u"mysql_global_status_queries"_s), w),
              LegendSpec::fixedText(ChartCatalog::tr("queries (total)")) } },
          {} },
        { u"latency"_s,
          ChartCatalog::tr("Query latency (p99, p95)"),
          MetricUnit::Seconds,
          {},
          ChartCatalog::tr(
              "mysqld_exporter has no query latency distribution (no histogram of statement "
              "durations), so no p99/p95 can be computed from it. Use the slow query log, or "
              "performance_schema digests (events_statements_summary_by_digest).") },
        { u"connections"_s,
          ChartCatalog::tr("Connections"),
          MetricUnit::Count,
          { { sum(u"mysql_global_status_threads_connected"_s),
              LegendSpec::fixedText(ChartCatalog::tr("connected")) },
            { sum(u"mysql_global_status_threads_running"_s),
              LegendSpec::fixedText(ChartCatalog::tr("running")) },
            { sum(u"mysql_global_variables_max_connections"_s),
              LegendSpec::fixedText(u"max_connections"_s) } },
          {} },
        { u"buffer_pool"_s,
          ChartCatalog::tr("InnoDB buffer pool"),
          MetricUnit::Bytes,
          { { sum(u"mysql_global_variables_innodb_buffer_pool_size"_s),
              LegendSpec::fixedText(ChartCatalog::tr("size")) },
            { sum(u"mysql_global_status_innodb_buffer_pool_bytes_data"_s),
              LegendSpec::fixedText(ChartCatalog::tr("data")) },
            { sum(u"mysql_global_status_innodb_buffer_pool_bytes_dirty"_s),
              LegendSpec::fixedText(ChartCatalog::tr("dirty")) } },
          {} },
        { u"threads"_s,
          ChartCatalog::tr("Threads"),
          MetricUnit::Count,
          { { sum(u"mysql_global_status_threads_running"_s),
              LegendSpec::fixedText(ChartCatalog::tr("running")) },
            { sum(u"mysql_global_status_threads_connected"_s),
              LegendSpec::fixedText(ChartCatalog::tr("connected")) },
            { sum(u"mysql_global_status_threads_cached"_s),
              LegendSpec::fixedText(ChartCatalog::tr("cached")) } },
          {} },
        { u"cpu"_s,
          ChartCatalog::tr("CPU (cores)"),
          MetricUnit::Cores,
          {},
          ChartCatalog::tr("mysqld_exporter does not report the CPU of mysqld: its "
                           "process_cpu_seconds_total is the exporter's own process. Host CPU "
                           "needs node_exporter.") },
        { u"memory"_s,
          ChartCatalog::tr("Memory (resident)"),
          MetricUnit::Bytes,
          {},
          ChartCatalog::tr("mysqld_exporter does not report the memory of mysqld: its "
                           "process_resident_memory_bytes is the exporter's own process. Host "
                           "memory needs node_exporter.") },
    };
}

} // namespace

QString ChartCatalog::normalizedSelector(const QString &selector)
{
    QString s = selector.trimmed();
    if (s.startsWith(u'{') && s.endsWith(u'}'))
        s = s.mid(1, s.size() - 2).trimmed();
    while (s.endsWith(u','))
        s = s.chopped(1).trimmed();
    while (s.startsWith(u','))
        s = s.mid(1).trimmed();
    return s;
}

QString ChartCatalog::series(const QString &name, const QString &fixed, const QString &selector)
{
    QStringList matchers;
    if (!fixed.isEmpty())
        matchers << fixed;
    if (const QString sel = normalizedSelector(selector); !sel.isEmpty())
        matchers << sel;
    if (matchers.isEmpty())
        return name;
    return name + u'{' + matchers.join(u',') + u'}';
}

QStringList ChartCatalog::chartIds(Engine engine)
{
    QStringList ids;
    for (const ChartDef &c : charts(engine, {}, MetricRange::kMinStepMs))
        ids << c.id;
    return ids;
}

QList<ChartDef> ChartCatalog::charts(Engine engine, const QString &selector, qint64 stepMs)
{
    switch (engine) {
    case Engine::TiDB: return tidbCharts(selector, stepMs);
    case Engine::MySQL:
    case Engine::MariaDB: return mysqlCharts(selector, stepMs);
    case Engine::Unknown: break;
    }
    return {};
}

Result<ChartDef> ChartCatalog::chart(Engine engine, const QString &id, const QString &selector,
                                     qint64 stepMs)
{
    const QList<ChartDef> all = charts(engine, selector, stepMs);
    for (const ChartDef &c : all) {
        if (c.id != id)
            continue;
        if (!c.isSupported())
            return Error::make(
                ErrorKind::Unsupported,
                //: %1 = chart title, %2 = engine (TiDB/MySQL/MariaDB), %3 = why
                tr("%1 is not available for %2: %3")
                    .arg(c.title, EngineInfo::engineDisplayName(engine), c.unsupportedReason));
        return c;
    }
    QStringList ids;
    for (const ChartDef &c : all)
        ids << (c.isSupported() ? c.id : tr("%1 (not available)").arg(c.id));
    if (ids.isEmpty())
        return Error::make(
            ErrorKind::NotFound,
            tr("No charts for engine %1.").arg(EngineInfo::engineDisplayName(engine)));
    return Error::make(ErrorKind::NotFound,
                       //: %1 = chart id typed, %2 = engine, %3 = list of chart ids
                       tr("Unknown chart '%1'. Charts for %2: %3")
                           .arg(id, EngineInfo::engineDisplayName(engine), ids.join(u", "_s)));
}

FleetQueries ChartCatalog::fleetQueries(Engine engine, const QString &selector)
{
    const QString w = u"1m"_s;
    FleetQueries q;
    switch (engine) {
    case Engine::TiDB:
        q.qps = u"sum(rate(%1[%2]))"_s.arg(series(u"tidb_executor_statement_total"_s, {}, selector),
                                           w);
        q.p99Ms = histogramQuantile(0.99,
                                    series(u"tidb_server_handle_query_duration_seconds_bucket"_s,
                                           u"sql_type!=\"internal\""_s, selector),
                                    w)
            + u" * 1000"_s;
        q.connections = u"sum(%1)"_s.arg(series(u"tidb_server_connections"_s, {}, selector));
        break;
    case Engine::MySQL:
    case Engine::MariaDB:
        q.qps
            = u"sum(rate(%1[%2]))"_s.arg(series(u"mysql_global_status_queries"_s, {}, selector), w);
        q.connections
            = u"sum(%1)"_s.arg(series(u"mysql_global_status_threads_connected"_s, {}, selector));
        break;
    case Engine::Unknown: break;
    }
    return q;
}

} // namespace TiDesk
