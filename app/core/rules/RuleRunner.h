// RuleRunner: runs the kill rules against the live fleet, like pt-kill --interval does for one
// server. Every interval (default 1 s) it reads the live sessions of each environment in the
// scope of an enabled rule (one long-lived SqlWorker per environment: the dialect's
// liveSessionsQuery(), SessionReader), lets the RuleEngine decide, and then:
//  - dry-run decisions and notifications: an AuditLog line ("would have killed" with the KILL
//    statement that would have been sent), and decisionHandled();
//  - enforced kills: handed to the injected RuleKiller (which verifies, kills and audits); with
//    no killer set they are audited as "not executed: killer not available" - never faked;
//  - rate-limited matches: an audit line saying so (once per session).
// An environment that fails (unreachable, vault locked, no PROCESS privilege) is reported with
// environmentError() (once per kind of failure, again after it recovered) and retried on later
// polls; the others go on. A poll is not queued again
// while the previous one of the same environment is still running.
//
// Threading: a QObject on its owner thread (the GUI thread, or the CLI's main thread); nothing
// here blocks it: SQL runs on each SqlWorker's thread, passwords are read on services.pool,
// audit lines are appended on a private one-thread pool (in order). stop() (and the destructor)
// stop the timer, shut the workers down (a running processlist read is killed) and wait for the
// audit lines still being written.
#pragma once

#include "CoreServices.h"
#include "common/Error.h"
#include "inventory/Environment.h"
#include "rules/RuleDecision.h"
#include "rules/RuleEngine.h"
#include "rules/RuleSet.h"
#include "sessions/AuditLog.h"
#include "sessions/SessionReader.h"
#include "sql/ConnectParams.h"
#include "sql/Dialect.h"

#include <QDateTime>
#include <QObject>
#include <QSet>
#include <QThreadPool>
#include <QTimer>

#include <chrono>
#include <functional>
#include <map>
#include <memory>

namespace TiDesk {

class AuditLog;
class RuleKiller;
class SqlWorker;
struct QueryResult;

class RuleRunner final : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultIntervalMs = 1000;
    static constexpr int kParamsRetryMs = 10000; // after the password could not be read

    // Runs on a pool thread; may block (credential store). Default: the SQL password from
    // services.secrets and the SSH route through services.tunnels, first endpoint.
    using ParamsFunction = std::function<Result<ConnectParams>(const Environment &env)>;
    using Clock = std::function<QDateTime()>; // UTC

    // audit may be null (nothing is written; decisions are still signalled).
    RuleRunner(const CoreServices &services, AuditLog *audit, QObject *parent = nullptr);
    ~RuleRunner() override;

    void setRules(const RuleSet &rules);
    [[nodiscard]] const RuleSet &rules() const { return m_engine.rules(); }
    // All environments; those in the scope of an enabled rule are polled.
    void setEnvironments(const EnvironmentList &envs);
    [[nodiscard]] EnvironmentList polledEnvironments() const;
    void setInterval(std::chrono::milliseconds interval); // clamped to >= 100 ms
    [[nodiscard]] std::chrono::milliseconds interval() const;
    // Every decision dry-run, whatever the rules say.
    void setForceDryRun(bool on) { m_engine.setForceDryRun(on); }
    [[nodiscard]] bool forceDryRun() const { return m_engine.forceDryRun(); }
    // Not owned; must outlive the runner or be reset to null first. Null: enforced kills are
    // recorded as not executed.
    void setKiller(RuleKiller *killer) { m_killer = killer; }
    // Test seams.
    void setParamsFunction(ParamsFunction f) { m_params = std::move(f); }
    void setDialectOptions(const DialectOptions &options) { m_dialectOptions = options; }
    void setClock(Clock clock) { m_clock = std::move(clock); }

    // Polls every environment now, then every interval().
    void start();
    // Stops polling and closes every connection; waits for pending audit lines. Idempotent.
    void stop();
    [[nodiscard]] bool isRunning() const { return m_timer.isActive(); }
    // One poll of every environment now (also when not started); pollRoundFinished() once each
    // has answered or failed.
    void pollOnce();

    [[nodiscard]] quint64 pollCount(const QString &envName) const;
    [[nodiscard]] Error lastError(const QString &envName) const;

signals:
    // statement: the KILL that was / would have been sent (empty for notify); result: what
    // happened, one sentence (also the audit line's result).
    void decisionHandled(const TiDesk::RuleDecision &decision, const QString &statement,
                         const QString &result);
    void environmentPolled(const QString &envName, int sessionCount);
    // When an environment starts failing or fails differently; not repeated every poll.
    void environmentError(const QString &envName, const TiDesk::Error &error);
    // Once per environment: e.g. a rule needs memory figures the engine does not report.
    void environmentWarning(const QString &envName, const QString &message);
    void auditFailed(const TiDesk::Error &error);
    void pollRoundFinished();
    void stopped(); // by stop() after start() or pollOnce()

private:
    struct EnvState
    {
        Environment env;
        std::unique_ptr<SqlWorker> worker;
        bool paramsPending = false;
        QDateTime paramsRetryAfter;
        quint64 pendingRequest = 0;
        bool pendingIsProbe = false;
        bool warned = false;
        quint64 polls = 0;
        Error lastError;
        SessionReader::DigestCache digests;
    };

    void tick();
    void pollEnv(EnvState &st);
    void requestParams(EnvState &st);
    void onParams(const QString &envName, const Result<ConnectParams> &params);
    void onResult(const QString &envName, quint64 requestId, const QueryResult &result);
    void onFailed(const QString &envName, quint64 requestId, const Error &error);
    void evaluate(EnvState &st, const QueryResult &result);
    void handle(EnvState &st, const RuleDecision &d);
    void writeAudit(const QList<AuditEntry> &entries);
    void reportError(EnvState &st, const Error &error);
    void roundDone(const QString &envName);
    EnvState *state(const QString &envName);
    void rebuildScope();

    CoreServices m_services;
    AuditLog *const m_audit;
    RuleKiller *m_killer = nullptr;
    RuleEngine m_engine;
    EnvironmentList m_allEnvs;
    std::map<QString, std::unique_ptr<EnvState>> m_envs; // polled environments by name
    QTimer m_timer;
    ParamsFunction m_params;
    DialectOptions m_dialectOptions;
    Clock m_clock;
    QThreadPool m_auditPool; // one thread: lines stay in order
    QSet<QString> m_round; // environments the current pollOnce() still waits for
    bool m_stopping = false;
    bool m_started = false;
};

} // namespace TiDesk
