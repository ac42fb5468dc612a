// MysqlDialect: statements for MySQL (and servers we could not identify, which most likely speak
// MySQL). information_schema.PROCESSLIST with the 8 classic columns, mysql.slow_log, KILL QUERY.
// Immutable; share between threads.
#pragma once

#include "sql/Dialect.h"

namespace TiDesk {

class MysqlDialect final : public Dialect
{
public:
    explicit MysqlDialect(EngineInfo info, DialectOptions options = {});

    QString sessionTimeoutStatement(std::chrono::milliseconds limit) const override;
    QString liveSessionsQuery() const override;
    QString slowQueriesQuery(const QDateTime &fromUtc, const QDateTime &toUtc,
                             int limit) const override;
    QString topologyQuery() const override;
    Result<QString> serverQuery() const override;
    KillStatement killStatement(KillKind kind, quint64 connectionId,
                                const KillConfig &config = {}) const override;
    QList<GuardrailVariable> guardrailVariables() const override;
};

} // namespace TiDesk
