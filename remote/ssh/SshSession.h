// SshSession: one SSH connection as a non-blocking state machine on the thread it lives on.
// libssh2 runs in non-blocking mode; QSocketNotifiers on the socket (enabled per
// libssh2_session_block_directions) drive every step, so no call blocks and nothing select()s:
// it is safe on the GUI thread. Disconnected -> Connecting (DNS + TCP) -> Handshaking ->
// VerifyingHostKey -> Authenticating -> Connected -> Disconnected or Error. Every step can be
// cancelled with disconnectFromHost(); connectTimeout covers everything up to Connected except
// the time a user spends on a host-key prompt. Keepalives are sent from a QTimer.
// Channels (SshExec, SshTunnel, RemoteForward) run on the same thread: they listen to
// activity() to make progress and to aboutToClose() to drop their libssh2 handles.
// Thread: one thread only (the object's thread); not thread-safe.
#pragma once

#include "HostKeyCheck.h"
#include "LibSsh2.h"
#include "SshConnectOptions.h"
#include "common/Error.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <memory>

class QHostInfo;
class QSocketNotifier;

namespace TiDesk {

class SshAuthenticator;

class SshSession final : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Disconnected,
        Connecting, // DNS lookup and TCP connect
        Handshaking, // SSH banner, key exchange
        VerifyingHostKey, // known_hosts check (or waiting for acceptHostKey/rejectHostKey)
        Authenticating,
        Connected,
        Error, // failed; error() says why. connectToHost() may be called again.
    };
    Q_ENUM(State)

    explicit SshSession(QObject *parent = nullptr);
    ~SshSession() override;

    void connectToHost(const SshConnectOptions &options);
    // Cancels a connection attempt (state Error, ErrorKind::Cancelled) or closes a connected
    // session (state Disconnected). Channels are closed first (aboutToClose).
    void disconnectFromHost();

    // Answers hostKeyUnknown() (policy Ask). accept stores the key in known_hosts when `store`.
    void acceptHostKey(bool store = true);
    void rejectHostKey();

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] bool isConnected() const { return m_state == State::Connected; }
    [[nodiscard]] const Error &error() const { return m_error; }
    [[nodiscard]] const SshHostKey &hostKey() const { return m_hostKey; }
    [[nodiscard]] const SshConnectOptions &options() const { return m_options; }
    [[nodiscard]] QString authMethod() const { return m_authMethod; }
    // Milliseconds from connectToHost() to Connected (0 before).
    [[nodiscard]] qint64 connectMs() const { return m_connectMs; }

    // --- for channel classes in remote/ssh (same thread) ---
    [[nodiscard]] _LIBSSH2_SESSION *handle() const;
    // Re-arms the socket notifiers after a libssh2 call returned EAGAIN outside activity().
    void updateNotifiers();
    // A libssh2 call on this session failed with rc: when it is a transport failure (socket
    // closed, reset ...) the session goes to Error and true is returned.
    bool handleSessionError(int rc, const QString &context);
    // A libssh2 return code is a transport-level failure.
    [[nodiscard]] static bool isTransportError(int rc);
    [[nodiscard]] QString lastLibssh2Error() const;
    // Why the session (possibly already gone) closed: its error, or a generic "closed".
    [[nodiscard]] static Error closeReason(const SshSession *session);

    // libssh2 keeps the state of a pending channel open (direct-tcpip, session channel) and of a
    // forward-listen request in the SESSION: if two were in progress at once, the second caller
    // would be handed the FIRST one's channel (e.g. a tunnel to the wrong database). So channel
    // classes take this slot before such a call (false: another open is in progress - wait for
    // activity()) and give it back with endOpen() once libssh2 returned a channel or an error.
    // An owner that goes away while libssh2 still has its open in progress calls abandonOpen():
    // the session then drives `finish` (the same libssh2 call, freeing what it returns) until it
    // reports true, and only then lets the next open start.
    [[nodiscard]] bool beginOpen(const void *owner);
    void endOpen(const void *owner);
    [[nodiscard]] bool ownsOpen(const void *owner) const { return owner && m_openOwner == owner; }
    void abandonOpen(const void *owner, std::function<bool(_LIBSSH2_SESSION *)> finish);

signals:
    void stateChanged(TiDesk::SshSession::State state);
    void connected();
    void disconnected(); // after Connected, for any reason
    void errorOccurred(const TiDesk::Error &error);
    void hostKeyUnknown(const QString &fingerprint, const QString &keyType);
    void activity(); // socket readable/writable while Connected
    void aboutToClose(); // free your channels now

private:
    void setState(State state);
    void fail(Error error); // by value: callers pass errors owned by what teardown() frees
    void teardown();
    void onResolved(const QHostInfo &info);
    void startTcp();
    void onConnectTimeout();
    void onSocketActivity();
    void startHandshake();
    void step();
    void verifyHostKey();
    void startAuth();
    void onAuthenticated();
    void sendKeepalive();
    void closeSocket();
    [[nodiscard]] bool peerClosedWhileIdle() const;
    [[nodiscard]] bool hasConsumers() const;
    void checkIdle();

    SshConnectOptions m_options;
    State m_state = State::Disconnected;
    Error m_error;
    SshHostKey m_hostKey;
    QString m_authMethod;
    QString m_knownHostsPath;
    int m_lookupId = -1;
    QList<QHostAddress> m_addresses;
    qsizetype m_addressIndex = 0;
    QString m_lastConnectError;
    int m_fd = -1;
    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr;
    LibSsh2::SessionPtr m_ssh;
    std::unique_ptr<SshAuthenticator> m_auth;
    bool m_waitingForUser = false;
    bool m_tearingDown = false; // inside teardown(): aboutToClose slots must not re-enter it
    bool m_idleDataPending = false;
    QTimer m_connectTimer;
    QTimer m_keepaliveTimer;
    QTimer m_idleCheckTimer;
    QElapsedTimer m_clock;
    qint64 m_connectMs = 0;
    quint64 m_bytesAtLastRound = 0; // transport bytes when the last full channel round ended
    bool m_inRound = false;
    bool m_roundScheduled = false;
    const void *m_openOwner = nullptr; // see beginOpen()
    std::function<bool(_LIBSSH2_SESSION *)> m_abandonedOpen; // drives an orphaned open to its end
};

} // namespace TiDesk
