// SshJobShell: a JobShell over one SSH session (libssh2) to the environment's SSH host. Each
// run() is an SshExec (not killed on cancel: the commands are short and the job is detached).
// Thread: the thread it lives on; non-blocking.
#pragma once

#include "SshConnectOptions.h"
#include "backup/JobShell.h"

#include <QPointer>

namespace TiDesk {

class SshSession;

class SshJobShell final : public JobShell
{
    Q_OBJECT

public:
    explicit SshJobShell(SshConnectOptions options, QObject *parent = nullptr);
    ~SshJobShell() override;

    void open() override;
    [[nodiscard]] bool isOpen() const override;
    void run(const QString &command, const QByteArray &stdinData, Callback done) override;
    [[nodiscard]] QString where() const override;

private:
    SshConnectOptions m_options;
    QPointer<SshSession> m_session;
    bool m_wasConnected = false;
};

} // namespace TiDesk
