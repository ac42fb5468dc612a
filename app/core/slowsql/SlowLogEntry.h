// SlowLogEntry: one statement read from a slow-query log file (TiDB, MySQL or MariaDB), as a plain
// value. Fields a format does not write stay empty (std::nullopt / null QString). Produced by
// SlowLogParser; a value type, so any thread.
#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace TiDesk {

enum class SlowLogFormat { Unknown, TiDB, MySQL, MariaDB };

struct SlowLogEntry
{
    SlowLogFormat format = SlowLogFormat::Unknown;

    // `# Time:` in UTC (millisecond precision). A MySQL/MariaDB entry without its own `# Time:`
    // line (older servers write it only when the second changes) keeps the previous one; one
    // without any falls back to its `SET timestamp=` line.
    QDateTime time;
    QString user; // the name before `[` in `# User@Host: user[user] @ host [ip]`
    QString host; // the host name, or the IP when the host part is empty
    QString db; // TiDB `DB:`, MariaDB `Schema:`, or the last `use db;` line of the file

    std::optional<double> queryTimeSec;
    std::optional<double> lockTimeSec;
    std::optional<qint64> rowsSent; // MySQL/MariaDB `Rows_sent`, TiDB `Result_rows`
    std::optional<qint64> rowsExamined;
    std::optional<qint64> rowsAffected; // MariaDB

    // TiDB `Conn_ID`, MySQL `Id:` on the User@Host line, MariaDB `Thread_id`.
    std::optional<quint64> connectionId;

    // TiDB extras.
    std::optional<quint64> txnStartTs;
    std::optional<qint64> processKeys;
    std::optional<qint64> totalKeys;
    std::optional<qint64> memMaxBytes;
    std::optional<qint64> diskMaxBytes;
    QString digest;
    QString planDigest;
    QString plan; // the value as written, e.g. `tidb_decode_plan('...')`
    std::optional<bool> succ;
    std::optional<bool> isInternal;

    // The statement as written (lines joined with '\n', ending `;` as in the file), without the
    // `use db;` / `SET timestamp=...;` lines in front of it. Invalid UTF-8 becomes U+FFFD.
    QString sql;

    qint64 byteOffset = 0; // where the entry's first line starts in the input
    qint64 lineNumber = 0; // 1-based line number of that line
};

} // namespace TiDesk
