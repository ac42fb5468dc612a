#include "AuditLogChain.h"

#include "common/Crypto.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QSaveFile>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

constexpr auto kGenesis = "TiDesk expert-session audit log v1\n";
constexpr qsizetype kMaxSummaryChars = 4000;

QByteArray canonical(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString contentHash(QJsonObject o)
{
    o.remove(u"hash"_s);
    return Crypto::sha256Hex(canonical(o));
}

struct FileState
{
    bool ok = false;
    qint64 size = 0;
    quint64 inode = 0;
    quint64 device = 0;
    qint64 ctimeNs = 0;
};

FileState statFile(const QString &path)
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return {};
    FileState s;
    s.ok = true;
    s.size = qint64(st.st_size);
    s.inode = quint64(st.st_ino);
    s.device = quint64(st.st_dev);
#ifdef Q_OS_MACOS
    s.ctimeNs = qint64(st.st_ctimespec.tv_sec) * 1000000000 + st.st_ctimespec.tv_nsec;
#else
    s.ctimeNs = qint64(st.st_ctim.tv_sec) * 1000000000 + st.st_ctim.tv_nsec;
#endif
    return s;
}

} // namespace

QString AuditVerification::problemName(Problem problem)
{
    switch (problem) {
    case Problem::None: return u"ok"_s;
    case Problem::Unreadable: return u"unreadable"_s;
    case Problem::NotJson: return u"not-json"_s;
    case Problem::Edited: return u"edited"_s;
    case Problem::Deleted: return u"deleted"_s;
    case Problem::Reordered: return u"reordered"_s;
    case Problem::Inserted: return u"inserted"_s;
    case Problem::Truncated: return u"truncated"_s;
    case Problem::HeadMismatch: return u"head-mismatch"_s;
    }
    return {};
}

QString AuditLogChain::kindName(AuditKind kind)
{
    switch (kind) {
    case AuditKind::Message: return u"message"_s;
    case AuditKind::Proposal: return u"proposal"_s;
    case AuditKind::Decision: return u"decision"_s;
    case AuditKind::Result: return u"result"_s;
    case AuditKind::Chat: return u"chat"_s;
    case AuditKind::System: return u"system"_s;
    }
    return {};
}

QString AuditLogChain::genesisHash(const QString &sessionId)
{
    return Crypto::sha256Hex(QByteArray(kGenesis) + sessionId.toUtf8());
}

AuditLogChain::AuditLogChain(QString path, QString sessionId)
    : m_path(std::move(path))
    , m_sessionId(std::move(sessionId))
    , m_head(genesisHash(m_sessionId))
{ }

AuditLogChain::~AuditLogChain() = default;

Result<std::unique_ptr<AuditLogChain>> AuditLogChain::open(const QString &path,
                                                           const QString &sessionId)
{
    if (sessionId.isEmpty())
        return Error::make(ErrorKind::InvalidInput, tr("An audit log needs a session id."));
    std::unique_ptr<AuditLogChain> log(new AuditLogChain(path, sessionId));
    QFile f(path);
    if (f.exists()) {
        if (!f.open(QIODevice::ReadOnly))
            return Error::make(ErrorKind::Io, tr("Cannot read the audit log %1.").arg(path),
                               f.errorString());
        const QByteArray bytes = f.readAll();
        f.close();
        const AuditVerification v = verifyBytes(bytes);
        if (!v.ok)
            //: %1 = file, %2 = line number, %3 = why
            return Error::make(ErrorKind::InvalidInput,
                               tr("The audit log %1 is broken at line %2: %3 TiDesk will not "
                                  "continue it.")
                                   .arg(path)
                                   .arg(v.brokenLine)
                                   .arg(v.reason));
        if (v.lines > 0 && v.sessionId != sessionId)
            return Error::make(ErrorKind::InvalidInput,
                               tr("The audit log %1 belongs to another session.").arg(path));
        if (v.lines > 0) {
            const qsizetype start = bytes.lastIndexOf('\n', bytes.size() - 2) + 1;
            log->m_lastLine = bytes.mid(start, bytes.size() - 1 - start);
            log->m_seq = v.lines;
            log->m_head = v.headHash;
            log->recordFileState();
            return log;
        }
    }
    log->recordFileState();
    auto first = log->append(AuditKind::System, u"tidesk"_s, u"session log opened"_s);
    if (!first.ok())
        return first.error();
    return log;
}

qint64 AuditLogChain::lastSeq() const
{
    QMutexLocker lock(&m_mutex);
    return m_seq;
}

QString AuditLogChain::headHash() const
{
    QMutexLocker lock(&m_mutex);
    return m_head;
}

Result<qint64> AuditLogChain::append(AuditKind kind, const QString &actor, const QString &summary)
{
    return write(kind, actor, summary, nullptr);
}

Result<qint64> AuditLogChain::appendWithDetail(AuditKind kind, const QString &actor,
                                               const QString &summary, const QJsonObject &detail)
{
    return write(kind, actor, summary, &detail);
}

void AuditLogChain::recordFileState()
{
    const FileState s = statFile(m_path);
    m_size = s.ok ? s.size : 0;
    m_inode = s.inode;
    m_device = s.device;
    m_ctimeNs = s.ctimeNs;
}

VoidResult AuditLogChain::checkUnchanged() const
{
    const FileState s = statFile(m_path);
    const auto modified = [this](const QString &how) {
        //: %1 = file, %2 = what changed
        return Error::make(ErrorKind::Io,
                           tr("The audit log %1 was modified by something else (%2); TiDesk "
                              "will not append to it.")
                               .arg(m_path, how));
    };
    if (m_seq == 0 && m_size == 0 && !s.ok)
        return {}; // not created yet
    if (!s.ok)
        return modified(tr("it was deleted"));
    if (s.inode != m_inode || s.device != m_device)
        return modified(tr("it was replaced by another file"));
    if (s.size != m_size)
        return modified(tr("its size changed from %1 to %2 bytes").arg(m_size).arg(s.size));
    if (s.ctimeNs != m_ctimeNs)
        return modified(tr("it was written to since TiDesk's last line"));
    if (m_seq > 0) {
        QFile f(m_path);
        if (!f.open(QIODevice::ReadOnly) || !f.seek(m_size - m_lastLine.size() - 1))
            return modified(f.errorString());
        if (f.read(m_lastLine.size() + 1) != m_lastLine + '\n')
            return modified(tr("its last line changed"));
    }
    return {};
}

Result<qint64> AuditLogChain::write(AuditKind kind, const QString &actor, const QString &summary,
                                    const QJsonObject *detail)
{
    QMutexLocker lock(&m_mutex);
    if (m_broken.isError())
        return m_broken;
    if (const auto unchanged = checkUnchanged(); !unchanged.ok()) {
        m_broken = unchanged.error();
        return m_broken;
    }
    QJsonObject o;
    o.insert(u"seq"_s, m_seq + 1);
    o.insert(u"session"_s, m_sessionId);
    o.insert(u"time"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    o.insert(u"kind"_s, kindName(kind));
    o.insert(u"actor"_s, actor);
    o.insert(u"summary"_s, summary.left(kMaxSummaryChars));
    if (detail && !detail->isEmpty())
        o.insert(u"detail"_s, *detail);
    o.insert(u"prev"_s, m_head);
    o.insert(u"hash"_s, contentHash(o));
    const QByteArray line = canonical(o);

    const int fd = ::open(QFile::encodeName(m_path).constData(),
                          O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return Error::make(ErrorKind::Io, tr("Cannot write the audit log %1.").arg(m_path),
                           QString::fromLocal8Bit(strerror(errno)));
    const QByteArray out = line + '\n';
    const ssize_t n = ::write(fd, out.constData(), size_t(out.size()));
    const int writeErrno = errno;
    const bool synced = n == out.size() && ::fdatasync(fd) == 0;
    ::close(fd);
    if (n != out.size() || !synced) {
        m_broken = Error::make(ErrorKind::Io, tr("Writing the audit log %1 failed.").arg(m_path),
                               QString::fromLocal8Bit(strerror(writeErrno)));
        return m_broken;
    }
    ++m_seq;
    m_lastLine = line;
    m_head = Crypto::sha256Hex(line);
    recordFileState();
    return m_seq;
}

AuditVerification AuditLogChain::verify(const QString &path, const QString &expectedHead)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        AuditVerification v;
        v.problem = AuditVerification::Problem::Unreadable;
        v.brokenLine = 1;
        v.reason = tr("The file cannot be read: %1").arg(f.errorString());
        return v;
    }
    return verifyBytes(f.readAll(), expectedHead);
}

AuditVerification AuditLogChain::verifyBytes(const QByteArray &bytes, const QString &expectedHead)
{
    using Problem = AuditVerification::Problem;
    AuditVerification v;
    v.fileSha256 = Crypto::sha256Hex(bytes);
    QList<QByteArray> lines = bytes.split('\n');
    // split() leaves one element after the last '\n': empty for a complete file, else a
    // partial line.
    const QByteArray partial = lines.takeLast();

    // seq of every line that parses, for telling "deleted" from "reordered".
    QHash<qint64, int> seqAt; // seq -> first physical line holding it
    for (int i = 0; i < lines.size(); ++i) {
        const QJsonObject o = QJsonDocument::fromJson(lines.at(i)).object();
        if (o.contains(u"seq"_s) && !seqAt.contains(o.value(u"seq"_s).toInteger()))
            seqAt.insert(o.value(u"seq"_s).toInteger(), i + 1);
    }
    const auto broken = [&v](int line, Problem problem, const QString &reason) {
        v.ok = false;
        v.brokenLine = line;
        v.problem = problem;
        v.reason = reason;
        return v;
    };

    QString prev;
    for (int i = 0; i < lines.size(); ++i) {
        const int number = i + 1;
        const QByteArray &line = lines.at(i);
        QJsonParseError err {};
        const QJsonDocument doc = QJsonDocument::fromJson(line, &err);
        if (err.error != QJsonParseError::NoError || !doc.isObject())
            return broken(number, line.isEmpty() ? Problem::Inserted : Problem::NotJson,
                          line.isEmpty() ? tr("An empty line was inserted.")
                                         : tr("The line is not a JSON object: it was edited."));
        const QJsonObject o = doc.object();
        if (canonical(o) != line)
            return broken(number, Problem::Edited,
                          tr("The line is not byte for byte what TiDesk wrote: it was edited."));
        if (o.value(u"hash"_s).toString() != contentHash(o))
            return broken(number, Problem::Edited,
                          tr("The line's content does not match its hash: it was edited."));
        const QString session = o.value(u"session"_s).toString();
        if (number == 1) {
            v.sessionId = session;
            prev = genesisHash(session);
        } else if (session != v.sessionId) {
            return broken(number, Problem::Inserted,
                          tr("The line belongs to another session: it was inserted."));
        }
        const qint64 seq = o.value(u"seq"_s).toInteger();
        if (seq > number) {
            const int later = seqAt.value(number, 0);
            if (later > number)
                //: %1 = seq expected here, %2 = the line where it is
                return broken(
                    number, Problem::Reordered,
                    tr("Lines are out of order: record %1 is at line %2.").arg(number).arg(later));
            return broken(
                number, Problem::Deleted,
                tr("%n line(s) before this one were deleted.", nullptr, int(seq - number)));
        }
        if (seq < number) {
            const int first = seqAt.value(seq, 0);
            if (first > 0 && first < number)
                //: %1 = record number, %2 = line number
                return broken(number, Problem::Inserted,
                              tr("Record %1 appears a second time (first at line %2): a line "
                                 "was inserted.")
                                  .arg(seq)
                                  .arg(first));
            return broken(
                number, Problem::Reordered,
                tr("Lines are out of order: record %1 is at line %2.").arg(seq).arg(number));
        }
        if (o.value(u"prev"_s).toString() != prev) {
            if (number == 1)
                return broken(number, Problem::Edited,
                              tr("The first line does not start the session's chain: it was "
                                 "rewritten or lines were removed from the start."));
            return broken(number, Problem::Edited,
                          tr("The line does not follow line %1: one of the two was rewritten.")
                              .arg(number - 1));
        }
        prev = Crypto::sha256Hex(line);
        v.lines = number;
    }
    v.headHash = prev.isEmpty() ? QString() : prev;
    if (!partial.isEmpty())
        return broken(int(lines.size()) + 1, Problem::Truncated,
                      tr("The last line is incomplete: the file was cut mid-line."));
    if (!expectedHead.isEmpty() && v.headHash != expectedHead)
        return broken(qMax(1, v.lines), Problem::HeadMismatch,
                      tr("The log does not end at the line recorded when it was written: lines "
                         "were removed from its end, or added or rewritten after it."));
    v.ok = true;
    return v;
}

Result<AuditVerification> AuditLogChain::exportTo(const QString &source, const QString &destination,
                                                  const QString &expectedHead)
{
    QFile in(source);
    if (!in.open(QIODevice::ReadOnly))
        return Error::make(ErrorKind::Io, tr("Cannot read the audit log %1.").arg(source),
                           in.errorString());
    const QByteArray bytes = in.readAll();
    in.close();
    const AuditVerification v = verifyBytes(bytes, expectedHead);

    QSaveFile copy(destination);
    if (!copy.open(QIODevice::WriteOnly) || copy.write(bytes) != bytes.size() || !copy.commit())
        return Error::make(ErrorKind::Io, tr("Cannot write %1.").arg(destination),
                           copy.errorString());
    QJsonObject summary;
    summary.insert(u"source"_s, QFileInfo(source).absoluteFilePath());
    summary.insert(u"copy"_s, QFileInfo(destination).absoluteFilePath());
    summary.insert(u"exportedUtc"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    summary.insert(u"session"_s, v.sessionId);
    summary.insert(u"lines"_s, v.lines);
    summary.insert(u"fileSha256"_s, v.fileSha256);
    summary.insert(u"headHash"_s, v.headHash);
    summary.insert(u"anchorChecked"_s, !expectedHead.isEmpty());
    summary.insert(u"ok"_s, v.ok);
    summary.insert(u"problem"_s, AuditVerification::problemName(v.problem));
    summary.insert(u"brokenLine"_s, v.brokenLine);
    summary.insert(u"reason"_s, v.reason);
    const QString summaryPath = destination + u".verification.json"_s;
    QSaveFile sf(summaryPath);
    const QByteArray json = QJsonDocument(summary).toJson(QJsonDocument::Indented);
    if (!sf.open(QIODevice::WriteOnly) || sf.write(json) != json.size() || !sf.commit())
        return Error::make(ErrorKind::Io, tr("Cannot write %1.").arg(summaryPath),
                           sf.errorString());
    return v;
}

} // namespace TiDesk
