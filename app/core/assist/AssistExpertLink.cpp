#include "AssistExpertLink.h"

#include "AssistTransportLog.h"

#include "SshChannel.h"
#include "SshSession.h"

using namespace Qt::StringLiterals;

namespace TiDesk {

using namespace AssistTransport;

AssistExpertLink::AssistExpertLink(QObject *parent)
    : AssistLink(parent)
{ }

AssistExpertLink::~AssistExpertLink()
{
    delete m_opening.data(); // before the session (AssistLink's destructor)
}

void AssistExpertLink::open(const SshConnectOptions &relay, int hostPort)
{
    m_port = hostPort;
    connectRelay(relay);
}

void AssistExpertLink::onRelayConnected()
{
    setState(State::OpeningChannel);
    m_opening = SshChannel::openDirectTcpip(m_session, u"127.0.0.1"_s, m_port, this);
    connect(m_opening, &SshChannel::opened, this, [this] {
        SshChannel *channel = m_opening;
        m_opening = nullptr;
        channel->disconnect(this);
        qCInfo(lcAssistTransport).noquote()
            << "expert: connected to port" << m_port << "on the relay" << relayName();
        attachChannel(channel);
        emit channelOpen();
    });
    connect(m_opening, &SshChannel::errorOccurred, this, &AssistExpertLink::onOpenFailed);
}

void AssistExpertLink::onOpenFailed(const Error &error)
{
    if (state() != State::OpeningChannel)
        return;
    if (m_opening) {
        m_opening->disconnect(this);
        m_opening->deleteLater();
        m_opening = nullptr;
    }
    if (m_session && m_session->error().isError()) {
        shutdown(relayLostError(m_session->error()), std::nullopt);
        return;
    }
    // OpenSSH answers "administratively prohibited" when forwarding is off for this user, and
    // "connect failed" when nothing listens on the port.
    Error reason;
    if (error.detail.contains(u"prohibited"_s, Qt::CaseInsensitive)) {
        //: %1 = user@relay-host:port
        reason = Error::make(ErrorKind::Connection,
                             tr("The relay %1 does not allow you to open connections through it "
                                "(TCP forwarding is off).")
                                 .arg(relayName()),
                             error.toString());
        reason.code = ForwardRefused;
    } else {
        //: %1 = port number, %2 = user@relay-host:port
        reason = Error::make(ErrorKind::Connection,
                             tr("Nothing listens on port %1 of the relay %2: the host has ended "
                                "the session, or the code is out of date.")
                                 .arg(m_port)
                                 .arg(relayName()),
                             error.toString());
        reason.code = NobodyListening;
    }
    shutdown(reason, std::nullopt);
}

} // namespace TiDesk
