// DigestClass: the statements of one SQL digest taken together (slow-query history "by digest"):
// how often, how long in total / on average / at worst, rows or keys examined, memory, when,
// a sample (the slowest statement seen), the TiDB plan when the source has one, and the schemas
// and users that ran it. Filled by DigestAggregator (from slow-log entries and slow-query rows)
// and by SlowQueryRows (from TiDB statements summaries). Plain value type: any thread.
#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace TiDesk {

struct DigestClass
{
    // Where `digest` came from: the server's own DIGEST (TiDB), or SqlDigest over the statement
    // text (MySQL/MariaDB rows and slow-log files: a "console digest", TiDB-compatible).
    enum class DigestSource { Server, Console };

    QString digest; // lowercase hex SHA-256 (64 chars) for TiDB and console digests
    DigestSource digestSource = DigestSource::Console;
    QString normalized; // DIGEST_TEXT (server) or SqlDigest::normalize of the sample

    qint64 count = 0;
    double totalSec = 0;
    double maxSec = 0;
    // Rows examined (MySQL/MariaDB) or processed keys (TiDB); -1 = no source row had it.
    qint64 rowsExamined = -1;
    qint64 rowsSent = -1; // rows sent / TiDB result rows, summed; -1 = unknown
    qint64 maxMemBytes = -1; // TiDB Mem_max / MAX_MEM; -1 = unknown
    QDateTime firstSeen; // UTC; invalid when no source row had a time
    QDateTime lastSeen;

    QString sample; // the slowest statement seen (summaries: QUERY_SAMPLE_TEXT)
    double sampleSec = -1; // its query time (-1: unknown, e.g. from a summary)
    QString plan; // TiDB plan (decoded text, or tidb_decode_plan('...') from a file)
    QString planDigest;

    // Distinct schemas and users, at most kMaxNames each (more are counted in the *Overflow).
    static constexpr int kMaxNames = 16;
    QStringList dbs;
    QStringList users;
    bool dbsOverflow = false;
    bool usersOverflow = false;

    [[nodiscard]] double avgSec() const { return count > 0 ? totalSec / double(count) : 0.0; }
    [[nodiscard]] static QString digestSourceName(DigestSource s)
    {
        return s == DigestSource::Server ? QStringLiteral("server") : QStringLiteral("console");
    }
};

} // namespace TiDesk

Q_DECLARE_METATYPE(TiDesk::DigestClass)
