#include "AssistCommands.h"

#include "assist/AssistExpertSession.h"
#include "assist/AssistHostSession.h"
#include "assist/AssistTransport.h"
#include "assist/AuditLogChain.h"
#include "cli/CliContext.h"
#include "cli/CliIo.h"
#include "cli/StdinLines.h"
#include "cli/StopSignals.h"
#include "common/AppPaths.h"
#include "inventory/InventoryStore.h"

#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>

#include <deque>

using namespace Qt::StringLiterals;

namespace TiDesk::Cli {

namespace {

void event(const QJsonObject &o)
{
    CliIo::outRaw(QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n');
}

// "user@host:port" / "user@host" / "host:port" -> options (port 22 when absent).
std::optional<SshConnectOptions> parseRelay(const QString &text)
{
    static const QRegularExpression re(u"^(?:([^@\\s]+)@)?([^@:\\s]+)(?::(\\d{1,5}))?$"_s);
    const QRegularExpressionMatch m = re.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    SshConnectOptions o;
    o.user = m.captured(1);
    o.host = m.captured(2);
    o.port = m.captured(3).isEmpty() ? 22 : m.captured(3).toInt();
    if (o.port <= 0 || o.port > 65535)
        return std::nullopt;
    return o;
}

QString expandHome(const QString &path)
{
    return path.startsWith(u"~/"_s) ? QDir::homePath() + path.mid(1) : path;
}

QString resultText(const AssistResult &r, int rowLimit)
{
    QStringList lines;
    if (!r.columns.isEmpty())
        lines << CliIo::table(r.columns, r.rows);
    if (r.isTruncated())
        //: %1 rows shown of %2 (the session's row limit is %3)
        lines << AssistCommands::tr("%1 of %2 rows shown (the session's row limit is %3).")
                     .arg(QLocale().toString(qint64(r.rows.size())),
                          QLocale().toString(r.totalRows), QString::number(rowLimit));
    lines << r.summary();
    return lines.join(u'\n');
}

QJsonObject resultJson(const AssistResult &r)
{
    QJsonArray rows;
    for (const QStringList &row : r.rows)
        rows.append(QJsonArray::fromStringList(row));
    return QJsonObject { { u"event"_s, u"result"_s },
                         { u"id"_s, double(r.proposalId) },
                         { u"ok"_s, r.ok },
                         { u"columns"_s, QJsonArray::fromStringList(r.columns) },
                         { u"rows"_s, rows },
                         { u"total_rows"_s, double(r.totalRows) },
                         { u"truncated"_s, r.isTruncated() },
                         { u"affected_rows"_s, double(r.affectedRows) },
                         { u"duration_ms"_s, double(r.durationMs) },
                         { u"message"_s, r.message },
                         { u"summary"_s, r.summary() } };
}

// Normal ends: someone ended it, a refusal, a timeout of an accepted session.
bool isNormalEnd(const Error &e)
{
    return e.kind == ErrorKind::Cancelled || e.code == AssistTransport::EndedHere
        || e.code == AssistTransport::EndedByPeer;
}

} // namespace

int AssistCommands::usage(const QString &why)
{
    return m_ctx.fail(Error::make(ErrorKind::InvalidInput, why), ExitUsage);
}

int AssistCommands::run(const QStringList &args)
{
    if (args.isEmpty() || args.first() == u"--help"_s || args.first() == u"-h"_s) {
        CliIo::out(tr("Usage: tidesk-cli assist host --relay USER@HOST[:PORT] --key PATH --share "
                      "ENV[,ENV] [--auto-approve-readonly] [--json]\n"
                      "       tidesk-cli assist join CODE --key PATH [--relay USER@HOST[:PORT]] "
                      "[--name NAME] [--env ENV --run SQL] [--json]\n"
                      "An outside expert helps through an SSH relay both can reach; the session "
                      "is end-to-end encrypted and every action the expert proposes waits for "
                      "the DBA's decision (docs/cli.md)."));
        return args.isEmpty() ? ExitUsage : ExitOk;
    }
    if (args.first() == u"host"_s)
        return host(args.mid(1));
    if (args.first() == u"join"_s)
        return join(args.mid(1));
    if (args.first() == u"log"_s)
        return log(args.mid(1));
    return usage(tr("assist needs host, join or log"));
}

int AssistCommands::host(const QStringList &args)
{
    QCommandLineParser p;
    p.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const QCommandLineOption relayOpt(u"relay"_s, tr("the SSH relay: USER@HOST[:PORT]"),
                                      u"relay"_s);
    const QCommandLineOption keyOpt(u"key"_s, tr("your SSH private key for the relay"), u"path"_s);
    const QCommandLineOption shareOpt(u"share"_s, tr("environments to share, comma-separated"),
                                      u"envs"_s);
    const QCommandLineOption autoOpt(u"auto-approve-readonly"_s,
                                     tr("run read-only statements on non-production "
                                        "environments without asking"));
    const QCommandLineOption maxOpt(u"max-minutes"_s, tr("longest session (default 120)"), u"N"_s);
    const QCommandLineOption idleOpt(
        u"idle-minutes"_s, tr("end after this long without activity (default 15)"), u"N"_s);
    const QCommandLineOption codeOpt(u"code-minutes"_s,
                                     tr("how long the session code is valid (default 15)"), u"N"_s);
    const QCommandLineOption rowsOpt(
        u"row-limit"_s, tr("rows of a result sent to the expert (default 1000)"), u"N"_s);
    const QCommandLineOption knownOpt(u"known-hosts"_s,
                                      tr("known_hosts file for the relay (default "
                                         "~/.ssh/known_hosts)"),
                                      u"file"_s);
    const QCommandLineOption auditRowsOpt(u"audit-rows"_s,
                                          tr("keep result rows in the session's audit log"));
    p.addOptions({ relayOpt, keyOpt, shareOpt, autoOpt, maxOpt, idleOpt, codeOpt, rowsOpt, knownOpt,
                   auditRowsOpt });
    if (!p.parse(QStringList { u"tidesk-cli assist host"_s } + args))
        return usage(p.errorText());
    if (!p.positionalArguments().isEmpty())
        return usage(tr("assist host takes no positional arguments"));
    const std::optional<SshConnectOptions> relay = parseRelay(p.value(relayOpt));
    if (!relay || relay->user.isEmpty())
        return usage(tr("--relay needs USER@HOST[:PORT]"));
    if (!p.isSet(keyOpt))
        return usage(tr("--key needs your SSH private key for the relay"));
    auto number = [&](const QCommandLineOption &o, int def, int lo, int hi) -> std::optional<int> {
        if (!p.isSet(o))
            return def;
        bool ok = false;
        const int v = p.value(o).toInt(&ok);
        if (!ok || v < lo || v > hi)
            return std::nullopt;
        return v;
    };
    const std::optional<int> maxMin = number(maxOpt, 120, 1, 24 * 60);
    const std::optional<int> idleMin = number(idleOpt, 15, 1, 24 * 60);
    const std::optional<int> codeMin = number(codeOpt, 15, 1, 12 * 60);
    const std::optional<int> rowLimit = number(rowsOpt, 1000, 1, 1000000);
    if (!maxMin || !idleMin || !codeMin || !rowLimit)
        return usage(tr("--max-minutes, --idle-minutes, --code-minutes and --row-limit need "
                        "positive numbers"));

    AssistHostOptions o;
    o.relay = *relay;
    o.relay.identityFiles = { expandHome(p.value(keyOpt)) };
    if (p.isSet(knownOpt))
        o.relay.knownHostsFile = expandHome(p.value(knownOpt));
    if (m_ctx.options().acceptNewHostKey)
        o.relay.hostKeyPolicy = HostKeyPolicy::AcceptNew;
    o.autoApproveReadOnly = p.isSet(autoOpt);
    o.maxDuration = std::chrono::minutes(*maxMin);
    o.idleTimeout = std::chrono::minutes(*idleMin);
    o.codeValidity = std::chrono::minutes(*codeMin);
    o.rowLimit = *rowLimit;
    o.auditResultRows = p.isSet(auditRowsOpt);
    const QStringList names = p.value(shareOpt).split(u',', Qt::SkipEmptyParts);
    if (names.isEmpty())
        return usage(tr("--share needs at least one environment"));
    CoreServices services = m_ctx.app().services();
    for (const QString &n : names) {
        const Result<Environment> env = services.inventory->findByName(n.trimmed());
        if (!env)
            return m_ctx.fail(env.error(), ExitInvalidInput);
        o.sharedEnvironments << *env;
    }
    const Result<CredentialStore *> secrets = m_ctx.secrets();
    if (!secrets)
        return m_ctx.fail(secrets.error(), ExitSecrets);
    services.secrets = *secrets;

    const bool json = m_ctx.json();
    AssistHostSession session(services, o);
    StdinLines input;
    StopSignals stops;
    QEventLoop loop;
    int exitCode = ExitOk;

    // Questions wait in order; a line on stdin answers the first.
    struct Question
    {
        bool consent = false;
        qint64 id = 0;
    };
    std::deque<Question> questions;
    QSet<qint64> asked;
    auto ask = [&] {
        if (questions.empty())
            return;
        const Question &q = questions.front();
        if (q.consent) {
            CliIo::err(tr("The expert %1 (key %2) wants to join. Compare this short code with "
                          "the expert: %3. Let them in? [y/N]")
                           .arg(session.expertName(), session.expertKeyFingerprint(),
                                session.sas().text()));
            return;
        }
        const AssistHostSession::Card *c = session.card(q.id);
        if (!c)
            return;
        if (c->environment.isProduction())
            CliIo::err(tr("#%1 runs on the PRODUCTION environment %2. Type %2 to approve, "
                          "anything else rejects:")
                           .arg(q.id)
                           .arg(c->environment.name));
        else
            CliIo::err(tr("Approve #%1 on %2? [y/N]").arg(q.id).arg(c->environment.name));
    };
    auto enqueue = [&](Question q) {
        questions.push_back(q);
        if (questions.size() == 1)
            ask();
    };
    auto showCard = [&](const AssistHostSession::Card &c) {
        if (json) {
            QJsonObject e { { u"event"_s, u"proposal"_s },
                            { u"id"_s, double(c.proposal.id) },
                            { u"env"_s, c.environment.name },
                            { u"tier"_s, Environment::tierName(c.environment.tier) },
                            { u"action"_s, AssistProposal::actionName(c.proposal.action) },
                            { u"statement"_s, c.facts.statement },
                            { u"affects"_s, c.facts.affects },
                            { u"read_only"_s, c.facts.readOnly },
                            { u"status"_s, AssistProposal::statusName(c.status) } };
            if (c.facts.explain.hasResultSet())
                e.insert(u"explain_rows"_s, double(c.facts.explain.rows.size()));
            event(e);
            return;
        }
        CliIo::out(tr("Proposal #%1 on %2 (%3):")
                       .arg(c.proposal.id)
                       .arg(c.environment.name, Environment::tierName(c.environment.tier)));
        CliIo::out(u"  "_s + c.facts.statement);
        if (!c.facts.affects.isEmpty())
            CliIo::out(u"  "_s + c.facts.affects);
        if (c.facts.explain.hasResultSet()) {
            QList<QStringList> rows;
            for (const QVariantList &r : c.facts.explain.rows) {
                QStringList cells;
                for (const QVariant &v : r)
                    cells << AssistHostWork::cellText(v);
                rows << cells;
            }
            CliIo::out(CliIo::table(c.facts.explain.columns, rows));
        }
    };

    QObject::connect(&session, &AssistHostSession::codeReady, &loop, [&](const SessionCode &code) {
        if (json)
            event(QJsonObject { { u"event"_s, u"code"_s },
                                { u"code"_s, code.toText() },
                                { u"expires"_s, code.expiresUtc().toString(Qt::ISODate) },
                                { u"audit_log"_s, session.auditPath() } });
        else
            CliIo::out(tr("Session code (give it to the expert; valid until %1 UTC):\n  %2")
                           .arg(code.expiresUtc().toString(u"HH:mm"_s), code.toText()));
    });
    QObject::connect(&session, &AssistHostSession::attemptFailed, &loop,
                     [&](const Error &e, int remaining) {
                         if (json)
                             event(QJsonObject { { u"event"_s, u"attempt_failed"_s },
                                                 { u"message"_s, e.message },
                                                 { u"remaining"_s, remaining } });
                         else
                             CliIo::err(tr("A connection attempt failed (%1); the code works %n "
                                           "more time(s).",
                                           nullptr, remaining)
                                            .arg(e.message));
                     });
    QObject::connect(&session, &AssistHostSession::expertWaiting, &loop,
                     [&](const QString &name, const QString &fp, const Sas &sas) {
                         if (json)
                             event(QJsonObject { { u"event"_s, u"expert"_s },
                                                 { u"name"_s, name },
                                                 { u"key_fingerprint"_s, fp },
                                                 { u"sas"_s, sas.text() } });
                         enqueue(Question { true, 0 });
                     });
    QObject::connect(&session, &AssistHostSession::stateChanged, &loop,
                     [&](AssistHostSession::State s) {
                         if (s == AssistHostSession::State::Active) {
                             if (json)
                                 event(QJsonObject { { u"event"_s, u"accepted"_s } });
                             else
                                 CliIo::out(tr("The expert is in. Lines you type are chat; "
                                               "/end ends the session."));
                         }
                     });
    auto onCard = [&](qint64 id) {
        const AssistHostSession::Card *c = session.card(id);
        if (!c)
            return;
        if (c->status == AssistProposal::Status::Pending && c->factsReady && !asked.contains(id)) {
            asked.insert(id);
            showCard(*c);
            enqueue(Question { false, id });
            return;
        }
        if (c->status == AssistProposal::Status::Pending)
            return;
        if (json) {
            QJsonObject e { { u"event"_s, u"status"_s },
                            { u"id"_s, double(id) },
                            { u"status"_s, AssistProposal::statusName(c->status) },
                            { u"note"_s, c->decisionNote } };
            if (c->result && AssistProposal::isFinal(c->status))
                e.insert(u"summary"_s, c->result->summary());
            event(e);
        } else if (AssistProposal::isFinal(c->status)) {
            CliIo::out(tr("#%1 %2: %3")
                           .arg(id)
                           .arg(AssistProposal::statusText(c->status),
                                c->result ? c->result->summary() : c->decisionNote));
        } else if (c->status == AssistProposal::Status::AutoApproved) {
            CliIo::out(tr("#%1 auto-approved: %2").arg(id).arg(c->proposal.summary()));
        }
    };
    QObject::connect(&session, &AssistHostSession::cardAdded, &loop, onCard);
    QObject::connect(&session, &AssistHostSession::cardChanged, &loop, onCard);
    QObject::connect(
        &session, &AssistHostSession::chatAdded, &loop, [&](const AssistHostSession::ChatLine &l) {
            if (!l.fromExpert)
                return;
            if (json)
                event(QJsonObject {
                    { u"event"_s, u"chat"_s }, { u"from"_s, u"expert"_s }, { u"text"_s, l.text } });
            else
                CliIo::out(tr("%1: %2").arg(session.expertName(), l.text));
        });
    QObject::connect(&session, &AssistHostSession::auditFailed, &loop, [&](const Error &e) {
        CliIo::err(tr("The session's audit log cannot be written: %1").arg(e.message));
    });
    QObject::connect(&session, &AssistHostSession::ended, &loop, [&](const Error &reason) {
        if (json)
            event(QJsonObject { { u"event"_s, u"ended"_s },
                                { u"message"_s, reason.message },
                                { u"code"_s, reason.code },
                                { u"audit_log"_s, session.auditPath() } });
        else
            CliIo::out(tr("Session ended: %1\nAudit log: %2")
                           .arg(reason.message, QDir::toNativeSeparators(session.auditPath())));
        const bool wasAccepted = session.endsAtUtc().isValid();
        exitCode = isNormalEnd(reason) || (wasAccepted && reason.kind == ErrorKind::Timeout)
            ? ExitOk
            : ExitFailure;
    });
    QObject::connect(&session, &AssistHostSession::transportClosed, &loop, &QEventLoop::quit);
    QObject::connect(&input, &StdinLines::lineRead, &loop, [&](const QString &raw) {
        const QString line = raw.trimmed();
        if (!questions.empty()) {
            const Question q = questions.front();
            questions.pop_front();
            const bool yes = line.compare(u"y"_s, Qt::CaseInsensitive) == 0
                || line.compare(u"yes"_s, Qt::CaseInsensitive) == 0;
            if (q.consent) {
                if (yes)
                    session.accept();
                else
                    session.refuse();
            } else if (const AssistHostSession::Card *c = session.card(q.id)) {
                QString why;
                if (c->environment.isProduction()) {
                    if (line == c->environment.name) {
                        if (!session.approve(q.id, line, &why))
                            CliIo::err(why);
                    } else {
                        session.reject(q.id, tr("The DBA did not confirm the production name."));
                    }
                } else if (yes) {
                    if (!session.approve(q.id, QString(), &why))
                        CliIo::err(why);
                } else {
                    session.reject(q.id);
                }
            }
            ask();
            return;
        }
        if (line == u"/end"_s || line == u"/quit"_s) {
            session.end();
            return;
        }
        if (!line.isEmpty() && !session.sendChat(line))
            CliIo::err(tr("Nothing to send to yet: the expert has not joined."));
    });
    QObject::connect(&stops, &StopSignals::received, &loop, [&](int) { session.end(); });

    session.start();
    if (session.state() != AssistHostSession::State::Ended)
        loop.exec();
    return exitCode;
}

int AssistCommands::join(const QStringList &args)
{
    QCommandLineParser p;
    p.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const QCommandLineOption relayOpt(u"relay"_s,
                                      tr("your account on the relay: USER@HOST[:PORT] (default: "
                                         "the code's relay)"),
                                      u"relay"_s);
    const QCommandLineOption keyOpt(u"key"_s, tr("your SSH private key for the relay"), u"path"_s);
    const QCommandLineOption nameOpt(u"name"_s, tr("your name, shown to the DBA"), u"name"_s);
    const QCommandLineOption knownOpt(u"known-hosts"_s, tr("known_hosts file for the relay"),
                                      u"file"_s);
    const QCommandLineOption envOpt(u"env"_s, tr("the shared environment to act on"), u"env"_s);
    const QCommandLineOption runOpt(u"run"_s,
                                    tr("propose this statement, print its result, "
                                       "leave"),
                                    u"sql"_s);
    const QCommandLineOption killOpt(u"kill"_s, tr("propose killing this connection's statement"),
                                     u"id"_s);
    const QCommandLineOption connOpt(u"connection"_s,
                                     tr("with --kill: the whole connection, not just the "
                                        "statement"));
    const QCommandLineOption waitOpt(u"wait-s"_s, tr("how long to wait for the DBA (default 600)"),
                                     u"s"_s);
    const QCommandLineOption backupOpt(u"backup"_s, tr("propose a backup: logical or physical"),
                                       u"kind"_s);
    const QCommandLineOption dbsOpt(u"databases"_s,
                                    tr("with --backup logical: these databases only"), u"db,db"_s);
    p.addOptions({ relayOpt, keyOpt, nameOpt, knownOpt, envOpt, runOpt, killOpt, connOpt, backupOpt,
                   dbsOpt, waitOpt });
    if (!p.parse(QStringList { u"tidesk-cli assist join"_s } + args))
        return usage(p.errorText());
    if (p.positionalArguments().size() != 1)
        return usage(tr("assist join needs the session CODE"));
    if (!p.isSet(keyOpt))
        return usage(tr("--key needs your SSH private key for the relay"));
    if (int(p.isSet(runOpt)) + int(p.isSet(killOpt)) + int(p.isSet(backupOpt)) > 1)
        return usage(tr("use one of --run, --kill and --backup"));
    const bool oneShot = p.isSet(runOpt) || p.isSet(killOpt) || p.isSet(backupOpt);
    if (oneShot && !p.isSet(envOpt))
        return usage(tr("--run, --kill and --backup need --env"));
    if (p.isSet(backupOpt) && p.value(backupOpt) != u"logical"_s
        && p.value(backupOpt) != u"physical"_s)
        return usage(tr("--backup needs logical or physical"));
    quint64 killId = 0;
    if (p.isSet(killOpt)) {
        bool ok = false;
        killId = p.value(killOpt).toULongLong(&ok);
        if (!ok || killId == 0)
            return usage(tr("--kill needs a connection id"));
    }
    int waitS = 600;
    if (p.isSet(waitOpt)) {
        bool ok = false;
        waitS = p.value(waitOpt).toInt(&ok);
        if (!ok || waitS < 1 || waitS > 24 * 3600)
            return usage(tr("--wait-s needs a number of seconds"));
    }
    const Result<SessionCode> code
        = SessionCode::parse(p.positionalArguments().first(), QDateTime::currentDateTimeUtc());
    if (!code)
        return m_ctx.fail(code.error(), ExitInvalidInput);

    AssistExpertOptions o;
    if (p.isSet(relayOpt)) {
        const std::optional<SshConnectOptions> relay = parseRelay(p.value(relayOpt));
        if (!relay)
            return usage(tr("--relay needs USER@HOST[:PORT]"));
        o.relay = *relay;
    } else {
        o.relay.port = 0; // the code's
    }
    o.relay.identityFiles = { expandHome(p.value(keyOpt)) };
    if (p.isSet(knownOpt))
        o.relay.knownHostsFile = expandHome(p.value(knownOpt));
    if (m_ctx.options().acceptNewHostKey)
        o.relay.hostKeyPolicy = HostKeyPolicy::AcceptNew;
    o.expertName = p.isSet(nameOpt) ? p.value(nameOpt) : qEnvironmentVariable("USER");

    const bool json = m_ctx.json();
    AssistExpertSession session(o);
    StdinLines *input = oneShot ? nullptr : new StdinLines(&session);
    StopSignals stops;
    QEventLoop loop;
    int exitCode = ExitOk;
    qint64 oneShotId = 0;
    QString currentEnv = p.value(envOpt);
    QTimer waitTimer;
    waitTimer.setSingleShot(true);
    QHash<int, QString> lastViewText; // printed only when it changed

    QObject::connect(&session, &AssistExpertSession::established, &loop, [&](const Sas &sas) {
        if (json)
            event(QJsonObject { { u"event"_s, u"secure"_s },
                                { u"sas"_s, sas.text() },
                                { u"host"_s, session.hostId() } });
        CliIo::err(tr("Connected to %1. Read this short code with the DBA: %2. Waiting for the "
                      "DBA to let you in...")
                       .arg(session.hostId(), sas.text()));
        waitTimer.start(waitS * 1000);
    });
    auto propose = [&](AssistProposal prop) -> qint64 {
        if (prop.environment.isEmpty()) {
            CliIo::err(tr("Choose an environment first: /env NAME"));
            return 0;
        }
        const qint64 id = session.propose(prop);
        if (!json)
            CliIo::err(tr("Proposed #%1: %2").arg(id).arg(prop.summary()));
        return id;
    };
    QObject::connect(&session, &AssistExpertSession::welcomed, &loop, [&] {
        QJsonArray envs;
        QStringList names;
        for (const AssistExpertSession::SharedEnvironment &e : session.environments()) {
            envs.append(QJsonObject {
                { u"name"_s, e.name }, { u"tier"_s, e.tier }, { u"production"_s, e.production } });
            names << (e.production ? e.name + u" (PRODUCTION)"_s : e.name);
        }
        if (json)
            event(QJsonObject { { u"event"_s, u"welcome"_s },
                                { u"environments"_s, envs },
                                { u"row_limit"_s, session.rowLimit() },
                                { u"ends_at"_s, session.endsAtUtc().toString(Qt::ISODate) } });
        else
            CliIo::out(tr("The DBA let you in. Shared: %1. Results are limited to %2 rows.")
                           .arg(names.join(u", "_s))
                           .arg(session.rowLimit()));
        if (currentEnv.isEmpty() && !session.environments().isEmpty())
            currentEnv = session.environments().first().name;
        if (!oneShot)
            return;
        bool shared = false;
        for (const AssistExpertSession::SharedEnvironment &e : session.environments())
            shared = shared || e.name.compare(currentEnv, Qt::CaseInsensitive) == 0;
        if (!shared) {
            CliIo::err(tr("The environment %1 is not shared in this session.").arg(currentEnv));
            exitCode = ExitInvalidInput;
            session.end();
            return;
        }
        AssistProposal prop;
        prop.environment = currentEnv;
        if (p.isSet(runOpt)) {
            prop.action = AssistProposal::Action::Sql;
            prop.sql = p.value(runOpt);
        } else if (p.isSet(backupOpt)) {
            prop.action = AssistProposal::Action::Backup;
            prop.backupKind = p.value(backupOpt);
            prop.databases = p.value(dbsOpt).split(u',', Qt::SkipEmptyParts);
        } else {
            prop.action = p.isSet(connOpt) ? AssistProposal::Action::KillConnection
                                           : AssistProposal::Action::KillQuery;
            prop.connectionId = killId;
        }
        oneShotId = propose(prop);
        waitTimer.start(waitS * 1000);
    });
    QObject::connect(&waitTimer, &QTimer::timeout, &loop, [&] {
        CliIo::err(tr("No decision from the DBA within %n second(s).", nullptr, waitS));
        exitCode = ExitFailure;
        session.end();
    });
    QObject::connect(&session, &AssistExpertSession::statusChanged, &loop, [&](qint64 id) {
        const AssistExpertSession::Proposal *pr = session.proposal(id);
        if (!pr)
            return;
        if (json)
            event(QJsonObject { { u"event"_s, u"status"_s },
                                { u"id"_s, double(id) },
                                { u"status"_s, AssistProposal::statusName(pr->status) },
                                { u"statement"_s, pr->statement },
                                { u"note"_s, pr->note } });
        else if (pr->status != AssistProposal::Status::Pending || !pr->statement.isEmpty())
            CliIo::err(tr("#%1 %2%3")
                           .arg(id)
                           .arg(AssistProposal::statusText(pr->status),
                                pr->note.isEmpty() ? QString() : u" - "_s + pr->note));
        if (id == oneShotId && pr->status == AssistProposal::Status::Rejected) {
            exitCode = ExitFailure;
            session.end();
        }
    });
    QObject::connect(&session, &AssistExpertSession::resultReady, &loop, [&](qint64 id) {
        const AssistExpertSession::Proposal *pr = session.proposal(id);
        if (!pr || !pr->result)
            return;
        if (json)
            event(resultJson(*pr->result));
        else
            CliIo::out(resultText(*pr->result, session.rowLimit()));
        if (id == oneShotId) {
            waitTimer.stop();
            exitCode = pr->result->ok ? ExitOk : ExitFailure;
            session.end();
        }
    });
    QObject::connect(&session, &AssistExpertSession::viewReceived, &loop, [&](const AssistView &v) {
        const QString text
            = v.error.isEmpty() ? CliIo::table(v.columns, v.rows) + u'\n' + v.note : v.error;
        if (lastViewText.value(int(v.kind)) == text)
            return;
        lastViewText.insert(int(v.kind), text);
        if (json)
            event(QJsonObject { { u"event"_s, u"view"_s },
                                { u"view"_s, AssistView::kindName(v.kind) },
                                { u"env"_s, v.environment },
                                { u"rows"_s, double(v.rows.size()) },
                                { u"error"_s, v.error } });
        else
            CliIo::out(AssistView::kindTitle(v.kind)
                       + (v.environment.isEmpty() ? QString() : u" - "_s + v.environment) + u'\n'
                       + text);
    });
    QObject::connect(&session, &AssistExpertSession::chatAdded, &loop,
                     [&](const AssistExpertSession::ChatLine &l) {
                         if (l.fromExpert)
                             return;
                         if (json)
                             event(QJsonObject { { u"event"_s, u"chat"_s },
                                                 { u"from"_s, u"dba"_s },
                                                 { u"text"_s, l.text } });
                         else
                             CliIo::out(tr("DBA: %1").arg(l.text));
                     });
    QObject::connect(&session, &AssistExpertSession::ended, &loop, [&](const Error &reason) {
        if (json)
            event(QJsonObject { { u"event"_s, u"ended"_s },
                                { u"message"_s, reason.message },
                                { u"code"_s, reason.code } });
        else
            CliIo::err(tr("Session ended: %1").arg(reason.message));
        if (exitCode == ExitOk && !isNormalEnd(reason))
            exitCode = ExitFailure;
        if (oneShot && oneShotId == 0 && exitCode == ExitOk)
            exitCode = ExitFailure; // ended before the action could even be proposed
    });
    QObject::connect(&session, &AssistExpertSession::transportClosed, &loop, &QEventLoop::quit);
    if (input)
        QObject::connect(input, &StdinLines::lineRead, &loop, [&](const QString &raw) {
            const QString line = raw.trimmed();
            if (line.isEmpty())
                return;
            if (session.state() != AssistExpertSession::State::Active) {
                CliIo::err(tr("Not yet: the DBA has not let you in."));
                return;
            }
            if (line == u"/end"_s || line == u"/quit"_s) {
                session.end();
            } else if (line.startsWith(u"/env "_s)) {
                currentEnv = line.mid(5).trimmed();
            } else if (line.startsWith(u"/say "_s)) {
                session.sendChat(line.mid(5));
            } else if (line.startsWith(u"/kill "_s)) {
                AssistProposal prop;
                prop.action = AssistProposal::Action::KillQuery;
                prop.environment = currentEnv;
                prop.connectionId = line.mid(6).trimmed().toULongLong();
                propose(prop);
            } else if (line.startsWith(u"/view "_s)) {
                const QStringList w = line.mid(6).split(u' ', Qt::SkipEmptyParts);
                const std::optional<AssistView::Kind> k = AssistView::kindFromName(w.value(0));
                if (!k)
                    CliIo::err(tr("Views: fleet, sessions, slow, alerts"));
                else
                    session.subscribe(*k, w.value(1, currentEnv));
            } else {
                AssistProposal prop;
                prop.action = AssistProposal::Action::Sql;
                prop.environment = currentEnv;
                prop.sql = line;
                propose(prop);
            }
        });
    QObject::connect(&stops, &StopSignals::received, &loop, [&](int) { session.end(); });

    session.join(*code);
    if (session.state() != AssistExpertSession::State::Ended)
        loop.exec();
    return exitCode;
}

int AssistCommands::log(const QStringList &args)
{
    QCommandLineParser p;
    p.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const QCommandLineOption dirOpt(u"dir"_s,
                                    tr("where the session logs are (default: the data "
                                       "directory's assist/)"),
                                    u"dir"_s);
    const QCommandLineOption toOpt(u"to"_s, tr("export: the copy to write"), u"file"_s);
    const QCommandLineOption headOpt(
        u"head"_s, tr("verify: the last line's hash you kept elsewhere"), u"sha256"_s);
    p.addOptions({ dirOpt, toOpt, headOpt });
    if (!p.parse(QStringList { u"tidesk-cli assist log"_s } + args))
        return usage(p.errorText());
    const QStringList pos = p.positionalArguments();
    const QString dir
        = p.isSet(dirOpt) ? expandHome(p.value(dirOpt)) : AppPaths::dataDir() + u"/assist"_s;
    const bool json = m_ctx.json();
    auto verificationJson = [](const AuditVerification &v) {
        return QJsonObject { { u"ok"_s, v.ok },
                             { u"lines"_s, v.lines },
                             { u"broken_line"_s, v.brokenLine },
                             { u"problem"_s, AuditVerification::problemName(v.problem) },
                             { u"reason"_s, v.reason },
                             { u"session"_s, v.sessionId },
                             { u"head"_s, v.headHash },
                             { u"file_sha256"_s, v.fileSha256 } };
    };
    auto verdict = [](const AuditVerification &v) {
        return v.ok ? tr("intact: %n line(s), head %1", nullptr, v.lines).arg(v.headHash.left(16))
                    //: %1 = line number, %2 = why
                    : tr("BROKEN at line %1: %2").arg(v.brokenLine).arg(v.reason);
    };
    if (pos.isEmpty()) { // the list
        const QFileInfoList files
            = QDir(dir).entryInfoList({ u"*.jsonl"_s }, QDir::Files, QDir::Name | QDir::Reversed);
        QJsonArray list;
        QList<QStringList> rows;
        for (const QFileInfo &f : files) {
            const AuditVerification v = AuditLogChain::verify(f.absoluteFilePath());
            QJsonObject o = verificationJson(v);
            o.insert(u"file"_s, f.absoluteFilePath());
            list.append(o);
            rows << QStringList { f.fileName(), QString::number(v.lines), verdict(v) };
        }
        if (json)
            event(QJsonObject { { u"dir"_s, dir }, { u"logs"_s, list } });
        else if (rows.isEmpty())
            CliIo::out(tr("No session logs in %1").arg(dir));
        else
            CliIo::out(CliIo::table({ tr("LOG"), tr("LINES"), tr("CHAIN") }, rows));
        return ExitOk;
    }
    const QString verb = pos.first();
    if ((verb != u"show"_s && verb != u"verify"_s && verb != u"export"_s) || pos.size() != 2)
        return usage(tr("Usage: tidesk-cli assist log [show|verify|export FILE] [--dir DIR] "
                        "[--to FILE] [--head SHA256]"));
    QString file = expandHome(pos.at(1));
    if (!QFileInfo::exists(file) && QFileInfo::exists(dir + u'/' + file))
        file = dir + u'/' + file;
    if (!QFileInfo::exists(file))
        return m_ctx.fail(Error::make(ErrorKind::NotFound, tr("No such session log: %1").arg(file)),
                          ExitInvalidInput);
    if (verb == u"export"_s) {
        if (!p.isSet(toOpt))
            return usage(tr("export needs --to FILE"));
        const Result<AuditVerification> v
            = AuditLogChain::exportTo(file, expandHome(p.value(toOpt)), p.value(headOpt));
        if (!v)
            return m_ctx.fail(v.error(), ExitFailure);
        if (json)
            event(verificationJson(*v));
        else
            CliIo::out(tr("Exported to %1 with %1.verification.json: %2")
                           .arg(expandHome(p.value(toOpt)), verdict(*v)));
        return v->ok ? ExitOk : ExitFailure;
    }
    const AuditVerification v = AuditLogChain::verify(file, p.value(headOpt));
    if (verb == u"show"_s) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return m_ctx.fail(Error::make(ErrorKind::Io, tr("Cannot read %1").arg(file)),
                              ExitFailure);
        QList<QStringList> rows;
        QJsonArray lines;
        while (!f.atEnd()) {
            const QJsonObject o = QJsonDocument::fromJson(f.readLine()).object();
            if (o.isEmpty())
                continue;
            lines.append(o);
            rows << QStringList { QString::number(o.value(u"seq"_s).toInteger()),
                                  o.value(u"time"_s).toString(), o.value(u"kind"_s).toString(),
                                  o.value(u"actor"_s).toString(),
                                  o.value(u"summary"_s).toString().left(160) };
        }
        if (json) {
            event(QJsonObject { { u"file"_s, file },
                                { u"verification"_s, verificationJson(v) },
                                { u"lines"_s, lines } });
        } else {
            CliIo::out(CliIo::table(
                { tr("SEQ"), tr("TIME"), tr("KIND"), tr("ACTOR"), tr("SUMMARY") }, rows));
            CliIo::out(verdict(v));
        }
        return v.ok ? ExitOk : ExitFailure;
    }
    if (json)
        event(verificationJson(v));
    else
        CliIo::out(verdict(v));
    return v.ok ? ExitOk : ExitFailure;
}

} // namespace TiDesk::Cli
