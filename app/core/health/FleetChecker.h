// FleetChecker: checks many environments at once ("which of my environments answer, and what do
// they run?") without letting a dead one hold up the rest. Each check reads the SQL password from
// services.secrets and runs checkEnvironment() on services.pool; at most maxConcurrent() checks
// run at a time (default 4, and never more than the pool's thread count minus one, so other
// one-shot work always finds a thread), the others wait in a queue in list order. A dead
// environment occupies one slot for its own connect timeout only.
//
// A locked vault is reported, without connecting, as an ErrorKind::Crypto result "vault locked"
// and vaultLocked() is emitted (the caller re-checks once the vault is unlocked).
//
// Threading: a QObject on the GUI thread; checkAll()/cancel() return at once. The work items
// capture copies (environment, secrets and activity log pointers, the check function), never
// `this`; results come back through QFutureWatcher children. The destructor drops the queue and
// waits for the checks already running, so services.secrets/activityLog and an injected check
// function are never used after the checker is gone.
#pragma once

#include "CoreServices.h"
#include "inventory/Environment.h"
#include "sql/EnvironmentCheck.h"

#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QUuid>

#include <functional>

namespace TiDesk {

class FleetChecker final : public QObject
{
    Q_OBJECT
public:
    // Runs on a pool thread: must be thread-safe and may block.
    using CheckFunction
        = std::function<CheckResult(const Environment &env, const QString &password)>;

    static constexpr int kDefaultMaxConcurrent = 4;

    explicit FleetChecker(const CoreServices &services, QObject *parent = nullptr);
    ~FleetChecker() override;

    // Test seam: replaces checkEnvironment(env, password, services.activityLog).
    void setCheckFunction(CheckFunction check);
    void setMaxConcurrent(int n); // clamped to >= 1
    [[nodiscard]] int maxConcurrent() const { return m_maxConcurrent; }
    // The bound actually applied: maxConcurrent(), capped by the pool (see the header comment).
    [[nodiscard]] int effectiveConcurrency() const;

    // Checks every environment in envs; a run in progress is cancelled first.
    void checkAll(const EnvironmentList &envs);
    // Drops the queued checks; running ones finish on the pool but their results are ignored.
    void cancel();

    [[nodiscard]] bool isRunning() const { return m_active > 0 || !m_queue.isEmpty(); }
    [[nodiscard]] int queuedCount() const { return int(m_queue.size()); }
    // Checks of the current run occupying a pool thread.
    [[nodiscard]] int activeCount() const { return m_active; }

signals:
    // A check of the current run left the queue and started on the pool.
    void checkStarted(const QUuid &environmentId);
    void resultReady(const QUuid &environmentId, const TiDesk::CheckResult &result);
    // A check found the vault locked (once per run).
    void vaultLocked();
    // The current run delivered its last result (not emitted for a cancelled run).
    void finished();

private:
    struct Outcome
    {
        CheckResult result;
        bool vaultLocked = false;
    };
    struct Task
    {
        QFutureWatcher<Outcome> *watcher = nullptr;
        QUuid environmentId;
        quint64 run = 0;
    };

    void startQueued();
    void onTaskFinished(QFutureWatcher<Outcome> *watcher);

    CoreServices m_services;
    CheckFunction m_check;
    int m_maxConcurrent = kDefaultMaxConcurrent;
    quint64 m_run = 0; // bumped by cancel(): results of older runs are ignored
    EnvironmentList m_queue; // current run, not started yet
    QList<Task> m_tasks; // started and not yet finished (current and cancelled runs)
    int m_active = 0; // m_tasks of the current run
    bool m_vaultLockedReported = false;
};

} // namespace TiDesk
