// EnvironmentDelegate: paints one sidebar row: a tier-coloured stripe, a connection status dot
// (green ok, red failing, grey not checked, hollow while checking), the environment name, the
// host line, the last check ("MariaDB 10.11.19 · 8 ms" or "unreachable" in red), its tier badge
// on the right, and — above the first row of each tier — a group heading ("PRODUCTION · 2").
// Production rows keep a light red tint so they stand out even unselected.
// Works on any model with InventoryModel's roles (also through a filter proxy); the check roles
// come from FleetStatusModel and are optional (rows without them show "not checked").
// Threading: GUI thread only.
#pragma once

#include <QColor>
#include <QStyledItemDelegate>

namespace TiDesk {

class EnvironmentDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // True when index is the first row of its tier (the heading is drawn above it).
    static bool startsGroup(const QModelIndex &index);
    // The status dot's colour for a FleetStatusModel::CheckStatus (int).
    static QColor statusColor(int checkStatus);

private:
    [[nodiscard]] int headerHeight(const QStyleOptionViewItem &option) const;
    [[nodiscard]] int rowHeight(const QStyleOptionViewItem &option) const;
};

} // namespace TiDesk
