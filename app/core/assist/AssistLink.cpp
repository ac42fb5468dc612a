#include "AssistLink.h"

#include "AssistLinkFilter.h"
#include "AssistTransportLog.h"
#include "FrameStream.h"

#include "SshChannel.h"
#include "SshSession.h"

using namespace Qt::StringLiterals;

namespace TiDesk {

using namespace AssistTransport;

namespace {

Error withCode(ErrorKind kind, int code, const QString &message, const QString &detail = {})
{
    Error e = Error::make(kind, message, detail);
    e.code = code;
    return e;
}

} // namespace

AssistLink::AssistLink(QObject *parent)
    : QObject(parent)
    , m_session(new SshSession(this))
{
    qRegisterMetaType<TiDesk::Error>();
    m_tick.setTimerType(Qt::PreciseTimer);
    m_tick.setInterval(kLivenessTick);
    connect(&m_tick, &QTimer::timeout, this, &AssistLink::onTick);
    m_flushTimer.setSingleShot(true);
    connect(&m_flushTimer, &QTimer::timeout, this, &AssistLink::finishShutdown);
    connect(m_session, &SshSession::connected, this, [this] {
        if (m_state != State::ConnectingRelay)
            return;
        emit relayConnected();
        onRelayConnected();
    });
    connect(m_session, &SshSession::errorOccurred, this, &AssistLink::onSessionError);
    connect(m_session, &SshSession::disconnected, this, &AssistLink::onSessionDisconnected);
}

AssistLink::~AssistLink()
{
    releaseTransport();
}

void AssistLink::releaseTransport()
{
    m_tick.stop();
    m_flushTimer.stop();
    if (m_frames) {
        m_frames->disconnect(this);
        delete m_frames;
        m_frames = nullptr;
    }
    if (m_channel) {
        m_channel->disconnect(this);
        delete m_channel.data();
    }
    if (m_session) {
        m_session->disconnect(this);
        delete m_session;
        m_session = nullptr;
    }
}

void AssistLink::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    qCDebug(lcAssistTransport) << metaObject()->className() << state;
    emit stateChanged(state);
}

QString AssistLink::relayName() const
{
    if (!m_session)
        return {};
    const SshConnectOptions &o = m_session->options();
    return u"%1@%2:%3"_s.arg(o.user, o.host).arg(o.port);
}

void AssistLink::connectRelay(const SshConnectOptions &options)
{
    if (m_state != State::Idle)
        return;
    setState(State::ConnectingRelay);
    m_session->connectToHost(options);
}

Error AssistLink::relayConnectError(const Error &ssh) const
{
    const QString detail = ssh.detail.isEmpty() ? ssh.message : ssh.message + u" - "_s + ssh.detail;
    switch (ssh.kind) {
    case ErrorKind::Auth:
        //: %1 = user@relay-host:port
        return withCode(ErrorKind::Auth, RelayAuthRefused,
                        tr("The relay %1 refused your SSH key.").arg(relayName()), detail);
    case ErrorKind::HostKey:
        //: %1 = user@relay-host:port, %2 = why (unknown / changed host key, with fingerprint)
        return withCode(ErrorKind::HostKey, RelayHostKey,
                        tr("The relay %1 is not trusted: %2").arg(relayName(), ssh.message),
                        ssh.detail);
    case ErrorKind::Cancelled:
        return withCode(ErrorKind::Cancelled, EndedHere, tr("The session was ended."), detail);
    default:
        //: %1 = user@relay-host:port
        return withCode(ssh.kind == ErrorKind::Timeout ? ErrorKind::Timeout : ErrorKind::Connection,
                        RelayUnreachable, tr("Cannot reach the relay %1.").arg(relayName()),
                        detail);
    }
}

Error AssistLink::relayLostError(const Error &ssh) const
{
    //: %1 = user@relay-host:port
    return withCode(ErrorKind::Connection, RelayLost,
                    tr("The connection to the relay %1 was lost.").arg(relayName()),
                    ssh.isError() ? ssh.toString() : QString());
}

void AssistLink::onSessionError(const Error &error)
{
    if (m_state == State::Closing || m_state == State::Closed)
        return;
    if (m_state == State::ConnectingRelay)
        shutdown(relayConnectError(error), std::nullopt);
    else
        shutdown(relayLostError(error), std::nullopt);
}

void AssistLink::onSessionDisconnected()
{
    // A disconnect we did not ask for (errors arrive through onSessionError first).
    if (m_state == State::Closing || m_state == State::Closed)
        return;
    shutdown(relayLostError(m_session ? m_session->error() : Error {}), std::nullopt);
}

void AssistLink::attachChannel(SshChannel *channel)
{
    Q_ASSERT(!m_channel);
    channel->setParent(this);
    m_channel = channel;
    m_frames = new FrameStream(channel, kMaxFrameBytes, this);
    connect(m_frames, &FrameStream::frameReceived, this, &AssistLink::onWireFrame);
    connect(m_frames, &FrameStream::bytesArrived, this, [this] { m_sinceReceived.start(); });
    connect(m_frames, &FrameStream::protocolError, this, [this](const Error &e) {
        shutdown(withCode(ErrorKind::InvalidInput, ProtocolError,
                          isHost()
                              ? tr("The expert sent a malformed frame; the session was closed.")
                              : tr("The host sent a malformed frame; the session was closed."),
                          e.message),
                 GoodbyeReason::ProtocolError);
    });
    connect(m_frames, &FrameStream::endOfStream, this, [this] { onChannelGone({}); });
    connect(channel, &SshChannel::errorOccurred, this, &AssistLink::onChannelGone);
    connect(channel, &SshChannel::closed, this, [this] { onChannelGone({}); });
    m_sinceReceived.start();
    m_sinceSent.start();
    setState(State::Connected);
    m_tick.start();
    sendHeartbeat(); // the peer's silence clock starts now, not a second later
    if (channel->bytesAvailable() > 0)
        m_frames->readAvailable();
}

void AssistLink::onChannelGone(const Error &error)
{
    if (m_state != State::Connected)
        return;
    // The session failing closes its channels first (with the session's error): that is the
    // relay going away, not the peer.
    if (m_session && m_session->error().isError()) {
        shutdown(relayLostError(m_session->error()), std::nullopt);
        return;
    }
    shutdown(withCode(ErrorKind::Connection, PeerClosed,
                      isHost() ? tr("The expert's connection closed without a goodbye (their "
                                    "TiDesk quit or crashed).")
                               : tr("The host's connection closed without a goodbye (their "
                                    "TiDesk quit or crashed)."),
                      error.isError() ? error.toString() : QString()),
             std::nullopt);
}

void AssistLink::onWireFrame(const QByteArray &wire)
{
    if (m_state != State::Connected)
        return;
    QByteArray frame = wire;
    if (m_filter) {
        auto opened = m_filter->open(wire);
        if (!opened.ok()) {
            shutdown(withCode(ErrorKind::Crypto, FilterRejected,
                              isHost() ? tr("A frame from the expert failed verification; the "
                                            "session was closed.")
                                       : tr("A frame from the host failed verification; the "
                                            "session was closed."),
                              opened.error().toString()),
                     std::nullopt);
            return;
        }
        frame = std::move(opened).value();
    }
    if (frame.isEmpty()) {
        shutdown(withCode(ErrorKind::InvalidInput, ProtocolError,
                          isHost() ? tr("The expert sent an empty frame; the session was closed.")
                                   : tr("The host sent an empty frame; the session was closed.")),
                 GoodbyeReason::ProtocolError);
        return;
    }
    const quint8 type = quint8(frame.at(0));
    if (type == kHeartbeat) {
        ++m_heartbeatsReceived;
        return;
    }
    if (type == kGoodbye) {
        const auto reason = GoodbyeReason(frame.size() > 1 ? quint8(frame.at(1)) : 0);
        if (reason == GoodbyeReason::Busy)
            shutdown(withCode(ErrorKind::Connection, PeerBusy,
                              tr("The host already has an expert connected; this connection "
                                 "was refused.")),
                     std::nullopt);
        else if (reason == GoodbyeReason::ProtocolError)
            shutdown(withCode(ErrorKind::InvalidInput, ProtocolError,
                              isHost() ? tr("The expert closed the session after a protocol "
                                            "error.")
                                       : tr("The host closed the session after a protocol error.")),
                     std::nullopt);
        else
            shutdown(withCode(ErrorKind::Cancelled, EndedByPeer,
                              isHost() ? tr("The expert ended the session.")
                                       : tr("The host ended the session.")),
                     std::nullopt);
        return;
    }
    if (type < kFirstAppType) {
        shutdown(withCode(ErrorKind::InvalidInput, ProtocolError,
                          isHost() ? tr("The expert sent an unknown transport frame (type %1); "
                                        "the session was closed.")
                                         .arg(type)
                                   : tr("The host sent an unknown transport frame (type %1); the "
                                        "session was closed.")
                                         .arg(type)),
                 GoodbyeReason::ProtocolError);
        return;
    }
    emit frameReceived(type, frame.mid(1));
}

bool AssistLink::sendFrame(quint8 type, const QByteArray &body)
{
    if (type < kFirstAppType || m_state != State::Connected)
        return false;
    return writeFrame(type, body);
}

bool AssistLink::writeFrame(quint8 type, const QByteArray &body)
{
    if (!m_frames || !m_channel)
        return false;
    QByteArray frame(1, char(type));
    frame += body;
    if (m_filter) {
        auto sealed = m_filter->seal(frame);
        if (!sealed.ok()) {
            if (m_state == State::Connected)
                shutdown(withCode(ErrorKind::Crypto, FilterRejected,
                                  tr("A frame could not be sealed; the session was closed."),
                                  sealed.error().toString()),
                         std::nullopt);
            return false;
        }
        frame = std::move(sealed).value();
    }
    if (!m_frames->writeFrame(frame))
        return false;
    m_sinceSent.start();
    return true;
}

void AssistLink::setFilter(std::unique_ptr<AssistLinkFilter> filter)
{
    m_filter = std::move(filter);
}

void AssistLink::sendHeartbeat()
{
    if (writeFrame(kHeartbeat, {}))
        ++m_heartbeatsSent;
}

qint64 AssistLink::silenceMs() const
{
    return m_sinceReceived.isValid() ? m_sinceReceived.elapsed() : -1;
}

void AssistLink::onTick()
{
    if (m_state != State::Connected)
        return;
    if (m_sinceReceived.elapsed() >= kSilenceLimit.count()) {
        const auto seconds = kSilenceLimit.count() / 1000;
        //: %1 = seconds
        shutdown(withCode(ErrorKind::Timeout, NoAnswer,
                          isHost() ? tr("No answer from the expert for %1 s: the relay or the "
                                        "network dropped.")
                                         .arg(seconds)
                                   : tr("No answer from the host for %1 s: the relay or the "
                                        "network dropped.")
                                         .arg(seconds),
                          tr("last byte received %1 ms ago").arg(m_sinceReceived.elapsed())),
                 std::nullopt);
        return;
    }
    if (!m_heartbeatsPaused && m_sinceSent.elapsed() >= kHeartbeatInterval.count())
        sendHeartbeat();
}

void AssistLink::end()
{
    shutdown(withCode(ErrorKind::Cancelled, EndedHere, tr("You ended the session.")),
             GoodbyeReason::Ended);
}

void AssistLink::shutdown(Error reason, std::optional<GoodbyeReason> goodbye)
{
    if (m_state == State::Closing || m_state == State::Closed)
        return;
    const bool wasConnected = m_state == State::Connected;
    m_closeReason = std::move(reason);
    qCInfo(lcAssistTransport).noquote()
        << metaObject()->className() << "closing:" << m_closeReason.toString();
    m_tick.stop();
    setState(State::Closing);
    onClosing();
    SshChannel *channel = m_channel.data();
    const bool channelOpen = channel != nullptr && channel->isOpen();
    if (goodbye && wasConnected && channelOpen && m_session && m_session->isConnected()
        && writeFrame(kGoodbye, QByteArray(1, char(*goodbye)))) {
        connect(channel, &SshChannel::closed, this, &AssistLink::finishShutdown);
        m_flushTimer.start(kGoodbyeFlush);
        channel->close(); // flushes the goodbye, sends EOF, closes
        return;
    }
    finishShutdown();
}

void AssistLink::finishShutdown()
{
    if (m_state == State::Closed)
        return;
    m_flushTimer.stop();
    if (m_frames) {
        m_frames->disconnect(this);
        m_frames->deleteLater();
        m_frames = nullptr;
    }
    if (m_channel) {
        m_channel->disconnect(this);
        m_channel->abort();
        m_channel->deleteLater();
        m_channel = nullptr;
    }
    // Our slots stay connected but ignore everything from now on (state Closing). A session
    // that failed is already tearing itself down (we may be inside its aboutToClose).
    if (m_session && !m_session->error().isError())
        m_session->disconnectFromHost();
    setState(State::Closed);
    emit closed(m_closeReason);
}

} // namespace TiDesk
