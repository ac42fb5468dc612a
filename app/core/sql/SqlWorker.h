// SqlWorker: the long-lived SQL session of one endpoint. Runs queued statements one after the
// other on its own thread, owns its SqlConnection there, and hands results back as value types.
//
// Threading contract (asserted):
//  - Construct, shutdown() and destroy on one "owner" thread (normally the GUI thread). The
//    constructor creates a QThread, moves the worker onto it and starts it.
//  - submit(), cancel(), connectNow() and the accessors are thread-safe and never block on the
//    network: they only queue work.
//  - Every connector call happens on the worker thread (runNext(), ensureConnected()), except
//    KILL, which runs on a short-lived control connection on a QThreadPool thread because the
//    worker's own connection is busy with the statement being killed.
//  - Signals are emitted from the worker thread (cancelFinished from a pool thread; requestFailed
//    for a request cancelled before it started from the caller's thread): connect with a context
//    object so they are queued to the receiver.
//  - Teardown: shutdown() (or the destructor) kills a running statement, drops queued requests,
//    quits and waits for the thread; the connection is closed on the worker thread and the
//    object moves back to the owner thread before it is deleted there.
//
// Connection life: connects lazily on the first request (or connectNow()), detects the engine,
// builds the dialect and runs its session setup (UTC time zone, server-side statement time
// limit). A lost connection (2006/2013/...) fails the current request and is re-opened on the
// next one; failed re-opens back off (0.5, 1, 2, 4, 8 s by default) and requests arriving during
// a back-off fail fast with a Connection error instead of waiting.
#pragma once

#include "common/Error.h"
#include "inventory/Environment.h"
#include "sql/ConnectParams.h"
#include "sql/Dialect.h"
#include "sql/EngineInfo.h"
#include "sql/QueryResult.h"

#include <QDeadlineTimer>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QWaitCondition>

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>

class QThread;
class QThreadPool;

namespace TiDesk {

class ActivityLog;
class SqlConnection;

struct SqlWorkerOptions
{
    std::chrono::milliseconds serverStatementTimeout { 0 }; // 0 = no server-side limit
    EngineOverride engineOverride = EngineOverride::Auto;
    DialectOptions dialectOptions;
    QList<int> reconnectBackoffMs { 500, 1000, 2000, 4000, 8000 }; // last value is the cap
    int controlConnectTimeoutMs = 3000; // the KILL connection
};

class SqlWorker final : public QObject
{
    Q_OBJECT
public:
    // activityLog may be null; controlPool null = QThreadPool::globalInstance().
    SqlWorker(ConnectParams params, SqlWorkerOptions options = {},
              ActivityLog *activityLog = nullptr, QThreadPool *controlPool = nullptr);
    ~SqlWorker() override;

    // Queues one statement; the answer is resultReady or requestFailed with the returned id.
    quint64 submit(const QString &sql, bool fetchWarnings = false);
    // Queued: cancelled before start (requestFailed with Cancelled). Running: KILL QUERY from a
    // control connection; the request then fails with 1317 Cancelled. Returns false when the
    // id is unknown or already finished.
    bool cancel(quint64 requestId);
    // Opens the connection now instead of on the first request.
    void connectNow();
    // Owner thread. Idempotent; the destructor calls it.
    void shutdown();

    // Thread-safe snapshots. Empty / 0 / null until connected.
    [[nodiscard]] EngineInfo engineInfo() const;
    [[nodiscard]] std::shared_ptr<const Dialect> dialect() const;
    [[nodiscard]] quint64 connectionId() const;
    [[nodiscard]] bool isConnected() const;
    [[nodiscard]] const ConnectParams &params() const { return m_params; }

signals:
    void resultReady(quint64 requestId, const TiDesk::QueryResult &result);
    void requestFailed(quint64 requestId, const TiDesk::Error &error);
    void connected(const TiDesk::EngineInfo &engine, quint64 connectionId);
    void connectionLost(const TiDesk::Error &error);
    // The KILL for cancel(requestId) was sent (error None) or could not be sent.
    void cancelFinished(quint64 requestId, const TiDesk::Error &error);

private:
    struct Request
    {
        quint64 id = 0;
        QString sql;
        bool fetchWarnings = false;
    };

    void runNext(); // worker thread
    Result<bool> ensureConnected(); // worker thread; true when (re)connected just now
    void dropConnection(); // worker thread
    void onThreadFinished(); // worker thread, after its event loop ended
    void startKill(quint64 requestId, quint64 connectionId, KillKind kind,
                   std::shared_ptr<const Dialect> dialect); // any thread, m_mutex NOT held
    void assertWorkerThread() const;

    const ConnectParams m_params;
    const SqlWorkerOptions m_options;
    ActivityLog *const m_activityLog;
    QThreadPool *const m_controlPool;
    QThread *const m_ownerThread;
    std::unique_ptr<QThread> m_thread;

    // Worker-thread state.
    std::unique_ptr<SqlConnection> m_connection;
    int m_reconnectAttempt = 0;
    QDeadlineTimer m_nextAttempt { 0 };
    Error m_lastConnectError;

    // Shared state, guarded by m_mutex.
    mutable QMutex m_mutex;
    QWaitCondition m_killsDone;
    QList<Request> m_queue;
    quint64 m_currentRequest = 0;
    quint64 m_connectionId = 0;
    EngineInfo m_engine;
    std::shared_ptr<const Dialect> m_dialect;
    int m_killsInFlight = 0;
    bool m_stopping = false;

    std::atomic<quint64> m_nextRequestId { 1 };
};

} // namespace TiDesk
