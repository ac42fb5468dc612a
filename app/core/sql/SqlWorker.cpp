#include "SqlWorker.h"

#include "common/Logging.h"
#include "sql/EngineDetector.h"
#include "sql/SqlConnection.h"

#include <QCoreApplication>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

bool isConnectionLoss(const Error &e)
{
    if (e.kind == ErrorKind::Connection)
        return true;
    // A client read timeout leaves the protocol mid-answer: the connection cannot be reused.
    // (1969/3024 are the server's own limit and leave the connection usable.)
    return e.kind == ErrorKind::Timeout && e.code >= 2000 && e.code < 3000;
}

} // namespace

SqlWorker::SqlWorker(ConnectParams params, SqlWorkerOptions options, ActivityLog *activityLog,
                     QThreadPool *controlPool)
    : m_params(std::move(params))
    , m_options(std::move(options))
    , m_activityLog(activityLog)
    , m_controlPool(controlPool ? controlPool : QThreadPool::globalInstance())
    , m_ownerThread(QThread::currentThread())
    , m_thread(std::make_unique<QThread>())
{
    qRegisterMetaType<TiDesk::QueryResult>();
    qRegisterMetaType<TiDesk::Error>();
    qRegisterMetaType<TiDesk::EngineInfo>();
    m_thread->setObjectName(u"sql:"_s + m_params.displayAddress());
    connect(m_thread.get(), &QThread::finished, this, &SqlWorker::onThreadFinished,
            Qt::DirectConnection);
    moveToThread(m_thread.get());
    m_thread->start();
}

SqlWorker::~SqlWorker()
{
    Q_ASSERT(QThread::currentThread() == m_ownerThread);
    shutdown();
}

void SqlWorker::assertWorkerThread() const
{
    Q_ASSERT_X(QThread::currentThread() == m_thread.get(), "SqlWorker",
               "connector calls must run on the worker's own thread");
}

quint64 SqlWorker::submit(const QString &sql, bool fetchWarnings)
{
    const quint64 id = m_nextRequestId.fetch_add(1);
    {
        QMutexLocker lock(&m_mutex);
        if (m_stopping) {
            lock.unlock();
            emit requestFailed(id,
                               Error::make(ErrorKind::Cancelled, tr("The SQL session is closing")));
            return id;
        }
        m_queue.append(Request { id, sql, fetchWarnings });
    }
    QMetaObject::invokeMethod(this, &SqlWorker::runNext, Qt::QueuedConnection);
    return id;
}

void SqlWorker::connectNow()
{
    QMetaObject::invokeMethod(
        this,
        [this] {
            assertWorkerThread();
            (void)ensureConnected();
        },
        Qt::QueuedConnection);
}

bool SqlWorker::cancel(quint64 requestId)
{
    QMutexLocker lock(&m_mutex);
    for (qsizetype i = 0; i < m_queue.size(); ++i) {
        if (m_queue.at(i).id == requestId) {
            m_queue.removeAt(i);
            lock.unlock();
            emit requestFailed(requestId,
                               Error::make(ErrorKind::Cancelled,
                                           tr("The statement was cancelled before it started")));
            return true;
        }
    }
    if (requestId == 0 || m_currentRequest != requestId || m_connectionId == 0 || !m_dialect)
        return false;
    const quint64 connId = m_connectionId;
    auto dialect = m_dialect;
    lock.unlock();
    startKill(requestId, connId, KillKind::Query, std::move(dialect));
    return true;
}

void SqlWorker::startKill(quint64 requestId, quint64 connectionId, KillKind kind,
                          std::shared_ptr<const Dialect> dialect)
{
    {
        QMutexLocker lock(&m_mutex);
        ++m_killsInFlight; // runNext() will not start another statement until this is done
    }
    ConnectParams control = m_params;
    control.connectTimeoutMs = qMin(control.connectTimeoutMs, m_options.controlConnectTimeoutMs);
    control.readTimeoutMs = 10000;
    control.writeTimeoutMs = 10000;
    (void)QtConcurrent::run(m_controlPool, [this, control, requestId, connectionId, kind, dialect] {
        Error outcome;
        {
            SqlConnection conn(m_activityLog);
            if (const VoidResult opened = conn.open(control); !opened) {
                outcome = opened.error();
            } else {
                // The control connection reaches the same host:port as the worker, i.e. the
                // owning tidb-server, so KILL TIDB works there too without global kill.
                const KillStatement k = dialect->killStatement(kind, connectionId);
                auto r = conn.query(k.sql, k.checkWarnings);
                if (!r)
                    outcome = r.error();
                else if (!r->warnings.isEmpty())
                    qCInfo(lcSql).noquote() << "KILL warnings:" << r->warnings.first().message;
            }
        }
        // Emit before the count drops: shutdown() (and so the destructor) waits for the count,
        // so `this` is alive until here. Emitting after it raced with the destructor (seen as a
        // crash when a worker was destroyed right after cancel()).
        if (requestId != 0)
            emit cancelFinished(requestId, outcome);
        {
            QMutexLocker lock(&m_mutex);
            --m_killsInFlight;
            m_killsDone.wakeAll();
        }
    });
}

Result<bool> SqlWorker::ensureConnected()
{
    assertWorkerThread();
    if (m_connection && m_connection->isOpen())
        return false;
    if (m_reconnectAttempt > 0 && !m_nextAttempt.hasExpired()) {
        Error e = m_lastConnectError;
        e.message = tr("Not connected to %1; next attempt in %2 ms (%3)")
                        .arg(m_params.displayAddress())
                        .arg(m_nextAttempt.remainingTime())
                        .arg(m_lastConnectError.message);
        return e;
    }
    auto conn = std::make_unique<SqlConnection>(m_activityLog);
    auto fail = [this](const Error &e) -> Result<bool> {
        const int idx = qMin<int>(m_reconnectAttempt, int(m_options.reconnectBackoffMs.size()) - 1);
        const int delay = idx >= 0 ? m_options.reconnectBackoffMs.at(idx) : 1000;
        ++m_reconnectAttempt;
        m_nextAttempt = QDeadlineTimer(delay);
        m_lastConnectError = e;
        return e;
    };
    if (const VoidResult opened = conn->open(m_params); !opened)
        return fail(opened.error());
    auto engine = EngineDetector::detect(*conn, m_options.engineOverride);
    if (!engine)
        return fail(engine.error());
    auto dialect = makeDialect(*engine, m_options.dialectOptions);
    for (const QString &stmt : dialect->sessionSetupStatements(m_options.serverStatementTimeout)) {
        if (auto r = conn->query(stmt); !r) {
            // A missing variable on an exotic server must not make the console unusable.
            qCWarning(lcSql).noquote() << "session setup failed:" << r.error().toString();
            if (isConnectionLoss(r.error()))
                return fail(r.error());
        }
    }
    m_reconnectAttempt = 0;
    m_lastConnectError = Error();
    const quint64 connId = conn->connectionId();
    m_connection = std::move(conn);
    {
        QMutexLocker lock(&m_mutex);
        m_connectionId = connId;
        m_engine = *engine;
        m_dialect = dialect;
    }
    emit connected(*engine, connId);
    return true;
}

void SqlWorker::dropConnection()
{
    assertWorkerThread();
    if (m_connection)
        m_connection->close();
    m_connection.reset();
    QMutexLocker lock(&m_mutex);
    m_connectionId = 0;
}

void SqlWorker::runNext()
{
    assertWorkerThread();
    Request req;
    {
        QMutexLocker lock(&m_mutex);
        // Never start a statement while a KILL aimed at this connection is still on its way:
        // it would hit the new statement instead of the one it was meant for.
        while (m_killsInFlight > 0)
            m_killsDone.wait(&m_mutex);
        if (m_queue.isEmpty() || m_stopping)
            return;
        req = m_queue.takeFirst();
        m_currentRequest = req.id;
    }
    auto finish = [this] {
        QMutexLocker lock(&m_mutex);
        m_currentRequest = 0;
    };

    if (auto c = ensureConnected(); !c) {
        finish();
        emit requestFailed(req.id, c.error());
        return;
    }
    auto result = m_connection->query(req.sql, req.fetchWarnings);
    finish();
    if (result) {
        emit resultReady(req.id, *result);
        return;
    }
    const Error err = result.error();
    if (isConnectionLoss(err)) {
        const quint64 oldId = m_connection ? m_connection->connectionId() : 0;
        std::shared_ptr<const Dialect> dialect;
        {
            QMutexLocker lock(&m_mutex);
            dialect = m_dialect;
        }
        dropConnection();
        // After a client read timeout the statement still runs on the server: end it there.
        if (err.kind == ErrorKind::Timeout && oldId != 0 && dialect)
            startKill(0, oldId, KillKind::Connection, dialect);
        // Connection state first: a receiver handling requestFailed already sees the loss.
        emit connectionLost(err);
        emit requestFailed(req.id, err);
        return;
    }
    emit requestFailed(req.id, err);
}

void SqlWorker::onThreadFinished()
{
    assertWorkerThread();
    dropConnection();
    // Back to the owner so the destructor runs on the thread that owns the object.
    moveToThread(m_ownerThread);
}

void SqlWorker::shutdown()
{
    Q_ASSERT(QThread::currentThread() == m_ownerThread || !m_thread->isRunning());
    if (!m_thread)
        return;
    QList<Request> dropped;
    quint64 running = 0;
    quint64 connId = 0;
    std::shared_ptr<const Dialect> dialect;
    {
        QMutexLocker lock(&m_mutex);
        if (m_stopping && !m_thread->isRunning() && m_killsInFlight == 0)
            return;
        m_stopping = true;
        dropped = std::exchange(m_queue, {});
        running = m_currentRequest;
        connId = m_connectionId;
        dialect = m_dialect;
    }
    for (const Request &r : dropped)
        emit requestFailed(r.id,
                           Error::make(ErrorKind::Cancelled, tr("The SQL session is closing")));
    if (running != 0 && connId != 0 && dialect)
        startKill(running, connId, KillKind::Query, dialect);
    m_thread->quit();
    m_thread->wait();
    QMutexLocker lock(&m_mutex);
    while (m_killsInFlight > 0)
        m_killsDone.wait(&m_mutex);
}

EngineInfo SqlWorker::engineInfo() const
{
    QMutexLocker lock(&m_mutex);
    return m_engine;
}

std::shared_ptr<const Dialect> SqlWorker::dialect() const
{
    QMutexLocker lock(&m_mutex);
    return m_dialect;
}

quint64 SqlWorker::connectionId() const
{
    QMutexLocker lock(&m_mutex);
    return m_connectionId;
}

bool SqlWorker::isConnected() const
{
    QMutexLocker lock(&m_mutex);
    return m_connectionId != 0;
}

} // namespace TiDesk
