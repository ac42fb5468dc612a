// tst_backupschedule: backup schedules (issue 6). BackupSchedule's times: next run for hourly,
// daily and weekly schedules; due only after a scheduled time passed since the last run (or
// the creation); a missed daily schedule runs once however long the machine was off; clock
// changes in Europe/Berlin both ways, simulated minute by minute; the descriptions.
// ScheduleSet: the file (tests/data/backup/schedules: valid, every malformed case named by
// schedule and field, a syntax error), save/load round trip, add/remove/replace, due(),
// retention victims. SystemdTimerExport: the exact unit texts, the spring-forward extra
// calendar, and - when systemd-analyze is installed - every OnCalendar= expression validated by
// `systemd-analyze calendar` and its next elapses compared with nextRunAfter().
#include "backup/BackupSchedule.h"
#include "backup/ScheduleSet.h"
#include "backup/SystemdTimerExport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TiDesk;

namespace {

QByteArray readData(const QString &name)
{
    QFile f(QStringLiteral(TIDESK_TEST_DATA_DIR "/backup/schedules/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", qPrintable(f.fileName()));
    return f.readAll();
}

QDateTime utc(const QString &iso)
{
    QDateTime t = QDateTime::fromString(iso, Qt::ISODate);
    if (!t.isValid())
        qFatal("bad test time %s", qPrintable(iso));
    return t.toUTC();
}

BackupSchedule daily(int hour, int minute, const QString &zone = u"Europe/Berlin"_s)
{
    BackupSchedule s;
    s.id = u"dev-nightly"_s;
    s.envName = u"dev"_s;
    s.frequency = BackupSchedule::Frequency::Daily;
    s.hour = hour;
    s.minute = minute;
    s.timeZone = zone;
    s.createdAt = utc(u"2024-01-01T00:00:00Z"_s);
    return s;
}

BackupSchedule weekly(QList<int> days, int hour, int minute, const QString &zone = {})
{
    BackupSchedule s = daily(hour, minute, zone);
    s.id = u"weekly"_s;
    s.frequency = BackupSchedule::Frequency::Weekly;
    s.weekdays = std::move(days);
    return s;
}

BackupSchedule hourly(int minute, const QString &zone = u"Europe/Berlin"_s)
{
    BackupSchedule s = daily(0, minute, zone);
    s.id = u"hourly"_s;
    s.frequency = BackupSchedule::Frequency::Hourly;
    return s;
}

// What a runner asking every minute from `from` to `to` would start: the start times.
QList<QDateTime> simulate(const BackupSchedule &s, const QDateTime &from, const QDateTime &to,
                          QDateTime lastRun = {})
{
    QList<QDateTime> runs;
    for (QDateTime now = from; now <= to; now = now.addSecs(60)) {
        if (s.isDue(now, lastRun)) {
            runs << now;
            lastRun = now;
        }
    }
    return runs;
}

BackupJob job(const QString &id, const QString &env, BackupJob::Kind kind, BackupJob::Status status,
              const QString &finished, const QString &target = {})
{
    BackupJob j;
    j.id = id;
    j.envName = env;
    j.kind = kind;
    j.status = status;
    j.target = target;
    j.startedAt = utc(finished).addSecs(-600);
    if (status != BackupJob::Status::Running)
        j.finishedAt = utc(finished);
    return j;
}

QStringList ids(const QList<BackupJob> &jobs)
{
    QStringList out;
    for (const BackupJob &j : jobs)
        out << j.id;
    return out;
}

QStringList ids(const QList<BackupSchedule> &schedules)
{
    QStringList out;
    for (const BackupSchedule &s : schedules)
        out << s.id;
    return out;
}

} // namespace

class TestBackupSchedule : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();

    void nextRunDaily();
    void nextRunWeekly();
    void nextRunHourly();
    void latestRunAtOrBefore();
    void notDueAtCreation();
    void missedRunsRunOnce();
    void runningLateKeepsTheSchedule();
    void disabledIsNeverDue();
    void springForwardBerlin();
    void fallBackBerlin();
    void hourlyAcrossClockChanges();
    void localZoneIsTheMachines();
    void descriptions();
    void validation();
    void credentialsInTargets_data();
    void credentialsInTargets();

    void validFile();
    void malformed_data();
    void malformed();
    void syntaxErrorNamesLineAndColumn();
    void missingFile();
    void saveLoadRoundTrip();
    void saveRefusesInvalidSet();
    void addRemoveReplace();
    void dueOfASet();
    void retentionVictims();

    void onCalendar();
    void gapCalendars();
    void serviceUnitText();
    void timerUnitText();
    void writeUnits();
    void systemdAcceptsCalendars();
    void systemdVerifiesUnits();
};

void TestBackupSchedule::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(QTimeZone::isTimeZoneIdAvailable("Europe/Berlin"), "tzdata is needed");
}

void TestBackupSchedule::nextRunDaily()
{
    const BackupSchedule s = daily(2, 0, u"UTC"_s);
    QCOMPARE(s.nextRunAfter(utc(u"2024-05-14T10:00:00Z"_s)), utc(u"2024-05-15T02:00:00Z"_s));
    QCOMPARE(s.nextRunAfter(utc(u"2024-05-14T01:59:59Z"_s)), utc(u"2024-05-14T02:00:00Z"_s));
    // Strictly after: a run that started exactly on time is not the next run.
    QCOMPARE(s.nextRunAfter(utc(u"2024-05-14T02:00:00Z"_s)), utc(u"2024-05-15T02:00:00Z"_s));
    // Year end.
    QCOMPARE(s.nextRunAfter(utc(u"2024-12-31T23:00:00Z"_s)), utc(u"2025-01-01T02:00:00Z"_s));
    // Berlin in summer (UTC+2) and winter (UTC+1); any time spec in, UTC out.
    const BackupSchedule berlin = daily(2, 0);
    QCOMPARE(berlin.nextRunAfter(utc(u"2024-05-14T10:00:00Z"_s)), utc(u"2024-05-15T00:00:00Z"_s));
    QCOMPARE(berlin.nextRunAfter(utc(u"2024-01-14T10:00:00Z"_s)), utc(u"2024-01-15T01:00:00Z"_s));
    const QDateTime inBerlin(QDate(2024, 5, 14), QTime(1, 0), QTimeZone("Europe/Berlin"));
    QCOMPARE(berlin.nextRunAfter(inBerlin), utc(u"2024-05-14T00:00:00Z"_s));
    QCOMPARE(berlin.nextRunAfter(inBerlin).timeSpec(), Qt::UTC);
    // A zone west of UTC whose local day differs from the UTC day.
    const BackupSchedule ny = daily(23, 30, u"America/New_York"_s);
    QCOMPARE(ny.nextRunAfter(utc(u"2024-05-15T02:00:00Z"_s)), utc(u"2024-05-15T03:30:00Z"_s));
    QCOMPARE(ny.nextRunAfter(utc(u"2024-05-15T03:30:00Z"_s)), utc(u"2024-05-16T03:30:00Z"_s));
}

void TestBackupSchedule::nextRunWeekly()
{
    // Monday and Thursday 23:30 in Berlin (UTC+2 in May). 2024-05-14 is a Tuesday.
    const BackupSchedule s = weekly({ 1, 4 }, 23, 30, u"Europe/Berlin"_s);
    QDateTime t = utc(u"2024-05-14T12:00:00Z"_s);
    QList<QDateTime> got;
    for (int i = 0; i < 4; ++i) {
        t = s.nextRunAfter(t);
        got << t;
    }
    const QList<QDateTime> expected { utc(u"2024-05-16T21:30:00Z"_s),
                                      utc(u"2024-05-20T21:30:00Z"_s),
                                      utc(u"2024-05-23T21:30:00Z"_s),
                                      utc(u"2024-05-27T21:30:00Z"_s) };
    QCOMPARE(got, expected);
    // Sunday only, asked on a Sunday after the time: a week later.
    const BackupSchedule sunday = weekly({ 7 }, 6, 0, u"UTC"_s);
    QCOMPARE(sunday.nextRunAfter(utc(u"2024-05-19T07:00:00Z"_s)), utc(u"2024-05-26T06:00:00Z"_s));
    QCOMPARE(sunday.nextRunAfter(utc(u"2024-05-19T05:00:00Z"_s)), utc(u"2024-05-19T06:00:00Z"_s));
}

void TestBackupSchedule::nextRunHourly()
{
    const BackupSchedule s = hourly(15, u"UTC"_s);
    QCOMPARE(s.nextRunAfter(utc(u"2024-05-14T10:00:00Z"_s)), utc(u"2024-05-14T10:15:00Z"_s));
    QCOMPARE(s.nextRunAfter(utc(u"2024-05-14T10:15:00Z"_s)), utc(u"2024-05-14T11:15:00Z"_s));
    QCOMPARE(s.nextRunAfter(utc(u"2024-05-14T10:14:59.900Z"_s)), utc(u"2024-05-14T10:15:00Z"_s));
    QCOMPARE(s.nextRunAfter(utc(u"2024-05-14T23:20:00Z"_s)), utc(u"2024-05-15T00:15:00Z"_s));
    // The minute is local: India is UTC+5:30, so :15 local is :45 UTC.
    const BackupSchedule india = hourly(15, u"Asia/Kolkata"_s);
    QCOMPARE(india.nextRunAfter(utc(u"2024-05-14T10:00:00Z"_s)), utc(u"2024-05-14T10:45:00Z"_s));
}

void TestBackupSchedule::latestRunAtOrBefore()
{
    const BackupSchedule s = daily(2, 0, u"UTC"_s);
    QCOMPARE(s.latestRunAtOrBefore(utc(u"2024-05-14T10:00:00Z"_s)), utc(u"2024-05-14T02:00:00Z"_s));
    QCOMPARE(s.latestRunAtOrBefore(utc(u"2024-05-14T02:00:00Z"_s)), utc(u"2024-05-14T02:00:00Z"_s));
    QCOMPARE(s.latestRunAtOrBefore(utc(u"2024-05-14T01:59:00Z"_s)), utc(u"2024-05-13T02:00:00Z"_s));
    const BackupSchedule w = weekly({ 1 }, 23, 30, u"UTC"_s); // Mondays
    QCOMPARE(w.latestRunAtOrBefore(utc(u"2024-05-19T12:00:00Z"_s)), utc(u"2024-05-13T23:30:00Z"_s));
    const BackupSchedule h = hourly(15, u"UTC"_s);
    QCOMPARE(h.latestRunAtOrBefore(utc(u"2024-05-14T10:14:00Z"_s)), utc(u"2024-05-14T09:15:00Z"_s));
}

void TestBackupSchedule::notDueAtCreation()
{
    // Added at 10:00 for 02:00 daily: nothing starts until 02:00 the next day.
    BackupSchedule s = daily(2, 0, u"UTC"_s);
    s.createdAt = utc(u"2024-05-14T10:00:00Z"_s);
    QVERIFY(!s.isDue(utc(u"2024-05-14T10:00:00Z"_s), {}));
    QVERIFY(!s.isDue(utc(u"2024-05-14T23:59:00Z"_s), {}));
    QVERIFY(!s.isDue(utc(u"2024-05-15T01:59:59Z"_s), {}));
    QVERIFY(s.isDue(utc(u"2024-05-15T02:00:00Z"_s), {}));
    QVERIFY(s.isDue(utc(u"2024-05-15T09:00:00Z"_s), {}));
    // Added at 01:00 for 02:00: due the same night.
    s.createdAt = utc(u"2024-05-14T01:00:00Z"_s);
    QVERIFY(!s.isDue(utc(u"2024-05-14T01:59:00Z"_s), {}));
    QVERIFY(s.isDue(utc(u"2024-05-14T02:00:00Z"_s), {}));
    // Never ran and no creation time: never due (nothing to measure from).
    s.createdAt = {};
    QVERIFY(!s.isDue(utc(u"2024-05-20T02:00:00Z"_s), {}));
    // A run older than the creation (an earlier schedule with the same id) does not count.
    s.createdAt = utc(u"2024-05-14T10:00:00Z"_s);
    QVERIFY(!s.isDue(utc(u"2024-05-14T12:00:00Z"_s), utc(u"2024-05-01T02:00:00Z"_s)));
}

void TestBackupSchedule::missedRunsRunOnce()
{
    // Last run Friday 02:00; the machine was off until Monday 09:00: one run, not three.
    const BackupSchedule s = daily(2, 0, u"UTC"_s);
    const QDateTime lastRun = utc(u"2024-05-10T02:00:05Z"_s);
    const QList<QDateTime> runs
        = simulate(s, utc(u"2024-05-13T09:00:00Z"_s), utc(u"2024-05-14T12:00:00Z"_s), lastRun);
    const QList<QDateTime> expected { utc(u"2024-05-13T09:00:00Z"_s),
                                      utc(u"2024-05-14T02:00:00Z"_s) };
    QCOMPARE(runs, expected);
    // The same through due(): the job started at 09:00 makes it not due at 09:01.
    QVERIFY(s.isDue(utc(u"2024-05-13T09:00:00Z"_s), lastRun));
    QVERIFY(!s.isDue(utc(u"2024-05-13T09:01:00Z"_s), utc(u"2024-05-13T09:00:00Z"_s)));
}

void TestBackupSchedule::runningLateKeepsTheSchedule()
{
    // A run that started late (10:00) does not move the schedule: next one is 02:00 again.
    const BackupSchedule s = daily(2, 0, u"UTC"_s);
    QVERIFY(!s.isDue(utc(u"2024-05-15T01:59:00Z"_s), utc(u"2024-05-14T10:00:00Z"_s)));
    QVERIFY(s.isDue(utc(u"2024-05-15T02:00:00Z"_s), utc(u"2024-05-14T10:00:00Z"_s)));
    // Every minute for a week: exactly one run a day, at 02:00.
    const QList<QDateTime> runs
        = simulate(s, utc(u"2024-05-14T00:00:00Z"_s), utc(u"2024-05-20T23:59:00Z"_s),
                   utc(u"2024-05-13T02:00:00Z"_s));
    QCOMPARE(runs.size(), 7);
    for (const QDateTime &r : runs)
        QCOMPARE(r.time(), QTime(2, 0));
}

void TestBackupSchedule::disabledIsNeverDue()
{
    BackupSchedule s = daily(2, 0, u"UTC"_s);
    QVERIFY(s.isDue(utc(u"2024-05-15T02:00:00Z"_s), utc(u"2024-05-14T02:00:00Z"_s)));
    s.enabled = false;
    QVERIFY(!s.isDue(utc(u"2024-05-15T02:00:00Z"_s), utc(u"2024-05-14T02:00:00Z"_s)));
}

void TestBackupSchedule::springForwardBerlin()
{
    // 2024-03-31 in Berlin: 02:00 CET jumps to 03:00 CEST (01:00 UTC); 02:30 does not exist.
    const BackupSchedule s = daily(2, 30);
    QCOMPARE(s.nextRunAfter(utc(u"2024-03-30T01:30:00Z"_s)), utc(u"2024-03-31T01:30:00Z"_s));
    QCOMPARE(QDateTime(utc(u"2024-03-31T01:30:00Z"_s)).toTimeZone(s.zone()).time(), QTime(3, 30));
    const QList<QDateTime> runs
        = simulate(s, utc(u"2024-03-29T12:00:00Z"_s), utc(u"2024-04-01T12:00:00Z"_s),
                   utc(u"2024-03-29T01:30:00Z"_s));
    const QList<QDateTime> expected {
        utc(u"2024-03-30T01:30:00Z"_s), // 02:30 CET
        utc(u"2024-03-31T01:30:00Z"_s), // 03:30 CEST: once, after the jump
        utc(u"2024-04-01T00:30:00Z"_s), // 02:30 CEST
    };
    QCOMPARE(runs, expected);
    // A time outside the gap is not moved.
    QCOMPARE(daily(3, 0).nextRunAfter(utc(u"2024-03-30T12:00:00Z"_s)),
             utc(u"2024-03-31T01:00:00Z"_s));
    QCOMPARE(daily(1, 59).nextRunAfter(utc(u"2024-03-30T12:00:00Z"_s)),
             utc(u"2024-03-31T00:59:00Z"_s));
}

void TestBackupSchedule::fallBackBerlin()
{
    // 2024-10-27 in Berlin: 03:00 CEST goes back to 02:00 CET (01:00 UTC); 02:30 happens twice.
    const BackupSchedule s = daily(2, 30);
    const QList<QDateTime> runs
        = simulate(s, utc(u"2024-10-26T12:00:00Z"_s), utc(u"2024-10-28T12:00:00Z"_s),
                   utc(u"2024-10-26T00:30:00Z"_s));
    const QList<QDateTime> expected {
        utc(u"2024-10-27T00:30:00Z"_s), // the first 02:30 (CEST), not the second (01:30 UTC)
        utc(u"2024-10-28T01:30:00Z"_s), // 02:30 CET
    };
    QCOMPARE(runs, expected);
    QVERIFY(!s.isDue(utc(u"2024-10-27T01:30:00Z"_s), utc(u"2024-10-27T00:30:00Z"_s)));
    // Weekly on Sunday, same night: once.
    const BackupSchedule w = weekly({ 7 }, 2, 30, u"Europe/Berlin"_s);
    QCOMPARE(simulate(w, utc(u"2024-10-26T00:00:00Z"_s), utc(u"2024-10-28T00:00:00Z"_s),
                      utc(u"2024-10-20T00:30:00Z"_s)),
             QList<QDateTime> { utc(u"2024-10-27T00:30:00Z"_s) });
}

void TestBackupSchedule::hourlyAcrossClockChanges()
{
    // Hourly follows real hours: in the repeated hour :15 comes twice, in the skipped one never.
    const BackupSchedule s = hourly(15);
    auto sequence = [&](const QString &from, int count) {
        QList<QDateTime> out;
        QDateTime t = utc(from);
        for (int i = 0; i < count; ++i) {
            t = s.nextRunAfter(t);
            out << t;
        }
        return out;
    };
    const QList<QDateTime> fall { utc(u"2024-10-26T23:15:00Z"_s), utc(u"2024-10-27T00:15:00Z"_s),
                                  utc(u"2024-10-27T01:15:00Z"_s), utc(u"2024-10-27T02:15:00Z"_s) };
    QCOMPARE(sequence(u"2024-10-26T23:00:00Z"_s, 4), fall);
    const QList<QDateTime> spring { utc(u"2024-03-30T23:15:00Z"_s), utc(u"2024-03-31T00:15:00Z"_s),
                                    utc(u"2024-03-31T01:15:00Z"_s),
                                    utc(u"2024-03-31T02:15:00Z"_s) };
    QCOMPARE(sequence(u"2024-03-30T23:00:00Z"_s, 4), spring);
    QCOMPARE(QDateTime(spring.at(1)).toTimeZone(s.zone()).time(), QTime(1, 15));
    QCOMPARE(QDateTime(spring.at(2)).toTimeZone(s.zone()).time(), QTime(3, 15));
}

void TestBackupSchedule::localZoneIsTheMachines()
{
    BackupSchedule s = daily(2, 0, QString());
    QCOMPARE(s.zone(), QTimeZone::systemTimeZone());
    const QDateTime next = s.nextRunAfter(utc(u"2024-05-14T12:00:00Z"_s));
    QCOMPARE(next.toTimeZone(QTimeZone::systemTimeZone()).time(), QTime(2, 0));
    QVERIFY(next > utc(u"2024-05-14T12:00:00Z"_s));
    QVERIFY(next <= utc(u"2024-05-16T12:00:00Z"_s));
}

void TestBackupSchedule::descriptions()
{
    QCOMPARE(daily(2, 0, QString()).description(), u"Daily at 02:00"_s);
    QCOMPARE(weekly({ 1, 4 }, 23, 30).description(), u"Every Monday and Thursday at 23:30"_s);
    QCOMPARE(weekly({ 7 }, 6, 5).description(), u"Every Sunday at 06:05"_s);
    QCOMPARE(weekly({ 1, 3, 5 }, 6, 5).description(),
             u"Every Monday, Wednesday and Friday at 06:05"_s);
    QCOMPARE(weekly({ 1, 2, 3, 4, 5, 6, 7 }, 6, 5).description(), u"Every day at 06:05"_s);
    QCOMPARE(hourly(15, QString()).description(), u"Hourly at :15"_s);
    QCOMPARE(hourly(5, QString()).description(), u"Hourly at :05"_s);
    QCOMPARE(daily(2, 0).description(), u"Daily at 02:00 (Europe/Berlin)"_s);
}

void TestBackupSchedule::validation()
{
    QCOMPARE(daily(2, 0).validate(), QString());
    QCOMPARE(weekly({ 1, 4 }, 2, 0).validate(), QString());
    BackupSchedule s = daily(2, 0);
    s.id = u"-x"_s;
    QVERIFY(s.validate().startsWith(u"id: "_s));
    s = daily(24, 0);
    QVERIFY(s.validate().startsWith(u"at: "_s));
    s = weekly({ 4, 1 }, 2, 0);
    QVERIFY(s.validate().startsWith(u"days: "_s));
    s = weekly({}, 2, 0);
    QVERIFY(s.validate().startsWith(u"days: "_s));
    s = daily(2, 0);
    s.kind = BackupJob::Kind::Restore;
    QVERIFY(s.validate().startsWith(u"kind: "_s));
    s = daily(2, 0, u"Mars/Olympus"_s);
    QVERIFY(s.validate().startsWith(u"timezone: "_s));
    QVERIFY(!s.nextRunAfter(utc(u"2024-05-14T12:00:00Z"_s)).isValid());
    s = daily(2, 0);
    s.target = u"s3://b/p?secret-access-key=x"_s;
    QVERIFY(s.validate().startsWith(u"target: "_s));
    QVERIFY(!s.validate().contains(u"=x"_s)); // the secret itself is never echoed
    QVERIFY(BackupSchedule::isValidId(u"dev-nightly"_s));
    QVERIFY(BackupSchedule::isValidId(u"prod_br.2"_s));
    QVERIFY(!BackupSchedule::isValidId(u"a/b"_s));
    QVERIFY(!BackupSchedule::isValidId(u".hidden"_s));
    QVERIFY(!BackupSchedule::isValidId(QString(65, u'a')));
    int h = -1, m = -1;
    QVERIFY(BackupSchedule::parseTime(u"2:05"_s, &h, &m));
    QCOMPARE(h, 2);
    QCOMPARE(m, 5);
    QVERIFY(!BackupSchedule::parseTime(u"24:00"_s, &h, &m));
    QCOMPARE(BackupSchedule::dayFromName(u"Thursday"_s), 4);
    QCOMPARE(BackupSchedule::dayFromName(u"SUN"_s), 7);
    QCOMPARE(BackupSchedule::dayFromName(u"thurs"_s), 0);
}

void TestBackupSchedule::credentialsInTargets_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("credential");
    QTest::newRow("local dir") << u"/backups/dev"_s << QString();
    QTest::newRow("s3 plain") << u"s3://bucket/prefix?region=eu-central-1"_s << QString();
    QTest::newRow("kms key id is not a secret")
        << u"s3://b/p?sse-kms-key-id=alias/x"_s << QString();
    QTest::newRow("access key") << u"s3://b/p?access-key=AKIA"_s << u"access-key"_s;
    QTest::newRow("secret after others")
        << u"s3://b/p?region=x&secret-access-key=y"_s << u"secret-access-key"_s;
    QTest::newRow("percent-encoded name")
        << u"s3://b/p?secret%2Daccess%2Dkey=y"_s << u"secret-access-key"_s;
    QTest::newRow("gcs credentials file")
        << u"gcs://b/p?credentials-file=/tmp/k.json"_s << u"credentials-file"_s;
    QTest::newRow("user and password") << u"ftp://u:p@host/dir"_s << u"password"_s;
    QTest::newRow("user only") << u"ssh://backup@host/dir"_s << QString();
}

void TestBackupSchedule::credentialsInTargets()
{
    QFETCH(QString, target);
    QFETCH(QString, credential);
    QCOMPARE(BackupSchedule::credentialIn(target), credential);
}

void TestBackupSchedule::validFile()
{
    const QDateTime fileTime = utc(u"2024-05-20T08:00:00Z"_s);
    const Result<ScheduleSet> set
        = ScheduleSet::fromJson(readData(u"valid.json"_s), u"backup-schedules.json"_s, fileTime);
    QVERIFY2(set.ok(), qPrintable(set.error().message));
    QCOMPARE(set->schedules.size(), 3);

    const BackupSchedule &a = set->schedules.at(0);
    QCOMPARE(a.id, u"dev-nightly"_s);
    QCOMPARE(a.envName, u"dev"_s);
    QCOMPARE(a.kind, BackupJob::Kind::Logical);
    QCOMPARE(a.frequency, BackupSchedule::Frequency::Daily);
    QCOMPARE(a.hour, 2);
    QCOMPARE(a.minute, 0);
    QCOMPARE(a.keep, 7);
    QVERIFY(a.enabled);
    QVERIFY(a.timeZone.isEmpty());
    QCOMPARE(a.createdAt, utc(u"2024-05-14T10:00:00Z"_s));
    QCOMPARE(a.comment, u"mydumper of dev"_s);

    const BackupSchedule &b = set->schedules.at(1);
    QCOMPARE(b.kind, BackupJob::Kind::Br);
    QCOMPARE(b.frequency, BackupSchedule::Frequency::Weekly);
    QCOMPARE(b.weekdays, (QList<int> { 1, 4 })); // "thu", "Monday": sorted
    QCOMPARE(b.hour, 23);
    QCOMPARE(b.minute, 30);
    QCOMPARE(b.timeZone, u"Europe/Berlin"_s);
    QCOMPARE(b.target, u"s3://backups/prod?region=eu-central-1&sse-kms-key-id=alias/tidesk"_s);
    QCOMPARE(b.keep, 0);
    QCOMPARE(b.createdAt, utc(u"2024-05-01T00:00:00Z"_s));
    QCOMPARE(b.description(), u"Every Monday and Thursday at 23:30 (Europe/Berlin)"_s);

    const BackupSchedule &c = set->schedules.at(2);
    QCOMPARE(c.kind, BackupJob::Kind::Sql);
    QCOMPARE(c.frequency, BackupSchedule::Frequency::Hourly);
    QCOMPARE(c.minute, 15);
    QVERIFY(!c.enabled);
    QCOMPARE(c.createdAt, fileTime); // no created_at: when the file was written
    QVERIFY(set->schedule(u"uat-hourly"_s));
    QVERIFY(!set->schedule(u"nope"_s));
}

void TestBackupSchedule::malformed_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");
    const QJsonObject cases = QJsonDocument::fromJson(readData(u"malformed-cases.json"_s)).object();
    const QJsonArray list = cases.value(u"cases"_s).toArray();
    QVERIFY(list.size() >= 40);
    for (const QJsonValue &v : list) {
        const QJsonObject c = v.toObject();
        const QJsonValue d = c.value(u"document"_s);
        const QByteArray json = d.isArray() ? QJsonDocument(d.toArray()).toJson()
                                            : QJsonDocument(d.toObject()).toJson();
        QTest::newRow(qPrintable(c.value(u"case"_s).toString()))
            << json << c.value(u"error"_s).toString();
    }
}

void TestBackupSchedule::malformed()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    const Result<ScheduleSet> set = ScheduleSet::fromJson(json);
    QVERIFY2(!set.ok(), "a malformed file was accepted");
    QCOMPARE(set.error().kind, ErrorKind::InvalidInput);
    const QString message = set.error().message;
    QVERIFY2(message.startsWith(u"backup-schedules.json: "_s), qPrintable(message));
    QVERIFY2(message.contains(expected), qPrintable(u"got: "_s + message));
    // The credential in a target is named, never shown.
    QVERIFY2(!message.contains(u"hunter2"_s) && !message.contains(u"AKIA"_s), qPrintable(message));
}

void TestBackupSchedule::syntaxErrorNamesLineAndColumn()
{
    const Result<ScheduleSet> set = ScheduleSet::fromJson(readData(u"syntax-error.json"_s));
    QVERIFY(!set.ok());
    QVERIFY2(set.error().message.startsWith(u"backup-schedules.json: line 5, column "_s),
             qPrintable(set.error().message));
}

void TestBackupSchedule::missingFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"backup-schedules.json"_s);
    const Result<ScheduleSet> set = ScheduleSet::load(path);
    QVERIFY(!set.ok());
    QCOMPARE(set.error().kind, ErrorKind::NotFound);
    const Result<ScheduleSet> empty = ScheduleSet::loadOrEmpty(path);
    QVERIFY2(empty.ok(), qPrintable(empty.error().message));
    QVERIFY(empty->schedules.isEmpty());
    // The default file follows $TIDESK_HOME like every other TiDesk file.
    qputenv("TIDESK_HOME", dir.path().toUtf8());
    QCOMPARE(ScheduleSet::defaultPath(), path);
    qunsetenv("TIDESK_HOME");
}

void TestBackupSchedule::saveLoadRoundTrip()
{
    const Result<ScheduleSet> set
        = ScheduleSet::fromJson(readData(u"valid.json"_s), u"x"_s, utc(u"2024-05-20T08:00:00Z"_s));
    QVERIFY(set.ok());
    QTemporaryDir dir;
    const QString path = dir.filePath(u"sub/backup-schedules.json"_s);
    const VoidResult saved = set->save(path);
    QVERIFY2(saved.ok(), qPrintable(saved.error().message));
    // Atomic: only the file itself is left behind, no temporary next to it.
    QCOMPARE(QDir(dir.filePath(u"sub"_s)).entryList(QDir::Files),
             QStringList { u"backup-schedules.json"_s });
    const Result<ScheduleSet> loaded = ScheduleSet::load(path);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error().message));
    QCOMPARE(*loaded, *set);
    // The file says what it is.
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject top = QJsonDocument::fromJson(f.readAll()).object();
    QCOMPARE(top.value(u"format"_s).toString(), u"tidesk-backup-schedules"_s);
    QCOMPARE(top.value(u"version"_s).toInt(), 1);
    const QJsonObject weeklyJson = top.value(u"schedules"_s).toArray().at(1).toObject();
    QCOMPARE(weeklyJson.value(u"days"_s).toArray(), (QJsonArray { u"mon"_s, u"thu"_s }));
    QCOMPARE(weeklyJson.value(u"at"_s).toString(), u"23:30"_s);
    QVERIFY(!weeklyJson.contains(u"minute"_s));
    const QJsonObject hourlyJson = top.value(u"schedules"_s).toArray().at(2).toObject();
    QCOMPARE(hourlyJson.value(u"minute"_s).toInt(), 15);
    QVERIFY(!hourlyJson.contains(u"at"_s));
    QCOMPARE(hourlyJson.value(u"created_at"_s).toString(), u"2024-05-20T08:00:00.000Z"_s);
}

void TestBackupSchedule::saveRefusesInvalidSet()
{
    ScheduleSet set;
    set.schedules << daily(2, 0) << daily(3, 0); // same id twice
    QTemporaryDir dir;
    const QString path = dir.filePath(u"backup-schedules.json"_s);
    const VoidResult saved = set.save(path);
    QVERIFY(!saved.ok());
    QCOMPARE(saved.error().kind, ErrorKind::InvalidInput);
    QVERIFY2(saved.error().message.contains(u"another schedule has the same id"_s),
             qPrintable(saved.error().message));
    QVERIFY(!QFileInfo::exists(path));
}

void TestBackupSchedule::addRemoveReplace()
{
    ScheduleSet set;
    QVERIFY(set.add(daily(2, 0)).ok());
    BackupSchedule w = weekly({ 1 }, 3, 0);
    QVERIFY(set.add(w).ok());
    const VoidResult dup = set.add(daily(5, 0));
    QVERIFY(!dup.ok());
    QCOMPARE(dup.error().kind, ErrorKind::InvalidInput);
    BackupSchedule bad = daily(2, 0);
    bad.id = u"other"_s;
    bad.target = u"s3://b/p?access-key=A"_s;
    QVERIFY(!set.add(bad).ok());
    QCOMPARE(ids(set.schedules), (QStringList { u"dev-nightly"_s, u"weekly"_s }));

    BackupSchedule changed = daily(4, 45);
    QVERIFY(set.replace(changed).ok());
    QCOMPARE(set.schedules.at(0).hour, 4); // in place
    QCOMPARE(set.schedules.at(0).minute, 45);
    changed.id = u"missing"_s;
    QCOMPARE(set.replace(changed).error().kind, ErrorKind::NotFound);

    QVERIFY(set.remove(u"dev-nightly"_s).ok());
    QCOMPARE(ids(set.schedules), QStringList { u"weekly"_s });
    QCOMPARE(set.remove(u"dev-nightly"_s).error().kind, ErrorKind::NotFound);
}

void TestBackupSchedule::dueOfASet()
{
    ScheduleSet set;
    BackupSchedule a = daily(2, 0, u"UTC"_s);
    a.id = u"a"_s;
    BackupSchedule b = daily(3, 0, u"UTC"_s);
    b.id = u"b"_s;
    BackupSchedule c = daily(1, 0, u"UTC"_s);
    c.id = u"c"_s;
    c.enabled = false;
    BackupSchedule d = hourly(30, u"UTC"_s);
    d.id = u"d"_s;
    d.createdAt = utc(u"2024-05-14T02:00:00Z"_s); // never ran, first slot 02:30
    set.schedules << a << b << c << d;
    const QHash<QString, QDateTime> lastRuns {
        { u"a"_s, utc(u"2024-05-13T02:00:00Z"_s) },
        { u"b"_s, utc(u"2024-05-14T03:00:00Z"_s) },
        { u"c"_s, utc(u"2024-05-01T01:00:00Z"_s) },
    };
    QStringList asked;
    const auto lastRunOf = [&](const BackupSchedule &s) {
        asked << s.id;
        return lastRuns.value(s.id);
    };
    QCOMPARE(ids(set.due(utc(u"2024-05-14T02:10:00Z"_s), lastRunOf)), QStringList { u"a"_s });
    QVERIFY(!asked.contains(u"c"_s)); // disabled: not even asked
    QCOMPARE(ids(set.due(utc(u"2024-05-14T02:30:00Z"_s), lastRunOf)),
             (QStringList { u"a"_s, u"d"_s }));
    QCOMPARE(ids(set.due(utc(u"2024-05-15T03:00:00Z"_s), lastRunOf)),
             (QStringList { u"a"_s, u"b"_s, u"d"_s }));
    // No history: measured from the creation (a, b: 1 January; d: 02:00, first slot 02:30).
    QCOMPARE(ids(set.due(utc(u"2024-05-14T02:10:00Z"_s), nullptr)),
             (QStringList { u"a"_s, u"b"_s }));
}

void TestBackupSchedule::retentionVictims()
{
    using K = BackupJob::Kind;
    using S = BackupJob::Status;
    BackupSchedule s = daily(2, 0);
    s.keep = 2;
    const QList<BackupJob> history {
        job(u"j6"_s, u"dev"_s, K::Logical, S::Running, u"2024-05-16T02:10:00Z"_s),
        job(u"j5"_s, u"dev"_s, K::Logical, S::Failed, u"2024-05-15T02:10:00Z"_s),
        job(u"j4"_s, u"dev"_s, K::Logical, S::Succeeded, u"2024-05-14T02:10:00Z"_s),
        job(u"j3"_s, u"dev"_s, K::Logical, S::Succeeded, u"2024-05-13T02:10:00Z"_s),
        job(u"j2"_s, u"dev"_s, K::Logical, S::Succeeded, u"2024-05-12T02:10:00Z"_s),
        job(u"j1"_s, u"dev"_s, K::Logical, S::Succeeded, u"2024-05-11T02:10:00Z"_s),
        job(u"p1"_s, u"dev"_s, K::Physical, S::Succeeded, u"2024-05-01T02:10:00Z"_s),
        job(u"o1"_s, u"prod"_s, K::Logical, S::Succeeded, u"2024-05-01T02:10:00Z"_s),
        job(u"c1"_s, u"dev"_s, K::Logical, S::Cancelled, u"2024-05-01T02:10:00Z"_s),
        job(u"l1"_s, u"dev"_s, K::Logical, S::Lost, u"2024-05-01T02:10:00Z"_s),
    };
    // Newest two good ones (j4, j3) stay; running, failed, other kinds and envs are untouched.
    QCOMPARE(ids(ScheduleSet::retentionVictims(s, history)), (QStringList { u"j2"_s, u"j1"_s }));
    // Order of the history does not matter.
    QList<BackupJob> shuffled = history;
    std::reverse(shuffled.begin(), shuffled.end());
    QCOMPARE(ids(ScheduleSet::retentionVictims(s, shuffled)), (QStringList { u"j2"_s, u"j1"_s }));
    // keep 1: only the newest good one stays, even though newer jobs failed or run.
    s.keep = 1;
    QCOMPARE(ids(ScheduleSet::retentionVictims(s, history)),
             (QStringList { u"j3"_s, u"j2"_s, u"j1"_s }));
    // keep 0 keeps everything.
    s.keep = 0;
    QVERIFY(ScheduleSet::retentionVictims(s, history).isEmpty());
    // The only good backup is never a victim.
    s.keep = 1;
    const QList<BackupJob> single {
        job(u"f"_s, u"dev"_s, K::Logical, S::Failed, u"2024-05-15T02:10:00Z"_s),
        job(u"g"_s, u"dev"_s, K::Logical, S::Succeeded, u"2024-05-14T02:10:00Z"_s),
    };
    QVERIFY(ScheduleSet::retentionVictims(s, single).isEmpty());
    // With a target, only the backups written under it count.
    s.keep = 1;
    s.target = u"/backups/dev/"_s;
    const QList<BackupJob> targeted {
        job(u"t3"_s, u"dev"_s, K::Logical, S::Succeeded, u"2024-05-14T02:10:00Z"_s,
            u"/backups/dev/20240514"_s),
        job(u"x2"_s, u"dev"_s, K::Logical, S::Succeeded, u"2024-05-13T02:10:00Z"_s,
            u"/backups/dev-other/20240513"_s),
        job(u"t1"_s, u"dev"_s, K::Logical, S::Succeeded, u"2024-05-12T02:10:00Z"_s,
            u"/backups/dev/20240512"_s),
    };
    QCOMPARE(ids(ScheduleSet::retentionVictims(s, targeted)), QStringList { u"t1"_s });
}

void TestBackupSchedule::onCalendar()
{
    QCOMPARE(SystemdTimerExport::onCalendar(daily(2, 0, QString())), u"*-*-* 02:00:00"_s);
    QCOMPARE(SystemdTimerExport::onCalendar(weekly({ 1, 4 }, 23, 30)), u"Mon,Thu *-*-* 23:30:00"_s);
    QCOMPARE(SystemdTimerExport::onCalendar(hourly(15, QString())), u"*-*-* *:15:00"_s);
    QCOMPARE(SystemdTimerExport::onCalendar(daily(2, 0)), u"*-*-* 02:00:00 Europe/Berlin"_s);
    QCOMPARE(SystemdTimerExport::onCalendar(hourly(5)), u"*-*-* *:05:00 Europe/Berlin"_s);
    QCOMPARE(SystemdTimerExport::onCalendar(weekly({ 1, 2, 3, 4, 5, 6, 7 }, 6, 0)),
             u"*-*-* 06:00:00"_s);
    QCOMPARE(SystemdTimerExport::onCalendar(weekly({ 6, 7 }, 6, 0, u"UTC"_s)),
             u"Sat,Sun *-*-* 06:00:00 UTC"_s);
}

void TestBackupSchedule::gapCalendars()
{
    const QDateTime from = utc(u"2024-05-14T00:00:00Z"_s);
    QCOMPARE(SystemdTimerExport::gapCalendars(daily(2, 30), from),
             QStringList { u"*-*-* 03:30:00 Europe/Berlin"_s });
    QCOMPARE(SystemdTimerExport::gapCalendars(daily(2, 0), from),
             QStringList { u"*-*-* 03:00:00 Europe/Berlin"_s });
    QVERIFY(SystemdTimerExport::gapCalendars(daily(3, 0), from).isEmpty());
    QVERIFY(SystemdTimerExport::gapCalendars(daily(1, 59), from).isEmpty());
    QVERIFY(SystemdTimerExport::gapCalendars(daily(2, 30, u"UTC"_s), from).isEmpty());
    QVERIFY(SystemdTimerExport::gapCalendars(hourly(30), from).isEmpty());
    // Berlin springs forward on Sundays: a Monday-only schedule is never skipped.
    QVERIFY(
        SystemdTimerExport::gapCalendars(weekly({ 1 }, 2, 30, u"Europe/Berlin"_s), from).isEmpty());
    QCOMPARE(SystemdTimerExport::gapCalendars(weekly({ 3, 7 }, 2, 30, u"Europe/Berlin"_s), from),
             QStringList { u"Wed,Sun *-*-* 03:30:00 Europe/Berlin"_s });
    // New York springs forward at 02:00 local, too.
    QCOMPARE(SystemdTimerExport::gapCalendars(daily(2, 15, u"America/New_York"_s), from),
             QStringList { u"*-*-* 03:15:00 America/New_York"_s });
}

void TestBackupSchedule::serviceUnitText()
{
    SystemdTimerExport::Options o;
    o.cliPath = u"/usr/bin/tidesk-cli"_s;
    o.tideskHome = u"/var/lib/tidesk"_s;
    const Result<QString> text = SystemdTimerExport::serviceUnit(o);
    QVERIFY2(text.ok(), qPrintable(text.error().message));
    const QStringList lines = text->split(u'\n');
    QVERIFY(lines.contains(u"[Unit]"_s));
    QVERIFY(lines.contains(u"Description=TiDesk scheduled backups"_s));
    QVERIFY(lines.contains(u"[Service]"_s));
    QVERIFY(lines.contains(u"Type=oneshot"_s));
    QVERIFY(lines.contains(u"Environment=TIDESK_HOME=/var/lib/tidesk"_s));
    QVERIFY(lines.contains(u"ExecStart=/usr/bin/tidesk-cli backup run-due"_s));
    QVERIFY(lines.indexOf(u"[Service]"_s)
            < lines.indexOf(u"ExecStart=/usr/bin/tidesk-cli backup run-due"_s));
    for (const QString &line : lines)
        QVERIFY2(!line.contains(u"PASSPHRASE="_s) && !line.startsWith(u"EnvironmentFile"_s),
                 qPrintable(line));

    // No TIDESK_HOME: no Environment= line at all.
    o.tideskHome.clear();
    QVERIFY(!SystemdTimerExport::serviceUnit(o)->contains(u"Environment="_s));
    // Blanks, percent signs and dollars survive systemd's parsing.
    o.cliPath = u"/opt/Ti Desk/100%/tidesk-cli"_s;
    o.tideskHome = u"/srv/ti desk"_s;
    const QStringList quoted = SystemdTimerExport::serviceUnit(o)->split(u'\n');
    QVERIFY(quoted.contains(u"ExecStart=\"/opt/Ti Desk/100%%/tidesk-cli\" backup run-due"_s));
    QVERIFY(quoted.contains(u"Environment=\"TIDESK_HOME=/srv/ti desk\""_s));
    o.cliPath = u"/opt/$HOME/tidesk-cli"_s;
    QVERIFY(SystemdTimerExport::serviceUnit(o)->contains(u"ExecStart=/opt/$$HOME/tidesk-cli "_s));
    // Refused: a relative path, a newline.
    o.cliPath = u"tidesk-cli"_s;
    QCOMPARE(SystemdTimerExport::serviceUnit(o).error().kind, ErrorKind::InvalidInput);
    o.cliPath = u"/usr/bin/tidesk-cli\nExecStartPost=/bin/evil"_s;
    QCOMPARE(SystemdTimerExport::serviceUnit(o).error().kind, ErrorKind::InvalidInput);
}

void TestBackupSchedule::timerUnitText()
{
    ScheduleSet set;
    BackupSchedule a = daily(2, 0, QString());
    BackupSchedule b = weekly({ 1, 4 }, 23, 30);
    b.id = u"prod-br"_s;
    b.envName = u"prod"_s;
    b.kind = BackupJob::Kind::Br;
    BackupSchedule c = hourly(15, QString());
    c.id = u"uat-hourly"_s;
    c.kind = BackupJob::Kind::Sql;
    BackupSchedule off = daily(4, 0, QString());
    off.id = u"off"_s;
    off.enabled = false;
    BackupSchedule berlin = daily(2, 30);
    berlin.id = u"berlin"_s;
    set.schedules << a << b << c << off << berlin;
    const Result<QString> text = SystemdTimerExport::timerUnit(set, utc(u"2024-05-14T00:00:00Z"_s));
    QVERIFY2(text.ok(), qPrintable(text.error().message));
    QStringList calendars;
    QStringList lines = text->split(u'\n');
    for (const QString &line : lines)
        if (line.startsWith(u"OnCalendar="_s))
            calendars << line;
    const QStringList expected {
        u"OnCalendar=*-*-* 02:00:00"_s,
        u"OnCalendar=Mon,Thu *-*-* 23:30:00"_s,
        u"OnCalendar=*-*-* *:15:00"_s,
        u"OnCalendar=*-*-* 02:30:00 Europe/Berlin"_s,
        u"OnCalendar=*-*-* 03:30:00 Europe/Berlin"_s, // after the spring-forward jump
    };
    QCOMPARE(calendars, expected);
    QVERIFY(lines.contains(u"# dev-nightly: dev, logical"_s));
    QVERIFY(lines.contains(u"# prod-br: prod, br"_s));
    QVERIFY(!text->contains(u"# off:"_s));
    QVERIFY(!text->contains(u"04:00:00"_s));
    QVERIFY(lines.contains(u"[Timer]"_s));
    QVERIFY(lines.contains(u"Persistent=true"_s));
    QVERIFY(lines.contains(u"Unit=tidesk-backup.service"_s));
    QVERIFY(lines.contains(u"[Install]"_s));
    QVERIFY(lines.contains(u"WantedBy=timers.target"_s));
    QVERIFY(lines.indexOf(u"[Timer]"_s) < lines.indexOf(expected.first()));
    QVERIFY(lines.indexOf(expected.last()) < lines.indexOf(u"[Install]"_s));

    // Nothing enabled: no timer (systemd refuses a timer without a trigger).
    ScheduleSet none;
    none.schedules << off;
    QCOMPARE(SystemdTimerExport::timerUnit(none, utc(u"2024-05-14T00:00:00Z"_s)).error().kind,
             ErrorKind::InvalidInput);
}

void TestBackupSchedule::writeUnits()
{
    ScheduleSet set;
    set.schedules << daily(2, 0, QString());
    QTemporaryDir dir;
    SystemdTimerExport::Options o;
    o.cliPath = u"/usr/bin/tidesk-cli"_s;
    o.tideskHome = dir.path();
    const QString target = dir.filePath(u"units"_s);
    const Result<QStringList> written
        = SystemdTimerExport::write(target, set, o, utc(u"2024-05-14T00:00:00Z"_s));
    QVERIFY2(written.ok(), qPrintable(written.error().message));
    QCOMPARE(
        *written,
        (QStringList { target + u"/tidesk-backup.service"_s, target + u"/tidesk-backup.timer"_s }));
    QFile service(written->at(0));
    QVERIFY(service.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(service.readAll()), *SystemdTimerExport::serviceUnit(o));
    QFile timer(written->at(1));
    QVERIFY(timer.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(timer.readAll()),
             *SystemdTimerExport::timerUnit(set, utc(u"2024-05-14T00:00:00Z"_s)));
    // A bad option writes nothing.
    o.cliPath = u"relative"_s;
    const QString other = dir.filePath(u"other"_s);
    QVERIFY(!SystemdTimerExport::write(other, set, o, utc(u"2024-05-14T00:00:00Z"_s)).ok());
    QVERIFY(!QFileInfo::exists(other));
}

void TestBackupSchedule::systemdAcceptsCalendars()
{
    const QString analyze = QStandardPaths::findExecutable(u"systemd-analyze"_s);
    if (analyze.isEmpty())
        QSKIP("systemd-analyze is not installed: calendar expressions not checked by systemd");
    const QList<BackupSchedule> schedules {
        daily(2, 0, QString()),
        daily(2, 0, u"UTC"_s),
        weekly({ 1, 4 }, 23, 30, u"UTC"_s),
        weekly({ 6, 7 }, 6, 5, u"Europe/Berlin"_s),
        hourly(15, u"UTC"_s),
        hourly(0, u"Asia/Kolkata"_s),
        daily(23, 30, u"America/New_York"_s),
    };
    static const QRegularExpression elapse(
        u"(?:Next elapse|Iter\\. #\\d+): \\w+ (\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d) UTC"_s);
    const QDateTime base = utc(u"2024-05-14T12:00:00Z"_s);
    for (const BackupSchedule &s : schedules) {
        const QString expression = SystemdTimerExport::onCalendar(s);
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"TZ"_s, u"UTC"_s);
        env.insert(u"SYSTEMD_COLORS"_s, u"0"_s);
        p.setProcessEnvironment(env);
        p.start(analyze,
                { u"calendar"_s, u"--iterations=3"_s, u"--base-time=2024-05-14 12:00:00 UTC"_s,
                  expression });
        QVERIFY(p.waitForFinished(20000));
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(p.exitCode() == 0,
                 qPrintable(expression + u": "_s + QString::fromUtf8(p.readAllStandardError())));
        QVERIFY2(out.contains(u"Normalized form: "_s + expression), qPrintable(out));
        // systemd's next three elapses are the schedule's next three runs (local-zone ones
        // compared in the machine's zone, which systemd-analyze reads too).
        if (s.timeZone.isEmpty())
            continue;
        QList<QDateTime> systemd;
        for (auto it = elapse.globalMatch(out); it.hasNext();)
            systemd << QDateTime::fromString(it.next().captured(1), u"yyyy-MM-dd HH:mm:ss"_s);
        QList<QDateTime> ours;
        QDateTime t = base;
        for (int i = 0; i < 3; ++i)
            ours << (t = s.nextRunAfter(t));
        QCOMPARE(systemd.size(), 3);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(QDateTime(systemd.at(i).date(), systemd.at(i).time(), QTimeZone::utc()),
                     ours.at(i));
    }
}

void TestBackupSchedule::systemdVerifiesUnits()
{
    const QString analyze = QStandardPaths::findExecutable(u"systemd-analyze"_s);
    if (analyze.isEmpty())
        QSKIP("systemd-analyze is not installed: the unit files are not checked by systemd");
    // The executable must exist for systemd to accept the unit: a copy of `true` in a folder
    // whose name needs quoting and escaping.
    QTemporaryDir dir;
    const QString binDir = dir.filePath(u"Ti Desk 100%"_s);
    QVERIFY(QDir().mkpath(binDir));
    const QString cli = binDir + u"/tidesk-cli"_s;
    QVERIFY(QFile::copy(QStandardPaths::findExecutable(u"true"_s), cli));
    QVERIFY(QFile::setPermissions(cli, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    ScheduleSet set;
    BackupSchedule w = weekly({ 1, 4 }, 23, 30, QString());
    BackupSchedule h = hourly(15, u"UTC"_s);
    set.schedules << daily(2, 30) << w << h;
    SystemdTimerExport::Options o;
    o.cliPath = cli;
    o.tideskHome = dir.filePath(u"home dir"_s);
    const QString unitDir = dir.filePath(u"units"_s);
    const Result<QStringList> written
        = SystemdTimerExport::write(unitDir, set, o, utc(u"2024-05-14T00:00:00Z"_s));
    QVERIFY2(written.ok(), qPrintable(written.error().message));
    QProcess p;
    p.setWorkingDirectory(unitDir);
    p.start(
        analyze,
        { u"verify"_s, u"--man=no"_s, u"./tidesk-backup.timer"_s, u"./tidesk-backup.service"_s });
    QVERIFY(p.waitForFinished(60000));
    const QString err = QString::fromUtf8(p.readAllStandardError());
    // verify only warns (exit 0) about a calendar it cannot parse: stderr must be empty too.
    QVERIFY2(p.exitCode() == 0 && err.trimmed().isEmpty(), qPrintable(err));
}

QTEST_GUILESS_MAIN(TestBackupSchedule)
#include "tst_backupschedule.moc"
