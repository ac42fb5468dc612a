// SshExec: runs one command on a connected SshSession ("exec" channel). stdout and stderr are
// streamed as they arrive (stdoutReady / stderrReady); finished(exitStatus, exitSignal) when the
// command ends; errorOccurred(Error) instead when it cannot start, the session drops, cancel()
// is called (ErrorKind::Cancelled) or the timeout passes (ErrorKind::Timeout). Exactly one of
// finished / errorOccurred is emitted. cancel() reports Cancelled at once, closes the channel and
// terminates the remote command: libssh2 1.10 cannot send the RFC 4254 "signal" request on a
// running channel, so (unless setKillOnCancel(false)) the command is prefixed with
// `printf 'TIDESK_PGID=%s\n' $$ >&2;` - sshd runs it in its own session (setsid), so that is its
// process group - the marker line is removed from stderr, and cancel() runs
// `kill -TERM -- -PGID` on a second channel. Needs a POSIX shell as the login shell.
// The command text is shown in logs (it is never a secret: do not put passwords in it).
// Thread: the session's thread; driven by SshSession::activity().
#pragma once

#include "LibSsh2.h"
#include "common/Error.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>

namespace TiDesk {

class SshSession;

class SshExec final : public QObject
{
    Q_OBJECT

public:
    enum class State { Idle, Opening, Starting, Running, Cancelling, Finished, Failed };
    Q_ENUM(State)

    SshExec(SshSession *session, QString command, QObject *parent = nullptr);
    ~SshExec() override;

    // 0 = no timeout.
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    void setKillOnCancel(bool kill) { m_killOnCancel = kill; }
    // Bytes written to the command's stdin once it runs, then EOF (a secret the command reads,
    // e.g. `IFS= read -r MYSQL_PWD`: never on its command line). The buffer is zeroed once sent.
    // Without it, stdin stays open and nothing is sent.
    void setStdin(QByteArray data);
    void start();
    void cancel();

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] QString command() const { return m_command; }
    [[nodiscard]] int exitStatus() const { return m_exitStatus; }
    [[nodiscard]] QString exitSignal() const { return m_exitSignal; }
    [[nodiscard]] const Error &error() const { return m_error; }
    [[nodiscard]] qint64 stdoutBytes() const { return m_stdoutBytes; }

signals:
    void started();
    void stdoutReady(const QByteArray &data);
    void stderrReady(const QByteArray &data);
    void finished(int exitStatus, const QString &exitSignal);
    void errorOccurred(const TiDesk::Error &error);

private:
    void pump();
    bool readStreams();
    bool writeStdin(); // false when the exec failed
    bool takePgidMarker(QByteArray *stderrData);
    void killRemote();
    void pumpCancel();
    void fail(const Error &error);
    void abandonOpen(); // a channel open still in progress in libssh2 is finished by the session
    void onSessionClosing();
    void onTimeout();

    QPointer<SshSession> m_session;
    QString m_command;
    LibSsh2::ChannelPtr m_channel;
    State m_state = State::Idle;
    std::chrono::milliseconds m_timeout { 0 };
    QTimer m_timer;
    bool m_pumping = false;
    bool m_closeSent = false;
    bool m_killOnCancel = true;
    bool m_markerDone = false;
    bool m_hasStdin = false;
    bool m_stdinEofSent = false;
    QByteArray m_stdin;
    qsizetype m_stdinPos = 0;
    QByteArray m_stderrHead;
    qint64 m_pgid = 0;
    Error m_cancelError;
    int m_exitStatus = -1;
    QString m_exitSignal;
    qint64 m_stdoutBytes = 0;
    Error m_error;
};

} // namespace TiDesk
