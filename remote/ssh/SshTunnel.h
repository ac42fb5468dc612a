// SshTunnel: a local port forward (ssh -L) over a connected SshSession. listen() opens a
// QTcpServer on 127.0.0.1 with an ephemeral port; every accepted connection gets its own
// direct-tcpip channel to targetHost:targetPort (as seen from the SSH server). When the session
// fails, every tunnelled socket is aborted at once, the listener closes and errorOccurred() is
// emitted, so a client (the SQL connector) sees a dropped connection instead of hanging.
// Reconnecting is the owner's decision: make a new session and a new tunnel.
// Thread: the session's thread.
#pragma once

#include "common/Result.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>

namespace TiDesk {

class SshSession;
class SshTunnelLink;

class SshTunnel final : public QObject
{
    Q_OBJECT

public:
    SshTunnel(SshSession *session, QString targetHost, int targetPort, QObject *parent = nullptr);
    ~SshTunnel() override;

    // Listens on 127.0.0.1:0 (or the given port).
    [[nodiscard]] VoidResult listen(quint16 localPort = 0);
    [[nodiscard]] quint16 localPort() const { return m_server.serverPort(); }
    [[nodiscard]] bool isListening() const { return m_server.isListening(); }
    [[nodiscard]] qsizetype connectionCount() const { return m_links.size(); }
    [[nodiscard]] QString targetHost() const { return m_targetHost; }
    [[nodiscard]] int targetPort() const { return m_targetPort; }
    [[nodiscard]] const Error &error() const { return m_error; }
    // Stops listening and closes every connection.
    void close();

signals:
    void connectionOpened();
    void connectionClosed();
    // One connection could not reach the target (e.g. refused behind the bastion).
    void connectionFailed(const TiDesk::Error &error);
    // The tunnel as a whole is dead (session lost or closed).
    void errorOccurred(const TiDesk::Error &error);

private:
    void onNewConnection();
    void onSessionDown();

    QPointer<SshSession> m_session;
    QString m_targetHost;
    int m_targetPort = 0;
    QTcpServer m_server;
    QList<SshTunnelLink *> m_links;
    Error m_error;
};

} // namespace TiDesk
