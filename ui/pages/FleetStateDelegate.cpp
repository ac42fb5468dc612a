#include "FleetStateDelegate.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace TiDesk {

namespace {
constexpr int kHPad = 9;
constexpr int kMargin = 4;
} // namespace

QColor FleetStateDelegate::colorFor(FleetModel::Severity severity)
{
    switch (severity) {
    case FleetModel::Severity::Down: return QColor(0xc6, 0x28, 0x28);
    case FleetModel::Severity::Critical: return QColor(0xd8, 0x43, 0x15);
    case FleetModel::Severity::Warning: return QColor(0xe0, 0x8a, 0x00);
    case FleetModel::Severity::Ok: return QColor(0x2e, 0x7d, 0x32);
    case FleetModel::Severity::Unknown: break;
    }
    return QColor(0x8a, 0x8a, 0x8a);
}

bool FleetStateDelegate::isSolid(FleetModel::Severity severity)
{
    return severity == FleetModel::Severity::Down || severity == FleetModel::Severity::Critical;
}

QSize FleetStateDelegate::sizeHint(const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    QFont f = opt.font;
    f.setBold(true);
    const QFontMetrics fm(f);
    const QSize base = QStyledItemDelegate::sizeHint(option, index);
    return { fm.horizontalAdvance(opt.text) + 2 * kHPad + 2 * kMargin,
             qMax(base.height(), fm.height() + 8) };
}

void FleetStateDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
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

    const auto severity = FleetModel::Severity(index.data(FleetModel::SeverityRole).toInt());
    const QColor color = colorFor(severity);
    const bool solid = isSolid(severity);
    QFont f = opt.font;
    f.setBold(solid);
    const QFontMetrics fm(f);
    const QRectF pill(opt.rect.left() + kMargin, opt.rect.center().y() - fm.height() / 2.0 - 1,
                      fm.horizontalAdvance(text) + 2 * kHPad, fm.height() + 2);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    path.addRoundedRect(pill.adjusted(0.5, 0.5, -0.5, -0.5), pill.height() / 2, pill.height() / 2);
    if (solid) {
        painter->fillPath(path, color);
        painter->setPen(Qt::white);
    } else {
        QColor tint = color;
        tint.setAlpha(38);
        painter->fillPath(path, tint);
        painter->setPen(QPen(color, 1));
        painter->drawPath(path);
        painter->setPen((opt.state & QStyle::State_Selected)
                            ? opt.palette.color(QPalette::HighlightedText)
                            : opt.palette.color(QPalette::Text));
    }
    painter->setFont(f);
    painter->drawText(pill, Qt::AlignCenter, text);
    painter->restore();
}

} // namespace TiDesk
