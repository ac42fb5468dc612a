#include "TopologyReader.h"

#include "health/TopologyParser.h"
#include "sql/ConnectParams.h"
#include "sql/EngineDetector.h"
#include "sql/SqlConnection.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("TiDesk::TopologyReader", text);
}

// Runs an optional statement; a failure is noted in problems under `what`.
std::optional<QueryResult> optionalQuery(SqlConnection &conn, const Result<QString> &statement,
                                         const QString &what, QStringList &problems)
{
    if (!statement)
        return std::nullopt;
    Result<QueryResult> r = conn.query(*statement);
    if (!r) {
        //: %1 = what could not be read ("CPU load"), %2 = the server's error
        problems << tr("%1 could not be read: %2").arg(what, r.error().message);
        return std::nullopt;
    }
    return std::move(r).value();
}

} // namespace

Result<ClusterTopology> readTopology(const TopologyRequest &request, ActivityLog *activityLog)
{
    const Environment &env = request.environment;
    if (env.endpoints.isEmpty())
        return Error::make(ErrorKind::InvalidInput, tr("%1 has no SQL endpoint").arg(env.name));

    Error lastError;
    for (int i = 0; i < env.endpoints.size(); ++i) {
        ConnectParams params = ConnectParams::fromEnvironment(env, request.password, i);
        params.sshSecret = request.route.sshSecret;
        params.router = request.route.router;
        SqlConnection conn(activityLog);
        if (const VoidResult opened = conn.open(params); !opened) {
            lastError = opened.error();
            const ErrorKind k = lastError.kind;
            if (k == ErrorKind::Auth || k == ErrorKind::Tls || k == ErrorKind::HostKey)
                return lastError;
            continue;
        }
        Result<EngineInfo> engine = EngineDetector::detect(conn, env.engine);
        if (!engine)
            return engine.error();

        ClusterTopology topo;
        topo.engine = *engine;
        topo.readAt = QDateTime::currentDateTimeUtc();
        const auto dialect = makeDialect(*engine, request.dialectOptions);
        const QString endpoint = params.host + u':' + QString::number(params.port);

        if (engine->engine == Engine::TiDB) {
            // CLUSTER_INFO is the backbone: without it there is no topology to show.
            Result<QueryResult> info = conn.query(dialect->topologyQuery());
            if (!info)
                return info.error();
            topo.nodes = TopologyParser::nodesFromClusterInfo(*info);
            if (auto load
                = optionalQuery(conn, dialect->clusterLoadQuery(), tr("CPU load"), topo.problems))
                TopologyParser::applyClusterLoad(topo.nodes, *load);
            if (auto stores = optionalQuery(conn, dialect->storeStatusQuery(),
                                            tr("TiKV store status"), topo.problems))
                TopologyParser::applyStoreStatus(topo.nodes, *stores);
        } else {
            std::optional<QueryResult> server
                = optionalQuery(conn, dialect->serverQuery(), tr("Server status"), topo.problems);
            topo.nodes << TopologyParser::serverNode(server.value_or(QueryResult {}), *engine,
                                                     endpoint);
            if (auto repl = optionalQuery(conn, dialect->topologyQuery(), tr("Replication status"),
                                          topo.problems))
                topo.replication = TopologyParser::replicationChannels(*repl);
        }
        return topo;
    }
    return lastError;
}

} // namespace TiDesk
