// EnvironmentDelegate: paints one sidebar row: a tier-coloured stripe, the environment name,
// its tier badge on the right, and — above the first row of each tier — a group heading
// ("PRODUCTION · 2"). Production rows keep a light red tint so they stand out even unselected.
// Works on any model with InventoryModel's roles (also through a filter proxy).
// Threading: GUI thread only.
#pragma once

#include <QStyledItemDelegate>

namespace TiDesk {

class EnvironmentDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // True when index is the first row of its tier (the heading is drawn above it).
    static bool startsGroup(const QModelIndex &index);

private:
    [[nodiscard]] int headerHeight(const QStyleOptionViewItem &option) const;
    [[nodiscard]] int rowHeight(const QStyleOptionViewItem &option) const;
};

} // namespace TiDesk
