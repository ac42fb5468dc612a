// AlertLevelDelegate: paints the Level column of the Alerts page as a coloured pill (emergency
// dark red, critical red, warning orange, info blue, unknown grey) so the worst alerts stand out
// at a glance; a silenced alert gets a faint outlined pill instead of a solid one. Reads
// AlertListModel::LevelRole and SilencedRole. GUI thread.
#pragma once

#include "alerts/Alert.h"

#include <QColor>
#include <QStyledItemDelegate>

namespace TiDesk {

class AlertLevelDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    [[nodiscard]] static QColor colorFor(AlertLevel level);
};

} // namespace TiDesk
