// BackupScript without a database: the generated scripts are valid POSIX sh (`sh -n`) for every
// kind, with names that need quoting; launch() refuses bad input before anything runs; poll and
// cancel run for real with /bin/sh against job directories and processes the test creates
// (finished, failed, running, gone, a reused pid that is not the job's); the poll answer, binlog
// positions and launch failures are parsed into clear results; a physical backup's scratch drill
// is valid shell with a hostile directory, its server socket-only, and a finished drill's poll
// carries its checksum lines.
#include "backup/BackupScript.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace TiDesk;

namespace {

struct ShellRun
{
    int exit = -1;
    QByteArray out;
};

ShellRun sh(const QString &script, const QStringList &extra = {})
{
    QProcess p;
    p.start(u"/bin/sh"_s, extra + QStringList { u"-c"_s, script });
    p.waitForFinished(30000);
    return { p.exitCode(), p.readAllStandardOutput() };
}

void write(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

BackupSpec spec(BackupJob::Kind kind)
{
    BackupSpec s;
    s.kind = kind;
    s.jobId = u"20261130T120000Z-dev-abcd"_s;
    s.root = u"/tmp/it's a dir"_s;
    s.dbHost = u"127.0.0.1"_s;
    s.dbPort = 3306;
    s.dbUser = u"o'brien"_s;
    return s;
}

} // namespace

class TestBackupScript : public QObject
{
    Q_OBJECT
private slots:
    void scriptsAreValidShell();
    void launchRefusesBadInput();
    void rootExpression();
    void pollFinishedJob();
    void pollFailedJob();
    void pollRunningAndGone();
    void cancelStopsTheJobAndRemovesIt();
    void cancelAfterSuccessKeepsIt();
    void discardOnlyPlainNames();
    void parsePoll();
    void binlog();
    void launchFailures();
    void scratchDrillScript();
    void pollReturnsDrillChecksums();
};

void TestBackupScript::scriptsAreValidShell()
{
    BackupSpec logical = spec(BackupJob::Kind::Logical);
    logical.databases = { u"shop"_s, u"it's; rm -rf /"_s, u"订单 db"_s };
    BackupSpec all = spec(BackupJob::Kind::Logical);
    BackupSpec physical = spec(BackupJob::Kind::Physical);
    BackupSpec restore = spec(BackupJob::Kind::Restore);
    restore.restoreFrom = u"~/tidesk-backups/dev/20261129T000000Z-dev-0001"_s;
    restore.renames = { { u"shop"_s, u"shop_restored"_s }, { u"crm"_s, u"crm"_s } };
    for (const BackupSpec &s : { logical, all, physical, restore }) {
        const Result<QString> launch = BackupScript::launch(s);
        QVERIFY2(launch.ok(), launch.ok() ? "" : qPrintable(launch.error().message));
        QCOMPARE(sh(*launch, { u"-n"_s }).exit, 0);
        QCOMPARE(sh(BackupScript::jobScript(s), { u"-n"_s }).exit, 0);
        QVERIFY(!launch->contains(u"MYSQL_PWD="_s)); // read from stdin, never written
    }
    // The hostile database name is one quoted word, not a command.
    const QString job = BackupScript::jobScript(logical);
    QVERIFY(job.contains(u"'it'\\''s; rm -rf /'"_s));
    QVERIFY(job.contains(u"--user='o'\\''brien'"_s));
    QVERIFY(job.contains(u"TABLE_SCHEMA IN ('shop','it''s; rm -rf /','订单 db')"_s));
    QVERIFY(BackupScript::jobScript(all).contains(u"NOT IN ('mysql'"_s));
    const QString restoreJob = BackupScript::jobScript(restore);
    QVERIFY(restoreJob.contains(u"s/^USE `shop`;$/USE `shop_restored`;/"_s));
    QVERIFY(!restoreJob.contains(u"`crm`"_s)); // same name: no rewrite
    QVERIFY(BackupScript::jobScript(physical).contains(u"--prepare"_s));
}

void TestBackupScript::launchRefusesBadInput()
{
    BackupSpec s = spec(BackupJob::Kind::Logical);
    s.jobId = u"../x"_s;
    QVERIFY(!BackupScript::launch(s).ok());
    s = spec(BackupJob::Kind::Logical);
    s.root = u"  "_s;
    QVERIFY(!BackupScript::launch(s).ok());
    s.root = u"/tmp/a\nb"_s;
    QVERIFY(!BackupScript::launch(s).ok());
    s = spec(BackupJob::Kind::Logical);
    s.dbPort = 70000;
    QVERIFY(!BackupScript::launch(s).ok());
    s = spec(BackupJob::Kind::Logical);
    s.databases = { u"a\nTIDESK_JOB_EOF"_s };
    QVERIFY(!BackupScript::launch(s).ok());
    s = spec(BackupJob::Kind::Physical);
    s.databases = { u"shop"_s };
    const Result<QString> partial = BackupScript::launch(s);
    QVERIFY(!partial.ok());
    QVERIFY(partial.error().message.contains(u"whole instance"_s));
    s = spec(BackupJob::Kind::Restore);
    s.restoreFrom = u"/x/y"_s;
    s.renames = { { u"shop"_s, u"shop/../../x"_s } };
    QVERIFY(!BackupScript::launch(s).ok());
    s = spec(BackupJob::Kind::Br);
    QVERIFY(!BackupScript::launch(s).ok());
}

void TestBackupScript::rootExpression()
{
    QCOMPARE(BackupScript::rootExpression(u"~/tidesk-backups/dev"_s),
             u"\"$HOME\"/'tidesk-backups/dev'"_s);
    QCOMPARE(BackupScript::rootExpression(u"/var/$x"_s), u"'/var/$x'"_s);
    const ShellRun r = sh(u"echo "_s + BackupScript::rootExpression(u"~/a b"_s));
    QCOMPARE(r.out.trimmed(), QDir::homePath().toUtf8() + "/a b");
}

void TestBackupScript::pollFinishedJob()
{
    QTemporaryDir root;
    const QString id = u"20261130T120000Z-dev-0001"_s;
    write(root.filePath(id + u"/exit"_s), "0\n");
    write(root.filePath(id + u"/dump.sql.gz"_s), QByteArray(4096, 'x'));
    write(root.filePath(id + u"/databases"_s), "shop\nit's db\n");
    write(root.filePath(id + u"/binlog"_s),
          "-- CHANGE MASTER TO MASTER_LOG_FILE='mysql-bin.000003', MASTER_LOG_POS=1234;\n");
    write(root.filePath(id + u"/job.log"_s), "2026-11-30T12:00:00Z completed OK\n");
    const BackupPoll p = BackupScript::parsePoll(sh(BackupScript::poll(root.path(), id, 1)).out);
    QCOMPARE(p.state, BackupPoll::State::Succeeded);
    QCOMPARE(p.exitCode, 0);
    QVERIFY(p.bytes >= 4096);
    QCOMPARE(p.binlog, u"mysql-bin.000003:1234"_s);
    QCOMPARE(p.databases, (QStringList { u"shop"_s, u"it's db"_s }));
    QCOMPARE(p.progress(), 100.0);
    QVERIFY(p.logTail.contains(u"completed OK"_s));
}

void TestBackupScript::pollFailedJob()
{
    QTemporaryDir root;
    const QString id = u"20261130T120000Z-dev-0002"_s;
    write(root.filePath(id + u".partial/exit"_s), "2\n");
    write(root.filePath(id + u".partial/job.log"_s),
          "mariadb-dump: Got error: 1049: \"Unknown database 'x'\"\n"
          "2026-11-30T12:00:00Z FAILED: mariadb-dump exited with status 2\n");
    const BackupPoll p = BackupScript::parsePoll(sh(BackupScript::poll(root.path(), id, 1)).out);
    QCOMPARE(p.state, BackupPoll::State::Failed);
    QCOMPARE(p.exitCode, 2);
    QVERIFY(p.logTail.contains(u"Unknown database"_s));
}

void TestBackupScript::pollRunningAndGone()
{
    QTemporaryDir root;
    const QString id = u"20261130T120000Z-dev-0003"_s;
    write(root.filePath(id + u".partial/total"_s), "10\n");
    write(root.filePath(id + u".partial/databases"_s), "shop\n");
    write(root.filePath(id + u".partial/job.log"_s),
          "-- Retrieving table structure for table a...\n"
          "-- Retrieving table structure for table b...\n");
    // A process whose command line names the job, like `sh ID.partial/job.sh`.
    QProcess job;
    job.start(u"/bin/sh"_s, { u"-c"_s, u"sleep 30"_s, id });
    QVERIFY(job.waitForStarted());
    BackupPoll p
        = BackupScript::parsePoll(sh(BackupScript::poll(root.path(), id, job.processId())).out);
    QCOMPARE(p.state, BackupPoll::State::Running);
    QCOMPARE(p.total, 10);
    QCOMPARE(p.done, 2);
    QCOMPARE(p.progress(), 20.0);
    // A live pid that is not the job's (reused after a reboot) does not count.
    QProcess other;
    other.start(u"/bin/sh"_s, { u"-c"_s, u"sleep 30"_s });
    QVERIFY(other.waitForStarted());
    p = BackupScript::parsePoll(sh(BackupScript::poll(root.path(), id, other.processId())).out);
    QCOMPARE(p.state, BackupPoll::State::Gone);
    const qint64 jobPid = job.processId();
    other.kill();
    job.kill();
    job.waitForFinished();
    p = BackupScript::parsePoll(sh(BackupScript::poll(root.path(), id, jobPid)).out);
    QCOMPARE(p.state, BackupPoll::State::Gone);
    // No pid on record (0 would mean "my process group" to kill): never alive.
    p = BackupScript::parsePoll(sh(BackupScript::poll(root.path(), id, 0)).out);
    QCOMPARE(p.state, BackupPoll::State::Gone);
    other.waitForFinished();
}

void TestBackupScript::cancelStopsTheJobAndRemovesIt()
{
    QTemporaryDir root;
    const QString id = u"20261130T120000Z-dev-0004"_s;
    write(root.filePath(id + u".partial/dump.sql.gz"_s), "half");
    // Its own process group, like setsid: the child is killed with it.
    QProcess job;
    job.start(u"setsid"_s, { u"/bin/sh"_s, u"-c"_s, u"sleep 60 & sleep 60; wait"_s, id });
    QVERIFY(job.waitForStarted());
    QTest::qWait(200);
    const ShellRun r = sh(BackupScript::cancel(root.path(), id, job.processId()));
    QVERIFY2(r.out.contains("TIDESK_STATE=cancelled"), r.out.constData());
    QVERIFY(job.waitForFinished(5000));
    QVERIFY(!QFileInfo::exists(root.filePath(id + u".partial"_s)));
}

void TestBackupScript::cancelAfterSuccessKeepsIt()
{
    QTemporaryDir root;
    const QString id = u"20261130T120000Z-dev-0005"_s;
    write(root.filePath(id + u"/exit"_s), "0\n");
    const ShellRun r = sh(BackupScript::cancel(root.path(), id, 999999));
    QVERIFY2(r.out.contains("TIDESK_STATE=finished"), r.out.constData());
    QVERIFY(QFileInfo::exists(root.filePath(id + u"/exit"_s)));
}

void TestBackupScript::discardOnlyPlainNames()
{
    QTemporaryDir root;
    write(root.filePath(u"keep/x"_s), "x");
    write(root.filePath(u"20261130T120000Z-dev-0006/x"_s), "x");
    ShellRun r = sh(BackupScript::discard(root.path(), u""_s));
    QCOMPARE(r.exit, 64);
    r = sh(BackupScript::discard(root.path(), u"../keep"_s));
    QCOMPARE(r.exit, 64);
    QVERIFY(QFileInfo::exists(root.filePath(u"keep/x"_s)));
    r = sh(BackupScript::discard(root.path(), u"20261130T120000Z-dev-0006"_s));
    QVERIFY(r.out.contains("TIDESK_DISCARDED"));
    QVERIFY(!QFileInfo::exists(root.filePath(u"20261130T120000Z-dev-0006"_s)));
    QVERIFY(QFileInfo::exists(root.filePath(u"keep/x"_s)));
}

void TestBackupScript::parsePoll()
{
    BackupPoll p = BackupScript::parsePoll("TIDESK_STATE=running\nTIDESK_BYTES=500\n"
                                           "TIDESK_TOTAL=2000\nTIDESK_LOG_BEGIN\ncopying\n");
    QCOMPARE(p.state, BackupPoll::State::Running);
    QCOMPARE(p.progress(), 25.0); // physical: bytes of the data directory
    QCOMPARE(p.logTail, u"copying"_s);
    p = BackupScript::parsePoll("TIDESK_STATE=running\nTIDESK_BYTES=99999\nTIDESK_TOTAL=10\n");
    QCOMPARE(p.progress(), 99.0); // never 100 before it ends
    p = BackupScript::parsePoll("garbage\n");
    QCOMPARE(p.state, BackupPoll::State::Gone);
    QCOMPARE(p.progress(), -1.0);
    p = BackupScript::parsePoll("TIDESK_STATE=finished\nTIDESK_EXIT=x\n");
    QCOMPARE(p.state, BackupPoll::State::Failed);
    QCOMPARE(BackupScript::launchedPid("noise\nTIDESK_BACKUP_PID=4242\n"), 4242);
    QCOMPARE(BackupScript::launchedPid("nothing"), 0);
}

void TestBackupScript::binlog()
{
    QCOMPARE(BackupScript::binlogFrom(u"-- CHANGE MASTER TO MASTER_LOG_FILE='mysql-bin.000001', "
                                      "MASTER_LOG_POS=5600;"_s),
             u"mysql-bin.000001:5600"_s);
    QCOMPARE(BackupScript::binlogFrom(u"mysql-bin.000001\t6881\t0-4-31"_s),
             u"mysql-bin.000001:6881 (GTID 0-4-31)"_s);
    QCOMPARE(BackupScript::binlogFrom(u"mysql-bin.000002\t4"_s), u"mysql-bin.000002:4"_s);
    QCOMPARE(BackupScript::binlogFrom(QString()), QString());
}

void TestBackupScript::launchFailures()
{
    Error e = BackupScript::launchFailure(u"/b"_s, u"root@db1:22"_s, 69,
                                          "TIDESK_BACKUP_ERROR=no-tool:mariadb-backup\n");
    QCOMPARE(e.kind, ErrorKind::NotFound);
    QCOMPARE(e.message,
             u"mariadb-backup is not installed on root@db1:22 (it is needed for this "
             "job)."_s);
    e = BackupScript::launchFailure(u"/b"_s, u"root@db1:22"_s, 73,
                                    "TIDESK_BACKUP_ERROR=unwritable\n");
    QCOMPARE(e.message, u"Cannot write to the backup directory /b on root@db1:22."_s);
    e = BackupScript::launchFailure(u"/b"_s, u"h"_s, 73, "TIDESK_BACKUP_ERROR=exists\n");
    QVERIFY(e.message.contains(u"already exists"_s));
    e = BackupScript::launchFailure(u"/b"_s, u"h"_s, 127, "sh: 1: setsid: not found\n");
    QCOMPARE(e.kind, ErrorKind::Server);
    QVERIFY(e.message.contains(u"exit status 127"_s));
    QVERIFY(e.detail.contains(u"setsid"_s));
}

// A physical backup's scratch drill: valid shell with a hostile directory and backup id, needs
// no database host, user or password, and its server is socket-only and left no way out.
void TestBackupScript::scratchDrillScript()
{
    BackupSpec drill;
    drill.kind = BackupJob::Kind::Restore;
    drill.scratchDrill = true;
    drill.jobId = u"20261130T120000Z-dev-d1d1"_s;
    drill.root = u"/tmp/it's $(touch /tmp/pwned) `id` a dir"_s;
    drill.restoreFrom = drill.root + u"/20261129T000000Z-dev-0001"_s;
    const Result<QString> launch = BackupScript::launch(drill);
    QVERIFY2(launch.ok(), launch.ok() ? "" : qPrintable(launch.error().message));
    QCOMPARE(sh(*launch, { u"-n"_s }).exit, 0);
    const QString job = BackupScript::jobScript(drill);
    QCOMPARE(sh(job, { u"-n"_s }).exit, 0);
    QVERIFY(job.contains(u"src='/tmp/it'\\''s $(touch /tmp/pwned) `id` a "_s
                         u"dir/20261129T000000Z-dev-0001'/data"_s));
    QVERIFY(job.contains(u"--copy-back --target-dir=\"$src\" --datadir=\"$scratch\""_s));
    for (const QString &option :
         { u"--skip-networking"_s, u"--skip-grant-tables"_s, u"--skip-slave-start"_s,
           u"--event-scheduler=DISABLED"_s, u"--socket=\"$sock\""_s, u"--no-defaults"_s })
        QVERIFY2(job.contains(option), qPrintable(option));
    QString serverLine;
    for (const QString &line : job.split(u'\n'))
        if (line.startsWith(u"\"$server\" \"$defaults\""_s))
            serverLine = line;
    QVERIFY2(serverLine.contains(u"--skip-networking"_s), qPrintable(job));
    QVERIFY(!serverLine.contains(u"--port"_s) && !serverLine.contains(u"--bind"_s));
    QVERIFY(job.contains(u"CHECKSUM TABLE '\\'', t, '\\'' EXTENDED"_s)); // SQL in '...'
    QVERIFY(job.contains(u"trap '"_s)); // a cancel's TERM stops the scratch server first
    QVERIFY(launch->contains(u"no-tool:mariadbd"_s));
    QVERIFY(launch->contains(u"no-tool:mariadb-backup"_s));
    // The job id is still checked.
    drill.jobId = u"../x"_s;
    QVERIFY(!BackupScript::launch(drill).ok());
}

void TestBackupScript::pollReturnsDrillChecksums()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString id = u"20261130T120000Z-dev-d2d2"_s;
    write(tmp.filePath(id + u"/exit"_s), "0\n");
    write(tmp.filePath(id + u"/checksums"_s),
          "V\t10.11.19-MariaDB\nR\tshop\tit=s\t3\nshop.it=s\t123\n");
    const BackupPoll p = BackupScript::parsePoll(sh(BackupScript::poll(tmp.path(), id, 0)).out);
    QCOMPARE(p.state, BackupPoll::State::Succeeded);
    QCOMPARE(
        p.checksums,
        (QStringList { u"V\t10.11.19-MariaDB"_s, u"R\tshop\tit=s\t3"_s, u"shop.it=s\t123"_s }));
}

QTEST_GUILESS_MAIN(TestBackupScript)
#include "tst_backupscript.moc"
