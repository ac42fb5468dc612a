#include "TierBadgeDelegate.h"

#include "TierBadge.h"
#include "TierStyle.h"
#include "inventory/InventoryModel.h"

#include <QApplication>
#include <QPainter>

namespace TiDesk {

namespace {
constexpr int kMargin = 4;
} // namespace

QString TierBadgeDelegate::badgeText(const QModelIndex &index)
{
    const auto tier = Tier(index.data(InventoryModel::TierRole).toInt());
    return TierStyle::badgeText(
        tier,
        tier == Tier::Custom ? index.data(InventoryModel::TierNameRole).toString() : QString());
}

QSize TierBadgeDelegate::sizeHint(const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const
{
    const QSize pill = TierBadge::pillSize(option.font, badgeText(index));
    const QSize base = QStyledItemDelegate::sizeHint(option, index);
    return { pill.width() + 2 * kMargin, qMax(base.height(), pill.height() + 4) };
}

void TierBadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    // Background, selection and focus without the text (QStyledItemDelegate::paint would
    // re-read the text from the model).
    const QWidget *widget = opt.widget;
    (widget ? widget->style() : QApplication::style())
        ->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    // The tier colour as drawn on this palette (3:1 on the window; readable badge text).
    const QColor color
        = TierStyle::color(Tier(index.data(InventoryModel::TierRole).toInt()),
                           index.data(InventoryModel::ColorRole).toString(), opt.palette);
    TierBadge::paint(painter, opt.rect.adjusted(kMargin, 0, -kMargin, 0), color, badgeText(index),
                     opt.font);
}

} // namespace TiDesk
