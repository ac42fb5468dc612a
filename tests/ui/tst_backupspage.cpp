// The Backups page and BackupManager over the sandbox's real MariaDB dev server (jobs run on this
// machine: the environments have no SSH), with a temporary backup directory and history:
//  - a logical backup of shop started from the page (Start backup dialog) is listed as succeeded
//    with a size, its dump exists under its final name, and the headline goes from "No
//    successful backup of dev" to "Last good backup of dev: just now";
//  - a physical backup shows a progress bar while it runs (screenshot) and succeeds (screenshot);
//  - a long logical backup (a 600,000-row database made here) of a production-tier environment
//    is cancelled through the confirmation, whose button stays disabled until the name is
//    typed: status cancelled, neither the final nor the partial directory is left;
//  - re-attach: a job started by one BackupManager, which is then destroyed while the dump
//    runs, is followed by a second manager (reattachRunning) until it succeeds; a running job of
//    an environment that no longer exists is recorded as lost.
// Saves backups-*.png. FAILS without the sandbox.
#include "MainWindow.h"
#include "MessageBanner.h"
#include "SandboxEnv.h"
#include "UiTestFixture.h"
#include "WorkloadPause.h"
#include "backup/BackupHistory.h"
#include "backup/BackupManager.h"
#include "dialogs/ConfirmActionDialog.h"
#include "dialogs/StartBackupDialog.h"
#include "models/BackupJobsModel.h"
#include "pages/BackupsPage.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace TiDesk;
using TiDesk::Test::SandboxEnv;
using TiDesk::Test::UiTestFixture;

namespace {

constexpr int kBigRows = 600000;

} // namespace

class TestBackupsPage : public QObject
{
    Q_OBJECT

    UiTestFixture m_fx;
    SandboxEnv m_sandbox;
    Environment m_dev;
    Environment m_prodLike; // the dev server, tiered as production
    QString m_root; // backups are written here
    QString m_historyDir;

    Environment sandboxEnv(const QString &name, Tier tier)
    {
        Environment e = UiTestFixture::makeEnv(
            name, tier, u"127.0.0.1"_s, m_sandbox.mariadbPort(u"dev"_s), m_sandbox.adminUser());
        e.tls.mode = TlsMode::Disabled;
        e.connectTimeoutMs = 3000;
        const Result<Environment> saved = m_fx.inventory->save(e);
        if (!saved)
            qWarning() << saved.error().toString();
        return saved ? *saved : e;
    }

    // Runs SQL as root over the dev server's socket.
    bool rootSql(const QString &sql, int timeoutMs = 120000)
    {
        QProcess p;
        p.start(u"mariadb"_s,
                { u"--defaults-file="_s + m_sandbox.value(u"MARIADB_CNF_dev"_s), u"-uroot"_s,
                  u"-e"_s, sql });
        if (!p.waitForFinished(timeoutMs) || p.exitCode() != 0) {
            qWarning() << "mariadb:" << p.readAllStandardError();
            return false;
        }
        return true;
    }

    std::unique_ptr<BackupManager> newManager()
    {
        auto m = std::make_unique<BackupManager>(m_fx.services, m_historyDir);
        m->setPollInterval(250ms);
        return m;
    }

    // The first job of env the manager reports in the given state.
    static bool waitFor(QSignalSpy &spy, const QString &envName, BackupJob::Status status,
                        BackupJob *out, int timeoutMs)
    {
        return QTest::qWaitFor(
            [&] {
                for (const QList<QVariant> &args : spy) {
                    const auto job = args.at(0).value<BackupJob>();
                    if (job.envName == envName && job.status == status) {
                        *out = job;
                        return true;
                    }
                }
                return false;
            },
            timeoutMs);
    }

    // Starts a backup through the page's dialog.
    static bool startFromDialog(BackupsPage &page, int kindIndex, const QString &dir,
                                const QString &databases)
    {
        QTest::mouseClick(page.startButton(), Qt::LeftButton);
        StartBackupDialog *dlg = page.startDialog();
        if (!dlg)
            return false;
        dlg->kindBox()->setCurrentIndex(kindIndex);
        dlg->directoryEdit()->setText(dir);
        if (dlg->databasesEdit()->isEnabled())
            QTest::keyClicks(dlg->databasesEdit(), databases);
        if (!dlg->startButton()->isEnabled())
            return false;
        QTest::mouseClick(dlg->startButton(), Qt::LeftButton);
        return true;
    }

    QString rowText(const BackupsPage &page, const QString &id, int column) const
    {
        const int row = page.jobsModel()->rowOf(id);
        return row < 0 ? QString() : page.jobsModel()->index(row, column).data().toString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_sandbox.isValid(), qPrintable(m_sandbox.error()));
        const QString err = m_fx.init();
        QVERIFY2(err.isEmpty(), qPrintable(err));
        m_root = m_fx.dir.filePath(u"backups-out"_s);
        m_historyDir = m_fx.dir.filePath(u"history"_s);
        m_dev = sandboxEnv(u"dev"_s, Tier::Dev);
        m_prodLike = sandboxEnv(u"prodlike"_s, Tier::Prod);
        for (const Environment &e : { m_dev, m_prodLike })
            QVERIFY(m_fx.services.secrets->write(e.passwordSecretKey(), m_sandbox.adminPassword())
                        .ok());
        // A database big enough that dumping it takes seconds (the cancel and re-attach tests).
        QVERIFY(rootSql(u"DROP DATABASE IF EXISTS tidesk_bk_big; CREATE DATABASE tidesk_bk_big; "
                        "CREATE TABLE tidesk_bk_big.t (id INT AUTO_INCREMENT PRIMARY KEY, pad "
                        "VARCHAR(1000)) ENGINE=InnoDB; USE tidesk_bk_big; INSERT INTO t (pad) "
                        "SELECT CONCAT(REPEAT(MD5(seq), 6), MD5(RAND())) FROM seq_1_to_"_s
                        + QString::number(kBigRows)));
    }

    void cleanupTestCase() { rootSql(u"DROP DATABASE IF EXISTS tidesk_bk_big"_s); }

    void logicalBackupFromThePage()
    {
        auto manager = newManager();
        BackupsPage page(m_fx.services, manager.get());
        page.resize(1300, 850);
        page.setEnvironments({ m_dev, m_prodLike });
        QSignalSpy reloaded(manager.get(), &BackupManager::jobsReloaded);
        page.setEnvironment(m_dev);
        page.show();
        QVERIFY(QTest::qWaitFor([&] { return reloaded.count() > 0; }, 5000));
        QCOMPARE(page.headlineText(), u"No successful backup of dev"_s);

        QSignalSpy finished(manager.get(), &BackupManager::jobFinished);
        QSignalSpy failed(manager.get(), &BackupManager::startFailed);
        QVERIFY(startFromDialog(page, 0, m_root, u"shop"_s));
        BackupJob job;
        QVERIFY2(QTest::qWaitFor([&] { return finished.count() > 0 || failed.count() > 0; }, 60000),
                 "the backup did not finish in 60 s");
        QVERIFY2(failed.isEmpty(),
                 qPrintable(failed.isEmpty() ? QString()
                                             : failed.first().at(1).value<Error>().toString()));
        job = finished.first().at(0).value<BackupJob>();
        QVERIFY2(job.status == BackupJob::Status::Succeeded, qPrintable(job.error));
        QCOMPARE(job.envName, u"dev"_s);
        QCOMPARE(job.databases, QStringList { u"shop"_s });
        QVERIFY(job.sizeBytes > 100000);
        QVERIFY(QFileInfo(m_root + u'/' + job.id + u"/dump.sql.gz"_s).size() > 100000);
        QVERIFY(!QDir(m_root + u'/' + job.id + u".partial"_s).exists());

        // The page lists it, selected (it was started here), with its size and the headline.
        QCOMPARE(page.selectedJobId(), job.id);
        QCOMPARE(rowText(page, job.id, BackupJobsModel::StatusColumn), u"Succeeded"_s);
        QCOMPARE(rowText(page, job.id, BackupJobsModel::SizeColumn),
                 BackupJobsModel::sizeText(job.sizeBytes));
        QVERIFY(rowText(page, job.id, BackupJobsModel::ThroughputColumn).endsWith(u"/s"_s));
        QCOMPARE(page.headlineText(), u"Last good backup of dev: just now"_s);
        QVERIFY(page.logView()->toPlainText().contains(u"completed OK"_s));
        QVERIFY(!page.cancelButton()->isEnabled());
        // The history has it too, and a second page (a restart) reads it.
        const Result<BackupJob> stored = BackupHistory(m_historyDir).load(job.id);
        QVERIFY(stored.ok());
        QCOMPARE(stored->status, BackupJob::Status::Succeeded);
        UiTestFixture::screenshot(&page, u"backups-logical-done.png"_s);
    }

    void physicalBackupShowsProgress()
    {
        auto manager = newManager();
        BackupsPage page(m_fx.services, manager.get());
        page.resize(1300, 850);
        page.setEnvironments({ m_dev, m_prodLike });
        page.setEnvironment(m_dev);
        page.show();
        QSignalSpy changed(manager.get(), &BackupManager::jobChanged);
        QSignalSpy finished(manager.get(), &BackupManager::jobFinished);
        QVERIFY(startFromDialog(page, 1, m_root, {}));

        // Running with a known progress: the bar is on screen.
        BackupJob running;
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         for (const QList<QVariant> &args : changed) {
                             const auto j = args.at(0).value<BackupJob>();
                             if (j.status == BackupJob::Status::Running && j.progress > 0
                                 && j.progress < 100) {
                                 running = j;
                                 return true;
                             }
                         }
                         return !finished.isEmpty();
                     },
                     60000),
                 "no progress reported");
        QVERIFY2(finished.isEmpty(), "finished before any progress was seen");
        QCOMPARE(running.kind, BackupJob::Kind::Physical);
        QCOMPARE(page.selectedJobId(), running.id);
        const int row = page.jobsModel()->rowOf(running.id);
        QVERIFY(row >= 0);
        QVERIFY(page.jobsModel()->index(row, 0).data(BackupJobsModel::ProgressRole).toDouble() > 0);
        QVERIFY(rowText(page, running.id, BackupJobsModel::ProgressColumn).endsWith(u'%'));
        QVERIFY(page.cancelButton()->isEnabled());
        QVERIFY(page.headlineText().contains(u"dev"_s));
        UiTestFixture::screenshot(&page, u"backups-physical-running.png"_s);

        QVERIFY2(QTest::qWaitFor([&] { return !finished.isEmpty(); }, 120000),
                 "the physical backup did not finish in 120 s");
        const auto job = finished.first().at(0).value<BackupJob>();
        QVERIFY2(job.status == BackupJob::Status::Succeeded, qPrintable(job.error));
        QCOMPARE(job.id, running.id);
        QVERIFY(job.sizeBytes > 1000000);
        QVERIFY(QDir(m_root + u'/' + job.id + u"/data"_s).exists());
        QCOMPARE(rowText(page, job.id, BackupJobsModel::StatusColumn), u"Succeeded"_s);
        QCOMPARE(rowText(page, job.id, BackupJobsModel::ProgressColumn), u"100%"_s);
        QVERIFY(page.headlineText().startsWith(u"Last good backup of dev: "_s));
        // The health row names the physical backup, which ended after the logical one.
        QTableWidgetItem *good = page.healthTable()->item(0, 1);
        QCOMPARE(page.healthTable()->item(0, 0)->text(), u"dev"_s);
        QVERIFY(good);
        QVERIFY2(good->text().contains(u"Physical"_s), qPrintable(good->text()));
        UiTestFixture::screenshot(&page, u"backups-physical-done.png"_s);
    }

    // The newest good backup is physical: Restore drill asks once (no target: a scratch server on
    // the backup's host), runs, and the health table shows the verified drill. The workload is
    // paused while the backup and its reference checksums are taken, so both see the same data.
    void physicalDrillFromThePage()
    {
        auto manager = newManager();
        BackupsPage page(m_fx.services, manager.get());
        page.resize(1300, 850);
        page.setEnvironments({ m_dev, m_prodLike });
        page.setEnvironment(m_dev);
        page.show();
        QSignalSpy finished(manager.get(), &BackupManager::jobFinished);
        {
            Test::WorkloadPause pause(m_sandbox);
            QVERIFY(startFromDialog(page, 1, m_root, {}));
            QVERIFY2(QTest::qWaitFor([&] { return !finished.isEmpty(); }, 180000),
                     "the physical backup did not finish");
        }
        const auto backup = finished.takeFirst().at(0).value<BackupJob>();
        QVERIFY2(backup.status == BackupJob::Status::Succeeded, qPrintable(backup.error));
        QVERIFY2(!backup.checksum.isEmpty(), "no checksums recorded after the physical backup");
        QVERIFY(page.drillButton()->isEnabled());
        QTest::mouseClick(page.drillButton(), Qt::LeftButton);
        ConfirmActionDialog *confirm = page.pendingConfirmation();
        QVERIFY(confirm);
        UiTestFixture::screenshot(confirm, u"backups-physical-drill-confirm.png"_s);
        confirm->accept();
        QVERIFY2(QTest::qWaitFor([&] { return !finished.isEmpty(); }, 180000),
                 "the drill did not finish");
        const auto drill = finished.first().at(0).value<BackupJob>();
        QCOMPARE(drill.kind, BackupJob::Kind::Restore);
        QVERIFY(drill.drill);
        QCOMPARE(drill.sourceBackupId, backup.id);
        QVERIFY2(drill.status == BackupJob::Status::Succeeded && drill.verified,
                 qPrintable(drill.error + u" / "_s + drill.verification));
        QTableWidgetItem *verified = page.healthTable()->item(0, 3);
        QVERIFY(verified);
        QVERIFY2(verified->text().contains(u"scratch server"_s), qPrintable(verified->text()));
        QVERIFY2(rowText(page, drill.id, BackupJobsModel::TargetColumn)
                     .startsWith(u"scratch server \u2014 "_s),
                 qPrintable(rowText(page, drill.id, BackupJobsModel::TargetColumn)));
        UiTestFixture::screenshot(&page, u"backups-physical-drill-verified.png"_s);
    }

    void cancelOnProductionNeedsTheTypedName()
    {
        auto manager = newManager();
        BackupsPage page(m_fx.services, manager.get());
        page.resize(1300, 850);
        page.setEnvironments({ m_dev, m_prodLike });
        page.setEnvironment(m_prodLike);
        page.show();
        QSignalSpy changed(manager.get(), &BackupManager::jobChanged);
        QSignalSpy finished(manager.get(), &BackupManager::jobFinished);
        QVERIFY(startFromDialog(page, 0, m_root, u"tidesk_bk_big"_s));
        BackupJob running;
        QVERIFY(QTest::qWaitFor(
            [&] {
                for (const QList<QVariant> &args : changed) {
                    const auto j = args.at(0).value<BackupJob>();
                    if (j.status == BackupJob::Status::Running && j.remotePid > 0) {
                        running = j;
                        return true;
                    }
                }
                return !finished.isEmpty();
            },
            30000));
        QVERIFY2(finished.isEmpty(), "finished before it could be cancelled");
        QCOMPARE(page.selectedJobId(), running.id);
        QVERIFY(QDir(m_root + u'/' + running.id + u".partial"_s).exists());

        QTest::mouseClick(page.cancelButton(), Qt::LeftButton);
        ConfirmActionDialog *dlg = page.pendingConfirmation();
        QVERIFY(dlg);
        QVERIFY(dlg->requiresTypedName());
        QVERIFY(!dlg->actionButton()->isEnabled());
        QTest::keyClicks(dlg->typedNameEdit(), u"prod"_s); // not the name
        QVERIFY(!dlg->actionButton()->isEnabled());
        dlg->typedNameEdit()->clear();
        QTest::keyClicks(dlg->typedNameEdit(), m_prodLike.name);
        QVERIFY(dlg->actionButton()->isEnabled());
        UiTestFixture::screenshot(dlg, u"backups-cancel-confirm.png"_s);
        QTest::mouseClick(dlg->actionButton(), Qt::LeftButton);

        QVERIFY2(QTest::qWaitFor([&] { return !finished.isEmpty(); }, 30000),
                 "the cancel did not end the job in 30 s");
        const auto job = finished.first().at(0).value<BackupJob>();
        QCOMPARE(job.id, running.id);
        QVERIFY2(job.status == BackupJob::Status::Cancelled,
                 qPrintable(BackupJob::statusName(job.status) + u": "_s + job.error));
        QVERIFY(!QDir(m_root + u'/' + job.id).exists());
        QVERIFY(!QDir(m_root + u'/' + job.id + u".partial"_s).exists());
        QCOMPARE(rowText(page, job.id, BackupJobsModel::StatusColumn), u"Cancelled"_s);
        QCOMPARE(page.headlineText(), u"No successful backup of prodlike"_s);
        QVERIFY(!page.cancelButton()->isEnabled());
        const Result<BackupJob> stored = BackupHistory(m_historyDir).load(job.id);
        QVERIFY(stored.ok());
        QCOMPARE(stored->status, BackupJob::Status::Cancelled);
        UiTestFixture::screenshot(&page, u"backups-cancelled.png"_s);
    }

    void registeredInTheWindow()
    {
        MainWindow window(m_fx.services);
        QAction *action = window.action(u"actionBackups"_s);
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_0));
        QVERIFY(window.backupsPage());
        QVERIFY(window.backupManager());
        QCOMPARE(window.backupsPage()->manager(), window.backupManager());
        QVERIFY(QTest::qWaitFor([&] { return window.environmentCount() >= 2; }, 10000));
        QVERIFY(window.selectEnvironment(u"dev"_s));
        action->trigger();
        QCOMPARE(window.currentPage(), MainWindow::Page::Backups);
        QVERIFY(window.backupsPage()->environment());
        QCOMPARE(window.backupsPage()->environment()->name, u"dev"_s);
    }

    void secondManagerReattaches()
    {
        // A record of a running job whose environment was removed since.
        BackupJob orphan;
        orphan.id = u"20260101T000000Z-gone-0001"_s;
        orphan.envName = u"gone"_s;
        orphan.status = BackupJob::Status::Running;
        orphan.startedAt = QDateTime::currentDateTimeUtc().addSecs(-60);
        orphan.remotePid = 999999;
        orphan.root = m_root;
        orphan.host = u"local"_s;
        QVERIFY(BackupHistory(m_historyDir).save(orphan).ok());

        QString id;
        {
            auto first = newManager();
            QSignalSpy changed(first.get(), &BackupManager::jobChanged);
            BackupJobRequest request;
            request.root = m_root;
            request.databases = { u"tidesk_bk_big"_s };
            first->startBackup(u"dev"_s, request);
            BackupJob running;
            QVERIFY(waitFor(changed, u"dev"_s, BackupJob::Status::Running, &running, 30000));
            QVERIFY(running.remotePid > 0);
            id = running.id;
            // TiDesk quits while the dump runs: the job goes on.
        }
        const Result<BackupJob> onRecord = BackupHistory(m_historyDir).load(id);
        QVERIFY(onRecord.ok());
        QCOMPARE(onRecord->status, BackupJob::Status::Running);
        QVERIFY(QDir(m_root + u'/' + id + u".partial"_s).exists());

        auto second = newManager();
        QSignalSpy changed(second.get(), &BackupManager::jobChanged);
        QSignalSpy finished(second.get(), &BackupManager::jobFinished);
        QSignalSpy reloaded(second.get(), &BackupManager::jobsReloaded);
        second->reattachRunning();
        QVERIFY(QTest::qWaitFor([&] { return reloaded.count() > 0; }, 5000));
        QVERIFY(QTest::qWaitFor([&] { return second->isFollowing(id); }, 5000));
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         for (const QList<QVariant> &args : finished)
                             if (args.at(0).value<BackupJob>().id == id)
                                 return true;
                         return false;
                     },
                     120000),
                 "the re-attached job did not finish in 120 s");
        std::optional<BackupJob> done = second->job(id);
        QVERIFY(done);
        QVERIFY2(done->status == BackupJob::Status::Succeeded, qPrintable(done->error));
        QVERIFY(done->sizeBytes > 1000000);
        QVERIFY(QFileInfo(m_root + u'/' + id + u"/dump.sql.gz"_s).size() > 1000000);
        bool followed = false; // updates came from the second manager's runner
        for (const QList<QVariant> &args : changed)
            followed |= args.at(0).value<BackupJob>().id == id;
        QVERIFY(followed);
        QVERIFY(!second->isFollowing(id));

        const std::optional<BackupJob> lost = second->job(orphan.id);
        QVERIFY(lost);
        QCOMPARE(lost->status, BackupJob::Status::Lost);
        QVERIFY2(lost->error.contains(u"no longer exists"_s), qPrintable(lost->error));
        const Result<BackupJob> lostOnRecord = BackupHistory(m_historyDir).load(orphan.id);
        QVERIFY(lostOnRecord.ok());
        QCOMPARE(lostOnRecord->status, BackupJob::Status::Lost);
    }
};

QTEST_MAIN(TestBackupsPage)
#include "tst_backupspage.moc"
