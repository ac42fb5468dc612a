// FleetStyleModel: the Fleet page's colours and fonts over FleetModel (through its filter proxy),
// kept out of the QtCore models: production rows get a light red tint and a bold name, down rows
// a stronger tint, the Alerts column the colour of its worst level, the error of a down
// environment red, unknown numbers ("—") grey. An identity proxy: rows, order and every other
// role pass through unchanged, so every delegate of the table paints the same row background.
// Threading: GUI thread.
#pragma once

#include <QIdentityProxyModel>

namespace TiDesk {

class FleetStyleModel final : public QIdentityProxyModel
{
    Q_OBJECT
public:
    using QIdentityProxyModel::QIdentityProxyModel;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
};

} // namespace TiDesk
