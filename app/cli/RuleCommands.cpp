#include "RuleCommands.h"

#include "cli/CliContext.h"
#include "cli/StopSignals.h"
#include "inventory/InventoryStore.h"
#include "rules/RuleRunner.h"
#include "rules/RuleSet.h"
#include "sessions/AuditLog.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace TiDesk::Cli {

namespace {

QString tierText(const Environment &e)
{
    return Environment::tierName(e.tier);
}

QString matchText(const KillRule &r)
{
    QStringList parts;
    if (r.match.busyTimeMs)
        //: match summary in `rules check`: %1 = seconds
        parts << RuleCommands::tr("busy >= %1 s").arg(double(*r.match.busyTimeMs) / 1000.0);
    if (!r.match.users.isEmpty())
        //: match summary in `rules check`: %1 = user patterns separated by |
        parts << RuleCommands::tr("user %1").arg(r.match.users.join(u'|'));
    if (!r.match.hosts.isEmpty())
        parts << RuleCommands::tr("host %1").arg(r.match.hosts.join(u'|'));
    if (!r.match.dbs.isEmpty())
        parts << RuleCommands::tr("db %1").arg(r.match.dbs.join(u'|'));
    if (!r.match.commands.isEmpty())
        parts << RuleCommands::tr("command %1").arg(r.match.commands.join(u'|'));
    if (!r.match.digests.isEmpty())
        parts << RuleCommands::tr("digest %1").arg(r.match.digests.join(u'|'));
    if (!r.match.sqlRegex.isEmpty())
        parts << RuleCommands::tr("sql ~ /%1/").arg(r.match.sqlRegex);
    if (r.match.memBytesAtLeast)
        //: match summary in `rules check`: %1 = bytes
        parts << RuleCommands::tr("mem >= %1 B").arg(*r.match.memBytesAtLeast);
    return parts.join(u", "_s);
}

// Why a rule has the mode it has on env.
QString modeWhy(const KillRule &r, const Environment &env, bool forceDryRun)
{
    if (forceDryRun)
        return RuleCommands::tr("--dry-run");
    if (r.envModes.contains(env.name))
        return RuleCommands::tr("env_modes");
    if (env.tier == Tier::Prod)
        return RuleCommands::tr("production default");
    return RuleCommands::tr("rule mode");
}

QJsonObject sessionJson(const SessionRow &s)
{
    QJsonObject o { { u"id"_s, QString::number(s.id) },
                    { u"instance"_s, s.instance },
                    { u"user"_s, s.user },
                    { u"host"_s, s.host },
                    { u"db"_s, s.db },
                    { u"command"_s, s.command },
                    { u"time_ms"_s, s.timeMs },
                    { u"info"_s, s.info },
                    { u"digest"_s, s.digest } };
    return o;
}

void jsonLine(const QJsonObject &o)
{
    CliIo::outRaw(QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n');
}

struct Loaded
{
    RuleSet rules;
    QString path;
    EnvironmentList envs;
};

} // namespace

int RuleCommands::run(const QStringList &args)
{
    const QString usage
        = tr("Usage: tidesk-cli [global options] rules check [--config FILE]\n"
             "       tidesk-cli [global options] rules run [--config FILE] [--dry-run] [--once] "
             "[--interval-ms N]\n"
             "The rules file defaults to rules.json in the data directory (docs/rules.md).");
    if (args.isEmpty() || args.first() == u"--help" || args.first() == u"-h") {
        CliIo::out(usage);
        return args.isEmpty() ? ExitUsage : ExitOk;
    }
    if (args.first() == u"check")
        return check(args.mid(1));
    if (args.first() == u"run")
        return runDaemon(args.mid(1));
    return m_ctx.fail(
        Error::make(
            ErrorKind::InvalidInput,
            tr("unknown rules command '%1' (try: rules check, rules run)").arg(args.first())),
        ExitUsage);
}

int RuleCommands::check(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption configOpt(u"config"_s, tr("rules file"), u"file"_s);
    const QCommandLineOption dryRunOpt(u"dry-run"_s, tr("show the modes as `run --dry-run`"));
    p.addOptions({ configOpt, dryRunOpt });
    if (!p.parse(QStringList { u"tidesk-cli rules check"_s } + args))
        return m_ctx.fail(Error::make(ErrorKind::InvalidInput, p.errorText()), ExitUsage);
    if (!p.positionalArguments().isEmpty())
        return m_ctx.fail(
            Error::make(ErrorKind::InvalidInput,
                        tr("unexpected argument '%1'").arg(p.positionalArguments().first())),
            ExitUsage);
    const QString path = p.isSet(configOpt) ? p.value(configOpt) : RuleSet::defaultPath();
    const Result<RuleSet> rules = RuleSet::load(path);
    if (!rules)
        return m_ctx.fail(rules.error(), ExitInvalidInput);
    const Result<EnvironmentList> envs = m_ctx.app().services().inventory->load();
    if (!envs)
        return m_ctx.fail(envs.error(), ExitInvalidInput);
    const bool forceDryRun = p.isSet(dryRunOpt);

    QJsonArray jsonRules;
    QList<QStringList> ruleRows, modeRows;
    QStringList warnings;
    for (const KillRule &r : rules->rules) {
        QJsonArray jsonEnvs;
        for (const Environment &env : *envs) {
            if (!r.scope.contains(env.name, env.tier))
                continue;
            const RuleMode mode
                = forceDryRun ? RuleMode::DryRun : r.effectiveMode(env.name, env.tier);
            const QString why = modeWhy(r, env, forceDryRun);
            jsonEnvs.append(QJsonObject { { u"name"_s, env.name },
                                          { u"tier"_s, tierText(env) },
                                          { u"mode"_s, KillRule::modeName(mode) },
                                          { u"why"_s, why } });
            modeRows << QStringList { r.name, env.name, tierText(env), KillRule::modeName(mode),
                                      why };
        }
        QStringList ruleWarnings;
        for (const QString &name : r.scope.environments) {
            bool known = false;
            for (const Environment &env : *envs)
                known = known || env.name == name;
            if (!known)
                //: %1 = environment name
                ruleWarnings
                    << tr("scope names environment %1, which is not in the inventory").arg(name);
        }
        for (auto it = r.envModes.cbegin(); it != r.envModes.cend(); ++it) {
            bool inScope = false;
            for (const Environment &env : *envs)
                inScope = inScope || (env.name == it.key() && r.scope.contains(env.name, env.tier));
            if (!inScope)
                ruleWarnings
                    << tr("env_modes names %1, which is not in the rule's scope").arg(it.key());
        }
        if (r.match.needsMemory())
            ruleWarnings << tr("matches on memory: never matches on MySQL (no memory column)");
        if (jsonEnvs.isEmpty() && r.enabled)
            ruleWarnings << tr("no inventory environment is in scope");
        for (const QString &w : ruleWarnings)
            warnings << tr("rule \"%1\": %2").arg(r.name, w);
        jsonRules.append(
            QJsonObject { { u"name"_s, r.name },
                          { u"enabled"_s, r.enabled },
                          { u"action"_s, KillRule::actionName(r.action) },
                          { u"mode"_s, KillRule::modeName(r.mode) },
                          { u"victims"_s, KillRule::victimsName(r.victims) },
                          { u"max_kills_per_minute"_s, r.maxKillsPerMinute },
                          { u"match"_s, matchText(r) },
                          { u"environments"_s, jsonEnvs },
                          { u"warnings"_s, QJsonArray::fromStringList(ruleWarnings) } });
        ruleRows << QStringList { r.name,
                                  r.enabled ? tr("yes") : tr("no"),
                                  KillRule::actionName(r.action),
                                  KillRule::victimsName(r.victims),
                                  QString::number(r.maxKillsPerMinute),
                                  matchText(r) };
    }
    if (m_ctx.json()) {
        jsonLine(
            QJsonObject { { u"path"_s, path }, { u"valid"_s, true }, { u"rules"_s, jsonRules } });
        return ExitOk;
    }
    //: %1 = file, %2 = number of rules
    CliIo::out(tr("%1: valid, %n rule(s)", nullptr, int(rules->rules.size())).arg(path));
    if (!ruleRows.isEmpty())
        CliIo::out(CliIo::table({ tr("RULE"), tr("ENABLED"), tr("ACTION"), tr("VICTIMS"),
                                  tr("KILLS/MIN"), tr("MATCH") },
                                ruleRows));
    if (!modeRows.isEmpty()) {
        CliIo::out(QString());
        CliIo::out(
            CliIo::table({ tr("RULE"), tr("ENV"), tr("TIER"), tr("MODE"), tr("WHY") }, modeRows));
    }
    for (const QString &w : warnings)
        CliIo::err(tr("warning: %1").arg(w));
    return ExitOk;
}

int RuleCommands::runDaemon(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption configOpt(u"config"_s, tr("rules file"), u"file"_s);
    const QCommandLineOption dryRunOpt(u"dry-run"_s, tr("every rule in dry-run mode"));
    const QCommandLineOption onceOpt(u"once"_s, tr("poll every environment once, then exit"));
    const QCommandLineOption intervalOpt(u"interval-ms"_s, tr("poll interval (default 1000)"),
                                         u"ms"_s);
    p.addOptions({ configOpt, dryRunOpt, onceOpt, intervalOpt });
    if (!p.parse(QStringList { u"tidesk-cli rules run"_s } + args))
        return m_ctx.fail(Error::make(ErrorKind::InvalidInput, p.errorText()), ExitUsage);
    if (!p.positionalArguments().isEmpty())
        return m_ctx.fail(
            Error::make(ErrorKind::InvalidInput,
                        tr("unexpected argument '%1'").arg(p.positionalArguments().first())),
            ExitUsage);
    int intervalMs = RuleRunner::kDefaultIntervalMs;
    if (p.isSet(intervalOpt)) {
        bool ok = false;
        intervalMs = p.value(intervalOpt).toInt(&ok);
        if (!ok || intervalMs < 100)
            return m_ctx.fail(
                Error::make(ErrorKind::InvalidInput, tr("--interval-ms: a number >= 100")),
                ExitUsage);
    }
    const QString path = p.isSet(configOpt) ? p.value(configOpt) : RuleSet::defaultPath();
    const Result<RuleSet> rules = RuleSet::load(path);
    if (!rules)
        return m_ctx.fail(rules.error(), ExitInvalidInput);
    const Result<EnvironmentList> envs = m_ctx.app().services().inventory->load();
    if (!envs)
        return m_ctx.fail(envs.error(), ExitInvalidInput);
    const Result<CredentialStore *> secrets = m_ctx.secrets();
    if (!secrets)
        return m_ctx.fail(secrets.error(), ExitSecrets);
    CoreServices services = m_ctx.app().services();
    services.secrets = *secrets;

    AuditLog audit(AuditLog::defaultPath());
    RuleRunner runner(services, &audit);
    runner.setRules(*rules);
    runner.setEnvironments(*envs);
    runner.setInterval(std::chrono::milliseconds(intervalMs));
    runner.setForceDryRun(p.isSet(dryRunOpt));
    // No killer in this build (the SessionKiller is wired in by its own slice): enforced kills
    // are reported as not executed.
    runner.setKiller(nullptr);
    const EnvironmentList polled = runner.polledEnvironments();
    if (polled.isEmpty())
        return m_ctx.fail(Error::make(ErrorKind::InvalidInput,
                                      tr("No inventory environment is in the scope of an "
                                         "enabled rule in %1.")
                                          .arg(path)),
                          ExitInvalidInput);

    const bool json = m_ctx.json();
    const bool once = p.isSet(onceOpt);
    bool anyError = false;
    QObject::connect(
        &runner, &RuleRunner::decisionHandled, &runner,
        [json](const RuleDecision &d, const QString &statement, const QString &result) {
            const bool executed = false; // no killer in this build
            if (json) {
                jsonLine(QJsonObject { { u"event"_s, u"decision"_s },
                                       { u"at"_s, d.decidedAt.toString(Qt::ISODateWithMs) },
                                       { u"env"_s, d.envName },
                                       { u"rule"_s, d.ruleName },
                                       { u"action"_s, KillRule::actionName(d.action) },
                                       { u"mode"_s, KillRule::modeName(d.mode) },
                                       { u"outcome"_s,
                                         d.outcome == RuleDecision::Outcome::RateLimited
                                             ? u"rate-limited"_s
                                             : u"act"_s },
                                       { u"executed"_s, executed },
                                       { u"statement"_s, statement },
                                       { u"result"_s, result },
                                       { u"session"_s, sessionJson(d.session) } });
                return;
            }
            //: one decision line: time, env, rule, mode, action, target, result
            CliIo::out(tr("%1 %2 rule=%3 [%4] %5 %6: %7")
                           .arg(d.decidedAt.toString(Qt::ISODateWithMs), d.envName, d.ruleName,
                                KillRule::modeName(d.mode), KillRule::actionName(d.action),
                                d.targetText(), result));
        });
    QObject::connect(&runner, &RuleRunner::environmentError, &runner,
                     [json, &anyError](const QString &env, const Error &e) {
                         anyError = true;
                         if (json)
                             jsonLine(QJsonObject { { u"event"_s, u"error"_s },
                                                    { u"env"_s, env },
                                                    { u"kind"_s, Error::kindName(e.kind) },
                                                    { u"code"_s, e.code },
                                                    { u"message"_s, e.message } });
                         else
                             CliIo::err(tr("%1: %2").arg(env, e.toString()));
                     });
    QObject::connect(&runner, &RuleRunner::environmentWarning, &runner,
                     [](const QString &env, const QString &message) {
                         CliIo::err(tr("warning: %1: %2").arg(env, message));
                     });
    QObject::connect(&runner, &RuleRunner::auditFailed, &runner,
                     [](const Error &e) { CliIo::err(tr("audit log: %1").arg(e.toString())); });

    QStringList names;
    for (const Environment &e : polled)
        names << e.name;
    if (json)
        jsonLine(QJsonObject { { u"event"_s, u"started"_s },
                               { u"environments"_s, QJsonArray::fromStringList(names) },
                               { u"interval_ms"_s, intervalMs },
                               { u"dry_run"_s, p.isSet(dryRunOpt) },
                               { u"killer"_s, false },
                               { u"audit_log"_s, audit.path() } });
    else
        //: %1 = environment names, %2 = milliseconds, %3 = audit log path
        CliIo::err(tr("rules: watching %1 every %2 ms; decisions go to %3")
                       .arg(names.join(u", "_s))
                       .arg(intervalMs)
                       .arg(audit.path()));
    if (!p.isSet(dryRunOpt))
        CliIo::err(tr("rules: no killer in this build: enforced kills are reported as not "
                      "executed, nothing is killed"));

    QEventLoop loop;
    StopSignals stopSignals;
    int stopSignal = 0;
    QObject::connect(&stopSignals, &StopSignals::received, &loop, [&](int signalNumber) {
        stopSignal = signalNumber;
        loop.quit();
    });
    if (once)
        QObject::connect(&runner, &RuleRunner::pollRoundFinished, &loop, &QEventLoop::quit);
    // Started from the loop, so a round that ends at once still finds the loop running.
    QTimer::singleShot(0, &runner, [&runner, once] {
        if (once)
            runner.pollOnce();
        else
            runner.start();
    });
    loop.exec();
    runner.stop();
    if (json)
        jsonLine(QJsonObject { { u"event"_s, u"stopped"_s }, { u"signal"_s, stopSignal } });
    else if (stopSignal != 0)
        //: %1 = signal number
        CliIo::err(tr("rules: stopped (signal %1)").arg(stopSignal));
    return once && anyError && stopSignal == 0 ? ExitFailure : ExitOk;
}

} // namespace TiDesk::Cli
