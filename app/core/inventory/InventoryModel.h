// InventoryModel: the environments as a flat list for the sidebar, prod first (always
// visible), then uat, test, dev, custom, then by name. setEnvironments() diffs by the stable
// Environment::id and emits remove/move/insert/dataChanged, never a reset, so selections and
// persistent indexes survive a refresh. QtCore only; lives on the GUI thread (like any model).
#pragma once

#include "inventory/Environment.h"

#include <QAbstractListModel>
#include <QUuid>

namespace TiDesk {

class InventoryModel final : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1, // QUuid
        NameRole, // QString (also Qt::DisplayRole)
        TierRole, // int (TiDesk::Tier)
        TierNameRole, // QString: dev/test/uat/prod, or the custom tier's name
        ColorRole, // QString "#rrggbb" (effective colour; QtCore has no QColor)
        TagsRole, // QStringList
        EngineRole, // QString: auto, tidb, mysql, mariadb
        IsProductionRole, // bool
        EndpointsRole, // QString: "host:port, host:port"
        EnvironmentRole, // QVariant<TiDesk::Environment>
    };
    Q_ENUM(Role)

    explicit InventoryModel(QObject *parent = nullptr);

    // Replaces the contents with envs (any order; ids must be non-null and unique; duplicates
    // after the first are dropped) by the smallest remove/move/insert/change sequence.
    void setEnvironments(const EnvironmentList &envs);
    [[nodiscard]] const EnvironmentList &environments() const { return m_envs; }
    [[nodiscard]] Environment environment(int row) const;
    [[nodiscard]] int rowOf(const QUuid &id) const; // -1 when absent
    [[nodiscard]] QModelIndex indexOf(const QUuid &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    EnvironmentList m_envs;
};

} // namespace TiDesk
