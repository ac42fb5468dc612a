#include "SparklineDelegate.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace TiDesk {

namespace {
constexpr int kPad = 4;
constexpr int kGap = 8;
} // namespace

SparklineDelegate::SparklineDelegate(int valuesRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_valuesRole(valuesRole)
{ }

QList<QPolygonF> SparklineDelegate::runs(const QList<double> &values, const QRectF &rect)
{
    QList<QPolygonF> out;
    double lo = 0;
    double hi = 0;
    bool any = false;
    for (double v : values) {
        if (std::isnan(v))
            continue;
        lo = any ? std::min(lo, v) : v;
        hi = any ? std::max(hi, v) : v;
        any = true;
    }
    if (!any || rect.isEmpty())
        return out;
    const qsizetype n = values.size();
    const double step = n > 1 ? rect.width() / double(n - 1) : 0;
    const auto y = [&](double v) {
        if (hi <= lo)
            return rect.center().y();
        return rect.bottom() - (v - lo) / (hi - lo) * rect.height();
    };
    QPolygonF run;
    for (qsizetype i = 0; i < n; ++i) {
        const double v = values.at(i);
        if (std::isnan(v)) {
            if (!run.isEmpty())
                out << run;
            run.clear();
            continue;
        }
        run << QPointF(n > 1 ? rect.left() + step * double(i) : rect.center().x(), y(v));
    }
    if (!run.isEmpty())
        out << run;
    return out;
}

int SparklineDelegate::paintSparkline(QPainter *painter, const QRectF &rect,
                                      const QList<double> &values, const QColor &color)
{
    const QList<QPolygonF> parts = runs(values, rect);
    if (parts.isEmpty())
        return 0;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QColor fill = color;
    fill.setAlpha(45);
    for (const QPolygonF &run : parts) {
        if (run.size() == 1) {
            painter->setPen(Qt::NoPen);
            painter->setBrush(color);
            painter->drawEllipse(run.first(), 1.6, 1.6);
            continue;
        }
        QPainterPath area;
        area.moveTo(run.first().x(), rect.bottom());
        for (const QPointF &p : run)
            area.lineTo(p);
        area.lineTo(run.last().x(), rect.bottom());
        area.closeSubpath();
        painter->fillPath(area, fill);
        painter->setPen(QPen(color, 1.4, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter->setBrush(Qt::NoBrush);
        painter->drawPolyline(run);
    }
    // The newest value, if known: where the number next to the line comes from.
    if (!values.isEmpty() && !std::isnan(values.last())) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        painter->drawEllipse(parts.last().last(), 2.2, 2.2);
    }
    painter->restore();
    return int(parts.size());
}

QSize SparklineDelegate::sizeHint(const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const
{
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    s.setWidth(s.width() + kSparklineWidth + kGap);
    return s;
}

void SparklineDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    // Background, selection and focus without the text (QStyledItemDelegate::paint would
    // re-read the text from the model).
    const QWidget *widget = opt.widget;
    (widget ? widget->style() : QApplication::style())
        ->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group
        = (opt.state & QStyle::State_Enabled) ? QPalette::Normal : QPalette::Disabled;
    const QVariant foreground = index.data(Qt::ForegroundRole);
    QColor textColor = opt.palette.color(group, QPalette::Text);
    if (selected)
        textColor = opt.palette.color(group, QPalette::HighlightedText);
    else if (foreground.canConvert<QBrush>())
        textColor = foreground.value<QBrush>().color();

    const QFontMetrics fm(opt.font);
    const int textWidth = fm.horizontalAdvance(text);
    const QRect textRect(opt.rect.right() - kPad - textWidth, opt.rect.top(), textWidth,
                         opt.rect.height());
    painter->save();
    painter->setFont(opt.font);
    painter->setPen(textColor);
    painter->drawText(textRect, Qt::AlignRight | Qt::AlignVCenter, text);
    painter->restore();

    const int vPad = qMax(3, opt.rect.height() / 6);
    const QRectF line(opt.rect.left() + kPad, opt.rect.top() + vPad,
                      qMax(0, textRect.left() - kGap - opt.rect.left() - kPad),
                      opt.rect.height() - 2 * vPad);
    const QColor color
        = selected ? opt.palette.color(group, QPalette::HighlightedText) : QColor(0x1e, 0x88, 0xe5);
    paintSparkline(painter, line, index.data(m_valuesRole).value<QList<double>>(), color);
}

} // namespace TiDesk
