#include "ActivityRowDelegate.h"

#include "models/ActivityModel.h"

namespace TiDesk {

void ActivityRowDelegate::initStyleOption(QStyleOptionViewItem *option,
                                          const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (!index.data(ActivityModel::OkRole).toBool()) {
        const QColor red(0xc6, 0x28, 0x28);
        option->palette.setColor(QPalette::Text, red);
        option->palette.setColor(QPalette::HighlightedText, Qt::white);
        if (index.column() == ActivityModel::ResultColumn)
            option->font.setBold(true);
    }
}

} // namespace TiDesk
