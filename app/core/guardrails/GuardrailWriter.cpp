#include "GuardrailWriter.h"

#include "sessions/AuditLog.h"
#include "sql/SqlConnection.h"

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

QString translate(const char *text)
{
    return QCoreApplication::translate("TiDesk::GuardrailWriter", text);
}

} // namespace

Result<GuardrailChange> GuardrailChange::setVariable(const Dialect &dialect, const QString &name,
                                                     const QString &value)
{
    Result<QString> sql = dialect.setGuardrailStatement(name, value, true);
    if (!sql)
        return sql.error();
    return GuardrailChange { u"set-guardrail"_s, name + u" = "_s + value.trimmed(), *sql };
}

Result<GuardrailChange> GuardrailChange::removeWatch(const Dialect &dialect, qint64 id)
{
    Result<QString> sql = dialect.removeRunawayWatchStatement(id);
    if (!sql)
        return sql.error();
    return GuardrailChange { u"remove-watch"_s, u"runaway watch "_s + QString::number(id), *sql };
}

Result<GuardrailChange> GuardrailChange::addWatch(const Dialect &dialect, const QString &sqlDigest)
{
    QueryWatchRequest request;
    request.action = RunawayAction::Kill;
    request.target = QueryWatchRequest::Target::SqlDigest;
    request.value = sqlDigest.trimmed();
    Result<QString> sql = dialect.queryWatchAddStatement(request);
    if (!sql)
        return sql.error();
    return GuardrailChange { u"add-watch"_s,
                             u"runaway watch on digest "_s + request.value.toLower(), *sql };
}

Result<GuardrailChange> GuardrailChange::bindPlan(const Dialect &dialect, const QString &planDigest)
{
    Result<QString> sql = dialect.bindPlanFromHistoryStatement(planDigest);
    if (!sql)
        return sql.error();
    return GuardrailChange { u"bind-plan"_s, u"plan "_s + planDigest.trimmed().toLower(), *sql };
}

Result<GuardrailChange> GuardrailChange::dropBinding(const Dialect &dialect,
                                                     const QString &sqlDigest)
{
    Result<QString> sql = dialect.dropBindingStatement(sqlDigest);
    if (!sql)
        return sql.error();
    return GuardrailChange { u"drop-binding"_s, u"binding "_s + sqlDigest.trimmed().toLower(),
                             *sql };
}

Result<GuardrailChangeResult> applyGuardrailChange(const EnvironmentTarget &target,
                                                   const GuardrailChange &change, AuditLog *audit,
                                                   ActivityLog *activityLog)
{
    AuditEntry entry;
    entry.envName = target.environment.name;
    entry.action = change.action;
    entry.target = change.target;
    entry.statement = change.statement;
    entry.mode = u"manual"_s;

    auto finish = [&](bool ok, const QString &result) {
        entry.ok = ok;
        entry.result = result;
        if (audit) {
            if (const VoidResult written = audit->append(entry); !written)
                return written.error();
        }
        return Error {};
    };

    SqlConnection conn(activityLog);
    Result<OpenedEnvironment> opened = openEnvironment(target, conn);
    if (!opened) {
        if (const Error e = finish(false, opened.error().message); e.isError())
            return e;
        return opened.error();
    }
    Result<QueryResult> r = conn.query(change.statement, true);
    if (!r) {
        if (const Error e = finish(false, r.error().toString()); e.isError())
            return e;
        return r.error();
    }
    GuardrailChangeResult out;
    for (const SqlWarning &w : r->warnings)
        if (w.level.compare(u"Note"_s, Qt::CaseInsensitive) != 0)
            out.warnings << w;
    if (out.warnings.isEmpty()) {
        out.summary = translate("Applied.");
    } else {
        //: %1 = the server's first warning
        out.summary = QCoreApplication::translate("TiDesk::GuardrailWriter",
                                                  "Applied, but the server warned: %1")
                          .arg(out.warnings.first().message);
    }
    // The change happened: a failed audit write is reported, but as part of a success.
    if (const Error e = finish(true, out.summary); e.isError())
        out.summary += u' ' + e.message;
    return out;
}

} // namespace TiDesk
