#include "EnvironmentFilterModel.h"

#include "inventory/InventoryModel.h"

namespace TiDesk {

EnvironmentFilterModel::EnvironmentFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{ }

void EnvironmentFilterModel::setFilterText(const QString &text)
{
    const QStringList words = text.simplified().split(u' ', Qt::SkipEmptyParts);
    if (words == m_words)
        return;
    m_words = words;
    invalidateRowsFilter();
}

bool EnvironmentFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_words.isEmpty())
        return true;
    const QModelIndex idx = sourceModel()->index(sourceRow, 0, sourceParent);
    const QStringList haystack {
        idx.data(InventoryModel::NameRole).toString(),
        idx.data(InventoryModel::TierNameRole).toString(),
        idx.data(InventoryModel::TagsRole).toStringList().join(u' '),
        idx.data(InventoryModel::EndpointsRole).toString(),
    };
    const QString all = haystack.join(u' ');
    for (const QString &w : m_words)
        if (!all.contains(w, Qt::CaseInsensitive))
            return false;
    return true;
}

} // namespace TiDesk
