#include "TimeSeriesChart.h"

#include "ThemeColors.h"
#include "common/Downsample.h"
#include "common/MetricFormat.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QGraphicsEllipseItem>
#include <QGraphicsLineItem>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMouseEvent>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <iterator>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

// Tableau 10 without its grey (grey is how a stale chart looks): distinct on white, and the
// order keeps neighbours apart for the usual 2-5 series.
const QColor kPalette[] = {
    QColor(0x4e, 0x79, 0xa7), QColor(0xf2, 0x8e, 0x2b), QColor(0xe1, 0x57, 0x59),
    QColor(0x59, 0xa1, 0x4f), QColor(0xb0, 0x7a, 0xa1), QColor(0x76, 0xb7, 0xb2),
    QColor(0xed, 0xc9, 0x48), QColor(0x9c, 0x75, 0x5f), QColor(0xff, 0x9d, 0xa7),
    QColor(0x17, 0xbe, 0xcf),
};
constexpr int kPaletteSize = int(sizeof(kPalette) / sizeof(kPalette[0]));
const QColor kStale(0xbd, 0xbd, 0xbd);
// The message overlay: neutral for "no data", the error role's colours for a failure; both from
// the palette (ThemeColors) so they read in light and dark.
QString infoStyle(const QPalette &pal)
{
    QColor bg = pal.color(QPalette::Base);
    bg.setAlpha(235);
    return u"QLabel { background: %1; color: %2; border: 1px solid %3; border-radius: 4px;"
           " padding: 8px 14px; }"_s.arg(
               bg.name(QColor::HexArgb),
               ThemeColors::foreground(ThemeColors::Role::Muted, pal).name(),
               pal.color(QPalette::Mid).name());
}

QString errorStyle(const QPalette &pal)
{
    const QColor accent = ThemeColors::foreground(ThemeColors::Role::Error, pal);
    const QColor bg = ThemeColors::tint(ThemeColors::Role::Error, pal);
    return u"QLabel { background: %1; color: %2; border: 1px solid %3; border-radius: 4px;"
           " padding: 8px 14px; font-weight: bold; }"_s.arg(
               bg.name(), ThemeColors::withContrast(accent, bg, 4.5).name(), accent.name());
}

// Antialiased strokes wider than 1 px cost about 5x more to paint (bench_charts: 10 x 1,116
// points take ~100 ms at 1.5 px, ~20 ms at 1 px), so only sparse charts get the nicer line.
constexpr qreal kPenWidth = 1.5;
constexpr qreal kDensePenWidth = 1.0;
constexpr int kDensePoints = 2500;

// The sample of `points` (x ascending) nearest to x; -1 when empty.
qsizetype nearestIndex(const QList<QPointF> &points, double x)
{
    if (points.isEmpty())
        return -1;
    const auto it = std::lower_bound(points.cbegin(), points.cend(), x,
                                     [](const QPointF &p, double v) { return p.x() < v; });
    if (it == points.cbegin())
        return 0;
    if (it == points.cend())
        return points.size() - 1;
    const qsizetype i = it - points.cbegin();
    return (x - points.at(i - 1).x()) <= (points.at(i).x() - x) ? i - 1 : i;
}

QString timeFormatFor(qint64 windowMs)
{
    constexpr qint64 hour = 3600 * 1000;
    if (windowMs <= 25 * hour)
        return windowMs <= 30 * 60 * 1000 ? u"HH:mm:ss"_s : u"HH:mm"_s;
    if (windowMs <= 31 * 24 * hour)
        return u"MM-dd HH:mm"_s;
    return u"yyyy-MM-dd"_s;
}

// Tick count for the time axis. QDateTimeAxis spaces ticks evenly over the range, so pick a
// count that cuts the window into a round duration (24 h into 3 h, 1 h into 10 min, 7 d into
// days) with at least ~90 px between labels. Preset windows always find one.
int timeTickCount(qint64 windowMs, int plotWidth)
{
    constexpr qint64 s = 1000, m = 60 * s, h = 60 * m, d = 24 * h;
    static const qint64 nice[] = { s,     2 * s, 5 * s,  10 * s, 15 * s, 30 * s, m,     2 * m,
                                   3 * m, 5 * m, 10 * m, 15 * m, 20 * m, 30 * m, h,     2 * h,
                                   3 * h, 4 * h, 6 * h,  8 * h,  12 * h, d,      2 * d, 7 * d };
    const int maxIntervals = qBound(2, (plotWidth > 0 ? plotWidth : 600) / 90, 12);
    for (int n = maxIntervals; n >= 2; --n) {
        if (windowMs % n == 0
            && std::find(std::begin(nice), std::end(nice), windowMs / n) != std::end(nice))
            return n + 1;
    }
    return maxIntervals + 1;
}

} // namespace

TimeSeriesChart::TimeSeriesChart(QWidget *parent)
    : QWidget(parent)
    , m_chart(new QChart)
    , m_timeAxis(new QDateTimeAxis)
    , m_valueAxis(new QCategoryAxis)
{
    setAccessibleName(tr("Time series chart"));
    setMinimumSize(320, 200);

    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setBackgroundRoundness(0);
    m_chart->setMargins(QMargins(4, 4, 8, 4));
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->legend()->setShowToolTips(true);
    QFont titleFont = font();
    titleFont.setBold(true);
    m_chart->setTitleFont(titleFont);

    QFont axisFont = font();
    axisFont.setPointSizeF(axisFont.pointSizeF() * 0.9);
    m_timeAxis->setLabelsFont(axisFont);
    m_valueAxis->setLabelsFont(axisFont);
    m_valueAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_valueAxis, Qt::AlignLeft);

    // Raster on purpose: never setUseOpenGL (see the header comment).
    m_view = new QChartView(m_chart, this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->viewport()->setMouseTracking(true);
    m_view->viewport()->installEventFilter(this);

    m_crosshair = new QGraphicsLineItem(m_chart);
    m_crosshair->setZValue(1000);
    m_crosshair->hide();

    const auto overlay = [this](const QString &objectName, const QString &css) {
        auto *label = new QLabel(m_view->viewport());
        label->setObjectName(objectName);
        label->setAttribute(Qt::WA_TransparentForMouseEvents);
        label->setStyleSheet(css);
        label->hide();
        return label;
    };
    m_hoverBox = overlay(u"hoverBox"_s, QString());
    m_hoverBox->setTextFormat(Qt::RichText);
    m_messageLabel = overlay(u"chartMessage"_s, QString());
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setAlignment(Qt::AlignCenter);
    m_loadingLabel = overlay(u"chartLoading"_s, QString());
    m_loadingLabel->setText(tr("Loading…"));
    applyChrome();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);

    connect(m_chart, &QChart::plotAreaChanged, this, &TimeSeriesChart::onPlotAreaChanged);
    updateAxes();
}

TimeSeriesChart::~TimeSeriesChart()
{
    // QWidget's destructor deletes the view and the chart after this object is no longer a
    // TimeSeriesChart: nothing they emit or filter may reach it by then.
    m_view->viewport()->removeEventFilter(this);
    disconnect(m_chart, nullptr, this, nullptr);
}

void TimeSeriesChart::setSeriesSet(const SeriesSet &set)
{
    m_set = set;
    m_message.clear();
    hideHover();
    m_chart->setTitle(set.title);
    setAccessibleName(set.title.isEmpty() ? tr("Time series chart") : set.title);
    rebuildLines();
    updateAxes();
    replot();
    placeOverlays();

    QStringList latest;
    for (const TimeSeries &ts : std::as_const(m_set.series)) {
        if (!ts.isEmpty())
            //: Accessible summary of a chart line: %1 legend, %2 its latest value with unit
            latest.append(
                tr("%1: %2").arg(ts.legend, MetricFormat::value(ts.points.last().y(), m_set.unit)));
    }
    setAccessibleDescription(latest.isEmpty() ? tr("No data")
                                              //: %1 lists "legend: value" pairs
                                              : tr("Latest values: %1").arg(latest.join(u", ")));
}

void TimeSeriesChart::setMessage(const QString &text, MessageKind kind)
{
    if (text == m_message && kind == m_messageKind)
        return;
    m_message = text;
    m_messageKind = kind;
    applyColors();
    placeOverlays();
}

void TimeSeriesChart::setLoading(bool loading)
{
    m_loading = loading;
    placeOverlays();
}

void TimeSeriesChart::setDownsamplingEnabled(bool enabled)
{
    if (enabled == m_downsampling)
        return;
    m_downsampling = enabled;
    replot();
}

double TimeSeriesChart::maxGap() const
{
    return m_set.stepMs > 0 ? 1.5 * double(m_set.stepMs) : 0.0;
}

int TimeSeriesChart::budgetForWidth() const
{
    if (!m_downsampling)
        return 0;
    // Before the first layout the plot area is empty: guess from the view, the next
    // plotAreaChanged() corrects it.
    const int w = int(m_chart->plotArea().width());
    return qMax(16, w > 0 ? w : m_view->width() - 80);
}

void TimeSeriesChart::rebuildLines()
{
    // The runs per series do not depend on the budget (lttbRuns splits exactly like
    // splitAtGaps), so the lines are laid out once here and only refilled on resize.
    struct Wanted
    {
        int seriesIndex;
        int points;
    };
    QList<Wanted> wanted;
    for (int i = 0; i < m_set.series.size(); ++i) {
        const auto runs = Downsample::splitAtGaps(m_set.series.at(i).points, maxGap());
        for (const auto &run : runs)
            wanted.append({ i, int(run.size()) });
    }

    // Reuse the QLineSeries already in the chart: adding and attaching series costs far more
    // than refilling them. Empty them first: every axis change below recomputes the geometry of
    // every point in the chart, which is cheap only while the lines hold none.
    for (const Line &line : std::as_const(m_lines))
        line.series->clear();
    while (m_lines.size() > wanted.size()) {
        QLineSeries *s = m_lines.takeLast().series;
        m_chart->removeSeries(s);
        delete s;
    }
    while (m_lines.size() < wanted.size()) {
        auto *s = new QLineSeries; // the chart owns it once added
        m_chart->addSeries(s);
        s->attachAxis(m_timeAxis);
        s->attachAxis(m_valueAxis);
        m_lines.append({ s, 0 });
    }

    int previous = -1;
    for (int k = 0; k < wanted.size(); ++k) {
        Line &line = m_lines[k];
        line.seriesIndex = wanted.at(k).seriesIndex;
        const TimeSeries &ts = m_set.series.at(line.seriesIndex);
        line.series->setName(ts.legend);
        // A lone sample between two gaps has no neighbour to draw a line to: show it as a dot.
        line.series->setPointsVisible(wanted.at(k).points == 1);
        const bool firstRun = line.seriesIndex != previous;
        previous = line.seriesIndex;
        for (QLegendMarker *marker : m_chart->legend()->markers(line.series))
            marker->setVisible(firstRun && !ts.legend.isEmpty());
    }
    m_chart->legend()->setVisible(
        m_set.series.size() > 1
        || (m_set.series.size() == 1 && !m_set.series.first().legend.isEmpty()));

    while (m_dots.size() > m_set.series.size())
        delete m_dots.takeLast();
    while (m_dots.size() < m_set.series.size()) {
        auto *dot = new QGraphicsEllipseItem(-3.5, -3.5, 7, 7, m_chart);
        dot->setZValue(1001);
        dot->hide();
        m_dots.append(dot);
    }
}

void TimeSeriesChart::updateAxes()
{
    qint64 from = m_set.fromMs;
    qint64 to = m_set.toMs;
    double lo = 0, hi = 0;
    bool any = false;
    for (const TimeSeries &ts : std::as_const(m_set.series)) {
        for (const QPointF &p : ts.points) {
            if (!any) {
                lo = hi = p.y();
                any = true;
            }
            lo = qMin(lo, p.y());
            hi = qMax(hi, p.y());
        }
        if (from >= to && !ts.isEmpty()) { // no window given: the data's own
            from = qint64(ts.points.first().x());
            to = qint64(ts.points.last().x());
        }
    }
    if (from >= to) {
        to = from > 0 ? from : QDateTime::currentMSecsSinceEpoch();
        from = to - 3600 * 1000;
    }
    // Each change relays out the axis (and the series): touch only what changed.
    const QString format = timeFormatFor(to - from);
    if (m_timeAxis->format() != format)
        m_timeAxis->setFormat(format);
    if (m_timeAxis->min().toMSecsSinceEpoch() != from
        || m_timeAxis->max().toMSecsSinceEpoch() != to)
        m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(from),
                             QDateTime::fromMSecsSinceEpoch(to));
    const int ticks = timeTickCount(to - from, int(m_chart->plotArea().width()));
    if (m_timeAxis->tickCount() != ticks)
        m_timeAxis->setTickCount(ticks);

    // Non-negative data starts at 0, so a quiet hour does not look like a busy one.
    if (lo >= 0)
        lo = 0;
    const MetricFormat::Axis axis = MetricFormat::axis(lo, hi, m_set.unit, 5);
    bool same = m_valueAxis->categoriesLabels() == axis.labels
        && m_valueAxis->startValue() == axis.min && m_valueAxis->min() == axis.min
        && m_valueAxis->max() == axis.max;
    for (int i = 0; same && i < axis.ticks.size(); ++i)
        same = m_valueAxis->endValue(axis.labels.at(i)) == axis.ticks.at(i);
    if (same)
        return;
    for (const QString &label : m_valueAxis->categoriesLabels())
        m_valueAxis->remove(label);
    m_valueAxis->setStartValue(axis.min);
    for (int i = 0; i < axis.ticks.size(); ++i)
        m_valueAxis->append(axis.labels.at(i), axis.ticks.at(i));
    m_valueAxis->setRange(axis.min, axis.max);
}

void TimeSeriesChart::replot()
{
    m_budget = budgetForWidth();
    int k = 0;
    for (int i = 0; i < m_set.series.size(); ++i) {
        const QList<QPointF> &points = m_set.series.at(i).points;
        const auto runs = m_budget > 0 ? Downsample::lttbRuns(points, m_budget, maxGap())
                                       : Downsample::splitAtGaps(points, maxGap());
        for (const auto &run : runs) {
            if (k < m_lines.size())
                m_lines.at(k++).series->replace(run);
        }
    }
    applyColors(); // the pen width depends on how many points are drawn
}

void TimeSeriesChart::applyChrome()
{
    const QPalette &pal = palette();
    const QColor base = pal.color(QPalette::Base);
    const QColor text = pal.color(QPalette::Text);
    const QColor muted = ThemeColors::foreground(ThemeColors::Role::Muted, pal);
    // Grid lines a little off the background, axis lines a little more.
    const QColor grid = ThemeColors::blend(base, text, ThemeColors::isDark(pal) ? 0.14 : 0.10);
    const QColor axis = ThemeColors::blend(base, text, 0.30);
    m_chart->setBackgroundBrush(base);
    m_chart->setBackgroundPen(Qt::NoPen);
    m_chart->setPlotAreaBackgroundVisible(false);
    m_chart->setTitleBrush(text);
    m_chart->legend()->setLabelColor(text);
    for (QAbstractAxis *a :
         { static_cast<QAbstractAxis *>(m_timeAxis), static_cast<QAbstractAxis *>(m_valueAxis) }) {
        a->setLabelsColor(muted);
        a->setGridLineColor(grid);
        a->setLinePenColor(axis);
    }
    QColor cross = text;
    cross.setAlpha(160);
    m_crosshair->setPen(QPen(cross, 1, Qt::DashLine));
    QColor hoverBg = base;
    hoverBg.setAlpha(240);
    m_hoverBox->setStyleSheet(u"QLabel { background: %1; color: %2; border: 1px solid %3;"
                              " border-radius: 3px; padding: 4px 6px; }"_s.arg(
                                  hoverBg.name(QColor::HexArgb), text.name(), axis.name()));
    m_loadingLabel->setStyleSheet(u"QLabel { color: %1; padding: 2px 6px; }"_s.arg(muted.name()));
    m_messageLabel->setStyleSheet(QString()); // placeOverlays() sets it for the current message
    placeOverlays();
    applyColors();
}

void TimeSeriesChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // Only children's style sheets and the chart's brushes change here: no recursion.
    if (event->type() == QEvent::PaletteChange)
        applyChrome();
}

void TimeSeriesChart::applyColors()
{
    const bool stale = !m_message.isEmpty();
    const qreal width = plottedPointCount() > kDensePoints ? kDensePenWidth : kPenWidth;
    for (const Line &line : std::as_const(m_lines)) {
        const QColor c = stale ? kStale : seriesColor(line.seriesIndex);
        QPen pen(c, width);
        pen.setCapStyle(Qt::RoundCap);
        pen.setJoinStyle(Qt::RoundJoin);
        line.series->setPen(pen);
        line.series->setBrush(c);
        line.series->setMarkerSize(5);
    }
    for (int i = 0; i < m_dots.size(); ++i) {
        m_dots.at(i)->setBrush(stale ? kStale : seriesColor(i));
        m_dots.at(i)->setPen(QPen(palette().color(QPalette::Base), 1.5));
    }
}

QColor TimeSeriesChart::seriesColor(int seriesIndex) const
{
    return kPalette[qAbs(seriesIndex) % kPaletteSize];
}

QColor TimeSeriesChart::lineColor(int lineIndex) const
{
    return lineIndex >= 0 && lineIndex < m_lines.size()
        ? m_lines.at(lineIndex).series->pen().color()
        : QColor();
}

int TimeSeriesChart::lineSeriesIndex(int lineIndex) const
{
    return lineIndex >= 0 && lineIndex < m_lines.size() ? m_lines.at(lineIndex).seriesIndex : -1;
}

void TimeSeriesChart::onPlotAreaChanged()
{
    hideHover();
    placeOverlays();
    const qint64 window
        = m_timeAxis->max().toMSecsSinceEpoch() - m_timeAxis->min().toMSecsSinceEpoch();
    m_timeAxis->setTickCount(timeTickCount(window, int(m_chart->plotArea().width())));
    if (m_downsampling && budgetForWidth() != m_budget) {
        // Not from inside the chart's layout pass: refill the series once it is done.
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (m_downsampling && budgetForWidth() != m_budget)
                    replot();
            },
            Qt::QueuedConnection);
    }
}

void TimeSeriesChart::placeOverlays()
{
    const QRect plot
        = m_view->mapFromScene(m_chart->mapToScene(m_chart->plotArea())).boundingRect();
    const QRect area = plot.isValid() ? plot : m_view->viewport()->rect();

    const bool noData = std::all_of(m_set.series.cbegin(), m_set.series.cend(),
                                    [](const TimeSeries &ts) { return ts.isEmpty(); });
    QString text = m_message;
    if (text.isEmpty() && noData && !m_loading && (m_set.fromMs != 0 || !m_set.series.isEmpty()))
        text = tr("No data for this time range");
    const bool error = !m_message.isEmpty() && m_messageKind == MessageKind::Error;
    const QString style = error ? errorStyle(palette()) : infoStyle(palette());
    if (m_messageLabel->styleSheet() != style)
        m_messageLabel->setStyleSheet(style);
    m_messageLabel->setText(text);
    m_messageLabel->setVisible(!text.isEmpty());
    if (!text.isEmpty()) {
        m_messageLabel->setMaximumWidth(qMax(120, area.width() - 40));
        m_messageLabel->adjustSize();
        QRect r = m_messageLabel->rect();
        r.moveCenter(area.center());
        m_messageLabel->move(r.topLeft());
        m_messageLabel->raise();
    }

    m_loadingLabel->setVisible(m_loading);
    if (m_loading) {
        m_loadingLabel->adjustSize();
        m_loadingLabel->move(area.right() - m_loadingLabel->width() - 2, area.top() + 2);
        m_loadingLabel->raise();
    }
}

bool TimeSeriesChart::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport()) {
        switch (event->type()) {
        case QEvent::MouseMove: {
            const auto *me = static_cast<QMouseEvent *>(event);
            showHoverAt(m_chart->mapFromScene(m_view->mapToScene(me->position().toPoint())));
            break;
        }
        case QEvent::Leave: hideHover(); break;
        case QEvent::Resize: placeOverlays(); break;
        default: break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void TimeSeriesChart::showHoverAt(const QPointF &chartPos)
{
    const QRectF plot = m_chart->plotArea();
    if (!plot.contains(chartPos) || m_set.series.isEmpty()) {
        hideHover();
        return;
    }
    const double x = m_chart->mapToValue(chartPos).x();

    // Snap to the sample nearest to the mouse over all series, then read every series there.
    // A series with no sample within half a gap of that time is in a gap: "no data".
    double snapX = x;
    double best = -1;
    for (const TimeSeries &ts : std::as_const(m_set.series)) {
        const qsizetype i = nearestIndex(ts.points, x);
        if (i >= 0 && (best < 0 || std::abs(ts.points.at(i).x() - x) < best)) {
            best = std::abs(ts.points.at(i).x() - x);
            snapX = ts.points.at(i).x();
        }
    }
    const double tolerance = maxGap() > 0 ? maxGap() / 2 : 0;
    if (tolerance > 0 && best > tolerance)
        snapX = x; // the mouse is in a gap of every series

    const QDateTime at = QDateTime::fromMSecsSinceEpoch(qint64(std::llround(snapX)));
    const QString time = at.toString(
        m_set.toMs - m_set.fromMs > 24 * 3600 * 1000 ? u"yyyy-MM-dd HH:mm:ss"_s : u"HH:mm:ss"_s);
    QStringList plain { time };
    QString html = u"<b>%1</b><table cellspacing='0' cellpadding='1'>"_s.arg(time.toHtmlEscaped());
    const bool stale = !m_message.isEmpty();
    for (int s = 0; s < m_set.series.size(); ++s) {
        const TimeSeries &ts = m_set.series.at(s);
        const qsizetype i = nearestIndex(ts.points, snapX);
        const bool has = i >= 0
            && (tolerance <= 0 ? ts.points.size() > 0
                               : std::abs(ts.points.at(i).x() - snapX) <= tolerance);
        const QString value
            = has ? MetricFormat::value(ts.points.at(i).y(), m_set.unit) : tr("no data");
        const QString legend = ts.legend.isEmpty() ? tr("value") : ts.legend;
        //: Hover line: %1 series legend, %2 its value with unit
        plain.append(tr("%1: %2").arg(legend, value));
        html += u"<tr><td><span style='color:%1'>&#9632;</span>&nbsp;</td><td>%2&nbsp;&nbsp;</td>"
                "<td align='right'><b>%3</b></td></tr>"_s.arg(
                    (stale ? kStale : seriesColor(s)).name(), legend.toHtmlEscaped(),
                    value.toHtmlEscaped());
        QGraphicsEllipseItem *dot = s < m_dots.size() ? m_dots.at(s) : nullptr;
        if (dot) {
            const QPointF p = has ? m_chart->mapToPosition(ts.points.at(i)) : QPointF();
            dot->setVisible(has && plot.adjusted(-1, -1, 1, 1).contains(p));
            dot->setPos(p);
        }
    }
    html += u"</table>"_s;
    m_hoverText = plain.join(u'\n');

    const qreal lineX = m_chart->mapToPosition(QPointF(snapX, 0)).x();
    m_crosshair->setLine(QLineF(lineX, plot.top(), lineX, plot.bottom()));
    m_crosshair->show();

    m_hoverBox->setText(html);
    m_hoverBox->adjustSize();
    const QPoint mouse = m_view->mapFromScene(m_chart->mapToScene(QPointF(lineX, chartPos.y())));
    const QRect viewRect = m_view->viewport()->rect();
    const QRect plotInView = m_view->mapFromScene(m_chart->mapToScene(plot)).boundingRect();
    // Beside the crosshair, on the side with room, near the top of the plot.
    int bx = mouse.x() + 14;
    if (bx + m_hoverBox->width() > viewRect.right() - 4)
        bx = mouse.x() - 14 - m_hoverBox->width();
    int by = plotInView.top() + 8;
    bx = qBound(2, bx, qMax(2, viewRect.right() - m_hoverBox->width() - 2));
    by = qBound(2, by, qMax(2, viewRect.bottom() - m_hoverBox->height() - 2));
    m_hoverBox->move(bx, by);
    m_hoverBox->show();
    m_hoverBox->raise();
}

void TimeSeriesChart::hideHover()
{
    m_hoverText.clear();
    if (m_crosshair)
        m_crosshair->hide();
    for (QGraphicsEllipseItem *dot : std::as_const(m_dots))
        dot->hide();
    if (m_hoverBox)
        m_hoverBox->hide();
}

int TimeSeriesChart::lineSeriesCount() const
{
    return int(m_chart->series().size());
}

int TimeSeriesChart::plottedPointCount() const
{
    int n = 0;
    for (const Line &line : m_lines)
        n += int(line.series->count());
    return n;
}

QString TimeSeriesChart::hoverText() const
{
    return m_hoverBox->isVisible() || !m_hoverText.isEmpty() ? m_hoverText : QString();
}

bool TimeSeriesChart::isCrosshairVisible() const
{
    return m_crosshair->isVisible();
}

QStringList TimeSeriesChart::valueAxisLabels() const
{
    return m_valueAxis->categoriesLabels();
}

QString TimeSeriesChart::timeAxisFormat() const
{
    return m_timeAxis->format();
}

QRect TimeSeriesChart::plotRect() const
{
    const QRect inView
        = m_view->mapFromScene(m_chart->mapToScene(m_chart->plotArea())).boundingRect();
    return QRect(m_view->viewport()->mapTo(this, inView.topLeft()), inView.size());
}

QPoint TimeSeriesChart::positionFor(qint64 xMs, double y) const
{
    const QPointF inChart = m_chart->mapToPosition(QPointF(double(xMs), y));
    const QPoint inView = m_view->mapFromScene(m_chart->mapToScene(inChart));
    return m_view->viewport()->mapTo(this, inView);
}

} // namespace TiDesk
