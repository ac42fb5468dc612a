#include "SshExec.h"

#include "SshLogging.h"
#include "SshSession.h"

#include <libssh2.h>

#include <cstdlib>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {
constexpr size_t kChunk = 64 * 1024;
constexpr QByteArrayView kMarker = "TIDESK_PGID=";
} // namespace

SshExec::SshExec(SshSession *session, QString command, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_command(std::move(command))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SshExec::onTimeout);
    connect(session, &SshSession::aboutToClose, this, &SshExec::onSessionClosing);
}

SshExec::~SshExec()
{
    abandonOpen();
    m_channel.reset();
    m_stdin.fill('\0');
}

void SshExec::setStdin(QByteArray data)
{
    m_stdin = std::move(data);
    m_stdinPos = 0;
    m_hasStdin = true;
}

bool SshExec::writeStdin()
{
    if (!m_hasStdin || m_stdinEofSent)
        return true;
    while (m_stdinPos < m_stdin.size()) {
        const ssize_t n = libssh2_channel_write(m_channel.get(), m_stdin.constData() + m_stdinPos,
                                                size_t(m_stdin.size() - m_stdinPos));
        if (n == LIBSSH2_ERROR_EAGAIN)
            return true;
        if (n < 0) {
            if (!m_session->handleSessionError(int(n), tr("writing the command's input")))
                fail(Error::make(ErrorKind::Connection, tr("Writing the command's input failed."),
                                 m_session->lastLibssh2Error()));
            return false;
        }
        m_stdinPos += qsizetype(n);
    }
    const int rc = libssh2_channel_send_eof(m_channel.get());
    if (rc == LIBSSH2_ERROR_EAGAIN)
        return true;
    m_stdin.fill('\0');
    m_stdin.clear();
    m_stdinEofSent = true;
    if (rc != 0 && !m_session->handleSessionError(rc, tr("closing the command's input"))) {
        fail(Error::make(ErrorKind::Connection, tr("Closing the command's input failed."),
                         m_session->lastLibssh2Error()));
        return false;
    }
    return rc == 0;
}

void SshExec::abandonOpen()
{
    SshSession *session = m_session.data();
    if (!session || !session->ownsOpen(this))
        return;
    session->abandonOpen(this, [](LIBSSH2_SESSION *s) {
        LIBSSH2_CHANNEL *ch = libssh2_channel_open_session(s);
        if (!ch && libssh2_session_last_errno(s) == LIBSSH2_ERROR_EAGAIN)
            return false;
        LibSsh2::ChannelPtr discard(ch);
        return true;
    });
}

void SshExec::start()
{
    if (m_state != State::Idle)
        return;
    SshSession *session = m_session.data();
    if (!session || !session->isConnected()) {
        m_state = State::Opening;
        fail(Error::make(ErrorKind::Connection, tr("The SSH session is not connected.")));
        return;
    }
    qCInfo(lcSsh).noquote() << "exec on" << session->options().host << ":" << m_command;
    m_state = State::Opening;
    connect(session, &SshSession::activity, this, &SshExec::pump);
    if (m_timeout.count() > 0)
        m_timer.start(m_timeout);
    pump();
}

void SshExec::pump()
{
    if (m_pumping || !m_session)
        return;
    m_pumping = true;
    const QPointer<SshExec> self(this);
    LIBSSH2_SESSION *s = m_session->handle();
    for (bool progress = true; progress && self;) {
        progress = false;
        switch (m_state) {
        case State::Opening: {
            if (!m_session->beginOpen(this))
                break; // another channel's open is in progress on this session
            LIBSSH2_CHANNEL *ch = libssh2_channel_open_session(s);
            if (!ch) {
                const int rc = libssh2_session_last_errno(s);
                if (rc == LIBSSH2_ERROR_EAGAIN)
                    break;
                m_session->endOpen(this);
                if (!m_session->handleSessionError(rc, tr("opening a channel")))
                    fail(Error::make(ErrorKind::Connection,
                                     tr("The SSH server refused to open a session channel."),
                                     m_session->lastLibssh2Error()));
                break;
            }
            m_session->endOpen(this);
            m_channel.reset(ch);
            m_state = State::Starting;
            progress = true;
            break;
        }
        case State::Starting: {
            const QByteArray cmd = m_killOnCancel
                ? "printf 'TIDESK_PGID=%s\\n' $$ >&2; " + m_command.toUtf8()
                : m_command.toUtf8();
            const int rc = libssh2_channel_process_startup(m_channel.get(), "exec", 4,
                                                           cmd.constData(), unsigned(cmd.size()));
            if (rc == LIBSSH2_ERROR_EAGAIN)
                break;
            if (rc != 0) {
                if (!m_session->handleSessionError(rc, tr("starting a command")))
                    fail(Error::make(ErrorKind::Server,
                                     tr("The SSH server refused to run the command."),
                                     m_session->lastLibssh2Error()));
                break;
            }
            m_state = State::Running;
            emit started();
            progress = true;
            break;
        }
        case State::Running: {
            if (!writeStdin() || !self || m_state != State::Running)
                break;
            if (!readStreams())
                break;
            if (!libssh2_channel_eof(m_channel.get()))
                break;
            if (!m_closeSent) {
                const int rc = libssh2_channel_close(m_channel.get());
                if (rc == LIBSSH2_ERROR_EAGAIN)
                    break;
                m_closeSent = true;
            }
            // Exit status and signal arrive before the server's close.
            const int rc = libssh2_channel_wait_closed(m_channel.get());
            if (rc == LIBSSH2_ERROR_EAGAIN)
                break;
            m_exitStatus = libssh2_channel_get_exit_status(m_channel.get());
            char *sig = nullptr;
            size_t sigLen = 0;
            libssh2_channel_get_exit_signal(m_channel.get(), &sig, &sigLen, nullptr, nullptr,
                                            nullptr, nullptr);
            if (sig) {
                m_exitSignal = QString::fromUtf8(sig, qsizetype(sigLen));
                libssh2_free(s, sig);
            }
            m_channel.reset();
            m_timer.stop();
            m_state = State::Finished;
            disconnect(m_session, &SshSession::activity, this, &SshExec::pump);
            emit finished(m_exitStatus, m_exitSignal);
            break;
        }
        case State::Cancelling: pumpCancel(); break;
        default: break;
        }
    }
    if (!self)
        return;
    m_pumping = false;
    if (m_session)
        m_session->updateNotifiers();
}

bool SshExec::readStreams()
{
    char buf[kChunk];
    const QPointer<SshExec> self(this);
    for (int stream : { 0, SSH_EXTENDED_DATA_STDERR }) {
        for (;;) {
            const ssize_t n = libssh2_channel_read_ex(m_channel.get(), stream, buf, sizeof(buf));
            if (n > 0) {
                if (stream == 0) {
                    m_stdoutBytes += n;
                    emit stdoutReady(QByteArray(buf, n));
                } else {
                    QByteArray data(buf, n);
                    if (takePgidMarker(&data) && !data.isEmpty())
                        emit stderrReady(data);
                }
                if (!self || m_state != State::Running)
                    return false;
                continue;
            }
            if (n == 0 || n == LIBSSH2_ERROR_EAGAIN)
                break;
            if (!m_session->handleSessionError(int(n), tr("reading command output")))
                fail(Error::make(ErrorKind::Connection, tr("Reading the command output failed."),
                                 m_session->lastLibssh2Error()));
            return false;
        }
    }
    return true;
}

bool SshExec::takePgidMarker(QByteArray *data)
{
    if (!m_killOnCancel || m_markerDone)
        return true;
    m_stderrHead += *data;
    data->clear();
    const qsizetype nl = m_stderrHead.indexOf('\n');
    if (nl < 0 && m_stderrHead.size() < 64)
        return false; // wait for the whole first line
    m_markerDone = true;
    if (m_stderrHead.startsWith(kMarker) && nl > 0) {
        m_pgid = m_stderrHead.mid(kMarker.size(), nl - kMarker.size()).toLongLong();
        *data = m_stderrHead.mid(nl + 1);
    } else {
        *data = m_stderrHead; // not our line (a shell that failed to run printf?)
    }
    m_stderrHead.clear();
    return true;
}

void SshExec::killRemote()
{
    SshSession *session = m_session.data();
    if (m_pgid <= 1 || !session || !session->isConnected())
        return;
    auto *killer = new SshExec(
        session, u"kill -TERM -- -%1 2>/dev/null || kill -TERM %1 2>/dev/null; true"_s.arg(m_pgid),
        session);
    killer->setKillOnCancel(false);
    killer->setTimeout(std::chrono::milliseconds(10000));
    connect(killer, &SshExec::finished, killer, &QObject::deleteLater);
    connect(killer, &SshExec::errorOccurred, killer, &QObject::deleteLater);
    killer->start();
}

void SshExec::cancel()
{
    if (m_state == State::Idle || m_state == State::Finished || m_state == State::Failed
        || m_state == State::Cancelling)
        return;
    if (!m_cancelError.isError())
        m_cancelError
            = Error::make(ErrorKind::Cancelled, tr("The command was cancelled: %1").arg(m_command));
    if (m_state != State::Running) { // nothing runs yet: just drop the channel
        fail(m_cancelError);
        return;
    }
    m_state = State::Cancelling;
    pumpCancel();
    if (m_session)
        m_session->updateNotifiers();
}

void SshExec::pumpCancel()
{
    if (!m_closeSent) {
        // Send our CLOSE; do not wait for the server's (it comes when the command has exited).
        const int rc = libssh2_channel_close(m_channel.get());
        if (rc == LIBSSH2_ERROR_EAGAIN
            && (libssh2_session_block_directions(m_session->handle())
                & LIBSSH2_SESSION_BLOCK_OUTBOUND))
            return;
        m_closeSent = true;
    }
    killRemote();
    // A channel still waiting for the server's CLOSE is freed by libssh2 with the session.
    fail(m_cancelError);
}

void SshExec::onTimeout()
{
    m_cancelError = Error::make(ErrorKind::Timeout,
                                tr("The command did not finish within %1 ms: %2")
                                    .arg(qint64(m_timeout.count()))
                                    .arg(m_command));
    cancel();
}

void SshExec::fail(const Error &error)
{
    if (m_state == State::Finished || m_state == State::Failed)
        return;
    abandonOpen();
    m_error = error;
    m_state = State::Failed;
    m_timer.stop();
    m_channel.reset();
    if (m_session)
        disconnect(m_session, &SshSession::activity, this, &SshExec::pump);
    emit errorOccurred(error);
}

void SshExec::onSessionClosing()
{
    if (m_state == State::Idle || m_state == State::Finished || m_state == State::Failed) {
        m_channel.reset();
        return;
    }
    m_channel.reset();
    fail(SshSession::closeReason(m_session.data()));
}

} // namespace TiDesk
