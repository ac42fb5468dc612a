#include "SlowLogDigest.h"

#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {
constexpr qint64 kChunkBytes = 1024 * 1024;
}

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
    QByteArray chunk(kChunkBytes, Qt::Uninitialized);
    for (;;) {
        qint64 want = kChunkBytes;
        if (m_source.maxBytes > 0)
            want = qMin(want, m_source.maxBytes - m_source.bytesRead);
        if (want <= 0)
            break;
        const qint64 n = file.read(chunk.data(), want);
        if (n < 0)
            return Error::make(ErrorKind::Io,
                               tr("Cannot read %1: %2").arg(path, file.errorString()));
        if (n == 0)
            break;
        feed(QByteArrayView(chunk.constData(), n));
    }
    finish();
    return {};
}

VoidResult SlowLogDigest::check() const
{
    const SlowLogParser::Stats &s = m_parser.stats();
    if (s.entries == 0 && s.bytes > 0 && (s.malformed > 0 || s.lines > s.bannerLines)) {
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
