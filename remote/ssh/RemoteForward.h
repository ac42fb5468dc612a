// RemoteForward: a remote port forward (ssh -R) over a connected SshSession. start() asks the
// server to listen on bindHost:bindPort (default: its loopback with a port it picks);
// listening(port) reports the bound port. Every connection the server accepts becomes an
// SshChannel (a QIODevice): newConnection(), then nextPendingConnection() - the caller owns it.
// Used by the expert session (remote/assist). Thread: the session's thread.
#pragma once

#include "LibSsh2.h"
#include "common/Error.h"

#include <QList>
#include <QObject>
#include <QPointer>

namespace TiDesk {

class SshChannel;
class SshSession;

class RemoteForward final : public QObject
{
    Q_OBJECT

public:
    enum class State { Idle, Requesting, Listening, Closed, Failed };
    Q_ENUM(State)

    explicit RemoteForward(SshSession *session, QString bindHost = QStringLiteral("127.0.0.1"),
                           int bindPort = 0, QObject *parent = nullptr);
    ~RemoteForward() override;

    void start();
    void close();

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] int boundPort() const { return m_boundPort; }
    [[nodiscard]] const Error &error() const { return m_error; }
    [[nodiscard]] bool hasPendingConnections() const { return !m_pending.isEmpty(); }
    // The next accepted channel (parent: none - the caller owns it), or nullptr.
    [[nodiscard]] SshChannel *nextPendingConnection();

signals:
    void listening(int boundPort);
    void newConnection();
    void errorOccurred(const TiDesk::Error &error);

private:
    void pump();
    void fail(const Error &error);
    void abandonOpen(); // a listen request still in progress in libssh2 is finished by the session
    void onSessionClosing();

    QPointer<SshSession> m_session;
    QByteArray m_bindHost;
    int m_bindPort = 0;
    int m_boundPort = 0;
    LibSsh2::ListenerPtr m_listener;
    State m_state = State::Idle;
    bool m_pumping = false;
    QList<QPointer<SshChannel>> m_pending;
    Error m_error;
};

} // namespace TiDesk
