#include "RemoteSlowLog.h"

#include "SshExec.h"
#include "SshSession.h"
#include "slowsql/SlowLogDigest.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

constexpr int kExitMissing = 66; // EX_NOINPUT
constexpr int kExitDenied = 77; // EX_NOPERM
constexpr qsizetype kMaxStderrBytes = 64 * 1024;

QString shellQuote(const QString &s)
{
    QString out = s;
    out.replace(u"'"_s, u"'\\''"_s);
    return u'\'' + out + u'\'';
}

} // namespace

RemoteSlowLog::RemoteSlowLog(SshConnectOptions options, QString path, qint64 maxBytes,
                             SlowLogDigest *digest, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_path(std::move(path))
    , m_maxBytes(maxBytes)
    , m_digest(digest)
{ }

RemoteSlowLog::~RemoteSlowLog()
{
    delete m_exec;
    m_exec = nullptr;
    if (m_session)
        m_session->disconnectFromHost();
    delete m_session;
}

QString RemoteSlowLog::command(const QString &path, qint64 maxBytes)
{
    // POSIX sh; `wc -c <` is an fstat for a regular file. The markers go to stderr so stdout is
    // the file's bytes and nothing else.
    return u"f="_s + shellQuote(path)
        + u"; if [ ! -e \"$f\" ]; then echo TIDESK_SLOWLOG_ERROR=missing >&2; exit 66; fi; "
          "if [ -d \"$f\" ]; then echo TIDESK_SLOWLOG_ERROR=directory >&2; exit 66; fi; "
          "if [ ! -r \"$f\" ]; then echo TIDESK_SLOWLOG_ERROR=denied >&2; exit 77; fi; "
          "printf 'TIDESK_SLOWLOG_SIZE=%s\\n' \"$(wc -c < \"$f\")\" >&2; "
          "exec tail -c "_s
        + QString::number(qMax<qint64>(1, maxBytes)) + u" -- \"$f\""_s;
}

qint64 RemoteSlowLog::fileSize(const QByteArray &stderrBytes)
{
    static const QRegularExpression re(u"TIDESK_SLOWLOG_SIZE=\\s*(\\d+)"_s);
    const QRegularExpressionMatch m = re.match(QString::fromUtf8(stderrBytes));
    return m.hasMatch() ? m.captured(1).toLongLong() : -1;
}

Error RemoteSlowLog::failure(const QString &path, const QString &host, int exitStatus,
                             const QByteArray &stderrBytes)
{
    const QString err = QString::fromUtf8(stderrBytes);
    //: %1 = remote path, %2 = user@host:port
    if (err.contains(u"TIDESK_SLOWLOG_ERROR=missing"_s))
        return Error::make(ErrorKind::NotFound, tr("No such file on %2: %1").arg(path, host));
    if (err.contains(u"TIDESK_SLOWLOG_ERROR=directory"_s))
        return Error::make(ErrorKind::Io,
                           tr("%1 on %2 is a directory, not a slow-log file").arg(path, host));
    if (err.contains(u"TIDESK_SLOWLOG_ERROR=denied"_s) || exitStatus == kExitDenied
        || err.contains(u"Permission denied"_s))
        return Error::make(ErrorKind::Io,
                           tr("Permission denied reading %1 on %2 (the SSH user needs read "
                              "access to the slow log)")
                               .arg(path, host));
    if (exitStatus == kExitMissing)
        return Error::make(ErrorKind::NotFound, tr("No such file on %2: %1").arg(path, host));
    QString detail = err;
    detail.remove(QRegularExpression(u"TIDESK_SLOWLOG_SIZE=\\s*\\d+\\n?"_s));
    //: %1 = remote path, %2 = host, %3 = exit status
    return Error::make(
        ErrorKind::Server,
        tr("Reading %1 on %2 failed (exit status %3)").arg(path, host).arg(exitStatus),
        detail.trimmed());
}

void RemoteSlowLog::start()
{
    m_digest->source().path = m_path;
    m_digest->source().host
        = m_options.user + u'@' + m_options.host + u':' + QString::number(m_options.port);
    m_digest->source().maxBytes = m_maxBytes;
    m_session = new SshSession(this);
    connect(m_session, &SshSession::connected, this, &RemoteSlowLog::onConnected);
    connect(m_session, &SshSession::errorOccurred, this, [this](const Error &e) {
        Error out = e;
        //: %1 = user@host:port, %2 = the SSH error
        out.message = tr("SSH to %1 failed: %2").arg(m_digest->source().host, e.message);
        finish(out);
    });
    m_session->connectToHost(m_options);
}

void RemoteSlowLog::onConnected()
{
    m_exec = new SshExec(m_session, command(m_path, m_maxBytes));
    m_exec->setTimeout(m_timeout);
    connect(m_exec, &SshExec::stdoutReady, this,
            [this](const QByteArray &data) { m_digest->feed(data); });
    connect(m_exec, &SshExec::stderrReady, this, [this](const QByteArray &data) {
        if (m_stderr.size() < kMaxStderrBytes)
            m_stderr += data.left(kMaxStderrBytes - m_stderr.size());
    });
    connect(m_exec, &SshExec::finished, this, [this](int status, const QString &signal) {
        m_digest->source().fileBytes = fileSize(m_stderr);
        if (status != 0 || !signal.isEmpty()) {
            finish(failure(m_path, m_digest->source().host, status, m_stderr));
            return;
        }
        m_digest->finish();
        finish(Error());
    });
    connect(m_exec, &SshExec::errorOccurred, this, [this](const Error &e) { finish(e); });
    m_exec->start();
}

void RemoteSlowLog::cancel()
{
    if (m_exec)
        m_exec->cancel();
    else if (m_session)
        m_session->disconnectFromHost();
}

void RemoteSlowLog::finish(const Error &error)
{
    if (m_done)
        return;
    m_done = true;
    emit done(error);
}

} // namespace TiDesk
