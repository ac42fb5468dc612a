#include "GuardrailCommands.h"

#include "cli/CliContext.h"
#include "guardrails/GuardrailReader.h"
#include "guardrails/GuardrailWriter.h"
#include "inventory/InventoryStore.h"
#include "tunnel/BastionTunnels.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace TiDesk::Cli {

namespace {

DialectOptions dialectOptions(const CoreServices &services)
{
    DialectOptions o;
    if (!services.tidbCatalogSchema.isEmpty())
        o.catalogSchema = services.tidbCatalogSchema;
    return o;
}

QJsonObject snapshotJson(const QString &env, const GuardrailSnapshot &s)
{
    QJsonArray vars;
    for (const GuardrailValue &v : s.values)
        vars.append(QJsonObject {
            { u"name"_s, v.variable.name },
            { u"value"_s, v.value.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(v.value) },
            { u"unit"_s, v.variable.unit },
            { u"global_only"_s, v.variable.global } });
    QJsonArray watches;
    for (const RunawayWatchEntry &w : s.watches)
        watches.append(QJsonObject { { u"id"_s, w.id },
                                     { u"resource_group"_s, w.resourceGroup },
                                     { u"watch"_s, w.watch },
                                     { u"watch_text"_s, w.watchText },
                                     { u"action"_s, w.action },
                                     { u"rule"_s, w.rule },
                                     { u"source"_s, w.source },
                                     { u"start_time"_s, w.startTime },
                                     { u"end_time"_s, w.endTime } });
    QJsonArray bindings;
    for (const SqlBinding &b : s.bindings)
        bindings.append(QJsonObject { { u"status"_s, b.status },
                                      { u"source"_s, b.source },
                                      { u"default_db"_s, b.defaultDb },
                                      { u"sql_digest"_s, b.sqlDigest },
                                      { u"plan_digest"_s, b.planDigest },
                                      { u"original_sql"_s, b.originalSql } });
    QJsonObject o { { u"env"_s, env },
                    { u"engine"_s, EngineInfo::engineName(s.engine.engine) },
                    { u"variables"_s, vars },
                    { u"problems"_s, QJsonArray::fromStringList(s.problems) } };
    o.insert(u"runaway_watches"_s,
             s.watchesSupported ? QJsonValue(watches) : QJsonValue(QJsonValue::Null));
    o.insert(u"bindings"_s,
             s.bindingsSupported ? QJsonValue(bindings) : QJsonValue(QJsonValue::Null));
    return o;
}

} // namespace

int GuardrailCommands::run(const QStringList &args)
{
    const auto usage = [&](const QString &why) {
        return m_ctx.fail(Error::make(ErrorKind::InvalidInput, why), ExitUsage);
    };
    if (args.isEmpty() || args.first() == u"--help" || args.first() == u"-h") {
        CliIo::out(tr("Usage: tidesk-cli [global options] guardrails ENV [--json]\n"
                      "       tidesk-cli [global options] guardrails set ENV NAME VALUE "
                      "[--confirm ENV]\n"
                      "Shows or changes (GLOBAL) an environment's statement time and memory "
                      "limits; TiDB runaway watches and bindings are listed too."));
        return args.isEmpty() ? ExitUsage : ExitOk;
    }
    if (args.first() == u"set")
        return set(args.mid(1));
    if (args.size() != 1)
        return usage(tr("guardrails needs exactly one ENV"));
    return show(args.first());
}

int GuardrailCommands::show(const QString &envName)
{
    const Result<Environment> env = m_ctx.app().services().inventory->findByName(envName);
    if (!env)
        return m_ctx.fail(env.error(), ExitInvalidInput);
    const Result<CredentialStore *> secrets = m_ctx.secrets();
    if (!secrets)
        return m_ctx.fail(secrets.error(), ExitSecrets);
    const CoreServices services = m_ctx.app().services();
    CredentialStore *store = *secrets;
    EndpointRouter *router = services.tunnels;
    const DialectOptions options = dialectOptions(services);
    const Result<GuardrailSnapshot> snap
        = QtConcurrent::run(services.pool,
                            [e = *env, store, router, options,
                             log = services.activityLog]() -> Result<GuardrailSnapshot> {
                                Result<EnvironmentTarget> t
                                    = EnvironmentTarget::resolve(e, store, router, options);
                                if (!t)
                                    return t.error();
                                return readGuardrails(*t, log);
                            })
              .result();
    if (!snap)
        return m_ctx.fail(snap.error(),
                          snap.error().kind == ErrorKind::Crypto ? ExitSecrets : ExitFailure);
    if (m_ctx.json()) {
        CliIo::outRaw(QJsonDocument(snapshotJson(env->name, *snap)).toJson(QJsonDocument::Compact)
                      + '\n');
        return ExitOk;
    }
    QList<QStringList> rows;
    for (const GuardrailValue &v : snap->values)
        rows << QStringList { v.variable.name, v.value.isNull() ? tr("(not readable)") : v.value,
                              v.variable.unit };
    CliIo::out(CliIo::table({ tr("VARIABLE"), tr("GLOBAL VALUE"), tr("UNIT") }, rows));
    if (snap->watchesSupported) {
        QList<QStringList> w;
        for (const RunawayWatchEntry &x : snap->watches)
            w << QStringList {
                QString::number(x.id), x.resourceGroup, x.watch, x.action, x.rule, x.endTime,
                x.watchText.left(60)
            };
        CliIo::out(QString());
        CliIo::out(tr("Runaway watches: %1").arg(snap->watches.size()));
        if (!w.isEmpty())
            CliIo::out(CliIo::table({ tr("ID"), tr("GROUP"), tr("WATCH"), tr("ACTION"), tr("RULE"),
                                      tr("UNTIL"), tr("TEXT") },
                                    w));
    }
    if (snap->bindingsSupported) {
        CliIo::out(QString());
        CliIo::out(tr("Global bindings: %1").arg(snap->bindings.size()));
        for (const SqlBinding &b : snap->bindings)
            CliIo::out(u"  ["_s + b.status + u"] "_s + b.originalSql.simplified().left(100));
    }
    for (const QString &problem : snap->problems)
        CliIo::err(tr("warning: %1").arg(problem));
    return ExitOk;
}

int GuardrailCommands::set(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption confirmOpt(
        u"confirm"_s, tr("the environment name again (required for prod)"), u"name"_s);
    p.addOption(confirmOpt);
    const auto usage = [&](const QString &why) {
        return m_ctx.fail(Error::make(ErrorKind::InvalidInput, why), ExitUsage);
    };
    if (!p.parse(QStringList { u"tidesk-cli guardrails set"_s } + args))
        return usage(p.errorText());
    if (p.positionalArguments().size() != 3)
        return usage(tr("guardrails set needs ENV NAME VALUE"));
    const QString name = p.positionalArguments().at(1);
    const QString value = p.positionalArguments().at(2);
    const Result<Environment> env
        = m_ctx.app().services().inventory->findByName(p.positionalArguments().first());
    if (!env)
        return m_ctx.fail(env.error(), ExitInvalidInput);
    if (env->isProduction() && p.value(confirmOpt) != env->name)
        return usage(tr("%1 is a production environment: repeat its name with --confirm %1 to "
                        "change it.")
                         .arg(env->name));
    const Result<CredentialStore *> secrets = m_ctx.secrets();
    if (!secrets)
        return m_ctx.fail(secrets.error(), ExitSecrets);
    const CoreServices services = m_ctx.app().services();
    CredentialStore *store = *secrets;
    EndpointRouter *router = services.tunnels;
    const DialectOptions options = dialectOptions(services);
    AuditLog *audit = services.audit;

    struct Outcome
    {
        Result<GuardrailChangeResult> result = Error();
        QString statement;
        bool invalid = false;
    };
    const Outcome outcome
        = QtConcurrent::run(services.pool,
                            [e = *env, store, router, options, audit, name, value,
                             log = services.activityLog]() -> Outcome {
                                Outcome o;
                                Result<EnvironmentTarget> t
                                    = EnvironmentTarget::resolve(e, store, router, options);
                                if (!t) {
                                    o.result = t.error();
                                    return o;
                                }
                                // The dialect needs the engine: read it (one connection).
                                Result<GuardrailSnapshot> snap = readGuardrails(*t, log);
                                if (!snap) {
                                    o.result = snap.error();
                                    return o;
                                }
                                const auto dialect = makeDialect(snap->engine, options);
                                Result<GuardrailChange> change
                                    = GuardrailChange::setVariable(*dialect, name, value);
                                if (!change) {
                                    o.invalid = true;
                                    o.result = change.error();
                                    return o;
                                }
                                o.statement = change->statement;
                                o.result = applyGuardrailChange(*t, *change, audit, log);
                                return o;
                            })
              .result();
    if (!outcome.result)
        return m_ctx.fail(outcome.result.error(), outcome.invalid ? ExitInvalidInput : ExitFailure);
    if (m_ctx.json()) {
        CliIo::outRaw(QJsonDocument(QJsonObject { { u"env"_s, env->name },
                                                  { u"statement"_s, outcome.statement },
                                                  { u"ok"_s, true },
                                                  { u"result"_s, outcome.result->summary } })
                          .toJson(QJsonDocument::Compact)
                      + '\n');
    } else {
        CliIo::out(outcome.statement);
        CliIo::out(outcome.result->summary);
    }
    return ExitOk;
}

} // namespace TiDesk::Cli
