#include "ActivityFilterModel.h"

#include "ActivityModel.h"

namespace TiDesk {

ActivityFilterModel::ActivityFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{ }

void ActivityFilterModel::setEnvironment(const QString &name)
{
    if (m_environment == name)
        return;
    m_environment = name;
    invalidateRowsFilter();
}

void ActivityFilterModel::setText(const QString &text)
{
    const QString t = text.trimmed();
    if (m_text == t)
        return;
    m_text = t;
    invalidateRowsFilter();
}

bool ActivityFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *src = sourceModel();
    if (!src)
        return false;
    if (!m_environment.isEmpty()) {
        const QString env = src->index(sourceRow, ActivityModel::EnvironmentColumn, sourceParent)
                                .data(ActivityModel::EnvironmentRole)
                                .toString();
        if (env.compare(m_environment, Qt::CaseInsensitive) != 0)
            return false;
    }
    if (m_text.isEmpty())
        return true;
    for (int column : { int(ActivityModel::StatementColumn), int(ActivityModel::EndpointColumn),
                        int(ActivityModel::ResultColumn), int(ActivityModel::EnvironmentColumn) }) {
        const QModelIndex idx = src->index(sourceRow, column, sourceParent);
        const QString value = column == ActivityModel::StatementColumn
            ? idx.data(ActivityModel::StatementRole).toString()
            : idx.data(Qt::DisplayRole).toString();
        if (value.contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace TiDesk
