// KillRouting: where a KILL must be sent on a TiDB cluster without global kill (before v6.1,
// or enable-global-kill = false): to the tidb-server that owns the session, directly, never via
// the load balancer. CLUSTER_PROCESSLIST.INSTANCE names that server by its STATUS address
// (host:10080); CLUSTER_INFO maps it to the SQL address (host:4000) TiDesk connects to
// (docs/tidb-reference.md §3.1). Pure functions of their input, no I/O: any thread.
#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QString>

namespace TiDesk {

struct QueryResult;

struct HostPort
{
    QString host;
    int port = 0;

    // "host:port"; IPv6 hosts in brackets.
    [[nodiscard]] QString toString() const;
};

class KillRouting
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::KillRouting)
public:
    // "host:port", "[v6]:port". InvalidInput when there is no valid port.
    [[nodiscard]] static Result<HostPort> splitAddress(const QString &address);

    // The SQL address of the tidb-server whose status address is `statusAddress`, read from a
    // CLUSTER_INFO result (columns TYPE, INSTANCE, STATUS_ADDRESS looked up by name). A server
    // that advertises a wildcard or empty host (0.0.0.0, ::) is reached at the status address's
    // host with the SQL port. NotFound, naming the known tidb-servers, when the instance is not
    // in CLUSTER_INFO (e.g. it restarted on another address); InvalidInput when the result is
    // not CLUSTER_INFO.
    [[nodiscard]] static Result<HostPort> sqlAddressFor(const QueryResult &clusterInfo,
                                                        const QString &statusAddress);
};

} // namespace TiDesk
