// FleetPoller: keeps a FleetSample of every environment of a list fresh, for the fleet page and
// `tidesk-cli fleet status`. Every interval (default 10 s) it samples the environments that are
// due with probeEnvironment() (one fresh connection, the dialect's status statement) on
// services.pool, and joins the active alerts of their Alertmanagers (FleetAlerts, polled on the
// same refreshes) so that a reachable environment with an emergency/critical alert is Degraded.
//
// Scheduling (why: docs/decisions/fleet-poller.md):
//  - At most effectiveConcurrency() samples run at once (maxConcurrent(), default 6, never more
//    than the pool's threads minus one). Environments that failed their last attempt may hold at
//    most half of those slots and are queued after the healthy and the new ones, so dead
//    environments never take the slots the live ones need.
//  - Each sample has a time budget: the environment's connect timeout, capped (default 5 s);
//    it is the connect, read and write timeout of that sample.
//  - Back-off: a failing environment is shown Down by the sample that failed, retried on the next
//    refresh (twice), then every 2, 4, 8 ... refreshes, never less often than every 60 s
//    (FleetMath::backoffRefreshes). The first successful sample shows it up again.
//  - A refresh never waits for the previous one: an environment still being sampled is not
//    queued again (its result arrives when it arrives), the rest are sampled on time.
//
// Each refresh gives each environment exactly one sampleReady(): the new sample, or the
// carried one (NaN appended to its history) when it is backed off. QPS comes from the SQL
// counters of two consecutive successful samples (qpsSource Sql; TiDB: unknown); p99 stays
// unknown. Prometheus plugs in through mergeExternalMetrics() (see there).
//
// Threading: a QObject on the GUI thread; nothing here blocks it (the store, the network and
// the SQL run on the pool; alerts through QNetworkAccessManager). The work items capture
// copies, never `this`. The destructor drops the queue and waits for the samples already
// running (each bounded by its budget), like FleetChecker.
#pragma once

#include "CoreServices.h"
#include "health/FleetProbe.h"
#include "health/FleetSample.h"
#include "inventory/Environment.h"

#include <QFutureWatcher>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>
#include <QUuid>

#include <chrono>
#include <functional>

namespace TiDesk {

class FleetAlerts;

class FleetPoller final : public QObject
{
    Q_OBJECT
public:
    // Runs on a pool thread: must be thread-safe and may block. password as read from the store.
    using ProbeFunction = std::function<ProbeResult(const Environment &env, const QString &password,
                                                    const ProbeOptions &options)>;

    static constexpr int kDefaultIntervalMs = 10000;
    static constexpr int kDefaultMaxConcurrent = 6;
    static constexpr int kDefaultBudgetCapMs = 5000;
    static constexpr int kMinBudgetMs = 1000; // the connector counts whole seconds
    static constexpr int kBackoffCapMs = 60000;

    // What a metrics source other than SQL (Prometheus) knows about an environment.
    struct ExternalMetrics
    {
        double qps = FleetSample::kUnknown;
        double p99Ms = FleetSample::kUnknown;
        Error error; // the source failed: a reachable environment becomes Degraded
    };

    explicit FleetPoller(const CoreServices &services, QObject *parent = nullptr);
    ~FleetPoller() override;

    // The environments to watch, in display order. Samples of environments still in the list
    // (by id) are kept; the others are forgotten.
    void setEnvironments(const EnvironmentList &envs);
    [[nodiscard]] EnvironmentList environments() const;

    void setInterval(std::chrono::milliseconds interval); // clamped to >= 100 ms
    [[nodiscard]] std::chrono::milliseconds interval() const;
    void setMaxConcurrent(int n); // clamped to >= 1
    [[nodiscard]] int maxConcurrent() const { return m_maxConcurrent; }
    [[nodiscard]] int effectiveConcurrency() const;
    void setBudgetCapMs(int ms); // clamped to >= kMinBudgetMs
    [[nodiscard]] int budgetCapMs() const { return m_budgetCapMs; }
    // The time budget of one sample of env: its connect timeout within [kMinBudgetMs, cap].
    [[nodiscard]] int budgetMs(const Environment &env) const;
    // Timeout of each Alertmanager request (default: the budget cap).
    void setAlertTimeout(std::chrono::milliseconds timeout);

    // Test seams: replace probeEnvironment(), point the TiDB dialect at a catalog fixture.
    void setProbeFunction(ProbeFunction probe);
    void setDialectOptions(const DialectOptions &options) { m_dialectOptions = options; }

    // Periodic refreshes: one now, then every interval().
    void start();
    void stop();
    [[nodiscard]] bool isActive() const { return m_timer.isActive(); }
    // One refresh now of the environments that are due; force: back-off ignored (a user's
    // "refresh now"). Refreshes the alerts too.
    void refresh(bool force = false);

    [[nodiscard]] FleetSample sample(const QUuid &environmentId) const;
    // The environment as last set (default-constructed when unknown).
    [[nodiscard]] Environment environment(const QUuid &environmentId) const;
    [[nodiscard]] FleetSampleList samples() const; // in environment order
    // Samples of the current refresh not delivered yet (queued or running).
    [[nodiscard]] int pendingCount() const { return m_pending; }
    [[nodiscard]] bool isRefreshing() const { return m_pending > 0; }
    [[nodiscard]] int runningCount() const { return int(m_tasks.size()); }
    [[nodiscard]] quint64 refreshCount() const { return m_refreshNo; }
    [[nodiscard]] int consecutiveFailures(const QUuid &environmentId) const;
    [[nodiscard]] FleetAlerts *alerts() const { return m_alerts; }

    // The Prometheus seam: a metrics source that answered (or failed) for this environment
    // during the current refresh. Known values replace the SQL ones of the current sample
    // (sources become Prometheus, the last history value is replaced); an error makes a
    // reachable environment Degraded until the next sample. Emits sampleReady().
    void mergeExternalMetrics(const QUuid &environmentId, const ExternalMetrics &metrics);

signals:
    void refreshStarted();
    void sampleReady(const TiDesk::FleetSample &sample);
    // Every environment queued by the latest refresh has delivered its sample.
    void refreshFinished();
    // A sample found the vault locked (once per refresh).
    void vaultLocked();

private:
    struct EnvState
    {
        Environment env;
        FleetSample sample;
        CounterReading lastReading;
        bool hasReading = false;
        int failures = 0;
        quint64 nextAttemptRefresh = 0; // with failures > 0: not before this refresh
        bool inFlight = false;
        Error externalError;
    };
    struct Task
    {
        QFutureWatcher<ProbeResult> *watcher = nullptr;
        QUuid environmentId;
        quint64 refresh = 0;
        bool suspect = false;
    };

    void startQueued();
    void launch(EnvState &st, bool suspect);
    void onTaskFinished(QFutureWatcher<ProbeResult> *watcher);
    void apply(EnvState &st, const ProbeResult &result, quint64 refreshNo);
    void onAlertsUpdated();
    [[nodiscard]] FleetSample::State stateOf(const EnvState &st) const;

    CoreServices m_services;
    ProbeFunction m_probe;
    DialectOptions m_dialectOptions;
    FleetAlerts *m_alerts = nullptr;
    QTimer m_timer;
    int m_maxConcurrent = kDefaultMaxConcurrent;
    int m_budgetCapMs = kDefaultBudgetCapMs;
    QList<QUuid> m_order; // display order
    QHash<QUuid, EnvState> m_states;
    QHash<QString, QMap<AlertLevel, int>> m_alertCounts; // environment name -> counts
    QList<QUuid> m_queue; // current refresh, not started yet (healthy, new, failing)
    QList<Task> m_tasks; // running (current and older refreshes)
    quint64 m_refreshNo = 0;
    int m_pending = 0; // current refresh: queued + running
    bool m_vaultLockedReported = false;
};

} // namespace TiDesk
