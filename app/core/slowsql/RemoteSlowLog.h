// RemoteSlowLog: digests a slow-log file on another machine over SSH without copying it: runs
// `tail -c MAX FILE` there (SshExec) and streams stdout straight into a SlowLogDigest, so
// neither the file nor the whole tail is held in memory. MAX (the byte cap the user sees and
// can change) bounds the transfer; when the file is larger only its newest MAX bytes are read
// and SlowLogDigest::Source says so (fileBytes vs bytesRead). The remote shell first checks the
// file, so a missing file, a directory and permission denied are told apart from SSH failures
// (refused connection, host key, authentication: the SshSession's error as it is).
// Thread: the thread it lives on (the SshSession's); non-blocking, driven by the event loop.
#pragma once

#include "SshConnectOptions.h"
#include "common/Error.h"

#include <QCoreApplication>
#include <QObject>
#include <QPointer>

#include <chrono>

namespace TiDesk {

class SlowLogDigest;
class SshExec;
class SshSession;

class RemoteSlowLog final : public QObject
{
    Q_OBJECT

public:
    // digest must outlive this object; its Source is filled in.
    RemoteSlowLog(SshConnectOptions options, QString path, qint64 maxBytes, SlowLogDigest *digest,
                  QObject *parent = nullptr);
    ~RemoteSlowLog() override;

    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    void start();
    void cancel();

    // The shell command run remotely (public for tests).
    [[nodiscard]] static QString command(const QString &path, qint64 maxBytes);
    // The error for a command that exited with exitStatus and wrote stderr (public for tests).
    [[nodiscard]] static Error failure(const QString &path, const QString &host, int exitStatus,
                                       const QByteArray &stderrBytes);
    // "TIDESK_SLOWLOG_SIZE=N" in stderr -> N; -1 when absent.
    [[nodiscard]] static qint64 fileSize(const QByteArray &stderrBytes);

signals:
    // Exactly once: error.kind None when the file was read (digest finished).
    void done(const TiDesk::Error &error);

private:
    void onConnected();
    void finish(const Error &error);

    SshConnectOptions m_options;
    QString m_path;
    qint64 m_maxBytes = 0;
    SlowLogDigest *m_digest = nullptr;
    SshSession *m_session = nullptr;
    SshExec *m_exec = nullptr;
    QByteArray m_stderr;
    std::chrono::milliseconds m_timeout { 600000 };
    bool m_done = false;
};

} // namespace TiDesk
