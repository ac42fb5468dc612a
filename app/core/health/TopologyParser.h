// TopologyParser: turns the answers of the topology statements (QueryResult rows, selected by
// column name) and of the PD API (JSON) into ClusterTopology parts. Pure functions, no I/O;
// any thread. Unknown or malformed values become "unknown" (-1, empty), never a guess.
#pragma once

#include "common/Result.h"
#include "health/ClusterTopology.h"
#include "sql/QueryResult.h"

#include <QByteArray>

namespace TiDesk::TopologyParser {

// CLUSTER_INFO rows (TYPE, INSTANCE, STATUS_ADDRESS, VERSION, GIT_HASH, START_TIME, UPTIME).
[[nodiscard]] QList<ClusterNode> nodesFromClusterInfo(const QueryResult &result);
// CLUSTER_LOAD rows (TYPE, INSTANCE, DEVICE_TYPE, NAME, VALUE) merged into nodes by INSTANCE.
void applyClusterLoad(QList<ClusterNode> &nodes, const QueryResult &result);
// TIKV_STORE_STATUS rows merged into the tikv/tiflash nodes by ADDRESS (= INSTANCE); stores
// CLUSTER_INFO did not list are added (a Down store does not answer CLUSTER_INFO).
void applyStoreStatus(QList<ClusterNode> &nodes, const QueryResult &result);
// The server row of Dialect::serverQuery(); endpoint = "host:port" TiDesk connected to.
[[nodiscard]] ClusterNode serverNode(const QueryResult &result, const EngineInfo &engine,
                                     const QString &endpoint);
// SHOW ALL SLAVES STATUS (MariaDB), SHOW SLAVE STATUS / SHOW REPLICA STATUS (MySQL).
[[nodiscard]] QList<ReplicationChannel> replicationChannels(const QueryResult &result);

// PD API: /pd/api/v1/stores merged like applyStoreStatus (PD is the authority on store state).
[[nodiscard]] Result<int> applyPdStores(QList<ClusterNode> &nodes, const QByteArray &json);
// PD API: /pd/api/v1/health (health per member) and /pd/api/v1/members (leader) merged into the
// pd nodes by client URL host:port.
[[nodiscard]] Result<int> applyPdHealth(QList<ClusterNode> &nodes, const QByteArray &json);
[[nodiscard]] Result<int> applyPdMembers(QList<ClusterNode> &nodes, const QByteArray &json);

// pd, tidb, tikv, tiflash, then others; then instance.
void sortNodes(QList<ClusterNode> &nodes);

// Go's time.Duration text ("26h39m4.352862693s", "7m0.94s", "850ms") in whole seconds; -1 bad.
[[nodiscard]] qint64 goDurationSeconds(const QString &text);
// PD/TiDB human sizes ("3.581TiB", "31.77MiB", "512B", "1.5GB") in bytes; -1 bad.
[[nodiscard]] qint64 byteSize(const QString &text);

} // namespace TiDesk::TopologyParser
