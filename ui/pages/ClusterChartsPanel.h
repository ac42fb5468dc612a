// ClusterChartsPanel: the charts of one environment under the cluster page: a TimeRangePicker
// (15m … 7d, custom, auto-refresh) and one TimeSeriesChart per chart of the engine
// (ChartCatalog: QPS by type, latency, connections, CPU, memory, TiKV store size for TiDB;
// QPS, connections, buffer pool, threads for MariaDB/MySQL), fetched from the environment's
// Prometheus with its label selector. Charts the engine's exporter cannot feed are listed with the
// reason, never drawn with wrong data. When Prometheus fails, a banner says why and every chart
// keeps its last data greyed with the error on it; the next good answer shows the hole as a gap.
// Without a Prometheus URL the panel says what to configure.
// Threading: GUI thread; HTTP through QNetworkAccessManager (asynchronous); answers for a previous
// environment or range are dropped by generation.
#pragma once

#include "inventory/Environment.h"
#include "sql/EngineInfo.h"

#include <QHash>
#include <QWidget>

class QGridLayout;
class QLabel;
class QNetworkAccessManager;

namespace TiDesk {

class MessageBanner;
class PrometheusClient;
class SampleHistory;
class TimeRangePicker;
class TimeSeriesChart;

class ClusterChartsPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit ClusterChartsPanel(QWidget *parent = nullptr);

    // The environment and its engine (known after the first topology read or check).
    void setEnvironment(const Environment &env, Engine engine);
    // Where the charts come from when the environment has no Prometheus: the fleet poller's
    // samples (QPS from SQL counters, connections). Not owned; may be null.
    void setSqlHistory(const SampleHistory *history) { m_history = history; }
    [[nodiscard]] bool isSqlMode() const { return m_sqlMode; }
    // Shows [fromMs, toMs] (not live), e.g. the window around an alert.
    void showWindow(qint64 fromMs, qint64 toMs);

    [[nodiscard]] TimeRangePicker *picker() const { return m_picker; }
    [[nodiscard]] TimeSeriesChart *chart(const QString &id) const { return m_charts.value(id); }
    [[nodiscard]] QStringList chartIds() const;
    [[nodiscard]] int pendingRequests() const { return m_pending; }
    [[nodiscard]] QString bannerText() const;

public slots:
    void refresh();

signals:
    // Every chart of the current request has its answer (data or error).
    void chartsUpdated();

private:
    void rebuildCharts();
    void refreshFromSql();

    QNetworkAccessManager *m_network = nullptr;
    PrometheusClient *m_client = nullptr;
    TimeRangePicker *m_picker = nullptr;
    MessageBanner *m_banner = nullptr;
    QLabel *m_unsupported = nullptr;
    QWidget *m_grid = nullptr;
    QGridLayout *m_gridLayout = nullptr;
    QHash<QString, TimeSeriesChart *> m_charts;
    QStringList m_order;
    Environment m_env;
    bool m_hasEnv = false;
    bool m_sqlMode = false; // no Prometheus URL: charts from the SQL samples
    const SampleHistory *m_history = nullptr;
    Engine m_engine = Engine::Unknown;
    quint64 m_generation = 0;
    int m_pending = 0;
    QStringList m_errors;
};

} // namespace TiDesk
