// ClusterTopology: what a cluster is made of, for the cluster page and `tidesk-cli`. For TiDB:
// every tidb/pd/tikv/tiflash node (INFORMATION_SCHEMA.CLUSTER_INFO), its CPU load and memory
// (CLUSTER_LOAD), TiKV stores with capacity, leaders and regions (TIKV_STORE_STATUS, or PD's
// /stores when a PD URL is set), PD health and leader (PD API). For MySQL/MariaDB: the server
// itself and its replication channels (SHOW ALL SLAVES STATUS / SHOW REPLICA STATUS).
// Plain value types; built on a pool thread, copied to the GUI thread.
#pragma once

#include "sql/EngineInfo.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace TiDesk {

struct ClusterNode
{
    QString type; // tidb, pd, tikv, tiflash (TiDB); mariadb, mysql (the server itself)
    QString instance; // service address host:port (TiDB SQL port for tidb nodes)
    QString statusAddress; // HTTP status address (TiDB 10080, TiKV 20180, PD 2379)
    QString version;
    QString gitHash;
    QDateTime startTime; // UTC; invalid when unknown
    qint64 uptimeSeconds = -1;
    // Up, Down, Offline, Tombstone, Disconnected (TiKV, from PD); Healthy/Unhealthy (PD);
    // empty when nobody said (CLUSTER_INFO lists nodes that answered).
    QString state;
    bool leader = false; // PD leader
    double load1 = -1; // CPU load average (CLUSTER_LOAD); -1 unknown
    qint64 memoryTotalBytes = -1;
    qint64 memoryUsedBytes = -1;
    // TiKV / TiFlash stores
    qint64 storeId = -1;
    qint64 capacityBytes = -1;
    qint64 availableBytes = -1;
    qint64 leaderCount = -1;
    qint64 regionCount = -1;
    QDateTime lastHeartbeat; // UTC
    // MySQL/MariaDB server
    qint64 serverId = -1;
    bool readOnly = false;

    // Whether the node is in a state a DBA must look at (Down, Disconnected, Offline, Unhealthy).
    [[nodiscard]] bool isProblem() const;
    // used / capacity in 0..1; -1 when unknown.
    [[nodiscard]] double storeUsedRatio() const;
};

struct ReplicationChannel
{
    QString name; // Connection_name / Channel_Name; empty = the default channel
    QString sourceHost;
    int sourcePort = 0;
    QString ioRunning; // Yes, No, Connecting, Preparing
    QString sqlRunning; // Yes, No
    qint64 secondsBehind = -1; // -1 = NULL (not replicating)
    QString lastIoError;
    QString lastSqlError;
    QString gtidPosition; // Gtid_IO_Pos (MariaDB) / Executed_Gtid_Set (MySQL)

    [[nodiscard]] bool isHealthy() const; // both threads Yes, no error
};

struct ClusterTopology
{
    EngineInfo engine;
    QList<ClusterNode> nodes; // TiDB: by type (pd, tidb, tikv, tiflash), then instance
    QList<ReplicationChannel> replication;
    // Parts that could not be read, each a sentence ("PD API: connection refused"); the rest of
    // the topology is still shown.
    QStringList problems;
    QDateTime readAt; // UTC

    [[nodiscard]] int countOfType(const QString &type) const;
    [[nodiscard]] int problemNodeCount() const;
};

} // namespace TiDesk

Q_DECLARE_METATYPE(TiDesk::ClusterTopology)
