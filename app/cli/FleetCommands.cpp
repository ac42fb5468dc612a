#include "FleetCommands.h"

#include "alerts/FleetAlerts.h"
#include "cli/CliContext.h"
#include "health/FleetMath.h"
#include "health/FleetPoller.h"
#include "inventory/InventoryStore.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace TiDesk::Cli {

namespace {

QString stateName(FleetSample::State s)
{
    switch (s) {
    case FleetSample::State::Ok: return u"ok"_s;
    case FleetSample::State::Degraded: return u"degraded"_s;
    case FleetSample::State::Down: return u"down"_s;
    case FleetSample::State::Unknown: break;
    }
    return u"unknown"_s;
}

QString sourceName(FleetSample::MetricSource s)
{
    switch (s) {
    case FleetSample::MetricSource::Sql: return u"sql"_s;
    case FleetSample::MetricSource::Prometheus: return u"prometheus"_s;
    case FleetSample::MetricSource::None: break;
    }
    return u"none"_s;
}

QJsonValue numberOrNull(double v)
{
    return FleetSample::known(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

QJsonValue countOrNull(qint64 v)
{
    return v >= 0 ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

QJsonObject toJson(const Environment &env, const FleetSample &s)
{
    QJsonObject alerts;
    for (AlertLevel l :
         { AlertLevel::Emergency, AlertLevel::Critical, AlertLevel::Warning, AlertLevel::Info })
        alerts.insert(Alert::levelName(l), s.alertCount(l));
    const bool engineKnown = s.engine.engine != Engine::Unknown;
    QJsonObject o { { u"name"_s, env.name },
                    { u"tier"_s, Environment::tierName(env.tier) },
                    { u"reachable"_s, s.reachable() },
                    { u"state"_s, stateName(s.state) },
                    { u"engine"_s,
                      engineKnown ? QJsonValue(EngineInfo::engineName(s.engine.engine))
                                  : QJsonValue(QJsonValue::Null) },
                    { u"version"_s,
                      engineKnown ? QJsonValue(s.engine.version.toString())
                                  : QJsonValue(QJsonValue::Null) },
                    { u"qps"_s, numberOrNull(s.qps) },
                    { u"qps_source"_s, sourceName(s.qpsSource) },
                    { u"p99_ms"_s, numberOrNull(s.p99Ms) },
                    { u"connections"_s, countOrNull(s.reachable() ? s.connections : -1) },
                    { u"uptime_s"_s, countOrNull(s.reachable() ? s.uptimeSeconds : -1) },
                    { u"latency_ms"_s, countOrNull(s.latencyMs) },
                    { u"via_ssh"_s, env.ssh.enabled },
                    { u"alerts"_s, alerts } };
    if (s.lastError.isError()) {
        o.insert(u"error"_s,
                 QJsonObject { { u"code"_s, s.lastError.code },
                               { u"kind"_s, Error::kindName(s.lastError.kind) },
                               { u"message"_s, s.lastError.message } });
    } else {
        o.insert(u"error"_s, QJsonValue::Null);
    }
    return o;
}

QString uptimeText(qint64 s)
{
    if (s < 0)
        return u"-"_s;
    //: uptime in the fleet table: days and hours
    if (s >= 86400)
        return FleetCommands::tr("%1d %2h").arg(s / 86400).arg((s % 86400) / 3600);
    //: uptime in the fleet table: hours and minutes
    if (s >= 3600)
        return FleetCommands::tr("%1h %2m").arg(s / 3600).arg((s % 3600) / 60);
    //: uptime in the fleet table: minutes and seconds
    return FleetCommands::tr("%1m %2s").arg(s / 60).arg(s % 60);
}

QString alertsText(const FleetSample &s)
{
    QStringList parts;
    for (AlertLevel l :
         { AlertLevel::Emergency, AlertLevel::Critical, AlertLevel::Warning, AlertLevel::Info })
        if (const int n = s.alertCount(l); n > 0)
            //: alerts column of the fleet table: %1 = count, %2 = level ("critical")
            parts << FleetCommands::tr("%1 %2").arg(n).arg(Alert::levelDisplayName(l));
    return parts.isEmpty() ? u"-"_s : parts.join(u", "_s);
}

QString stateText(FleetSample::State s)
{
    switch (s) {
    case FleetSample::State::Ok: return FleetCommands::tr("up");
    case FleetSample::State::Degraded: return FleetCommands::tr("DEGRADED");
    case FleetSample::State::Down: return FleetCommands::tr("DOWN");
    case FleetSample::State::Unknown: break;
    }
    return FleetCommands::tr("unknown");
}

QStringList toRow(const Environment &env, const FleetSample &s)
{
    const bool up = s.reachable();
    return { env.name,
             Environment::tierName(env.tier),
             stateText(s.state),
             s.engine.engine != Engine::Unknown ? s.engine.displayString() : u"-"_s,
             FleetSample::known(s.qps) ? QString::number(s.qps, 'f', 1) : u"-"_s,
             FleetSample::known(s.p99Ms) ? QString::number(s.p99Ms, 'f', 1) : u"-"_s,
             up && s.connections >= 0 ? QString::number(s.connections) : u"-"_s,
             up ? uptimeText(s.uptimeSeconds) : u"-"_s,
             alertsText(s),
             s.lastError.isError() ? s.lastError.message : QString() };
}

// Waits in a local event loop until the poller's refresh and the alerts are both in.
void waitForRefresh(FleetPoller &poller)
{
    QEventLoop loop;
    auto done = [&] {
        if (!poller.isRefreshing() && !poller.alerts()->isRefreshing())
            loop.quit();
    };
    QObject::connect(&poller, &FleetPoller::refreshFinished, &loop, done);
    QObject::connect(poller.alerts(), &FleetAlerts::updated, &loop, done);
    if (poller.isRefreshing() || poller.alerts()->isRefreshing())
        loop.exec();
}

} // namespace

int FleetCommands::run(const QStringList &args)
{
    if (args.isEmpty() || args.first() == u"--help" || args.first() == u"-h") {
        CliIo::out(tr("Usage: tidesk-cli [global options] fleet status [--tier T] [--tag X] "
                      "[--json] [--interval-ms N] [--timeout-ms N]"));
        return args.isEmpty() ? ExitUsage : ExitOk;
    }
    if (args.first() == u"status")
        return status(args.mid(1));
    return m_ctx.fail(
        Error::make(ErrorKind::InvalidInput,
                    tr("unknown fleet command '%1' (try: fleet status)").arg(args.first())),
        ExitUsage);
}

int FleetCommands::status(const QStringList &args)
{
    QCommandLineParser p;
    p.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const QCommandLineOption tierOpt(u"tier"_s, tr("only environments of this tier"), u"tier"_s);
    const QCommandLineOption tagOpt(u"tag"_s, tr("only environments with this tag"), u"tag"_s);
    const QCommandLineOption intervalOpt(
        u"interval-ms"_s, tr("time between the two samples QPS is computed from (default 1000)"),
        u"ms"_s);
    const QCommandLineOption timeoutOpt(
        u"timeout-ms"_s,
        tr("time budget of each environment and each Alertmanager (default 5000; an "
           "environment's own connect timeout applies when shorter)"),
        u"ms"_s);
    const QCommandLineOption helpOpt(QStringList { u"h"_s, u"help"_s }, tr("show this help"));
    p.addOptions({ tierOpt, tagOpt, intervalOpt, timeoutOpt, helpOpt });
    if (!p.parse(QStringList { u"tidesk-cli fleet status"_s } + args))
        return m_ctx.fail(Error::make(ErrorKind::InvalidInput, p.errorText()), ExitUsage);
    if (p.isSet(helpOpt)) {
        CliIo::out(tr("Usage: tidesk-cli [global options] fleet status [--tier T] [--tag X] "
                      "[--json] [--interval-ms N] [--timeout-ms N]\n"
                      "Every environment at a glance, worst first: reachable, engine, QPS, "
                      "connections, uptime, alerts.\n"
                      "Exit status: 0 all reachable, 1 any down, 2 usage, 3 no environment "
                      "selected, 4 secrets unavailable."));
        return ExitOk;
    }
    if (!p.positionalArguments().isEmpty())
        return m_ctx.fail(Error::make(ErrorKind::InvalidInput,
                                      tr("fleet status takes no argument '%1' (use --tier or "
                                         "--tag to select environments)")
                                          .arg(p.positionalArguments().first())),
                          ExitUsage);
    auto positive = [&](const QCommandLineOption &opt, int fallback, int *value) {
        bool ok = true;
        *value = p.isSet(opt) ? p.value(opt).toInt(&ok) : fallback;
        return ok && *value > 0;
    };
    int intervalMs = 0, timeoutMs = 0;
    if (!positive(intervalOpt, 1000, &intervalMs))
        return m_ctx.fail(
            Error::make(ErrorKind::InvalidInput, tr("--interval-ms: not a positive number")),
            ExitUsage);
    if (!positive(timeoutOpt, FleetPoller::kDefaultBudgetCapMs, &timeoutMs))
        return m_ctx.fail(
            Error::make(ErrorKind::InvalidInput, tr("--timeout-ms: not a positive number")),
            ExitUsage);
    std::optional<Tier> tier;
    if (p.isSet(tierOpt)) {
        bool ok = false;
        tier = Environment::tierFromName(p.value(tierOpt).trimmed().toLower(), &ok);
        if (!ok)
            return m_ctx.fail(
                Error::make(ErrorKind::InvalidInput,
                            tr("--tier must be dev, test, uat, prod or custom, not '%1'")
                                .arg(p.value(tierOpt))),
                ExitUsage);
    }
    const QString tag = p.value(tagOpt).trimmed();

    Result<EnvironmentList> all = m_ctx.app().services().inventory->load();
    if (!all)
        return m_ctx.fail(all.error(), ExitInvalidInput);
    EnvironmentList envs;
    for (const Environment &e : std::as_const(*all))
        if ((!tier || e.tier == *tier)
            && (tag.isEmpty() || e.tags.contains(tag, Qt::CaseInsensitive)))
            envs << e;
    if (envs.isEmpty())
        return m_ctx.fail(Error::make(ErrorKind::InvalidInput,
                                      all->isEmpty() ? tr("The inventory is empty.")
                                                     : tr("No environment matches the selection.")),
                          ExitInvalidInput);

    const Result<CredentialStore *> secrets = m_ctx.secrets();
    if (!secrets)
        return m_ctx.fail(secrets.error(), ExitSecrets);
    CoreServices services = m_ctx.app().services();
    services.secrets = *secrets;

    FleetPoller poller(services);
    poller.setBudgetCapMs(timeoutMs);
    poller.setAlertTimeout(std::chrono::milliseconds(timeoutMs));
    poller.setEnvironments(envs);
    // Two samples, interval apart (from start to start): QPS needs two counter readings.
    QElapsedTimer sinceFirst;
    sinceFirst.start();
    poller.refresh(true);
    waitForRefresh(poller);
    if (const qint64 wait = intervalMs - sinceFirst.elapsed(); wait > 0) {
        QEventLoop loop;
        QTimer::singleShot(int(wait), &loop, &QEventLoop::quit);
        loop.exec();
    }
    poller.refresh(true);
    waitForRefresh(poller);

    QHash<QUuid, Environment> byId;
    for (const Environment &e : std::as_const(envs))
        byId.insert(e.id, e);
    FleetSampleList samples = poller.samples();
    std::stable_sort(samples.begin(), samples.end(),
                     [&byId](const FleetSample &a, const FleetSample &b) {
                         const int ra = FleetMath::severityRank(a);
                         const int rb = FleetMath::severityRank(b);
                         if (ra != rb)
                             return ra < rb;
                         return Environment::sortsBefore(byId.value(a.environmentId),
                                                         byId.value(b.environmentId));
                     });

    QJsonArray jsonEnvs, jsonAlertErrors;
    QList<QStringList> rows;
    bool anyDown = false;
    for (const FleetSample &s : std::as_const(samples)) {
        const Environment env = byId.value(s.environmentId);
        anyDown = anyDown || !s.reachable();
        jsonEnvs.append(toJson(env, s));
        rows.append(toRow(env, s));
    }
    const QHash<QString, Error> alertErrors = poller.alerts()->errors();
    for (auto it = alertErrors.cbegin(); it != alertErrors.cend(); ++it) {
        jsonAlertErrors.append(QJsonObject { { u"alertmanager"_s, it.key() },
                                             { u"kind"_s, Error::kindName(it->kind) },
                                             { u"message"_s, it->message } });
        if (!m_ctx.json())
            //: %1 = Alertmanager URL, %2 = why it could not be read
            CliIo::err(tr("alerts from %1 unavailable: %2").arg(it.key(), it->message));
    }
    if (m_ctx.json()) {
        CliIo::outRaw(QJsonDocument(QJsonObject { { u"environments"_s, jsonEnvs },
                                                  { u"interval_ms"_s, intervalMs },
                                                  { u"alertmanager_errors"_s, jsonAlertErrors } })
                          .toJson(QJsonDocument::Compact)
                      + '\n');
    } else {
        CliIo::out(
            CliIo::table({ tr("ENV"), tr("TIER"), tr("STATE"), tr("ENGINE"), tr("QPS"),
                           tr("P99 MS"), tr("CONN"), tr("UPTIME"), tr("ALERTS"), tr("ERROR") },
                         rows));
    }
    return anyDown ? ExitFailure : ExitOk;
}

} // namespace TiDesk::Cli
