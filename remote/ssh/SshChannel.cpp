#include "SshChannel.h"

#include "SshLogging.h"
#include "SshSession.h"

#include <libssh2.h>

#include <QTimer>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {
constexpr qsizetype kChunk = 32 * 1024;
}

SshChannel::SshChannel(SshSession *session, QObject *parent)
    : QIODevice(parent)
    , m_session(session)
{
    connect(session, &SshSession::activity, this, &SshChannel::pump);
    connect(session, &SshSession::aboutToClose, this, &SshChannel::onSessionClosing);
}

SshChannel *SshChannel::openDirectTcpip(SshSession *session, const QString &host, int port,
                                        QObject *parent)
{
    auto *c = new SshChannel(session, parent);
    c->m_host = host.toUtf8();
    c->m_port = port;
    if (!session->isConnected()) {
        QTimer::singleShot(0, c, [c] {
            c->fail(Error::make(ErrorKind::Connection, tr("The SSH session is not connected.")));
        });
        return c;
    }
    QTimer::singleShot(0, c, &SshChannel::pump); // first attempt after the caller connected signals
    return c;
}

SshChannel *SshChannel::adopt(SshSession *session, LIBSSH2_CHANNEL *channel, QObject *parent)
{
    auto *c = new SshChannel(session, parent);
    c->m_channel.reset(channel);
    c->m_state = State::Open;
    c->QIODevice::open(QIODevice::ReadWrite | QIODevice::Unbuffered);
    QTimer::singleShot(0, c, &SshChannel::pump); // data may already be buffered in libssh2
    return c;
}

SshChannel::~SshChannel()
{
    abandonOpen();
    m_channel.reset(); // libssh2 frees it (or, on EAGAIN, with the session)
}

void SshChannel::abandonOpen()
{
    SshSession *session = m_session.data();
    if (!session || !session->ownsOpen(this))
        return;
    // libssh2 is in the middle of opening our channel: let the session finish that open (same
    // parameters) and throw the channel away, so the next caller does not receive it.
    session->abandonOpen(this, [host = m_host, port = m_port](LIBSSH2_SESSION *s) {
        LIBSSH2_CHANNEL *ch
            = libssh2_channel_direct_tcpip_ex(s, host.constData(), port, "127.0.0.1", 0);
        if (!ch && libssh2_session_last_errno(s) == LIBSSH2_ERROR_EAGAIN)
            return false;
        LibSsh2::ChannelPtr discard(ch);
        return true;
    });
}

qint64 SshChannel::bytesAvailable() const
{
    return m_readBuffer.size() + QIODevice::bytesAvailable();
}

qint64 SshChannel::bytesToWrite() const
{
    return m_writeBuffer.size();
}

bool SshChannel::atEnd() const
{
    return m_readBuffer.isEmpty() && (m_remoteEof || m_state == State::Closed);
}

qint64 SshChannel::readData(char *data, qint64 maxSize)
{
    const qint64 n = qMin<qint64>(maxSize, m_readBuffer.size());
    if (n == 0)
        return (m_remoteEof || m_state == State::Closed) ? -1 : 0;
    memcpy(data, m_readBuffer.constData(), size_t(n));
    m_readBuffer.remove(0, n);
    if (m_readBuffer.size() < m_readLimit && m_state == State::Open)
        QTimer::singleShot(0, this, &SshChannel::pump); // resume reading the channel
    return n;
}

qint64 SshChannel::writeData(const char *data, qint64 size)
{
    if (m_state == State::Closed || m_state == State::Closing)
        return -1;
    m_writeBuffer.append(data, size);
    if (m_state == State::Open)
        pump();
    return size;
}

void SshChannel::pump()
{
    if (!m_session)
        return;
    if (m_pumping) {
        m_repump = true; // write()/close() from a slot connected to readyRead(): go round again
        return;
    }
    m_pumping = true;
    const QPointer<SshChannel> self(this);
    for (int round = 0; round < 8; ++round) {
        m_repump = false;
        switch (m_state) {
        case State::Opening: pumpOpening(); break;
        case State::Open:
            if (pumpRead() && self && m_state == State::Open)
                pumpWrite();
            break;
        case State::Closing: pumpClosing(); break;
        case State::Closed: break;
        }
        if (!self)
            return;
        if (!m_repump)
            break;
    }
    m_pumping = false;
    if (m_session)
        m_session->updateNotifiers();
}

void SshChannel::pumpOpening()
{
    if (!m_session->beginOpen(this))
        return; // another channel's open is in progress on this session
    LIBSSH2_CHANNEL *ch = libssh2_channel_direct_tcpip_ex(m_session->handle(), m_host.constData(),
                                                          m_port, "127.0.0.1", 0);
    if (!ch) {
        const int rc = libssh2_session_last_errno(m_session->handle());
        if (rc == LIBSSH2_ERROR_EAGAIN)
            return;
        m_session->endOpen(this);
        if (m_session->handleSessionError(rc, tr("opening a tunnel")))
            return;
        fail(Error::make(ErrorKind::Connection,
                         tr("The SSH server could not open a connection to %1 port %2.")
                             .arg(QString::fromUtf8(m_host))
                             .arg(m_port),
                         m_session->lastLibssh2Error()));
        return;
    }
    m_session->endOpen(this);
    m_channel.reset(ch);
    m_state = State::Open;
    QIODevice::open(QIODevice::ReadWrite | QIODevice::Unbuffered);
    const QPointer<SshChannel> self(this);
    emit opened();
    if (self && m_state == State::Open && pumpRead() && self && m_state == State::Open)
        pumpWrite();
}

bool SshChannel::pumpRead()
{
    qint64 got = 0;
    char buf[kChunk];
    while (m_readBuffer.size() < m_readLimit || m_state != State::Open) {
        const ssize_t n = libssh2_channel_read_ex(m_channel.get(), 0, buf, sizeof(buf));
        if (n > 0) {
            if (m_state == State::Open && openMode() != NotOpen) {
                m_readBuffer.append(buf, n);
                got += n;
            }
            continue;
        }
        if (n == LIBSSH2_ERROR_EAGAIN || n == 0)
            break;
        if (m_session->handleSessionError(int(n), tr("reading a tunnel")))
            return false;
        fail(Error::make(ErrorKind::Connection, tr("Reading from the SSH channel failed."),
                         m_session->lastLibssh2Error()));
        return false;
    }
    // Discard stderr-like extended data (not used by direct-tcpip) so the window keeps moving.
    while (libssh2_channel_read_ex(m_channel.get(), SSH_EXTENDED_DATA_STDERR, buf, sizeof(buf))
           > 0) { }
    const bool eofNow
        = !m_remoteEof && m_readBuffer.size() < m_readLimit && libssh2_channel_eof(m_channel.get());
    const QPointer<SshChannel> self(this);
    if (got > 0)
        emit readyRead();
    if (!self)
        return false;
    if (eofNow) {
        m_remoteEof = true;
        emit readChannelFinished();
        if (!self)
            return false;
    }
    return m_state == State::Open;
}

bool SshChannel::pumpWrite()
{
    qint64 written = 0;
    while (!m_writeBuffer.isEmpty()) {
        const ssize_t n
            = libssh2_channel_write_ex(m_channel.get(), 0, m_writeBuffer.constData(),
                                       size_t(qMin<qsizetype>(m_writeBuffer.size(), kChunk)));
        if (n > 0) {
            m_writeBuffer.remove(0, n);
            written += n;
            continue;
        }
        if (n == LIBSSH2_ERROR_EAGAIN)
            break;
        if (m_session->handleSessionError(int(n), tr("writing to a tunnel")))
            return false;
        fail(Error::make(ErrorKind::Connection, tr("Writing to the SSH channel failed."),
                         m_session->lastLibssh2Error()));
        return false;
    }
    if (written > 0)
        emit bytesWritten(written);
    return true;
}

void SshChannel::close()
{
    if (m_state == State::Open) {
        m_state = State::Closing;
        QIODevice::close();
        pump();
        return;
    }
    if (m_state == State::Opening) {
        QIODevice::close();
        finish();
    }
}

void SshChannel::pumpClosing()
{
    // Drain what the remote still sends, flush what we wrote, then EOF and close.
    char buf[kChunk];
    while (libssh2_channel_read_ex(m_channel.get(), 0, buf, sizeof(buf)) > 0) { }
    while (!m_writeBuffer.isEmpty()) {
        const ssize_t n
            = libssh2_channel_write_ex(m_channel.get(), 0, m_writeBuffer.constData(),
                                       size_t(qMin<qsizetype>(m_writeBuffer.size(), kChunk)));
        if (n == LIBSSH2_ERROR_EAGAIN)
            return;
        if (n < 0) {
            m_writeBuffer.clear();
            break;
        }
        m_writeBuffer.remove(0, n);
    }
    if (!m_eofSent) {
        const int rc = libssh2_channel_send_eof(m_channel.get());
        if (rc == LIBSSH2_ERROR_EAGAIN)
            return;
        m_eofSent = true;
    }
    const int rc = libssh2_channel_close(m_channel.get());
    if (rc == LIBSSH2_ERROR_EAGAIN)
        return;
    finish();
}

void SshChannel::abort()
{
    if (m_state == State::Closed)
        return;
    if (isOpen())
        QIODevice::close();
    finish();
}

void SshChannel::finish()
{
    if (m_state == State::Closed)
        return;
    abandonOpen(); // closed while libssh2 was still opening it: the session finishes that open
    m_state = State::Closed;
    m_channel.reset();
    m_writeBuffer.clear();
    emit closed();
}

void SshChannel::fail(const Error &error)
{
    if (m_state == State::Closed)
        return;
    abandonOpen();
    m_error = error;
    const QPointer<SshChannel> self(this);
    emit errorOccurred(error);
    if (!self)
        return;
    if (isOpen())
        QIODevice::close();
    finish();
}

void SshChannel::onSessionClosing()
{
    if (m_state == State::Closed)
        return;
    m_channel.reset(); // must be freed before the session
    fail(SshSession::closeReason(m_session.data()));
}

} // namespace TiDesk
