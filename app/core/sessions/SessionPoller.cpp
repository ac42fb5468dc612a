#include "SessionPoller.h"

#include "health/SqlPassword.h"
#include "sql/ConnectParams.h"
#include "sql/EnvironmentCheck.h"
#include "sql/SqlWorker.h"
#include "tunnel/BastionTunnels.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

// Server error numbers EXPLAIN of another session answers with when there is nothing to explain.
constexpr int kNoSuchThread = 1094; // ER_NO_SUCH_THREAD: the session is gone
constexpr int kMysqlNotExplainable = 1889; // ER_EXPLAIN_NOT_SUPPORTED (MySQL)
constexpr int kMariadbNotExplainable = 1933; // ER_TARGET_NOT_EXPLAINABLE (MariaDB)

} // namespace

struct SessionPoller::Secrets
{
    SqlPassword password;
    QString sshSecret;
};

SessionPoller::SessionPoller(const CoreServices &services, QObject *parent)
    : QObject(parent)
    , m_services(services)
{
    qRegisterMetaType<TiDesk::SessionRow>();
    qRegisterMetaType<QList<TiDesk::SessionRow>>();
    qRegisterMetaType<TiDesk::QueryResult>();
    qRegisterMetaType<TiDesk::Error>();
    if (!services.tidbCatalogSchema.isEmpty())
        m_dialectOptions.catalogSchema = services.tidbCatalogSchema;
    m_timer.setInterval(kDefaultIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &SessionPoller::tick);
}

SessionPoller::~SessionPoller()
{
    m_timer.stop();
    ++m_generation;
    if (m_worker)
        m_worker->shutdown();
}

void SessionPoller::setEnvironment(const Environment &env)
{
    stop();
    m_env = env;
    m_lastRows.clear();
    m_engine = EngineInfo();
}

void SessionPoller::setInterval(std::chrono::milliseconds interval)
{
    m_timer.setInterval(int(qMax<qint64>(kMinIntervalMs, interval.count())));
}

std::chrono::milliseconds SessionPoller::interval() const
{
    return std::chrono::milliseconds(m_timer.interval());
}

void SessionPoller::setReadTimeoutMs(int ms)
{
    m_readTimeoutMs = qMax(1000, ms);
}

void SessionPoller::start()
{
    m_timer.start();
    tick();
}

void SessionPoller::stop()
{
    m_timer.stop();
    dropWorker();
    m_inFlight = false;
    m_secretsPending = false;
}

void SessionPoller::refresh()
{
    tick();
}

void SessionPoller::tick()
{
    if (m_inFlight) {
        ++m_skipped;
        return;
    }
    startRead();
}

void SessionPoller::startRead()
{
    m_inFlight = true;
    if (m_env.endpoints.isEmpty()) {
        failRead(
            //: %1 = environment name
            Error::make(ErrorKind::InvalidInput, tr("%1 has no SQL endpoint").arg(m_env.name)));
        return;
    }
    if (!m_worker) {
        readSecrets();
        return;
    }
    if (!m_worker->dialect()) {
        // The statement depends on the engine, which the worker learns when it connects.
        m_probeRequest = m_worker->submit(u"SELECT CONNECTION_ID()"_s);
        return;
    }
    submitRead();
}

void SessionPoller::readSecrets()
{
    if (m_secretsPending)
        return;
    m_secretsPending = true;
    const quint64 generation = m_generation;
    const Environment env = m_env;
    CredentialStore *store = m_services.secrets;
    EndpointRouter *router = m_services.tunnels;
    auto *watcher = new QFutureWatcher<Secrets>(this);
    connect(watcher, &QFutureWatcher<Secrets>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation || watcher->future().resultCount() == 0)
            return;
        m_secretsPending = false;
        Secrets s = watcher->result();
        if (!s.password.ok()) {
            if (s.password.vaultLocked)
                emit vaultLocked();
            failRead(s.password.error);
            return;
        }
        createWorker(s.password.password, s.sshSecret);
        s.password.password.fill(u'\0');
        s.sshSecret.fill(u'\0');
        m_probeRequest = m_worker->submit(u"SELECT CONNECTION_ID()"_s);
    });
    auto job = [env, store, router]() -> Secrets {
        Secrets s;
        s.password = readSqlPassword(env, store);
        if (s.password.ok())
            s.sshSecret = SshRoute::fromStore(env, store, router).sshSecret;
        return s;
    };
    watcher->setFuture(m_services.pool ? QtConcurrent::run(m_services.pool, job)
                                       : QtConcurrent::run(job));
}

void SessionPoller::createWorker(const QString &password, const QString &sshSecret)
{
    ConnectParams params = ConnectParams::fromEnvironment(m_env, password, 0);
    params.sshSecret = sshSecret;
    params.router = m_services.tunnels;
    params.readTimeoutMs = m_readTimeoutMs;
    params.writeTimeoutMs = m_readTimeoutMs;
    SqlWorkerOptions options;
    options.serverStatementTimeout = std::chrono::milliseconds(m_readTimeoutMs);
    options.engineOverride = m_env.engine;
    options.dialectOptions = m_dialectOptions;
    m_worker = std::make_unique<SqlWorker>(std::move(params), options, m_services.activityLog,
                                           m_services.pool);
    SqlWorker *worker = m_worker.get();
    const quint64 generation = m_generation;

    // The read's result becomes rows on the SQL thread; only the rows cross to this thread.
    connect(
        worker, &SqlWorker::resultReady, worker,
        [this, worker, generation](quint64 requestId, const QueryResult &result) {
            {
                QMutexLocker lock(&m_readMutex);
                if (requestId != m_readRequest)
                    return;
            }
            const EngineInfo engine = worker->engineInfo();
            Result<QList<SessionRow>> rows = SessionReader::fromResult(
                result, engine.engine, QDateTime::currentDateTimeUtc(), &m_digestCache);
            const quint64 own = worker->connectionId();
            QMetaObject::invokeMethod(
                this,
                [this, generation, rows = std::move(rows), own, engine] {
                    if (generation != m_generation)
                        return;
                    m_engine = engine;
                    onParsed(rows, own);
                },
                Qt::QueuedConnection);
        },
        Qt::DirectConnection);
    connect(worker, &SqlWorker::resultReady, this,
            [this, generation](quint64 requestId, const QueryResult &result) {
                if (generation == m_generation)
                    onResult(requestId, result);
            });
    connect(worker, &SqlWorker::requestFailed, this,
            [this, generation](quint64 requestId, const Error &error) {
                if (generation == m_generation)
                    onRequestFailed(requestId, error);
            });
    connect(worker, &SqlWorker::connected, this,
            [this, generation](const EngineInfo &engine, quint64 connectionId) {
                if (generation != m_generation)
                    return;
                m_engine = engine;
                m_ownConnectionId = connectionId;
                emit connected(engine, connectionId);
            });
}

void SessionPoller::submitRead()
{
    const std::shared_ptr<const Dialect> dialect = m_worker->dialect();
    // Held while submitting so the SQL thread cannot see the answer before it knows the id.
    QMutexLocker lock(&m_readMutex);
    m_readRequest = m_worker->submit(dialect->liveSessionsQuery());
}

void SessionPoller::onResult(quint64 requestId, const QueryResult &result)
{
    if (requestId != 0 && requestId == m_probeRequest) {
        m_probeRequest = 0;
        if (m_worker && m_worker->dialect())
            submitRead();
        else
            failRead(Error::make(ErrorKind::Internal,
                                 //: %1 = environment name
                                 tr("The engine of %1 is unknown after "
                                    "connecting")
                                     .arg(m_env.name)));
        return;
    }
    const auto it = m_explains.find(requestId);
    if (it == m_explains.end())
        return; // a read: handled on the SQL thread
    const PendingExplain pending = *it;
    m_explains.erase(it);
    if (result.rows.isEmpty()) {
        emit explainFailed(pending.ticket,
                           Error::make(ErrorKind::NotFound,
                                       //: %1 = connection id of the session
                                       tr("Session %1 is not running a statement any more (it "
                                          "finished meanwhile).")
                                           .arg(pending.session.id)));
        return;
    }
    emit explainReady(pending.ticket, result);
}

void SessionPoller::onRequestFailed(quint64 requestId, const Error &error)
{
    if (requestId != 0 && requestId == m_probeRequest) {
        m_probeRequest = 0;
        failRead(error);
        return;
    }
    bool isRead = false;
    {
        QMutexLocker lock(&m_readMutex);
        isRead = requestId != 0 && requestId == m_readRequest;
        if (isRead)
            m_readRequest = 0;
    }
    if (isRead) {
        failRead(error);
        return;
    }
    const auto it = m_explains.find(requestId);
    if (it == m_explains.end())
        return;
    const PendingExplain pending = *it;
    m_explains.erase(it);
    emit explainFailed(pending.ticket, explainError(pending.session, error));
}

void SessionPoller::onParsed(const Result<QList<SessionRow>> &rows, quint64 ownConnectionId)
{
    m_inFlight = false;
    if (!rows) {
        failRead(rows.error());
        return;
    }
    ++m_reads;
    m_lastRows = *rows;
    if (ownConnectionId != 0)
        m_ownConnectionId = ownConnectionId;
    emit sessionsReady(m_lastRows, m_ownConnectionId);
}

void SessionPoller::failRead(const Error &error)
{
    m_inFlight = false;
    ++m_failedReads;
    Error e = error;
    //: %1 = environment name, %2 = why (the server's or TiDesk's message)
    e.message = tr("Cannot read the sessions of %1: %2").arg(m_env.name, error.message);
    emit readFailed(e);
}

quint64 SessionPoller::explain(const SessionRow &session)
{
    const quint64 ticket = m_nextTicket++;
    const std::shared_ptr<const Dialect> dialect = m_worker ? m_worker->dialect() : nullptr;
    if (!dialect) {
        failExplainLater(
            ticket,
            Error::make(ErrorKind::Connection,
                        //: %1 = environment name
                        tr("Not connected to %1 yet: no plan can be read").arg(m_env.name)));
        return ticket;
    }
    const Result<ExplainStatement> statement = dialect->explainSession(session.id);
    if (!statement) {
        failExplainLater(ticket, statement.error());
        return ticket;
    }
    const quint64 request = m_worker->submit(statement->sql, true);
    m_explains.insert(request, PendingExplain { ticket, session });
    return ticket;
}

void SessionPoller::failExplainLater(quint64 ticket, const Error &error)
{
    QMetaObject::invokeMethod(
        this, [this, ticket, error] { emit explainFailed(ticket, error); }, Qt::QueuedConnection);
}

Error SessionPoller::explainError(const SessionRow &session, const Error &error) const
{
    Error e = error;
    e.detail = error.message;
    if (error.code == kNoSuchThread) {
        e.kind = ErrorKind::NotFound;
        //: %1 = connection id of the session
        e.message = tr("Session %1 has ended: there is no statement to explain any more.")
                        .arg(session.id);
    } else if (error.code == kMariadbNotExplainable || error.code == kMysqlNotExplainable) {
        e.kind = ErrorKind::NotFound;
        //: %1 = connection id of the session
        e.message = tr("Session %1 is not running a statement with a plan (it finished "
                       "meanwhile, or its statement cannot be explained).")
                        .arg(session.id);
    } else if (m_engine.engine == Engine::TiDB && error.kind == ErrorKind::Server) {
        //: %1 = session id, %2 = tidb-server status address, %3 = server error text
        e.message = tr("Cannot explain session %1: only the tidb-server that owns it (%2) can, "
                       "and TiDesk may be connected to another one (%3)")
                        .arg(session.id)
                        .arg(session.instance.isEmpty() ? tr("unknown") : session.instance,
                             error.message);
    } else {
        //: %1 = connection id, %2 = the server's error
        e.message = tr("Cannot explain session %1: %2").arg(session.id).arg(error.message);
    }
    return e;
}

void SessionPoller::dropWorker()
{
    ++m_generation;
    if (m_worker) {
        m_worker->shutdown();
        m_worker.reset();
    }
    {
        QMutexLocker lock(&m_readMutex);
        m_readRequest = 0;
    }
    m_digestCache = SessionReader::DigestCache();
    m_probeRequest = 0;
    m_ownConnectionId = 0;
    for (const PendingExplain &p : std::as_const(m_explains))
        failExplainLater(p.ticket,
                         Error::make(ErrorKind::Cancelled,
                                     //: %1 = environment name
                                     tr("The sessions view of %1 was closed").arg(m_env.name)));
    m_explains.clear();
}

} // namespace TiDesk
