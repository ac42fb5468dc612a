// TierBadgeDelegate: paints a cell as the environment's tier badge (TierBadge pill, TierStyle
// text "PROD" / "UAT" / ..., the environment's effective colour) so the tier reads at a glance in
// any table whose model has InventoryModel's TierRole, TierNameRole and ColorRole. GUI thread.
#pragma once

#include <QStyledItemDelegate>

namespace TiDesk {

class TierBadgeDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // "PROD", "UAT" ... or the custom tier's name in capitals.
    [[nodiscard]] static QString badgeText(const QModelIndex &index);
};

} // namespace TiDesk
