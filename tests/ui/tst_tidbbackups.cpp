// TiDB backups from the Backups page. TiDB and BR do not run here: a stand-in `br` (first in PATH
// of this process, so of the jobs run on this machine) replays BR's recorded output
// (tests/data/backup) and writes down its arguments; the SQL path uses the sandbox's TiDB catalog
// fixture (a MariaDB spoken to with the TiDB dialect), which refuses BACKUP and SHOW BACKUPS.
// What is tested is TiDesk's side:
//  - the start dialog offers BR and SQL BACKUP for a TiDB environment (no physical backup), and
//    names what is missing (no PD address, several databases for BR);
//  - a BR backup started from the page runs as a job and records BR's BackupTS and size;
//  - the BR restore wizard: the log backup window read with `br log metadata`, a time outside it
//    or before the backup's snapshot refused, the typed name always asked, then a point-in-time
//    restore (`br restore point --restored-ts ...`) runs from the page (screenshot);
//  - an SQL BACKUP from the page really reaches the server and fails with its error; a running
//    SQL job on record is looked for in SHOW BACKUPS by a second manager and recorded lost with
//    the server's answer;
//  - the log backup's checkpoint lag: BackupHealthPoller reads `br log status` again for an
//    environment with a log backup on record and the page's health shows the lag (screenshot).
// Saves backups-tidb-*.png. FAILS without the sandbox.
#include "MessageBanner.h"
#include "SandboxEnv.h"
#include "UiTestFixture.h"
#include "backup/BackupHealthPoller.h"
#include "backup/BackupHistory.h"
#include "backup/BackupManager.h"
#include "dialogs/BrRestoreDialog.h"
#include "dialogs/StartBackupDialog.h"
#include "dialogs/TypedNameField.h"
#include "pages/BackupsPage.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace TiDesk;
using TiDesk::Test::SandboxEnv;
using TiDesk::Test::UiTestFixture;

class TestTidbBackups : public QObject
{
    Q_OBJECT

    UiTestFixture m_fx;
    SandboxEnv m_sandbox;
    Environment m_tidb; // TiDB: the catalog fixture, a PD address, local control host
    Environment m_scratch; // a second TiDB environment to restore into
    QString m_historyDir;
    QString m_brDir;

    static QByteArray readAll(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    // BR's recorded output by command; argv written down per command.
    bool writeStandInBr()
    {
        const QString fix = QStringLiteral(TIDESK_TEST_DATA_DIR) + u"/backup/"_s;
        QFile f(m_brDir + u"/br"_s);
        if (!f.open(QIODevice::WriteOnly))
            return false;
        f.write(QString(u"#!/bin/sh\nhere=$(dirname \"$0\")\n"_s
                        + u"printf '%s\\n' \"$@\" > \"$here/argv-$1-$2.txt\"\n"_s
                        + u"case \"$1 $2\" in\n"_s + u"'backup full') head -c 700 '"_s + fix
                        + u"br-backup-full-success.txt'; sleep 1; tail -c +701 '"_s + fix
                        + u"br-backup-full-success.txt' ;;\n"_s + u"'log status') cat '"_s + fix
                        + u"br-log-status.txt' ;;\n"_s + u"'log metadata') cat '"_s + fix
                        + u"br-log-metadata.txt' ;;\n"_s + u"'restore point') cat '"_s + fix
                        + u"br-restore-point-success.txt' ;;\n"_s
                        + u"*) echo \"unexpected $1 $2\" >&2; exit 2 ;;\nesac\n"_s)
                    .toUtf8());
        f.close();
        return f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                | QFileDevice::ExeOwner);
    }

    Environment tidbEnv(const QString &name, Tier tier)
    {
        const QString server = m_sandbox.value(u"TIDB_CATALOG_ENV"_s);
        Environment e = UiTestFixture::makeEnv(
            name, tier, u"127.0.0.1"_s, m_sandbox.mariadbPort(server), m_sandbox.adminUser());
        e.tls.mode = TlsMode::Disabled;
        e.connectTimeoutMs = 3000;
        e.engine = EngineOverride::TiDB;
        e.pdUrl = u"http://10.0.1.1:2379"_s;
        e.backup.url = u"s3://backups/"_s + name + u"?region=us-east-1"_s;
        const Result<Environment> saved = m_fx.inventory->save(e);
        return saved ? *saved : e;
    }

    std::unique_ptr<BackupManager> newManager()
    {
        auto m = std::make_unique<BackupManager>(m_fx.services, m_historyDir);
        m->setPollInterval(250ms);
        return m;
    }

    std::unique_ptr<BackupsPage> newPage(BackupManager *manager)
    {
        auto page = std::make_unique<BackupsPage>(m_fx.services, manager);
        page->resize(1300, 850);
        page->setEnvironments({ m_tidb, m_scratch });
        QSignalSpy reloaded(manager, &BackupManager::jobsReloaded);
        page->setEnvironment(m_tidb);
        page->show();
        reloaded.wait(5000);
        return page;
    }

    static BackupJob waitFinished(QSignalSpy &finished, int timeoutMs = 60000)
    {
        if (finished.isEmpty())
            finished.wait(timeoutMs);
        return finished.isEmpty() ? BackupJob() : finished.first().at(0).value<BackupJob>();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_sandbox.isValid(), qPrintable(m_sandbox.error()));
        const QString err = m_fx.init();
        QVERIFY2(err.isEmpty(), qPrintable(err));
        m_fx.services.tidbCatalogSchema = m_sandbox.value(u"TIDB_CATALOG_SCHEMA"_s);
        m_historyDir = m_fx.dir.filePath(u"history"_s);
        m_brDir = m_fx.dir.filePath(u"bin"_s);
        QVERIFY(QDir().mkpath(m_brDir));
        QVERIFY(writeStandInBr());
        // Jobs on this machine find the stand-in first; their directories go under a temporary
        // home (~/tidesk-backups/ENV).
        qputenv("PATH", QString(m_brDir + u':' + qEnvironmentVariable("PATH")).toLocal8Bit());
        qputenv("HOME", m_fx.dir.filePath(u"home"_s).toLocal8Bit());
        QVERIFY(QDir().mkpath(m_fx.dir.filePath(u"home"_s)));
        m_tidb = tidbEnv(u"tidb-uat"_s, Tier::Uat);
        m_scratch = tidbEnv(u"tidb-scratch"_s, Tier::Test);
        for (const Environment &e : { m_tidb, m_scratch }) {
            QVERIFY(m_fx.services.secrets->write(e.passwordSecretKey(), m_sandbox.adminPassword())
                        .ok());
            QVERIFY(
                m_fx.services.secrets
                    ->write(e.backupSecretKey(), u"access-key=AKIAUI&secret-access-key=UiS3cret"_s)
                    .ok());
        }
    }

    void startDialogOffersTidbKinds()
    {
        StartBackupDialog dlg(m_tidb);
        QVERIFY(dlg.kindBox()->findData(int(BackupJob::Kind::Br)) >= 0);
        QVERIFY(dlg.kindBox()->findData(int(BackupJob::Kind::Sql)) >= 0);
        QCOMPARE(dlg.kindBox()->findData(int(BackupJob::Kind::Physical)), -1);
        QCOMPARE(dlg.kind(), BackupJob::Kind::Br); // the default on TiDB
        QVERIFY(dlg.startButton()->isEnabled());
        dlg.databasesEdit()->setText(u"shop, crm"_s);
        QVERIFY(!dlg.startButton()->isEnabled());
        QVERIFY(dlg.problemLabel()->text().contains(u"one database"_s));
        dlg.databasesEdit()->setText(u"shop.orders"_s);
        QVERIFY(dlg.startButton()->isEnabled());
        QCOMPARE(dlg.brRequest().target.scope, BrTarget::Scope::Table);
        QCOMPARE(dlg.brRequest().target.table, u"orders"_s);
        dlg.directoryEdit()->setText(u"/not/a/url"_s);
        QVERIFY(!dlg.startButton()->isEnabled());
        Environment noPd = m_tidb;
        noPd.pdUrl.clear();
        StartBackupDialog withoutPd(noPd);
        QCOMPARE(withoutPd.kind(), BackupJob::Kind::Br);
        QVERIFY(!withoutPd.startButton()->isEnabled());
        QVERIFY2(withoutPd.problemLabel()->text().contains(u"PD"_s),
                 qPrintable(withoutPd.problemLabel()->text()));
        // A MariaDB environment keeps logical and physical only.
        Environment maria = m_tidb;
        maria.engine = EngineOverride::Auto;
        maria.pdUrl.clear();
        StartBackupDialog mariaDlg(maria);
        QCOMPARE(mariaDlg.kindBox()->findData(int(BackupJob::Kind::Br)), -1);
        QVERIFY(mariaDlg.kindBox()->findData(int(BackupJob::Kind::Physical)) >= 0);
    }

    void brBackupFromThePage()
    {
        auto manager = newManager();
        auto page = newPage(manager.get());
        QSignalSpy finished(manager.get(), &BackupManager::jobFinished);
        QTest::mouseClick(page->startButton(), Qt::LeftButton);
        StartBackupDialog *dlg = page->startDialog();
        QVERIFY(dlg);
        QCOMPARE(dlg->kind(), BackupJob::Kind::Br);
        QTest::mouseClick(dlg->startButton(), Qt::LeftButton);
        const BackupJob job = waitFinished(finished);
        QVERIFY2(job.status == BackupJob::Status::Succeeded, qPrintable(job.error + job.logTail));
        QCOMPARE(job.kind, BackupJob::Kind::Br);
        QCOMPARE(job.backupTs, u"435844546560000000"_s);
        QCOMPARE(job.sizeBytes, 71330);
        QVERIFY(job.target.contains(u"secret-access-key=***"_s));
        const QByteArray args = readAll(m_brDir + u"/argv-backup-full.txt"_s);
        QVERIFY2(args.contains("--pd\n10.0.1.1:2379\n"), args.constData());
        QVERIFY(!args.contains("UiS3cret"));
        QVERIFY(page->selectJob(job.id));
        QVERIFY(page->restoreButton()->isEnabled()); // a BR backup can be restored from here
    }

    void pointInTimeRestoreFromThePage()
    {
        // A full backup inside the log window (2022-07-14 .. 2022-07-26): BackupTS of
        // 2022-07-20 00:00 UTC.
        BackupJob full;
        full.id = u"20220720T000000Z-tidb-uat-0001"_s;
        full.envName = m_tidb.name;
        full.kind = BackupJob::Kind::Br;
        full.status = BackupJob::Status::Succeeded;
        full.startedAt = QDateTime(QDate(2022, 7, 19), QTime(23, 50), Qt::UTC);
        full.finishedAt = QDateTime(QDate(2022, 7, 20), QTime(0, 5), Qt::UTC);
        full.backupTs = u"434706894028800000"_s;
        full.sizeBytes = 71330;
        full.target
            = u"s3://backups/tidb-uat?region=us-east-1&access-key=***&secret-access-key=***"_s;
        BackupHistory history(m_historyDir);
        QVERIFY(history.save(full).ok());
        QCOMPARE(BrRestoreDialog::timeOfTso(full.backupTs),
                 QDateTime(QDate(2022, 7, 20), QTime(0, 0), Qt::UTC));

        auto manager = newManager();
        auto page = newPage(manager.get());
        QVERIFY(page->selectJob(full.id));
        QVERIFY(page->restoreButton()->isEnabled());
        QSignalSpy window(manager.get(), &BackupManager::logWindowRead);
        QTest::mouseClick(page->restoreButton(), Qt::LeftButton);
        BrRestoreDialog *dlg = page->brRestoreDialog();
        QVERIFY(dlg);
        QVERIFY(!dlg->pointChoice()->isEnabled()); // until the window is known
        QVERIFY(window.wait(30000));
        QVERIFY2(window.first().at(3).toString().isEmpty(),
                 qPrintable(window.first().at(3).toString()));
        QVERIFY(dlg->pointChoice()->isEnabled());
        QVERIFY2(dlg->windowLabel()->text().contains(u"2022-07-"_s),
                 qPrintable(dlg->windowLabel()->text()));
        QCOMPARE(dlg->targetBox()->currentData().toString(), m_scratch.name);
        dlg->pointChoice()->setChecked(true);
        // Before the backup's snapshot: refused with the reason.
        dlg->untilEdit()->setDateTime(
            QDateTime(QDate(2022, 7, 18), QTime(12, 0), Qt::UTC).toLocalTime());
        QVERIFY(dlg->problemLabel()->text().contains(u"before this backup"_s));
        QVERIFY(!dlg->restoreButton()->isEnabled());
        const QDateTime until(QDate(2022, 7, 22), QTime(6, 30), Qt::UTC);
        dlg->untilEdit()->setDateTime(until.toLocalTime());
        QVERIFY2(dlg->problemLabel()->text().isEmpty(), qPrintable(dlg->problemLabel()->text()));
        // Always the typed name of the target.
        QVERIFY(dlg->typedName());
        QVERIFY(!dlg->restoreButton()->isEnabled());
        QTest::keyClicks(dlg->typedName()->edit(), m_scratch.name);
        QVERIFY(dlg->restoreButton()->isEnabled());
        UiTestFixture::screenshot(dlg, u"backups-tidb-pitr.png"_s);
        QCOMPARE(dlg->order().until, until);

        QSignalSpy finished(manager.get(), &BackupManager::jobFinished);
        QTest::mouseClick(dlg->restoreButton(), Qt::LeftButton);
        const BackupJob job = waitFinished(finished);
        QVERIFY2(job.status == BackupJob::Status::Succeeded, qPrintable(job.error + job.logTail));
        QCOMPARE(job.kind, BackupJob::Kind::Restore);
        QCOMPARE(job.intoEnv, m_scratch.name);
        const QByteArray args = readAll(m_brDir + u"/argv-restore-point.txt"_s);
        QVERIFY2(args.contains("--restored-ts\n2022-07-22 06:30:00+0000"), args.constData());
        QVERIFY2(args.contains("--full-backup-storage\ns3://backups/tidb-uat?region=us-east-1\n"),
                 args.constData());
        QVERIFY(!args.contains("UiS3cret"));

        // The backup taken by brBackupFromThePage (BackupTS 2022-09-08) is newer than the whole
        // window: a point in time is refused for it.
        const QList<BackupJob> jobs = manager->jobs();
        const auto newer = std::find_if(jobs.begin(), jobs.end(), [](const BackupJob &j) {
            return j.backupTs == u"435844546560000000"_s;
        });
        QVERIFY(newer != jobs.end());
        BrRestoreDialog late(m_tidb, *newer, { m_tidb, m_scratch });
        late.setLogWindow(QDateTime(QDate(2022, 7, 14), QTime(12, 8), Qt::UTC),
                          QDateTime(QDate(2022, 7, 26), QTime(3, 20), Qt::UTC), {});
        late.pointChoice()->setChecked(true);
        QVERIFY(late.problemLabel()->text().contains(u"before this backup"_s));
        // An unreadable window keeps the choice off and says why.
        late.setLogWindow({}, {}, u"br: command failed"_s);
        QVERIFY(!late.pointChoice()->isEnabled());
        QVERIFY(late.windowLabel()->text().contains(u"command failed"_s));
    }

    void sqlBackupReachesTheServerAndReattaches()
    {
        auto manager = newManager();
        auto page = newPage(manager.get());
        QSignalSpy finished(manager.get(), &BackupManager::jobFinished);
        QTest::mouseClick(page->startButton(), Qt::LeftButton);
        StartBackupDialog *dlg = page->startDialog();
        QVERIFY(dlg);
        dlg->kindBox()->setCurrentIndex(dlg->kindBox()->findData(int(BackupJob::Kind::Sql)));
        dlg->databasesEdit()->setText(u"shop"_s);
        QVERIFY(dlg->startButton()->isEnabled());
        QTest::mouseClick(dlg->startButton(), Qt::LeftButton);
        const BackupJob job = waitFinished(finished);
        QCOMPARE(job.kind, BackupJob::Kind::Sql);
        QCOMPARE(job.status, BackupJob::Status::Failed); // MariaDB does not know BACKUP
        QVERIFY2(job.error.contains(u"SQL syntax"_s), qPrintable(job.error));
        QVERIFY(!job.error.contains(u"UiS3cret"_s));

        // A TiDesk that died while its SQL backup ran: the next one looks for it.
        BackupJob running = job;
        running.id = u"20261130T020000Z-tidb-uat-sql1"_s;
        running.status = BackupJob::Status::Running;
        running.error.clear();
        running.finishedAt = {};
        running.connectionId = 777001;
        QVERIFY(BackupHistory(m_historyDir).save(running).ok());
        auto second = newManager();
        QSignalSpy secondFinished(second.get(), &BackupManager::jobFinished);
        second->reattachRunning();
        BackupJob lost;
        for (int i = 0; i < 3 && lost.id != running.id; ++i) {
            const BackupJob j = waitFinished(secondFinished, 30000);
            if (j.id == running.id)
                lost = j;
            else if (!secondFinished.isEmpty())
                secondFinished.removeFirst();
        }
        QCOMPARE(lost.id, running.id);
        QCOMPARE(lost.status, BackupJob::Status::Lost);
        QVERIFY2(lost.error.contains(u"SHOW BACKUPS"_s), qPrintable(lost.error));
    }

    void logBackupLagInTheHealth()
    {
        // A log backup on record, last checked long ago: the poller reads `br log status` again
        // (the stand-in's task "pitr", checkpoint 2022-07-25 14:52:15 UTC).
        LogBackupState known;
        known.envName = m_tidb.name;
        known.task = u"pitr"_s;
        known.status = u"NORMAL"_s;
        known.checkedAt = QDateTime::currentDateTimeUtc().addDays(-1);
        QVERIFY(LogBackupState::save(m_historyDir, known).ok());
        BackupHealthPoller poller(&m_fx.pool, m_historyDir, m_fx.dir.filePath(u"none.json"_s));
        poller.setLogRefresh(m_fx.inventory, m_fx.services.secrets);
        poller.setEnvironments({ m_tidb.name, m_scratch.name });
        QSignalSpy updated(&poller, &BackupHealthPoller::updated);
        poller.refresh();
        QVERIFY(updated.wait(30000) || !updated.isEmpty());
        const LogBackupState read = poller.logBackups().value(m_tidb.name);
        QCOMPARE(read.checkpoint, QDateTime(QDate(2022, 7, 25), QTime(14, 52, 15, 518), Qt::UTC));
        QVERIFY(read.checkedAt.secsTo(QDateTime::currentDateTimeUtc()) < 120);
        QVERIFY(read.checkError.isEmpty());
        const BackupHealth h = poller.health().value(m_tidb.name);
        QCOMPARE(h.logLevel, BackupHealth::Level::Critical); // years behind
        QCOMPARE(h.level, BackupHealth::Level::Critical);
        QVERIFY(readAll(m_brDir + u"/argv-log-status.txt"_s).contains("--task-name=pitr"));

        auto manager = newManager();
        auto page = newPage(manager.get());
        page->setBackupContext(poller.schedules(), poller.logBackups());
        QTableWidget *t = page->healthTable();
        int row = -1;
        for (int r = 0; r < t->rowCount(); ++r)
            if (t->item(r, 0)->text() == m_tidb.name)
                row = r;
        QVERIFY(row >= 0);
        QVERIFY2(t->item(row, 4)->text().contains(u"checkpoint"_s)
                     && t->item(row, 4)->text().contains(u"behind"_s),
                 qPrintable(t->item(row, 4)->text()));
        QCOMPARE(t->item(row, 4)->foreground().color(), QColor(0xc6, 0x28, 0x28));
        UiTestFixture::screenshot(page.get(), u"backups-tidb-health.png"_s);
        // A stopped task is forgotten: no log column any more.
        QVERIFY(LogBackupState::remove(m_historyDir, m_tidb.name).ok());
        page->setBackupContext({}, {});
        QCOMPARE(t->item(row, 4)->text(), u"\u2014"_s);
    }
};

QTEST_MAIN(TestTidbBackups)
#include "tst_tidbbackups.moc"
