// TimeSeriesChart: draws a SeriesSet (lines over time) and is the only QtCharts user in TiDesk,
// so the rest of the UI never sees a QtCharts type. What it does on top of QChartView:
//  - gaps: each series is split where samples are missing for longer than 1.5 x step
//    (TimeSeries.h); every gap-free run is its own line, same colour, one legend entry;
//  - LTTB downsampling of each series to about the plot area's pixel width, again on resize
//    (24 h at 15 s is 5,760 points per series; a 900 px plot shows at most 900 of them);
//  - a value axis labelled with MetricFormat (one unit per axis, from 0 for non-negative data)
//    and a time axis formatted by window length;
//  - hover: a vertical crosshair at the nearest sample and a box with each series' value there;
//  - an overlay message ("No data", an error), with the last data kept visible but greyed, and a
//    loading indicator.
// Rendering is raster (QChartView's default): setUseOpenGL segfaults on the offscreen platform
// (platform-notes.md), and with downsampling raster is fast enough (docs/decisions/charts.md).
// Threading: GUI thread only; setSeriesSet() copies the data and downsamples inline (LTTB takes
// 0.4 ms for 10 x 5,760 points; the whole call ~6 ms, most of it QtCharts taking the points).
#pragma once

#include "common/TimeSeries.h"

#include <QColor>
#include <QList>
#include <QPoint>
#include <QWidget>

class QChart;
class QChartView;
class QDateTimeAxis;
class QCategoryAxis;
class QGraphicsLineItem;
class QGraphicsEllipseItem;
class QLabel;
class QLineSeries;

namespace TiDesk {

class TimeSeriesChart final : public QWidget
{
    Q_OBJECT
public:
    explicit TimeSeriesChart(QWidget *parent = nullptr);
    ~TimeSeriesChart() override;

    // Replaces what is drawn (title, unit, window, step, series) and clears any message.
    void setSeriesSet(const SeriesSet &set);
    [[nodiscard]] const SeriesSet &seriesSet() const { return m_set; }

    enum class MessageKind { Info, Error };
    Q_ENUM(MessageKind)

    // An overlay text such as "No data" (Info) or a fetch error (Error, drawn in red); empty
    // hides it. Lines already drawn stay visible, greyed, while a message is shown.
    void setMessage(const QString &text, MessageKind kind = MessageKind::Info);
    [[nodiscard]] QString message() const { return m_message; }
    [[nodiscard]] MessageKind messageKind() const { return m_messageKind; }

    // A small "Loading…" indicator in the corner while a fetch runs.
    void setLoading(bool loading);
    [[nodiscard]] bool isLoading() const { return m_loading; }

    // On by default; off plots every raw point (for the benchmark's comparison).
    void setDownsamplingEnabled(bool enabled);
    [[nodiscard]] bool isDownsamplingEnabled() const { return m_downsampling; }

    // For tests and benchmarks, so they can check without reading pixels.
    [[nodiscard]] int lineSeriesCount() const; // QLineSeries in the chart (one per gap-free run)
    [[nodiscard]] int plottedPointCount() const; // points handed to QtCharts, all series
    [[nodiscard]] int pointBudget() const { return m_budget; } // points per series (0: raw)
    [[nodiscard]] QString hoverText() const; // "time\nlegend: value\n…"; empty when hidden
    [[nodiscard]] bool isCrosshairVisible() const;
    [[nodiscard]] QStringList valueAxisLabels() const;
    [[nodiscard]] QString timeAxisFormat() const;
    [[nodiscard]] QColor seriesColor(int seriesIndex) const; // series i's own colour
    [[nodiscard]] QColor lineColor(int lineIndex) const; // as drawn now (grey when stale)
    [[nodiscard]] int lineSeriesIndex(int lineIndex) const; // which series a line belongs to
    [[nodiscard]] QRect plotRect() const; // the plot area, in this widget's coordinates
    // Where time xMs (ms since epoch) and value y are drawn, in this widget's coordinates.
    [[nodiscard]] QPoint positionFor(qint64 xMs, double y) const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Line
    {
        QLineSeries *series = nullptr;
        int seriesIndex = 0; // into m_set.series
    };

    void rebuildLines();
    void updateAxes();
    void replot(); // (re)downsample into the existing lines for the current plot width
    void applyColors();
    // Background, axes, grid, title, legend and overlays from the palette (light or dark).
    void applyChrome();
    void onPlotAreaChanged();
    void showHoverAt(const QPointF &chartPos);
    void hideHover();
    void placeOverlays();
    [[nodiscard]] double maxGap() const;
    [[nodiscard]] int budgetForWidth() const;

    SeriesSet m_set;
    QString m_message;
    MessageKind m_messageKind = MessageKind::Info;
    bool m_loading = false;
    bool m_downsampling = true;
    int m_budget = 0;
    QString m_hoverText;

    QChartView *m_view = nullptr;
    QChart *m_chart = nullptr;
    QDateTimeAxis *m_timeAxis = nullptr;
    QCategoryAxis *m_valueAxis = nullptr;
    QList<Line> m_lines;
    QGraphicsLineItem *m_crosshair = nullptr;
    QList<QGraphicsEllipseItem *> m_dots; // one per series, on the hovered sample
    QLabel *m_hoverBox = nullptr;
    QLabel *m_messageLabel = nullptr;
    QLabel *m_loadingLabel = nullptr;
};

} // namespace TiDesk
