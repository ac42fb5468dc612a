#include "FleetProbe.h"

#include "sql/ConnectParams.h"
#include "sql/EngineDetector.h"
#include "sql/SqlConnection.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <chrono>

using namespace Qt::StringLiterals;

namespace TiDesk {

qint64 steadyNowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

ProbeResult probeEnvironment(const Environment &env, const QString &password,
                             ActivityLog *activityLog, const SshRoute &route,
                             const ProbeOptions &options)
{
    ProbeResult out;
    out.sampledAt = QDateTime::currentDateTimeUtc();
    if (env.endpoints.isEmpty()) {
        out.error = Error::make(
            ErrorKind::InvalidInput,
            QCoreApplication::translate("TiDesk::EnvironmentCheck", "%1 has no SQL endpoint")
                .arg(env.name));
        return out;
    }
    for (int i = 0; i < env.endpoints.size(); ++i) {
        ConnectParams params = ConnectParams::fromEnvironment(env, password, i);
        params.sshSecret = route.sshSecret;
        params.router = route.router;
        params.connectTimeoutMs = options.budgetMs;
        params.readTimeoutMs = options.budgetMs;
        params.writeTimeoutMs = options.budgetMs;
        SqlConnection conn(activityLog);
        QElapsedTimer timer;
        timer.start();
        const VoidResult opened = conn.open(params);
        if (!opened) {
            out.error = opened.error();
            // Credentials, TLS and the bastion's key fail alike on every endpoint.
            const ErrorKind k = opened.error().kind;
            if (k == ErrorKind::Auth || k == ErrorKind::Tls || k == ErrorKind::HostKey)
                return out;
            continue;
        }
        const Result<EngineInfo> engine = EngineDetector::detect(conn, env.engine);
        if (!engine) {
            out.error = engine.error();
            continue;
        }
        const std::shared_ptr<const Dialect> dialect = makeDialect(*engine, options.dialect);
        const Result<QueryResult> status = conn.query(dialect->fleetStatusQuery());
        const qint64 returnedAt = steadyNowMs();
        out.latencyMs = timer.elapsed();
        out.reachable = true;
        out.engine = *engine;
        out.sampledAt = QDateTime::currentDateTimeUtc();
        if (!status) {
            // Reachable, but the counters are unknown (e.g. no PROCESS privilege on TiDB).
            out.error = status.error();
            return out;
        }
        out.error = Error();
        out.counters = FleetMath::countersFromResult(engine->engine, *status);
        out.reading.questions = out.counters.questions;
        out.reading.uptimeSeconds = out.counters.uptimeSeconds;
        out.reading.steadyMs = returnedAt;
        out.reading.ownStatements = qint64(conn.statementsSent());
        return out;
    }
    return out;
}

} // namespace TiDesk
