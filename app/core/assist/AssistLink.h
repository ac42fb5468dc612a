// AssistLink: what the two ends of an expert session's transport share (issue 7): an SSH
// session to the relay, then one SSH channel carrying FrameStream frames; heartbeats and the
// silence limit (AssistTransport); goodbye frames; an optional AssistLinkFilter (the end-to-end
// crypto) that every frame passes through; and one closed(reason) for every way it can end.
// AssistHostLink and AssistExpertLink add how the channel comes to be.
// Thread: the thread it lives on drives everything (libssh2 non-blocking under QSocketNotifier,
// QTimers); nothing blocks, so it may live on the GUI thread. Not thread-safe.
#pragma once

#include "AssistTransport.h"
#include "common/Error.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <optional>

namespace TiDesk {

class AssistLinkFilter;
class FrameStream;
class SshChannel;
class SshSession;
struct SshConnectOptions;

class AssistLink : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Idle,
        ConnectingRelay, // SSH to the relay: TCP, handshake, host key, auth
        Listening, // host: the relay listens for the expert on its loopback
        OpeningChannel, // expert: direct-tcpip to the host's port on the relay
        Connected, // the channel is up: frames flow, heartbeats run
        Closing, // a goodbye is being flushed
        Closed, // closed(reason) was emitted; closeReason() says why
    };
    Q_ENUM(State)

    ~AssistLink() override;

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] bool isConnected() const { return m_state == State::Connected; }
    // Why it closed (Error::code is an AssistTransport::CloseCode); none before Closed.
    [[nodiscard]] const Error &closeReason() const { return m_closeReason; }
    [[nodiscard]] SshSession *session() const { return m_session; }

    // Sends one session frame (type >= AssistTransport::kFirstAppType) through the filter.
    // False when not connected, the type is reserved, or the frame is too big.
    bool sendFrame(quint8 type, const QByteArray &body);
    // Installs the end-to-end filter; from now on every frame in both directions passes it.
    void setFilter(std::unique_ptr<AssistLinkFilter> filter);
    [[nodiscard]] bool hasFilter() const { return bool(m_filter); }

    // Ends the session in order: a goodbye to the peer, flushed (at most kGoodbyeFlush), then the
    // relay session closes. closed(EndedHere) follows. Safe in any state.
    void end();

    // While paused the link sends no heartbeats (it still watches the peer's silence): the expert
    // pauses between its last handshake message and the host's confirmation, so no plaintext
    // heartbeat can reach a host that already expects encrypted frames.
    void setHeartbeatsPaused(bool paused) { m_heartbeatsPaused = paused; }
    [[nodiscard]] quint64 heartbeatsSent() const { return m_heartbeatsSent; }
    [[nodiscard]] quint64 heartbeatsReceived() const { return m_heartbeatsReceived; }
    // Milliseconds since the last byte from the peer (-1 before Connected).
    [[nodiscard]] qint64 silenceMs() const;

signals:
    void stateChanged(TiDesk::AssistLink::State state);
    void relayConnected(); // the SSH session to the relay is up
    void frameReceived(quint8 type, const QByteArray &body); // session frames only
    // Exactly once. It may come from inside the SSH session's teardown: release the link with
    // deleteLater(), not delete.
    void closed(const TiDesk::Error &reason);

protected:
    explicit AssistLink(QObject *parent);

    // The one place a heartbeat is built and sent; it goes through the filter like any frame.
    virtual void sendHeartbeat();
    // Called once the relay session is Connected.
    virtual void onRelayConnected() = 0;
    // Called when the link starts closing (the host stops its remote forward here).
    virtual void onClosing() { }
    // The host's end (messages name "the expert" as the peer) or the expert's.
    [[nodiscard]] virtual bool isHost() const = 0;

    void connectRelay(const SshConnectOptions &options);
    // The channel is up: it carries the frames from now on (the link takes ownership).
    void attachChannel(SshChannel *channel);
    // Closes with `reason`; a goodbye is sent and flushed first when given and possible.
    void shutdown(Error reason, std::optional<AssistTransport::GoodbyeReason> goodbye);
    void setState(State state);
    // A failed SSH connection to the relay in words a DBA can act on, with a CloseCode.
    [[nodiscard]] Error relayConnectError(const Error &ssh) const;
    [[nodiscard]] Error relayLostError(const Error &ssh) const;
    [[nodiscard]] QString relayName() const;
    // Sends a transport frame (heartbeat, goodbye) or a session frame through the filter.
    bool writeFrame(quint8 type, const QByteArray &body);
    // Deletes the channel and the session (in that order); subclasses first delete what uses
    // the session (the remote forward) in their destructor.
    void releaseTransport();

    SshSession *m_session = nullptr;

private:
    void onSessionError(const Error &error);
    void onSessionDisconnected();
    void onWireFrame(const QByteArray &wire);
    void onChannelGone(const Error &error);
    void onTick();
    void finishShutdown();

    State m_state = State::Idle;
    Error m_closeReason;
    QPointer<SshChannel> m_channel;
    FrameStream *m_frames = nullptr;
    std::unique_ptr<AssistLinkFilter> m_filter;
    QTimer m_tick;
    QTimer m_flushTimer;
    QElapsedTimer m_sinceSent;
    QElapsedTimer m_sinceReceived;
    quint64 m_heartbeatsSent = 0;
    bool m_heartbeatsPaused = false;
    quint64 m_heartbeatsReceived = 0;
};

} // namespace TiDesk
