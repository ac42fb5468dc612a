// VictimSession: an application connection to kill in the kill tests (tst_sessionkiller,
// tst_cli_kill): the sandbox's `app` user on one MariaDB instance, driven through a real
// SqlWorker (its own thread, like any client), so a statement can run while the test thread
// kills it and the test can see what the victim got back (1317, 2013, a reconnect).
// Header-only; test code only; owner thread = the test thread.
#pragma once

#include "SandboxEnv.h"
#include "sql/SqlWorker.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QtTest>

#include <memory>
#include <optional>

namespace TiDesk::Test {

class VictimSession
{
public:
    VictimSession(const SandboxEnv &sandbox, const QString &env)
    {
        ConnectParams p;
        p.host = QStringLiteral("127.0.0.1");
        p.port = sandbox.mariadbPort(env);
        p.user = sandbox.value(QStringLiteral("APP_USER"));
        p.password = sandbox.value(QStringLiteral("APP_PASSWORD"));
        p.database = QStringLiteral("shop");
        p.readTimeoutMs = 60000;
        p.envName = QStringLiteral("victim-") + env;
        SqlWorkerOptions o;
        o.engineOverride = EngineOverride::MariaDB; // the victim is a plain client
        m_worker = std::make_unique<SqlWorker>(p, o);
        m_results = std::make_unique<QSignalSpy>(m_worker.get(), &SqlWorker::resultReady);
        m_failures = std::make_unique<QSignalSpy>(m_worker.get(), &SqlWorker::requestFailed);
    }
    ~VictimSession() { m_worker->shutdown(); }

    // Queues a statement; returns its request id.
    quint64 start(const QString &sql) { return m_worker->submit(sql); }

    // Waits for the answer to request `id`: nullopt = success; else the error.
    // *timedOut is set when neither came within timeoutMs.
    std::optional<Error> wait(quint64 id, int timeoutMs, bool *timedOut = nullptr)
    {
        QElapsedTimer t;
        t.start();
        if (timedOut)
            *timedOut = false;
        for (;;) {
            for (const QList<QVariant> &args : std::as_const(*m_results))
                if (args.at(0).toULongLong() == id)
                    return std::nullopt;
            for (const QList<QVariant> &args : std::as_const(*m_failures))
                if (args.at(0).toULongLong() == id)
                    return args.at(1).value<Error>();
            if (t.elapsed() > timeoutMs) {
                if (timedOut)
                    *timedOut = true;
                return Error::make(ErrorKind::Timeout, QStringLiteral("no answer in time"));
            }
            QTest::qWait(20);
        }
    }

    // Runs `sql` to completion; the first row's first value (invalid on error).
    QVariant scalar(const QString &sql, int timeoutMs = 10000)
    {
        const qsizetype before = m_results->size();
        const quint64 id = start(sql);
        if (wait(id, timeoutMs))
            return {};
        for (qsizetype i = before; i < m_results->size(); ++i) {
            const QList<QVariant> &args = m_results->at(i);
            if (args.at(0).toULongLong() != id)
                continue;
            const QueryResult r = args.at(1).value<QueryResult>();
            return r.rows.isEmpty() || r.rows.first().isEmpty() ? QVariant()
                                                                : r.rows.first().first();
        }
        return {};
    }

    // CONNECTION_ID() of the victim's current connection (opens it when needed).
    quint64 connectionId()
    {
        return scalar(QStringLiteral("SELECT CONNECTION_ID()")).toULongLong();
    }

    SqlWorker &worker() { return *m_worker; }

private:
    std::unique_ptr<SqlWorker> m_worker;
    std::unique_ptr<QSignalSpy> m_results;
    std::unique_ptr<QSignalSpy> m_failures;
};

} // namespace TiDesk::Test
