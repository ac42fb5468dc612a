// FleetFilterModel: the Fleet page's filters and sort over FleetModel. Filters: one tier, one
// tag, and free text (every word must appear in the name, tier, tags, endpoints, engine, state or
// last error; the same matching as the sidebar's EnvironmentFilterModel). Sort: by the State
// column ascending by default, which is "worst first": Down, then Degraded / critical alerts, then
// warnings, OK, unknown; within the same severity prod before uat before test before dev, then by
// name. Any other column sorts by its raw value (FleetModel::SortRole), unknown values last in
// both directions, ties worst first. Re-sorts and re-filters as samples arrive.
// Threading: GUI thread, like the model it filters. QtCore only.
#pragma once

#include "inventory/Environment.h"

#include <QSortFilterProxyModel>
#include <QStringList>

#include <optional>

namespace TiDesk {

class FleetFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit FleetFilterModel(QObject *parent = nullptr);

    // std::nullopt = every tier.
    void setTierFilter(std::optional<Tier> tier);
    [[nodiscard]] std::optional<Tier> tierFilter() const { return m_tier; }
    // Empty = every tag; otherwise rows carrying that tag (case-insensitive).
    void setTagFilter(const QString &tag);
    [[nodiscard]] QString tagFilter() const { return m_tag; }
    void setFilterText(const QString &text);
    [[nodiscard]] QString filterText() const { return m_words.join(u' '); }

    // The default order: State column, ascending (worst first).
    void sortWorstFirst();

    // The severity order of two FleetModel rows (same model): severity, tier rank, name, id.
    [[nodiscard]] static bool worseThan(const QModelIndex &left, const QModelIndex &right);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    std::optional<Tier> m_tier;
    QString m_tag;
    QStringList m_words;
};

} // namespace TiDesk
