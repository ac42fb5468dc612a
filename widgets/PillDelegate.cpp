#include "PillDelegate.h"

#include "ThemeColors.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace TiDesk {

namespace {

constexpr int kHPad = 8; // text to pill edge
constexpr int kMargin = 4; // cell edge to pill

} // namespace

QSize PillDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    QFont f = opt.font;
    f.setBold(true); // the widest a pill gets
    const QFontMetrics fm(f);
    const QSize base = QStyledItemDelegate::sizeHint(option, index);
    return { fm.horizontalAdvance(opt.text) + 2 * kHPad + 2 * kMargin,
             qMax(base.height(), fm.height() + 8) };
}

void PillDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                         const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    // Background, selection and focus without the text (QStyledItemDelegate::paint would
    // re-read the text from the model and paint it a second time under the pill).
    const QWidget *widget = opt.widget;
    (widget ? widget->style() : QApplication::style())
        ->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    if (text.isEmpty())
        return;

    const Pill p = pillFor(index);
    QFont f = opt.font;
    f.setBold(p.bold);
    const QFontMetrics fm(f);
    const QRectF pill(opt.rect.left() + kMargin, opt.rect.center().y() - fm.height() / 2.0 - 1,
                      fm.horizontalAdvance(text) + 2 * kHPad, fm.height() + 2);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    path.addRoundedRect(pill.adjusted(0.5, 0.5, -0.5, -0.5), pill.height() / 2, pill.height() / 2);
    if (p.style == PillStyle::Solid) {
        painter->fillPath(path, p.color);
        painter->setPen(ThemeColors::bestTextOn(p.color));
    } else {
        QColor tint = p.color;
        tint.setAlpha(p.style == PillStyle::Dashed ? 30 : 38);
        painter->fillPath(path, tint);
        painter->setPen(
            QPen(p.color, 1, p.style == PillStyle::Dashed ? Qt::DashLine : Qt::SolidLine));
        painter->drawPath(path);
        if (p.style == PillStyle::Dashed)
            // The pill's colour as text, made readable on this theme's background.
            painter->setPen(ThemeColors::withContrast(
                p.color, ThemeColors::blend(opt.palette.color(QPalette::Base), p.color, 30 / 255.0),
                4.5));
        else
            painter->setPen((opt.state & QStyle::State_Selected)
                                ? opt.palette.color(QPalette::HighlightedText)
                                : opt.palette.color(QPalette::Text));
    }
    painter->setFont(f);
    painter->drawText(pill, Qt::AlignCenter, text);
    painter->restore();
}

} // namespace TiDesk
