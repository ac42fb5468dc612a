#include "MetricsCommands.h"

#include "cli/CliContext.h"
#include "common/MetricFormat.h"
#include "inventory/InventoryStore.h"
#include "metrics/ChartCatalog.h"
#include "metrics/MetricRange.h"
#include "metrics/PrometheusClient.h"
#include "secrets/CredentialStore.h"
#include "secrets/SecretReader.h"
#include "sql/EnvironmentCheck.h"
#include "tunnel/BastionTunnels.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QtConcurrent>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace TiDesk::Cli {

namespace {

struct Stats
{
    double last = 0, min = 0, max = 0, avg = 0;
};

Stats statsOf(const QList<QPointF> &points)
{
    Stats s;
    if (points.isEmpty())
        return s;
    s.last = points.last().y();
    s.min = s.max = points.first().y();
    double sum = 0;
    for (const QPointF &p : points) {
        s.min = std::min(s.min, p.y());
        s.max = std::max(s.max, p.y());
        sum += p.y();
    }
    s.avg = sum / double(points.size());
    return s;
}

// ISO 8601; without an offset the time is UTC (a CLI run from cron has no meaningful local zone).
std::optional<qint64> parseIso(const QString &text)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid())
        return std::nullopt;
    if (t.timeSpec() == Qt::LocalTime)
        t.setTimeSpec(Qt::UTC);
    return t.toMSecsSinceEpoch();
}

// The unit's stable name in --json (values stay in the unit's base: seconds, bytes, 0..1).
QString unitName(MetricUnit unit)
{
    switch (unit) {
    case MetricUnit::Count: return u"count"_s;
    case MetricUnit::PerSecond: return u"per_second"_s;
    case MetricUnit::Seconds: return u"seconds"_s;
    case MetricUnit::Bytes: return u"bytes"_s;
    case MetricUnit::Ratio: return u"ratio"_s;
    case MetricUnit::Cores: return u"cores"_s;
    }
    return u"count"_s;
}

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

} // namespace

Result<Engine> MetricsCommands::engineOf(const Environment &env, int *exitCode)
{
    switch (env.engine) {
    case EngineOverride::TiDB: return Engine::TiDB;
    case EngineOverride::MySQL: return Engine::MySQL;
    case EngineOverride::MariaDB: return Engine::MariaDB;
    case EngineOverride::Auto: break;
    }
    const Result<CredentialStore *> secrets = m_ctx.secrets();
    if (!secrets) {
        *exitCode = ExitSecrets;
        return secrets.error();
    }
    Result<QString> password = readOptionalSecret(*secrets, env.passwordSecretKey());
    if (!password) {
        *exitCode = ExitSecrets;
        return password.error();
    }
    SshRoute route;
    if (env.ssh.enabled) {
        Result<QString> sshSecret = readOptionalSecret(*secrets, env.sshPassphraseSecretKey());
        if (!sshSecret) {
            *exitCode = ExitSecrets;
            return sshSecret.error();
        }
        route.sshSecret = *sshSecret;
        sshSecret->fill(u'\0');
    }
    const CoreServices services = m_ctx.app().services();
    route.router = services.tunnels;
    QFuture<CheckResult> future = QtConcurrent::run(
        services.pool, [e = env, pw = *password, log = services.activityLog, route] {
            return checkEnvironment(e, pw, log, route);
        });
    password->fill(u'\0');
    route.sshSecret.fill(u'\0');
    const CheckResult check = future.result();
    if (!check.reachable) {
        *exitCode = ExitFailure;
        Error e = check.error;
        e.message = tr("Cannot detect the engine of %1 (set its engine to skip this): %2")
                        .arg(env.name, check.error.message);
        return e;
    }
    return check.engine.engine;
}

int MetricsCommands::run(const QStringList &args)
{
    QCommandLineParser p;
    p.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const QCommandLineOption chartOpt(u"chart"_s, tr("the chart to read (e.g. qps)"), u"name"_s);
    const QCommandLineOption rangeOpt(u"range"_s, tr("15m, 1h, 6h, 24h or 7d (default 1h)"),
                                      u"range"_s);
    const QCommandLineOption fromOpt(
        u"from"_s, tr("start, ISO 8601 (UTC unless an offset is given)"), u"time"_s);
    const QCommandLineOption toOpt(u"to"_s, tr("end, ISO 8601"), u"time"_s);
    const QCommandLineOption selectorOpt(
        u"selector"_s,
        tr("label matchers for every series instead of the environment's own, e.g. env=\"prod\""),
        u"matchers"_s);
    const QCommandLineOption timeoutOpt(
        u"timeout-ms"_s, tr("how long to wait for each Prometheus request (default 10000)"),
        u"ms"_s);
    const QCommandLineOption helpOpt(QStringList { u"h"_s, u"help"_s }, tr("show this help"));
    p.addOptions({ chartOpt, rangeOpt, fromOpt, toOpt, selectorOpt, timeoutOpt, helpOpt });
    const auto usage = [&](const QString &why) {
        return m_ctx.fail(Error::make(ErrorKind::InvalidInput, why), ExitUsage);
    };
    if (!p.parse(QStringList { u"tidesk-cli metrics"_s } + args))
        return usage(p.errorText());
    if (p.isSet(helpOpt)) {
        CliIo::out(tr("Usage: tidesk-cli [global options] metrics ENV --chart NAME\n"
                      "         [--range 15m|1h|6h|24h|7d | --from ISO --to ISO]\n"
                      "         [--selector MATCHERS] [--json] [--timeout-ms N]\n"
                      "One chart from the environment's Prometheus: last/min/max/avg per series.\n"
                      "TiDB charts: %1\nMySQL/MariaDB charts: %2")
                       .arg(ChartCatalog::chartIds(Engine::TiDB).join(u", "_s),
                            ChartCatalog::chartIds(Engine::MariaDB).join(u", "_s)));
        return ExitOk;
    }
    if (p.positionalArguments().size() != 1)
        return usage(tr("metrics needs exactly one ENV"));
    bool ok = true;
    const int timeoutMs = p.isSet(timeoutOpt) ? p.value(timeoutOpt).toInt(&ok) : 10000;
    if (!ok || timeoutMs <= 0)
        return usage(tr("--timeout-ms: not a positive number"));

    // The window.
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    Result<MetricRange> range = Error();
    if (p.isSet(fromOpt) || p.isSet(toOpt)) {
        if (p.isSet(rangeOpt))
            return usage(tr("use either --range or --from/--to"));
        const std::optional<qint64> from = parseIso(p.value(fromOpt));
        const std::optional<qint64> to
            = p.isSet(toOpt) ? parseIso(p.value(toOpt)) : std::optional<qint64>(nowMs);
        if (!from || !to)
            return usage(tr("--from/--to: not an ISO 8601 time (e.g. 2026-05-14T09:30:00Z)"));
        range = MetricRange::custom(*from, *to);
    } else {
        range = MetricRange::fromPreset(p.isSet(rangeOpt) ? p.value(rangeOpt) : u"1h"_s, nowMs);
    }
    if (!range)
        return m_ctx.fail(range.error(), ExitUsage);

    const Result<Environment> env
        = m_ctx.app().services().inventory->findByName(p.positionalArguments().first());
    if (!env)
        return m_ctx.fail(env.error(), ExitInvalidInput);
    const QUrl base(env->prometheusUrl.trimmed());
    if (env->prometheusUrl.trimmed().isEmpty())
        return m_ctx.fail(Error::make(ErrorKind::InvalidInput,
                                      tr("%1 has no Prometheus URL (set one with Edit, or in the "
                                         "inventory)")
                                          .arg(env->name)),
                          ExitInvalidInput);
    int engineExit = ExitFailure;
    const Result<Engine> engine = engineOf(*env, &engineExit);
    if (!engine)
        return m_ctx.fail(engine.error(), engineExit);
    if (!p.isSet(chartOpt))
        return usage(tr("--chart is required. Charts for %1: %2")
                         .arg(EngineInfo::engineDisplayName(*engine),
                              ChartCatalog::chartIds(*engine).join(u", "_s)));
    // --selector replaces the environment's own (e.g. to look at another env's series).
    const QString selector
        = p.isSet(selectorOpt) ? p.value(selectorOpt) : env->prometheusSelector.trimmed();
    const Result<ChartDef> chart
        = ChartCatalog::chart(*engine, p.value(chartOpt), selector, range->stepMs);
    if (!chart)
        return m_ctx.fail(chart.error(), ExitUsage);

    QNetworkAccessManager network;
    PrometheusClient client(&network);
    client.setTimeout(std::chrono::milliseconds(timeoutMs));
    std::optional<Result<SeriesSet>> answer;
    QEventLoop loop;
    client.fetchChart(base, *chart, *range, [&](const Result<SeriesSet> &r) {
        answer = r;
        loop.quit();
    });
    if (!answer)
        loop.exec();
    if (!answer->ok())
        return m_ctx.fail(answer->error(), ExitFailure);
    const SeriesSet &set = answer->value();

    if (m_ctx.json()) {
        QJsonArray series;
        for (const TimeSeries &s : set.series) {
            QJsonObject labels;
            for (auto it = s.labels.cbegin(); it != s.labels.cend(); ++it)
                labels.insert(it.key(), it.value());
            QJsonArray points;
            for (const QPointF &pt : s.points)
                points.append(QJsonArray { qint64(pt.x()), pt.y() });
            const Stats st = statsOf(s.points);
            QJsonObject o { { u"legend"_s, s.legend },
                            { u"labels"_s, labels },
                            { u"points"_s, points } };
            if (!s.points.isEmpty()) {
                o.insert(u"last"_s, st.last);
                o.insert(u"min"_s, st.min);
                o.insert(u"max"_s, st.max);
                o.insert(u"avg"_s, st.avg);
            }
            series.append(o);
        }
        const QJsonObject out { { u"env"_s, env->name },
                                { u"engine"_s, EngineInfo::engineName(*engine) },
                                { u"chart"_s, chart->id },
                                { u"title"_s, chart->title },
                                { u"unit"_s, unitName(chart->unit) },
                                { u"from"_s, iso(set.fromMs) },
                                { u"to"_s, iso(set.toMs) },
                                { u"from_ms"_s, set.fromMs },
                                { u"to_ms"_s, set.toMs },
                                { u"step_ms"_s, set.stepMs },
                                { u"series"_s, series } };
        CliIo::outRaw(QJsonDocument(out).toJson(QJsonDocument::Compact) + '\n');
        return ExitOk;
    }

    //: %1 = env, %2 = chart title, %3/%4 = ISO times, %5 = step in seconds
    CliIo::out(tr("%1: %2, %3 to %4, step %5 s")
                   .arg(env->name, set.title, iso(set.fromMs), iso(set.toMs))
                   .arg(set.stepMs / 1000));
    QList<QStringList> rows;
    for (const TimeSeries &s : set.series) {
        if (s.points.isEmpty()) {
            rows.append({ s.legend, u"-"_s, u"-"_s, u"-"_s, u"-"_s, u"0"_s });
            continue;
        }
        const Stats st = statsOf(s.points);
        rows.append({ s.legend, MetricFormat::value(st.last, set.unit),
                      MetricFormat::value(st.min, set.unit), MetricFormat::value(st.max, set.unit),
                      MetricFormat::value(st.avg, set.unit), QString::number(s.points.size()) });
    }
    if (rows.isEmpty())
        CliIo::out(tr("No data: Prometheus has no series for this chart in that range."));
    else
        CliIo::out(CliIo::table(
            { tr("SERIES"), tr("LAST"), tr("MIN"), tr("MAX"), tr("AVG"), tr("POINTS") }, rows));
    return ExitOk;
}

} // namespace TiDesk::Cli
