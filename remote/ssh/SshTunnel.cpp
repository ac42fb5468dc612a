#include "SshTunnel.h"

#include "SshChannel.h"
#include "SshLogging.h"
#include "SshSession.h"
#include "SshTunnelLink.h"

#include <QTcpSocket>

namespace TiDesk {

SshTunnel::SshTunnel(SshSession *session, QString targetHost, int targetPort, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_targetHost(std::move(targetHost))
    , m_targetPort(targetPort)
{
    connect(&m_server, &QTcpServer::newConnection, this, &SshTunnel::onNewConnection);
    // aboutToClose comes first (channels fail, sockets abort), then the error.
    connect(session, &SshSession::aboutToClose, this, &SshTunnel::onSessionDown);
}

SshTunnel::~SshTunnel()
{
    m_server.close();
    for (SshTunnelLink *l : std::as_const(m_links))
        l->disconnect(this);
}

VoidResult SshTunnel::listen(quint16 localPort)
{
    SshSession *session = m_session.data();
    if (!session || !session->isConnected())
        return Error::make(ErrorKind::Connection, tr("The SSH session is not connected."));
    if (!m_server.listen(QHostAddress::LocalHost, localPort))
        return Error::make(ErrorKind::Io, tr("Cannot listen on 127.0.0.1 for the SSH tunnel."),
                           m_server.errorString());
    qCInfo(lcSsh).noquote() << "tunnel 127.0.0.1:" << m_server.serverPort() << "->"
                            << session->options().host << "->" << m_targetHost << m_targetPort;
    return {};
}

void SshTunnel::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        SshSession *session = m_session.data();
        if (!session || !session->isConnected()) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        // Protocols like MySQL's handshake and TLS send small messages and wait for the answer:
        // without TCP_NODELAY each such step waits for a delayed ACK (~40 ms) on loopback.
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        SshChannel *channel = SshChannel::openDirectTcpip(session, m_targetHost, m_targetPort);
        auto *link = new SshTunnelLink(socket, channel, this);
        m_links.append(link);
        connect(link, &SshTunnelLink::failed, this, [this](const Error &e) {
            const SshSession *s = m_session.data();
            if (s && s->isConnected())
                emit connectionFailed(e);
        });
        connect(link, &SshTunnelLink::finished, this, [this, link] {
            m_links.removeOne(link);
            link->deleteLater();
            emit connectionClosed();
        });
        emit connectionOpened();
    }
}

void SshTunnel::onSessionDown()
{
    const bool wasListening = m_server.isListening();
    m_server.close();
    const QList<SshTunnelLink *> links = m_links;
    for (SshTunnelLink *l : links)
        l->abort();
    if (!wasListening)
        return;
    const Error reason = SshSession::closeReason(m_session.data());
    m_error = reason;
    m_error.message = tr("The SSH tunnel to %1 port %2 is down: %3")
                          .arg(m_targetHost)
                          .arg(m_targetPort)
                          .arg(reason.message);
    emit errorOccurred(m_error);
}

void SshTunnel::close()
{
    m_server.close();
    const QList<SshTunnelLink *> links = m_links;
    for (SshTunnelLink *l : links)
        l->abort();
}

} // namespace TiDesk
