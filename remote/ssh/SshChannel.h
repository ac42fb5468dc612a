// SshChannel: one libssh2 channel as a sequential QIODevice (direct-tcpip for local forwards,
// or a channel accepted by RemoteForward). readyRead()/bytesWritten() work as for a socket;
// readChannelFinished() when the remote side sent EOF; close() flushes what was written, sends
// EOF and closes the channel in the background, then emits closed(). Reads stop while more than
// readBufferLimit bytes are unread, so the SSH window stops the sender (back-pressure).
// If the session drops, errorOccurred() is emitted and the device closes.
// Thread: the session's thread; driven by SshSession::activity().
#pragma once

#include "LibSsh2.h"
#include "common/Error.h"

#include <QByteArray>
#include <QIODevice>
#include <QPointer>

namespace TiDesk {

class SshSession;

class SshChannel final : public QIODevice
{
    Q_OBJECT

public:
    enum class State { Opening, Open, Closing, Closed };
    Q_ENUM(State)

    // Opens a direct-tcpip channel to host:port as seen from the SSH server.
    static SshChannel *openDirectTcpip(SshSession *session, const QString &host, int port,
                                       QObject *parent = nullptr);
    // Takes an already-open channel (RemoteForward).
    static SshChannel *adopt(SshSession *session, _LIBSSH2_CHANNEL *channel,
                             QObject *parent = nullptr);
    ~SshChannel() override;

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] const Error &error() const { return m_error; }
    [[nodiscard]] bool isSequential() const override { return true; }
    [[nodiscard]] qint64 bytesAvailable() const override;
    [[nodiscard]] qint64 bytesToWrite() const override;
    [[nodiscard]] bool atEnd() const override;
    void close() override;
    // Drops the channel at once (no flush); emits closed().
    void abort();

    void setReadBufferLimit(qint64 bytes) { m_readLimit = bytes; }

signals:
    void opened();
    void closed();
    void errorOccurred(const TiDesk::Error &error);

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 size) override;

private:
    SshChannel(SshSession *session, QObject *parent);
    void pump();
    void pumpOpening();
    bool pumpRead();
    bool pumpWrite();
    void pumpClosing();
    void fail(const Error &error);
    void abandonOpen(); // an open still in progress in libssh2 is finished by the session
    void finish();
    void onSessionClosing();

    QPointer<SshSession> m_session;
    LibSsh2::ChannelPtr m_channel;
    State m_state = State::Opening;
    QByteArray m_host;
    int m_port = 0;
    QByteArray m_readBuffer;
    QByteArray m_writeBuffer;
    qint64 m_readLimit = 1024 * 1024;
    bool m_remoteEof = false;
    bool m_eofSent = false;
    bool m_pumping = false;
    bool m_repump = false;
    Error m_error;
};

} // namespace TiDesk
