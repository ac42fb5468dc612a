// SshTunnelLink: one accepted local TCP connection of an SshTunnel joined to its direct-tcpip
// SshChannel. Pumps both ways with bounded buffers (a slow side stops the other: the socket's
// read buffer and the SSH window fill up), closes both when either side ends, and aborts the
// socket at once if the channel fails. Emits finished() exactly once; the tunnel deletes it.
// Thread: the session's thread.
#pragma once

#include "common/Error.h"

#include <QObject>

class QTcpSocket;

namespace TiDesk {

class SshChannel;

class SshTunnelLink final : public QObject
{
    Q_OBJECT

public:
    SshTunnelLink(QTcpSocket *socket, SshChannel *channel, QObject *parent = nullptr);

    [[nodiscard]] qint64 bytesUp() const { return m_up; } // local -> remote
    [[nodiscard]] qint64 bytesDown() const { return m_down; } // remote -> local
    void abort();

signals:
    void finished();
    void failed(const TiDesk::Error &error); // the channel could not be opened or broke

private:
    void socketToChannel();
    void channelToSocket();
    void onSocketGone();
    void onChannelEof();
    void finish();

    QTcpSocket *m_socket = nullptr;
    SshChannel *m_channel = nullptr;
    bool m_channelOpen = false;
    bool m_socketGone = false;
    bool m_done = false;
    qint64 m_up = 0;
    qint64 m_down = 0;
};

} // namespace TiDesk
