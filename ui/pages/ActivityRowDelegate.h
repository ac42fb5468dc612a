// ActivityRowDelegate: paints failed activity rows (ActivityModel::OkRole == false) in red so
// errors stand out in a long log. Threading: GUI thread only.
#pragma once

#include <QStyledItemDelegate>

namespace TiDesk {

class ActivityRowDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace TiDesk
