#include "ClusterChartsPanel.h"

#include "MessageBanner.h"
#include "TimeRangePicker.h"
#include "TimeSeriesChart.h"
#include "health/SampleHistory.h"
#include "metrics/ChartCatalog.h"
#include "metrics/MetricRange.h"
#include "metrics/PrometheusClient.h"

#include <QDateTime>
#include <QGridLayout>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QScrollArea>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace TiDesk {

ClusterChartsPanel::ClusterChartsPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"clusterCharts"_s);
    m_network = new QNetworkAccessManager(this);
    m_client = new PrometheusClient(m_network, this);
    m_picker = new TimeRangePicker(this);
    m_picker->setObjectName(u"chartsRange"_s);
    m_banner = new MessageBanner(this);
    m_banner->setObjectName(u"chartsBanner"_s);
    connect(m_banner, &MessageBanner::actionTriggered, this, &ClusterChartsPanel::refresh);
    m_unsupported = new QLabel(this);
    m_unsupported->setObjectName(u"chartsUnsupported"_s);
    m_unsupported->setWordWrap(true);
    m_unsupported->setForegroundRole(QPalette::PlaceholderText);
    m_unsupported->hide();

    m_grid = new QWidget(this);
    m_gridLayout = new QGridLayout(m_grid);
    m_gridLayout->setContentsMargins(0, 0, 0, 0);
    m_gridLayout->setColumnStretch(0, 1);
    m_gridLayout->setColumnStretch(1, 1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_grid);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_picker);
    layout->addWidget(m_banner);
    layout->addWidget(m_unsupported);
    layout->addWidget(scroll, 1);

    // The picker asks once per change (preset, custom range, auto-refresh tick, Refresh).
    connect(m_picker, &TimeRangePicker::refreshRequested, this, &ClusterChartsPanel::refresh);
}

QStringList ClusterChartsPanel::chartIds() const
{
    return m_order;
}

QString ClusterChartsPanel::bannerText() const
{
    return m_banner->isVisible() ? m_banner->text() : QString();
}

void ClusterChartsPanel::setEnvironment(const Environment &env, Engine engine)
{
    const bool changed = !m_hasEnv || env.id != m_env.id || engine != m_engine
        || env.prometheusUrl != m_env.prometheusUrl
        || env.prometheusSelector != m_env.prometheusSelector;
    // Another environment or engine: other charts. Only the URL moved (or Prometheus died and
    // came back elsewhere): the same charts keep their data until the new answers arrive.
    const bool rebuild = !m_hasEnv || env.id != m_env.id || engine != m_engine
        || env.prometheusSelector != m_env.prometheusSelector
        || env.prometheusUrl.trimmed().isEmpty() != m_env.prometheusUrl.trimmed().isEmpty();
    m_env = env;
    m_hasEnv = true;
    if (!changed)
        return;
    m_engine = engine;
    ++m_generation;
    if (rebuild)
        rebuildCharts();
    refresh();
}

void ClusterChartsPanel::showWindow(qint64 fromMs, qint64 toMs)
{
    // setCustomRange() emits refreshRequested().
    m_picker->setCustomRange(fromMs, toMs);
}

void ClusterChartsPanel::rebuildCharts()
{
    qDeleteAll(m_charts);
    m_charts.clear();
    m_order.clear();
    m_sqlMode = m_env.prometheusUrl.trimmed().isEmpty();
    if (m_sqlMode) {
        for (const QString &id : SampleHistory::chartIds()) {
            auto *chart = new TimeSeriesChart(m_grid);
            chart->setObjectName(u"chart_sql_"_s + id);
            chart->setMinimumHeight(220);
            const int i = int(m_order.size());
            m_gridLayout->addWidget(chart, i / 2, i % 2);
            m_charts.insert(id, chart);
            m_order << id;
        }
        m_unsupported->hide();
        return;
    }
    QStringList unsupported;
    QStringList reasons;
    const QList<ChartDef> defs
        = ChartCatalog::charts(m_engine, m_env.prometheusSelector, MetricRange::kMinStepMs);
    for (const ChartDef &def : defs) {
        if (!def.isSupported()) {
            unsupported << def.title;
            //: %1 = chart title, %2 = why this engine cannot draw it
            reasons << tr("%1: %2").arg(def.title, def.unsupportedReason);
            continue;
        }
        auto *chart = new TimeSeriesChart(m_grid);
        chart->setObjectName(u"chart_"_s + def.id);
        chart->setAccessibleName(def.title);
        chart->setMinimumHeight(220);
        const int i = int(m_order.size());
        m_gridLayout->addWidget(chart, i / 2, i % 2);
        m_charts.insert(def.id, chart);
        m_order << def.id;
    }
    //: %1 = chart titles; the reasons are in the tooltip
    m_unsupported->setText(
        tr("Not charted for this engine: %1 (hover for why)").arg(unsupported.join(u", "_s)));
    m_unsupported->setToolTip(reasons.join(u"\n\n"_s));
    m_unsupported->setVisible(!unsupported.isEmpty());
}

void ClusterChartsPanel::refreshFromSql()
{
    m_banner->showMessage(
        MessageBanner::Kind::Info,
        //: %1 = environment name
        tr("No Prometheus is configured for %1: these charts come from the SQL status counters "
           "TiDesk samples while it runs (the last hour at most).")
            .arg(m_env.name),
        tr("For latency, CPU, memory and history, set its Prometheus URL under Edit environment "
           "\u2192 Monitoring (TiUP clusters: the monitoring server, port 9090)."));
    // A window that ends about now follows now (the samples keep arriving).
    qint64 from = m_picker->fromMs();
    qint64 to = m_picker->toMs();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now > to && now - to < 120000) {
        from += now - to;
        to = now;
    }
    for (const QString &id : std::as_const(m_order)) {
        TimeSeriesChart *chart = m_charts.value(id);
        const SeriesSet set = m_history ? m_history->chart(m_env.id, id, from, to) : SeriesSet {};
        chart->setSeriesSet(set);
        if (set.series.isEmpty())
            chart->setMessage(m_engine == Engine::TiDB && id == u"qps"
                                  ? tr("TiDB reports no query counter over SQL")
                                  : tr("No samples yet"));
    }
    m_pending = 0;
    emit chartsUpdated();
}

void ClusterChartsPanel::refresh()
{
    if (!m_hasEnv)
        return;
    if (m_sqlMode) {
        refreshFromSql();
        return;
    }
    Result<MetricRange> range = MetricRange::custom(m_picker->fromMs(), m_picker->toMs());
    if (!range) {
        m_banner->showMessage(MessageBanner::Kind::Error, range.error().message);
        return;
    }
    const quint64 generation = ++m_generation;
    const QUrl base(m_env.prometheusUrl.trimmed());
    m_errors.clear();
    m_pending = int(m_order.size());
    for (const QString &id : std::as_const(m_order)) {
        Result<ChartDef> def
            = ChartCatalog::chart(m_engine, id, m_env.prometheusSelector, range->stepMs);
        TimeSeriesChart *chart = m_charts.value(id);
        if (!def) {
            chart->setMessage(def.error().message, TimeSeriesChart::MessageKind::Error);
            --m_pending;
            continue;
        }
        chart->setLoading(true);
        const QString title = def->title;
        m_client->fetchChart(
            base, *def, *range, [this, generation, id, title](const Result<SeriesSet> &r) {
                if (generation != m_generation)
                    return; // another environment or range since
                TimeSeriesChart *c = m_charts.value(id);
                if (!c)
                    return;
                c->setLoading(false);
                if (r) {
                    SeriesSet set = *r;
                    set.title = title;
                    c->setSeriesSet(set);
                    if (set.series.isEmpty())
                        c->setMessage(tr("No data in this window"));
                } else {
                    c->setMessage(r.error().message, TimeSeriesChart::MessageKind::Error);
                    if (!m_errors.contains(r.error().message))
                        m_errors << r.error().message;
                }
                if (--m_pending == 0) {
                    if (m_errors.isEmpty())
                        m_banner->clear();
                    else
                        m_banner->showMessage(MessageBanner::Kind::Error,
                                              //: %1 = Prometheus URL
                                              tr("Prometheus at %1 could not be read; the "
                                                 "charts show their last data.")
                                                  .arg(m_env.prometheusUrl),
                                              m_errors.join(u'\n'), tr("Retry"));
                    emit chartsUpdated();
                }
            });
    }
    if (m_pending == 0)
        emit chartsUpdated();
}

} // namespace TiDesk
