// TopologyReader: reads an environment's topology over SQL: opens a connection (through the SSH
// bastion when the environment has one), detects the engine, then runs the dialect's topology
// statements (TiDB: CLUSTER_INFO, CLUSTER_LOAD, TIKV_STORE_STATUS; MySQL/MariaDB: the server
// row and its replication channels). A failing optional part (e.g. no privilege for
// CLUSTER_LOAD) becomes a line in ClusterTopology::problems, not a failure of the whole read.
// The PD API is read separately (PdClient, non-blocking) and merged on the GUI thread.
//
// Threading: readTopology() blocks (network): run it on a pool thread, never on the GUI thread.
#pragma once

#include "common/Result.h"
#include "health/ClusterTopology.h"
#include "inventory/Environment.h"
#include "sql/Dialect.h"
#include "sql/EnvironmentCheck.h"

namespace TiDesk {

class ActivityLog;

struct TopologyRequest
{
    Environment environment;
    QString password;
    SshRoute route;
    DialectOptions dialectOptions; // catalogSchema: the TiDB catalog test seam
};

[[nodiscard]] Result<ClusterTopology> readTopology(const TopologyRequest &request,
                                                   ActivityLog *activityLog = nullptr);

} // namespace TiDesk
