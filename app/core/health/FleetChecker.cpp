#include "FleetChecker.h"

#include "common/Logging.h"
#include "health/SqlPassword.h"
#include "secrets/CredentialStore.h"
#include "tunnel/BastionTunnels.h"

#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace TiDesk {

FleetChecker::FleetChecker(const CoreServices &services, QObject *parent)
    : QObject(parent)
    , m_services(services)
{
    Q_ASSERT_X(services.pool, "FleetChecker", "CoreServices::pool is required");
    ActivityLog *log = services.activityLog;
    CredentialStore *secrets = services.secrets;
    EndpointRouter *router = services.tunnels;
    m_check = [log, secrets, router](const Environment &env, const QString &password) {
        return checkEnvironment(env, password, log, SshRoute::fromStore(env, secrets, router));
    };
}

FleetChecker::~FleetChecker()
{
    m_queue.clear();
    ++m_run;
    // The running checks use services.secrets/activityLog and m_check's captures: let them end
    // before those may go away. Bounded by the checks' own connect timeouts.
    for (const Task &t : std::as_const(m_tasks)) {
        t.watcher->disconnect(this);
        t.watcher->waitForFinished();
    }
}

void FleetChecker::setCheckFunction(CheckFunction check)
{
    Q_ASSERT(check);
    m_check = std::move(check);
}

void FleetChecker::setMaxConcurrent(int n)
{
    m_maxConcurrent = std::max(1, n);
    startQueued();
}

int FleetChecker::effectiveConcurrency() const
{
    const int poolThreads = m_services.pool ? m_services.pool->maxThreadCount() : 1;
    return std::max(1, std::min(m_maxConcurrent, poolThreads - 1));
}

void FleetChecker::checkAll(const EnvironmentList &envs)
{
    cancel();
    m_queue = envs;
    if (m_queue.isEmpty()) {
        emit finished();
        return;
    }
    startQueued();
}

void FleetChecker::cancel()
{
    if (!m_queue.isEmpty() || m_active > 0)
        qCDebug(lcCore) << "fleet check cancelled:" << m_queue.size() << "queued," << m_active
                        << "running";
    m_queue.clear();
    m_active = 0;
    m_vaultLockedReported = false;
    ++m_run;
}

void FleetChecker::startQueued()
{
    // Cancelled checks still running count too: the bound is on pool threads, not on runs.
    while (!m_queue.isEmpty() && int(m_tasks.size()) < effectiveConcurrency()) {
        const Environment env = m_queue.takeFirst();
        CredentialStore *secrets = m_services.secrets;
        const CheckFunction check = m_check;
        auto *watcher = new QFutureWatcher<Outcome>(this);
        connect(watcher, &QFutureWatcher<Outcome>::finished, this,
                [this, watcher] { onTaskFinished(watcher); });
        m_tasks.append(Task { watcher, env.id, m_run });
        ++m_active;
        emit checkStarted(env.id);
        watcher->setFuture(QtConcurrent::run(m_services.pool, [env, secrets, check]() -> Outcome {
            const SqlPassword pw = readSqlPassword(env, secrets);
            if (!pw.ok()) {
                Outcome out;
                out.vaultLocked = pw.vaultLocked;
                out.result.name = env.name;
                out.result.error = pw.error;
                return out;
            }
            const QString &password = pw.password;
            return Outcome { check(env, password), false };
        }));
    }
}

void FleetChecker::onTaskFinished(QFutureWatcher<Outcome> *watcher)
{
    const auto it = std::find_if(m_tasks.begin(), m_tasks.end(),
                                 [watcher](const Task &t) { return t.watcher == watcher; });
    if (it == m_tasks.end())
        return;
    const Task task = *it;
    m_tasks.erase(it);
    watcher->deleteLater();

    const bool current = task.run == m_run;
    if (current) {
        --m_active;
        if (watcher->future().resultCount() > 0) {
            const Outcome out = watcher->result();
            if (out.vaultLocked && !m_vaultLockedReported) {
                m_vaultLockedReported = true;
                emit vaultLocked();
            }
            emit resultReady(task.environmentId, out.result);
        }
    }
    // (task.run == m_run again: a resultReady() receiver may have cancelled or restarted.)
    // A slot is free (also when a cancelled check ended): start the next queued one.
    startQueued();
    if (current && task.run == m_run && m_active == 0 && m_queue.isEmpty())
        emit finished();
}

} // namespace TiDesk
