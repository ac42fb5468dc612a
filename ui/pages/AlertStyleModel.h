// AlertStyleModel: the Alerts page's fonts and colours over AlertListModel, kept out of the
// QtCore model: a silenced alert's row is grey and italic, so what still needs attention stands
// out. An identity proxy: rows, order and every other role pass through unchanged.
// Threading: GUI thread.
#pragma once

#include <QIdentityProxyModel>

namespace TiDesk {

class AlertStyleModel final : public QIdentityProxyModel
{
    Q_OBJECT
public:
    using QIdentityProxyModel::QIdentityProxyModel;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] static QColor silencedColor();
};

} // namespace TiDesk
