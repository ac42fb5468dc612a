#include "AlertStyleModel.h"

#include "alerts/AlertListModel.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace TiDesk {

QColor AlertStyleModel::silencedColor()
{
    return { 0x8a, 0x8a, 0x8a };
}

QVariant AlertStyleModel::data(const QModelIndex &index, int role) const
{
    if (role == Qt::ForegroundRole || role == Qt::FontRole) {
        if (index.data(AlertListModel::SilencedRole).toBool()) {
            if (role == Qt::ForegroundRole)
                return QBrush(silencedColor());
            QFont f;
            f.setItalic(true);
            return f;
        }
    }
    return QIdentityProxyModel::data(index, role);
}

} // namespace TiDesk
