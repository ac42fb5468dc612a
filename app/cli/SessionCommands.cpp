#include "SessionCommands.h"

#include "cli/CliContext.h"
#include "inventory/InventoryStore.h"
#include "models/SessionFilterModel.h"
#include "sessions/SessionFormat.h"
#include "sessions/SessionPoller.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace TiDesk::Cli {

namespace {

// The statement column of the table: enough to recognise it, short enough for a terminal line.
constexpr int kStatementChars = 80;
constexpr int kHostChars = 24;

QJsonValue textOrNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QJsonValue numberOrNull(const std::optional<qint64> &v)
{
    return v ? QJsonValue(double(*v)) : QJsonValue(QJsonValue::Null);
}

QJsonObject toJson(const SessionRow &s)
{
    return QJsonObject {
        { u"instance"_s, textOrNull(s.instance) },
        // Connection ids are unsigned 64-bit on TiDB: a JSON number loses precision above
        // 2^53, so large ids are strings.
        { u"id"_s,
          s.id < (quint64(1) << 53) ? QJsonValue(double(s.id))
                                    : QJsonValue(QString::number(s.id)) },
        { u"user"_s, s.user },
        { u"host"_s, s.host },
        { u"db"_s, textOrNull(s.db) },
        { u"command"_s, s.command },
        { u"time_ms"_s, double(s.timeMs) },
        { u"state"_s, textOrNull(s.state) },
        { u"info"_s, s.info.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(s.info) },
        { u"digest"_s, textOrNull(s.digest) },
        { u"digest_source"_s,
          s.digest.isEmpty() ? QJsonValue(QJsonValue::Null)
                             : QJsonValue(s.serverDigest ? u"server"_s : u"tidesk"_s) },
        { u"mem_bytes"_s, numberOrNull(s.memBytes) },
        { u"disk_bytes"_s, numberOrNull(s.diskBytes) },
        { u"examined_rows"_s, numberOrNull(s.examinedRows) },
        { u"query_id"_s,
          s.queryId ? QJsonValue(double(*s.queryId)) : QJsonValue(QJsonValue::Null) },
        { u"txn_start"_s, textOrNull(s.txnStart) },
        { u"resource_group"_s, textOrNull(s.resourceGroup) },
        { u"sleeping"_s, s.isSleeping() },
        { u"system"_s, s.isSystem() },
    };
}

} // namespace

int SessionCommands::run(const QStringList &args)
{
    const QString usage = tr("Usage: tidesk-cli [global options] sessions ENV [--json] [--all] "
                             "[--min-time S] [--user U] [--timeout-ms N]");
    QCommandLineParser p;
    p.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const QCommandLineOption allOpt(u"all"_s, tr("also idle (Sleep) and system sessions"));
    const QCommandLineOption minTimeOpt(
        u"min-time"_s, tr("only sessions in their current command for at least S seconds"),
        u"seconds"_s);
    const QCommandLineOption userOpt(u"user"_s, tr("only sessions of this user"), u"user"_s);
    const QCommandLineOption timeoutOpt(
        u"timeout-ms"_s,
        //: %1 = milliseconds
        tr("read timeout and server-side limit of the read (default %1)")
            .arg(SessionPoller::kDefaultReadTimeoutMs),
        u"ms"_s);
    const QCommandLineOption helpOpt(QStringList { u"h"_s, u"help"_s }, tr("show this help"));
    p.addOptions({ allOpt, minTimeOpt, userOpt, timeoutOpt, helpOpt });
    if (!p.parse(QStringList { u"tidesk-cli sessions"_s } + args))
        return m_ctx.fail(Error::make(ErrorKind::InvalidInput, p.errorText()), ExitUsage);
    if (p.isSet(helpOpt)) {
        CliIo::out(usage + u'\n'
                   + tr("The live sessions of an environment, longest running first (TiDB: "
                        "every tidb-server of the cluster).\n"
                        "Hides idle and system sessions unless --all, and always its own.\n"
                        "Exit status: 0 read, 1 read failed, 2 usage, 3 unknown environment, "
                        "4 secrets unavailable."));
        return ExitOk;
    }
    if (p.positionalArguments().size() != 1)
        return m_ctx.fail(Error::make(ErrorKind::InvalidInput, usage), ExitUsage);

    qint64 minTimeMs = 0;
    if (p.isSet(minTimeOpt)) {
        bool ok = false;
        const double seconds = p.value(minTimeOpt).toDouble(&ok);
        if (!ok || seconds < 0)
            return m_ctx.fail(
                Error::make(
                    ErrorKind::InvalidInput,
                    //: %1 = what was given
                    tr("--min-time: not a number of seconds: '%1'").arg(p.value(minTimeOpt))),
                ExitUsage);
        minTimeMs = qint64(seconds * 1000.0);
    }
    int timeoutMs = SessionPoller::kDefaultReadTimeoutMs;
    if (p.isSet(timeoutOpt)) {
        bool ok = false;
        timeoutMs = p.value(timeoutOpt).toInt(&ok);
        if (!ok || timeoutMs <= 0)
            return m_ctx.fail(
                Error::make(ErrorKind::InvalidInput, tr("--timeout-ms: not a positive number")),
                ExitUsage);
    }

    const Result<Environment> env
        = m_ctx.app().services().inventory->findByName(p.positionalArguments().first());
    if (!env)
        return m_ctx.fail(env.error(), ExitInvalidInput);
    const Result<CredentialStore *> secrets = m_ctx.secrets();
    if (!secrets)
        return m_ctx.fail(secrets.error(), ExitSecrets);
    CoreServices services = m_ctx.app().services();
    services.secrets = *secrets;

    SessionPoller poller(services);
    poller.setEnvironment(*env);
    poller.setReadTimeoutMs(timeoutMs);
    std::optional<QList<SessionRow>> rows;
    quint64 ownId = 0;
    Error error;
    bool vaultLocked = false;
    {
        QEventLoop loop;
        QObject::connect(&poller, &SessionPoller::sessionsReady, &loop,
                         [&](const QList<SessionRow> &r, quint64 own) {
                             rows = r;
                             ownId = own;
                             loop.quit();
                         });
        QObject::connect(&poller, &SessionPoller::readFailed, &loop, [&](const Error &e) {
            error = e;
            loop.quit();
        });
        QObject::connect(&poller, &SessionPoller::vaultLocked, &loop, [&] { vaultLocked = true; });
        // The worker's own timeouts end every attempt; this only guards against a lost answer.
        QTimer::singleShot(env->connectTimeoutMs + 2 * timeoutMs + 5000, &loop, [&] {
            //: %1 = environment name
            error = Error::make(ErrorKind::Timeout, tr("No answer from %1 in time").arg(env->name));
            loop.quit();
        });
        poller.refresh();
        loop.exec();
    }
    poller.stop();
    if (!rows)
        return m_ctx.fail(error, vaultLocked ? ExitSecrets : ExitFailure);

    SessionFilterModel filter;
    filter.setHideSleeping(!p.isSet(allOpt));
    filter.setHideSystem(!p.isSet(allOpt));
    filter.setOwnConnectionIds({ ownId });
    filter.setMinimumTimeMs(minTimeMs);
    filter.setUserFilter(p.value(userOpt));
    QList<SessionRow> shown = filter.filtered(*rows);
    std::stable_sort(shown.begin(), shown.end(), [](const SessionRow &a, const SessionRow &b) {
        if (a.timeMs != b.timeMs)
            return a.timeMs > b.timeMs;
        return a.key() < b.key();
    });

    if (m_ctx.json()) {
        QJsonArray out;
        for (const SessionRow &s : std::as_const(shown))
            out.append(toJson(s));
        CliIo::outRaw(QJsonDocument(out).toJson(QJsonDocument::Compact) + '\n');
        return ExitOk;
    }
    const bool withInstance = poller.engine().engine == Engine::TiDB
        || std::any_of(shown.cbegin(), shown.cend(),
                       [](const SessionRow &s) { return !s.instance.isEmpty(); });
    const bool withMemory = std::any_of(shown.cbegin(), shown.cend(),
                                        [](const SessionRow &s) { return s.memBytes.has_value(); });
    QStringList header;
    if (withInstance)
        header << tr("INSTANCE");
    header << tr("ID") << tr("USER") << tr("HOST") << tr("DB") << tr("COMMAND") << tr("TIME")
           << tr("STATE");
    if (withMemory)
        header << tr("MEM");
    header << tr("STATEMENT");
    QList<QStringList> table;
    for (const SessionRow &s : std::as_const(shown)) {
        QStringList row;
        if (withInstance)
            row << s.instance;
        row << QString::number(s.id) << s.user << SessionFormat::oneLine(s.host, kHostChars)
            << (s.db.isEmpty() ? u"-"_s : s.db) << s.command << SessionFormat::duration(s.timeMs)
            << SessionFormat::oneLine(s.state, 24);
        if (withMemory)
            row << SessionFormat::bytes(s.memBytes);
        row << SessionFormat::oneLine(s.info, kStatementChars);
        table << row;
    }
    CliIo::out(CliIo::table(header, table));
    //: summary under the sessions table: %1 shown, %2 read in total, %3 environment
    CliIo::err(
        tr("%1 of %2 sessions of %3 shown").arg(shown.size()).arg(rows->size()).arg(env->name));
    return ExitOk;
}

} // namespace TiDesk::Cli
