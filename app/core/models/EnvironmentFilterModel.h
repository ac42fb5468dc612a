// EnvironmentFilterModel: the sidebar's filter box over the InventoryModel. Keeps rows whose
// name, tier, tags or endpoints contain every word typed (case-insensitive). Keeps the source
// order (prod first). QtCore only.
// Threading: GUI thread, like the model it filters.
#pragma once

#include <QSortFilterProxyModel>
#include <QStringList>

namespace TiDesk {

class EnvironmentFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit EnvironmentFilterModel(QObject *parent = nullptr);

    [[nodiscard]] QString filterText() const { return m_words.join(u' '); }
    void setFilterText(const QString &text);

    // The words of a filter text ("  prod  east " -> {prod, east}).
    [[nodiscard]] static QStringList filterWords(const QString &text);
    // What the filter searches in a row with InventoryModel's roles: name, tier, tags, endpoints.
    [[nodiscard]] static QString searchText(const QModelIndex &index);
    // True when haystack contains every word (case-insensitive); no words match everything.
    [[nodiscard]] static bool containsAll(const QString &haystack, const QStringList &words);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QStringList m_words;
};

} // namespace TiDesk
