// BackupRunner against the sandbox's real servers: MariaDB `dev` backed up over the sandbox's
// OpenSSH (and on this machine), with mariadb-dump and mariadb-backup:
//  - logical and physical backups succeed: the artifact is complete under its final name (dump
//    with the test's table, a prepared mariadb-backup copy), the binlog position is recorded,
//    nothing is left with the .partial name, the history holds the job;
//  - a backup held by a table lock (mariadb-dump waits for FLUSH TABLES WITH READ LOCK) is
//    cancelled: Cancelled, its process group gone, no directory left;
//  - the runner is destroyed mid-job (TiDesk closed) and a new one attaches to the history's
//    record: the job is followed to success;
//  - the job's processes are killed (host rebooted): Lost, partial directory removed;
//  - the SSH connection is cut mid-job (the sshd session processes killed): Failed with a clear
//    error when there is no reconnect window; re-attached and Succeeded with one;
//  - unwritable directory, a full disk (a 1 MiB tmpfs), unknown database, wrong password:
//    Failed with a clear error;
//  - a physical backup's drill (the sandbox's workload paused while dev is backed up and its
//    checksums recorded): the scratch server on the SSH host answers, every table matches,
//    Succeeded and verified, the backup intact, no scratch directory and no scratch mariadbd
//    left; followed again after the runner is destroyed mid-drill: verified too; cancelled while
//    a lock held on the scratch server stalls it: Cancelled, its server and directory gone; a
//    damaged backup (a table's .ibd removed): Failed naming the table; ibdata1 overwritten: the
//    server does not start, Failed quoting its log's [ERROR] line; nothing left running.
// FAILS without the sandbox.
#include "SandboxBastion.h"
#include "SandboxEnv.h"
#include "WorkloadPause.h"
#include "backup/BackupHistory.h"
#include "backup/BackupLauncher.h"
#include "backup/BackupRunner.h"
#include "backup/BackupVerifier.h"
#include "backup/BrLogClient.h"
#include "secrets/VaultFileStore.h"
#include "sql/ActivityLog.h"
#include "sql/EnvironmentConnection.h"
#include "sql/SqlConnection.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

using namespace Qt::StringLiterals;
using namespace TiDesk;
using namespace TiDesk::Test;

namespace {

QByteArray gunzip(const QString &path)
{
    QProcess p;
    p.start(u"gzip"_s, { u"-dc"_s, path });
    p.waitForFinished(30000);
    return p.readAllStandardOutput();
}

// Alive and not a zombie (the container's pid 1 may never reap the detached job).
bool processAlive(qint64 pid)
{
    if (pid <= 1 || ::kill(pid_t(pid), 0) != 0)
        return false;
    QFile stat(u"/proc/"_s + QString::number(pid) + u"/stat"_s);
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray s = stat.readAll();
    return s.mid(s.lastIndexOf(')') + 2, 1) != "Z";
}

// The sessions of the sandbox's sshd (its children): killing them cuts every SSH connection.
QList<qint64> sshdChildren(const QString &pidFile)
{
    QFile f(pidFile);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const qint64 master = f.readAll().trimmed().toLongLong();
    QList<qint64> out;
    for (const QString &entry : QDir(u"/proc"_s).entryList(QDir::Dirs)) {
        bool ok = false;
        const qint64 pid = entry.toLongLong(&ok);
        if (!ok)
            continue;
        QFile stat(u"/proc/"_s + entry + u"/stat"_s);
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray s = stat.readAll();
        const qsizetype close = s.lastIndexOf(')');
        const QList<QByteArray> fields = s.mid(close + 2).split(' ');
        if (fields.size() > 1 && fields.at(1).toLongLong() == master)
            out << pid;
    }
    return out;
}

// The mariadbd processes whose command line names needle (a drill's job id is in its datadir).
QList<qint64> serversNaming(const QString &needle)
{
    QList<qint64> out;
    for (const QString &entry : QDir(u"/proc"_s).entryList(QDir::Dirs)) {
        bool ok = false;
        const qint64 pid = entry.toLongLong(&ok);
        if (!ok || !processAlive(pid))
            continue;
        QFile f(u"/proc/"_s + entry + u"/cmdline"_s);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray cmd = f.readAll();
        if ((cmd.contains("mariadbd") || cmd.contains("mysqld")) && cmd.contains(needle.toUtf8()))
            out << pid;
    }
    return out;
}

} // namespace

class TestBackupRunner : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void logicalOverSsh();
    void physicalOverSsh();
    void logicalOnThisMachine();
    void cancelMidBackup();
    void reattachAfterRestart();
    void processKilledIsLost();
    void sshDroppedFails();
    void sshDroppedReattaches();
    void unwritableDirectory();
    void unknownDatabase();
    void fullDisk();
    void wrongPassword();
    void physicalDrillVerifies();
    void physicalDrillReattached();
    void physicalDrillCancelled();
    void physicalDrillOfDamagedBackupFails();
    void physicalDrillServerDoesNotStart();
    void brBackupThroughStandIn();
    void brBackupFailureThroughStandIn();
    void brLogCommandsThroughStandIn();
    void brRestorePointThroughStandIn();
    void brSnapshotRestoreThroughStandIn();

private:
    Environment devOverSsh() const;
    Environment devLocal() const;
    std::unique_ptr<BackupRunner> runner(const Environment &env, BackupJobRequest request,
                                         const QString &password = {});
    BackupJob waitFinished(BackupRunner &r, int timeoutMs = 120000);
    BackupJob waitRunning(BackupRunner &r);
    void exec(const QString &sql);
    std::unique_ptr<BackupRunner> drillRunner(const BackupJob &backup);
    void lockTable(); // a second connection holds LOCK TABLES ... WRITE
    void unlockTable();

    SandboxEnv m_sandbox;
    QTemporaryDir m_tmp;
    std::unique_ptr<BackupHistory> m_history;
    ActivityLog m_activity;
    SqlConnection m_conn { &m_activity };
    std::unique_ptr<SqlConnection> m_locker;
    QString m_db;
    BackupJob m_physical; // physicalDrillVerifies' backup, with checksums recorded
};

void TestBackupRunner::initTestCase()
{
    QVERIFY2(m_sandbox.isValid(), qPrintable(m_sandbox.error()));
    QVERIFY(m_tmp.isValid());
    SqlConnection::initDriver();
    m_history = std::make_unique<BackupHistory>(m_tmp.filePath(u"history"_s));
    ConnectParams p;
    p.host = u"127.0.0.1"_s;
    p.port = m_sandbox.mariadbPort(u"dev"_s);
    p.user = m_sandbox.adminUser();
    p.password = m_sandbox.adminPassword();
    p.connectTimeoutMs = 3000;
    p.envName = u"dev"_s;
    const VoidResult opened = m_conn.open(p);
    QVERIFY2(opened.ok(), qPrintable(opened.error().toString()));
    m_db = u"tidesk_bk_%1"_s.arg(QRandomGenerator::global()->bounded(0x10000), 4, 16, QChar(u'0'));
    exec(u"CREATE DATABASE "_s + m_db);
    exec(u"CREATE TABLE "_s + m_db + u".parcels (id INT PRIMARY KEY, label VARCHAR(40))"_s);
    exec(u"INSERT INTO "_s + m_db + u".parcels SELECT seq, CONCAT('parcel-', seq) FROM "_s + m_db
         + u".seq_1_to_2000"_s);
}

void TestBackupRunner::cleanupTestCase()
{
    unlockTable();
    if (!m_db.isEmpty() && m_conn.isOpen())
        (void)m_conn.query(u"DROP DATABASE IF EXISTS "_s + m_db);
}

void TestBackupRunner::exec(const QString &sql)
{
    const Result<QueryResult> r = m_conn.query(sql);
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().toString()));
}

void TestBackupRunner::lockTable()
{
    m_locker = std::make_unique<SqlConnection>(&m_activity);
    ConnectParams p;
    p.host = u"127.0.0.1"_s;
    p.port = m_sandbox.mariadbPort(u"dev"_s);
    p.user = m_sandbox.adminUser();
    p.password = m_sandbox.adminPassword();
    p.envName = u"dev"_s;
    QVERIFY(m_locker->open(p).ok());
    QVERIFY(m_locker->query(u"LOCK TABLES "_s + m_db + u".parcels WRITE"_s).ok());
}

void TestBackupRunner::unlockTable()
{
    if (m_locker) {
        (void)m_locker->query(u"UNLOCK TABLES"_s);
        m_locker.reset();
    }
}

Environment TestBackupRunner::devOverSsh() const
{
    Environment e = prodBehindBastion(m_sandbox, u"dev"_s);
    e.tier = Tier::Dev;
    e.endpoints.first().port = m_sandbox.mariadbPort(u"dev"_s);
    return e;
}

Environment TestBackupRunner::devLocal() const
{
    Environment e = devOverSsh();
    e.ssh = {};
    return e;
}

std::unique_ptr<BackupRunner>
TestBackupRunner::runner(const Environment &env, BackupJobRequest request, const QString &password)
{
    if (request.root.isEmpty())
        request.root = m_tmp.filePath(u"artifacts"_s);
    Result<PreparedJob> p = BackupLauncher::prepareBackup(env, nullptr, request);
    if (!p) {
        qWarning() << p.error().toString();
        return {};
    }
    const QString pw = password.isEmpty() ? m_sandbox.adminPassword() : password;
    auto r = std::make_unique<BackupRunner>(p->job, p->spec, p->shellFactory(), pw.toUtf8(),
                                            m_history.get());
    r->setPollInterval(std::chrono::milliseconds(300));
    return r;
}

BackupJob TestBackupRunner::waitFinished(BackupRunner &r, int timeoutMs)
{
    QSignalSpy done(&r, &BackupRunner::finished);
    if (!r.job().isFinished() || done.isEmpty())
        done.wait(timeoutMs);
    return r.job();
}

BackupJob TestBackupRunner::waitRunning(BackupRunner &r)
{
    QElapsedTimer t;
    t.start();
    while (!r.job().isFinished()
           && !(r.job().status == BackupJob::Status::Running && r.job().remotePid > 0)
           && t.elapsed() < 30000)
        QTest::qWait(50);
    return r.job();
}

void TestBackupRunner::logicalOverSsh()
{
    auto r = runner(devOverSsh(), { BackupJob::Kind::Logical, {}, { m_db }, {}, {} });
    QVERIFY(r);
    r->start();
    const BackupJob job = waitFinished(*r);
    QVERIFY2(job.status == BackupJob::Status::Succeeded, qPrintable(job.error));
    QVERIFY2(job.host.contains(u"@127.0.0.1:"_s), qPrintable(job.host));
    QVERIFY(job.sizeBytes > 0);
    QVERIFY2(job.binlogPosition.startsWith(u"mysql-bin."_s), qPrintable(job.binlogPosition));
    QCOMPARE(job.databases, QStringList { m_db });
    const QString dir = job.root + u'/' + job.id;
    QVERIFY(!QFileInfo::exists(dir + u".partial"_s));
    const QByteArray dump = gunzip(dir + u"/dump.sql.gz"_s);
    QVERIFY(dump.contains("CREATE TABLE `parcels`"));
    QVERIFY(dump.contains("'parcel-2000'"));
    QVERIFY(dump.contains("-- Dump completed"));
    const Result<BackupJob> saved = m_history->load(job.id);
    QVERIFY(saved.ok());
    QCOMPARE(saved->status, BackupJob::Status::Succeeded);
    QCOMPARE(saved->sizeBytes, job.sizeBytes);
}

void TestBackupRunner::physicalOverSsh()
{
    auto r = runner(devOverSsh(), { BackupJob::Kind::Physical, {}, {}, {}, {} });
    QVERIFY(r);
    r->start();
    const BackupJob job = waitFinished(*r);
    QVERIFY2(job.status == BackupJob::Status::Succeeded, qPrintable(job.error + job.logTail));
    QVERIFY(job.sizeBytes > 1024 * 1024);
    QVERIFY2(job.binlogPosition.startsWith(u"mysql-bin."_s), qPrintable(job.binlogPosition));
    QFile checkpoints(job.root + u'/' + job.id + u"/data/xtrabackup_checkpoints"_s);
    QVERIFY(checkpoints.open(QIODevice::ReadOnly));
    QVERIFY(checkpoints.readAll().contains("backup_type = log-applied")); // prepared
    QVERIFY(QFileInfo::exists(job.root + u'/' + job.id + u"/data/"_s + m_db));
}

void TestBackupRunner::logicalOnThisMachine()
{
    auto r = runner(devLocal(), { BackupJob::Kind::Logical, {}, { m_db }, {}, {} });
    QVERIFY(r);
    r->start();
    const BackupJob job = waitFinished(*r);
    QVERIFY2(job.status == BackupJob::Status::Succeeded, qPrintable(job.error));
    QCOMPARE(job.host, u"local"_s);
    QVERIFY(QFileInfo::exists(job.root + u'/' + job.id + u"/dump.sql.gz"_s));
}

void TestBackupRunner::cancelMidBackup()
{
    lockTable();
    auto r = runner(devOverSsh(), { BackupJob::Kind::Logical, {}, { m_db }, {}, {} });
    QVERIFY(r);
    r->start();
    const BackupJob running = waitRunning(*r);
    QCOMPARE(running.status, BackupJob::Status::Running);
    QTest::qWait(1500); // held by the lock, polled a few times
    QCOMPARE(r->job().status, BackupJob::Status::Running);
    r->cancel();
    const BackupJob job = waitFinished(*r);
    unlockTable();
    QCOMPARE(job.status, BackupJob::Status::Cancelled);
    QCOMPARE(job.sizeBytes, -1);
    QVERIFY(!processAlive(running.remotePid));
    QVERIFY(!QFileInfo::exists(job.root + u'/' + job.id));
    QVERIFY(!QFileInfo::exists(job.root + u'/' + job.id + u".partial"_s));
    QCOMPARE(m_history->load(job.id)->status, BackupJob::Status::Cancelled);
}

void TestBackupRunner::reattachAfterRestart()
{
    lockTable();
    auto first = runner(devOverSsh(), { BackupJob::Kind::Logical, {}, { m_db }, {}, {} });
    QVERIFY(first);
    first->start();
    const BackupJob running = waitRunning(*first);
    QCOMPARE(running.status, BackupJob::Status::Running);
    first.reset(); // TiDesk closes; the job goes on on its host
    QVERIFY(processAlive(running.remotePid));

    const Result<BackupJob> recorded = m_history->load(running.id);
    QVERIFY(recorded.ok());
    QCOMPARE(recorded->status, BackupJob::Status::Running);
    Result<PreparedJob> p = BackupLauncher::prepareAttach(devOverSsh(), nullptr, *recorded);
    QVERIFY2(p.ok(), p.ok() ? "" : qPrintable(p.error().toString()));
    BackupRunner second(p->job, p->spec, p->shellFactory(), {}, m_history.get());
    second.setPollInterval(std::chrono::milliseconds(300));
    second.attach();
    QTRY_VERIFY_WITH_TIMEOUT(second.job().progress >= 0 || second.job().isFinished(), 10000);
    QCOMPARE(second.job().status, BackupJob::Status::Running);
    unlockTable();
    const BackupJob job = waitFinished(second);
    QVERIFY2(job.status == BackupJob::Status::Succeeded, qPrintable(job.error));
    QVERIFY(gunzip(job.root + u'/' + job.id + u"/dump.sql.gz"_s).contains("'parcel-1'"));
    QCOMPARE(m_history->load(job.id)->status, BackupJob::Status::Succeeded);
}

void TestBackupRunner::processKilledIsLost()
{
    lockTable();
    auto r = runner(devOverSsh(), { BackupJob::Kind::Logical, {}, { m_db }, {}, {} });
    QVERIFY(r);
    r->start();
    const BackupJob running = waitRunning(*r);
    QCOMPARE(running.status, BackupJob::Status::Running);
    QCOMPARE(::kill(-pid_t(running.remotePid), SIGKILL), 0); // the whole job, like a reboot
    const BackupJob job = waitFinished(*r);
    unlockTable();
    QCOMPARE(job.status, BackupJob::Status::Lost);
    QVERIFY2(job.error.contains(QString::number(running.remotePid)), qPrintable(job.error));
    QVERIFY(!QFileInfo::exists(job.root + u'/' + job.id + u".partial"_s));
    QVERIFY(!QFileInfo::exists(job.root + u'/' + job.id));
}

void TestBackupRunner::sshDroppedFails()
{
    const QString pidFile
        = QFileInfo(m_sandbox.value(u"SSH_USER_KEY"_s)).absolutePath() + u"/sshd.pid"_s;
    lockTable();
    auto r = runner(devOverSsh(), { BackupJob::Kind::Logical, {}, { m_db }, {}, {} });
    QVERIFY(r);
    r->setReconnectWindow(std::chrono::milliseconds(0));
    r->start();
    const BackupJob running = waitRunning(*r);
    QCOMPARE(running.status, BackupJob::Status::Running);
    const QList<qint64> sessions = sshdChildren(pidFile);
    QVERIFY2(!sessions.isEmpty(), qPrintable(pidFile));
    for (qint64 pid : sessions)
        ::kill(pid_t(pid), SIGTERM);
    const BackupJob job = waitFinished(*r, 30000);
    QCOMPARE(job.status, BackupJob::Status::Failed);
    QVERIFY2(job.error.contains(u"SSH connection"_s), qPrintable(job.error));
    QVERIFY2(job.error.contains(u".partial"_s), qPrintable(job.error));
    // The detached job still runs; it completes once the lock goes, under its final name, but
    // the history says what TiDesk saw: failed.
    unlockTable();
    QTRY_VERIFY_WITH_TIMEOUT(!processAlive(running.remotePid), 30000);
    QCOMPARE(m_history->load(job.id)->status, BackupJob::Status::Failed);
}

void TestBackupRunner::sshDroppedReattaches()
{
    const QString pidFile
        = QFileInfo(m_sandbox.value(u"SSH_USER_KEY"_s)).absolutePath() + u"/sshd.pid"_s;
    lockTable();
    auto r = runner(devOverSsh(), { BackupJob::Kind::Logical, {}, { m_db }, {}, {} });
    QVERIFY(r);
    r->setReconnectWindow(std::chrono::milliseconds(20000));
    r->start();
    const BackupJob running = waitRunning(*r);
    QCOMPARE(running.status, BackupJob::Status::Running);
    for (qint64 pid : sshdChildren(pidFile))
        ::kill(pid_t(pid), SIGTERM);
    QTest::qWait(1500);
    QVERIFY(!r->job().isFinished());
    unlockTable();
    const BackupJob job = waitFinished(*r, 60000);
    QVERIFY2(job.status == BackupJob::Status::Succeeded, qPrintable(job.error));
}

void TestBackupRunner::unwritableDirectory()
{
    // Under a regular file: not even root can create it.
    auto r = runner(devOverSsh(),
                    { BackupJob::Kind::Logical, u"/etc/hostname/backups"_s, { m_db }, {}, {} });
    QVERIFY(r);
    r->start();
    const BackupJob job = waitFinished(*r);
    QCOMPARE(job.status, BackupJob::Status::Failed);
    QVERIFY2(job.error.contains(u"Cannot write to the backup directory /etc/hostname/backups"_s),
             qPrintable(job.error));
    QCOMPARE(job.remotePid, 0);
}

void TestBackupRunner::fullDisk()
{
    // A 1 MiB tmpfs: dev's shop dumps to about 3 MiB.
    const QString mount = m_tmp.filePath(u"full"_s);
    QDir().mkpath(mount);
    QProcess m;
    m.start(u"mount"_s, { u"-t"_s, u"tmpfs"_s, u"-o"_s, u"size=1m"_s, u"tmpfs"_s, mount });
    if (!m.waitForFinished(10000) || m.exitCode() != 0)
        QSKIP("cannot mount a small tmpfs here (needs root and CAP_SYS_ADMIN)");
    auto r = runner(devOverSsh(), { BackupJob::Kind::Logical, mount, { u"shop"_s }, {}, {} });
    QVERIFY(r);
    r->start();
    const BackupJob job = waitFinished(*r);
    QProcess::execute(u"umount"_s, { mount });
    QCOMPARE(job.status, BackupJob::Status::Failed);
    QVERIFY2(job.error.contains(u"disk full"_s) || job.error.contains(u"No space"_s),
             qPrintable(job.error + job.logTail));
    QVERIFY(!QFileInfo::exists(mount + u'/' + job.id));
}

void TestBackupRunner::unknownDatabase()
{
    auto r = runner(devOverSsh(),
                    { BackupJob::Kind::Logical, {}, { u"tidesk_no_such_db_x"_s }, {}, {} });
    QVERIFY(r);
    r->start();
    const BackupJob job = waitFinished(*r);
    QCOMPARE(job.status, BackupJob::Status::Failed);
    QVERIFY2(job.error.contains(u"mariadb-dump exited with status"_s), qPrintable(job.error));
    QVERIFY2(job.error.contains(u"Unknown database"_s), qPrintable(job.error));
    QVERIFY(!QFileInfo::exists(job.root + u'/' + job.id + u".partial"_s));
    QVERIFY(!QFileInfo::exists(job.root + u'/' + job.id));
}

void TestBackupRunner::wrongPassword()
{
    auto r = runner(devOverSsh(), { BackupJob::Kind::Physical, {}, {}, {}, {} },
                    u"not-the-password"_s);
    QVERIFY(r);
    r->start();
    const BackupJob job = waitFinished(*r);
    QCOMPARE(job.status, BackupJob::Status::Failed);
    QVERIFY2(job.error.contains(u"Access denied"_s), qPrintable(job.error));
    QVERIFY(!job.logTail.contains(u"not-the-password"_s));
}

std::unique_ptr<BackupRunner> TestBackupRunner::drillRunner(const BackupJob &backup)
{
    Result<PreparedJob> p = BackupLauncher::prepareScratchDrill(devOverSsh(), nullptr, backup);
    if (!p) {
        qWarning() << p.error().toString();
        return {};
    }
    auto r = std::make_unique<BackupRunner>(p->job, p->spec, p->shellFactory(), QByteArray(),
                                            m_history.get());
    r->setPollInterval(std::chrono::milliseconds(300));
    return r;
}

void TestBackupRunner::physicalDrillVerifies()
{
    {
        WorkloadPause pause(m_sandbox);
        QVERIFY(pause.paused());
        auto r = runner(devOverSsh(), { BackupJob::Kind::Physical, {}, {}, {}, {} });
        QVERIFY(r);
        r->start();
        m_physical = waitFinished(*r);
        QVERIFY2(m_physical.status == BackupJob::Status::Succeeded,
                 qPrintable(m_physical.error + m_physical.logTail));
        // What BackupManager and the CLI do after a physical backup: every non-system database.
        QVERIFY(BackupVerifier::shouldRecord(m_physical));
        EnvironmentTarget source;
        source.environment = devLocal();
        source.environment.tls.mode = TlsMode::Disabled;
        source.password = m_sandbox.adminPassword();
        const Result<ChecksumReport> recorded = BackupVerifier::record(
            source, m_physical.databases, m_history->directory(), m_physical.id, &m_activity);
        QVERIFY2(recorded.ok(), recorded.ok() ? "" : qPrintable(recorded.error().toString()));
        QVERIFY(recorded->find(u"shop"_s, u"orders"_s));
        QVERIFY(recorded->find(m_db, u"parcels"_s));
        QVERIFY(!recorded->find(u"mysql"_s, u"user"_s));
    }
    const QString backupDir = m_physical.root + u'/' + m_physical.id + u"/data"_s;
    auto d = drillRunner(m_physical);
    QVERIFY(d);
    QElapsedTimer t;
    t.start();
    d->start();
    const BackupJob running = waitRunning(*d);
    QCOMPARE(running.status, BackupJob::Status::Running);
    const BackupJob job = waitFinished(*d);
    qInfo("physical drill of dev: %lld ms", t.elapsed());
    QVERIFY2(job.status == BackupJob::Status::Succeeded, qPrintable(job.error + job.logTail));
    QCOMPARE(job.kind, BackupJob::Kind::Restore);
    QVERIFY(job.drill && job.scratchDrill);
    QCOMPARE(job.sourceBackupId, m_physical.id);
    QVERIFY2(job.verified, qPrintable(job.verification));
    QVERIFY2(job.verification.endsWith(u"tables match"_s), qPrintable(job.verification));
    // Recorded as the environment's verified restore would read it.
    const Result<BackupJob> saved = m_history->load(job.id);
    QVERIFY(saved.ok());
    QVERIFY(saved->verified && saved->scratchDrill);
    QCOMPARE(saved->verification, job.verification);
    // Nothing left: no scratch directory, no partial directory, no scratch server.
    const QString dir = job.root + u'/' + job.id;
    QVERIFY(!QFileInfo::exists(dir + u".partial"_s));
    QVERIFY(!QFileInfo::exists(dir + u"/scratch"_s));
    QVERIFY(QFileInfo::exists(dir + u"/checksums"_s));
    QVERIFY(serversNaming(job.id).isEmpty());
    QVERIFY(!processAlive(running.remotePid));
    // The backup itself is intact (copy-back, not move-back).
    QVERIFY(QFileInfo::exists(backupDir + u"/xtrabackup_checkpoints"_s));
    QVERIFY(QFileInfo::exists(backupDir + u'/' + m_db + u"/parcels.ibd"_s));
}

// TiDesk closed mid-drill: the next runner follows it from the history and verifies it too.
void TestBackupRunner::physicalDrillReattached()
{
    QVERIFY2(m_physical.status == BackupJob::Status::Succeeded, "needs physicalDrillVerifies");
    auto first = drillRunner(m_physical);
    QVERIFY(first);
    first->start();
    const BackupJob running = waitRunning(*first);
    QCOMPARE(running.status, BackupJob::Status::Running);
    first.reset();
    const Result<BackupJob> recorded = m_history->load(running.id);
    QVERIFY(recorded.ok());
    QCOMPARE(recorded->status, BackupJob::Status::Running);
    QVERIFY(recorded->scratchDrill);
    Result<PreparedJob> p = BackupLauncher::prepareAttach(devOverSsh(), nullptr, *recorded);
    QVERIFY2(p.ok(), p.ok() ? "" : qPrintable(p.error().toString()));
    BackupRunner second(p->job, p->spec, p->shellFactory(), {}, m_history.get());
    second.setPollInterval(std::chrono::milliseconds(300));
    second.attach();
    const BackupJob job = waitFinished(second);
    QVERIFY2(job.status == BackupJob::Status::Succeeded, qPrintable(job.error + job.logTail));
    QVERIFY2(job.verified, qPrintable(job.verification));
    QVERIFY(m_history->load(job.id)->verified);
    QVERIFY(serversNaming(job.id).isEmpty());
}

void TestBackupRunner::physicalDrillCancelled()
{
    QVERIFY2(m_physical.status == BackupJob::Status::Succeeded, "needs physicalDrillVerifies");
    auto d = drillRunner(m_physical);
    QVERIFY(d);
    d->start();
    const BackupJob running = waitRunning(*d);
    QCOMPARE(running.status, BackupJob::Status::Running);
    // As soon as the scratch server answers, a session of the test holds its first tables: the
    // drill's COUNT(*) waits there, the drill cannot finish before the cancel.
    const QString partial = running.root + u'/' + running.id + u".partial"_s;
    QProcess locker;
    QElapsedTimer t;
    t.start();
    QString socket;
    while (t.elapsed() < 60000 && !d->job().isFinished()) {
        QFile f(partial + u"/socket"_s);
        if (socket.isEmpty() && f.open(QIODevice::ReadOnly))
            socket = QString::fromUtf8(f.readAll().trimmed());
        if (!socket.isEmpty() && QFileInfo::exists(socket)) {
            locker.start(u"mariadb"_s,
                         { u"--no-defaults"_s, u"--socket="_s + socket, u"--user=root"_s,
                           u"--unbuffered"_s, u"--batch"_s, u"--skip-column-names"_s, u"-e"_s,
                           u"LOCK TABLES shop.customers WRITE, "_s + m_db
                               + u".parcels WRITE; SELECT 'locked'; SELECT SLEEP(120)"_s });
            QVERIFY(locker.waitForStarted());
            while (t.elapsed() < 60000 && locker.state() == QProcess::Running
                   && !locker.readAllStandardOutput().contains("locked"))
                locker.waitForReadyRead(50);
            if (locker.state() == QProcess::Running)
                break;
            locker.waitForFinished(); // the server was not ready yet: again
        }
        QTest::qWait(20);
    }
    QCOMPARE(locker.state(), QProcess::Running);
    const QList<qint64> servers = serversNaming(running.id);
    QCOMPARE(servers.size(), 1);
    QTest::qWait(1500);
    QVERIFY2(!d->job().isFinished(), qPrintable(d->job().verification + d->job().error));
    d->cancel();
    const BackupJob job = waitFinished(*d, 60000);
    locker.kill();
    locker.waitForFinished();
    QCOMPARE(job.status, BackupJob::Status::Cancelled);
    QVERIFY(!job.verified);
    QVERIFY(!processAlive(servers.first()));
    QVERIFY(serversNaming(running.id).isEmpty());
    QVERIFY(!processAlive(running.remotePid));
    QVERIFY(!QFileInfo::exists(partial));
    QVERIFY(!QFileInfo::exists(running.root + u'/' + running.id));
    QVERIFY(!QFileInfo::exists(socket));
    QCOMPARE(m_history->load(job.id)->status, BackupJob::Status::Cancelled);
}

void TestBackupRunner::physicalDrillOfDamagedBackupFails()
{
    QVERIFY2(m_physical.status == BackupJob::Status::Succeeded, "needs physicalDrillVerifies");
    const QString ibd
        = m_physical.root + u'/' + m_physical.id + u"/data/"_s + m_db + u"/parcels.ibd"_s;
    QVERIFY(QFile::remove(ibd));
    auto d = drillRunner(m_physical);
    QVERIFY(d);
    d->start();
    const BackupJob running = waitRunning(*d);
    QCOMPARE(running.status, BackupJob::Status::Running);
    const BackupJob job = waitFinished(*d);
    QCOMPARE(job.status, BackupJob::Status::Failed);
    QVERIFY2(job.error.contains(u"reading the row counts and checksums failed"_s),
             qPrintable(job.error + job.logTail));
    QVERIFY2(job.error.contains(u"at table `"_s + m_db + u"`.`parcels`"_s), qPrintable(job.error));
    QVERIFY2(job.error.contains(u"Tablespace is missing"_s), qPrintable(job.error));
    QVERIFY(!job.verified);
    QVERIFY(serversNaming(running.id).isEmpty());
    QVERIFY(!processAlive(running.remotePid));
    QVERIFY(!QFileInfo::exists(running.root + u'/' + running.id + u".partial"_s));
    QVERIFY(!QFileInfo::exists(running.root + u'/' + running.id));
}

// The system tablespace overwritten with garbage: the scratch server stops while starting; the
// error quotes its log's first [ERROR] line.
void TestBackupRunner::physicalDrillServerDoesNotStart()
{
    QVERIFY2(m_physical.status == BackupJob::Status::Succeeded, "needs physicalDrillVerifies");
    QFile ibdata(m_physical.root + u'/' + m_physical.id + u"/data/ibdata1"_s);
    QVERIFY(ibdata.open(QIODevice::ReadWrite));
    QByteArray garbage(64 * 1024, '\0');
    for (char &c : garbage)
        c = char(QRandomGenerator::global()->bounded(256));
    QCOMPARE(ibdata.write(garbage), garbage.size());
    ibdata.close();
    auto d = drillRunner(m_physical);
    QVERIFY(d);
    d->start();
    const BackupJob running = waitRunning(*d);
    QCOMPARE(running.status, BackupJob::Status::Running);
    const BackupJob job = waitFinished(*d);
    QCOMPARE(job.status, BackupJob::Status::Failed);
    QVERIFY2(job.error.contains(u"the scratch server stopped while starting: InnoDB"_s),
             qPrintable(job.error + job.logTail));
    QVERIFY2(job.logTail.contains(u"the scratch server log ends with"_s), qPrintable(job.logTail));
    QVERIFY(serversNaming(running.id).isEmpty());
    QVERIFY(!processAlive(running.remotePid));
    QVERIFY(!QFileInfo::exists(running.root + u'/' + running.id + u".partial"_s));
}

// BR does not run here. A stand-in `br` on the SSH host replays BR's recorded output (the
// reference's format, tests/data/backup) with a pause mid-way, and writes down its arguments and
// its AWS_* environment: what is tested is TiDesk's side - the job, the streaming of the log,
// progress, BackupTS and size from the summary, the failure text, and that the storage
// credentials reach BR through the environment and nowhere else.
static QString writeStandInBr(const QString &dir, const QString &fixture, int exitCode)
{
    const QString path = dir + u"/br"_s;
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    const QString src = QStringLiteral(TIDESK_TEST_DATA_DIR) + u"/backup/"_s + fixture;
    f.write(QString(u"#!/bin/sh\n"_s + u"here=$(dirname \"$0\")\n"_s
                    + u"printf '%s\\n' \"$@\" > \"$here/argv.txt\"\n"_s
                    + u"env | grep '^AWS_' > \"$here/env.txt\"\n"_s + u"head -c 700 '"_s + src
                    + u"'\nsleep 2\n"_s + u"tail -c +701 '"_s + src + u"'\nexit "_s
                    + QString::number(exitCode) + u'\n')
                .toUtf8());
    f.close();
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return path;
}

void TestBackupRunner::brBackupThroughStandIn()
{
    const QString dir = m_tmp.filePath(u"br-ok"_s);
    QDir().mkpath(dir);
    const QString br = writeStandInBr(dir, u"br-backup-full-success.txt"_s, 0);
    VaultFileStore vault(m_tmp.filePath(u"br.vault"_s), VaultKdfParams { 1024, 8, 1 });
    QVERIFY(vault.create(u"pass"_s).ok());
    Environment env = devOverSsh();
    env.name = u"tidb-br"_s;
    env.engine = EngineOverride::TiDB;
    env.pdUrl = u"http://10.0.1.1:2379"_s;
    env.backup.url = u"s3://backups/tidb-br?region=us-east-1"_s;
    QVERIFY(
        vault
            .write(env.backupSecretKey(), u"access-key=AKIATEST&secret-access-key=s3cr3t%2Fvalue"_s)
            .ok());
    BrJobRequest request;
    request.program = br;
    request.root = m_tmp.filePath(u"br-jobs"_s);
    Result<PreparedJob> p = BackupLauncher::prepareBr(env, &vault, request);
    QVERIFY2(p.ok(), p.ok() ? "" : qPrintable(p.error().toString()));
    QVERIFY(!p->job.target.contains(u"s3cr3t"_s));
    QVERIFY(p->job.target.contains(u"secret-access-key=***"_s));
    BackupRunner r(p->job, p->spec, p->shellFactory(), {}, m_history.get());
    r.setPollInterval(std::chrono::milliseconds(300));
    double midway = -1;
    connect(&r, &BackupRunner::jobChanged, this, [&midway](const BackupJob &j) {
        if (j.status == BackupJob::Status::Running && j.progress > 0 && j.progress < 100)
            midway = j.progress;
    });
    r.start();
    const BackupJob job = waitFinished(r);
    QVERIFY2(job.status == BackupJob::Status::Succeeded, qPrintable(job.error + job.logTail));
    QVERIFY2(midway > 0 && midway < 100, qPrintable(QString::number(midway)));
    QCOMPARE(job.backupTs, u"435844546560000000"_s);
    QCOMPARE(job.sizeBytes, 71330);
    QCOMPARE(job.progress, 100.0);

    QFile argv(dir + u"/argv.txt"_s);
    QVERIFY(argv.open(QIODevice::ReadOnly));
    const QByteArray args = argv.readAll();
    QVERIFY2(args.contains("--pd\n10.0.1.1:2379\n"), args.constData());
    QVERIFY2(args.contains("s3://backups/tidb-br?region=us-east-1\n"), args.constData());
    QVERIFY(!args.contains("AKIATEST") && !args.contains("s3cr3t"));
    QFile envFile(dir + u"/env.txt"_s);
    QVERIFY(envFile.open(QIODevice::ReadOnly));
    const QByteArray envText = envFile.readAll();
    QVERIFY2(envText.contains("AWS_ACCESS_KEY_ID=AKIATEST\n"), envText.constData());
    QVERIFY2(envText.contains("AWS_SECRET_ACCESS_KEY=s3cr3t/value\n"), envText.constData());
    // Nowhere else: not in the history, the job script or its log.
    QFile history(m_history->directory() + u'/' + job.id + u".json"_s);
    QVERIFY(history.open(QIODevice::ReadOnly));
    QVERIFY(!history.readAll().contains("s3cr3t"));
    for (const QString &name : { u"job.sh"_s, u"job.log"_s }) {
        QFile f(job.root + u'/' + job.id + u'/' + name);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY2(!f.readAll().contains("s3cr3t"), qPrintable(name));
    }
}

void TestBackupRunner::brBackupFailureThroughStandIn()
{
    const QString dir = m_tmp.filePath(u"br-failed"_s);
    QDir().mkpath(dir);
    Environment env = devOverSsh();
    env.engine = EngineOverride::TiDB;
    env.pdUrl = u"10.0.1.1:2379"_s;
    BrJobRequest request;
    request.program = writeStandInBr(dir, u"br-backup-full-failed.txt"_s, 1);
    request.storage = u"local:///data/br"_s;
    request.root = m_tmp.filePath(u"br-jobs"_s);
    request.target = { BrTarget::Scope::Database, u"shop"_s, {} };
    Result<PreparedJob> p = BackupLauncher::prepareBr(env, nullptr, request);
    QVERIFY2(p.ok(), p.ok() ? "" : qPrintable(p.error().toString()));
    BackupRunner r(p->job, p->spec, p->shellFactory(), {}, m_history.get());
    r.setPollInterval(std::chrono::milliseconds(300));
    r.start();
    const BackupJob job = waitFinished(r);
    QCOMPARE(job.status, BackupJob::Status::Failed);
    QVERIFY2(job.error.contains(u"ErrFailedToConnect"_s), qPrintable(job.error));
    QCOMPARE(job.databases, QStringList { u"shop"_s });
    QVERIFY(!QFileInfo::exists(job.root + u'/' + job.id));
    // No PD address: refused before anything runs.
    env.pdUrl.clear();
    QVERIFY(!BackupLauncher::prepareBr(env, nullptr, request).ok());
}

// A stand-in `br` for the log backup commands: it answers with BR's recorded output by command
// (log status, log metadata, restore point), fails `log pause` like BR does for an unknown task,
// and writes down its arguments and AWS_* environment per command.
static QString writeStandInBrLog(const QString &dir)
{
    const QString fix = QStringLiteral(TIDESK_TEST_DATA_DIR) + u"/backup/"_s;
    QFile f(dir + u"/br"_s);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(
        QString(
            u"#!/bin/sh\nhere=$(dirname \"$0\")\n"_s
            + u"printf '%s\\n' \"$@\" > \"$here/argv-$1-$2.txt\"\n"_s
            + u"env | grep '^AWS_' > \"$here/env-$1-$2.txt\"\n"_s + u"case \"$1 $2\" in\n"_s
            + u"'log status') cat '"_s + fix + u"br-log-status.txt' ;;\n"_s
            + u"'log metadata') cat '"_s + fix + u"br-log-metadata.txt' ;;\n"_s
            + u"'log pause') echo 'Error: [BR:Stream:ErrStreamNotFound]task pitr not "_s
              u"found' >&2; exit 1 ;;\n"_s
            + u"'restore point') head -c 400 '"_s + fix
            + u"br-restore-point-success.txt'; sleep 1; tail -c +401 '"_s + fix
            + u"br-restore-point-success.txt' ;;\n"_s
            + u"'restore db') echo '[2024/05/14 18:20:01.000 +08:00] [INFO] [collector.go:77] "_s
              u"[\"Database Restore success summary\"] [total-ranges=4] [ranges-succeed=4] "_s
              u"[ranges-failed=0] [total-take=2.1s] [total-kv=1131] [Size=71330]' ;;\n"_s
            + u"*) echo \"[INFO] [$1 $2] success\" ;;\nesac\n"_s)
            .toUtf8());
    f.close();
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return f.fileName();
}

static QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void TestBackupRunner::brLogCommandsThroughStandIn()
{
    const QString dir = m_tmp.filePath(u"br-log"_s);
    QDir().mkpath(dir);
    VaultFileStore vault(m_tmp.filePath(u"brlog.vault"_s), VaultKdfParams { 1024, 8, 1 });
    QVERIFY(vault.create(u"pass"_s).ok());
    Environment env = devOverSsh();
    env.name = u"tidb-log"_s;
    env.engine = EngineOverride::TiDB;
    env.pdUrl = u"10.0.1.1:2379"_s;
    env.backup.url = u"s3://backups/tidb?region=us-east-1"_s;
    QVERIFY(vault.write(env.backupSecretKey(), u"access-key=AKIALOG&secret-access-key=LogS3cret"_s)
                .ok());
    BrLogClient::Options o;
    o.program = writeStandInBrLog(dir);

    const Result<QList<BrLogTask>> tasks = BrLogClient::status(env, &vault, o, u"pitr"_s);
    QVERIFY2(tasks.ok(), tasks.ok() ? "" : qPrintable(tasks.error().toString()));
    QCOMPARE(tasks->size(), 2);
    QCOMPARE(tasks->at(0).status, u"NORMAL"_s);
    QCOMPARE(tasks->at(0).checkpoint,
             QDateTime(QDate(2022, 7, 25), QTime(14, 52, 15, 518), Qt::UTC));
    QCOMPARE(tasks->at(1).errors.size(), 1);
    QVERIFY(
        readAll(dir + u"/argv-log-status.txt"_s).contains("--task-name=pitr\n--pd\n10.0.1.1:2379"));

    const Result<BrLog::Metadata> window = BrLogClient::metadata(env, &vault, o);
    QVERIFY2(window.ok(), window.ok() ? "" : qPrintable(window.error().toString()));
    QCOMPARE(window->minDate, QDateTime(QDate(2022, 7, 14), QTime(12, 8, 3, 268), Qt::UTC));
    const QByteArray metaArgs = readAll(dir + u"/argv-log-metadata.txt"_s);
    QVERIFY2(metaArgs.contains("s3://backups/tidb/log?region=us-east-1\n"), metaArgs.constData());
    QVERIFY(!metaArgs.contains("LogS3cret"));
    QVERIFY(readAll(dir + u"/env-log-metadata.txt"_s).contains("AWS_SECRET_ACCESS_KEY=LogS3cret"));

    const Result<BrLogClient::Output> started
        = BrLogClient::control(env, &vault, o, BrCommand::LogAction::Start, u"pitr"_s);
    QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().toString()));
    QVERIFY(started->text.contains(u"log start] success"_s));
    QVERIFY(!readAll(dir + u"/argv-log-start.txt"_s).contains("LogS3cret"));

    const Result<BrLogClient::Output> paused
        = BrLogClient::control(env, &vault, o, BrCommand::LogAction::Pause, u"pitr"_s);
    QVERIFY(!paused.ok());
    QVERIFY2(paused.error().message.contains(u"ErrStreamNotFound"_s),
             qPrintable(paused.error().message));
}

void TestBackupRunner::brRestorePointThroughStandIn()
{
    const QString dir = m_tmp.filePath(u"br-pitr"_s);
    QDir().mkpath(dir);
    VaultFileStore vault(m_tmp.filePath(u"brpitr.vault"_s), VaultKdfParams { 1024, 8, 1 });
    QVERIFY(vault.create(u"pass"_s).ok());
    Environment source = devOverSsh();
    source.name = u"tidb-src"_s;
    source.engine = EngineOverride::TiDB;
    source.pdUrl = u"10.0.1.1:2379"_s;
    source.backup.url = u"s3://backups/tidb?region=us-east-1"_s;
    QVERIFY(
        vault.write(source.backupSecretKey(), u"access-key=AKIAP&secret-access-key=PitrS3cret"_s)
            .ok());
    Environment into = source;
    into.name = u"tidb-scratch"_s;
    into.pdUrl = u"10.0.9.9:2379"_s;
    BackupJob full;
    full.id = u"20220720T000000Z-tidb-src-0001"_s;
    full.envName = source.name;
    full.kind = BackupJob::Kind::Br;
    full.status = BackupJob::Status::Succeeded;
    full.target = u"s3://backups/tidb?region=us-east-1&access-key=***&secret-access-key=***"_s;
    BackupJob notBr = full;
    notBr.kind = BackupJob::Kind::Logical;
    const QDateTime until(QDate(2022, 7, 20), QTime(6, 0), Qt::UTC);
    QVERIFY(
        !BackupLauncher::prepareBrRestorePoint(source, into, &vault, notBr, until, {}, {}).ok());
    Result<PreparedJob> p = BackupLauncher::prepareBrRestorePoint(source, into, &vault, full, until,
                                                                  {}, writeStandInBrLog(dir));
    QVERIFY2(p.ok(), p.ok() ? "" : qPrintable(p.error().toString()));
    p->job.root = m_tmp.filePath(u"br-pitr-jobs"_s);
    p->spec.root = p->job.root;
    BackupRunner r(p->job, p->spec, p->shellFactory(), {}, m_history.get());
    r.setPollInterval(std::chrono::milliseconds(300));
    r.start();
    const BackupJob job = waitFinished(r);
    QVERIFY2(job.status == BackupJob::Status::Succeeded, qPrintable(job.error + job.logTail));
    QCOMPARE(job.kind, BackupJob::Kind::Restore);
    QCOMPARE(job.intoEnv, u"tidb-scratch"_s);
    const QByteArray args = readAll(dir + u"/argv-restore-point.txt"_s);
    QVERIFY2(args.contains("--pd\n10.0.9.9:2379\n"), args.constData()); // the target's cluster
    QVERIFY2(args.contains("--storage\ns3://backups/tidb/log?region=us-east-1\n"),
             args.constData());
    QVERIFY2(args.contains("--full-backup-storage\ns3://backups/tidb?region=us-east-1\n"),
             args.constData());
    QVERIFY2(args.contains("--restored-ts\n2022-07-20 06:00:00+0000"), args.constData());
    QVERIFY(!args.contains("PitrS3cret") && !args.contains("***"));
    QVERIFY(
        readAll(dir + u"/env-restore-point.txt"_s).contains("AWS_SECRET_ACCESS_KEY=PitrS3cret"));
    QVERIFY(!readAll(m_history->directory() + u'/' + job.id + u".json"_s).contains("PitrS3cret"));
}

void TestBackupRunner::brSnapshotRestoreThroughStandIn()
{
    const QString dir = m_tmp.filePath(u"br-restore"_s);
    QDir().mkpath(dir);
    VaultFileStore vault(m_tmp.filePath(u"brrestore.vault"_s), VaultKdfParams { 1024, 8, 1 });
    QVERIFY(vault.create(u"pass"_s).ok());
    Environment source = devOverSsh();
    source.name = u"tidb-src2"_s;
    source.engine = EngineOverride::TiDB;
    source.pdUrl = u"10.0.1.1:2379"_s;
    QVERIFY(
        vault.write(source.backupSecretKey(), u"access-key=AKIAR&secret-access-key=RestS3cret"_s)
            .ok());
    Environment into = source;
    into.name = u"tidb-scratch2"_s;
    into.pdUrl = u"http://10.0.9.9:2379/"_s;
    BackupJob backup;
    backup.id = u"20240514T100000Z-tidb-src2-0001"_s;
    backup.envName = source.name;
    backup.kind = BackupJob::Kind::Br;
    backup.status = BackupJob::Status::Succeeded;
    backup.target = u"s3://backups/snap?access-key=***&secret-access-key=***"_s;
    Result<PreparedJob> p = BackupLauncher::prepareBrRestore(
        source, into, &vault, backup, { BrTarget::Scope::Database, u"shop"_s, {} },
        writeStandInBrLog(dir));
    QVERIFY2(p.ok(), p.ok() ? "" : qPrintable(p.error().toString()));
    p->job.root = m_tmp.filePath(u"br-restore-jobs"_s);
    p->spec.root = p->job.root;
    BackupRunner r(p->job, p->spec, p->shellFactory(), {}, m_history.get());
    r.setPollInterval(std::chrono::milliseconds(300));
    r.start();
    const BackupJob job = waitFinished(r);
    QVERIFY2(job.status == BackupJob::Status::Succeeded, qPrintable(job.error + job.logTail));
    const QByteArray args = readAll(dir + u"/argv-restore-db.txt"_s);
    QVERIFY2(args.contains("restore\ndb\n--db\nshop\n"), args.constData());
    QVERIFY2(args.contains("--pd\n10.0.9.9:2379\n"), args.constData());
    QVERIFY2(args.contains("--storage\ns3://backups/snap\n"), args.constData());
    QVERIFY(!args.contains("RestS3cret"));
    QVERIFY(readAll(dir + u"/env-restore-db.txt"_s).contains("AWS_ACCESS_KEY_ID=AKIAR"));
    // A logical backup is not a BR backup.
    backup.kind = BackupJob::Kind::Logical;
    QVERIFY(!BackupLauncher::prepareBrRestore(source, into, &vault, backup, {}, {}).ok());
}

QTEST_GUILESS_MAIN(TestBackupRunner)
#include "tst_backuprunner.moc"
