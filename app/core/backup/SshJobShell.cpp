#include "SshJobShell.h"

#include "SshExec.h"
#include "SshSession.h"

#include <memory>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {
constexpr std::chrono::milliseconds kCommandTimeout { 60000 };
constexpr qsizetype kMaxOutput = 1024 * 1024;
} // namespace

SshJobShell::SshJobShell(SshConnectOptions options, QObject *parent)
    : JobShell(parent)
    , m_options(std::move(options))
{ }

SshJobShell::~SshJobShell()
{
    // Commands in flight must not call back while the session closes under them.
    for (SshExec *e : findChildren<SshExec *>(Qt::FindDirectChildrenOnly))
        e->disconnect();
    if (SshSession *session = m_session.data()) {
        session->disconnect(this);
        session->disconnectFromHost();
        delete session;
    }
}

QString SshJobShell::where() const
{
    return m_options.user + u'@' + m_options.host + u':' + QString::number(m_options.port);
}

bool SshJobShell::isOpen() const
{
    const SshSession *session = m_session.data();
    return session != nullptr && session->isConnected();
}

void SshJobShell::open()
{
    if (SshSession *old = m_session.data()) {
        old->disconnect(this);
        old->disconnectFromHost();
        old->deleteLater();
    }
    m_wasConnected = false;
    auto *session = new SshSession(this);
    m_session = session;
    connect(session, &SshSession::connected, this, [this] {
        m_wasConnected = true;
        emit opened();
    });
    connect(session, &SshSession::errorOccurred, this, [this](const Error &e) {
        Error out = e;
        if (m_wasConnected) {
            //: %1 = user@host:port, %2 = the SSH error
            out.message = tr("The SSH connection to %1 was lost: %2").arg(where(), e.message);
            m_wasConnected = false;
            emit lost(out);
        } else {
            out.message = tr("SSH to %1 failed: %2").arg(where(), e.message);
            emit openFailed(out);
        }
    });
    connect(session, &SshSession::disconnected, this, [this] {
        if (!m_wasConnected)
            return;
        m_wasConnected = false;
        emit lost(Error::make(ErrorKind::Connection,
                              tr("The SSH connection to %1 was closed.").arg(where())));
    });
    session->connectToHost(m_options);
}

void SshJobShell::run(const QString &command, const QByteArray &stdinData, Callback done)
{
    SshSession *session = m_session.data();
    if (session == nullptr || !session->isConnected()) {
        done(Error::make(ErrorKind::Connection,
                         tr("The SSH connection to %1 is not open.").arg(where())));
        return;
    }
    auto *exec = new SshExec(session, command, this);
    exec->setKillOnCancel(false);
    exec->setTimeout(kCommandTimeout);
    exec->setStdin(stdinData);
    auto output = std::make_shared<Output>();
    auto callback = std::make_shared<Callback>(std::move(done));
    connect(exec, &SshExec::stdoutReady, exec, [output](const QByteArray &d) {
        if (output->out.size() < kMaxOutput)
            output->out += d;
    });
    connect(exec, &SshExec::stderrReady, exec, [output](const QByteArray &d) {
        if (output->err.size() < kMaxOutput)
            output->err += d;
    });
    connect(exec, &SshExec::finished, exec, [exec, output, callback](int status, const QString &) {
        output->exitStatus = status;
        exec->deleteLater();
        (*callback)(*output);
    });
    connect(exec, &SshExec::errorOccurred, exec, [exec, callback](const Error &e) {
        exec->deleteLater();
        (*callback)(e);
    });
    exec->start();
}

} // namespace TiDesk
