// TidbDialect: statements for TiDB, chosen by version (reference §2, §3, §4.1, §7.1).
// Cluster tables come from DialectOptions::catalogSchema (INFORMATION_SCHEMA unless a test
// points it at the sandbox's tidb_catalog fixture). Immutable; share between threads.
#pragma once

#include "sql/Dialect.h"

namespace TiDesk {

class TidbDialect final : public Dialect
{
public:
    explicit TidbDialect(EngineInfo info, DialectOptions options = {});

    QString sessionTimeoutStatement(std::chrono::milliseconds limit) const override;
    QString liveSessionsQuery() const override;
    QString sessionByIdQuery(quint64 connectionId, const QString &instance = {}) const override;
    QString slowQueriesQuery(const QDateTime &fromUtc, const QDateTime &toUtc,
                             int limit) const override;
    Result<QString> statementsSummaryQuery(int limit) const override;
    Result<ExplainStatement> explainSession(quint64 connectionId) const override;
    Result<QString> statementsSummaryByDigestQuery(const QDateTime &fromUtc, const QDateTime &toUtc,
                                                   int limit) const override;
    QString topologyQuery() const override;
    QString fleetStatusQuery() const override;
    Result<QString> clusterLoadQuery() const override;
    Result<QString> storeStatusQuery() const override;
    Result<QString> killConfigQuery() const override;
    bool isGlobalKill(const KillConfig &config) const override;
    KillStatement killStatement(KillKind kind, quint64 connectionId,
                                const KillConfig &config = {}) const override;
    QList<GuardrailVariable> guardrailVariables() const override;
    Result<QString> runawayWatchesQuery() const override;
    Result<QString> removeRunawayWatchStatement(qint64 watchId) const override;
    Result<QString> bindingsQuery() const override;
    Result<QString> bindPlanFromHistoryStatement(const QString &planDigest) const override;
    Result<QString> dropBindingStatement(const QString &sqlDigest) const override;
    Result<QString> queryWatchAddStatement(const QueryWatchRequest &request) const override;
    Result<QString> runawayQueryLimitStatement(const RunawayQueryLimit &limit) const override;
    Result<QString> backupStatement(const BackupRequest &request) const override;
    Result<QString> showBackupsQuery() const override;
    Result<QString> restoreStatement(const BackupRequest &request) const override;
    Result<QString> showRestoresQuery() const override;

private:
    // `schema`.`TABLE`
    QString table(const QString &name) const;
};

} // namespace TiDesk
