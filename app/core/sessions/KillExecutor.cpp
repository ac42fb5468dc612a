#include "KillExecutor.h"

#include "sessions/AuditLog.h"
#include "sessions/KillRouting.h"
#include "sessions/SessionReader.h"
#include "sql/ConnectParams.h"
#include "sql/EnvironmentConnection.h"
#include "sql/QueryResult.h"
#include "sql/SqlConnection.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QThread>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

using Status = KillOutcome::Status;

// MySQL/MariaDB/TiDB error numbers the kill step explains itself.
constexpr int ErUnknownThread = 1094; // ER_NO_SUCH_THREAD
constexpr int ErNotOwner = 1095; // ER_KILL_DENIED_ERROR
constexpr int ErSpecificAccessDenied = 1227;

struct Opened
{
    std::unique_ptr<SqlConnection> conn;
    EngineInfo engine;
    std::shared_ptr<const Dialect> dialect;
};

ConnectParams paramsFor(const Environment &env, const KillExecutor::Context &ctx, int endpoint)
{
    ConnectParams p = ConnectParams::fromEnvironment(env, ctx.password, endpoint);
    p.sshSecret = ctx.route.sshSecret;
    p.router = ctx.route.router;
    p.readTimeoutMs = ctx.settings.statementTimeoutMs;
    p.writeTimeoutMs = ctx.settings.statementTimeoutMs;
    return p;
}

QString whereText(const ConnectParams &p)
{
    //: where a statement went: %1 = user@host:port, %2 = "ssh user@bastion:port"
    return p.viaSsh() ? KillExecutor::tr("%1 via %2").arg(p.displayAddress(), p.viaText())
                      : p.displayAddress();
}

// The environment's first endpoint that opens, with its engine and dialect (the shared
// EnvironmentConnection loop), on a connection of the kill's own statement budget.
Result<Opened> openForKill(const Environment &env, const KillExecutor::Context &ctx)
{
    EnvironmentTarget target;
    target.environment = env;
    target.environment.queryTimeoutMs = ctx.settings.statementTimeoutMs;
    target.password = ctx.password;
    target.route = ctx.route;
    target.dialectOptions = ctx.settings.dialect;
    Opened o;
    o.conn = std::make_unique<SqlConnection>(ctx.activityLog);
    const Result<OpenedEnvironment> opened = TiDesk::openEnvironment(target, *o.conn);
    if (!opened)
        return opened.error();
    o.engine = opened->engine;
    o.dialect = opened->dialect;
    return o;
}

// Sessions with this id (and instance, on TiDB when given), read now.
Result<QList<SessionRow>> readById(SqlConnection &conn, const Dialect &dialect, quint64 id,
                                   const QString &instance)
{
    const bool tidb = dialect.engine() == Engine::TiDB;
    const QDateTime before = QDateTime::currentDateTimeUtc();
    QElapsedTimer t;
    t.start();
    const Result<QueryResult> r
        = conn.query(dialect.sessionByIdQuery(id, tidb ? instance : QString()));
    if (!r)
        return r.error();
    // The server evaluated TIME somewhere during the round trip: take its middle.
    const QDateTime observed = before.addMSecs(t.elapsed() / 2);
    Result<QList<SessionRow>> rows = SessionReader::fromResult(*r, dialect.engine(), observed);
    if (!rows)
        return rows.error();
    QList<SessionRow> out;
    for (const SessionRow &s : std::as_const(*rows))
        if (s.id == id && (!tidb || instance.isEmpty() || s.instance == instance))
            out.append(s);
    return out;
}

std::optional<SessionRow> findTarget(const QList<SessionRow> &rows)
{
    if (rows.isEmpty())
        return std::nullopt;
    return rows.first();
}

// Passwords in CREATE/ALTER USER, SET PASSWORD, GRANT ... IDENTIFIED BY: the audit file keeps
// the statement, never a password literal in it.
QString redactSecrets(const QString &sql)
{
    static const QRegularExpression re(
        uR"re((IDENTIFIED\s+(?:WITH\s+\S+\s+)?(?:BY|AS)\s+(?:PASSWORD\s+)?|PASSWORD\s*(?:\(\s*|=\s*(?:PASSWORD\s*\(\s*)?))('(?:[^'\\]|\\.|'')*'|"(?:[^"\\]|\\.|"")*"))re"_s,
        QRegularExpression::CaseInsensitiveOption);
    QString out = sql;
    out.replace(re, u"\\1'***'"_s);
    return out;
}

QString targetText(const SessionRow &s, const QString &statement)
{
    QString t = s.key();
    if (!s.user.isEmpty() || !s.host.isEmpty())
        t += u' ' + s.user + u'@' + s.host;
    QString sql = statement.simplified();
    if (sql.size() > 120)
        sql = sql.left(119) + u'…';
    if (!sql.isEmpty())
        t += u" ("_s + sql + u')';
    return t;
}

void writeAudit(const KillRequest &req, KillOutcome &out, const KillExecutor::Context &ctx)
{
    if (!ctx.audit)
        return;
    // The statement the check saw; the caller's when the session was idle or gone by then.
    const QString statement = redactSecrets(
        out.fresh && !out.fresh->info.trimmed().isEmpty() ? out.fresh->info : req.target.info);
    AuditEntry e;
    e.actor = req.actor;
    e.envName = req.env.name;
    e.action = KillOutcome::actionName(req.kind);
    e.target = targetText(out.fresh.value_or(req.target), statement);
    e.statement = out.statement;
    e.sessionStatement = statement;
    e.rule = req.rule;
    e.mode = req.auditMode();
    e.ok = out.killed();
    e.outcome = KillOutcome::statusName(out.status);
    e.result = out.message;
    if (const VoidResult r = ctx.audit->append(e); !r)
        out.auditError = r.error().toString();
}

QString warningsText(const QList<SqlWarning> &warnings)
{
    QStringList parts;
    for (const SqlWarning &w : warnings) {
        if (w.level.compare(u"Note"_s, Qt::CaseInsensitive) == 0)
            continue;
        parts << (w.code ? QString::number(w.code) + u' ' + w.message : w.message);
    }
    return parts.join(u"; "_s);
}

enum class Presence { Gone, Running, Unknown };

// Step (d) condition: connection kill - the id is absent; query kill - the id no longer runs
// the baseline's statement.
Presence presence(SqlConnection &conn, const Dialect &dialect, const KillRequest &req,
                  const KillSettings &settings, Error *error)
{
    const Result<QList<SessionRow>> rows
        = readById(conn, dialect, req.target.id, req.target.instance);
    if (!rows) {
        *error = rows.error();
        return Presence::Unknown;
    }
    const std::optional<SessionRow> now = findTarget(*rows);
    if (!now)
        return Presence::Gone;
    if (req.kind == KillKind::Connection)
        return Presence::Running;
    return req.target.isSameStatementAs(*now, settings.sameStatementToleranceMs) ? Presence::Running
                                                                                 : Presence::Gone;
}

} // namespace

KillOutcome KillExecutor::refuse(const KillRequest &request, KillOutcome::Status status,
                                 const QString &message, const Error &error, const Context &context)
{
    KillOutcome out;
    out.kind = request.kind;
    out.envName = request.env.name;
    out.target = request.target;
    out.status = status;
    out.message = message;
    out.error = error;
    writeAudit(request, out, context);
    return out;
}

Result<QList<SessionRow>> KillExecutor::readSessions(const Environment &env, quint64 connectionId,
                                                     const QString &instance,
                                                     const Context &context, EngineInfo *engine)
{
    Result<Opened> opened = openForKill(env, context);
    if (!opened)
        return opened.error();
    if (engine)
        *engine = opened->engine;
    return readById(*opened->conn, *opened->dialect, connectionId, instance);
}

KillOutcome KillExecutor::run(const KillRequest &req, const Context &ctx)
{
    QElapsedTimer total;
    total.start();
    KillOutcome out;
    out.kind = req.kind;
    out.envName = req.env.name;
    out.target = req.target;
    const quint64 id = req.target.id;
    auto finish = [&](Status status, const QString &message) {
        out.status = status;
        out.message = message;
        out.elapsedMs = total.elapsed();
        writeAudit(req, out, ctx);
        return out;
    };
    auto fail = [&](const QString &message, const Error &error) {
        out.error = error;
        if (out.serverText.isEmpty() && error.code != 0)
            out.serverText = error.message;
        return finish(Status::Failed, message);
    };

    if (id == 0)
        return fail(tr("No session was given to kill."),
                    Error::make(ErrorKind::InvalidInput, tr("connection id 0")));
    if (req.target.isSystem() && !req.allowSystemThreads)
        return finish(Status::Refused,
                      tr("Session #%1 is a server thread (%2, %3); TiDesk does not kill "
                         "replication, scheduler or daemon threads.")
                          .arg(id)
                          .arg(req.target.user, req.target.command));

    // (a) verify ----------------------------------------------------------------------------
    Result<Opened> opened = openForKill(req.env, ctx);
    if (!opened)
        return fail(tr("Cannot connect to %1 to check session #%2 before killing it: %3")
                        .arg(req.env.name)
                        .arg(id)
                        .arg(opened.error().message),
                    opened.error());
    SqlConnection &conn = *opened->conn;
    const Dialect &dialect = *opened->dialect;
    const bool tidb = dialect.engine() == Engine::TiDB;
    if (tidb && req.target.instance.isEmpty())
        return fail(tr("Session #%1 has no tidb-server (INSTANCE): on TiDB a session is named by "
                       "its instance and id. Read it from the TiDB process list.")
                        .arg(id),
                    Error::make(ErrorKind::InvalidInput, tr("no instance")));

    const Result<QList<SessionRow>> before = readById(conn, dialect, id, req.target.instance);
    if (!before)
        return fail(tr("Cannot read session #%1 on %2 to check it before killing it: %3")
                        .arg(id)
                        .arg(req.env.name, before.error().message),
                    before.error());
    out.fresh = findTarget(*before);
    if (!out.fresh)
        return finish(
            Status::AlreadyFinished,
            tr("Session #%1 is gone: it ended before the kill; nothing was sent.").arg(id));
    if (!req.target.isSameStatementAs(*out.fresh, ctx.settings.sameStatementToleranceMs)) {
        if (!req.target.info.trimmed().isEmpty() && out.fresh->info.trimmed().isEmpty())
            return finish(Status::AlreadyFinished,
                          tr("The statement of session #%1 has finished and the session is idle "
                             "now; nothing was sent.")
                              .arg(id));
        if (out.fresh->info != req.target.info)
            return finish(Status::StaleRefused,
                          tr("Session #%1 now runs a different statement than the one you "
                             "chose; nothing was killed. Refresh and check it again.")
                              .arg(id));
        return finish(Status::StaleRefused,
                      tr("Session #%1 runs the same text again, but it is a new execution "
                         "(started at another time, or the id was reused); nothing was killed. "
                         "Refresh and check it again.")
                          .arg(id));
    }

    // (b) route -----------------------------------------------------------------------------
    KillConfig config;
    if (tidb) {
        if (const Result<QString> q = dialect.killConfigQuery(); q) {
            // Unreadable config (e.g. no CONFIG privilege): the version's default applies, and a
            // wrong guess shows up as a warning in step (c), never as a silent success.
            if (const Result<QueryResult> r = conn.query(*q); r)
                config = Dialect::killConfigFromResult(*r);
        }
        out.globalKill = dialect.isGlobalKill(config);
    }
    const KillStatement kill = dialect.killStatement(req.kind, id, config);
    if (!tidb || out.globalKill) {
        // Our own connection is the only one a verify could not tell from the target.
        if (id == conn.connectionId())
            return finish(
                Status::Refused,
                tr("Session #%1 is TiDesk's own connection; nothing was killed.").arg(id));
    }
    SqlConnection *killConn = &conn;
    std::unique_ptr<SqlConnection> direct;
    if (kill.mustConnectToOwningServer) {
        const Result<QueryResult> info = conn.query(dialect.topologyQuery());
        if (!info)
            return fail(tr("Cannot read CLUSTER_INFO to find the tidb-server that owns session "
                           "#%1 (this cluster has no global kill): %2")
                            .arg(id)
                            .arg(info.error().message),
                        info.error());
        const Result<HostPort> owner = KillRouting::sqlAddressFor(*info, req.target.instance);
        if (!owner)
            return fail(owner.error().message, owner.error());
        ConnectParams p = paramsFor(req.env, ctx, 0);
        p.host = owner->host;
        p.port = owner->port;
        direct = std::make_unique<SqlConnection>(ctx.activityLog);
        if (const VoidResult o = direct->open(p); !o)
            return fail(tr("Cannot connect directly to tidb-server %1, which owns session #%2: "
                           "%3. Without global kill the KILL must be sent on that server, so "
                           "TiDesk needs to reach its SQL port (through the bastion when the "
                           "environment has one).")
                            .arg(owner->toString())
                            .arg(id)
                            .arg(o.error().message),
                        o.error());
        killConn = direct.get();
    }

    // (c) kill ------------------------------------------------------------------------------
    out.statement = kill.sql;
    out.sentTo = whereText(killConn->params());
    QElapsedTimer sinceKill;
    sinceKill.start();
    const Result<QueryResult> killed = killConn->query(kill.sql, true);
    if (!killed) {
        const Error &e = killed.error();
        out.serverText = e.detail.isEmpty() ? e.message : e.detail;
        if (e.code == ErUnknownThread) {
            out.error = e;
            return finish(Status::AlreadyFinished,
                          tr("Session #%1 ended before the KILL arrived (the server no longer "
                             "knows it); nothing else was done.")
                              .arg(id));
        }
        if (e.code == ErNotOwner || e.code == ErSpecificAccessDenied) {
            return fail(tr("%1 may not kill session #%2 of %3: killing other users' sessions "
                           "needs SUPER or CONNECTION ADMIN (CONNECTION_ADMIN on MySQL 8 and "
                           "TiDB). Ask for the privilege or use an account that has it.")
                            .arg(killConn->params().user)
                            .arg(id)
                            .arg(out.fresh->user),
                        e);
        }
        return fail(tr("The server refused %1: %2").arg(kill.sql, e.message), e);
    }
    const QString warnings = warningsText(killed->warnings);
    out.serverText = warnings;

    // (d) confirm ---------------------------------------------------------------------------
    // With a warning TiDB did nothing (§3.1); look once, without waiting for the window.
    const int waitMs = warnings.isEmpty() ? ctx.settings.confirmWaitMs : 0;
    Error pollError;
    Presence seen = Presence::Unknown;
    for (;;) {
        seen = presence(conn, dialect, req, ctx.settings, &pollError);
        if (seen != Presence::Running || sinceKill.elapsed() >= waitMs)
            break;
        QThread::msleep(static_cast<unsigned long>(qMax(10, ctx.settings.pollIntervalMs)));
    }
    if (seen == Presence::Gone) {
        out.goneAfterMs = sinceKill.elapsed();
        //: %1 = connection id, %2 = milliseconds, %3 = the KILL statement, %4 = user@host:port
        const QString done = req.kind == KillKind::Query
            ? tr("The statement of session #%1 stopped %2 ms after %3 on %4; the connection "
                 "stays open.")
            : tr("Session #%1 disconnected %2 ms after %3 on %4.");
        return finish(Status::Killed, done.arg(id).arg(out.goneAfterMs).arg(kill.sql, out.sentTo));
    }
    if (!warnings.isEmpty()) {
        if (tidb && !kill.sql.contains(u"TIDB"_s, Qt::CaseInsensitive))
            return finish(Status::NoEffect,
                          tr("The server accepted %1 but did nothing: %2. This TiDB cluster "
                             "seems to have no global kill; check enable-global-kill.")
                              .arg(kill.sql, warnings));
        return finish(Status::NoEffect,
                      tr("The server accepted %1 but did nothing: %2").arg(kill.sql, warnings));
    }
    if (seen == Presence::Unknown)
        return finish(Status::StillRunning,
                      tr("%1 was sent, but TiDesk could not check whether session #%2 stopped: "
                         "%3. Look at the process list again.")
                          .arg(kill.sql)
                          .arg(id)
                          .arg(pollError.message));
    const QString still = req.kind == KillKind::Query
        ? tr("%1 was sent, but session #%2 still ran the statement %3 s later. Some statements "
             "stop only at their next check (a large rollback, a long sort); look again, or kill "
             "the connection.")
        : tr("%1 was sent, but session #%2 was still connected %3 s later (it closes after the "
             "running statement stops or rolls back); look again.");
    return finish(Status::StillRunning,
                  still.arg(kill.sql).arg(id).arg(
                      QString::number(double(sinceKill.elapsed()) / 1000.0, 'f', 1)));
}

} // namespace TiDesk
