// GuardrailChange + applyGuardrailChange: one change to an environment's guardrails (set a
// variable GLOBAL, remove a runaway watch, bind a plan from history, drop a binding), built from
// the dialect so the UI can show the exact statement before it runs, then applied over one SQL
// connection with SHOW WARNINGS and written to the audit log whatever the outcome (who, when,
// env, statement, result). A console changes variables GLOBAL: a SESSION value would only bind
// the console's own connection. GLOBAL applies to sessions that connect afterwards.
//
// Threading: the builders are pure (any thread); applyGuardrailChange() blocks (network, audit
// file): pool threads only.
#pragma once

#include "common/Result.h"
#include "sql/Dialect.h"
#include "sql/EnvironmentConnection.h"
#include "sql/QueryResult.h"

#include <QCoreApplication>

namespace TiDesk {

class ActivityLog;
class AuditLog;

struct GuardrailChange
{
    QString action; // audit action: set-guardrail, remove-watch, bind-plan, drop-binding
    QString target; // what it affects, for the audit and the confirmation
    QString statement;

    [[nodiscard]] static Result<GuardrailChange>
    setVariable(const Dialect &dialect, const QString &name, const QString &value);
    [[nodiscard]] static Result<GuardrailChange> removeWatch(const Dialect &dialect, qint64 id);
    // QUERY WATCH ADD ACTION KILL SQL DIGEST '<hex>' (TiDB v7.3+): every later execution of this
    // statement shape is killed at once (error 8254) until the watch is removed.
    [[nodiscard]] static Result<GuardrailChange> addWatch(const Dialect &dialect,
                                                          const QString &sqlDigest);
    [[nodiscard]] static Result<GuardrailChange> bindPlan(const Dialect &dialect,
                                                          const QString &planDigest);
    [[nodiscard]] static Result<GuardrailChange> dropBinding(const Dialect &dialect,
                                                             const QString &sqlDigest);
};

struct GuardrailChangeResult
{
    QList<SqlWarning> warnings; // the server's warnings for the statement
    QString summary; // one translated sentence: "Applied." / "Applied with 1 warning: ..."
};

// audit may be null (then nothing is recorded: tests only).
[[nodiscard]] Result<GuardrailChangeResult>
applyGuardrailChange(const EnvironmentTarget &target, const GuardrailChange &change,
                     AuditLog *audit, ActivityLog *activityLog = nullptr);

} // namespace TiDesk
