#include "SlowCommands.h"

#include "SshConfig.h"
#include "cli/CliContext.h"
#include "inventory/InventoryStore.h"
#include "secrets/CredentialStore.h"
#include "secrets/SecretReader.h"
#include "slowsql/DigestCsv.h"
#include "slowsql/RemoteSlowLog.h"
#include "slowsql/SlowHistoryReader.h"
#include "slowsql/SlowLogDigest.h"
#include "slowsql/SqlDigest.h"
#include "tunnel/BastionConfig.h"
#include "tunnel/BastionTunnels.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace TiDesk::Cli {

namespace {

constexpr qint64 kDefaultMaxBytes = 64LL * 1024 * 1024;
constexpr qint64 kMaxSinceSec = 30LL * 86400; // a month of history per read, at most

QJsonValue orNull(qint64 v)
{
    return v >= 0 ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

QJsonValue stamp(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs))
                       : QJsonValue(QJsonValue::Null);
}

QString seconds(double s)
{
    return QString::number(s, 'f', s < 10 ? 3 : 1);
}

QString oneLine(QString text, int max)
{
    text.replace(u'\n', u' ');
    text.replace(u'\r', u' ');
    text.replace(u'\t', u' ');
    if (text.size() > max)
        text = text.left(max - 1) + u"\u2026"_s;
    return text;
}

QString sourceName(SlowHistorySource s)
{
    return s == SlowHistorySource::StatementsSummary ? u"statements_summary"_s : u"slow_query"_s;
}

} // namespace

std::optional<qint64> SlowCommands::parseDuration(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t.size() < 2)
        return std::nullopt;
    qint64 unit = 0;
    switch (t.back().unicode()) {
    case 's': unit = 1; break;
    case 'm': unit = 60; break;
    case 'h': unit = 3600; break;
    case 'd': unit = 86400; break;
    default: return std::nullopt;
    }
    bool ok = false;
    const qint64 n = t.left(t.size() - 1).toLongLong(&ok);
    if (!ok || n <= 0 || n > kMaxSinceSec / unit)
        return std::nullopt;
    return n * unit;
}

QJsonObject SlowCommands::classJson(const DigestClass &c)
{
    return QJsonObject { { u"digest"_s, c.digest },
                         { u"digest_source"_s, DigestClass::digestSourceName(c.digestSource) },
                         { u"normalized"_s, c.normalized },
                         { u"count"_s, c.count },
                         { u"total_s"_s, c.totalSec },
                         { u"avg_s"_s, c.avgSec() },
                         { u"max_s"_s, c.maxSec },
                         { u"rows_examined"_s, orNull(c.rowsExamined) },
                         { u"rows_sent"_s, orNull(c.rowsSent) },
                         { u"max_mem_bytes"_s, orNull(c.maxMemBytes) },
                         { u"first_seen"_s, stamp(c.firstSeen) },
                         { u"last_seen"_s, stamp(c.lastSeen) },
                         { u"dbs"_s, QJsonArray::fromStringList(c.dbs) },
                         { u"users"_s, QJsonArray::fromStringList(c.users) },
                         { u"sample"_s, c.sample },
                         { u"plan_digest"_s, c.planDigest },
                         { u"plan"_s, c.plan } };
}

void SlowCommands::printClasses(const QList<DigestClass> &classes)
{
    QList<QStringList> rows;
    int rank = 0;
    for (const DigestClass &c : classes) {
        rows.append({ QString::number(++rank), seconds(c.totalSec), QString::number(c.count),
                      seconds(c.avgSec()), seconds(c.maxSec),
                      c.rowsExamined >= 0 ? QString::number(c.rowsExamined) : u"-"_s,
                      c.digest.left(12), oneLine(c.normalized, 90) });
    }
    if (rows.isEmpty()) {
        CliIo::out(tr("No slow statements."));
        return;
    }
    CliIo::out(CliIo::table({ tr("#"), tr("TOTAL S"), tr("COUNT"), tr("AVG S"), tr("MAX S"),
                              tr("ROWS/KEYS"), tr("DIGEST"), tr("NORMALIZED") },
                            rows));
}

VoidResult SlowCommands::fillCredentials(const Environment &env, SlowHistoryRequest &request,
                                         int *exitCode)
{
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
    request.password = *password;
    password->fill(u'\0');
    if (env.ssh.enabled) {
        Result<QString> sshSecret = readOptionalSecret(*secrets, env.sshPassphraseSecretKey());
        if (!sshSecret) {
            *exitCode = ExitSecrets;
            return sshSecret.error();
        }
        request.route.sshSecret = *sshSecret;
        sshSecret->fill(u'\0');
    }
    request.route.router = m_ctx.app().services().tunnels;
    return {};
}

int SlowCommands::slow(const QStringList &args)
{
    QCommandLineParser p;
    p.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const QCommandLineOption sinceOpt(
        u"since"_s, tr("how far back: 90s, 30m, 1h (default), 24h, 7d"), u"duration"_s);
    const QCommandLineOption topOpt(u"top"_s,
                                    tr("show the N digests with the most total time "
                                       "(default 20; 0 = all)"),
                                    u"N"_s);
    const QCommandLineOption sourceOpt(
        u"source"_s,
        tr("slow (slow-query log, default) or summary (TiDB statements summary history)"),
        u"source"_s);
    const QCommandLineOption limitOpt(
        u"limit"_s, tr("read at most N slow statements, newest first (default 10000)"), u"N"_s);
    const QCommandLineOption csvOpt(u"csv"_s, tr("print CSV (RFC 4180) instead of a table"));
    const QCommandLineOption helpOpt(QStringList { u"h"_s, u"help"_s }, tr("show this help"));
    p.addOptions({ sinceOpt, topOpt, sourceOpt, limitOpt, csvOpt, helpOpt });
    const auto usage = [&](const QString &why) {
        return m_ctx.fail(Error::make(ErrorKind::InvalidInput, why), ExitUsage);
    };
    if (!p.parse(QStringList { u"tidesk-cli slow"_s } + args))
        return usage(p.errorText());
    if (p.isSet(helpOpt)) {
        CliIo::out(tr("Usage: tidesk-cli [global options] slow ENV [--since 1h] [--top N]\n"
                      "         [--source slow|summary] [--limit N] [--json] [--csv]\n"
                      "The environment's slow statements of the last --since, grouped by digest,\n"
                      "most total time first. Always bounded in time (at most 30 days)."));
        return ExitOk;
    }
    if (p.positionalArguments().size() != 1)
        return usage(tr("slow needs exactly one ENV"));
    const std::optional<qint64> since
        = parseDuration(p.isSet(sinceOpt) ? p.value(sinceOpt) : u"1h"_s);
    if (!since)
        return usage(tr("--since: use a positive duration of at most 30 days, e.g. 30m, 1h, 7d"));
    bool ok = true;
    const int top = p.isSet(topOpt) ? p.value(topOpt).toInt(&ok) : 20;
    if (!ok || top < 0)
        return usage(tr("--top: not a number >= 0"));
    const int limit = p.isSet(limitOpt) ? p.value(limitOpt).toInt(&ok) : 10000;
    if (!ok || limit <= 0)
        return usage(tr("--limit: not a positive number"));
    SlowHistorySource source = SlowHistorySource::SlowQueries;
    if (p.isSet(sourceOpt)) {
        if (p.value(sourceOpt) == u"summary")
            source = SlowHistorySource::StatementsSummary;
        else if (p.value(sourceOpt) != u"slow")
            return usage(tr("--source must be slow or summary"));
    }
    if (const VoidResult opened = m_ctx.open(); !opened)
        return m_ctx.fail(opened.error(), ExitInvalidInput);
    const CoreServices services = m_ctx.app().services();
    const Result<Environment> env = services.inventory->findByName(p.positionalArguments().first());
    if (!env)
        return m_ctx.fail(env.error(), ExitInvalidInput);

    SlowHistoryRequest request;
    request.environment = *env;
    request.dialectOptions.catalogSchema = services.tidbCatalogSchema;
    request.source = source;
    request.toUtc = QDateTime::currentDateTimeUtc();
    request.fromUtc = request.toUtc.addSecs(-*since);
    request.rowLimit = limit;
    int exitCode = ExitFailure;
    if (const VoidResult filled = fillCredentials(*env, request, &exitCode); !filled)
        return m_ctx.fail(filled.error(), exitCode);
    QFuture<Result<SlowHistory>> future
        = QtConcurrent::run(services.pool, [request, log = services.activityLog] {
              return readSlowHistory(request, log);
          });
    request.password.fill(u'\0');
    request.route.sshSecret.fill(u'\0');
    const Result<SlowHistory> history = future.result();
    if (!history)
        return m_ctx.fail(history.error(),
                          history.error().kind == ErrorKind::Unsupported ? ExitUsage : ExitFailure);
    const QList<DigestClass> shown = top > 0 ? history->classes.mid(0, top) : history->classes;

    if (p.isSet(csvOpt)) {
        CliIo::outRaw(DigestCsv::toCsv(shown));
        return ExitOk;
    }
    if (m_ctx.json()) {
        QJsonArray classes;
        for (const DigestClass &c : shown)
            classes.append(classJson(c));
        const QJsonObject out { { u"env"_s, env->name },
                                { u"engine"_s, EngineInfo::engineName(history->engine.engine) },
                                { u"source"_s, sourceName(history->source) },
                                { u"from"_s, stamp(history->fromUtc) },
                                { u"to"_s, stamp(history->toUtc) },
                                { u"rows_read"_s, history->rowsRead },
                                { u"row_limit"_s, limit },
                                { u"row_limit_hit"_s, history->rowLimitHit },
                                { u"statement"_s, history->statement },
                                { u"class_count"_s, qint64(history->classes.size()) },
                                { u"classes"_s, classes } };
        CliIo::outRaw(QJsonDocument(out).toJson(QJsonDocument::Compact) + '\n');
        return ExitOk;
    }
    //: %1 = env, %2 = engine, %3/%4 = UTC times, %5 = rows, %6 = digests
    CliIo::out(tr("%1 (%2): slow statements from %3 to %4 UTC: %5 read, %6 digests")
                   .arg(env->name, EngineInfo::engineDisplayName(history->engine.engine),
                        history->fromUtc.toString(Qt::ISODate),
                        history->toUtc.toString(Qt::ISODate))
                   .arg(history->rowsRead)
                   .arg(history->classes.size()));
    if (history->rowLimitHit)
        CliIo::out(tr("Only the newest %1 statements were read (--limit); older ones in the range "
                      "are not counted.")
                       .arg(limit));
    printClasses(shown);
    return ExitOk;
}

int SlowCommands::slowlog(const QStringList &args)
{
    if (args.isEmpty() || args.first() == u"--help" || args.first() == u"-h") {
        CliIo::out(tr("Usage: tidesk-cli [global options] slowlog digest FILE [--env ENV]\n"
                      "         [--max-bytes N] [--top N] [--json] [--csv]"));
        return args.isEmpty() ? ExitUsage : ExitOk;
    }
    if (args.first() == u"digest")
        return slowlogDigest(args.mid(1));
    return m_ctx.fail(
        Error::make(ErrorKind::InvalidInput,
                    tr("unknown slowlog command '%1' (try: slowlog digest)").arg(args.first())),
        ExitUsage);
}

int SlowCommands::slowlogDigest(const QStringList &args)
{
    QCommandLineParser p;
    p.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const QCommandLineOption envOpt(
        u"env"_s, tr("read FILE on this environment's SSH host (its bastion settings)"), u"ENV"_s);
    const QCommandLineOption maxBytesOpt(
        u"max-bytes"_s,
        tr("read only the last N bytes of FILE (default: all of a local file, 64 MiB over SSH)"),
        u"N"_s);
    const QCommandLineOption topOpt(u"top"_s,
                                    tr("show the N digests with the most total time "
                                       "(default 20; 0 = all)"),
                                    u"N"_s);
    const QCommandLineOption csvOpt(u"csv"_s, tr("print CSV (RFC 4180) instead of a table"));
    const QCommandLineOption helpOpt(QStringList { u"h"_s, u"help"_s }, tr("show this help"));
    p.addOptions({ envOpt, maxBytesOpt, topOpt, csvOpt, helpOpt });
    const auto usage = [&](const QString &why) {
        return m_ctx.fail(Error::make(ErrorKind::InvalidInput, why), ExitUsage);
    };
    if (!p.parse(QStringList { u"tidesk-cli slowlog digest"_s } + args))
        return usage(p.errorText());
    if (p.isSet(helpOpt)) {
        CliIo::out(tr("Usage: tidesk-cli [global options] slowlog digest FILE [--env ENV]\n"
                      "         [--max-bytes N] [--top N] [--json] [--csv]\n"
                      "A TiDB, MySQL or MariaDB slow-log file grouped by digest, most total time\n"
                      "first. With --env, FILE is read over SSH on the environment's bastion host\n"
                      "(tail -c: only the last --max-bytes, default 64 MiB)."));
        return ExitOk;
    }
    if (p.positionalArguments().size() != 1)
        return usage(tr("slowlog digest needs exactly one FILE"));
    const QString path = p.positionalArguments().first();
    bool ok = true;
    const int top = p.isSet(topOpt) ? p.value(topOpt).toInt(&ok) : 20;
    if (!ok || top < 0)
        return usage(tr("--top: not a number >= 0"));
    qint64 maxBytes = p.isSet(envOpt) ? kDefaultMaxBytes : 0;
    if (p.isSet(maxBytesOpt)) {
        maxBytes = p.value(maxBytesOpt).toLongLong(&ok);
        if (!ok || maxBytes <= 0)
            return usage(tr("--max-bytes: not a positive number"));
    }

    SlowLogDigest digest;
    if (p.isSet(envOpt)) {
        if (const VoidResult opened = m_ctx.open(); !opened)
            return m_ctx.fail(opened.error(), ExitInvalidInput);
        const Result<Environment> env
            = m_ctx.app().services().inventory->findByName(p.value(envOpt));
        if (!env)
            return m_ctx.fail(env.error(), ExitInvalidInput);
        if (!env->ssh.enabled || env->ssh.host.trimmed().isEmpty())
            return m_ctx.fail(Error::make(ErrorKind::InvalidInput,
                                          tr("%1 has no SSH host to read the file on (set its SSH "
                                             "bastion in the inventory)")
                                              .arg(env->name)),
                              ExitInvalidInput);
        const Result<CredentialStore *> secrets = m_ctx.secrets();
        if (!secrets)
            return m_ctx.fail(secrets.error(), ExitSecrets);
        Result<QString> sshSecret = readOptionalSecret(*secrets, env->sshPassphraseSecretKey());
        if (!sshSecret)
            return m_ctx.fail(sshSecret.error(), ExitSecrets);
        const Result<SshConfig> config = SshConfig::load(SshConfig::defaultPath());
        if (!config)
            return m_ctx.fail(config.error(), ExitInvalidInput);
        const BastionConfig::Resolved resolved = BastionConfig::resolve(
            env->ssh, *sshSecret, *config,
            m_ctx.options().acceptNewHostKey ? HostKeyPolicy::AcceptNew : HostKeyPolicy::Strict,
            env->connectTimeoutMs);
        sshSecret->fill(u'\0');
        RemoteSlowLog remote(resolved.options, path, maxBytes, &digest);
        std::optional<Error> result;
        QEventLoop loop;
        QObject::connect(&remote, &RemoteSlowLog::done, &loop, [&](const Error &e) {
            result = e;
            loop.quit();
        });
        remote.start();
        if (!result)
            loop.exec();
        if (result->isError()) {
            const ErrorKind k = result->kind;
            return m_ctx.fail(*result,
                              k == ErrorKind::NotFound || k == ErrorKind::Io ? ExitInvalidInput
                                                                             : ExitFailure);
        }
    } else if (path == u"-") {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return m_ctx.fail(Error::make(ErrorKind::Io, tr("Cannot read standard input")),
                              ExitInvalidInput);
        digest.source().path = path;
        QByteArray chunk(1024 * 1024, Qt::Uninitialized);
        for (qint64 n; (n = in.read(chunk.data(), chunk.size())) > 0;)
            digest.feed(QByteArrayView(chunk.constData(), n));
        digest.finish();
    } else if (const VoidResult read = digest.digestFile(path, maxBytes); !read) {
        return m_ctx.fail(read.error(), ExitInvalidInput);
    }
    if (const VoidResult checked = digest.check(); !checked)
        return m_ctx.fail(checked.error(), ExitInvalidInput);

    const DigestAggregator &agg = digest.aggregator();
    const QList<DigestClass> shown = agg.top(top);
    const SlowLogParser::Stats &st = digest.stats();
    const SlowLogDigest::Source &src = digest.source();
    if (p.isSet(csvOpt)) {
        CliIo::outRaw(DigestCsv::toCsv(shown));
        return ExitOk;
    }
    if (m_ctx.json()) {
        QJsonArray classes;
        for (const DigestClass &c : shown)
            classes.append(classJson(c));
        const QJsonObject stats { { u"entries"_s, st.entries },
                                  { u"malformed"_s, st.malformed },
                                  { u"lines"_s, st.lines },
                                  { u"banner_lines"_s, st.bannerLines },
                                  { u"bytes"_s, st.bytes } };
        const QJsonObject source {
            { u"path"_s, src.path },
            { u"host"_s, src.host.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(src.host) },
            { u"file_bytes"_s, orNull(src.fileBytes) },
            { u"bytes_read"_s, src.bytesRead },
            { u"max_bytes"_s, src.maxBytes },
            { u"truncated"_s, src.truncated() }
        };
        const QJsonObject out { { u"source"_s, source },
                                { u"format"_s, SlowLogDigest::formatName(digest.format()) },
                                { u"stats"_s, stats },
                                { u"class_count"_s, qint64(agg.classCount()) },
                                { u"classes"_s, classes } };
        CliIo::outRaw(QJsonDocument(out).toJson(QJsonDocument::Compact) + '\n');
        return ExitOk;
    }
    const QString where = src.host.isEmpty() ? src.path : src.host + u':' + src.path;
    //: %1 = file, %2 = format, %3 = entries, %4 = malformed entries, %5 = digests
    CliIo::out(tr("%1 (%2 format): %3 entries, %4 malformed skipped, %5 digests")
                   .arg(where, SlowLogDigest::formatName(digest.format()))
                   .arg(st.entries)
                   .arg(st.malformed)
                   .arg(agg.classCount()));
    if (src.truncated())
        //: %1/%2 = bytes
        CliIo::out(tr("Read the last %1 of %2 bytes (--max-bytes); older entries are not counted.")
                       .arg(src.bytesRead)
                       .arg(src.fileBytes));
    printClasses(shown);
    return ExitOk;
}

int SlowCommands::digest(const QStringList &args)
{
    QStringList sqlParts;
    bool literal = false;
    for (const QString &a : args) {
        if (!literal && a == u"--") {
            literal = true;
        } else if (!literal && (a == u"--help" || a == u"-h")) {
            CliIo::out(tr("Usage: tidesk-cli [global options] digest [--json] SQL\n"
                          "The TiDB-compatible normalized text and digest (SHA-256) of SQL;\n"
                          "SQL \"-\" reads it from standard input."));
            return ExitOk;
        } else {
            sqlParts << a;
        }
    }
    if (sqlParts.size() != 1)
        return m_ctx.fail(Error::make(ErrorKind::InvalidInput,
                                      tr("digest needs exactly one SQL argument (quote it)")),
                          ExitUsage);
    QString sql = sqlParts.first();
    if (sql == u"-") {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return m_ctx.fail(Error::make(ErrorKind::Io, tr("Cannot read standard input")),
                              ExitInvalidInput);
        sql = QString::fromUtf8(in.readAll());
    }
    const QString normalized = SqlDigest::normalize(sql);
    const QString digest = SqlDigest::digestOfNormalized(normalized);
    if (m_ctx.json()) {
        const QJsonObject out { { u"normalized"_s, normalized }, { u"digest"_s, digest } };
        CliIo::outRaw(QJsonDocument(out).toJson(QJsonDocument::Compact) + '\n');
        return ExitOk;
    }
    CliIo::out(normalized);
    CliIo::out(digest);
    return ExitOk;
}

} // namespace TiDesk::Cli
