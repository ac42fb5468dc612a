// AssistHostWork: the blocking steps of the host's side of an expert session (issue 7), each a
// pure function of its inputs: preparing a proposal's card (the exact statement, EXPLAIN, what
// it affects, whether it is read-only, the session a kill would hit), running an approved SQL
// proposal with the session's row limit, setting a guardrail variable (through
// applyGuardrailChange, so it is audited like the Guardrails page's changes), and reading the
// shared views (live sessions, slow queries by digest, the fleet). Every one opens its own
// connection with the host's credentials (EnvironmentTarget); nothing of the target crosses to
// the expert.
// Threading: everything blocks (network, credential store): pool threads only.
#pragma once

#include "AssistProposal.h"
#include "AssistResult.h"
#include "AssistView.h"
#include "common/Error.h"
#include "sessions/SessionRow.h"
#include "sql/EnvironmentConnection.h"
#include "sql/QueryResult.h"

#include <QCoreApplication>

#include <optional>

namespace TiDesk {

class ActivityLog;
class AuditLog;

// What the DBA's card shows before deciding.
struct AssistCardFacts
{
    QString statement; // exactly what will run (the SQL, the KILL, the SET GLOBAL)
    bool readOnly = false;
    QString notReadOnlyReason; // StatementClass::reason(), or "kills a session" ...
    QString affects; // one or two lines: estimated rows, the session a kill hits, old -> new
    QueryResult explain; // EXPLAIN of an explainable statement (no result set otherwise)
    QString explainError; // EXPLAIN failed (the card still shows, the DBA decides)
    std::optional<SessionRow> killTarget; // the session a kill would hit, as read now
    Error error; // the proposal cannot run at all (Multiple statements, env unreachable, ...)
};

class AssistHostWork final
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::AssistHostWork)
public:
    [[nodiscard]] static AssistCardFacts prepare(const EnvironmentTarget &target,
                                                 const AssistProposal &proposal,
                                                 ActivityLog *activityLog);
    // Runs proposal.sql; at most rowLimit rows are kept (the rest counted).
    [[nodiscard]] static AssistResult runSql(const EnvironmentTarget &target,
                                             const AssistProposal &proposal, int rowLimit,
                                             ActivityLog *activityLog);
    [[nodiscard]] static AssistResult setVariable(const EnvironmentTarget &target,
                                                  const AssistProposal &proposal, AuditLog *audit,
                                                  ActivityLog *activityLog);
    // Sessions or SlowDigests of one environment (slow: the last hour).
    [[nodiscard]] static AssistView readView(const EnvironmentTarget &target, AssistView::Kind kind,
                                             ActivityLog *activityLog);
    // The fleet row of one environment (reachability, engine, latency).
    [[nodiscard]] static QStringList fleetRow(const EnvironmentTarget &target,
                                              ActivityLog *activityLog);
    [[nodiscard]] static QStringList fleetColumns();

    // A cell as the expert sees it.
    [[nodiscard]] static QString cellText(const QVariant &v);
};

} // namespace TiDesk
