#include "AssistHealthCharts.h"

#include "TimeSeriesChart.h"

#include <QGridLayout>

#include <limits>

using namespace Qt::StringLiterals;

namespace TiDesk {

AssistHealthCharts::AssistHealthCharts(QWidget *parent)
    : QWidget(parent)
{
    m_grid = new QGridLayout(this);
    m_grid->setContentsMargins(0, 0, 0, 0);
    setAccessibleName(tr("Health charts of the shared environment"));
}

void AssistHealthCharts::clear()
{
    qDeleteAll(m_charts);
    m_charts.clear();
    m_titles.clear();
}

void AssistHealthCharts::setView(const AssistView &view)
{
    QList<SeriesSet> sets;
    for (const AssistView::Series &s : view.series) {
        qsizetype i = -1;
        for (qsizetype k = 0; k < sets.size(); ++k)
            if (sets.at(k).title == s.chart)
                i = k;
        if (i < 0) {
            SeriesSet set;
            set.title = s.chart;
            set.unit = s.unit;
            set.fromMs = std::numeric_limits<qint64>::max();
            sets << set;
            i = sets.size() - 1;
        }
        SeriesSet &set = sets[i];
        TimeSeries ts;
        ts.legend = s.legend;
        ts.points = s.points;
        if (!s.points.isEmpty()) {
            set.fromMs = qMin(set.fromMs, qint64(s.points.first().x()));
            set.toMs = qMax(set.toMs, qint64(s.points.last().x()));
            if (s.points.size() > 1)
                set.stepMs = qMax(set.stepMs, qint64(s.points.at(1).x() - s.points.at(0).x()));
        }
        set.series << ts;
    }
    QStringList titles;
    for (const SeriesSet &set : std::as_const(sets))
        titles << set.title;
    if (titles != m_titles) { // rebuild only when the charts change, not on every refresh
        clear();
        for (const SeriesSet &set : std::as_const(sets)) {
            auto *chart = new TimeSeriesChart(this);
            chart->setObjectName(u"assistHealthChart"_s);
            chart->setAccessibleName(set.title);
            chart->setMinimumHeight(180);
            const int n = int(m_charts.size());
            m_grid->addWidget(chart, n / 2, n % 2);
            m_charts << chart;
        }
        m_titles = titles;
    }
    for (qsizetype i = 0; i < sets.size() && i < m_charts.size(); ++i) {
        SeriesSet set = sets.at(i);
        if (set.fromMs == std::numeric_limits<qint64>::max())
            set.fromMs = set.toMs;
        m_charts.at(i)->setSeriesSet(set);
    }
}

} // namespace TiDesk
