#include "SqlBackupRunner.h"

#include "backup/BackupHistory.h"
#include "backup/BackupLauncher.h"
#include "backup/SqlBackupRows.h"
#include "backup/StorageUrl.h"
#include "common/Logging.h"
#include "sql/SqlConnection.h"

#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {
constexpr int kQueryInterrupted = 1317; // ER_QUERY_INTERRUPTED
} // namespace

struct SqlBackupRunner::Outcome
{
    Result<SqlBackupResult> result = Error();
};

Result<SqlBackupRunner::Prepared>
SqlBackupRunner::prepare(const Environment &env, CredentialStore *secrets, EndpointRouter *router,
                         const DialectOptions &dialectOptions, const QString &storage,
                         const QStringList &databases)
{
    const QString url = storage.trimmed().isEmpty() ? env.backup.url.trimmed() : storage.trimmed();
    if (url.isEmpty())
        return Error::make(
            ErrorKind::InvalidInput,
            tr("%1 has no backup storage URL (s3://..., local://...).").arg(env.name));
    const Result<QString> secret = BackupLauncher::backupSecret(env, secrets);
    if (!secret)
        return secret.error();
    Result<EnvironmentTarget> target
        = EnvironmentTarget::resolve(env, secrets, router, dialectOptions);
    if (!target)
        return target.error();
    Prepared p;
    p.target = *target;
    p.request.databases = databases;
    p.request.destinationUrl = StorageUrl::withParameters(url, *secret);
    BackupJob &job = p.job;
    job.id = BackupJob::newId(env.name, QDateTime::currentDateTimeUtc());
    job.envName = env.name;
    job.kind = BackupJob::Kind::Sql;
    job.status = BackupJob::Status::Queued;
    job.target = StorageUrl::redacted(p.request.destinationUrl);
    job.databases = databases;
    job.host = u"sql"_s;
    return p;
}

Result<SqlBackupRunner::Prepared>
SqlBackupRunner::prepareAttach(const Environment &env, CredentialStore *secrets,
                               EndpointRouter *router, const DialectOptions &dialectOptions,
                               const BackupJob &job)
{
    Result<EnvironmentTarget> target
        = EnvironmentTarget::resolve(env, secrets, router, dialectOptions);
    if (!target)
        return target.error();
    Prepared p;
    p.job = job;
    p.target = *target;
    return p;
}

SqlBackupRunner::SqlBackupRunner(Prepared prepared, BackupHistory *history, QThreadPool *pool,
                                 ActivityLog *log, QObject *parent)
    : QObject(parent)
    , m_job(std::move(prepared.job))
    , m_target(std::move(prepared.target))
    , m_request(std::move(prepared.request))
    , m_history(history)
    , m_pool(pool)
    , m_log(log)
    , m_connectionId(std::make_shared<std::atomic<quint64>>(0))
{
    connect(&m_pollTimer, &QTimer::timeout, this, &SqlBackupRunner::poll);
    connect(&m_pollWatcher, &QFutureWatcherBase::finished, this, [this] {
        if (m_finished || m_pollWatcher.future().resultCount() == 0)
            return;
        onPolled(m_pollWatcher.result());
    });
    connect(&m_killWatcher, &QFutureWatcherBase::finished, this, [this] {
        if (m_killWatcher.future().resultCount() == 0)
            return;
        const Error e = m_killWatcher.result();
        if (e.isError() && !m_finished)
            qCWarning(lcCore).noquote() << "backup" << m_job.id << ": cancel:" << e.message;
    });
    connect(&m_main, &QFutureWatcherBase::finished, this, [this] {
        if (m_main.future().resultCount() == 0)
            return;
        const std::shared_ptr<Outcome> o = m_main.result();
        const Result<SqlBackupResult> &r = o->result;
        if (r) {
            m_job.sizeBytes = r->sizeBytes;
            if (r->backupTs > 0)
                m_job.backupTs = QString::number(r->backupTs);
            finish(BackupJob::Status::Succeeded, {});
            return;
        }
        if (m_cancelRequested && r.error().code == kQueryInterrupted) {
            finish(BackupJob::Status::Cancelled,
                   tr("Cancelled with KILL TIDB QUERY; TiDB removes what it wrote."));
            return;
        }
        const Error &e = r.error();
        const QString text = e.detail.isEmpty() || e.detail == e.message
            ? e.message
            : QString(e.message + u": "_s + e.detail);
        // The server quotes the statement in its errors: the storage URL with its credentials.
        finish(BackupJob::Status::Failed, StorageUrl::redactedInText(text));
    });
}

SqlBackupRunner::~SqlBackupRunner()
{
    m_pollTimer.stop();
    m_pollWatcher.waitForFinished();
    m_killWatcher.waitForFinished();
    m_main.waitForFinished();
}

void SqlBackupRunner::start()
{
    m_job.startedAt = QDateTime::currentDateTimeUtc();
    m_job.status = BackupJob::Status::Running;
    update();
    const EnvironmentTarget target = m_target;
    const BackupRequest request = m_request;
    ActivityLog *log = m_log;
    const std::shared_ptr<std::atomic<quint64>> connectionId = m_connectionId;
    auto work = [target, request, log, connectionId]() {
        auto out = std::make_shared<Outcome>();
        SqlConnection conn(log);
        const Result<OpenedEnvironment> opened = openEnvironment(target, conn);
        if (!opened) {
            out->result = opened.error();
            return out;
        }
        if (opened->engine.engine != Engine::TiDB) {
            //: %1 = environment, %2 = engine such as MariaDB 10.11
            out->result
                = Error::make(ErrorKind::InvalidInput,
                              SqlBackupRunner::tr("%1 runs %2: BACKUP is a TiDB statement.")
                                  .arg(target.environment.name, opened->engine.displayString()));
            return out;
        }
        const Result<QString> statement = opened->dialect->backupStatement(request);
        if (!statement) {
            out->result = statement.error();
            return out;
        }
        connectionId->store(conn.connectionId());
        const Result<QueryResult> rows = conn.query(*statement);
        if (!rows) {
            out->result = rows.error();
            return out;
        }
        out->result = SqlBackupRows::result(*rows);
        return out;
    };
    m_main.setFuture(m_pool ? QtConcurrent::run(m_pool, work) : QtConcurrent::run(work));
    m_pollTimer.start(m_pollInterval);
}

void SqlBackupRunner::attach()
{
    m_attached = true;
    m_connectionId->store(m_job.connectionId);
    if (m_job.connectionId == 0) {
        finish(BackupJob::Status::Lost,
               tr("TiDesk stopped before the BACKUP statement was sent or its connection was "
                  "known: it cannot be found in SHOW BACKUPS. Check the storage before relying "
                  "on it."));
        return;
    }
    poll();
    m_pollTimer.start(m_pollInterval);
}

void SqlBackupRunner::onPolled(const PollResult &r)
{
    if (!m_attached) {
        // The statement's own connection reports the end; polls only move the bar.
        if (r.listed && r.progress >= 0 && r.progress != m_job.progress) {
            m_job.progress = qMin(r.progress, 99.9);
            update();
        }
        return;
    }
    if (!r.read) {
        //: %1 = the server's error
        finish(BackupJob::Status::Lost,
               tr("Cannot look for it in SHOW BACKUPS after the restart: %1. It may still be "
                  "running on the cluster.")
                   .arg(StorageUrl::redactedInText(r.error)));
        return;
    }
    if (!r.listed && m_cancelRequested) {
        finish(BackupJob::Status::Cancelled,
               tr("Cancelled with KILL TIDB QUERY; TiDB removes what it wrote."));
        return;
    }
    if (!r.listed) {
        finish(BackupJob::Status::Lost,
               m_seenListed
                   ? tr("It left SHOW BACKUPS while TiDesk followed it after a restart: its result "
                        "(size, BackupTS, success or error) went to the connection that started "
                        "it, which is closed. Check the storage before relying on it.")
                   : tr("It is no longer in SHOW BACKUPS: it ended while TiDesk was not running, "
                        "and its result went to the connection that started it, which is closed. "
                        "Check the storage before relying on it."));
        return;
    }
    m_seenListed = true;
    if (r.progress >= 0 && r.progress != m_job.progress) {
        m_job.progress = qMin(r.progress, 99.9);
        update();
    }
}

void SqlBackupRunner::poll()
{
    const quint64 id = m_connectionId->load();
    if (m_finished || m_pollWatcher.isRunning() || id == 0)
        return;
    if (m_job.connectionId != id) {
        m_job.connectionId = id;
        update();
    }
    const EnvironmentTarget target = m_target;
    ActivityLog *log = m_log;
    auto work = [target, log, id]() -> PollResult {
        PollResult out;
        SqlConnection conn(log);
        const Result<OpenedEnvironment> opened = openEnvironment(target, conn);
        if (!opened) {
            out.error = opened.error().message;
            return out;
        }
        const Result<QString> q = opened->dialect->showBackupsQuery();
        if (!q) {
            out.error = q.error().message;
            return out;
        }
        const Result<QueryResult> rows = conn.query(*q);
        if (!rows) {
            out.error = rows.error().message;
            return out;
        }
        const Result<QList<SqlBackupJob>> jobs = SqlBackupRows::jobs(*rows);
        if (!jobs) {
            out.error = jobs.error().message;
            return out;
        }
        out.read = true;
        for (const SqlBackupJob &j : *jobs) {
            if (j.connectionId == id) {
                out.listed = true;
                out.progress = j.progress;
            }
        }
        return out;
    };
    m_pollWatcher.setFuture(m_pool ? QtConcurrent::run(m_pool, work) : QtConcurrent::run(work));
}

void SqlBackupRunner::cancel()
{
    if (m_finished || m_cancelRequested)
        return;
    m_cancelRequested = true;
    const quint64 id = m_connectionId->load();
    if (id == 0)
        return; // not sent yet: the statement's own error, or its result, ends it
    const EnvironmentTarget target = m_target;
    ActivityLog *log = m_log;
    auto work = [target, log, id]() -> Error {
        SqlConnection conn(log);
        const Result<OpenedEnvironment> opened = openEnvironment(target, conn);
        if (!opened)
            return opened.error();
        const Result<QueryResult> r = conn.query(u"KILL TIDB QUERY "_s + QString::number(id));
        return r ? Error() : r.error();
    };
    m_killWatcher.setFuture(m_pool ? QtConcurrent::run(m_pool, work) : QtConcurrent::run(work));
}

void SqlBackupRunner::finish(BackupJob::Status status, const QString &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_pollTimer.stop();
    m_job.status = status;
    m_job.error = error;
    m_job.finishedAt = QDateTime::currentDateTimeUtc();
    if (status == BackupJob::Status::Succeeded)
        m_job.progress = 100;
    update();
    emit finished(m_job);
}

void SqlBackupRunner::update()
{
    if (m_history) {
        if (const VoidResult saved = m_history->save(m_job); !saved)
            qCWarning(lcCore).noquote() << "backup history:" << saved.error().message;
    }
    emit jobChanged(m_job);
}

} // namespace TiDesk
