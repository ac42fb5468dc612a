#include "AlertCommands.h"

#include "alerts/AlertListModel.h"
#include "alerts/FleetAlerts.h"
#include "cli/CliContext.h"
#include "inventory/InventoryStore.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace TiDesk::Cli {

namespace {

QJsonObject toJson(const QString &env, const Alert &a)
{
    QJsonObject labels;
    for (auto it = a.labels.cbegin(); it != a.labels.cend(); ++it)
        labels.insert(it.key(), it.value());
    return QJsonObject { { u"env"_s, env },
                         { u"name"_s, a.name },
                         { u"level"_s, Alert::levelName(a.level) },
                         { u"level_label"_s, a.levelLabel },
                         { u"state"_s, a.state },
                         { u"summary"_s, a.summary },
                         { u"description"_s, a.description },
                         { u"starts_at"_s, a.startsAt.toString(Qt::ISODate) },
                         { u"silenced"_s, !a.silencedBy.isEmpty() },
                         { u"fingerprint"_s, a.fingerprint },
                         { u"labels"_s, labels } };
}

} // namespace

int AlertCommands::run(const QStringList &args)
{
    QCommandLineParser p;
    p.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const QCommandLineOption timeoutOpt(
        u"timeout-ms"_s, tr("how long to wait for each Alertmanager (default 5000)"), u"ms"_s);
    const QCommandLineOption helpOpt(QStringList { u"h"_s, u"help"_s }, tr("show this help"));
    p.addOptions({ timeoutOpt, helpOpt });
    if (!p.parse(QStringList { u"tidesk-cli alerts"_s } + args))
        return m_ctx.fail(Error::make(ErrorKind::InvalidInput, p.errorText()), ExitUsage);
    if (p.isSet(helpOpt)) {
        CliIo::out(tr("Usage: tidesk-cli [global options] alerts [ENV] [--json] [--timeout-ms N]\n"
                      "Active alerts from each environment's Alertmanager, worst first."));
        return ExitOk;
    }
    if (p.positionalArguments().size() > 1)
        return m_ctx.fail(Error::make(ErrorKind::InvalidInput, tr("alerts takes at most one ENV")),
                          ExitUsage);
    bool ok = true;
    const int timeoutMs = p.isSet(timeoutOpt) ? p.value(timeoutOpt).toInt(&ok) : 5000;
    if (!ok || timeoutMs <= 0)
        return m_ctx.fail(
            Error::make(ErrorKind::InvalidInput, tr("--timeout-ms: not a positive number")),
            ExitUsage);

    EnvironmentList envs;
    if (p.positionalArguments().size() == 1) {
        const Result<Environment> env
            = m_ctx.app().services().inventory->findByName(p.positionalArguments().first());
        if (!env)
            return m_ctx.fail(env.error(), ExitInvalidInput);
        if (env->alertmanagerUrl.trimmed().isEmpty())
            return m_ctx.fail(
                Error::make(
                    ErrorKind::InvalidInput,
                    tr("%1 has no Alertmanager URL (set one with Edit, or in the inventory)")
                        .arg(env->name)),
                ExitInvalidInput);
        envs << *env;
    } else {
        Result<EnvironmentList> all = m_ctx.app().services().inventory->load();
        if (!all)
            return m_ctx.fail(all.error(), ExitInvalidInput);
        for (const Environment &e : *all)
            if (!e.alertmanagerUrl.trimmed().isEmpty())
                envs << e;
        if (envs.isEmpty())
            return m_ctx.fail(
                Error::make(ErrorKind::InvalidInput, tr("No environment has an Alertmanager URL.")),
                ExitInvalidInput);
    }

    // One request per distinct Alertmanager, all at once.
    // FleetAlerts asks each distinct Alertmanager once and attributes the alerts; wait for it.
    FleetAlerts fleet;
    fleet.setTimeout(std::chrono::milliseconds(timeoutMs));
    QEventLoop loop;
    QObject::connect(&fleet, &FleetAlerts::updated, &loop, &QEventLoop::quit);
    fleet.setEnvironments(envs);
    if (fleet.isRefreshing())
        loop.exec();

    QJsonArray jsonAlerts, jsonErrors;
    QList<QStringList> rows;
    const QHash<QString, Error> errorOf = fleet.errors();
    for (const Environment &e : std::as_const(envs)) {
        const QString url = e.alertmanagerUrl.trimmed();
        if (!errorOf.contains(url))
            continue;
        const Error &err = errorOf[url];
        jsonErrors.append(QJsonObject { { u"env"_s, e.name },
                                        { u"alertmanager"_s, url },
                                        { u"kind"_s, Error::kindName(err.kind) },
                                        { u"message"_s, err.message } });
        if (!m_ctx.json())
            CliIo::err(tr("%1: %2").arg(e.name, err.message));
    }
    for (const auto &[env, a] : fleet.alerts()) {
        jsonAlerts.append(toJson(env, a));
        rows.append({ env, Alert::levelDisplayName(a.level), a.name,
                      AlertListModel::ageText(a.startsAt, QDateTime::currentDateTimeUtc()),
                      a.silencedBy.isEmpty() ? a.state : tr("silenced"), a.summary });
    }
    if (m_ctx.json()) {
        CliIo::outRaw(
            QJsonDocument(QJsonObject { { u"alerts"_s, jsonAlerts }, { u"errors"_s, jsonErrors } })
                .toJson(QJsonDocument::Compact)
            + '\n');
    } else if (!rows.isEmpty()) {
        CliIo::out(CliIo::table(
            { tr("ENV"), tr("LEVEL"), tr("ALERT"), tr("SINCE"), tr("STATE"), tr("SUMMARY") },
            rows));
    } else if (errorOf.isEmpty()) {
        CliIo::out(tr("No active alerts."));
    }
    return errorOf.isEmpty() ? ExitOk : ExitFailure;
}

} // namespace TiDesk::Cli
