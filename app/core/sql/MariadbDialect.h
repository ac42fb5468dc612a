// MariadbDialect: statements for MariaDB: PROCESSLIST with TIME_MS/MEMORY_USED/QUERY_ID,
// mysql.slow_log, KILL HARD QUERY, max_statement_time (seconds). Immutable; share between threads.
#pragma once

#include "sql/Dialect.h"

namespace TiDesk {

class MariadbDialect final : public Dialect
{
public:
    explicit MariadbDialect(EngineInfo info, DialectOptions options = {});

    QString sessionTimeoutStatement(std::chrono::milliseconds limit) const override;
    QString liveSessionsQuery() const override;
    QString slowQueriesQuery(const QDateTime &fromUtc, const QDateTime &toUtc,
                             int limit) const override;
    Result<ExplainStatement> explainSession(quint64 connectionId) const override;
    QString topologyQuery() const override;
    Result<QString> serverQuery() const override;
    KillStatement killStatement(KillKind kind, quint64 connectionId,
                                const KillConfig &config = {}) const override;
    QList<GuardrailVariable> guardrailVariables() const override;
};

} // namespace TiDesk
