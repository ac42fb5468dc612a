// SlowLogParser: a streaming reader of slow-query log files in TiDB, MySQL 5.6-8.x and MariaDB
// format (tidb-reference §5). Bytes come in by feed() or are pulled from a QIODevice by read();
// entries come out one at a time. Only the unconsumed tail of the input and the entry being built
// are held, so memory does not grow with the file (heldBytes() reports it). Malformed entries and
// garbage lines are skipped and counted in stats(), never fatal. Not thread-safe: one instance per
// file, used on one worker thread (never the GUI thread when reading files).
#pragma once

#include "slowsql/SlowLogEntry.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <optional>

class QIODevice;

namespace TiDesk {

class SlowLogParser
{
public:
    enum class Problem {
        Garbage, // lines outside any entry that are neither headers nor a server banner
        NoStatement, // header lines with no SQL after them
        Unterminated, // SQL whose last line does not end in ';' before the next entry
        BadTime, // no usable time (missing or unparseable `# Time:`)
        BadField, // Query_time / Lock_time / Rows_* value that is not a number
        TooLarge, // an entry or a line over maxEntryBytes(); dropped up to the next entry
        TruncatedAtEnd, // the input ended inside an entry (a log still being written)
    };
    struct Issue
    {
        qint64 lineNumber = 0;
        Problem problem = Problem::Garbage;
    };
    struct Stats
    {
        qint64 entries = 0; // entries returned
        qint64 malformed = 0; // entries / garbage blocks skipped
        qint64 bannerLines = 0; // mysqld start-up banner lines (not malformed)
        qint64 lines = 0;
        qint64 bytes = 0;
        QList<Issue> firstIssues; // the first kMaxIssues skipped ones, in file order
    };
    static constexpr int kMaxIssues = 20;

    SlowLogParser();

    // Forms without a UTC offset (MariaDB `240514  9:21:33`, MySQL without `Z`) are in the
    // server's local time; this is its offset from UTC. Default 0.
    void setAssumedUtcOffsetSeconds(int seconds) { m_assumedOffsetSec = seconds; }
    // Entries (and lines) larger than this are skipped as TooLarge. Default 64 MiB.
    void setMaxEntryBytes(qint64 bytes) { m_maxEntryBytes = bytes; }
    qint64 maxEntryBytes() const { return m_maxEntryBytes; }

    // Push mode: feed() any chunk, then call next() until it returns nothing; after the last
    // chunk call finish() and drain next() again.
    void feed(QByteArrayView bytes);
    void finish();
    std::optional<SlowLogEntry> next();

    // Pull mode: reads chunks of chunkBytes from device until an entry is complete; nothing means
    // the device is exhausted (finish() is called for you).
    std::optional<SlowLogEntry> read(QIODevice &device, qint64 chunkBytes = 64 * 1024);

    bool atEnd() const { return m_finished && m_pos >= m_buf.size() && !m_inEntry; }
    // The format of the first entry that could tell (Unknown until then).
    SlowLogFormat format() const { return m_format; }
    const Stats &stats() const { return m_stats; }
    // Bytes the parser holds now: unconsumed input plus the entry being built.
    qint64 heldBytes() const;

private:
    enum class State { Headers, Sql };

    void processLine(QByteArrayView line, qint64 lineNo, qint64 offset);
    void startEntry(qint64 lineNo, qint64 offset);
    void closeEntry(bool atEof);
    void parseHeader(QByteArrayView body);
    void setField(QByteArrayView key, QByteArrayView value);
    void appendSqlLine(QByteArrayView line, qint64 lineNo);
    void addIssue(qint64 lineNo, Problem problem);
    QDateTime parseTime(QByteArrayView text);

    QByteArray m_buf; // input not yet consumed (from m_pos)
    qsizetype m_pos = 0; // start of the next line in m_buf
    qsizetype m_scanFrom = 0; // where the search for '\n' resumes
    qint64 m_lineNo = 0; // lines consumed
    qint64 m_offset = 0; // input offset of m_buf[m_pos]
    bool m_finished = false;
    bool m_discardingLine = false; // inside an over-long line, dropping it up to its '\n'
    int m_assumedOffsetSec = 0;
    qint64 m_maxEntryBytes = 64LL * 1024 * 1024;

    // The entry being built.
    bool m_inEntry = false;
    bool m_entryBad = false; // over-long; swallow lines until the next entry header
    State m_state = State::Headers;
    SlowLogEntry m_cur;
    bool m_hasOwnTime = false;
    bool m_hasUserHost = false;
    bool m_timeBad = false;
    bool m_fieldBad = false;
    unsigned m_hints = 0; // SlowLogParser.cpp's Hint bits for the entry being built
    QByteArray m_sql;
    qsizetype m_sqlTerminatedLen = -1; // m_sql length up to the last line ending in ';'
    qint64 m_firstLineAfterTerminated = 0;
    bool m_nonBlankAfterTerminated = false;
    std::optional<qint64> m_setTimestamp;
    qint64 m_entryBytes = 0;

    // Carried from entry to entry.
    QDateTime m_lastTime;
    QString m_lastUseDb;
    bool m_inGarbage = false;
    SlowLogFormat m_format = SlowLogFormat::Unknown;

    std::optional<SlowLogEntry> m_ready;
    Stats m_stats;
};

} // namespace TiDesk
