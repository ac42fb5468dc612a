// ScheduledRuns::claimDue on temporary files: a due slot is claimed once with a queued record
// (schedule id, start time) that makes it not due again; a missed day runs once; a held lock
// (another run-due or an open TiDesk) claims nothing and says busy; a damaged schedules file is a
// clear error. StorageUrl's credential handling for BR: parameters appended from the credential
// store, S3 credentials moved to the environment, other URLs untouched.
#include "backup/BackupHistory.h"
#include "backup/ScheduledRuns.h"
#include "backup/StorageUrl.h"

#include <QFile>
#include <QLockFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TiDesk;

class TestScheduledRuns : public QObject
{
    Q_OBJECT
private slots:
    void claimsOnceUnderTheLock()
    {
        QTemporaryDir dir;
        const QString history = dir.filePath(u"history"_s);
        const QString schedules = dir.filePath(u"backup-schedules.json"_s);
        const QString lock = dir.filePath(u"run-due.lock"_s);
        const QDateTime now = QDateTime(QDate(2026, 11, 30), QTime(12, 30), Qt::UTC);
        BackupSchedule s;
        s.id = u"dev-daily"_s;
        s.envName = u"dev"_s;
        s.frequency = BackupSchedule::Frequency::Daily;
        s.hour = 2;
        s.timeZone = u"UTC"_s;
        s.keep = 2;
        s.createdAt = now.addDays(-3); // three missed nights: one run
        ScheduleSet set;
        QVERIFY(set.add(s).ok());
        QVERIFY(set.save(schedules).ok());

        bool busy = true;
        Result<QList<ScheduledRuns::Claim>> claims
            = ScheduledRuns::claimDue(history, schedules, lock, now, &busy);
        QVERIFY2(claims.ok(), claims.ok() ? "" : qPrintable(claims.error().message));
        QVERIFY(!busy);
        QCOMPARE(claims->size(), 1);
        const BackupJob job = claims->first().job;
        QCOMPARE(job.scheduleId, u"dev-daily"_s);
        QCOMPARE(job.status, BackupJob::Status::Queued);
        QCOMPARE(job.startedAt, now);
        const Result<BackupJob> stored = BackupHistory(history).load(job.id);
        QVERIFY(stored.ok());
        QCOMPARE(stored->status, BackupJob::Status::Queued);

        claims = ScheduledRuns::claimDue(history, schedules, lock, now.addSecs(60), &busy);
        QVERIFY(claims.ok());
        QVERIFY(claims->isEmpty()); // that slot is taken
        // The next night is due again.
        claims = ScheduledRuns::claimDue(history, schedules, lock, now.addDays(1), &busy);
        QCOMPARE(claims->size(), 1);

        // Somebody else holds the lock: nothing claimed, busy.
        QLockFile other(lock);
        QVERIFY(other.tryLock(0));
        claims = ScheduledRuns::claimDue(history, schedules, lock, now.addDays(2), &busy);
        QVERIFY(claims.ok());
        QVERIFY(claims->isEmpty());
        QVERIFY(busy);
        other.unlock();

        QFile f(schedules);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("{ not json");
        f.close();
        claims = ScheduledRuns::claimDue(history, schedules, lock, now.addDays(2), &busy);
        QVERIFY(!claims.ok());
        QVERIFY(claims.error().message.contains(u"backup-schedules.json"_s));
    }

    // A claimer that died before launching leaves a queued record: recorded lost after 15 min
    // by the next claim (under the lock), never while it may still be starting; a job that was
    // launched (it has a pid) is left to its follower.
    void abandonedClaimIsRecordedLost()
    {
        QTemporaryDir dir;
        const QString history = dir.filePath(u"history"_s);
        const QString schedules = dir.filePath(u"backup-schedules.json"_s);
        const QString lock = dir.filePath(u"run-due.lock"_s);
        const QDateTime now = QDateTime(QDate(2026, 11, 30), QTime(2, 0, 30), Qt::UTC);
        BackupSchedule s;
        s.id = u"prod-nightly"_s;
        s.envName = u"prod"_s;
        s.frequency = BackupSchedule::Frequency::Daily;
        s.hour = 2;
        s.timeZone = u"UTC"_s;
        s.createdAt = now.addDays(-1);
        ScheduleSet set;
        QVERIFY(set.add(s).ok());
        QVERIFY(set.save(schedules).ok());
        const Result<QList<ScheduledRuns::Claim>> claims
            = ScheduledRuns::claimDue(history, schedules, lock, now);
        QVERIFY(claims.ok());
        QCOMPARE(claims->size(), 1);
        const QString claimed = claims->first().job.id;
        BackupJob launched;
        launched.id = u"20261130T015000Z-prod-aaaa"_s;
        launched.envName = u"prod"_s;
        launched.status = BackupJob::Status::Queued;
        launched.startedAt = now.addSecs(-600);
        launched.remotePid = 4242;
        QVERIFY(BackupHistory(history).save(launched).ok());

        QVERIFY(ScheduledRuns::claimDue(history, schedules, lock, now.addSecs(300)).ok());
        QCOMPARE(BackupHistory(history).load(claimed)->status, BackupJob::Status::Queued);

        QVERIFY(ScheduledRuns::claimDue(history, schedules, lock, now.addSecs(16 * 60)).ok());
        const Result<BackupJob> lost = BackupHistory(history).load(claimed);
        QVERIFY(lost.ok());
        QCOMPARE(lost->status, BackupJob::Status::Lost);
        QVERIFY2(lost->error.contains(u"never started"_s), qPrintable(lost->error));
        QCOMPARE(lost->finishedAt, now.addSecs(16 * 60));
        QCOMPARE(BackupHistory(history).load(launched.id)->status, BackupJob::Status::Queued);
    }

    void storageCredentials()
    {
        QCOMPARE(StorageUrl::withParameters(u"s3://b/p?region=x"_s, u"access-key=A"_s),
                 u"s3://b/p?region=x&access-key=A"_s);
        QCOMPARE(StorageUrl::withParameters(u"s3://b/p"_s, u"?access-key=A"_s),
                 u"s3://b/p?access-key=A"_s);
        QCOMPARE(StorageUrl::withParameters(u"s3://b/p"_s, {}), u"s3://b/p"_s);
        const StorageUrl::EnvSplit s3 = StorageUrl::credentialsToEnvironment(
            u"s3://b/p?region=x&access-key=AK&secret-access-key=S%2FK&session-token=T"_s);
        QCOMPARE(s3.url, u"s3://b/p?region=x"_s);
        QCOMPARE(s3.environment.size(), 3);
        QCOMPARE(s3.environment.at(0), qMakePair(u"AWS_ACCESS_KEY_ID"_s, u"AK"_s));
        QCOMPARE(s3.environment.at(1), qMakePair(u"AWS_SECRET_ACCESS_KEY"_s, u"S/K"_s));
        QCOMPARE(s3.environment.at(2), qMakePair(u"AWS_SESSION_TOKEN"_s, u"T"_s));
        const StorageUrl::EnvSplit only
            = StorageUrl::credentialsToEnvironment(u"s3://b/p?access-key=AK"_s);
        QCOMPARE(only.url, u"s3://b/p"_s);
        const StorageUrl::EnvSplit gcs
            = StorageUrl::credentialsToEnvironment(u"gcs://b/p?credentials-file=/k.json"_s);
        QCOMPARE(gcs.url, u"gcs://b/p?credentials-file=/k.json"_s);
        QVERIFY(gcs.environment.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestScheduledRuns)
#include "tst_scheduledruns.moc"
