#include "AssistHostWork.h"

#include "StatementClass.h"
#include "backup/BackupLauncher.h"
#include "guardrails/GuardrailWriter.h"
#include "sessions/SessionFormat.h"
#include "sessions/SessionReader.h"
#include "slowsql/SlowHistoryReader.h"
#include "sql/EnvironmentCheck.h"
#include "sql/SqlConnection.h"
#include "sql/SqlQuote.h"

#include <QElapsedTimer>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

constexpr int kStatementCellChars = 500;
constexpr int kExplainRows = 200;

// The largest estimated row count in an EXPLAIN (MySQL/MariaDB "rows", TiDB "estRows").
std::optional<double> estimatedRows(const QueryResult &explain)
{
    int col = explain.columnIndex(u"estRows"_s);
    if (col < 0)
        col = explain.columnIndex(u"rows"_s);
    if (col < 0)
        return std::nullopt;
    std::optional<double> best;
    for (const QVariantList &r : explain.rows) {
        bool ok = false;
        const double v = r.value(col).toDouble(&ok);
        if (ok && (!best || v > *best))
            best = v;
    }
    return best;
}

} // namespace

QString AssistHostWork::cellText(const QVariant &v)
{
    if (!v.isValid() || v.isNull())
        return AssistResult::kNull;
    if (v.typeId() == QMetaType::QByteArray) {
        const QByteArray b = v.toByteArray();
        const QString s = QString::fromUtf8(b);
        if (s.toUtf8() == b)
            return s;
        return u"0x"_s + QString::fromLatin1(b.toHex()); // not UTF-8: shown as hex
    }
    return v.toString();
}

AssistCardFacts AssistHostWork::prepare(const EnvironmentTarget &target,
                                        const AssistProposal &proposal, ActivityLog *activityLog)
{
    AssistCardFacts f;
    if (proposal.action == AssistProposal::Action::Sql) {
        const StatementClass c = StatementClass::of(proposal.sql);
        f.statement = proposal.sql;
        f.readOnly = c.isReadOnly();
        f.notReadOnlyReason = c.reason();
        if (c.kind() == StatementClass::Kind::Multiple) {
            f.error = Error::make(ErrorKind::InvalidInput,
                                  tr("The proposal holds more than one statement; TiDesk runs "
                                     "one statement per card."));
            return f;
        }
        if (c.kind() == StatementClass::Kind::Empty) {
            f.error = Error::make(ErrorKind::InvalidInput, tr("The proposal has no statement."));
            return f;
        }
    }
    SqlConnection conn(activityLog);
    const Result<OpenedEnvironment> opened = openEnvironment(target, conn);
    if (!opened) {
        f.error = opened.error();
        if (f.statement.isEmpty())
            f.statement = proposal.summary();
        return f;
    }
    const Dialect &dialect = *opened->dialect;
    if (proposal.action == AssistProposal::Action::Backup) {
        const bool physical = proposal.backupKind == u"physical"_s;
        f.statement = physical
            ? tr("mariadb-backup --backup, then --prepare: a physical copy of the whole server")
            : tr("mariadb-dump --single-transaction | gzip of %1")
                  .arg(proposal.databases.isEmpty() ? tr("every database but the system ones")
                                                    : proposal.databases.join(u", "_s));
        f.notReadOnlyReason = tr("starts a backup job");
        const QString where = target.environment.ssh.enabled
            ? tr("on %1 over SSH").arg(target.environment.ssh.host)
            : tr("on the DBA's machine");
        //: %1 = where the job runs, %2 = where the files go
        f.affects = tr("Reads every table it copies (no locks beyond the dump's consistent "
                       "snapshot); the job runs %1 and writes to %2. It shows on the Backups "
                       "page like any backup.")
                        .arg(where, [&] {
                            const Result<QString> root
                                = BackupLauncher::rootFor(target.environment, QString());
                            return root ? *root : tr("the default backup directory");
                        }());
        if (opened->engine.engine == Engine::TiDB)
            f.error = Error::make(ErrorKind::Unsupported,
                                  tr("TiDB backups (BR, BACKUP) are started from the Backups "
                                     "page, not proposed in a session."));
        return f;
    }
    switch (proposal.action) {
    case AssistProposal::Action::Backup: break; // above
    case AssistProposal::Action::Sql: {
        const StatementClass c = StatementClass::of(proposal.sql);
        if (!c.isExplainable()) {
            f.affects = f.readOnly ? tr("Reads only; runs as written.")
                                   : tr("Not explainable: %1.").arg(c.reason());
            break;
        }
        Result<QueryResult> ex = conn.query(u"EXPLAIN "_s + proposal.sql, false, kExplainRows);
        if (!ex) {
            f.explainError = ex.error().message;
            f.affects = f.readOnly ? tr("Reads only.") : c.reason();
            break;
        }
        f.explain = *ex;
        const std::optional<double> est = estimatedRows(*ex);
        if (!est)
            f.affects = f.readOnly ? tr("Reads only; the plan gives no row estimate.")
                                   //: %1 = the statement's verb (UPDATE ...)
                                   : tr("%1; the plan gives no row estimate.").arg(c.verb());
        else
            f.affects = f.readOnly ? tr("Reads only; the plan estimates up to %1 rows.")
                                         .arg(QLocale().toString(qint64(*est)))
                                   //: %1 = the statement's verb (UPDATE ...), %2 = row estimate
                                   : tr("%1: the plan estimates up to %2 rows.")
                                         .arg(c.verb(), QLocale().toString(qint64(*est)));
        break;
    }
    case AssistProposal::Action::KillQuery:
    case AssistProposal::Action::KillConnection: {
        const KillKind kind = proposal.action == AssistProposal::Action::KillQuery
            ? KillKind::Query
            : KillKind::Connection;
        f.statement = dialect.killStatement(kind, proposal.connectionId).sql;
        f.notReadOnlyReason = tr("kills a session");
        Result<QueryResult> live = conn.query(dialect.liveSessionsQuery());
        if (!live) {
            f.error = live.error();
            break;
        }
        const Result<QList<SessionRow>> rows = SessionReader::fromResult(
            *live, opened->engine.engine, QDateTime::currentDateTimeUtc());
        if (!rows) {
            f.error = rows.error();
            break;
        }
        for (const SessionRow &r : *rows)
            if (r.id == proposal.connectionId
                && (proposal.instance.isEmpty() || r.instance == proposal.instance))
                f.killTarget = r;
        if (!f.killTarget) {
            f.error = Error::make(ErrorKind::NotFound,
                                  //: %1 = connection id
                                  tr("Connection %1 is not running on this environment now.")
                                      .arg(proposal.connectionId));
            break;
        }
        const SessionRow &t = *f.killTarget;
        //: %1 = user@host, %2 = for how long, %3 = the statement
        f.affects = tr("%1, %2 in its command: %3")
                        .arg(t.user + u'@' + t.host, SessionFormat::duration(t.timeMs),
                             t.info.isEmpty() ? tr("(no statement)")
                                              : SessionFormat::oneLine(t.info, 200));
        break;
    }
    case AssistProposal::Action::SetVariable: {
        const Result<GuardrailChange> change
            = GuardrailChange::setVariable(dialect, proposal.variable, proposal.value);
        if (!change) {
            f.error = change.error();
            f.statement = proposal.summary();
            break;
        }
        f.statement = change->statement;
        f.notReadOnlyReason = tr("changes a server setting");
        Result<QueryResult> now
            = conn.query(u"SHOW GLOBAL VARIABLES LIKE "_s + SqlQuote::literal(proposal.variable));
        const QString current = now && !now->rows.isEmpty() ? cellText(now->rows.first().value(1))
                                                            : tr("(not readable)");
        //: %1 = variable, %2 = current value, %3 = proposed value
        f.affects = tr("Every new session: %1 from %2 to %3")
                        .arg(proposal.variable, current, proposal.value);
        break;
    }
    }
    return f;
}

AssistResult AssistHostWork::runSql(const EnvironmentTarget &target, const AssistProposal &proposal,
                                    int rowLimit, ActivityLog *activityLog)
{
    AssistResult r;
    r.proposalId = proposal.id;
    SqlConnection conn(activityLog);
    const Result<OpenedEnvironment> opened = openEnvironment(target, conn);
    if (!opened) {
        r.message = opened.error().message;
        return r;
    }
    const Result<QueryResult> q = conn.query(proposal.sql, false, rowLimit);
    if (!q) {
        r.message = q.error().message;
        return r;
    }
    r.ok = true;
    r.columns = q->columns;
    r.totalRows = q->rows.size() + q->rowsNotKept;
    r.affectedRows = q->affectedRows;
    r.durationMs = q->durationMs;
    r.rows.reserve(q->rows.size());
    for (const QVariantList &row : q->rows) {
        QStringList cells;
        cells.reserve(row.size());
        for (const QVariant &v : row)
            cells << cellText(v);
        r.rows << cells;
    }
    return r;
}

AssistResult AssistHostWork::setVariable(const EnvironmentTarget &target,
                                         const AssistProposal &proposal, AuditLog *audit,
                                         ActivityLog *activityLog)
{
    AssistResult r;
    r.proposalId = proposal.id;
    SqlConnection probe(activityLog);
    const Result<OpenedEnvironment> opened = openEnvironment(target, probe);
    if (!opened) {
        r.message = opened.error().message;
        return r;
    }
    probe.close();
    const Result<GuardrailChange> change
        = GuardrailChange::setVariable(*opened->dialect, proposal.variable, proposal.value);
    if (!change) {
        r.message = change.error().message;
        return r;
    }
    QElapsedTimer timer;
    timer.start();
    const Result<GuardrailChangeResult> applied
        = applyGuardrailChange(target, *change, audit, activityLog);
    if (!applied) {
        r.message = applied.error().message;
        return r;
    }
    r.ok = true;
    r.durationMs = timer.elapsed();
    //: %1 = the statement, %2 = the server's answer ("Applied.")
    r.message = tr("%1: %2").arg(change->statement, applied->summary);
    return r;
}

AssistView AssistHostWork::readView(const EnvironmentTarget &target, AssistView::Kind kind,
                                    ActivityLog *activityLog)
{
    AssistView v;
    v.kind = kind;
    v.environment = target.environment.name;
    v.atUtc = QDateTime::currentDateTimeUtc();
    if (kind == AssistView::Kind::SlowDigests) {
        SlowHistoryRequest req;
        req.environment = target.environment;
        req.password = target.password;
        req.route = target.route;
        req.dialectOptions = target.dialectOptions;
        req.toUtc = v.atUtc;
        req.fromUtc = v.atUtc.addSecs(-3600);
        req.rowLimit = 5000;
        const Result<SlowHistory> h = readSlowHistory(req, activityLog);
        v.columns = QStringList { tr("Digest"), tr("Count"),         tr("Total s"),  tr("Avg s"),
                                  tr("Max s"),  tr("Rows examined"), tr("Statement") };
        if (!h) {
            v.error = h.error().message;
            return v;
        }
        QLocale l;
        for (const DigestClass &c : h->classes.mid(0, 50))
            v.rows << QStringList { c.digest.left(16),
                                    l.toString(c.count),
                                    l.toString(c.totalSec, 'f', 2),
                                    l.toString(c.avgSec(), 'f', 3),
                                    l.toString(c.maxSec, 'f', 3),
                                    c.rowsExamined < 0 ? QString() : l.toString(c.rowsExamined),
                                    SessionFormat::oneLine(c.normalized, kStatementCellChars) };
        //: %1 = statements read, %2 = digests
        v.note = tr("Last hour: %1 statements in %2 digests (top 50 by total time).")
                     .arg(l.toString(h->rowsRead))
                     .arg(h->classes.size());
        return v;
    }
    // Sessions
    v.columns = QStringList { tr("Instance"), tr("ID"),   tr("User"),  tr("Host"),     tr("DB"),
                              tr("Command"),  tr("Time"), tr("State"), tr("Statement") };
    SqlConnection conn(activityLog);
    const Result<OpenedEnvironment> opened = openEnvironment(target, conn);
    if (!opened) {
        v.error = opened.error().message;
        return v;
    }
    const Result<QueryResult> live = conn.query(opened->dialect->liveSessionsQuery());
    if (!live) {
        v.error = live.error().message;
        return v;
    }
    const Result<QList<SessionRow>> rows
        = SessionReader::fromResult(*live, opened->engine.engine, v.atUtc);
    if (!rows) {
        v.error = rows.error().message;
        return v;
    }
    const quint64 own = conn.connectionId();
    int idle = 0;
    for (const SessionRow &r : *rows) {
        if (r.id == own && r.instance.isEmpty())
            continue;
        if (r.isSleeping() || r.isSystem()) {
            ++idle;
            continue;
        }
        v.rows << QStringList { r.instance,
                                QString::number(r.id),
                                r.user,
                                r.host,
                                r.db,
                                r.command,
                                SessionFormat::duration(r.timeMs),
                                r.state,
                                SessionFormat::oneLine(r.info, kStatementCellChars) };
    }
    std::sort(v.rows.begin(), v.rows.end(), [](const QStringList &a, const QStringList &b) {
        return a.value(1).toULongLong() < b.value(1).toULongLong();
    });
    //: %1 = running sessions, %2 = idle or system sessions not shown
    v.note = tr("%1 running, %2 idle or system not shown.").arg(v.rows.size()).arg(idle);
    return v;
}

QStringList AssistHostWork::fleetColumns()
{
    return { tr("Environment"), tr("Tier"),    tr("Reachable"),
             tr("Engine"),      tr("Latency"), tr("Problem") };
}

QStringList AssistHostWork::fleetRow(const EnvironmentTarget &target, ActivityLog *activityLog)
{
    const CheckResult c
        = checkEnvironment(target.environment, target.password, activityLog, target.route);
    return { target.environment.name,
             Environment::tierName(target.environment.tier),
             c.reachable ? tr("yes") : tr("no"),
             c.reachable ? c.engine.displayString() : QString(),
             c.latencyMs >= 0 ? tr("%1 ms").arg(c.latencyMs) : QString(),
             c.reachable ? QString() : c.error.message };
}

} // namespace TiDesk
