// Restores and drills from the Backups page over the sandbox's real MariaDB (dev as the source,
// test01 as the scratch environment; jobs run on this machine):
//  - a logical backup of a small database made here records its checksums (the manager does it
//    before jobFinished);
//  - the restore wizard: a production target shows the typed-name field and Restore stays
//    disabled until the exact name is typed (screenshot), a name that is not a plain database
//    name or a duplicate disables it, overwrite asks for the name on a non-production target;
//  - a restore into test01 under a new name runs, is verified ("1 table matches") and the data
//    is there; restoring again into the same name is refused before anything runs (banner);
//  - a drill restores under drill names, verifies, drops them and the health table shows the
//    last verified restore (screenshot);
//  - a due backup schedule runs while TiDesk is open (the manager's scheduler), with its
//    checksums, and its slot is not claimed again;
//  - a physical backup made by the manager records the checksums of every database (the
//    workload paused meanwhile), and startDrill without a target drills it in a scratch server
//    on this machine: verified, recorded, nothing left.
// Saves restore-*.png. FAILS without the sandbox.
#include "MessageBanner.h"
#include "SandboxEnv.h"
#include "UiTestFixture.h"
#include "WorkloadPause.h"
#include "backup/BackupManager.h"
#include "dialogs/RestoreDialog.h"
#include "dialogs/TypedNameField.h"
#include "pages/BackupsPage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace TiDesk;
using TiDesk::Test::SandboxEnv;
using TiDesk::Test::UiTestFixture;

class TestRestorePage : public QObject
{
    Q_OBJECT

    UiTestFixture m_fx;
    SandboxEnv m_sandbox;
    Environment m_dev;
    Environment m_scratch; // test01
    Environment m_prodLike; // test01 tiered as production
    QString m_root;
    QString m_historyDir;
    QString m_db;
    BackupJob m_backup;

    Environment sandboxEnv(const QString &name, Tier tier, const QString &server)
    {
        Environment e = UiTestFixture::makeEnv(
            name, tier, u"127.0.0.1"_s, m_sandbox.mariadbPort(server), m_sandbox.adminUser());
        e.tls.mode = TlsMode::Disabled;
        e.connectTimeoutMs = 3000;
        const Result<Environment> saved = m_fx.inventory->save(e);
        return saved ? *saved : e;
    }

    QByteArray sql(const QString &server, const QString &statement)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"MYSQL_PWD"_s, m_sandbox.adminPassword());
        p.setProcessEnvironment(env);
        p.start(u"mariadb"_s,
                { u"--host=127.0.0.1"_s,
                  u"--port="_s + QString::number(m_sandbox.mariadbPort(server)),
                  u"--user="_s + m_sandbox.adminUser(), u"--batch"_s, u"--skip-column-names"_s,
                  u"-e"_s, statement });
        p.waitForFinished(60000);
        return p.readAllStandardOutput().trimmed();
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
        page->setEnvironments({ m_dev, m_scratch, m_prodLike });
        QSignalSpy reloaded(manager, &BackupManager::jobsReloaded);
        page->setEnvironment(m_dev);
        page->show();
        reloaded.wait(5000);
        return page;
    }

    static void setTargetName(RestoreDialog *dlg, int row, const QString &name)
    {
        dlg->renameTable()->item(row, 1)->setText(name);
    }

    static bool selectTarget(RestoreDialog *dlg, const QString &env)
    {
        const int i = dlg->targetBox()->findData(env);
        if (i < 0)
            return false;
        dlg->targetBox()->setCurrentIndex(i);
        return true;
    }

    static BackupJob waitFinished(QSignalSpy &finished, int timeoutMs = 90000)
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
        m_root = m_fx.dir.filePath(u"backups-out"_s);
        m_historyDir = m_fx.dir.filePath(u"history"_s);
        m_dev = sandboxEnv(u"dev"_s, Tier::Dev, u"dev"_s);
        m_scratch = sandboxEnv(u"scratch"_s, Tier::Test, u"test01"_s);
        m_prodLike = sandboxEnv(u"prodlike"_s, Tier::Prod, u"test01"_s);
        for (const Environment &e : { m_dev, m_scratch, m_prodLike })
            QVERIFY(m_fx.services.secrets->write(e.passwordSecretKey(), m_sandbox.adminPassword())
                        .ok());
        m_db = u"tidesk_rp_%1"_s.arg(QRandomGenerator::global()->bounded(0x10000), 4, 16,
                                     QChar(u'0'));
        sql(u"dev"_s, u"CREATE DATABASE "_s + m_db);
        sql(u"dev"_s, u"CREATE TABLE "_s + m_db + u".crates (id INT PRIMARY KEY, kg INT)"_s);
        sql(u"dev"_s,
            u"INSERT INTO "_s + m_db + u".crates SELECT seq, seq % 97 FROM "_s + m_db
                + u".seq_1_to_3000"_s);
        QCOMPARE(sql(u"dev"_s, u"SELECT COUNT(*) FROM "_s + m_db + u".crates"_s), "3000");

        // The backup every test restores: checksums recorded by the manager.
        auto manager = newManager();
        QSignalSpy finished(manager.get(), &BackupManager::jobFinished);
        BackupJobRequest request;
        request.root = m_root;
        request.databases = { m_db };
        manager->startBackup(u"dev"_s, request);
        m_backup = waitFinished(finished);
        QVERIFY2(m_backup.status == BackupJob::Status::Succeeded, qPrintable(m_backup.error));
        QVERIFY2(m_backup.checksum.contains(u"(1 tables)"_s), qPrintable(m_backup.checksum));
    }

    void cleanupTestCase()
    {
        sql(u"dev"_s, u"DROP DATABASE IF EXISTS "_s + m_db);
        sql(u"test01"_s, u"DROP DATABASE IF EXISTS "_s + m_db + u"_r"_s);
    }

    void wizardAsksForTheProductionName()
    {
        auto manager = newManager();
        auto page = newPage(manager.get());
        QVERIFY(page->selectJob(m_backup.id));
        QVERIFY(page->restoreButton()->isEnabled());
        QTest::mouseClick(page->restoreButton(), Qt::LeftButton);
        RestoreDialog *dlg = page->restoreDialog();
        QVERIFY(dlg);
        // Default: a non-production target other than the source, no typed name.
        QCOMPARE(dlg->targetBox()->currentData().toString(), u"scratch"_s);
        QVERIFY(!dlg->requiresTypedName());
        QVERIFY(dlg->restoreButton()->isEnabled());
        // Production: disabled until the exact name is typed.
        QVERIFY(selectTarget(dlg, u"prodlike"_s));
        QVERIFY(dlg->requiresTypedName());
        QVERIFY(dlg->typedName());
        QVERIFY(dlg->typedName()->isVisible());
        QVERIFY(!dlg->restoreButton()->isEnabled());
        QTest::keyClicks(dlg->typedName()->edit(), u"prodlik"_s);
        QVERIFY(!dlg->restoreButton()->isEnabled());
        setTargetName(dlg, 0, m_db + u"_r"_s);
        UiTestFixture::screenshot(dlg, u"restore-confirm-prod.png"_s);
        QTest::keyClicks(dlg->typedName()->edit(), u"e"_s);
        QVERIFY(dlg->restoreButton()->isEnabled());
        // Not a plain name: disabled whatever was typed.
        setTargetName(dlg, 0, u"bad name"_s);
        QVERIFY(!dlg->restoreButton()->isEnabled());
        setTargetName(dlg, 0, m_db);
        // Overwrite on a test environment asks for its name too.
        QVERIFY(selectTarget(dlg, u"scratch"_s));
        QVERIFY(!dlg->requiresTypedName());
        dlg->overwriteBox()->setChecked(true);
        QVERIFY(dlg->requiresTypedName());
        QVERIFY(!dlg->restoreButton()->isEnabled());
        dlg->reject();
    }

    void restoreVerifiesThenRefusesTheSameName()
    {
        auto manager = newManager();
        auto page = newPage(manager.get());
        QVERIFY(page->selectJob(m_backup.id));
        page->openRestoreDialog();
        RestoreDialog *dlg = page->restoreDialog();
        QVERIFY(dlg);
        QVERIFY(selectTarget(dlg, u"scratch"_s));
        setTargetName(dlg, 0, m_db + u"_r"_s);
        QVERIFY(dlg->restoreButton()->isEnabled());
        QSignalSpy finished(manager.get(), &BackupManager::jobFinished);
        QTest::mouseClick(dlg->restoreButton(), Qt::LeftButton);
        const BackupJob job = waitFinished(finished);
        QVERIFY2(job.status == BackupJob::Status::Succeeded, qPrintable(job.error + job.logTail));
        QCOMPARE(job.kind, BackupJob::Kind::Restore);
        QCOMPARE(job.intoEnv, u"scratch"_s);
        QVERIFY2(job.verified, qPrintable(job.verification));
        QCOMPARE(job.verification, u"1 table matches"_s);
        QCOMPARE(sql(u"test01"_s, u"SELECT SUM(kg) FROM "_s + m_db + u"_r.crates"_s),
                 sql(u"dev"_s, u"SELECT SUM(kg) FROM "_s + m_db + u".crates"_s));

        // The same name again: refused on the pool, nothing runs, the banner says why.
        QSignalSpy refused(manager.get(), &BackupManager::restoreFailed);
        QSignalSpy started(manager.get(), &BackupManager::backupStarted);
        page->openRestoreDialog(m_backup.id);
        dlg = page->restoreDialog();
        QVERIFY(selectTarget(dlg, u"scratch"_s));
        setTargetName(dlg, 0, m_db + u"_r"_s);
        QTest::mouseClick(dlg->restoreButton(), Qt::LeftButton);
        QVERIFY(refused.wait(30000));
        QVERIFY(started.isEmpty());
        const auto error = refused.first().at(1).value<Error>();
        QVERIFY2(error.message.contains(u"already hold tables"_s), qPrintable(error.message));
        QVERIFY(page->banner()->isVisible());
    }

    void drillIsVerifiedAndShown()
    {
        auto manager = newManager();
        auto page = newPage(manager.get());
        QVERIFY(page->drillButton()->isEnabled());
        QTest::mouseClick(page->drillButton(), Qt::LeftButton);
        RestoreDialog *dlg = page->restoreDialog();
        QVERIFY(dlg);
        QCOMPARE(dlg->mode(), RestoreDialog::Mode::Drill);
        QVERIFY(selectTarget(dlg, u"scratch"_s));
        const QString drillName = dlg->renameTable()->item(0, 1)->text();
        QVERIFY2(drillName.startsWith(m_db + u"_drill_"_s), qPrintable(drillName));
        QSignalSpy finished(manager.get(), &BackupManager::jobFinished);
        QTest::mouseClick(dlg->restoreButton(), Qt::LeftButton);
        const BackupJob job = waitFinished(finished);
        QVERIFY2(job.status == BackupJob::Status::Succeeded, qPrintable(job.error + job.logTail));
        QVERIFY(job.drill);
        QVERIFY2(job.verified, qPrintable(job.verification));
        QCOMPARE(sql(u"test01"_s, u"SHOW DATABASES LIKE '"_s + drillName + u"'"_s), "");
        // The health table: dev's last verified restore.
        QTRY_VERIFY_WITH_TIMEOUT(page->healthTable()->rowCount() > 0, 5000);
        QString verifiedText;
        for (int r = 0; r < page->healthTable()->rowCount(); ++r)
            if (page->healthTable()->item(r, 0)->text() == u"dev"_s)
                verifiedText = page->healthTable()->item(r, 3)->text();
        QVERIFY2(verifiedText.contains(u"1 table matches in scratch"_s), qPrintable(verifiedText));
        QVERIFY(page->selectJob(job.id));
        UiTestFixture::screenshot(page.get(), u"restore-drill-verified.png"_s);
    }

    void dueScheduleRunsWhileOpen()
    {
        // An hourly schedule added three hours ago: one slot is due, claimed once.
        BackupSchedule schedule;
        schedule.id = u"dev-hourly-ui"_s;
        schedule.envName = u"dev"_s;
        schedule.kind = BackupJob::Kind::Logical;
        schedule.frequency = BackupSchedule::Frequency::Hourly;
        schedule.minute = 0;
        schedule.target = m_root;
        schedule.createdAt = QDateTime::currentDateTimeUtc().addSecs(-3 * 3600);
        ScheduleSet set;
        QVERIFY(set.add(schedule).ok());
        QVERIFY(set.save(ScheduleSet::defaultPath()).ok());
        auto manager = newManager();
        QSignalSpy finished(manager.get(), &BackupManager::jobFinished);
        manager->startScheduler(3600000);
        const BackupJob job = waitFinished(finished, 120000);
        QVERIFY2(job.status == BackupJob::Status::Succeeded, qPrintable(job.error + job.logTail));
        QCOMPARE(job.scheduleId, u"dev-hourly-ui"_s);
        QVERIFY(!job.checksum.isEmpty());
        // The slot is taken: neither this TiDesk nor `backup run-due` starts it again.
        const Result<QList<ScheduledRuns::Claim>> again = ScheduledRuns::claimDue(
            m_historyDir, ScheduleSet::defaultPath(), ScheduledRuns::defaultLockPath(),
            QDateTime::currentDateTimeUtc());
        QVERIFY(again.ok());
        QVERIFY(again->isEmpty());
        QVERIFY(QFile::remove(ScheduleSet::defaultPath()));
    }

    void physicalBackupDrilledByTheManager()
    {
        auto manager = newManager();
        QSignalSpy finished(manager.get(), &BackupManager::jobFinished);
        BackupJob backup;
        {
            TiDesk::Test::WorkloadPause workload(m_sandbox);
            QVERIFY(workload.paused());
            BackupJobRequest request;
            request.kind = BackupJob::Kind::Physical;
            request.root = m_root;
            manager->startBackup(u"dev"_s, request);
            backup = waitFinished(finished, 120000);
        }
        QVERIFY2(backup.status == BackupJob::Status::Succeeded,
                 qPrintable(backup.error + backup.logTail));
        QCOMPARE(backup.kind, BackupJob::Kind::Physical);
        QVERIFY2(backup.checksum.startsWith(u"sha256:"_s), qPrintable(backup.checksum));
        QVERIFY(QFile::exists(m_historyDir + u"/checksums/"_s + backup.id + u".json"_s));

        finished.clear();
        QSignalSpy started(manager.get(), &BackupManager::backupStarted);
        manager->startDrill(u"dev"_s, QString(), false);
        const BackupJob job = waitFinished(finished, 120000);
        QCOMPARE(started.size(), 1);
        QVERIFY2(job.status == BackupJob::Status::Succeeded, qPrintable(job.error + job.logTail));
        QVERIFY(job.drill && job.scratchDrill);
        QCOMPARE(job.sourceBackupId, backup.id);
        QVERIFY2(job.verified, qPrintable(job.verification));
        QVERIFY(!QFileInfo::exists(m_root + u'/' + job.id + u"/scratch"_s));
        QVERIFY(!QFileInfo::exists(m_root + u'/' + job.id + u".partial"_s));
        const std::optional<BackupJob> known = manager->job(job.id);
        QVERIFY(known && known->verified);

        // An environment without a physical backup: refused with a clear error.
        QSignalSpy failed(manager.get(), &BackupManager::restoreFailed);
        manager->startDrill(u"scratch"_s, QString(), false);
        QVERIFY(failed.wait(10000));
        QVERIFY(failed.first().at(1).value<Error>().message.contains(u"no successful physical"_s));
    }
};

QTEST_MAIN(TestRestorePage)
#include "tst_restorepage.moc"
