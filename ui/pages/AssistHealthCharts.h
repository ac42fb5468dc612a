// AssistHealthCharts: the expert's drawing of the "health" view of an expert session (issue 7):
// the host streams up to four charts of the environment's Prometheus over the last hour as
// downsampled lines (AssistView::series); this shows them two by two in TimeSeriesCharts, one per
// chart title, in the order they came. The table under it keeps now/min/max per line.
// Thread: GUI.
#pragma once

#include "assist/AssistView.h"

#include <QStringList>
#include <QWidget>

class QGridLayout;

namespace TiDesk {

class TimeSeriesChart;

class AssistHealthCharts final : public QWidget
{
    Q_OBJECT
public:
    explicit AssistHealthCharts(QWidget *parent = nullptr);

    void setView(const AssistView &view);
    void clear();
    // The chart titles shown, in order (tests).
    [[nodiscard]] QStringList chartTitles() const { return m_titles; }

private:
    QGridLayout *m_grid = nullptr;
    QList<TimeSeriesChart *> m_charts;
    QStringList m_titles;
};

} // namespace TiDesk
