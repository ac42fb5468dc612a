// PrivateSshd: a real OpenSSH sshd owned by one test (own port, own host key, the sandbox's
// authorized_keys), so tests can regenerate its host key or kill it mid-tunnel without touching
// the shared sandbox bastion. kill() SIGKILLs the per-connection children and the listener by
// pid. Header-only; test code only; main thread.
#pragma once

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>

#include <csignal>

namespace TiDesk::Test {

class PrivateSshd
{
public:
    explicit PrivateSshd(QString authorizedKeys)
        : m_authorizedKeys(std::move(authorizedKeys))
    { }
    ~PrivateSshd() { kill(); }

    QString dir() const { return m_dir.path(); }
    int port() const { return m_port; }
    QString hostKeyPub() const { return m_dir.path() + QStringLiteral("/host_key.pub"); }

    // (Re)generates the host key; takes effect at the next start().
    bool regenerateHostKey()
    {
        const QString key = m_dir.path() + QStringLiteral("/host_key");
        QFile::remove(key);
        QFile::remove(key + QStringLiteral(".pub"));
        return QProcess::execute(QStringLiteral("ssh-keygen"),
                                 { QStringLiteral("-q"), QStringLiteral("-t"),
                                   QStringLiteral("ed25519"), QStringLiteral("-N"), QString(),
                                   QStringLiteral("-f"), key })
            == 0;
    }

    // "[127.0.0.1]:PORT ssh-ed25519 AAAA..." for the current host key.
    QString knownHostsLine() const
    {
        QFile f(hostKeyPub());
        if (!f.open(QIODevice::ReadOnly))
            return {};
        const QList<QByteArray> parts = f.readAll().split(' ');
        return QStringLiteral("[127.0.0.1]:%1 %2 %3")
            .arg(m_port)
            .arg(QString::fromLatin1(parts.value(0)),
                 QString::fromLatin1(parts.value(1)).trimmed());
    }

    bool start()
    {
        if (m_port == 0) {
            QTcpServer probe;
            if (!probe.listen(QHostAddress::LocalHost, 0))
                return false;
            m_port = probe.serverPort();
        }
        if (!QFile::exists(hostKeyPub()) && !regenerateHostKey())
            return false;
        const QString cfg = m_dir.path() + QStringLiteral("/sshd_config");
        QFile f(cfg);
        if (!f.open(QIODevice::WriteOnly))
            return false;
        f.write(QStringLiteral(
                    "ListenAddress 127.0.0.1:%1\nHostKey %2/host_key\nPidFile %2/sshd.pid\n"
                    "AuthorizedKeysFile %3\nStrictModes no\nPubkeyAuthentication yes\n"
                    "PasswordAuthentication no\nKbdInteractiveAuthentication no\nUsePAM no\n"
                    "PermitRootLogin prohibit-password\nAllowTcpForwarding yes\nPermitListen any\n"
                    "PermitOpen any\nUseDNS no\nLogLevel INFO\n")
                    .arg(m_port)
                    .arg(m_dir.path(), m_authorizedKeys)
                    .toUtf8());
        f.close();
        QDir().mkpath(QStringLiteral("/run/sshd"));
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(QStringLiteral("/usr/sbin/sshd"),
                        { QStringLiteral("-D"), QStringLiteral("-e"), QStringLiteral("-f"), cfg });
        if (!m_process.waitForStarted(5000))
            return false;
        for (int i = 0; i < 100; ++i) { // ready when it accepts
            QTcpSocket s;
            s.connectToHost(QHostAddress::LocalHost, quint16(m_port));
            if (s.waitForConnected(100))
                return true;
            QThread::msleep(50);
        }
        return false;
    }

    void kill()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        const qint64 pid = m_process.processId();
        // Per-connection sshd processes are children of the listener: kill them first, by pid.
        const QStringList procs = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
        for (const QString &p : procs) {
            bool ok = false;
            const qint64 child = p.toLongLong(&ok);
            if (!ok)
                continue;
            QFile stat(QStringLiteral("/proc/%1/stat").arg(child));
            if (!stat.open(QIODevice::ReadOnly))
                continue;
            const QByteArray s = stat.readAll();
            const QList<QByteArray> f = s.mid(s.lastIndexOf(')') + 2).split(' ');
            if (f.value(1).toLongLong() == pid)
                ::kill(pid_t(child), SIGKILL);
        }
        m_process.kill();
        m_process.waitForFinished(5000);
    }

private:
    QString m_authorizedKeys;
    QTemporaryDir m_dir;
    QProcess m_process;
    int m_port = 0;
};

} // namespace TiDesk::Test
