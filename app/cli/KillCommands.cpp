#include "KillCommands.h"

#include "cli/CliContext.h"
#include "inventory/InventoryStore.h"
#include "secrets/SecretReader.h"
#include "sessions/KillExecutor.h"
#include "sessions/SessionKiller.h"
#include "tunnel/BastionTunnels.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtConcurrent/QtConcurrentRun>

#include <optional>

using namespace Qt::StringLiterals;

namespace TiDesk::Cli {

namespace {

QString usageText()
{
    return KillCommands::tr("Usage: tidesk-cli [global options] kill ENV --id N [--instance ADDR] "
                            "[--query|--connection] [--yes] [--wait-ms N] [--json]");
}

QJsonValue textOrNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QJsonObject sessionJson(const SessionRow &s)
{
    return QJsonObject { { u"id"_s, QString::number(s.id) },
                         { u"instance"_s, textOrNull(s.instance) },
                         { u"user"_s, s.user },
                         { u"host"_s, s.host },
                         { u"db"_s, textOrNull(s.db) },
                         { u"command"_s, s.command },
                         { u"time_ms"_s, s.timeMs },
                         { u"state"_s, textOrNull(s.state) },
                         { u"info"_s,
                           s.info.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(s.info) } };
}

QJsonObject outcomeJson(const KillOutcome &o, const QString &auditPath)
{
    QJsonObject j { { u"env"_s, o.envName },
                    { u"kind"_s, o.kind == KillKind::Query ? u"query"_s : u"connection"_s },
                    { u"status"_s, KillOutcome::statusName(o.status) },
                    { u"killed"_s, o.killed() },
                    { u"message"_s, o.message },
                    { u"statement"_s, textOrNull(o.statement) },
                    { u"sent_to"_s, textOrNull(o.sentTo) },
                    { u"server_text"_s, textOrNull(o.serverText) },
                    { u"global_kill"_s, o.globalKill },
                    { u"elapsed_ms"_s, o.elapsedMs },
                    { u"gone_after_ms"_s,
                      o.goneAfterMs >= 0 ? QJsonValue(o.goneAfterMs)
                                         : QJsonValue(QJsonValue::Null) },
                    { u"target"_s, sessionJson(o.target) },
                    { u"audit_log"_s, auditPath },
                    { u"audit_error"_s, textOrNull(o.auditError) } };
    if (o.error.isError())
        j.insert(u"error"_s,
                 QJsonObject { { u"code"_s, o.error.code },
                               { u"kind"_s, Error::kindName(o.error.kind) },
                               { u"message"_s, o.error.message } });
    else
        j.insert(u"error"_s, QJsonValue::Null);
    return j;
}

QString statementPreview(const QString &sql)
{
    const QString s = sql.simplified();
    return s.size() > 300 ? s.left(299) + u'…' : s;
}

} // namespace

int KillCommands::run(const QStringList &args)
{
    QCommandLineParser p;
    p.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const QCommandLineOption idOpt(u"id"_s, tr("connection id of the session (processlist ID)"),
                                   u"N"_s);
    const QCommandLineOption instanceOpt(
        u"instance"_s,
        tr("TiDB: the tidb-server of the session (CLUSTER_PROCESSLIST.INSTANCE, host:10080)"),
        u"addr"_s);
    const QCommandLineOption queryOpt(
        u"query"_s, tr("stop the running statement, keep the connection (default)"));
    const QCommandLineOption connOpt(u"connection"_s,
                                     tr("end the session (its transaction rolls back)"));
    const QCommandLineOption yesOpt(
        u"yes"_s, tr("do not ask for confirmation (required without a terminal)"));
    const QCommandLineOption waitOpt(
        u"wait-ms"_s, tr("how long to wait for the target to go away (default 3000)"), u"ms"_s);
    const QCommandLineOption helpOpt(QStringList { u"h"_s, u"help"_s }, tr("show this help"));
    p.addOptions({ idOpt, instanceOpt, queryOpt, connOpt, yesOpt, waitOpt, helpOpt });
    auto usage = [&](const QString &why) {
        return m_ctx.fail(Error::make(ErrorKind::InvalidInput, why), ExitUsage);
    };
    if (!p.parse(QStringList { u"tidesk-cli kill"_s } + args))
        return usage(p.errorText());
    if (p.isSet(helpOpt)) {
        CliIo::out(usageText() + u'\n'
                   + tr("Kills the running statement (--query, default) or the connection of one "
                        "session, after checking it still runs the statement shown, and writes "
                        "the attempt to the audit log.\n"
                        "Exit status: 0 killed, 1 not killed, 2 usage or no confirmation, 3 "
                        "unknown environment, 4 secrets unavailable."));
        return ExitOk;
    }
    if (p.positionalArguments().size() != 1)
        return usage(tr("kill needs exactly one ENV. %1").arg(usageText()));
    bool idOk = false;
    const quint64 id = p.value(idOpt).toULongLong(&idOk);
    if (!p.isSet(idOpt) || !idOk || id == 0)
        return usage(tr("--id needs a connection id (a positive number)"));
    if (p.isSet(queryOpt) && p.isSet(connOpt))
        return usage(tr("use either --query or --connection"));
    int waitMs = 3000;
    if (p.isSet(waitOpt)) {
        bool ok = false;
        waitMs = p.value(waitOpt).toInt(&ok);
        if (!ok || waitMs < 0 || waitMs > 600000)
            return usage(tr("--wait-ms needs a number of milliseconds (0 to 600000)"));
    }
    const KillKind kind = p.isSet(connOpt) ? KillKind::Connection : KillKind::Query;
    const QString instance = p.value(instanceOpt).trimmed();
    const bool yes = p.isSet(yesOpt);

    const Result<Environment> env
        = m_ctx.app().services().inventory->findByName(p.positionalArguments().first());
    if (!env)
        return m_ctx.fail(env.error(), ExitInvalidInput);
    // Nobody to ask: refuse before touching the server.
    const bool interactive = CliIo::stdinIsTerminal();
    if (!yes && !interactive)
        return usage(env->isProduction()
                         ? tr("%1 is a production environment and there is no terminal to type "
                              "its name: nothing was killed. Add --yes to kill without asking.")
                               .arg(env->name)
                         : tr("There is no terminal to ask for confirmation: nothing was killed. "
                              "Add --yes to kill without asking."));

    const Result<CredentialStore *> secrets = m_ctx.secrets();
    if (!secrets)
        return m_ctx.fail(secrets.error(), ExitSecrets);
    Result<QString> password = readOptionalSecret(*secrets, env->passwordSecretKey());
    if (!password)
        return m_ctx.fail(password.error(), ExitSecrets);
    const CoreServices services = m_ctx.app().services();
    KillExecutor::Context readCtx;
    readCtx.password = *password;
    password->fill(u'\0');
    readCtx.activityLog = services.activityLog;
    readCtx.settings.dialect.catalogSchema = services.tidbCatalogSchema;
    readCtx.route.router = services.tunnels;
    if (env->ssh.enabled) {
        Result<QString> sshSecret = readOptionalSecret(*secrets, env->sshPassphraseSecretKey());
        if (!sshSecret)
            return m_ctx.fail(sshSecret.error(), ExitSecrets);
        readCtx.route.sshSecret = *sshSecret;
        sshSecret->fill(u'\0');
    }

    // The baseline: what the session runs now, as the person confirming sees it.
    EngineInfo engine;
    const Result<QList<SessionRow>> rows
        = QtConcurrent::run(services.pool, [e = *env, id, instance, readCtx, &engine] {
              return KillExecutor::readSessions(e, id, instance, readCtx, &engine);
          }).result();
    readCtx.password.fill(u'\0');
    readCtx.route.sshSecret.fill(u'\0');
    if (!rows)
        return m_ctx.fail(rows.error(), ExitFailure);
    if (rows->isEmpty())
        return m_ctx.fail(
            Error::make(ErrorKind::NotFound,
                        instance.isEmpty()
                            ? tr("There is no session #%1 on %2 (it may have ended); nothing "
                                 "was killed.")
                                  .arg(id)
                                  .arg(env->name)
                            : tr("There is no session #%1 on tidb-server %2 of %3 (it may have "
                                 "ended); nothing was killed.")
                                  .arg(id)
                                  .arg(instance, env->name)),
            ExitFailure);
    if (rows->size() > 1) {
        QStringList where;
        for (const SessionRow &r : std::as_const(*rows))
            where << r.instance;
        return usage(tr("Session #%1 exists on several tidb-servers (%2): say which with "
                        "--instance.")
                         .arg(id)
                         .arg(where.join(u", "_s)));
    }
    const SessionRow target = rows->first();

    // Show it (stderr with --json, so standard output stays one JSON document).
    auto show = [&](const QString &line) {
        if (m_ctx.json())
            CliIo::err(line);
        else
            CliIo::out(line);
    };
    //: %1 = env, %2 = tier, %3 = engine and version, %4 = session key (instance#id)
    show(tr("%1 (%2, %3): session %4")
             .arg(env->name, Environment::tierName(env->tier), engine.displayString(),
                  target.instance.isEmpty() ? u"#"_s + QString::number(target.id) : target.key()));
    //: %1 = user@host, %2 = database, %3 = command (Query, Sleep), %4 = seconds
    show(tr("  %1, database %2, %3 for %4 s")
             .arg(target.user + u'@' + target.host, target.db.isEmpty() ? u"-"_s : target.db,
                  target.command, QString::number(double(target.timeMs) / 1000.0, 'f', 1)));
    show(tr("  statement: %1")
             .arg(target.info.isEmpty() ? tr("(none, idle)") : statementPreview(target.info)));
    show(kind == KillKind::Query
             ? tr("KILL QUERY stops this statement; the connection stays open.")
             : tr("KILL CONNECTION ends this session; an open transaction rolls back."));

    if (!yes) {
        if (env->isProduction()) {
            const std::optional<QString> typed
                = CliIo::promptLine(tr("%1 is PRODUCTION. Type its name to kill: ").arg(env->name));
            if (!typed || typed->trimmed() != env->name) {
                CliIo::err(tr("Not confirmed: nothing was killed."));
                return ExitFailure;
            }
        } else {
            const std::optional<QString> answer = CliIo::promptLine(tr("Kill it? [y/N] "));
            const QString a = answer.value_or(QString()).trimmed().toLower();
            if (a != u"y" && a != u"yes" && a != tr("y") && a != tr("yes")) {
                CliIo::err(tr("Not confirmed: nothing was killed."));
                return ExitFailure;
            }
        }
    }

    SessionKiller::Options options;
    options.settings.confirmWaitMs = waitMs;
    SessionKiller killer(services, options);
    KillRequest request;
    request.env = *env;
    request.target = target;
    request.kind = kind;
    request.mode = u"manual"_s;
    std::optional<KillOutcome> outcome;
    QEventLoop loop;
    killer.kill(request, [&](const KillOutcome &o) {
        outcome = o;
        loop.quit();
    });
    if (!outcome)
        loop.exec();

    if (m_ctx.json()) {
        CliIo::outRaw(
            QJsonDocument(outcomeJson(*outcome, killer.auditPath())).toJson(QJsonDocument::Compact)
            + '\n');
    } else {
        //: %1 = status ("Killed", "Refused: stale target"), %2 = one sentence
        CliIo::out(
            tr("%1: %2").arg(KillOutcome::statusDisplayName(outcome->status), outcome->message));
        if (!outcome->serverText.isEmpty() && !outcome->message.contains(outcome->serverText))
            CliIo::out(tr("  server: %1").arg(outcome->serverText));
    }
    if (!outcome->auditError.isEmpty())
        CliIo::err(tr("Warning: the audit log was not written: %1").arg(outcome->auditError));
    return outcome->killed() ? ExitOk : ExitFailure;
}

} // namespace TiDesk::Cli
