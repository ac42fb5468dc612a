// tidesk-cli backup / restore end to end against the sandbox (real MariaDB dev and test01, run on
// this machine): a logical backup of a test database with --wait records size, binlog position and
// the source's checksums; list and status show it; restore into test01 verifies every table;
// restoring again into the same names is refused (nothing restored), --overwrite needs the typed
// name without a terminal, a production target needs --confirm; a drill restores under drill
// names, verifies and drops them; run-due starts a due schedule once, and its retention removes
// the older backup's directory and record; usage errors and an unknown job are clear; a physical
// backup with --wait records the checksums of every database, and `restore drill ENV` (no
// --into) drills it in a scratch server: verified, the environment's last verified restore,
// nothing left running; a physical drill refuses --into, and needs a physical backup.
// FAILS without the sandbox.
#include "CliRunner.h"
#include "SandboxEnv.h"
#include "WorkloadPause.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

using TiDesk::Test::CliRun;

class TestCliBackup : public QObject
{
    Q_OBJECT

    TiDesk::Test::SandboxEnv m_sandbox;
    QTemporaryDir m_home;
    QString m_db;
    QString m_backupId;

    CliRun cli(const QStringList &args, const QByteArray &stdinData = {})
    {
        return TiDesk::Test::runCli(QStringLiteral(TIDESK_CLI_BINARY), m_home.path(),
                                    u"vault-pass-backup"_s, args, stdinData);
    }

    // SQL through the mariadb client (this test links no TiDesk library).
    QByteArray sql(const QString &env, const QString &statement)
    {
        QProcess p;
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(u"MYSQL_PWD"_s, m_sandbox.adminPassword());
        p.setProcessEnvironment(e);
        p.start(u"mariadb"_s,
                { u"--host=127.0.0.1"_s, u"--port="_s + QString::number(m_sandbox.mariadbPort(env)),
                  u"--user="_s + m_sandbox.adminUser(), u"--batch"_s, u"--skip-column-names"_s,
                  u"-e"_s, statement });
        p.waitForFinished(30000);
        return p.readAllStandardOutput().trimmed();
    }

    void addEnv(const QString &name, const QString &tier, const QString &sandboxEnv)
    {
        const CliRun r = cli({ u"env"_s, u"add"_s, name, u"--tier"_s, tier, u"--host"_s,
                               u"127.0.0.1:"_s + QString::number(m_sandbox.mariadbPort(sandboxEnv)),
                               u"--user"_s, m_sandbox.adminUser(), u"--tls-mode"_s, u"disabled"_s,
                               u"--password-stdin"_s },
                             (m_sandbox.adminPassword() + u'\n').toUtf8());
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    // Processes whose command line contains needle.
    static int processesNaming(const QString &needle)
    {
        int n = 0;
        for (const QString &entry : QDir(u"/proc"_s).entryList(QDir::Dirs)) {
            QFile f(u"/proc/"_s + entry + u"/cmdline"_s);
            if (entry.toLongLong() > 0 && f.open(QIODevice::ReadOnly)
                && f.readAll().contains(needle.toUtf8()))
                ++n;
        }
        return n;
    }

    QString artifacts() const { return m_home.filePath(u"artifacts"_s); }

    QJsonObject editJob(const QString &id, const std::function<void(QJsonObject &)> &edit)
    {
        QFile f(m_home.filePath(u"backups/"_s + id + u".json"_s));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
        f.close();
        edit(o);
        if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            f.write(QJsonDocument(o).toJson());
        return o;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_sandbox.isValid(), qPrintable(m_sandbox.error()));
        QVERIFY(m_home.isValid());
        addEnv(u"dev-b"_s, u"dev"_s, u"dev"_s);
        addEnv(u"scratch-b"_s, u"test"_s, u"test01"_s);
        addEnv(u"prod-b"_s, u"prod"_s, u"test01"_s);
        m_db = u"tidesk_clib_%1"_s.arg(QRandomGenerator::global()->bounded(0x10000), 4, 16,
                                       QChar(u'0'));
        sql(u"dev"_s, u"CREATE DATABASE "_s + m_db);
        sql(u"dev"_s, u"CREATE TABLE "_s + m_db + u".boxes (id INT PRIMARY KEY, w INT)"_s);
        sql(u"dev"_s,
            u"INSERT INTO "_s + m_db + u".boxes SELECT seq, seq * 3 FROM "_s + m_db
                + u".seq_1_to_500"_s);
        QCOMPARE(sql(u"dev"_s, u"SELECT COUNT(*) FROM "_s + m_db + u".boxes"_s), "500");
    }

    void cleanupTestCase()
    {
        sql(u"dev"_s, u"DROP DATABASE IF EXISTS "_s + m_db);
        sql(u"test01"_s, u"DROP DATABASE IF EXISTS "_s + m_db);
        sql(u"test01"_s, u"DROP DATABASE IF EXISTS "_s + m_db + u"_r"_s);
    }

    void backupWaitRecordsEverything()
    {
        const CliRun r = cli({ u"--json"_s, u"backup"_s, u"start"_s, u"dev-b"_s, u"--to"_s,
                               artifacts(), u"--database"_s, m_db, u"--wait"_s });
        QVERIFY2(r.exitCode == 0, r.both().constData());
        const QJsonObject job = r.json();
        QCOMPARE(job.value(u"status"_s).toString(), u"succeeded"_s);
        QCOMPARE(job.value(u"kind"_s).toString(), u"logical"_s);
        QCOMPARE(job.value(u"env"_s).toString(), u"dev-b"_s);
        QVERIFY(job.value(u"size_bytes"_s).toDouble() > 0);
        QVERIFY(job.value(u"started_at"_s).isString());
        QVERIFY(job.value(u"finished_at"_s).isString());
        QVERIFY(job.value(u"error"_s).isNull());
        QVERIFY(job.value(u"target"_s).toString().endsWith(job.value(u"id"_s).toString()));
        QVERIFY(job.value(u"binlog_position"_s).toString().startsWith(u"mysql-bin."_s));
        QVERIFY2(job.value(u"checksum"_s).toString().contains(u"(1 tables)"_s),
                 qPrintable(job.value(u"checksum"_s).toString()));
        m_backupId = job.value(u"id"_s).toString();
        QVERIFY(QFile::exists(artifacts() + u'/' + m_backupId + u"/dump.sql.gz"_s));
    }

    void listAndStatus()
    {
        CliRun r = cli({ u"--json"_s, u"backup"_s, u"list"_s, u"dev-b"_s });
        QVERIFY2(r.exitCode == 0, r.both().constData());
        const QJsonArray jobs = r.document().array();
        QVERIFY(!jobs.isEmpty());
        QCOMPARE(jobs.first().toObject().value(u"id"_s).toString(), m_backupId);
        r = cli({ u"backup"_s, u"status"_s, m_backupId });
        QVERIFY2(r.exitCode == 0, r.both().constData());
        QVERIFY(r.out.contains("succeeded"));
        r = cli({ u"backup"_s, u"status"_s, u"20200101T000000Z-nope-0000"_s });
        QCOMPARE(r.exitCode, 3);
        r = cli({ u"backup"_s, u"cancel"_s, m_backupId });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("already ended"), r.err.constData());
        r = cli({ u"backup"_s, u"start"_s, u"dev-b"_s, u"--kind"_s, u"bogus"_s });
        QCOMPARE(r.exitCode, 2);
    }

    void backupSecretAndBrRefusals()
    {
        CliRun r = cli({ u"env"_s, u"set-backup-secret"_s, u"dev-b"_s, u"--secret-stdin"_s },
                       "access-key=AK&secret-access-key=SK\n");
        QVERIFY2(r.exitCode == 0, r.both().constData());
        QVERIFY(!r.both().contains("SK"));
        r = cli({ u"env"_s, u"set-backup-secret"_s, u"dev-b"_s, u"--secret-stdin"_s },
                "just-a-password\n");
        QCOMPARE(r.exitCode, 3);
        // BR needs a PD address; TiDB's BACKUP SQL needs a storage URL, then a TiDB.
        r = cli({ u"backup"_s, u"start"_s, u"dev-b"_s, u"--kind"_s, u"br"_s });
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("no PD address"), r.err.constData());
        r = cli({ u"backup"_s, u"start"_s, u"dev-b"_s, u"--kind"_s, u"sql"_s });
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("no backup storage URL"), r.err.constData());
        r = cli({ u"backup"_s, u"start"_s, u"scratch-b"_s, u"--kind"_s, u"sql"_s, u"--storage"_s,
                  u"local:///tmp/x"_s });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains("BACKUP is a TiDB statement"), r.both().constData());
        // Log backup and point-in-time restore: PD needed; a time that is not one is refused.
        r = cli({ u"backup"_s, u"log"_s, u"status"_s, u"dev-b"_s });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("no PD address"), r.err.constData());
        r = cli({ u"restore"_s, u"dev-b"_s, u"--backup"_s, u"x"_s, u"--into"_s, u"scratch-b"_s,
                  u"--until"_s, u"yesterday"_s, u"--yes"_s });
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--until takes a time"), r.err.constData());
    }

    // A log backup started through tidesk-cli is on record: `backup health` reads its status
    // again (a stand-in br with BR's recorded output: checkpoint 2022-07-25 14:52:15 UTC, years
    // behind -> critical) and shows it; `backup log stop` forgets it.
    void logBackupInHealth()
    {
        CliRun r = cli({ u"env"_s, u"add"_s, u"tidb-b"_s, u"--tier"_s, u"uat"_s, u"--host"_s,
                         u"127.0.0.1:4000"_s, u"--user"_s, u"root"_s, u"--pd"_s,
                         u"http://10.0.1.1:2379"_s });
        QVERIFY2(r.exitCode == 0, r.both().constData());
        const QString br = m_home.filePath(u"br"_s);
        QFile f(br);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            QString(u"#!/bin/sh\ncase \"$1 $2\" in\n'log status') cat '"_s
                    + QStringLiteral(TIDESK_TEST_DATA_DIR)
                    + u"/backup/br-log-status.txt' ;;\n*) echo \"[INFO] [$1 $2] ok\" ;;\nesac\n"_s)
                .toUtf8());
        f.close();
        QVERIFY(f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                 | QFileDevice::ExeOwner));
        r = cli({ u"backup"_s, u"log"_s, u"start"_s, u"tidb-b"_s, u"--br"_s, br, u"--storage"_s,
                  u"s3://backups/tidb-b/log?region=us-east-1"_s });
        QVERIFY2(r.exitCode == 0, r.both().constData());
        r = cli({ u"--json"_s, u"backup"_s, u"health"_s, u"tidb-b"_s });
        QCOMPARE(r.exitCode, 1); // critical
        const QJsonObject h = QJsonDocument::fromJson(r.out).array().at(0).toObject();
        const QJsonObject log = h.value(u"log_backup"_s).toObject();
        QCOMPARE(log.value(u"task"_s).toString(), u"pitr"_s);
        QCOMPARE(log.value(u"status"_s).toString(), u"NORMAL"_s);
        QCOMPARE(log.value(u"checkpoint"_s).toString(), u"2022-07-25T14:52:15.518Z"_s);
        QCOMPARE(log.value(u"level"_s).toString(), u"critical"_s);
        QVERIFY(log.value(u"lag_s"_s).toInteger() > 365 * 86400);
        r = cli({ u"backup"_s, u"health"_s, u"tidb-b"_s, u"--cached"_s });
        QVERIFY2(r.out.contains("checkpoint") && r.out.contains("behind"), r.out.constData());
        r = cli({ u"backup"_s, u"log"_s, u"stop"_s, u"tidb-b"_s, u"--br"_s, br });
        QVERIFY2(r.exitCode == 0, r.both().constData());
        r = cli({ u"--json"_s, u"backup"_s, u"health"_s, u"tidb-b"_s });
        QVERIFY(QJsonDocument::fromJson(r.out)
                    .array()
                    .at(0)
                    .toObject()
                    .value(u"log_backup"_s)
                    .isNull());
    }

    // A SQL BACKUP on record is restored with RESTORE DATABASE: on a MariaDB target the runner
    // refuses it before anything is sent, and says so.
    void sqlBackupRestoreIsRefusedOnMariadb()
    {
        QDir().mkpath(m_home.filePath(u"backups"_s));
        QFile f(m_home.filePath(u"backups/20261130T050000Z-dev-b-5q1b.json"_s));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(QJsonObject { { u"id"_s, u"20261130T050000Z-dev-b-5q1b"_s },
                                            { u"env"_s, u"dev-b"_s },
                                            { u"kind"_s, u"sql"_s },
                                            { u"status"_s, u"succeeded"_s },
                                            { u"started_at"_s, u"2026-11-30T05:00:00Z"_s },
                                            { u"finished_at"_s, u"2026-11-30T05:01:00Z"_s },
                                            { u"size_bytes"_s, 1000 },
                                            { u"target"_s, u"local:///tmp/sql-backup"_s },
                                            { u"error"_s, QString() } })
                    .toJson());
        f.close();
        const CliRun r = cli({ u"--json"_s, u"restore"_s, u"dev-b"_s, u"--backup"_s,
                               u"20261130T050000Z-dev-b-5q1b"_s, u"--into"_s, u"scratch-b"_s,
                               u"--database"_s, u"shop"_s, u"--yes"_s });
        QCOMPARE(r.exitCode, 1);
        const QJsonObject job = r.json();
        QCOMPARE(job.value(u"kind"_s).toString(), u"restore"_s);
        QCOMPARE(job.value(u"status"_s).toString(), u"failed"_s);
        QVERIFY2(job.value(u"error"_s).toString().contains(u"RESTORE is a TiDB statement"_s),
                 r.both().constData());
    }

    void restoreVerifies()
    {
        const CliRun r = cli({ u"--json"_s, u"restore"_s, u"dev-b"_s, u"--backup"_s, m_backupId,
                               u"--into"_s, u"scratch-b"_s, u"--yes"_s });
        QVERIFY2(r.exitCode == 0, r.both().constData());
        const QJsonObject job = r.json();
        QCOMPARE(job.value(u"kind"_s).toString(), u"restore"_s);
        QCOMPARE(job.value(u"status"_s).toString(), u"succeeded"_s);
        QCOMPARE(job.value(u"verified"_s).toBool(), true);
        QCOMPARE(job.value(u"verification"_s).toString(), u"1 table matches"_s);
        QCOMPARE(sql(u"test01"_s, u"SELECT SUM(w) FROM "_s + m_db + u".boxes"_s), "375750");
    }

    void restoreIntoOccupiedIsRefused()
    {
        sql(u"test01"_s, u"UPDATE "_s + m_db + u".boxes SET w = 0 WHERE id = 1"_s);
        CliRun r = cli({ u"restore"_s, u"dev-b"_s, u"--backup"_s, m_backupId, u"--into"_s,
                         u"scratch-b"_s, u"--yes"_s });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("already hold tables") && r.err.contains(m_db.toUtf8()),
                 r.err.constData());
        QCOMPARE(sql(u"test01"_s, u"SELECT w FROM "_s + m_db + u".boxes WHERE id = 1"_s), "0");
        // --overwrite without the typed name and without a terminal: refused before anything.
        r = cli({ u"restore"_s, u"dev-b"_s, u"--backup"_s, m_backupId, u"--into"_s, u"scratch-b"_s,
                  u"--overwrite"_s, u"--yes"_s });
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--confirm scratch-b"), r.err.constData());
        QCOMPARE(sql(u"test01"_s, u"SELECT w FROM "_s + m_db + u".boxes WHERE id = 1"_s), "0");
        r = cli({ u"restore"_s, u"dev-b"_s, u"--backup"_s, m_backupId, u"--into"_s, u"scratch-b"_s,
                  u"--overwrite"_s, u"--confirm"_s, u"scratch-b"_s });
        QVERIFY2(r.exitCode == 0, r.both().constData());
        QCOMPARE(sql(u"test01"_s, u"SELECT w FROM "_s + m_db + u".boxes WHERE id = 1"_s), "3");
    }

    void productionNeedsTypedName()
    {
        const CliRun r
            = cli({ u"restore"_s, u"dev-b"_s, u"--backup"_s, m_backupId, u"--into"_s, u"prod-b"_s,
                    u"--rename"_s, m_db + u'=' + m_db + u"_r"_s, u"--yes"_s });
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--confirm prod-b"), r.err.constData());
        QCOMPARE(sql(u"test01"_s, u"SHOW DATABASES LIKE '"_s + m_db + u"_r'"_s), "");
        const CliRun ok
            = cli({ u"restore"_s, u"dev-b"_s, u"--backup"_s, m_backupId, u"--into"_s, u"prod-b"_s,
                    u"--rename"_s, m_db + u'=' + m_db + u"_r"_s, u"--confirm"_s, u"prod-b"_s });
        QVERIFY2(ok.exitCode == 0, ok.both().constData());
        QCOMPARE(sql(u"test01"_s, u"SELECT COUNT(*) FROM "_s + m_db + u"_r.boxes"_s), "500");
    }

    void drillVerifiesAndCleansUp()
    {
        const CliRun r = cli(
            { u"--json"_s, u"restore"_s, u"drill"_s, u"dev-b"_s, u"--into"_s, u"scratch-b"_s });
        QVERIFY2(r.exitCode == 0, r.both().constData());
        const QJsonObject job = r.json();
        QCOMPARE(job.value(u"drill"_s).toBool(), true);
        QCOMPARE(job.value(u"verified"_s).toBool(), true);
        QCOMPARE(job.value(u"source_backup"_s).toString(), m_backupId);
        QCOMPARE(sql(u"test01"_s, u"SHOW DATABASES LIKE '%\\_drill\\_%'"_s), "");

        // The environment's health: a fresh good backup and this verified drill.
        const CliRun h = cli({ u"--json"_s, u"backup"_s, u"health"_s, u"dev-b"_s });
        QVERIFY2(h.exitCode == 0, h.both().constData());
        const QJsonObject health = h.document().array().first().toObject();
        QCOMPARE(health.value(u"level"_s).toString(), u"ok"_s);
        QCOMPARE(health.value(u"last_good"_s).toObject().value(u"id"_s).toString(), m_backupId);
        QCOMPARE(health.value(u"last_verified_restore"_s).toObject().value(u"id"_s).toString(),
                 job.value(u"id"_s).toString());
        // scratch-b never had a backup: critical, exit status 1 like a failed check.
        QCOMPARE(cli({ u"backup"_s, u"health"_s, u"scratch-b"_s }).exitCode, 1);
    }

    void runDueAndRetention()
    {
        CliRun r = cli({ u"backup"_s, u"schedule"_s, u"add"_s, u"dev-hourly"_s, u"--env"_s,
                         u"dev-b"_s, u"--kind"_s, u"logical"_s, u"--hourly"_s, u"0"_s, u"--keep"_s,
                         u"1"_s, u"--target"_s, artifacts() });
        QVERIFY2(r.exitCode == 0, r.both().constData());
        r = cli({ u"backup"_s, u"run-due"_s });
        QVERIFY2(r.exitCode == 0, r.both().constData());
        QVERIFY2(r.out.contains("No backup is due"), r.out.constData()); // added just now

        // Pretend the schedule was added three hours ago: one slot is due (not three).
        QFile f(m_home.filePath(u"backup-schedules.json"_s));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonObject file = QJsonDocument::fromJson(f.readAll()).object();
        f.close();
        QJsonArray schedules = file.value(u"schedules"_s).toArray();
        QJsonObject s = schedules.first().toObject();
        s.insert(u"created_at"_s,
                 QDateTime::currentDateTimeUtc().addSecs(-3 * 3600).toString(Qt::ISODate));
        schedules.replace(0, s);
        file.insert(u"schedules"_s, schedules);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QJsonDocument(file).toJson());
        f.close();

        r = cli({ u"--json"_s, u"backup"_s, u"run-due"_s });
        QVERIFY2(r.exitCode == 0, r.both().constData());
        QJsonArray started = r.document().array();
        QCOMPARE(started.size(), 1);
        const QString first = started.first().toObject().value(u"id"_s).toString();
        QCOMPARE(started.first().toObject().value(u"schedule"_s).toString(), u"dev-hourly"_s);
        QCOMPARE(started.first().toObject().value(u"status"_s).toString(), u"succeeded"_s);
        r = cli({ u"--json"_s, u"backup"_s, u"run-due"_s });
        QCOMPARE(r.document().array().size(), 0); // that slot ran

        // Its run was two hours ago: due again; keep 1 removes the first backup.
        editJob(first, [](QJsonObject &o) {
            const QString past
                = QDateTime::currentDateTimeUtc().addSecs(-2 * 3600).toString(Qt::ISODateWithMs);
            o.insert(u"started_at"_s, past);
            o.insert(u"finished_at"_s, past);
        });
        r = cli({ u"--json"_s, u"backup"_s, u"run-due"_s });
        QVERIFY2(r.exitCode == 0, r.both().constData());
        started = r.document().array();
        QCOMPARE(started.size(), 1);
        QVERIFY(started.first().toObject().value(u"id"_s).toString() != first);
        QVERIFY2(r.err.contains(QByteArray("removed " + first.toUtf8())), r.err.constData());
        QVERIFY(!QFileInfo::exists(artifacts() + u'/' + first));
        QVERIFY(!QFile::exists(m_home.filePath(u"backups/"_s + first + u".json"_s)));
    }

    void physicalDrillVerifies()
    {
        // Usage first: a physical drill has no target, a logical one needs one.
        CliRun r = cli({ u"restore"_s, u"drill"_s, u"dev-b"_s, u"--kind"_s, u"physical"_s,
                         u"--into"_s, u"scratch-b"_s });
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--into and --keep are for a logical drill"), r.err.constData());
        r = cli({ u"restore"_s, u"drill"_s, u"dev-b"_s, u"--kind"_s, u"logical"_s });
        QCOMPARE(r.exitCode, 2);
        r = cli({ u"restore"_s, u"drill"_s, u"dev-b"_s, u"--kind"_s, u"br"_s });
        QCOMPARE(r.exitCode, 2);
        r = cli({ u"restore"_s, u"drill"_s, u"scratch-b"_s });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("no successful physical backup"), r.err.constData());

        TiDesk::Test::WorkloadPause workload(m_sandbox);
        QVERIFY(workload.paused());
        r = cli({ u"--json"_s, u"backup"_s, u"start"_s, u"dev-b"_s, u"--kind"_s, u"physical"_s,
                  u"--to"_s, artifacts(), u"--wait"_s });
        workload.resume();
        QVERIFY2(r.exitCode == 0, r.both().constData());
        const QJsonObject backup = r.json();
        QCOMPARE(backup.value(u"kind"_s).toString(), u"physical"_s);
        QCOMPARE(backup.value(u"status"_s).toString(), u"succeeded"_s);
        // Every non-system database: shop's 5 tables and this test's at least.
        const QString checksum = backup.value(u"checksum"_s).toString();
        QVERIFY2(checksum.startsWith(u"sha256:"_s), qPrintable(checksum));
        QVERIFY(QFile::exists(m_home.filePath(u"backups/checksums/"_s
                                              + backup.value(u"id"_s).toString() + u".json"_s)));

        r = cli({ u"--json"_s, u"restore"_s, u"drill"_s, u"dev-b"_s });
        QVERIFY2(r.exitCode == 0, r.both().constData());
        const QJsonObject job = r.json();
        QCOMPARE(job.value(u"kind"_s).toString(), u"restore"_s);
        QCOMPARE(job.value(u"status"_s).toString(), u"succeeded"_s);
        QCOMPARE(job.value(u"drill"_s).toBool(), true);
        QCOMPARE(job.value(u"scratch"_s).toBool(), true);
        QCOMPARE(job.value(u"source_backup"_s).toString(), backup.value(u"id"_s).toString());
        QCOMPARE(job.value(u"verified"_s).toBool(), true);
        QVERIFY2(job.value(u"verification"_s).toString().endsWith(u"tables match"_s),
                 qPrintable(job.value(u"verification"_s).toString()));
        QVERIFY(r.err.contains("scratch server on local"));
        const QString id = job.value(u"id"_s).toString();
        QVERIFY(!QFileInfo::exists(artifacts() + u'/' + id + u"/scratch"_s));
        QVERIFY(!QFileInfo::exists(artifacts() + u'/' + id + u".partial"_s));
        QCOMPARE(processesNaming(artifacts() + u'/' + id), 0);
        QVERIFY(QFileInfo::exists(artifacts() + u'/' + backup.value(u"id"_s).toString()
                                  + u"/data/xtrabackup_checkpoints"_s));

        const CliRun h = cli({ u"--json"_s, u"backup"_s, u"health"_s, u"dev-b"_s });
        const QJsonObject health = h.document().array().first().toObject();
        QCOMPARE(health.value(u"last_verified_restore"_s).toObject().value(u"id"_s).toString(), id);
    }
};

QTEST_GUILESS_MAIN(TestCliBackup)
#include "tst_cli_backup.moc"
