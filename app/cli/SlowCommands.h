// SlowCommands: slow-query history on the command line (issue 5).
//  - `tidesk-cli slow ENV [--since 1h] [--top N] [--source slow|summary] [--limit N] [--json]
//    [--csv]`: the environment's slow statements of the last --since, grouped by digest and
//    sorted by total time (TiDB CLUSTER_SLOW_QUERY or, with --source summary,
//    CLUSTER_STATEMENTS_SUMMARY_HISTORY; MySQL/MariaDB mysql.slow_log). Always time-bounded.
//  - `tidesk-cli slowlog digest FILE [--env ENV] [--max-bytes N] [--top N] [--json] [--csv]`:
//    a slow-log file (TiDB, MySQL or MariaDB format) grouped by digest, read locally or, with
//    --env, on the environment's SSH host (only the last --max-bytes, default 64 MiB, are read);
//    prints parse statistics (entries, malformed entries skipped).
//  - `tidesk-cli digest [--json] SQL` (SQL "-" reads standard input): the TiDB-compatible
//    normalized text and digest.
// Exit status: 0 done, 1 the server or SSH failed, 2 usage, 3 unknown environment / missing or
// unreadable file / not a slow log, 4 secrets.
// Main thread; server reads run on the pool and SSH on the event loop, waited for here (a CLI has
// no GUI to keep alive).
#pragma once

#include "common/Result.h"
#include "slowsql/DigestClass.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

namespace TiDesk {
struct Environment;
struct SlowHistoryRequest;
} // namespace TiDesk

namespace TiDesk::Cli {

class CliContext;

class SlowCommands final
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::Cli::SlowCommands)
public:
    explicit SlowCommands(CliContext &context)
        : m_ctx(context)
    { }

    int slow(const QStringList &args); // args after "slow"
    int slowlog(const QStringList &args); // args after "slowlog"
    int digest(const QStringList &args); // args after "digest"

    // "90s", "30m", "1h", "7d" -> seconds; nullopt when unparseable or not positive.
    [[nodiscard]] static std::optional<qint64> parseDuration(const QString &text);
    [[nodiscard]] static QJsonObject classJson(const DigestClass &cls);

private:
    int slowlogDigest(const QStringList &args);
    // Password and SSH route of env from the credential store; *exitCode set on failure.
    [[nodiscard]] VoidResult fillCredentials(const Environment &env, SlowHistoryRequest &request,
                                             int *exitCode);
    void printClasses(const QList<DigestClass> &classes);

    CliContext &m_ctx;
};

} // namespace TiDesk::Cli
