#include "SshTunnelLink.h"

#include "SshChannel.h"

#include <QTcpSocket>

namespace TiDesk {

namespace {
constexpr qint64 kLimit = 1024 * 1024;
}

SshTunnelLink::SshTunnelLink(QTcpSocket *socket, SshChannel *channel, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_channel(channel)
{
    socket->setParent(this);
    channel->setParent(this);
    socket->setReadBufferSize(kLimit);
    channel->setReadBufferLimit(kLimit);
    connect(socket, &QTcpSocket::readyRead, this, &SshTunnelLink::socketToChannel);
    connect(socket, &QTcpSocket::bytesWritten, this, &SshTunnelLink::channelToSocket);
    connect(socket, &QTcpSocket::disconnected, this, &SshTunnelLink::onSocketGone);
    connect(channel, &SshChannel::opened, this, [this] {
        m_channelOpen = true;
        socketToChannel();
        if (m_socketGone)
            onSocketGone();
    });
    connect(channel, &SshChannel::readyRead, this, &SshTunnelLink::channelToSocket);
    connect(channel, &SshChannel::bytesWritten, this, &SshTunnelLink::socketToChannel);
    connect(channel, &SshChannel::readChannelFinished, this, &SshTunnelLink::onChannelEof);
    connect(channel, &SshChannel::errorOccurred, this, [this](const Error &e) {
        m_socket->abort(); // the client sees the connection drop at once, not a hang
        emit failed(e);
        finish();
    });
    connect(channel, &SshChannel::closed, this, &SshTunnelLink::finish);
}

void SshTunnelLink::socketToChannel()
{
    if (!m_channelOpen || m_channel->state() != SshChannel::State::Open)
        return;
    while (m_socket->bytesAvailable() > 0 && m_channel->bytesToWrite() < kLimit) {
        const QByteArray data = m_socket->read(kLimit - m_channel->bytesToWrite());
        if (data.isEmpty())
            break;
        m_up += data.size();
        m_channel->write(data);
        if (m_channel->state() != SshChannel::State::Open)
            return;
    }
}

void SshTunnelLink::channelToSocket()
{
    if (m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    while (m_channel->bytesAvailable() > 0 && m_socket->bytesToWrite() < kLimit) {
        const QByteArray data = m_channel->read(kLimit);
        if (data.isEmpty())
            break;
        m_down += data.size();
        m_socket->write(data);
    }
    if (m_channel->atEnd() && m_socket->state() == QAbstractSocket::ConnectedState
        && m_channel->bytesAvailable() == 0)
        onChannelEof();
}

void SshTunnelLink::onChannelEof()
{
    if (m_channel->bytesAvailable() > 0)
        return; // channelToSocket() comes back here when drained
    m_socket->disconnectFromHost(); // after the write buffer is flushed
}

void SshTunnelLink::onSocketGone()
{
    m_socketGone = true;
    if (!m_channelOpen) {
        if (m_channel->state() == SshChannel::State::Opening)
            m_channel->close();
        return;
    }
    socketToChannel(); // whatever the client sent last
    m_channel->close(); // flush, EOF, close; closed() -> finish()
}

void SshTunnelLink::abort()
{
    m_socket->abort();
    m_channel->abort();
    finish();
}

void SshTunnelLink::finish()
{
    if (m_done)
        return;
    m_done = true;
    if (m_socket->state() != QAbstractSocket::UnconnectedState)
        m_socket->abort();
    emit finished();
}

} // namespace TiDesk
