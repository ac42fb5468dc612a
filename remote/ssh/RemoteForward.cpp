#include "RemoteForward.h"

#include "SshChannel.h"
#include "SshLogging.h"
#include "SshSession.h"

#include <libssh2.h>

namespace TiDesk {

RemoteForward::RemoteForward(SshSession *session, QString bindHost, int bindPort, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_bindHost(bindHost.toUtf8())
    , m_bindPort(bindPort)
{
    connect(session, &SshSession::aboutToClose, this, &RemoteForward::onSessionClosing);
}

RemoteForward::~RemoteForward()
{
    abandonOpen();
    m_listener.reset();
    for (const QPointer<SshChannel> &c : std::as_const(m_pending))
        delete c.data();
}

void RemoteForward::start()
{
    if (m_state != State::Idle)
        return;
    m_state = State::Requesting;
    SshSession *session = m_session.data();
    if (!session || !session->isConnected()) {
        fail(Error::make(ErrorKind::Connection, tr("The SSH session is not connected.")));
        return;
    }
    connect(session, &SshSession::activity, this, &RemoteForward::pump);
    pump();
}

void RemoteForward::pump()
{
    if (m_pumping || !m_session)
        return;
    m_pumping = true;
    const QPointer<RemoteForward> self(this);
    LIBSSH2_SESSION *s = m_session->handle();
    if (m_state == State::Requesting && m_session->beginOpen(this)) {
        int bound = 0;
        LIBSSH2_LISTENER *l
            = libssh2_channel_forward_listen_ex(s, m_bindHost.constData(), m_bindPort, &bound, 16);
        if (l || libssh2_session_last_errno(s) != LIBSSH2_ERROR_EAGAIN)
            m_session->endOpen(this);
        if (l) {
            m_listener.reset(l);
            m_boundPort = bound;
            m_state = State::Listening;
            qCInfo(lcSsh).noquote() << "remote forward: server listens on" << m_bindHost << bound;
            emit listening(bound);
        } else {
            const int rc = libssh2_session_last_errno(s);
            if (rc != LIBSSH2_ERROR_EAGAIN
                && !m_session->handleSessionError(rc, tr("remote forward")))
                fail(Error::make(ErrorKind::Server,
                                 tr("The SSH server refused to listen on %1 port %2 "
                                    "(AllowTcpForwarding / PermitListen?).")
                                     .arg(QString::fromUtf8(m_bindHost))
                                     .arg(m_bindPort),
                                 m_session->lastLibssh2Error()));
        }
    }
    while (self && m_state == State::Listening) {
        LIBSSH2_CHANNEL *ch = libssh2_channel_forward_accept(m_listener.get());
        if (!ch) {
            const int rc = libssh2_session_last_errno(s);
            if (rc != LIBSSH2_ERROR_EAGAIN)
                m_session->handleSessionError(rc, tr("remote forward"));
            break;
        }
        m_pending.append(SshChannel::adopt(m_session, ch));
        emit newConnection();
    }
    if (!self)
        return;
    m_pumping = false;
    if (m_session)
        m_session->updateNotifiers();
}

SshChannel *RemoteForward::nextPendingConnection()
{
    while (!m_pending.isEmpty()) {
        if (SshChannel *c = m_pending.takeFirst())
            return c;
    }
    return nullptr;
}

void RemoteForward::close()
{
    if (m_state == State::Closed || m_state == State::Failed)
        return;
    m_state = State::Closed;
    m_listener.reset(); // cancel-tcpip-forward (best effort)
    if (m_session) {
        disconnect(m_session, &SshSession::activity, this, &RemoteForward::pump);
        m_session->updateNotifiers();
    }
}

void RemoteForward::abandonOpen()
{
    SshSession *session = m_session.data();
    if (!session || !session->ownsOpen(this))
        return;
    session->abandonOpen(this, [host = m_bindHost, port = m_bindPort](LIBSSH2_SESSION *s) {
        int bound = 0;
        LIBSSH2_LISTENER *l
            = libssh2_channel_forward_listen_ex(s, host.constData(), port, &bound, 16);
        if (!l && libssh2_session_last_errno(s) == LIBSSH2_ERROR_EAGAIN)
            return false;
        LibSsh2::ListenerPtr discard(l); // cancels the forward on the server
        return true;
    });
}

void RemoteForward::fail(const Error &error)
{
    if (m_state == State::Failed || m_state == State::Closed)
        return;
    abandonOpen();
    m_state = State::Failed;
    m_error = error;
    m_listener.reset();
    if (m_session)
        disconnect(m_session, &SshSession::activity, this, &RemoteForward::pump);
    emit errorOccurred(error);
}

void RemoteForward::onSessionClosing()
{
    m_listener.reset(); // freed before the session
    if (m_state == State::Requesting || m_state == State::Listening) {
        fail(SshSession::closeReason(m_session.data()));
    }
}

} // namespace TiDesk
