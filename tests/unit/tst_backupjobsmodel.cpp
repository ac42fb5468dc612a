// BackupJobsModel on hand-made jobs, under QAbstractItemModelTester while it is updated: rows
// newest first whatever the arrival order; upsert() of a known job changes cells in place (no
// reset, no insert, persistent indexes and the selection survive), only the changed columns
// signal; setJobs() removes vanished jobs and inserts new ones at their place; progress, tone,
// throughput and the texts; health() picks the last good backup and the last failure per
// environment and ignores restores.
#include "models/BackupJobsModel.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TiDesk;

namespace {

const QDateTime kT0 = QDateTime(QDate(2026, 5, 14), QTime(13, 30, 0), Qt::UTC);

BackupJob job(const QString &env, int minute, BackupJob::Status status,
              BackupJob::Kind kind = BackupJob::Kind::Logical)
{
    BackupJob j;
    const QDateTime t = kT0.addSecs(minute * 60);
    j.id = t.toString(u"yyyyMMdd'T'HHmmss'Z'"_s) + u'-' + env + u"-00"_s
        + QString::number(minute).rightJustified(2, u'0');
    j.envName = env;
    j.kind = kind;
    j.status = status;
    j.target = u"local:/backups/"_s + j.id;
    j.startedAt = t;
    if (status != BackupJob::Status::Queued && status != BackupJob::Status::Running)
        j.finishedAt = t.addSecs(10);
    if (status == BackupJob::Status::Succeeded)
        j.sizeBytes = 10 * 1024 * 1024;
    return j;
}

QStringList idsOf(const BackupJobsModel &m)
{
    QStringList ids;
    for (int r = 0; r < m.rowCount(); ++r)
        ids << m.index(r, 0).data(BackupJobsModel::JobIdRole).toString();
    return ids;
}

} // namespace

class TestBackupJobsModel : public QObject
{
    Q_OBJECT

private slots:
    void newestFirstWhateverTheOrder()
    {
        BackupJobsModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const BackupJob a = job(u"dev"_s, 1, BackupJob::Status::Succeeded);
        const BackupJob b = job(u"dev"_s, 5, BackupJob::Status::Failed);
        const BackupJob c = job(u"prod"_s, 3, BackupJob::Status::Running);
        m.upsert(a);
        m.upsert(b);
        m.upsert(c);
        QCOMPARE(idsOf(m), (QStringList { b.id, c.id, a.id }));
        QCOMPARE(m.rowOf(c.id), 1);
        QCOMPARE(m.rowOf(u"nope"_s), -1);
        QCOMPARE(m.columnCount(), int(BackupJobsModel::ColumnCount));
    }

    void upsertUpdatesInPlace()
    {
        BackupJobsModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        BackupJob running = job(u"dev"_s, 2, BackupJob::Status::Running);
        running.progress = 10;
        running.sizeBytes = 1000;
        m.setJobs({ job(u"dev"_s, 1, BackupJob::Status::Succeeded), running,
                    job(u"dev"_s, 3, BackupJob::Status::Failed) });
        QCOMPARE(m.rowCount(), 3);
        QItemSelectionModel sel(&m);
        const QPersistentModelIndex kept = m.index(m.rowOf(running.id), 0);
        sel.setCurrentIndex(kept, QItemSelectionModel::SelectCurrent | QItemSelectionModel::Rows);

        QSignalSpy reset(&m, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&m, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&m, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);

        running.progress = 55;
        running.sizeBytes = 5000;
        running.logTail = u"dumping shop"_s;
        QCOMPARE(m.upsert(running), 1);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(removed.count(), 0);
        QVERIFY(changed.count() >= 1);
        // Environment, kind, started and target did not change: never signalled.
        for (const QList<QVariant> &args : changed) {
            const auto tl = args.at(0).value<QModelIndex>();
            const auto br = args.at(1).value<QModelIndex>();
            QCOMPARE(tl.row(), 1);
            QCOMPARE(br.row(), 1);
            const QList<int> roles = args.at(2).value<QList<int>>();
            if (!roles.isEmpty())
                continue; // the row's log tail
            QVERIFY(tl.column() >= BackupJobsModel::ProgressColumn);
            QVERIFY(br.column() <= BackupJobsModel::ThroughputColumn);
        }
        QVERIFY(kept.isValid());
        QCOMPARE(kept.row(), 1);
        QCOMPARE(sel.currentIndex().data(BackupJobsModel::JobIdRole).toString(), running.id);
        QCOMPARE(kept.data(BackupJobsModel::ProgressRole).toDouble(), 55.0);
        QCOMPARE(m.index(1, BackupJobsModel::ProgressColumn).data().toString(), u"55%"_s);
        QCOMPARE(kept.data(BackupJobsModel::LogTailRole).toString(), u"dumping shop"_s);

        // It finishes: status, progress 100, its final size.
        running.status = BackupJob::Status::Succeeded;
        running.finishedAt = running.startedAt.addSecs(20);
        running.sizeBytes = 20 * 1024 * 1024;
        changed.clear();
        m.upsert(running);
        QCOMPARE(inserted.count() + removed.count() + reset.count(), 0);
        QCOMPARE(kept.data(BackupJobsModel::ProgressRole).toDouble(), 100.0);
        QCOMPARE(m.index(1, BackupJobsModel::StatusColumn).data().toString(), u"Succeeded"_s);
        QCOMPARE(m.index(1, BackupJobsModel::SizeColumn).data().toString(), u"20 MiB"_s);
        QCOMPARE(m.index(1, BackupJobsModel::DurationColumn).data().toString(), u"20 s"_s);
        QCOMPARE(m.index(1, BackupJobsModel::ThroughputColumn).data().toString(), u"1 MiB/s"_s);
        QCOMPARE(BackupJobsModel::throughput(running), 1024.0 * 1024.0);
        QCOMPARE(m.index(1, 0).data(BackupJobsModel::StatusToneRole).toInt(),
                 int(BackupJobsModel::Tone::Good));
        QVERIFY(!changed.isEmpty());
    }

    void setJobsIsADiff()
    {
        BackupJobsModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const BackupJob a = job(u"dev"_s, 1, BackupJob::Status::Succeeded);
        const BackupJob b = job(u"dev"_s, 2, BackupJob::Status::Succeeded);
        const BackupJob c = job(u"dev"_s, 3, BackupJob::Status::Failed);
        const BackupJob d = job(u"dev"_s, 4, BackupJob::Status::Succeeded);
        const BackupJob e = job(u"dev"_s, 5, BackupJob::Status::Cancelled);
        m.setJobs({ a, b, c, d, e });
        const QPersistentModelIndex pc = m.index(m.rowOf(c.id), 0);
        QSignalSpy reset(&m, &QAbstractItemModel::modelReset);
        QSignalSpy removed(&m, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&m, &QAbstractItemModel::rowsInserted);
        // b and d vanish (not adjacent), a new job between c and e arrives.
        const BackupJob n = job(u"dev"_s, 4, BackupJob::Status::Running); // same minute as d
        BackupJob n2 = n;
        n2.id = n.id + u"x"_s;
        m.setJobs({ e, c, a, n2 });
        QCOMPARE(reset.count(), 0);
        QCOMPARE(removed.count(), 2);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(idsOf(m), (QStringList { e.id, n2.id, c.id, a.id }));
        QVERIFY(pc.isValid());
        QCOMPARE(pc.data(BackupJobsModel::JobIdRole).toString(), c.id);
        for (int r = 0; r < m.rowCount(); ++r)
            QCOMPARE(m.rowOf(m.jobAt(r).id), r);
        m.setJobs({});
        QCOMPARE(m.rowCount(), 0);
        QCOMPARE(reset.count(), 0);
    }

    void rolesAndTexts()
    {
        BackupJob q = job(u"dev"_s, 1, BackupJob::Status::Queued);
        q.startedAt = {};
        QCOMPARE(BackupJobsModel::displayText(q, BackupJobsModel::StartedColumn), u"\u2014"_s);
        QCOMPARE(BackupJobsModel::displayText(q, BackupJobsModel::DurationColumn), u"\u2014"_s);
        QCOMPARE(BackupJobsModel::displayText(q, BackupJobsModel::ProgressColumn), QString());
        QVERIFY(!BackupJobsModel::sortValue(q, BackupJobsModel::SizeColumn).isValid());
        BackupJob f = job(u"dev"_s, 2, BackupJob::Status::Failed);
        f.error = u"mariadb-dump exited with status 2"_s;
        f.logTail = u"line 1\nFAILED: boom"_s;
        BackupJobsModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.upsert(f);
        const QModelIndex status = m.index(0, BackupJobsModel::StatusColumn);
        QCOMPARE(status.data(BackupJobsModel::StatusToneRole).toInt(),
                 int(BackupJobsModel::Tone::Bad));
        QVERIFY(status.data(Qt::ToolTipRole).toString().contains(f.error));
        QCOMPARE(status.data(BackupJobsModel::LogTailRole).toString(),
                 QString(f.logTail + u'\n' + f.error));
        QCOMPARE(status.data(BackupJobsModel::ProgressRole).toDouble(), -1.0);
        QCOMPARE(status.data(BackupJobsModel::JobRole).value<BackupJob>().id, f.id);
        QCOMPARE(BackupJobsModel::toneOf(BackupJob::Status::Cancelled),
                 BackupJobsModel::Tone::Warning);
        QCOMPARE(BackupJobsModel::toneOf(BackupJob::Status::Lost), BackupJobsModel::Tone::Bad);
        QCOMPARE(BackupJobsModel::toneOf(BackupJob::Status::Running),
                 BackupJobsModel::Tone::Active);

        QCOMPARE(BackupJobsModel::ageText(kT0, kT0.addSecs(30)), u"just now"_s);
        QCOMPARE(BackupJobsModel::ageText(kT0, kT0.addSecs(5 * 60 + 3)), u"5 min ago"_s);
        QCOMPARE(BackupJobsModel::ageText(kT0, kT0.addSecs(3 * 3600 + 100)), u"3 h ago"_s);
        QCOMPARE(BackupJobsModel::ageText(kT0, kT0.addDays(3)), u"3 d ago"_s);
        QCOMPARE(BackupJobsModel::ageText({}, kT0), u"\u2014"_s);
    }

    void healthPerEnvironment()
    {
        const BackupJob good1 = job(u"dev"_s, 1, BackupJob::Status::Succeeded);
        const BackupJob good2 = job(u"dev"_s, 7, BackupJob::Status::Succeeded);
        const BackupJob fail = job(u"dev"_s, 5, BackupJob::Status::Failed);
        const BackupJob lost = job(u"dev"_s, 3, BackupJob::Status::Lost);
        const BackupJob restore
            = job(u"dev"_s, 9, BackupJob::Status::Succeeded, BackupJob::Kind::Restore);
        const BackupJob running = job(u"dev"_s, 8, BackupJob::Status::Running);
        const BackupJob other = job(u"prod"_s, 9, BackupJob::Status::Failed);
        BackupJobsModel m;
        m.setJobs({ good1, good2, fail, lost, restore, running, other });
        const BackupJobsModel::Health dev = m.health(u"dev"_s);
        QVERIFY(dev.lastGood);
        QCOMPARE(dev.lastGood->id, good2.id); // the restore is not a backup
        QVERIFY(dev.lastFailure);
        QCOMPARE(dev.lastFailure->id, fail.id);
        QCOMPARE(dev.running, 1);
        const BackupJobsModel::Health prod = m.health(u"prod"_s);
        QVERIFY(!prod.lastGood);
        QCOMPARE(prod.lastFailure->id, other.id);
        QCOMPARE(prod.running, 0);
        QVERIFY(!m.health(u"none"_s).lastGood);
        QCOMPARE(m.environments(), (QStringList { u"dev"_s, u"prod"_s }));

        // Two backups created in the same second: the one that ended last is the last good one,
        // whatever the random part of the ids says.
        BackupJob early = job(u"uat"_s, 1, BackupJob::Status::Succeeded);
        BackupJob late = early;
        early.id = early.id + u"-ffff"_s;
        late.id = late.id + u"-0000"_s;
        late.finishedAt = early.finishedAt.addSecs(30);
        QCOMPARE(BackupJobsModel::healthOf({ early, late }, u"uat"_s).lastGood->id, late.id);
        QCOMPARE(BackupJobsModel::healthOf({ late, early }, u"uat"_s).lastGood->id, late.id);
    }
};

QTEST_GUILESS_MAIN(TestBackupJobsModel)
#include "tst_backupjobsmodel.moc"
