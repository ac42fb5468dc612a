// SlowLogDigest: one slow-log file (or the tail of one) digested into classes: bytes go through
// a SlowLogParser into a DigestAggregator as they arrive, so neither the file nor its entries
// are ever held whole (memory: the parser's current entry + one DigestClass per digest).
// Bytes come from a local file (digestFile, optionally only its last maxBytes) or are pushed in
// by a caller that streams them (feed/finish: RemoteSlowLog over SSH).
// check() turns "nothing in it was a slow-log entry" into a clear error instead of an empty
// report. Not thread-safe: one instance per file, on one worker thread (never the GUI thread for
// a local file: reading blocks). digestFile() itself runs the reading and parsing on a helper
// thread of its own while the calling thread aggregates (a two-stage pipeline; it returns after
// joining it).
#pragma once

#include "common/Result.h"
#include "slowsql/DigestAggregator.h"
#include "slowsql/SlowLogParser.h"

#include <QCoreApplication>
#include <QString>

namespace TiDesk {

class SlowLogDigest
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::SlowLogDigest)
public:
    // Where the bytes came from and how much of the file was read.
    struct Source
    {
        QString path; // as given (local path, or the remote path)
        QString host; // remote: "user@host:port"; empty for a local file
        qint64 fileBytes = -1; // size of the whole file; -1 unknown
        qint64 bytesRead = 0;
        qint64 maxBytes = 0; // the cap asked for; 0 = whole file
        // Only the last maxBytes were read: the first entry is usually cut (counted malformed).
        [[nodiscard]] bool truncated() const { return fileBytes >= 0 && bytesRead < fileBytes; }
    };

    SlowLogDigest();

    // Push mode.
    void feed(QByteArrayView bytes);
    void finish();

    // Reads a local file through the parser; maxBytes > 0 reads only its last maxBytes.
    // Errors: NotFound (no such file), Io (a directory, permission denied, read error).
    [[nodiscard]] VoidResult digestFile(const QString &path, qint64 maxBytes = 0);

    // InvalidInput when input was read but none of it was a slow-log entry.
    [[nodiscard]] VoidResult check() const;

    [[nodiscard]] const SlowLogParser::Stats &stats() const { return m_parser.stats(); }
    [[nodiscard]] SlowLogFormat format() const { return m_parser.format(); }
    [[nodiscard]] const DigestAggregator &aggregator() const { return m_aggregator; }
    [[nodiscard]] Source &source() { return m_source; }
    [[nodiscard]] const Source &source() const { return m_source; }

    [[nodiscard]] static QString formatName(SlowLogFormat format);

private:
    void drain();

    SlowLogParser m_parser;
    DigestAggregator m_aggregator;
    Source m_source;
};

} // namespace TiDesk
