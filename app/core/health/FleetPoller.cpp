#include "FleetPoller.h"

#include "alerts/FleetAlerts.h"
#include "common/Logging.h"
#include "health/FleetMath.h"
#include "health/SqlPassword.h"
#include "tunnel/BastionTunnels.h"

#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace TiDesk {

FleetPoller::FleetPoller(const CoreServices &services, QObject *parent)
    : QObject(parent)
    , m_services(services)
{
    Q_ASSERT_X(services.pool, "FleetPoller", "CoreServices::pool is required");
    m_dialectOptions.catalogSchema = services.tidbCatalogSchema; // empty: INFORMATION_SCHEMA
    ActivityLog *log = services.activityLog;
    CredentialStore *secrets = services.secrets;
    EndpointRouter *router = services.tunnels;
    m_probe = [log, secrets, router](const Environment &env, const QString &password,
                                     const ProbeOptions &options) {
        return probeEnvironment(env, password, log, SshRoute::fromStore(env, secrets, router),
                                options);
    };
    m_alerts = new FleetAlerts(this);
    m_alerts->setTimeout(std::chrono::milliseconds(m_budgetCapMs));
    connect(m_alerts, &FleetAlerts::updated, this, &FleetPoller::onAlertsUpdated);
    m_timer.setInterval(kDefaultIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, [this] { refresh(false); });
}

FleetPoller::~FleetPoller()
{
    m_timer.stop();
    m_queue.clear();
    // The running samples use services.secrets/activityLog and m_probe's captures: let them end
    // before those may go away. Each is bounded by its budget.
    for (const Task &t : std::as_const(m_tasks)) {
        t.watcher->disconnect(this);
        t.watcher->waitForFinished();
    }
}

void FleetPoller::setEnvironments(const EnvironmentList &envs)
{
    QHash<QUuid, EnvState> next;
    m_order.clear();
    for (const Environment &e : envs) {
        EnvState st = m_states.value(e.id);
        // A changed address or engine makes the old counters meaningless for a delta.
        if (st.env.endpoints != e.endpoints || st.env.engine != e.engine)
            st.hasReading = false;
        st.env = e;
        st.sample.environmentId = e.id;
        st.sample.name = e.name;
        next.insert(e.id, st);
        m_order.append(e.id);
    }
    m_states = next;
    m_queue.erase(std::remove_if(m_queue.begin(), m_queue.end(),
                                 [this](const QUuid &id) {
                                     if (m_states.contains(id))
                                         return false;
                                     --m_pending;
                                     return true;
                                 }),
                  m_queue.end());
    m_alerts->setEnvironments(envs);
}

EnvironmentList FleetPoller::environments() const
{
    EnvironmentList out;
    for (const QUuid &id : m_order)
        out.append(m_states.value(id).env);
    return out;
}

void FleetPoller::setInterval(std::chrono::milliseconds interval)
{
    m_timer.setInterval(std::max(interval, std::chrono::milliseconds(100)));
}

std::chrono::milliseconds FleetPoller::interval() const
{
    return m_timer.intervalAsDuration();
}

void FleetPoller::setMaxConcurrent(int n)
{
    m_maxConcurrent = std::max(1, n);
    startQueued();
}

int FleetPoller::effectiveConcurrency() const
{
    const int poolThreads = m_services.pool ? m_services.pool->maxThreadCount() : 1;
    return std::max(1, std::min(m_maxConcurrent, poolThreads - 1));
}

void FleetPoller::setBudgetCapMs(int ms)
{
    m_budgetCapMs = std::max(int(kMinBudgetMs), ms);
}

int FleetPoller::budgetMs(const Environment &env) const
{
    return std::clamp(env.connectTimeoutMs, int(kMinBudgetMs), m_budgetCapMs);
}

void FleetPoller::setAlertTimeout(std::chrono::milliseconds timeout)
{
    m_alerts->setTimeout(timeout);
}

void FleetPoller::setProbeFunction(ProbeFunction probe)
{
    Q_ASSERT(probe);
    m_probe = std::move(probe);
}

void FleetPoller::start()
{
    refresh(false);
    m_timer.start();
}

void FleetPoller::stop()
{
    m_timer.stop();
}

void FleetPoller::refresh(bool force)
{
    ++m_refreshNo;
    m_queue.clear();
    m_pending = 0;
    m_vaultLockedReported = false;
    emit refreshStarted();
    m_alerts->refresh();

    QList<QUuid> healthy, fresh, failing;
    for (const QUuid &id : std::as_const(m_order)) {
        EnvState &st = m_states[id];
        if (st.inFlight)
            continue; // still being sampled (an older refresh): it reports when done
        if (!force && st.failures > 0 && m_refreshNo < st.nextAttemptRefresh) {
            FleetMath::appendHistory(st.sample.qpsHistory, FleetSample::kUnknown);
            emit sampleReady(st.sample);
            continue;
        }
        (st.sample.state == FleetSample::State::Unknown ? fresh
             : st.failures > 0                          ? failing
                                                        : healthy)
            .append(id);
    }
    m_queue = healthy + fresh + failing;
    m_pending = int(m_queue.size());
    qCDebug(lcCore) << "fleet refresh" << m_refreshNo << ":" << healthy.size() << "healthy,"
                    << fresh.size() << "new," << failing.size() << "failing";
    if (m_pending == 0) {
        emit refreshFinished();
        return;
    }
    startQueued();
}

void FleetPoller::startQueued()
{
    const int bound = effectiveConcurrency();
    const int suspectBound = std::max(1, bound / 2);
    while (!m_queue.isEmpty() && int(m_tasks.size()) < bound) {
        const int suspects = int(std::count_if(m_tasks.cbegin(), m_tasks.cend(),
                                               [](const Task &t) { return t.suspect; }));
        // The first queued environment that may take a slot now (healthy and new ones are
        // queued first; failing ones only while they hold less than half of the slots).
        qsizetype pick = -1;
        for (qsizetype i = 0; i < m_queue.size(); ++i) {
            const EnvState &st = m_states[m_queue.at(i)];
            if (st.failures == 0 || suspects < suspectBound) {
                pick = i;
                break;
            }
        }
        if (pick < 0)
            return;
        EnvState &st = m_states[m_queue.takeAt(pick)];
        launch(st, st.failures > 0);
    }
}

void FleetPoller::launch(EnvState &st, bool suspect)
{
    st.inFlight = true;
    const Environment env = st.env;
    CredentialStore *secrets = m_services.secrets;
    const ProbeFunction probe = m_probe;
    ProbeOptions options;
    options.budgetMs = budgetMs(env);
    options.dialect = m_dialectOptions;
    auto *watcher = new QFutureWatcher<ProbeResult>(this);
    connect(watcher, &QFutureWatcher<ProbeResult>::finished, this,
            [this, watcher] { onTaskFinished(watcher); });
    m_tasks.append(Task { watcher, env.id, m_refreshNo, suspect });
    watcher->setFuture(
        QtConcurrent::run(m_services.pool, [env, secrets, probe, options]() -> ProbeResult {
            const SqlPassword pw = readSqlPassword(env, secrets);
            if (!pw.ok()) {
                ProbeResult r;
                r.error = pw.error;
                r.vaultLocked = pw.vaultLocked;
                r.sampledAt = QDateTime::currentDateTimeUtc();
                return r;
            }
            return probe(env, pw.password, options);
        }));
}

void FleetPoller::onTaskFinished(QFutureWatcher<ProbeResult> *watcher)
{
    const auto it = std::find_if(m_tasks.begin(), m_tasks.end(),
                                 [watcher](const Task &t) { return t.watcher == watcher; });
    if (it == m_tasks.end())
        return;
    const Task task = *it;
    m_tasks.erase(it);
    watcher->deleteLater();

    const bool current = task.refresh == m_refreshNo;
    if (current)
        --m_pending;
    if (auto st = m_states.find(task.environmentId); st != m_states.end()) {
        st->inFlight = false;
        if (watcher->future().resultCount() > 0) {
            const ProbeResult result = watcher->result();
            if (result.vaultLocked && !m_vaultLockedReported) {
                m_vaultLockedReported = true;
                emit vaultLocked();
            }
            apply(*st, result, task.refresh);
        }
    }
    // (A sampleReady() receiver may have started a new refresh: check the number again.)
    startQueued();
    if (current && task.refresh == m_refreshNo && m_pending == 0)
        emit refreshFinished();
}

void FleetPoller::apply(EnvState &st, const ProbeResult &result, quint64 refreshNo)
{
    FleetSample &s = st.sample;
    s.sampledAt = result.sampledAt;
    s.latencyMs = result.latencyMs;
    s.p99Ms = FleetSample::kUnknown;
    s.p99Source = FleetSample::MetricSource::None;
    st.externalError = Error();
    if (!result.reachable) {
        ++st.failures;
        st.nextAttemptRefresh = refreshNo
            + quint64(FleetMath::backoffRefreshes(st.failures, int(m_timer.interval()),
                                                  kBackoffCapMs));
        s.lastError = result.error;
        s.lastErrorAt = QDateTime::currentDateTimeUtc();
        s.qps = FleetSample::kUnknown;
        s.qpsSource = FleetSample::MetricSource::None;
        s.connections = -1;
        s.uptimeSeconds = -1;
        // s.engine stays: the last successful sample's (contract).
    } else {
        st.failures = 0;
        st.nextAttemptRefresh = 0;
        s.engine = result.engine;
        s.connections = result.counters.connections;
        s.uptimeSeconds = result.counters.uptimeSeconds;
        s.qps = FleetSample::kUnknown;
        if (!result.error.isError()) {
            if (st.hasReading)
                s.qps = FleetMath::qps(st.lastReading, result.reading);
            st.lastReading = result.reading;
            st.hasReading = result.reading.questions >= 0;
        }
        s.qpsSource = FleetSample::known(s.qps) ? FleetSample::MetricSource::Sql
                                                : FleetSample::MetricSource::None;
        s.lastError = result.error;
        if (result.error.isError())
            s.lastErrorAt = QDateTime::currentDateTimeUtc();
    }
    FleetMath::appendHistory(s.qpsHistory, s.qps);
    s.alertCounts = m_alertCounts.value(st.env.name);
    s.state = stateOf(st);
    emit sampleReady(s);
}

FleetSample::State FleetPoller::stateOf(const EnvState &st) const
{
    const FleetSample &s = st.sample;
    if (st.failures > 0)
        return FleetSample::State::Down;
    if (s.sampledAt.isNull())
        return FleetSample::State::Unknown;
    if (s.alertCount(AlertLevel::Emergency) > 0 || s.alertCount(AlertLevel::Critical) > 0
        || st.externalError.isError())
        return FleetSample::State::Degraded;
    return FleetSample::State::Ok;
}

void FleetPoller::onAlertsUpdated()
{
    QHash<QString, QMap<AlertLevel, int>> counts;
    for (const FleetAlerts::EnvAlert &a : m_alerts->alerts())
        ++counts[a.env][a.alert.level];
    m_alertCounts = counts;
    for (const QUuid &id : std::as_const(m_order)) {
        EnvState &st = m_states[id];
        const QMap<AlertLevel, int> mine = counts.value(st.env.name);
        if (mine == st.sample.alertCounts)
            continue;
        st.sample.alertCounts = mine;
        st.sample.state = stateOf(st);
        if (st.sample.state != FleetSample::State::Unknown)
            emit sampleReady(st.sample);
    }
}

void FleetPoller::mergeExternalMetrics(const QUuid &environmentId, const ExternalMetrics &metrics)
{
    const auto it = m_states.find(environmentId);
    if (it == m_states.end())
        return;
    EnvState &st = *it;
    FleetSample &s = st.sample;
    if (FleetSample::known(metrics.qps)) {
        s.qps = metrics.qps;
        s.qpsSource = FleetSample::MetricSource::Prometheus;
        if (!s.qpsHistory.isEmpty())
            s.qpsHistory.last() = metrics.qps;
        else
            FleetMath::appendHistory(s.qpsHistory, metrics.qps);
    }
    if (FleetSample::known(metrics.p99Ms)) {
        s.p99Ms = metrics.p99Ms;
        s.p99Source = FleetSample::MetricSource::Prometheus;
    }
    st.externalError = metrics.error;
    s.state = stateOf(st);
    emit sampleReady(s);
}

Environment FleetPoller::environment(const QUuid &environmentId) const
{
    return m_states.value(environmentId).env;
}

FleetSample FleetPoller::sample(const QUuid &environmentId) const
{
    return m_states.value(environmentId).sample;
}

FleetSampleList FleetPoller::samples() const
{
    FleetSampleList out;
    for (const QUuid &id : m_order)
        out.append(m_states.value(id).sample);
    return out;
}

int FleetPoller::consecutiveFailures(const QUuid &environmentId) const
{
    return m_states.value(environmentId).failures;
}

} // namespace TiDesk
