// BackupHealth::compute on made-up histories and schedules: no backup is critical, a fresh one is
// ok, older than the expected interval (a daily schedule: 36 h; none: 48 h) is a warning, older
// than twice that critical; a failure newer than the last good backup is a warning and named; an
// older failure is forgotten; verified restores and running jobs are found; the next scheduled
// run; restores never count as backups; JSON keys; a TiDB log backup's checkpoint lag (10 min
// warning, 30 min critical, PAUSE warning, ERROR critical, a failed check a warning) and the
// log backup state file (round trip, forgetting, a damaged file named).
#include "backup/BackupHealth.h"

#include <QFile>
#include <QTemporaryDir>

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

    void logBackupLag()
    {
        using K = BackupJob::Kind;
        using S = BackupJob::Status;
        const auto state = [](const QString &env, const QString &status, qint64 lagSecs) {
            LogBackupState s;
            s.envName = env;
            s.task = u"pitr"_s;
            s.status = status;
            if (lagSecs >= 0)
                s.checkpoint = kNow.addSecs(-lagSecs);
            s.checkedAt = kNow.addSecs(-20);
            return s;
        };
        QHash<QString, LogBackupState> logs;
        logs.insert(u"near"_s, state(u"near"_s, u"NORMAL"_s, 172)); // gap=2m52s
        logs.insert(u"behind"_s, state(u"behind"_s, u"NORMAL"_s, 15 * 60));
        logs.insert(u"far"_s, state(u"far"_s, u"NORMAL"_s, 45 * 60));
        logs.insert(u"paused"_s, state(u"paused"_s, u"PAUSE"_s, 120));
        LogBackupState broken = state(u"broken"_s, u"ERROR"_s, 60);
        broken.errors << u"error [store 1]: disk full"_s;
        logs.insert(u"broken"_s, broken);
        LogBackupState unchecked = state(u"unchecked"_s, u"NORMAL"_s, 60);
        unchecked.checkError = u"ssh: connection refused"_s;
        logs.insert(u"unchecked"_s, unchecked);
        QStringList names = logs.keys();
        names << u"nolog"_s;
        QList<BackupJob> history;
        for (const QString &n : std::as_const(names))
            history << job(n, K::Br, S::Succeeded, 3); // every snapshot is fresh
        const QHash<QString, BackupHealth> h
            = BackupHealth::compute(names, history, {}, kNow, logs);
        using L = BackupHealth::Level;
        QCOMPARE(h.value(u"near"_s).level, L::Ok);
        QCOMPARE(h.value(u"near"_s).logLagSeconds, 172);
        QCOMPARE(h.value(u"near"_s).logText(kNow), u"log backup: checkpoint 2 min behind"_s);
        QCOMPARE(h.value(u"behind"_s).level, L::Warning);
        QCOMPARE(h.value(u"far"_s).level, L::Critical);
        QCOMPARE(h.value(u"far"_s).logLevel, L::Critical);
        QCOMPARE(h.value(u"paused"_s).level, L::Warning);
        QVERIFY(h.value(u"paused"_s).logText(kNow).contains(u"paused"_s));
        QCOMPARE(h.value(u"broken"_s).level, L::Critical);
        QVERIFY(h.value(u"broken"_s).logText(kNow).contains(u"disk full"_s));
        QCOMPARE(h.value(u"unchecked"_s).level, L::Warning);
        QVERIFY(h.value(u"unchecked"_s).logText(kNow).contains(u"connection refused"_s));
        QCOMPARE(h.value(u"nolog"_s).level, L::Ok);
        QVERIFY(!h.value(u"nolog"_s).logBackup);
        QVERIFY(h.value(u"nolog"_s).toJson().value(u"log_backup"_s).isNull());
        const QJsonObject far = h.value(u"far"_s).toJson().value(u"log_backup"_s).toObject();
        QCOMPARE(far.value(u"lag_s"_s).toInteger(), 45 * 60);
        QCOMPARE(far.value(u"level"_s).toString(), u"critical"_s);
        QCOMPARE(far.value(u"task"_s).toString(), u"pitr"_s);
        // No snapshot at all stays critical whatever the log backup says.
        QCOMPARE(BackupHealth::compute({ u"near"_s }, {}, {}, kNow, logs).value(u"near"_s).level,
                 L::Critical);
    }

    void logBackupStateFile()
    {
        QTemporaryDir dir;
        QVERIFY(LogBackupState::load(dir.path())->isEmpty()); // no file yet
        // A failed look at an environment without a log backup on record records nothing.
        QVERIFY(LogBackupState::saveCheckError(dir.path(), u"dev"_s, u"no PD"_s, kNow).ok());
        QVERIFY(LogBackupState::load(dir.path())->isEmpty());
        BrLogTask t;
        t.name = u"pitr"_s;
        t.status = u"NORMAL"_s;
        t.checkpoint = kNow.addSecs(-90);
        LogBackupState s = LogBackupState::fromTask(u"uat02"_s, t, kNow);
        s.program = u"/opt/br"_s;
        QVERIFY(LogBackupState::save(dir.path(), s).ok());
        QVERIFY(
            LogBackupState::saveCheckError(dir.path(), u"uat02"_s, u"timed out"_s, kNow.addSecs(60))
                .ok());
        Result<QHash<QString, LogBackupState>> all = LogBackupState::load(dir.path());
        QVERIFY(all.ok());
        const LogBackupState back = all->value(u"uat02"_s);
        QCOMPARE(back.checkpoint, kNow.addSecs(-90)); // the last known checkpoint is kept
        QCOMPARE(back.checkError, u"timed out"_s);
        QCOMPARE(back.program, u"/opt/br"_s);
        QCOMPARE(back.lagSeconds(kNow), 90);
        QVERIFY(LogBackupState::remove(dir.path(), u"uat02"_s).ok());
        QVERIFY(LogBackupState::load(dir.path())->isEmpty());

        QFile f(LogBackupState::pathIn(dir.path()));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{ damaged");
        f.close();
        const Result<QHash<QString, LogBackupState>> bad = LogBackupState::load(dir.path());
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error().message.contains(u"state.json"_s), qPrintable(bad.error().message));
        // Saving replaces a damaged file rather than failing forever.
        QVERIFY(LogBackupState::save(dir.path(), s).ok());
        QCOMPARE(LogBackupState::load(dir.path())->size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestBackupHealth)
#include "tst_backuphealth.moc"
