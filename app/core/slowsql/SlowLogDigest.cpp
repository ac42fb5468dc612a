#include "SlowLogDigest.h"

#include <QFile>
#include <QFileInfo>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {
constexpr qint64 kChunkBytes = 1024 * 1024;
constexpr qsizetype kBatchEntries = 512;
constexpr std::size_t kMaxBatches = 8;
} // namespace

SlowLogDigest::SlowLogDigest() = default;

QString SlowLogDigest::formatName(SlowLogFormat format)
{
    switch (format) {
    case SlowLogFormat::TiDB: return u"tidb"_s;
    case SlowLogFormat::MySQL: return u"mysql"_s;
    case SlowLogFormat::MariaDB: return u"mariadb"_s;
    case SlowLogFormat::Unknown: break;
    }
    return u"unknown"_s;
}

void SlowLogDigest::drain()
{
    while (std::optional<SlowLogEntry> e = m_parser.next())
        m_aggregator.add(*e);
}

void SlowLogDigest::feed(QByteArrayView bytes)
{
    m_source.bytesRead += bytes.size();
    m_parser.feed(bytes);
    drain();
}

void SlowLogDigest::finish()
{
    m_parser.finish();
    drain();
}

VoidResult SlowLogDigest::digestFile(const QString &path, qint64 maxBytes)
{
    m_source.path = path;
    m_source.maxBytes = qMax<qint64>(0, maxBytes);
    const QFileInfo info(path);
    if (!info.exists())
        return Error::make(ErrorKind::NotFound, tr("No such file: %1").arg(path));
    if (info.isDir())
        return Error::make(ErrorKind::Io, tr("%1 is a directory, not a slow-log file").arg(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (file.error() == QFileDevice::PermissionsError)
            return Error::make(ErrorKind::Io, tr("Permission denied: %1").arg(path),
                               file.errorString());
        return Error::make(ErrorKind::Io, tr("Cannot open %1: %2").arg(path, file.errorString()));
    }
    m_source.fileBytes = file.size();
    if (m_source.maxBytes > 0 && file.size() > m_source.maxBytes && !file.isSequential()) {
        if (!file.seek(file.size() - m_source.maxBytes))
            return Error::make(ErrorKind::Io,
                               tr("Cannot read %1: %2").arg(path, file.errorString()));
    }
    // Two stages: this thread aggregates while a helper thread reads and parses, handing over
    // batches of entries through a short queue (at most kMaxBatches x kBatchEntries entries in
    // flight, so memory stays bounded). The parser is touched only by the helper until join().
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<QList<SlowLogEntry>> queue;
    bool producerDone = false;
    Error readError;
    std::thread producer([&] {
        QList<SlowLogEntry> batch;
        batch.reserve(kBatchEntries);
        const auto hand = [&] {
            std::unique_lock lock(mutex);
            changed.wait(lock, [&] { return queue.size() < kMaxBatches; });
            queue.push_back(std::move(batch));
            batch = QList<SlowLogEntry>();
            batch.reserve(kBatchEntries);
            changed.notify_all();
        };
        const auto collect = [&] {
            while (std::optional<SlowLogEntry> e = m_parser.next()) {
                batch.append(std::move(*e));
                if (batch.size() >= kBatchEntries)
                    hand();
            }
        };
        QByteArray chunk(kChunkBytes, Qt::Uninitialized);
        for (;;) {
            qint64 want = kChunkBytes;
            if (m_source.maxBytes > 0)
                want = qMin(want, m_source.maxBytes - m_source.bytesRead);
            if (want <= 0)
                break;
            const qint64 n = file.read(chunk.data(), want);
            if (n < 0) {
                readError = Error::make(ErrorKind::Io,
                                        tr("Cannot read %1: %2").arg(path, file.errorString()));
                break;
            }
            if (n == 0)
                break;
            m_source.bytesRead += n;
            m_parser.feed(QByteArrayView(chunk.constData(), n));
            collect();
        }
        m_parser.finish();
        collect();
        std::unique_lock lock(mutex);
        if (!batch.isEmpty())
            queue.push_back(std::move(batch));
        producerDone = true;
        changed.notify_all();
    });
    for (;;) {
        QList<SlowLogEntry> batch;
        {
            std::unique_lock lock(mutex);
            changed.wait(lock, [&] { return !queue.empty() || producerDone; });
            if (queue.empty())
                break;
            batch = std::move(queue.front());
            queue.pop_front();
            changed.notify_all();
        }
        for (const SlowLogEntry &e : std::as_const(batch))
            m_aggregator.add(e);
    }
    producer.join();
    if (readError.isError())
        return readError;
    return {};
}

VoidResult SlowLogDigest::check() const
{
    const SlowLogParser::Stats &s = m_parser.stats();
    // Blank lines and a server banner alone are an empty log, not a wrong file.
    if (s.entries == 0 && s.malformed > 0) {
        //: %1 = file, %2 = number of lines
        Error e = Error::make(
            ErrorKind::InvalidInput,
            tr("%1 does not look like a slow-query log: none of its %2 lines is a TiDB, MySQL or "
               "MariaDB slow-log entry")
                .arg(m_source.path)
                .arg(s.lines));
        if (!s.firstIssues.isEmpty())
            e.detail = tr("first problem at line %1").arg(s.firstIssues.first().lineNumber);
        return e;
    }
    return {};
}

} // namespace TiDesk
