#include "AssistHostLink.h"

#include "AssistTransportLog.h"
#include "FrameStream.h"

#include "RemoteForward.h"
#include "SshChannel.h"
#include "SshSession.h"

using namespace Qt::StringLiterals;

namespace TiDesk {

using namespace AssistTransport;

AssistHostLink::AssistHostLink(QObject *parent)
    : AssistLink(parent)
{ }

AssistHostLink::~AssistHostLink()
{
    // Everything that uses the session goes before it (AssistLink's destructor deletes it).
    delete m_forward;
    m_forward = nullptr;
    for (const QPointer<SshChannel> &c : std::as_const(m_refusing))
        delete c.data();
    m_refusing.clear();
}

void AssistHostLink::open(const SshConnectOptions &relay, int port)
{
    m_requestedPort = port;
    connectRelay(relay);
}

void AssistHostLink::onRelayConnected()
{
    m_forward = new RemoteForward(m_session, u"127.0.0.1"_s, m_requestedPort, this);
    connect(m_forward, &RemoteForward::listening, this, [this](int port) {
        m_port = port;
        qCInfo(lcAssistTransport).noquote()
            << "host: relay" << relayName() << "listens on port" << port;
        setState(State::Listening);
        emit listening(port);
    });
    connect(m_forward, &RemoteForward::newConnection, this, &AssistHostLink::onNewConnection);
    connect(m_forward, &RemoteForward::errorOccurred, this, [this](const Error &e) {
        if (state() != State::ConnectingRelay && state() != State::Listening
            && state() != State::Connected)
            return;
        if (m_session && m_session->error().isError()) {
            shutdown(relayLostError(m_session->error()), std::nullopt);
            return;
        }
        Error reason = Error::make(ErrorKind::Connection,
                                   //: %1 = user@relay-host:port
                                   tr("The relay %1 refused to listen for the expert (is TCP "
                                      "forwarding allowed there?).")
                                       .arg(relayName()),
                                   e.toString());
        reason.code = ForwardRefused;
        shutdown(reason, std::nullopt);
    });
    m_forward->start();
}

void AssistHostLink::onNewConnection()
{
    while (SshChannel *channel = m_forward->nextPendingConnection()) {
        if (m_expertTaken || state() != State::Listening) {
            refuse(channel);
            continue;
        }
        m_expertTaken = true;
        qCInfo(lcAssistTransport) << "host: the expert connected through the relay";
        attachChannel(channel);
        emit expertConnected();
    }
}

void AssistHostLink::refuse(SshChannel *channel)
{
    channel->setParent(this);
    m_refusing.append(channel);
    {
        FrameStream frames(channel, kMaxFrameBytes);
        frames.writeFrame(QByteArray(1, char(kGoodbye)) + char(GoodbyeReason::Busy));
    }
    connect(channel, &SshChannel::closed, channel, &QObject::deleteLater);
    channel->close(); // flushes the goodbye, then EOF and close
    ++m_refused;
    qCInfo(lcAssistTransport) << "host: refused connection" << m_refused
                              << "(an expert is already connected)";
    emit extraConnectionRefused(m_refused);
}

void AssistHostLink::onClosing()
{
    if (m_forward)
        m_forward->close(); // nobody new reaches this port
}

} // namespace TiDesk
