#include "ActivityRowDelegate.h"

#include "ThemeColors.h"

#include "models/ActivityModel.h"

namespace TiDesk {

void ActivityRowDelegate::initStyleOption(QStyleOptionViewItem *option,
                                          const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (!index.data(ActivityModel::OkRole).toBool()) {
        // The error red readable on this theme's base (lighter in dark themes).
        option->palette.setColor(
            QPalette::Text, ThemeColors::foreground(ThemeColors::Role::Error, option->palette));
        option->palette.setColor(QPalette::HighlightedText, Qt::white);
        if (index.column() == ActivityModel::ResultColumn)
            option->font.setBold(true);
    }
}

} // namespace TiDesk
