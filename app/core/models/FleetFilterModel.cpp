#include "FleetFilterModel.h"

#include "EnvironmentFilterModel.h"
#include "FleetModel.h"
#include "inventory/InventoryModel.h"

namespace TiDesk {

namespace {
bool isNumber(const QVariant &v)
{
    switch (v.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Double: return true;
    default: break;
    }
    return false;
}

// <0, 0, >0 like strcmp; both values known.
int compareKnown(const QVariant &a, const QVariant &b)
{
    if (isNumber(a) && isNumber(b)) {
        const double x = a.toDouble();
        const double y = b.toDouble();
        return x < y ? -1 : (y < x ? 1 : 0);
    }
    return QString::localeAwareCompare(a.toString().toLower(), b.toString().toLower());
}
} // namespace

FleetFilterModel::FleetFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    setSortRole(FleetModel::SortRole);
    sortWorstFirst();
}

void FleetFilterModel::setTierFilter(std::optional<Tier> tier)
{
    if (tier == m_tier)
        return;
    m_tier = tier;
    invalidateRowsFilter();
}

void FleetFilterModel::setTagFilter(const QString &tag)
{
    if (tag == m_tag)
        return;
    m_tag = tag;
    invalidateRowsFilter();
}

void FleetFilterModel::setFilterText(const QString &text)
{
    const QStringList words = EnvironmentFilterModel::filterWords(text);
    if (words == m_words)
        return;
    m_words = words;
    invalidateRowsFilter();
}

void FleetFilterModel::sortWorstFirst()
{
    sort(FleetModel::StateColumn, Qt::AscendingOrder);
}

bool FleetFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex idx = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_tier && Tier(idx.data(InventoryModel::TierRole).toInt()) != *m_tier)
        return false;
    if (!m_tag.isEmpty()
        && !idx.data(InventoryModel::TagsRole).toStringList().contains(m_tag, Qt::CaseInsensitive))
        return false;
    if (m_words.isEmpty())
        return true;
    const auto column = [&](int c) {
        return sourceModel()->index(sourceRow, c, sourceParent).data().toString();
    };
    const QStringList haystack { EnvironmentFilterModel::searchText(idx),
                                 column(FleetModel::EngineColumn), column(FleetModel::StateColumn),
                                 column(FleetModel::LastErrorColumn) };
    return EnvironmentFilterModel::containsAll(haystack.join(u' '), m_words);
}

bool FleetFilterModel::worseThan(const QModelIndex &left, const QModelIndex &right)
{
    const int sl = left.data(FleetModel::SeverityRole).toInt();
    const int sr = right.data(FleetModel::SeverityRole).toInt();
    if (sl != sr)
        return sl < sr;
    const int rankL = Environment::tierSortRank(Tier(left.data(InventoryModel::TierRole).toInt()));
    const int rankR = Environment::tierSortRank(Tier(right.data(InventoryModel::TierRole).toInt()));
    if (rankL != rankR)
        return rankL < rankR;
    const int c
        = QString::compare(left.data(InventoryModel::NameRole).toString(),
                           right.data(InventoryModel::NameRole).toString(), Qt::CaseInsensitive);
    if (c != 0)
        return c < 0;
    return left.data(InventoryModel::IdRole).toUuid() < right.data(InventoryModel::IdRole).toUuid();
}

bool FleetFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // QSortFilterProxyModel sorts descending by calling lessThan(right, left): look at the order
    // so that unknown values and ties come out the same way in both directions.
    const bool ascending = sortOrder() == Qt::AscendingOrder;
    if (left.column() != FleetModel::StateColumn) {
        const QVariant a = left.data(sortRole());
        const QVariant b = right.data(sortRole());
        if (a.isValid() != b.isValid())
            return a.isValid() == ascending; // known before unknown
        if (a.isValid()) {
            const int c = compareKnown(a, b);
            if (c != 0)
                return c < 0;
        }
    }
    return ascending ? worseThan(left, right) : worseThan(right, left);
}

} // namespace TiDesk
