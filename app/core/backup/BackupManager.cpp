#include "BackupManager.h"

#include "backup/BackupHistory.h"
#include "backup/BackupRunner.h"
#include "backup/BackupVerifier.h"
#include "backup/BrLogClient.h"
#include "common/Logging.h"
#include "inventory/InventoryStore.h"
#include "sql/EnvironmentConnection.h"
#include "tunnel/BastionTunnels.h"

#include <QMetaObject>
#include <QRandomGenerator>
#include <QtConcurrent>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace TiDesk {

// The runners' parent on the worker thread. Touched only on that thread.
class BackupRunnerHost final : public QObject
{
public:
    using QObject::QObject;
    QHash<QString, BackupRunner *> runners;
};

struct BackupManager::AttachPlan
{
    BackupJob job;
    std::optional<PreparedJob> prepared;
    std::optional<SqlBackupRunner::Prepared> sql; // a TiDB SQL BACKUP: found in SHOW BACKUPS
    Error error; // when not prepared and not lost
    bool lost = false; // its environment is gone: recorded as lost
};

namespace {

// A runner's shell may still run a command (a poll, a cancel) when the runner is deleted: the
// QProcess (or SshExec) it owns reports finished while it is destroyed, into the callback of the
// runner being destroyed. Nothing of a runner that goes away may report any more: its shell and
// the shell's processes are disconnected first. The runner's own signals are left alone (its
// last jobChanged/finished may still be queued to the manager).
void silenceChildren(QObject *runner)
{
    const QList<QObject *> children = runner->findChildren<QObject *>();
    for (QObject *o : children)
        QObject::disconnect(o, nullptr, nullptr, nullptr);
}

Error noInventory()
{
    return Error::make(ErrorKind::Internal,
                       BackupManager::tr("The inventory is not open: backups cannot be started."));
}

// On a pool thread: the environment named, or why not.
Result<Environment> envNamed(const std::shared_ptr<InventoryStore> &inventory, const QString &name)
{
    if (!inventory)
        return noInventory();
    return inventory->findByName(name);
}

DialectOptions dialectOptionsOf(const CoreServices &services)
{
    DialectOptions o;
    if (!services.tidbCatalogSchema.isEmpty())
        o.catalogSchema = services.tidbCatalogSchema;
    return o;
}

} // namespace

BackupManager::BackupManager(const CoreServices &services, const QString &historyDirectory,
                             QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_history(std::make_shared<BackupHistory>(
          historyDirectory.isEmpty() ? BackupHistory::defaultDirectory() : historyDirectory))
{
    qRegisterMetaType<TiDesk::BackupJob>("TiDesk::BackupJob");
    qRegisterMetaType<QList<TiDesk::BackupJob>>("QList<TiDesk::BackupJob>");
    qRegisterMetaType<TiDesk::Error>();
    m_thread.setObjectName(u"tidesk-backups"_s);
    m_host = new BackupRunnerHost;
    m_host->moveToThread(&m_thread);
    m_thread.start();
    connect(&m_readWatcher, &QFutureWatcherBase::finished, this, [this] {
        if (m_readWatcher.future().resultCount() > 0)
            onHistoryRead(m_readWatcher.result());
        const bool attach = m_attachAgain;
        const bool read = m_readAgain;
        m_attachAgain = m_readAgain = false;
        if (attach)
            reattachRunning(); // reads the history too
        else if (read)
            reload();
    });
}

BackupManager::~BackupManager()
{
    // Preparations hold copies of what they need; wait so none reports into a dead manager.
    m_readWatcher.disconnect(this);
    m_readWatcher.waitForFinished();
    for (QFutureWatcherBase *w : std::as_const(m_preparing) + std::as_const(m_attaching)) {
        w->disconnect(this);
        w->waitForFinished();
    }
    // Runners (and their shells) are deleted on their own thread; the jobs keep running on
    // their hosts and are followed again by the next TiDesk.
    BackupRunnerHost *host = m_host;
    m_host = nullptr;
    QMetaObject::invokeMethod(
        host,
        [host] {
            for (BackupRunner *runner : std::as_const(host->runners))
                silenceChildren(runner);
            delete host;
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

QString BackupManager::historyDirectory() const
{
    return m_history->directory();
}

QList<BackupJob> BackupManager::jobs() const
{
    QList<BackupJob> all = m_jobs.values();
    std::sort(all.begin(), all.end(),
              [](const BackupJob &a, const BackupJob &b) { return a.id > b.id; });
    return all;
}

std::optional<BackupJob> BackupManager::job(const QString &id) const
{
    const auto it = m_jobs.constFind(id);
    if (it == m_jobs.cend())
        return std::nullopt;
    return *it;
}

void BackupManager::remember(const BackupJob &job)
{
    m_jobs.insert(job.id, job);
}

template<typename T>
void BackupManager::onPool(QList<QFutureWatcherBase *> &list, std::function<T()> work,
                           std::function<void(T)> done)
{
    auto *watcher = new QFutureWatcher<T>(this);
    list.append(watcher);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher, &list, done = std::move(done)] {
                list.removeOne(watcher);
                watcher->deleteLater();
                if (watcher->future().resultCount() > 0)
                    done(watcher->future().takeResult()); // moved on: a password is not kept
            });
    watcher->setFuture(QtConcurrent::run(m_services.pool, std::move(work)));
}

void BackupManager::followPrepared(Result<PreparedJob> prepared, const QString &envName,
                                   bool restore)
{
    if (!prepared) {
        if (restore)
            emit restoreFailed(envName, prepared.error());
        else
            emit startFailed(envName, prepared.error());
        return;
    }
    const BackupJob job = prepared->job;
    follow(std::move(*prepared), Mode::Start, false);
    emit backupStarted(job);
}

void BackupManager::followSqlPrepared(Result<SqlBackupRunner::Prepared> prepared,
                                      const QString &envName, bool restore)
{
    if (!prepared) {
        if (restore)
            emit restoreFailed(envName, prepared.error());
        else
            emit startFailed(envName, prepared.error());
        return;
    }
    const BackupJob job = prepared->job;
    followSql(std::move(*prepared), Mode::Start);
    emit backupStarted(job);
}

void BackupManager::startBackup(const QString &envName, const BackupJobRequest &request)
{
    startPrepared(envName, [request](const Environment &env, CredentialStore *secrets) {
        return BackupLauncher::prepareBackup(env, secrets, request);
    });
}

void BackupManager::startBrBackup(const QString &envName, const BrJobRequest &request)
{
    startPrepared(envName, [request](const Environment &env, CredentialStore *secrets) {
        return BackupLauncher::prepareBr(env, secrets, request);
    });
}

void BackupManager::startPrepared(
    const QString &envName,
    std::function<Result<PreparedJob>(const Environment &, CredentialStore *)> prepare)
{
    const std::shared_ptr<InventoryStore> inventory = m_services.inventory;
    CredentialStore *secrets = m_services.secrets;
    onPool<Result<PreparedJob>>(
        m_preparing,
        [inventory, secrets, envName, prepare = std::move(prepare)]() -> Result<PreparedJob> {
            const Result<Environment> env = envNamed(inventory, envName);
            if (!env)
                return env.error();
            return prepare(*env, secrets);
        },
        [this, envName](Result<PreparedJob> p) { followPrepared(std::move(p), envName, false); });
}

void BackupManager::startSqlBackup(const QString &envName, const QString &storage,
                                   const QStringList &databases)
{
    using Prepared = Result<SqlBackupRunner::Prepared>;
    const CoreServices services = m_services;
    onPool<Prepared>(
        m_preparing,
        [services, envName, storage, databases]() -> Prepared {
            const Result<Environment> env = envNamed(services.inventory, envName);
            if (!env)
                return env.error();
            return SqlBackupRunner::prepare(*env, services.secrets, services.tunnels,
                                            dialectOptionsOf(services), storage, databases);
        },
        [this, envName](Prepared p) { followSqlPrepared(std::move(p), envName, false); });
}

void BackupManager::startSqlRestore(const QString &sourceEnv, const QString &intoEnv,
                                    const BackupJob &backup, const QStringList &databases)
{
    using Prepared = Result<SqlBackupRunner::Prepared>;
    const CoreServices services = m_services;
    onPool<Prepared>(
        m_preparing,
        [services, sourceEnv, intoEnv, backup, databases]() -> Prepared {
            const Result<Environment> source = envNamed(services.inventory, sourceEnv);
            if (!source)
                return source.error();
            const Result<Environment> into = envNamed(services.inventory, intoEnv);
            if (!into)
                return into.error();
            return SqlBackupRunner::prepareRestore(*source, *into, services.secrets,
                                                   services.tunnels, dialectOptionsOf(services),
                                                   backup, databases);
        },
        [this, intoEnv](Prepared p) { followSqlPrepared(std::move(p), intoEnv, true); });
}

void BackupManager::followSql(SqlBackupRunner::Prepared prepared, Mode mode)
{
    const QString id = prepared.job.id;
    m_following.insert(id);
    remember(prepared.job);
    emit jobChanged(prepared.job);
    auto *runner = new SqlBackupRunner(std::move(prepared), m_history.get(), m_services.pool,
                                       m_services.activityLog, this);
    runner->setPollInterval(m_pollInterval);
    m_sqlRunners.insert(id, runner);
    connect(runner, &SqlBackupRunner::jobChanged, this, &BackupManager::onJobChanged);
    connect(runner, &SqlBackupRunner::finished, this, [this, runner, id](const BackupJob &job) {
        m_sqlRunners.remove(id);
        runner->deleteLater();
        onJobFinished(job);
    });
    if (mode == Mode::Start)
        runner->start();
    else
        runner->attach();
    if (m_cancelWhenFollowed.remove(id))
        runner->cancel();
}

void BackupManager::startBrRestore(const BrRestoreOrder &order)
{
    const std::shared_ptr<InventoryStore> inventory = m_services.inventory;
    CredentialStore *secrets = m_services.secrets;
    onPool<Result<PreparedJob>>(
        m_preparing,
        [inventory, secrets, order]() -> Result<PreparedJob> {
            const Result<Environment> source = envNamed(inventory, order.sourceEnv);
            if (!source)
                return source.error();
            const Result<Environment> into = envNamed(inventory, order.intoEnv);
            if (!into)
                return into.error();
            if (order.until.isValid())
                return BackupLauncher::prepareBrRestorePoint(*source, *into, secrets, order.backup,
                                                             order.until, order.logStorage,
                                                             order.program);
            return BackupLauncher::prepareBrRestore(*source, *into, secrets, order.backup,
                                                    order.target, order.program);
        },
        [this, intoEnv = order.intoEnv](Result<PreparedJob> p) {
            followPrepared(std::move(p), intoEnv, true);
        });
}

void BackupManager::readLogWindow(const QString &envName, const QString &program)
{
    using Window = Result<BrLog::Metadata>;
    const std::shared_ptr<InventoryStore> inventory = m_services.inventory;
    CredentialStore *secrets = m_services.secrets;
    onPool<Window>(
        m_attaching,
        [inventory, secrets, envName, program]() -> Window {
            const Result<Environment> env = envNamed(inventory, envName);
            if (!env)
                return env.error();
            BrLogClient::Options o;
            o.program = program;
            o.timeoutMs = 60000;
            return BrLogClient::metadata(*env, secrets, o);
        },
        [this, envName](Window w) {
            if (w)
                emit logWindowRead(envName, w->minDate, w->maxDate, {});
            else
                emit logWindowRead(envName, {}, {}, w.error().message);
        });
}

void BackupManager::follow(PreparedJob prepared, Mode mode, bool cancelAfter)
{
    m_following.insert(prepared.job.id);
    remember(prepared.job);
    emit jobChanged(prepared.job);
    BackupHistory *history = m_history.get();
    BackupRunnerHost *host = m_host;
    const std::chrono::milliseconds interval = m_pollInterval;
    BackupRunner::ShellFactory factory = prepared.shellFactory();
    // Created on the worker thread, so the runner, its timer and its shell all live there.
    QMetaObject::invokeMethod(
        host,
        [this, host, history, interval, mode, cancelAfter, job = prepared.job, spec = prepared.spec,
         factory = std::move(factory), password = std::move(prepared.password)]() mutable {
            auto *runner = new BackupRunner(job, spec, std::move(factory), std::move(password),
                                            history, host);
            password.fill('\0');
            runner->setPollInterval(interval);
            host->runners.insert(job.id, runner);
            connect(runner, &BackupRunner::jobChanged, this, &BackupManager::onJobChanged);
            connect(runner, &BackupRunner::finished, this, &BackupManager::onJobFinished);
            const QString id = job.id;
            connect(runner, &BackupRunner::finished, host, [host, runner, id] {
                host->runners.remove(id);
                silenceChildren(runner);
                runner->deleteLater();
            });
            if (mode == Mode::Start)
                runner->start();
            else
                runner->attach();
            if (cancelAfter)
                runner->cancel();
        },
        Qt::QueuedConnection);
}

void BackupManager::onJobChanged(const BackupJob &job)
{
    remember(job);
    emit jobChanged(job);
}

void BackupManager::onJobFinished(const BackupJob &job)
{
    if (m_restores.contains(job.id) && job.status == BackupJob::Status::Succeeded) {
        const RestoreOrder order = m_restores.take(job.id);
        BackupJob verifying = job;
        verifying.verification = tr("verifying\u2026");
        remember(verifying);
        emit jobChanged(verifying);
        verifyRestore(job, order);
        return;
    }
    m_restores.remove(job.id);
    if (BackupVerifier::shouldRecord(job) && m_recordChecksums) {
        recordChecksums(job);
        return;
    }
    remember(job);
    m_following.remove(job.id);
    m_cancelWhenFollowed.remove(job.id);
    emit jobFinished(job);
}

namespace {

struct PreparedRestore
{
    RestoreOrder order;
    PreparedJob prepared;
};

} // namespace

void BackupManager::startScheduler(int intervalMs)
{
    if (!m_scheduler) {
        m_scheduler = new QTimer(this);
        connect(m_scheduler, &QTimer::timeout, this, &BackupManager::runDueSchedules);
        // Retention once a scheduled backup ended well (checksums recorded first).
        connect(this, &BackupManager::jobFinished, this, [this](const BackupJob &job) {
            if (!m_scheduled.contains(job.id))
                return;
            const BackupSchedule schedule = m_scheduled.take(job.id);
            if (job.status != BackupJob::Status::Succeeded || schedule.keep <= 0)
                return;
            const CoreServices services = m_services;
            const QString dir = m_history->directory();
            auto *watcher = new QFutureWatcher<void>(this);
            m_attaching.append(watcher);
            connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
                m_attaching.removeOne(watcher);
                watcher->deleteLater();
                reload();
            });
            watcher->setFuture(QtConcurrent::run(m_services.pool, [services, dir, schedule] {
                if (!services.inventory)
                    return;
                const Result<Environment> env = services.inventory->findByName(schedule.envName);
                if (!env)
                    return;
                QStringList errors;
                const QStringList removed
                    = ScheduledRuns::applyRetention(schedule, *env, services.secrets, dir, &errors);
                for (const QString &id : removed)
                    qCInfo(lcCore).noquote() << "retention of" << schedule.id << "removed" << id;
                for (const QString &e : errors)
                    qCWarning(lcCore).noquote() << "retention of" << schedule.id << ":" << e;
            }));
        });
    }
    m_scheduler->start(intervalMs);
    runDueSchedules();
}

void BackupManager::runDueSchedules()
{
    if (m_claiming)
        return;
    m_claiming = true;
    using Claims = Result<QList<ScheduledRuns::Claim>>;
    auto *watcher = new QFutureWatcher<Claims>(this);
    m_attaching.append(watcher);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        m_attaching.removeOne(watcher);
        watcher->deleteLater();
        m_claiming = false;
        if (watcher->future().resultCount() == 0)
            return;
        const Claims claims = watcher->future().result();
        if (!claims) {
            qCWarning(lcCore).noquote() << "backup schedules:" << claims.error().message;
            return;
        }
        for (const ScheduledRuns::Claim &claim : *claims) {
            m_scheduled.insert(claim.job.id, claim.schedule);
            remember(claim.job);
            emit jobChanged(claim.job);
            startClaimed(claim);
        }
    });
    const QString dir = m_history->directory();
    watcher->setFuture(QtConcurrent::run(m_services.pool, [dir] {
        return ScheduledRuns::claimDue(dir, ScheduleSet::defaultPath(),
                                       ScheduledRuns::defaultLockPath(),
                                       QDateTime::currentDateTimeUtc());
    }));
}

void BackupManager::startClaimed(const ScheduledRuns::Claim &claim)
{
    const std::shared_ptr<InventoryStore> inventory = m_services.inventory;
    CredentialStore *secrets = m_services.secrets;
    onPool<Result<PreparedJob>>(
        m_preparing,
        [inventory, secrets, claim]() -> Result<PreparedJob> {
            const Result<Environment> env = envNamed(inventory, claim.schedule.envName);
            if (!env)
                return env.error();
            return ScheduledRuns::prepare(claim, *env, secrets);
        },
        [this, claim](Result<PreparedJob> prepared) {
            if (!prepared) {
                // The slot counts as run: the failure is recorded like any failed backup.
                BackupJob failed = claim.job;
                failed.status = BackupJob::Status::Failed;
                failed.finishedAt = QDateTime::currentDateTimeUtc();
                failed.error = prepared.error().message;
                m_scheduled.remove(failed.id);
                remember(failed);
                const std::shared_ptr<BackupHistory> history = m_history;
                (void)QtConcurrent::run(m_services.pool,
                                        [history, failed] { (void)history->save(failed); });
                emit jobChanged(failed);
            }
            followPrepared(std::move(prepared), claim.schedule.envName, false);
        });
}

void BackupManager::startRestore(const RestoreOrder &order)
{
    launchRestore(order.into.name, [order]() -> Result<RestoreOrder> { return order; });
}

void BackupManager::startDrill(const QString &envName, const QString &intoEnv, bool keep)
{
    if (intoEnv.trimmed().isEmpty()) {
        startScratchDrill(envName);
        return;
    }
    const std::shared_ptr<InventoryStore> inventory = m_services.inventory;
    const std::shared_ptr<BackupHistory> history = m_history;
    launchRestore(intoEnv, [inventory, history, envName, intoEnv, keep]() -> Result<RestoreOrder> {
        if (!inventory)
            return noInventory();
        const Result<Environment> source = inventory->findByName(envName);
        if (!source)
            return source.error();
        const Result<Environment> into = inventory->findByName(intoEnv);
        if (!into)
            return into.error();
        const Result<QList<BackupJob>> jobs = history->list(source->name);
        if (!jobs)
            return jobs.error();
        const Result<BackupJob> latest = RestoreFlow::latestGoodBackup(*jobs, source->name);
        if (!latest)
            return latest.error();
        RestoreOrder order;
        order.source = *source;
        order.into = *into;
        order.backup = *latest;
        order.drill = true;
        order.keepDrill = keep;
        order.renames = RestoreFlow::drillRenames(
            *latest,
            QString::number(QRandomGenerator::global()->bounded(0x10000), 16)
                .rightJustified(4, u'0'));
        return order;
    });
}

void BackupManager::startScratchDrill(const QString &envName)
{
    const std::shared_ptr<InventoryStore> inventory = m_services.inventory;
    const std::shared_ptr<BackupHistory> history = m_history;
    CredentialStore *secrets = m_services.secrets;
    onPool<Result<PreparedJob>>(
        m_preparing,
        [inventory, history, secrets, envName]() -> Result<PreparedJob> {
            const Result<Environment> source = envNamed(inventory, envName);
            if (!source)
                return source.error();
            const Result<QList<BackupJob>> jobs = history->list(source->name);
            if (!jobs)
                return jobs.error();
            const Result<BackupJob> latest
                = RestoreFlow::latestGoodBackup(*jobs, source->name, BackupJob::Kind::Physical);
            if (!latest)
                return latest.error();
            return BackupLauncher::prepareScratchDrill(*source, secrets, *latest);
        },
        [this, envName](Result<PreparedJob> p) { followPrepared(std::move(p), envName, true); });
}

void BackupManager::launchRestore(const QString &intoEnv,
                                  std::function<Result<RestoreOrder>()> buildOrder)
{
    const CoreServices services = m_services;
    onPool<Result<PreparedRestore>>(
        m_preparing,
        [services, buildOrder = std::move(buildOrder)]() -> Result<PreparedRestore> {
            Result<RestoreOrder> order = buildOrder();
            if (!order)
                return order.error();
            const Result<EnvironmentTarget> into = EnvironmentTarget::resolve(
                order->into, services.secrets, services.tunnels, dialectOptionsOf(services));
            if (!into)
                return into.error();
            const Result<QStringList> occupied
                = RestoreFlow::checkTarget(*order, *into, services.activityLog);
            if (!occupied)
                return occupied.error();
            RestoreRequest request;
            request.backup = order->backup;
            request.renames = order->renames;
            request.drill = order->drill;
            Result<PreparedJob> prepared = BackupLauncher::prepareRestore(
                order->source, order->into, services.secrets, request);
            if (!prepared)
                return prepared.error();
            return PreparedRestore { *order, std::move(*prepared) };
        },
        [this, intoEnv](Result<PreparedRestore> r) {
            if (!r) {
                emit restoreFailed(intoEnv, r.error());
                return;
            }
            m_restores.insert(r->prepared.job.id, r->order);
            followPrepared(std::move(r->prepared), intoEnv, true);
        });
}

void BackupManager::finishOnPool(const QFuture<BackupJob> &work)
{
    // The job is followed until this last step (checksums, verification) is done.
    auto *watcher = new QFutureWatcher<BackupJob>(this);
    m_attaching.append(watcher);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        m_attaching.removeOne(watcher);
        watcher->deleteLater();
        if (watcher->future().resultCount() == 0)
            return;
        const BackupJob done = watcher->future().result();
        remember(done);
        m_following.remove(done.id);
        m_cancelWhenFollowed.remove(done.id);
        emit jobChanged(done);
        emit jobFinished(done);
    });
    watcher->setFuture(work);
}

void BackupManager::recordChecksums(const BackupJob &job)
{
    BackupJob recording = job;
    recording.checksum = tr("recording checksums\u2026");
    remember(recording);
    emit jobChanged(recording);
    const CoreServices services = m_services;
    const std::shared_ptr<BackupHistory> history = m_history;
    finishOnPool(QtConcurrent::run(m_services.pool, [services, history, job] {
        BackupJob out = job;
        // The source's checksums right after the backup: what a restore is verified against.
        const Result<Environment> env = services.inventory
            ? services.inventory->findByName(job.envName)
            : Result<Environment>(noInventory());
        Result<EnvironmentTarget> target = env
            ? EnvironmentTarget::resolve(*env, services.secrets, services.tunnels,
                                         dialectOptionsOf(services))
            : Result<EnvironmentTarget>(env.error());
        if (target) {
            const Result<ChecksumReport> report = BackupVerifier::record(
                *target, job.databases, history->directory(), job.id, services.activityLog);
            if (report) {
                out.checksum = BackupVerifier::fingerprint(*report);
                if (const VoidResult saved = history->save(out); !saved)
                    qCWarning(lcCore).noquote() << "backup history:" << saved.error().message;
                return out;
            }
            qCWarning(lcCore).noquote()
                << "backup" << job.id << ": checksums not recorded:" << report.error().message;
        } else {
            qCWarning(lcCore).noquote()
                << "backup" << job.id << ": checksums not recorded:" << target.error().message;
        }
        return out;
    }));
}

void BackupManager::verifyRestore(const BackupJob &job, const RestoreOrder &order)
{
    const CoreServices services = m_services;
    const std::shared_ptr<BackupHistory> history = m_history;
    finishOnPool(QtConcurrent::run(m_services.pool, [services, history, job, order] {
        BackupJob out = job;
        const Result<EnvironmentTarget> into = EnvironmentTarget::resolve(
            order.into, services.secrets, services.tunnels, dialectOptionsOf(services));
        if (!into) {
            out.verified = false;
            out.verification = BackupManager::tr("not verified: %1").arg(into.error().message);
        } else {
            QStringList warnings;
            RestoreFlow::afterRestore(order, *into, history->directory(), &out,
                                      services.activityLog, &warnings);
            for (const QString &w : warnings)
                qCWarning(lcCore).noquote() << "restore" << out.id << ":" << w;
        }
        if (const VoidResult saved = history->save(out); !saved)
            qCWarning(lcCore).noquote() << "backup history:" << saved.error().message;
        return out;
    }));
}

void BackupManager::cancel(const QString &jobId)
{
    if (SqlBackupRunner *sql = m_sqlRunners.value(jobId)) {
        sql->cancel();
        return;
    }
    if (m_following.contains(jobId)) {
        if (!m_host)
            return;
        BackupRunnerHost *host = m_host;
        const bool queued = QMetaObject::invokeMethod(
            host,
            [host, jobId] {
                if (BackupRunner *r = host->runners.value(jobId))
                    r->cancel();
            },
            Qt::QueuedConnection);
        // Still being prepared for attach: cancelled once its runner exists.
        if (queued)
            m_cancelWhenFollowed.insert(jobId);
        return;
    }
    const std::optional<BackupJob> known = job(jobId);
    if (!known) {
        emit cancelFailed(jobId,
                          Error::make(ErrorKind::NotFound, tr("No backup job %1.").arg(jobId)));
        return;
    }
    if (known->isFinished()) {
        //: %1 = job id, %2 = status (succeeded, failed ...)
        emit cancelFailed(
            jobId,
            Error::make(
                ErrorKind::InvalidInput,
                tr("Job %1 already ended (%2).").arg(jobId, BackupJob::statusName(known->status))));
        return;
    }
    prepareAttach(*known, true);
}

void BackupManager::prepareAttach(const BackupJob &job, bool cancelAfter)
{
    m_following.insert(job.id);
    const std::shared_ptr<InventoryStore> inventory = m_services.inventory;
    CredentialStore *secrets = m_services.secrets;
    onPool<Result<PreparedJob>>(
        m_attaching,
        [inventory, secrets, job]() -> Result<PreparedJob> {
            const Result<Environment> env = envNamed(inventory, job.envName);
            if (!env)
                return env.error();
            return BackupLauncher::prepareAttach(*env, secrets, job);
        },
        [this, job, cancelAfter](Result<PreparedJob> prepared) {
            if (!prepared) {
                m_following.remove(job.id);
                m_cancelWhenFollowed.remove(job.id);
                if (cancelAfter)
                    emit cancelFailed(job.id, prepared.error());
                else
                    emit attachFailed(job, prepared.error());
                return;
            }
            const bool cancelNow = cancelAfter || m_cancelWhenFollowed.contains(job.id);
            follow(std::move(*prepared), Mode::Attach, cancelNow);
        });
}

void BackupManager::reload()
{
    if (m_readWatcher.isRunning()) {
        m_readAgain = true;
        return;
    }
    m_readWatcher.setFuture(readHistory(false));
}

void BackupManager::reattachRunning()
{
    if (m_readWatcher.isRunning()) {
        m_attachAgain = true;
        return;
    }
    m_readWatcher.setFuture(readHistory(true));
}

QFuture<BackupManager::HistoryRead> BackupManager::readHistory(bool withAttach)
{
    const std::shared_ptr<BackupHistory> history = m_history;
    const std::shared_ptr<InventoryStore> inventory = m_services.inventory;
    CredentialStore *secrets = m_services.secrets;
    const CoreServices services = m_services;
    const QSet<QString> skip = m_following;
    return QtConcurrent::run(
        m_services.pool,
        [history, inventory, secrets, services, skip, withAttach]() -> HistoryRead {
            HistoryRead read;
            read.jobs = history->list({}, &read.problems);
            if (!withAttach || !read.jobs)
                return read;
            const QDateTime now = QDateTime::currentDateTimeUtc();
            for (BackupJob &j : *read.jobs) {
                if (j.isAbandoned(now) && !skip.contains(j.id)) {
                    j.markAbandoned(now);
                    if (const VoidResult saved = history->save(j); !saved)
                        qCWarning(lcCore).noquote() << "backup history:" << saved.error().message;
                    continue;
                }
                const bool sql = j.kind == BackupJob::Kind::Sql
                    || (j.kind == BackupJob::Kind::Restore && j.host == u"sql"_s);
                if (j.isFinished() || (j.remotePid <= 0 && !sql) || skip.contains(j.id))
                    continue;
                auto plan = std::make_shared<AttachPlan>();
                plan->job = j;
                const Result<Environment> env = inventory ? inventory->findByName(j.envName)
                                                          : Result<Environment>(noInventory());
                if (env && sql) {
                    Result<SqlBackupRunner::Prepared> p = SqlBackupRunner::prepareAttach(
                        *env, services.secrets, services.tunnels, dialectOptionsOf(services), j);
                    if (p)
                        plan->sql = std::move(*p);
                    else
                        plan->error = p.error();
                } else if (env) {
                    Result<PreparedJob> p = BackupLauncher::prepareAttach(*env, secrets, j);
                    if (p)
                        plan->prepared = std::move(*p);
                    else
                        plan->error = p.error();
                } else if (env.error().kind == ErrorKind::NotFound) {
                    j.status = BackupJob::Status::Lost;
                    //: %1 = environment name
                    j.error = tr("The environment %1 no longer exists in the inventory: the job "
                                 "cannot be followed. It may still be running on its host.")
                                  .arg(j.envName);
                    j.progress = -1;
                    if (!j.finishedAt.isValid())
                        j.finishedAt = QDateTime::currentDateTimeUtc();
                    if (const VoidResult saved = history->save(j); !saved)
                        qCWarning(lcCore).noquote() << "backup history:" << saved.error().message;
                    plan->job = j;
                    plan->lost = true;
                } else {
                    plan->error = env.error();
                }
                read.attach << plan;
            }
            return read;
        });
}

void BackupManager::onHistoryRead(const HistoryRead &read)
{
    if (!read.jobs) {
        emit reloadFailed(read.jobs.error());
        return;
    }
    m_problems = read.problems;
    // What runners report is at least as new as their last history write.
    QHash<QString, BackupJob> merged;
    for (const BackupJob &j : *read.jobs)
        merged.insert(j.id, m_following.contains(j.id) ? m_jobs.value(j.id, j) : j);
    for (const QString &id : std::as_const(m_following))
        if (!merged.contains(id) && m_jobs.contains(id))
            merged.insert(id, m_jobs.value(id));
    m_jobs = merged;
    emit jobsReloaded(jobs());
    for (const std::shared_ptr<AttachPlan> &plan : read.attach) {
        if (m_following.contains(plan->job.id))
            continue; // followed meanwhile (a cancel, a second read)
        if (plan->lost) {
            remember(plan->job);
            emit jobChanged(plan->job);
            emit jobFinished(plan->job);
        } else if (plan->prepared) {
            follow(std::move(*plan->prepared), Mode::Attach, false);
        } else if (plan->sql) {
            followSql(std::move(*plan->sql), Mode::Attach);
        } else {
            emit attachFailed(plan->job, plan->error);
        }
    }
}

} // namespace TiDesk
