// BackupHealth::compute on made-up histories and schedules: no backup is critical, a fresh one is
// ok, older than the expected interval (a daily schedule: 36 h; none: 48 h) is a warning, older
// than twice that critical; a failure newer than the last good backup is a warning and named; an
// older failure is forgotten; verified restores and running jobs are found; the next scheduled
// run; restores never count as backups; JSON keys.
#include "backup/BackupHealth.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace TiDesk;

namespace {

const QDateTime kNow = QDateTime(QDate(2026, 11, 30), QTime(12, 0), Qt::UTC);

BackupJob job(const QString &env, BackupJob::Kind kind, BackupJob::Status status, qint64 hoursAgo)
{
    static int n = 0;
    BackupJob j;
    j.id = u"job-%1"_s.arg(++n);
    j.envName = env;
    j.kind = kind;
    j.status = status;
    j.startedAt = kNow.addSecs(-hoursAgo * 3600 - 60);
    if (status != BackupJob::Status::Running)
        j.finishedAt = kNow.addSecs(-hoursAgo * 3600);
    return j;
}

ScheduleSet dailyFor(const QString &env)
{
    ScheduleSet set;
    BackupSchedule s;
    s.id = env + u"-nightly"_s;
    s.envName = env;
    s.frequency = BackupSchedule::Frequency::Daily;
    s.hour = 2;
    s.timeZone = u"UTC"_s;
    s.createdAt = kNow.addDays(-30);
    set.schedules << s;
    return set;
}

} // namespace

class TestBackupHealth : public QObject
{
    Q_OBJECT
private slots:
    void levels()
    {
        using K = BackupJob::Kind;
        using S = BackupJob::Status;
        const QList<BackupJob> history {
            job(u"fresh"_s, K::Logical, S::Succeeded, 3),
            job(u"stale"_s, K::Physical, S::Succeeded, 40),
            job(u"old"_s, K::Logical, S::Succeeded, 100),
            job(u"broken"_s, K::Logical, S::Succeeded, 10),
            job(u"broken"_s, K::Logical, S::Failed, 2),
            job(u"recovered"_s, K::Logical, S::Failed, 20),
            job(u"recovered"_s, K::Logical, S::Succeeded, 5),
            job(u"restored-only"_s, K::Restore, S::Succeeded, 1),
        };
        const QHash<QString, BackupHealth> h
            = BackupHealth::compute({ u"fresh"_s, u"stale"_s, u"old"_s, u"broken"_s, u"recovered"_s,
                                      u"never"_s, u"restored-only"_s },
                                    history, {}, kNow);
        QCOMPARE(h.value(u"fresh"_s).level, BackupHealth::Level::Ok);
        QCOMPARE(h.value(u"fresh"_s).lastGoodAgeSeconds, 3 * 3600);
        QCOMPARE(h.value(u"fresh"_s).headline(), u"Last good backup 3 h ago"_s);
        QCOMPARE(h.value(u"stale"_s).level, BackupHealth::Level::Ok); // 40 h < 48 h
        QCOMPARE(h.value(u"old"_s).level, BackupHealth::Level::Critical); // > 96 h
        QCOMPARE(h.value(u"old"_s).shortText(), u"4 d"_s);
        QCOMPARE(h.value(u"broken"_s).level, BackupHealth::Level::Warning);
        QVERIFY(h.value(u"broken"_s).lastFailure.has_value());
        QCOMPARE(h.value(u"broken"_s).headline(),
                 u"Last backup failed 2 h ago (last good: 10 h ago)"_s);
        QCOMPARE(h.value(u"recovered"_s).level, BackupHealth::Level::Ok);
        QVERIFY(!h.value(u"recovered"_s).lastFailure.has_value());
        QCOMPARE(h.value(u"never"_s).level, BackupHealth::Level::Critical);
        QCOMPARE(h.value(u"never"_s).headline(), u"No successful backup"_s);
        QCOMPARE(h.value(u"never"_s).shortText(), u"none"_s);
        QCOMPARE(h.value(u"restored-only"_s).level, BackupHealth::Level::Critical);
        QVERIFY(!h.contains(u"not-asked"_s));
    }

    void scheduleSetsTheInterval()
    {
        const QList<BackupJob> history {
            job(u"prod"_s, BackupJob::Kind::Physical, BackupJob::Status::Succeeded, 40),
        };
        QHash<QString, BackupHealth> h
            = BackupHealth::compute({ u"prod"_s }, history, dailyFor(u"prod"_s), kNow);
        QCOMPARE(h.value(u"prod"_s).expectedIntervalSeconds, 36 * 3600);
        QCOMPARE(h.value(u"prod"_s).level, BackupHealth::Level::Warning); // 40 h > 36 h
        QCOMPARE(h.value(u"prod"_s).nextRun, QDateTime(QDate(2026, 12, 1), QTime(2, 0), Qt::UTC));
        QCOMPARE(h.value(u"prod"_s).nextScheduleId, u"prod-nightly"_s);
        h = BackupHealth::compute(
            { u"prod"_s },
            { job(u"prod"_s, BackupJob::Kind::Physical, BackupJob::Status::Succeeded, 80) },
            dailyFor(u"prod"_s), kNow);
        QCOMPARE(h.value(u"prod"_s).level, BackupHealth::Level::Critical); // > 72 h
    }

    void restoresAndRunning()
    {
        BackupJob drill = job(u"dev"_s, BackupJob::Kind::Restore, BackupJob::Status::Succeeded, 1);
        drill.verified = true;
        drill.drill = true;
        BackupJob unverified
            = job(u"dev"_s, BackupJob::Kind::Restore, BackupJob::Status::Succeeded, 0);
        const BackupJob running
            = job(u"dev"_s, BackupJob::Kind::Logical, BackupJob::Status::Running, 0);
        const QHash<QString, BackupHealth> h = BackupHealth::compute(
            { u"dev"_s },
            { job(u"dev"_s, BackupJob::Kind::Logical, BackupJob::Status::Succeeded, 5), drill,
              unverified, running },
            {}, kNow);
        QCOMPARE(h.value(u"dev"_s).lastVerifiedRestore->id, drill.id);
        QCOMPARE(h.value(u"dev"_s).running->id, running.id);
        const QJsonObject o = h.value(u"dev"_s).toJson();
        QCOMPARE(o.value(u"level"_s).toString(), u"ok"_s);
        QCOMPARE(o.value(u"last_good_age_s"_s).toInteger(), 5 * 3600);
        QCOMPARE(o.value(u"last_verified_restore"_s).toObject().value(u"id"_s).toString(),
                 drill.id);
        QVERIFY(o.value(u"next_run"_s).isNull());
        QCOMPARE(BackupHealth::compute({ u"x"_s }, {}, {}, kNow)
                     .value(u"x"_s)
                     .toJson()
                     .value(u"last_good"_s)
                     .isNull(),
                 true);
    }
};

QTEST_GUILESS_MAIN(TestBackupHealth)
#include "tst_backuphealth.moc"
