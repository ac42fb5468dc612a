#include "EnvironmentFilterModel.h"

#include "inventory/InventoryModel.h"

namespace TiDesk {

EnvironmentFilterModel::EnvironmentFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{ }

QStringList EnvironmentFilterModel::filterWords(const QString &text)
{
    return text.simplified().split(u' ', Qt::SkipEmptyParts);
}

QString EnvironmentFilterModel::searchText(const QModelIndex &idx)
{
    const QStringList haystack {
        idx.data(InventoryModel::NameRole).toString(),
        idx.data(InventoryModel::TierNameRole).toString(),
        idx.data(InventoryModel::TagsRole).toStringList().join(u' '),
        idx.data(InventoryModel::EndpointsRole).toString(),
    };
    return haystack.join(u' ');
}

bool EnvironmentFilterModel::containsAll(const QString &haystack, const QStringList &words)
{
    for (const QString &w : words)
        if (!haystack.contains(w, Qt::CaseInsensitive))
            return false;
    return true;
}

void EnvironmentFilterModel::setFilterText(const QString &text)
{
    const QStringList words = filterWords(text);
    if (words == m_words)
        return;
    m_words = words;
    invalidateRowsFilter();
}

bool EnvironmentFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_words.isEmpty())
        return true;
    return containsAll(searchText(sourceModel()->index(sourceRow, 0, sourceParent)), m_words);
}

} // namespace TiDesk
