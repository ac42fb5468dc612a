#include "AlertLevelDelegate.h"

#include "alerts/AlertListModel.h"

#include <QPainter>

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
    QStyledItemDelegate::paint(painter, opt, index); // background and selection
    const auto level = AlertLevel(index.data(AlertListModel::LevelRole).toInt());
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QFont f = opt.font;
    f.setBold(true);
    painter->setFont(f);
    const QFontMetrics fm(f);
    const int w = fm.horizontalAdvance(text) + 14;
    const QRectF pill(opt.rect.left() + 4, opt.rect.center().y() - fm.height() / 2.0 - 1, w,
                      fm.height() + 2);
    painter->setPen(Qt::NoPen);
    painter->setBrush(colorFor(level));
    painter->drawRoundedRect(pill, pill.height() / 2, pill.height() / 2);
    painter->setPen(Qt::white);
    painter->drawText(pill, Qt::AlignCenter, text);
    painter->restore();
}

} // namespace TiDesk
