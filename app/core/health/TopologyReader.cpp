#include "TopologyReader.h"

#include "health/TopologyParser.h"
#include "sql/ConnectParams.h"
#include "sql/EnvironmentConnection.h"
#include "sql/SqlConnection.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

// Runs an optional statement; a failure is noted in problems under `what`.
std::optional<QueryResult> optionalQuery(SqlConnection &conn, const Result<QString> &statement,
                                         const QString &what, QStringList &problems)
{
    if (!statement)
        return std::nullopt;
    Result<QueryResult> r = conn.query(*statement);
    if (!r) {
        //: %1 = what could not be read ("CPU load"), %2 = the server's error
        problems << QCoreApplication::translate("TiDesk::TopologyReader",
                                                "%1 could not be read: %2")
                        .arg(what, r.error().message);
        return std::nullopt;
    }
    return std::move(r).value();
}

} // namespace

Result<ClusterTopology> readTopology(const TopologyRequest &request, ActivityLog *activityLog)
{
    SqlConnection conn(activityLog);
    EnvironmentTarget target;
    target.environment = request.environment;
    target.password = request.password;
    target.route = request.route;
    target.dialectOptions = request.dialectOptions;
    Result<OpenedEnvironment> opened = openEnvironment(target, conn);
    if (!opened)
        return opened.error();
    const EngineInfo *engine = &opened->engine;
    const auto &dialect = opened->dialect;
    const QString &endpoint = opened->endpoint;
    ClusterTopology topo;
    topo.engine = *engine;
    topo.readAt = QDateTime::currentDateTimeUtc();

    if (engine->engine == Engine::TiDB) {
        // CLUSTER_INFO is the backbone: without it there is no topology to show.
        Result<QueryResult> info = conn.query(dialect->topologyQuery());
        if (!info)
            return info.error();
        topo.nodes = TopologyParser::nodesFromClusterInfo(*info);
        if (auto load = optionalQuery(
                conn, dialect->clusterLoadQuery(),
                QCoreApplication::translate("TiDesk::TopologyReader", "CPU load"), topo.problems))
            TopologyParser::applyClusterLoad(topo.nodes, *load);
        if (auto stores = optionalQuery(
                conn, dialect->storeStatusQuery(),
                QCoreApplication::translate("TiDesk::TopologyReader", "TiKV store status"),
                topo.problems))
            TopologyParser::applyStoreStatus(topo.nodes, *stores);
    } else {
        std::optional<QueryResult> server = optionalQuery(
            conn, dialect->serverQuery(),
            QCoreApplication::translate("TiDesk::TopologyReader", "Server status"), topo.problems);
        topo.nodes << TopologyParser::serverNode(server.value_or(QueryResult {}), *engine,
                                                 endpoint);
        if (auto repl = optionalQuery(
                conn, dialect->topologyQuery(),
                QCoreApplication::translate("TiDesk::TopologyReader", "Replication status"),
                topo.problems))
            topo.replication = TopologyParser::replicationChannels(*repl);
    }
    return topo;
}

} // namespace TiDesk
