// SqlBackupRunner (TiDB's BACKUP DATABASE as a job) against the sandbox. TiDB does not run here:
// on the TiDB catalog fixture (a MariaDB with the TiDB dialect) the statement is really sent and
// refused by MariaDB, which exercises the job, the connection and the error path; the result row
// and SHOW BACKUPS are parsed in tst_backupparsers from the reference's rows. Checked here:
//  - a MariaDB environment is refused before anything is sent;
//  - the storage URL's credentials (the environment's backup secret appended in memory) appear
//    nowhere: not in the job's target or error (MariaDB quotes the statement in its error), the
//    history file, nor the activity log's statements and results - while the statement itself is
//    logged, redacted;
//  - no storage URL: a clear error before anything runs;
//  - re-attach after a restart: a job running on record is looked for in SHOW BACKUPS by its
//    connection id; MariaDB refuses SHOW BACKUPS, so the job is recorded lost with the server's
//    error (never succeeded); a job without a connection id is lost at once with the reason.
// FAILS without the sandbox.
#include "SandboxEnv.h"
#include "backup/BackupHistory.h"
#include "backup/SqlBackupRunner.h"
#include "secrets/VaultFileStore.h"
#include "sql/ActivityLog.h"
#include "sql/SqlConnection.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TiDesk;
using namespace TiDesk::Test;

class TestSqlBackup : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void mariadbIsRefused();
    void credentialsNeverLeak();
    void noStorage();
    void attachAfterRestart();

private:
    Environment env(bool tidb) const;
    BackupJob run(SqlBackupRunner::Prepared p);

    SandboxEnv m_sandbox;
    QTemporaryDir m_tmp;
    std::unique_ptr<VaultFileStore> m_vault;
    std::unique_ptr<BackupHistory> m_history;
    ActivityLog m_log;
};

void TestSqlBackup::initTestCase()
{
    QVERIFY2(m_sandbox.isValid(), qPrintable(m_sandbox.error()));
    SqlConnection::initDriver();
    m_vault = std::make_unique<VaultFileStore>(m_tmp.filePath(u"v.vault"_s),
                                               VaultKdfParams { 1024, 8, 1 });
    QVERIFY(m_vault->create(u"pass"_s).ok());
    m_history = std::make_unique<BackupHistory>(m_tmp.filePath(u"history"_s));
    for (bool tidb : { false, true }) {
        const Environment e = env(tidb);
        QVERIFY(m_vault->write(e.passwordSecretKey(), m_sandbox.adminPassword()).ok());
        QVERIFY(
            m_vault->write(e.backupSecretKey(), u"access-key=AKIA&secret-access-key=TopSecret9"_s)
                .ok());
    }
}

Environment TestSqlBackup::env(bool tidb) const
{
    Environment e;
    e.id = tidb ? QUuid(u"{8b8f9c1e-0000-4000-8000-000000000001}"_s)
                : QUuid(u"{8b8f9c1e-0000-4000-8000-000000000002}"_s);
    e.name = tidb ? u"tidb-sql"_s : u"maria-sql"_s;
    const QString server = tidb ? m_sandbox.value(u"TIDB_CATALOG_ENV"_s) : u"dev"_s;
    e.endpoints = { SqlEndpoint { u"127.0.0.1"_s, m_sandbox.mariadbPort(server), {} } };
    e.user = m_sandbox.adminUser();
    e.tls.mode = TlsMode::Disabled;
    e.engine = tidb ? EngineOverride::TiDB : EngineOverride::Auto;
    e.backup.url = u"s3://backups/tidb?region=us-east-1"_s;
    return e;
}

BackupJob TestSqlBackup::run(SqlBackupRunner::Prepared p)
{
    SqlBackupRunner runner(std::move(p), m_history.get(), nullptr, &m_log);
    QSignalSpy finished(&runner, &SqlBackupRunner::finished);
    runner.start();
    if (finished.isEmpty())
        finished.wait(30000);
    return runner.job();
}

void TestSqlBackup::mariadbIsRefused()
{
    m_log.clear();
    Result<SqlBackupRunner::Prepared> p
        = SqlBackupRunner::prepare(env(false), m_vault.get(), nullptr, {}, {}, { u"shop"_s });
    QVERIFY2(p.ok(), p.ok() ? "" : qPrintable(p.error().toString()));
    const BackupJob job = run(std::move(*p));
    QCOMPARE(job.status, BackupJob::Status::Failed);
    QVERIFY2(job.error.contains(u"BACKUP is a TiDB statement"_s), qPrintable(job.error));
    for (const ActivityEntry &e : m_log.entries())
        QVERIFY2(!e.statement.contains(u"BACKUP"_s), qPrintable(e.statement));
}

void TestSqlBackup::credentialsNeverLeak()
{
    m_log.clear();
    DialectOptions options;
    options.catalogSchema = m_sandbox.value(u"TIDB_CATALOG_SCHEMA"_s);
    Result<SqlBackupRunner::Prepared> p
        = SqlBackupRunner::prepare(env(true), m_vault.get(), nullptr, options, {}, { u"shop"_s });
    QVERIFY2(p.ok(), p.ok() ? "" : qPrintable(p.error().toString()));
    QVERIFY(p->request.destinationUrl.contains(u"TopSecret9"_s)); // in memory, for the statement
    QCOMPARE(p->job.target,
             u"s3://backups/tidb?region=us-east-1&access-key=***&secret-access-key=***"_s);
    const BackupJob job = run(std::move(*p));
    QCOMPARE(job.status, BackupJob::Status::Failed); // MariaDB does not know BACKUP DATABASE
    QVERIFY2(job.error.contains(u"SQL syntax"_s), qPrintable(job.error));
    QVERIFY2(!job.error.contains(u"TopSecret9"_s), qPrintable(job.error));
    QFile history(m_history->directory() + u'/' + job.id + u".json"_s);
    QVERIFY(history.open(QIODevice::ReadOnly));
    QVERIFY(!history.readAll().contains("TopSecret9"));
    bool sent = false;
    for (const ActivityEntry &e : m_log.entries()) {
        QVERIFY2(!e.statement.contains(u"TopSecret9"_s), qPrintable(e.statement));
        QVERIFY2(!e.result.contains(u"TopSecret9"_s), qPrintable(e.result));
        if (e.statement.startsWith(u"BACKUP DATABASE `shop` TO 's3://backups/tidb?"_s)) {
            sent = true;
            QVERIFY(e.statement.contains(u"secret-access-key=***"_s));
            QVERIFY(!e.ok);
        }
    }
    QVERIFY2(sent, "the BACKUP statement was not sent");
}

void TestSqlBackup::attachAfterRestart()
{
    DialectOptions options;
    options.catalogSchema = m_sandbox.value(u"TIDB_CATALOG_SCHEMA"_s);
    BackupJob running;
    running.id = u"20261130T010000Z-tidb-sql-beef"_s;
    running.envName = u"tidb-sql"_s;
    running.kind = BackupJob::Kind::Sql;
    running.status = BackupJob::Status::Running;
    running.startedAt = QDateTime::currentDateTimeUtc().addSecs(-120);
    running.connectionId = 424242;
    running.progress = 40;
    Result<SqlBackupRunner::Prepared> p
        = SqlBackupRunner::prepareAttach(env(true), m_vault.get(), nullptr, options, running);
    QVERIFY2(p.ok(), p.ok() ? "" : qPrintable(p.error().toString()));
    SqlBackupRunner runner(std::move(*p), m_history.get(), nullptr, &m_log);
    runner.setPollInterval(std::chrono::milliseconds(200));
    QSignalSpy finished(&runner, &SqlBackupRunner::finished);
    runner.attach();
    QVERIFY(finished.wait(30000));
    const BackupJob lost = runner.job();
    QCOMPARE(lost.status, BackupJob::Status::Lost);
    QVERIFY2(lost.error.contains(u"SHOW BACKUPS"_s) && lost.error.contains(u"SQL syntax"_s),
             qPrintable(lost.error));
    QVERIFY(lost.finishedAt.isValid());
    QCOMPARE(m_history->load(running.id)->status, BackupJob::Status::Lost);

    BackupJob unknown = running;
    unknown.id = u"20261130T010000Z-tidb-sql-cafe"_s;
    unknown.connectionId = 0;
    p = SqlBackupRunner::prepareAttach(env(true), m_vault.get(), nullptr, options, unknown);
    QVERIFY(p.ok());
    SqlBackupRunner noId(std::move(*p), m_history.get(), nullptr, &m_log);
    QSignalSpy ended(&noId, &SqlBackupRunner::finished);
    noId.attach();
    QCOMPARE(ended.size(), 1);
    QCOMPARE(noId.job().status, BackupJob::Status::Lost);
    QVERIFY2(noId.job().error.contains(u"cannot be found in SHOW BACKUPS"_s),
             qPrintable(noId.job().error));
}

void TestSqlBackup::noStorage()
{
    Environment e = env(true);
    e.backup.url.clear();
    const Result<SqlBackupRunner::Prepared> p
        = SqlBackupRunner::prepare(e, m_vault.get(), nullptr, {}, {}, {});
    QVERIFY(!p.ok());
    QVERIFY(p.error().message.contains(u"no backup storage URL"_s));
}

QTEST_GUILESS_MAIN(TestSqlBackup)
#include "tst_sqlbackup.moc"
