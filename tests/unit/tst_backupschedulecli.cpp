// tst_backupschedulecli: `tidesk-cli backup schedule list|add|remove|export-timer` through
// ScheduleCommands::run, in process, with its own TIDESK_HOME (an inventory holding "dev") and
// stdout/stderr captured: exit codes, text and --json output, the schedules file it writes,
// and the refusals (unknown environment, duplicate id, credentials in the target, usage).
// In process because the `backup` dispatch in cli_main.cpp is wired by the lead; once it is,
// the same cases can run the real binary with tests/common/CliRunner.h.
#include "cli/CliContext.h"
#include "cli/ScheduleCommands.h"

#include "backup/ScheduleSet.h"
#include "common/AppPaths.h"
#include "inventory/InventoryStore.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>

#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace TiDesk;
using namespace TiDesk::Cli;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

// Runs `backup schedule <args>` with stdout and stderr redirected into files.
Run runSchedule(const QStringList &args, bool json = false)
{
    QTemporaryFile outFile, errFile;
    if (!outFile.open() || !errFile.open())
        qFatal("cannot create capture files");
    std::fflush(stdout);
    std::fflush(stderr);
    const int savedOut = dup(1);
    const int savedErr = dup(2);
    dup2(outFile.handle(), 1);
    dup2(errFile.handle(), 2);
    Run r;
    {
        CliOptions options;
        options.secretsBackend = u"vault"_s;
        options.json = json;
        CliContext context(options);
        r.exitCode = ScheduleCommands(context).run(args);
    }
    std::fflush(stdout);
    std::fflush(stderr);
    dup2(savedOut, 1);
    dup2(savedErr, 2);
    close(savedOut);
    close(savedErr);
    outFile.seek(0);
    errFile.seek(0);
    r.out = outFile.readAll();
    r.err = errFile.readAll();
    return r;
}

} // namespace

class TestBackupScheduleCli : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void emptyList();
    void addDaily();
    void addWeeklyAndHourly();
    void refusals_data();
    void refusals();
    void listText();
    void listJson();
    void exportTimer();
    void remove();

private:
    QTemporaryDir m_home;
    QString schedulesPath() const { return m_home.filePath(u"backup-schedules.json"_s); }
};

void TestBackupScheduleCli::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // As tidesk-cli does: scripts read stdout, informational logging only on request.
    QLoggingCategory::setFilterRules(u"tidesk.*.info=false"_s);
    QVERIFY(m_home.isValid());
    qputenv("TIDESK_HOME", m_home.path().toUtf8());
    QCOMPARE(ScheduleSet::defaultPath(), schedulesPath());
    auto store = InventoryStore::open(AppPaths::defaultInventoryPath());
    QVERIFY2(store.ok(), qPrintable(store.error().message));
    Environment dev;
    dev.name = u"dev"_s;
    dev.user = u"root"_s;
    dev.endpoints = { SqlEndpoint { u"127.0.0.1"_s, 3306, {} } };
    const auto saved = (*store)->save(dev);
    QVERIFY2(saved.ok(), qPrintable(saved.error().message));
}

void TestBackupScheduleCli::cleanupTestCase()
{
    qunsetenv("TIDESK_HOME");
}

void TestBackupScheduleCli::emptyList()
{
    const Run r = runSchedule({ u"list"_s });
    QCOMPARE(r.exitCode, int(ExitOk));
    QVERIFY2(r.out.contains("No backup schedules"), r.out.constData());
    const Run j = runSchedule({ u"list"_s }, true);
    QCOMPARE(j.exitCode, int(ExitOk));
    QVERIFY(j.json().value(u"schedules"_s).toArray().isEmpty());
    QVERIFY(!QFileInfo::exists(schedulesPath())); // listing writes nothing
}

void TestBackupScheduleCli::addDaily()
{
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    const Run r = runSchedule({ u"add"_s, u"dev-nightly"_s, u"--env"_s, u"DEV"_s, u"--kind"_s,
                                u"logical"_s, u"--daily"_s, u"02:00"_s, u"--keep"_s, u"7"_s });
    QVERIFY2(r.exitCode == ExitOk, r.err.constData());
    QVERIFY2(r.out.startsWith("Added schedule dev-nightly (dev): Daily at 02:00; first run "),
             r.out.constData());
    const Result<ScheduleSet> set = ScheduleSet::load(schedulesPath());
    QVERIFY2(set.ok(), qPrintable(set.error().message));
    QCOMPARE(set->schedules.size(), 1);
    const BackupSchedule &s = set->schedules.first();
    QCOMPARE(s.envName, u"dev"_s); // the inventory's spelling
    QCOMPARE(s.kind, BackupJob::Kind::Logical);
    QCOMPARE(s.frequency, BackupSchedule::Frequency::Daily);
    QCOMPARE(s.hour, 2);
    QCOMPARE(s.keep, 7);
    QVERIFY(s.enabled);
    QVERIFY(s.timeZone.isEmpty());
    QVERIFY(s.createdAt >= before && s.createdAt <= QDateTime::currentDateTimeUtc());
    // Just added: not due now, whatever the time of day.
    QVERIFY(!s.isDue(QDateTime::currentDateTimeUtc(), {}));
}

void TestBackupScheduleCli::addWeeklyAndHourly()
{
    Run r = runSchedule({ u"add"_s, u"dev-br"_s, u"--env"_s, u"dev"_s, u"--kind"_s, u"br"_s,
                          u"--weekly"_s, u"thu,mon@23:30"_s, u"--timezone"_s, u"Europe/Berlin"_s,
                          u"--target"_s, u"s3://backups/dev?region=eu-central-1"_s },
                        true);
    QVERIFY2(r.exitCode == ExitOk, r.out.constData());
    const QJsonObject s = r.json().value(u"schedule"_s).toObject();
    QCOMPARE(s.value(u"description"_s).toString(),
             u"Every Monday and Thursday at 23:30 (Europe/Berlin)"_s);
    QCOMPARE(s.value(u"days"_s).toArray(), (QJsonArray { u"mon"_s, u"thu"_s }));
    QVERIFY(QDateTime::fromString(s.value(u"next_run"_s).toString(), Qt::ISODateWithMs).isValid());
    QCOMPARE(r.json().value(u"path"_s).toString(), schedulesPath());

    r = runSchedule({ u"add"_s, u"dev-hourly"_s, u"--env"_s, u"dev"_s, u"--kind"_s, u"sql"_s,
                      u"--hourly"_s, u"15"_s, u"--disabled"_s });
    QVERIFY2(r.exitCode == ExitOk, r.err.constData());
    QVERIFY2(r.out.contains("Hourly at :15; disabled."), r.out.constData());
    const Result<ScheduleSet> set = ScheduleSet::load(schedulesPath());
    QVERIFY(set.ok());
    QCOMPARE(set->schedules.size(), 3);
    QVERIFY(!set->schedule(u"dev-hourly"_s)->enabled);
    QCOMPARE(set->schedule(u"dev-br"_s)->weekdays, (QList<int> { 1, 4 }));
}

void TestBackupScheduleCli::refusals_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    const QStringList base { u"add"_s, u"x"_s, u"--env"_s, u"dev"_s, u"--kind"_s, u"logical"_s };
    QTest::newRow("unknown env") << QStringList { u"add"_s,     u"x"_s,      u"--env"_s,
                                                  u"nowhere"_s, u"--kind"_s, u"logical"_s,
                                                  u"--daily"_s, u"02:00"_s }
                                 << int(ExitInvalidInput) << u"nowhere"_s;
    QTest::newRow("duplicate id") << QStringList { u"add"_s,     u"dev-nightly"_s, u"--env"_s,
                                                   u"dev"_s,     u"--kind"_s,      u"logical"_s,
                                                   u"--daily"_s, u"03:00"_s }
                                  << int(ExitInvalidInput) << u"another schedule has the same id"_s;
    QTest::newRow("secret in target")
        << base
            + QStringList { u"--daily"_s, u"02:00"_s, u"--target"_s,
                            u"s3://b/p?secret-access-key=TOPSECRET"_s }
        << int(ExitInvalidInput) << u"contains a credential (secret-access-key)"_s;
    QTest::newRow("unknown zone") << base
            + QStringList { u"--daily"_s, u"02:00"_s, u"--timezone"_s, u"Mars/Base"_s }
                                  << int(ExitInvalidInput) << u"unknown time zone"_s;
    QTest::newRow("two frequencies")
        << base + QStringList { u"--daily"_s, u"02:00"_s, u"--hourly"_s, u"5"_s } << int(ExitUsage)
        << u"exactly one of"_s;
    QTest::newRow("no frequency") << base << int(ExitUsage) << u"exactly one of"_s;
    QTest::newRow("bad time") << base + QStringList { u"--daily"_s, u"24:00"_s } << int(ExitUsage)
                              << u"--daily needs a time"_s;
    QTest::newRow("bad weekly") << base + QStringList { u"--weekly"_s, u"mon,funday@02:00"_s }
                                << int(ExitUsage) << u"--weekly needs"_s;
    QTest::newRow("bad minute") << base + QStringList { u"--hourly"_s, u"60"_s } << int(ExitUsage)
                                << u"--hourly needs"_s;
    QTest::newRow("restore kind") << QStringList {
        u"add"_s, u"x"_s, u"--env"_s, u"dev"_s, u"--kind"_s, u"restore"_s, u"--daily"_s, u"02:00"_s
    } << int(ExitUsage) << u"--kind must be"_s;
    QTest::newRow("negative keep")
        << base + QStringList { u"--daily"_s, u"02:00"_s, u"--keep"_s, u"-1"_s } << int(ExitUsage)
        << u"--keep"_s;
    QTest::newRow("bad id") << QStringList { u"add"_s,    u"a/b"_s,     u"--env"_s,   u"dev"_s,
                                             u"--kind"_s, u"logical"_s, u"--daily"_s, u"02:00"_s }
                            << int(ExitUsage) << u"plain name"_s;
    QTest::newRow("unknown subcommand")
        << QStringList { u"edit"_s } << int(ExitUsage) << u"unknown backup schedule command"_s;
    QTest::newRow("remove unknown") << QStringList { u"remove"_s, u"nope"_s }
                                    << int(ExitInvalidInput) << u"No backup schedule nope"_s;
    QTest::newRow("remove without id")
        << QStringList { u"remove"_s } << int(ExitUsage) << u"exactly one schedule ID"_s;
}

void TestBackupScheduleCli::refusals()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    QFile f(schedulesPath());
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray before = f.readAll();
    f.close();
    const Run r = runSchedule(args);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    QVERIFY(!r.err.contains("TOPSECRET"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), before); // nothing written
    // --json: the same error as {"error": {...}} on stdout.
    const Run j = runSchedule(args, true);
    QCOMPARE(j.exitCode, exitCode);
    QVERIFY2(j.json().value(u"error"_s).toObject().value(u"message"_s).toString().contains(message),
             j.out.constData());
}

void TestBackupScheduleCli::listText()
{
    const Run r = runSchedule({ u"list"_s });
    QCOMPARE(r.exitCode, int(ExitOk));
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 4); // header + 3 schedules
    QVERIFY2(lines.at(0).startsWith("ID"), r.out.constData());
    QVERIFY(lines.at(0).contains("NEXT (LOCAL)"));
    QVERIFY(lines.at(1).startsWith("dev-nightly"));
    QVERIFY(lines.at(1).contains("Daily at 02:00"));
    QVERIFY(lines.at(1).contains(" 7 "));
    QVERIFY(lines.at(2).contains("s3://backups/dev?region=eu-central-1"));
    QVERIFY(lines.at(3).startsWith("dev-hourly"));
}

void TestBackupScheduleCli::listJson()
{
    const Run r = runSchedule({ u"list"_s }, true);
    QCOMPARE(r.exitCode, int(ExitOk));
    const QJsonArray list = r.json().value(u"schedules"_s).toArray();
    QCOMPARE(list.size(), 3);
    const QJsonObject first = list.at(0).toObject();
    QCOMPARE(first.value(u"id"_s).toString(), u"dev-nightly"_s);
    QCOMPARE(first.value(u"env"_s).toString(), u"dev"_s);
    QCOMPARE(first.value(u"kind"_s).toString(), u"logical"_s);
    QCOMPARE(first.value(u"frequency"_s).toString(), u"daily"_s);
    QCOMPARE(first.value(u"at"_s).toString(), u"02:00"_s);
    QCOMPARE(first.value(u"keep"_s).toInt(), 7);
    QCOMPARE(first.value(u"description"_s).toString(), u"Daily at 02:00"_s);
    const QDateTime next
        = QDateTime::fromString(first.value(u"next_run"_s).toString(), Qt::ISODateWithMs);
    QVERIFY(next > QDateTime::currentDateTimeUtc());
    QCOMPARE(next.toLocalTime().time(), QTime(2, 0));
    QVERIFY(list.at(2).toObject().value(u"next_run"_s).isNull()); // disabled
}

void TestBackupScheduleCli::exportTimer()
{
    QTemporaryDir out;
    const Run r = runSchedule(
        { u"export-timer"_s, out.path(), u"--cli"_s, u"/usr/local/bin/tidesk-cli"_s });
    QVERIFY2(r.exitCode == ExitOk, r.err.constData());
    QVERIFY2(r.out.contains("(2 enabled schedule(s))"), r.out.constData());
    QVERIFY(r.out.contains("systemctl enable --now tidesk-backup.timer"));
    QFile service(out.filePath(u"tidesk-backup.service"_s));
    QVERIFY(service.open(QIODevice::ReadOnly));
    const QStringList serviceLines = QString::fromUtf8(service.readAll()).split(u'\n');
    QVERIFY(serviceLines.contains(u"ExecStart=/usr/local/bin/tidesk-cli backup run-due"_s));
    QVERIFY(serviceLines.contains(u"Environment=TIDESK_HOME="_s + m_home.path()));
    QFile timer(out.filePath(u"tidesk-backup.timer"_s));
    QVERIFY(timer.open(QIODevice::ReadOnly));
    QStringList calendars;
    for (const QString &line : QString::fromUtf8(timer.readAll()).split(u'\n'))
        if (line.startsWith(u"OnCalendar="_s))
            calendars << line;
    QCOMPARE(calendars,
             (QStringList { u"OnCalendar=*-*-* 02:00:00"_s,
                            u"OnCalendar=Mon,Thu *-*-* 23:30:00 Europe/Berlin"_s }));

    const Run relative = runSchedule({ u"export-timer"_s, out.path(), u"--cli"_s, u"bin/x"_s });
    QCOMPARE(relative.exitCode, int(ExitInvalidInput));
    const Run missingDir = runSchedule({ u"export-timer"_s });
    QCOMPARE(missingDir.exitCode, int(ExitUsage));
}

void TestBackupScheduleCli::remove()
{
    Run r = runSchedule({ u"remove"_s, u"dev-br"_s });
    QVERIFY2(r.exitCode == ExitOk, r.err.constData());
    QCOMPARE(r.out.trimmed(), QByteArray("Removed schedule dev-br."));
    r = runSchedule({ u"remove"_s, u"dev-hourly"_s }, true);
    QCOMPARE(r.exitCode, int(ExitOk));
    QCOMPARE(r.json().value(u"removed"_s).toString(), u"dev-hourly"_s);
    const Result<ScheduleSet> set = ScheduleSet::load(schedulesPath());
    QVERIFY(set.ok());
    QCOMPARE(set->schedules.size(), 1);
    QCOMPARE(set->schedules.first().id, u"dev-nightly"_s);
}

QTEST_GUILESS_MAIN(TestBackupScheduleCli)
#include "tst_backupschedulecli.moc"
