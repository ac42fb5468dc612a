#include "ClusterNodeModel.h"

#include "alerts/AlertListModel.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

const QString kUnknown = u"\u2014"_s; // em dash

QString bytes(qint64 n)
{
    return n < 0 ? kUnknown : QLocale().formattedDataSize(n, 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace

ClusterNodeModel::ClusterNodeModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void ClusterNodeModel::setTopology(const ClusterTopology &topology)
{
    // Same instances in the same order (the usual refresh): update in place so selection and
    // scroll survive; otherwise the node list itself changed and a reset is honest.
    bool sameRows = topology.nodes.size() == m_topology.nodes.size();
    for (qsizetype i = 0; sameRows && i < topology.nodes.size(); ++i)
        sameRows = topology.nodes[i].instance == m_topology.nodes[i].instance
            && topology.nodes[i].type == m_topology.nodes[i].type;
    if (sameRows) {
        m_topology = topology;
        if (!m_topology.nodes.isEmpty())
            emit dataChanged(index(0, 0), index(int(m_topology.nodes.size()) - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_topology = topology;
    endResetModel();
}

void ClusterNodeModel::clear()
{
    beginResetModel();
    m_topology = {};
    endResetModel();
}

int ClusterNodeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_topology.nodes.size());
}

int ClusterNodeModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ClusterNodeModel::typeDisplayName(const QString &type)
{
    if (type == u"tidb")
        return u"TiDB"_s;
    if (type == u"pd")
        return u"PD"_s;
    if (type == u"tikv")
        return u"TiKV"_s;
    if (type == u"tiflash")
        return u"TiFlash"_s;
    if (type == u"mariadb")
        return u"MariaDB"_s;
    if (type == u"mysql")
        return u"MySQL"_s;
    return type;
}

// PD's store and node states, in the user's language (the raw word stays in the tooltip).
QString ClusterNodeModel::stateText(const QString &state)
{
    const QString s = state.toLower();
    if (s == u"up")
        //: PD store state
        return tr("Up");
    if (s == u"down")
        //: PD store state
        return tr("Down");
    if (s == u"offline")
        //: PD store state: being taken out of the cluster, data still moving away
        return tr("Offline");
    if (s == u"tombstone")
        //: PD store state: removed from the cluster, only its record is left
        return tr("Tombstone");
    if (s == u"disconnected")
        //: PD store state: no heartbeat for a while
        return tr("Disconnected");
    if (s == u"unhealthy")
        //: PD store state
        return tr("Unhealthy");
    if (s == u"serving")
        //: PD store node state (TiDB 7+)
        return tr("Serving");
    if (s == u"preparing")
        //: PD store node state (TiDB 7+): joining, not yet serving
        return tr("Preparing");
    if (s == u"removing")
        //: PD store node state (TiDB 7+)
        return tr("Removing");
    if (s == u"removed")
        //: PD store node state (TiDB 7+)
        return tr("Removed");
    return state;
}

QVariant ClusterNodeModel::display(const ClusterNode &n, int column) const
{
    const QLocale locale;
    switch (column) {
    case TypeColumn:
        return n.leader ? tr("%1 (leader)").arg(typeDisplayName(n.type)) : typeDisplayName(n.type);
    case InstanceColumn: return n.instance;
    case StateColumn:
        if (n.state.isEmpty())
            //: CLUSTER_INFO lists the node, so it answered, but nothing reports its state
            return tr("listed");
        return stateText(n.state);
    case VersionColumn: return n.version.isEmpty() ? kUnknown : n.version;
    case UptimeColumn: {
        if (n.uptimeSeconds < 0)
            return kUnknown;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        return AlertListModel::ageText(now.addSecs(-n.uptimeSeconds), now);
    }
    case LoadColumn: return n.load1 < 0 ? kUnknown : locale.toString(n.load1, 'f', 2);
    case MemoryColumn:
        if (n.memoryUsedBytes < 0 && n.memoryTotalBytes < 0)
            return kUnknown;
        //: memory used / total, e.g. "14.4 GB / 64.0 GB"
        return tr("%1 / %2").arg(bytes(n.memoryUsedBytes), bytes(n.memoryTotalBytes));
    case StoreColumn: {
        const double ratio = n.storeUsedRatio();
        if (ratio < 0)
            return n.capacityBytes < 0 ? kUnknown : bytes(n.capacityBytes);
        //: store usage: percent used, then the capacity, e.g. "35 % of 3.6 TB"
        return tr("%1 % of %2").arg(locale.toString(ratio * 100, 'f', 0), bytes(n.capacityBytes));
    }
    case LeadersColumn: return n.leaderCount < 0 ? kUnknown : locale.toString(n.leaderCount);
    case RegionsColumn: return n.regionCount < 0 ? kUnknown : locale.toString(n.regionCount);
    case HeartbeatColumn: {
        if (!n.lastHeartbeat.isValid())
            return kUnknown;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        //: how long ago the store's last heartbeat reached PD, e.g. "3s ago"
        return tr("%1 ago").arg(AlertListModel::ageText(n.lastHeartbeat, now));
    }
    default: return {};
    }
}

QVariant ClusterNodeModel::sortValue(const ClusterNode &n, int column)
{
    switch (column) {
    case UptimeColumn: return n.uptimeSeconds;
    case LoadColumn: return n.load1;
    case MemoryColumn: return n.memoryUsedBytes;
    case StoreColumn: return n.storeUsedRatio();
    case LeadersColumn: return n.leaderCount;
    case RegionsColumn: return n.regionCount;
    case HeartbeatColumn: return n.lastHeartbeat;
    case StateColumn: return n.isProblem() ? 0 : 1;
    default: return {};
    }
}

QVariant ClusterNodeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_topology.nodes.size())
        return {};
    const ClusterNode &n = m_topology.nodes.at(index.row());
    switch (role) {
    case Qt::DisplayRole: return display(n, index.column());
    case Qt::ToolTipRole:
        if (index.column() == InstanceColumn && !n.statusAddress.isEmpty())
            //: %1 = host:port of the node's HTTP status port
            return tr("Status address: %1").arg(n.statusAddress);
        if (index.column() == StateColumn && !n.state.isEmpty())
            //: %1 = the state word exactly as PD reports it, e.g. Up, Offline, Tombstone
            return tr("PD reports: %1").arg(n.state);
        if (index.column() == VersionColumn && !n.gitHash.isEmpty())
            return tr("Git hash: %1").arg(n.gitHash);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() >= UptimeColumn && index.column() != HeartbeatColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case ProblemRole: return n.isProblem();
    case NodeTypeRole: return n.type;
    case StoreRatioRole: return n.storeUsedRatio();
    case SortRole: {
        const QVariant v = sortValue(n, index.column());
        return v.isValid() ? v : display(n, index.column());
    }
    default: return {};
    }
}

QVariant ClusterNodeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TypeColumn: return tr("Component");
    case InstanceColumn: return tr("Instance");
    case StateColumn: return tr("State");
    case VersionColumn: return tr("Version");
    case UptimeColumn: return tr("Uptime");
    case LoadColumn:
        //: CPU load average over one minute
        return tr("Load 1m");
    case MemoryColumn: return tr("Memory");
    case StoreColumn: return tr("Store used");
    case LeadersColumn: return tr("Leaders");
    case RegionsColumn: return tr("Regions");
    case HeartbeatColumn: return tr("Heartbeat");
    default: return {};
    }
}

} // namespace TiDesk
