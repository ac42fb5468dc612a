// ClusterNodeModel: the nodes of a ClusterTopology as a table for the cluster page: type,
// instance, state, version, uptime, CPU load, memory, store usage, leaders, regions, last
// heartbeat. Unknown values show as an em dash, never as 0. ProblemRole marks rows a DBA must
// look at (a Down/Disconnected store, an unhealthy PD). The topology is replaced as a whole on
// each read (a cluster has tens of nodes), keeping rows whose instance did not change in place.
// Threading: GUI thread. QtCore only.
#pragma once

#include "health/ClusterTopology.h"

#include <QAbstractTableModel>

namespace TiDesk {

class ClusterNodeModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TypeColumn,
        InstanceColumn,
        StateColumn,
        VersionColumn,
        UptimeColumn,
        LoadColumn,
        MemoryColumn,
        StoreColumn,
        LeadersColumn,
        RegionsColumn,
        HeartbeatColumn,
        ColumnCount
    };
    enum Role {
        ProblemRole = Qt::UserRole + 1, // bool
        NodeTypeRole, // QString: tidb, pd, tikv, tiflash, mariadb, mysql
        SortRole, // raw value for sorting
        StoreRatioRole, // double 0..1, -1 unknown
    };

    explicit ClusterNodeModel(QObject *parent = nullptr);

    void setTopology(const ClusterTopology &topology);
    void clear();
    [[nodiscard]] const ClusterTopology &topology() const { return m_topology; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // "TiKV", "PD", "TiDB", "TiFlash", "MariaDB" ...
    [[nodiscard]] static QString typeDisplayName(const QString &type);

private:
    [[nodiscard]] QVariant display(const ClusterNode &n, int column) const;
    [[nodiscard]] static QString stateText(const QString &state);
    [[nodiscard]] static QVariant sortValue(const ClusterNode &n, int column);

    ClusterTopology m_topology;
};

} // namespace TiDesk
