// A backup whose SSH host cannot be used fails at launch with a clear error, records the failure
// and leaves nothing on the host (the sandbox's sshd on 127.0.0.1, so "the host" is checked here):
//  - nothing listens on the SSH port (connection refused);
//  - the SSH key is not one the host accepts (a fresh ed25519 key);
//  - the host key is unknown (an empty known_hosts file): refused before authenticating.
// FAILS without the sandbox.
#include "SandboxBastion.h"
#include "SandboxEnv.h"
#include "backup/BackupHistory.h"
#include "backup/BackupLauncher.h"
#include "backup/BackupRunner.h"
#include "sql/SqlConnection.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TiDesk;
using namespace TiDesk::Test;

class TestBackupLaunch : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(m_sandbox.isValid(), qPrintable(m_sandbox.error()));
        QVERIFY(m_tmp.isValid());
        m_history = std::make_unique<BackupHistory>(m_tmp.filePath(u"history"_s));
    }

    void sshPortClosed()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close(); // nothing listens there now
        Environment env = dev();
        env.ssh.port = port;
        const BackupJob job = run(env, u"closed"_s);
        QCOMPARE(job.status, BackupJob::Status::Failed);
        QVERIFY2(job.error.contains(QString::number(port)), qPrintable(job.error));
        QVERIFY(job.finishedAt.isValid());
        QVERIFY(!QFileInfo::exists(root(u"closed"_s)));
        QCOMPARE(m_history->load(job.id)->status, BackupJob::Status::Failed);
    }

    void sshKeyRefused()
    {
        const QString key = m_tmp.filePath(u"stranger_ed25519"_s);
        QProcess keygen;
        keygen.start(u"ssh-keygen"_s,
                     { u"-q"_s, u"-t"_s, u"ed25519"_s, u"-N"_s, QString(), u"-f"_s, key });
        QVERIFY(keygen.waitForFinished(30000));
        QCOMPARE(keygen.exitCode(), 0);
        Environment env = dev();
        env.ssh.identityFile = key;
        const BackupJob job = run(env, u"stranger"_s);
        QCOMPARE(job.status, BackupJob::Status::Failed);
        QVERIFY2(job.error.contains(u"authenticat"_s, Qt::CaseInsensitive), qPrintable(job.error));
        QVERIFY(!QFileInfo::exists(root(u"stranger"_s)));
    }

    void hostKeyUnknown()
    {
        const QString empty = m_tmp.filePath(u"known_hosts_empty"_s);
        QFile f(empty);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        Environment env = dev();
        env.ssh.knownHostsFile = empty;
        const BackupJob job = run(env, u"unknownkey"_s);
        QCOMPARE(job.status, BackupJob::Status::Failed);
        QVERIFY2(job.error.contains(u"host key"_s, Qt::CaseInsensitive), qPrintable(job.error));
        QVERIFY(!QFileInfo::exists(root(u"unknownkey"_s)));
    }

private:
    Environment dev() const
    {
        Environment e = prodBehindBastion(m_sandbox, u"dev-launch"_s);
        e.tier = Tier::Dev;
        e.endpoints.first().port = m_sandbox.mariadbPort(u"dev"_s);
        return e;
    }

    QString root(const QString &name) const { return m_tmp.filePath(u"artifacts-"_s + name); }

    BackupJob run(const Environment &env, const QString &name)
    {
        BackupJobRequest request;
        request.root = root(name);
        Result<PreparedJob> p = BackupLauncher::prepareBackup(env, nullptr, request);
        if (!p)
            return {};
        BackupRunner r(p->job, p->spec, p->shellFactory(), m_sandbox.adminPassword().toUtf8(),
                       m_history.get());
        r.setPollInterval(std::chrono::milliseconds(300));
        QSignalSpy done(&r, &BackupRunner::finished);
        r.start();
        if (done.isEmpty())
            done.wait(60000);
        qInfo().noquote() << name << "->" << r.job().error; // the text a DBA reads
        return r.job();
    }

    SandboxEnv m_sandbox;
    QTemporaryDir m_tmp;
    std::unique_ptr<BackupHistory> m_history;
};

QTEST_GUILESS_MAIN(TestBackupLaunch)
#include "tst_backuplaunch.moc"
