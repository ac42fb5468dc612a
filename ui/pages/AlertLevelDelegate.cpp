#include "AlertLevelDelegate.h"

#include "alerts/AlertListModel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace TiDesk {

QColor AlertLevelDelegate::colorFor(AlertLevel level)
{
    switch (level) {
    case AlertLevel::Emergency: return QColor(0x8e, 0x00, 0x00);
    case AlertLevel::Critical: return QColor(0xc6, 0x28, 0x28);
    case AlertLevel::Warning: return QColor(0xe6, 0x5c, 0x00);
    case AlertLevel::Info: return QColor(0x15, 0x65, 0xc0);
    case AlertLevel::Unknown: break;
    }
    return QColor(0x75, 0x75, 0x75);
}

QSize AlertLevelDelegate::sizeHint(const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    QFont f = opt.font;
    f.setBold(true);
    const QFontMetrics fm(f);
    const QSize base = QStyledItemDelegate::sizeHint(option, index);
    return QSize(fm.horizontalAdvance(opt.text) + 14 + 12, qMax(base.height(), fm.height() + 6));
}

void AlertLevelDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
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

    const auto level = AlertLevel(index.data(AlertListModel::LevelRole).toInt());
    const bool silenced = index.data(AlertListModel::SilencedRole).toBool();
    const QColor color = colorFor(level);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QFont f = opt.font;
    f.setBold(true);
    painter->setFont(f);
    const QFontMetrics fm(f);
    const int w = fm.horizontalAdvance(text) + 14;
    const QRectF pill(opt.rect.left() + 4, opt.rect.center().y() - fm.height() / 2.0 - 1, w,
                      fm.height() + 2);
    QPainterPath path;
    path.addRoundedRect(pill.adjusted(0.5, 0.5, -0.5, -0.5), pill.height() / 2, pill.height() / 2);
    if (silenced) {
        // A silenced alert: an outlined, faint pill - still readable, no longer shouting.
        QColor tint = color;
        tint.setAlpha(30);
        painter->fillPath(path, tint);
        painter->setPen(QPen(color, 1, Qt::DashLine));
        painter->drawPath(path);
        painter->setPen(color);
    } else {
        painter->fillPath(path, color);
        painter->setPen(Qt::white);
    }
    painter->drawText(pill, Qt::AlignCenter, text);
    painter->restore();
}

} // namespace TiDesk
