// SessionKiller: kills the running statement (KILL QUERY) or the connection of one live session
// in one environment, safely: verify the target still runs the statement the caller saw, route
// the KILL to a server that can execute it, check the server's warnings, confirm that the target
// went away, and audit every attempt (KillExecutor has the steps; docs/decisions/safe-kill.md).
// Used by the sessions page (the GUI asks the typed-name confirmation for production itself),
// `tidesk-cli kill`, and the rules runner (enforced rules pass their name and mode "enforce").
//
// Threading: a QObject of its owner thread - the GUI thread or any thread that runs an event
// loop (a rules runner's own QThread). kill() returns at once; the work (password read, SQL,
// the audit file) runs on the services' thread pool and the result comes back on the owner
// thread as killFinished() and the optional callback. Never blocks its owner. Destroying the
// killer drops pending callbacks; kills already started still finish and are still audited.
// A caller that is itself a worker thread without an event loop can call KillExecutor::run().
#pragma once

#include "CoreServices.h"
#include "sessions/KillExecutor.h"
#include "sessions/KillOutcome.h"
#include "sessions/KillRequest.h"

#include <QObject>

#include <functional>
#include <memory>

namespace TiDesk {

class AuditLog;

class SessionKiller final : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        KillSettings settings; // settings.dialect.catalogSchema: empty = the services' one
        QString auditPath; // empty = the services' audit log, else AuditLog::defaultPath()
    };
    using Callback = std::function<void(const KillOutcome &)>;

    // services: secrets (the SQL/SSH passwords, read on the pool), tunnels (bastions),
    // activityLog, audit (unless Options::auditPath), pool, tidbCatalogSchema.
    explicit SessionKiller(CoreServices services, Options options = {}, QObject *parent = nullptr);
    ~SessionKiller() override;

    // Starts one kill; returns its id (also in killFinished). `done` runs on the owner thread
    // after the attempt, before killFinished is emitted.
    quint64 kill(const KillRequest &request, Callback done = {});
    // Kills started and not finished yet.
    [[nodiscard]] int pendingCount() const { return m_pending; }
    [[nodiscard]] QString auditPath() const;

signals:
    void killFinished(quint64 killId, const TiDesk::KillOutcome &outcome);

private:
    CoreServices m_services;
    Options m_options;
    std::shared_ptr<AuditLog> m_audit; // shared with running tasks: outlives the killer
    quint64 m_nextId = 1;
    int m_pending = 0;
};

} // namespace TiDesk
