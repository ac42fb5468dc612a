// SessionPoller: keeps the live sessions of ONE environment fresh for the sessions page (every
// second by default) and answers "EXPLAIN this session's statement" on demand.
//
// Connection: its own SqlWorker on the environment's first SQL endpoint, built like every
// other TiDesk connection (ConnectParams::fromEnvironment, SSH bastions through
// CoreServices::tunnels, passwords read from CoreServices::secrets on the pool, statements in
// the activity log). Its own connection, not the console's, so a long console statement never
// delays the list; its connection id is handed out with every read so the UI can hide it
// (SessionFilterModel::setOwnConnectionIds). On TiDB, CLUSTER_PROCESSLIST lists the sessions of
// every tidb-server from any of them.
//
// Reading: one liveSessionsQuery() per tick. A tick that finds the previous read (or the
// password read, or the connect) still in flight is skipped and counted (skippedTicks()), so a
// slow server never piles up reads. The result is turned into SessionRows on the SQL thread
// (SessionReader with a per-poller digest cache), so the GUI thread only receives the rows:
// sessionsReady(rows, ownConnectionId), or readFailed(error) with a message naming the
// environment (unreachable, wrong password, locked vault, missing PROCESS privilege ...).
// stop() ends the timer and the connection (a running read is killed); start() reconnects.
//
// EXPLAIN: explain(session) runs the dialect's explainSession() on the same connection and
// answers explainReady(ticket, plan) or explainFailed(ticket, error) with a clear message
// when the session has finished meanwhile, is gone, or (TiDB) belongs to another tidb-server.
//
// Threading: a QObject on the GUI thread (the owner of its SqlWorker); nothing here blocks it.
// Destroying it shuts the worker down (bounded by the worker's KILL of a running read).
#pragma once

#include "CoreServices.h"
#include "common/Error.h"
#include "inventory/Environment.h"
#include "sessions/SessionReader.h"
#include "sessions/SessionRow.h"
#include "sql/Dialect.h"
#include "sql/EngineInfo.h"
#include "sql/QueryResult.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <memory>

namespace TiDesk {

class SqlWorker;

class SessionPoller final : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultIntervalMs = 1000;
    static constexpr int kMinIntervalMs = 100;
    // Client read timeout and server-side statement limit of the poller's connection.
    static constexpr int kDefaultReadTimeoutMs = 10000;

    explicit SessionPoller(const CoreServices &services, QObject *parent = nullptr);
    ~SessionPoller() override;

    // The environment to watch. Stops and forgets the previous one's connection; call start().
    void setEnvironment(const Environment &env);
    [[nodiscard]] const Environment &environment() const { return m_env; }

    void setInterval(std::chrono::milliseconds interval); // clamped to >= kMinIntervalMs
    [[nodiscard]] std::chrono::milliseconds interval() const;
    void setReadTimeoutMs(int ms); // takes effect on the next connection
    // TEST SEAM: the TiDB catalog schema. Default: CoreServices::tidbCatalogSchema.
    void setDialectOptions(const DialectOptions &options) { m_dialectOptions = options; }

    // A read now, then one every interval().
    void start();
    // Stops the timer and closes the connection (a running read is killed). Idempotent.
    void stop();
    [[nodiscard]] bool isActive() const { return m_timer.isActive(); }
    // One read now, unless one is in flight (then it counts as a skipped tick).
    void refresh();

    [[nodiscard]] bool isReading() const { return m_inFlight; }
    [[nodiscard]] quint64 readCount() const { return m_reads; } // successful reads
    [[nodiscard]] quint64 failedReadCount() const { return m_failedReads; }
    [[nodiscard]] quint64 skippedTicks() const { return m_skipped; }
    // The poller's own connection id (0 until connected) and engine.
    [[nodiscard]] quint64 ownConnectionId() const { return m_ownConnectionId; }
    [[nodiscard]] EngineInfo engine() const { return m_engine; }
    [[nodiscard]] const QList<SessionRow> &lastRows() const { return m_lastRows; }

    // Reads the plan of the statement `session` is running. Returns a ticket for
    // explainReady / explainFailed (always answered later, never from inside this call).
    quint64 explain(const SessionRow &session);

signals:
    void sessionsReady(const QList<TiDesk::SessionRow> &rows, quint64 ownConnectionId);
    void readFailed(const TiDesk::Error &error);
    void connected(const TiDesk::EngineInfo &engine, quint64 connectionId);
    // The password could not be read because the vault is locked (readFailed follows).
    void vaultLocked();
    void explainReady(quint64 ticket, const TiDesk::QueryResult &plan);
    void explainFailed(quint64 ticket, const TiDesk::Error &error);

private:
    struct Secrets; // the result of the password read on the pool
    struct PendingExplain
    {
        quint64 ticket = 0;
        SessionRow session;
    };

    void tick();
    void startRead();
    void readSecrets();
    void createWorker(const QString &password, const QString &sshSecret);
    void submitRead();
    void onParsed(const Result<QList<SessionRow>> &rows, quint64 ownConnectionId);
    void onRequestFailed(quint64 requestId, const Error &error);
    void onResult(quint64 requestId, const QueryResult &result);
    void failRead(const Error &error);
    void failExplainLater(quint64 ticket, const Error &error);
    [[nodiscard]] Error explainError(const SessionRow &session, const Error &error) const;
    void dropWorker();

    CoreServices m_services;
    Environment m_env;
    DialectOptions m_dialectOptions;
    int m_readTimeoutMs = kDefaultReadTimeoutMs;
    QTimer m_timer;
    std::unique_ptr<SqlWorker> m_worker;
    quint64 m_generation = 0; // bumped whenever the worker goes: late answers are ignored
    bool m_inFlight = false;
    bool m_secretsPending = false;
    quint64 m_probeRequest = 0; // the connect probe before the first read
    quint64 m_reads = 0;
    quint64 m_failedReads = 0;
    quint64 m_skipped = 0;
    quint64 m_ownConnectionId = 0;
    EngineInfo m_engine;
    QList<SessionRow> m_lastRows;
    QHash<quint64, PendingExplain> m_explains; // by request id
    quint64 m_nextTicket = 1;

    // Shared with the SQL thread, which parses the read's result there.
    QMutex m_readMutex;
    quint64 m_readRequest = 0; // guarded by m_readMutex
    SessionReader::DigestCache m_digestCache; // SQL thread only (while a worker lives)
};

} // namespace TiDesk
