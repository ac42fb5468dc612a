// KillRequest: one kill the GUI, `tidesk-cli kill` or a rules runner asks SessionKiller for:
// the environment, the session as the caller saw it (the baseline the verify step compares
// against), query or connection, and who decided it (a person, or a rule in enforce mode), for
// the audit log. Plain value type: any thread.
#pragma once

#include "inventory/Environment.h"
#include "sessions/SessionRow.h"
#include "sql/Dialect.h"

#include <QMetaType>
#include <QString>

namespace TiDesk {

struct KillRequest
{
    Environment env;
    // The session as the caller read it. id (and, on TiDB, instance) say which one; info,
    // QUERY_ID and the start time say which statement. Kill only happens when a fresh read
    // still shows that statement (SessionRow::isSameStatementAs).
    SessionRow target;
    KillKind kind = KillKind::Query;
    QString rule; // the rule that decided it; empty = a person did
    QString mode; // audit mode: "manual" (default when empty) or "enforce"
    QString actor; // audit actor; empty = AuditLog::currentActor()
    // Server threads (SessionRow::isSystem: replication, event scheduler, daemons) are refused
    // unless this is set.
    bool allowSystemThreads = false;

    [[nodiscard]] QString auditMode() const
    {
        return mode.isEmpty() ? QStringLiteral("manual") : mode;
    }
};

} // namespace TiDesk

Q_DECLARE_METATYPE(TiDesk::KillRequest)
