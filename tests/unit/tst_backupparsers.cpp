// BR's output and TiDB's SQL BACKUP answers, parsed from text written after the reference (§7.1,
// §7.2) and BR's log conventions (tests/data/backup/): progress bars redrawn with \r, the success
// summaries of a full backup and a point-in-time restore, a failed backup ([ERROR] + Error:),
// `br log status` with a healthy and a failing task, `br log metadata`; BACKUP's one-row result and
// SHOW BACKUPS rows; credentials never survive in a destination. BR never ran here.
#include "backup/BackupHistory.h"
#include "backup/BackupJob.h"
#include "backup/BrCommand.h"
#include "backup/BrOutput.h"
#include "backup/SqlBackupRows.h"
#include "backup/StorageUrl.h"
#include "sql/QueryResult.h"

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace TiDesk;
using namespace Qt::StringLiterals;

namespace {
QByteArray fixture(const char *name)
{
    QFile f(QStringLiteral(TIDESK_TEST_DATA_DIR "/backup/") + QString::fromLatin1(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestBackupParsers : public QObject
{
    Q_OBJECT
private slots:
    void fullBackupSuccess();
    void fullBackupSuccessFedByteByByte();
    void fullBackupFailed();
    void restorePointSuccess();
    void logStatus();
    void logMetadata();
    void sqlBackupResult();
    void showBackups();
    void notBackupAnswers();
    void redaction();
    void brCommands();
    void brCommandsRefuseBadInput();
    void jobJson();
    void history();
};

void TestBackupParsers::fullBackupSuccess()
{
    BrOutput out;
    out.feed(fixture("br-backup-full-success.txt"));
    out.finish();
    QCOMPARE(out.progress().size(), 4);
    QCOMPARE(out.progress().at(0).stage, u"Full Backup"_s);
    QCOMPARE(out.progress().at(1).percent, 17.12);
    QCOMPARE(out.progress().at(3).stage, u"Checksum"_s);
    QCOMPARE(out.lastProgress()->percent, 100.0);
    QVERIFY(out.summary().has_value());
    const BrSummary &s = *out.summary();
    QCOMPARE(s.title, u"Full Backup success summary"_s);
    QVERIFY(s.success);
    QCOMPARE(s.backupTs.value_or(0), quint64(435844546560000000ULL));
    QCOMPARE(s.sizeBytes.value_or(-1), qint64(71330));
    QVERIFY(qAbs(s.totalTakeSeconds.value_or(-1) - 4.715509333) < 1e-9);
    QCOMPARE(s.fields.value(u"backup-data-size(after-compressed)"_s), u"71.33kB"_s);
    QCOMPARE(s.fields.value(u"ranges-failed"_s), u"0"_s);
    QVERIFY(out.errors().isEmpty());
    QVERIFY(out.succeeded());
}

void TestBackupParsers::fullBackupSuccessFedByteByByte()
{
    // Output arrives in arbitrary pieces (SSH channel reads): the same result.
    const QByteArray all = fixture("br-backup-full-success.txt");
    BrOutput out;
    for (char c : all)
        out.feed(QByteArrayView(&c, 1));
    out.finish();
    QCOMPARE(out.progress().size(), 4);
    QVERIFY(out.succeeded());
    QCOMPARE(out.summary()->sizeBytes.value_or(-1), qint64(71330));
}

void TestBackupParsers::fullBackupFailed()
{
    BrOutput out;
    out.feed(fixture("br-backup-full-failed.txt"));
    out.finish();
    QVERIFY(!out.succeeded());
    QVERIFY(!out.summary().has_value());
    QCOMPARE(out.lastProgress()->percent, 34.70);
    // The WARN retry is not an error; the ERROR line and cobra's Error: are.
    QCOMPARE(out.errors().size(), 2);
    QVERIFY2(out.errors().first().startsWith(u"failed to backup: context deadline exceeded"_s),
             qPrintable(out.errors().first()));
    QVERIFY(out.errors().last().contains(u"ErrFailedToConnect"_s));
    QVERIFY(out.errors().last().contains(u"10.0.1.8:20160"_s));
}

void TestBackupParsers::restorePointSuccess()
{
    BrOutput out;
    out.feed(fixture("br-restore-point-success.txt"));
    out.finish();
    QVERIFY(out.succeeded());
    QStringList stages;
    for (const BrProgress &p : out.progress())
        stages << p.stage;
    QCOMPARE(
        stages,
        (QStringList { u"Split&Scatter Region"_s, u"Download&Ingest SST"_s, u"Restore Meta Files"_s,
                       u"Restore KV Files"_s, u"Restore KV Files"_s }));
    const BrSummary &s = *out.summary();
    QCOMPARE(s.title, u"restore log success summary"_s);
    QCOMPARE(s.sizeBytes.value_or(-1), qint64(21551)); // total-size
    QCOMPARE(s.restoreFrom.value_or(0), quint64(434693927394607136ULL));
    QCOMPARE(s.restoreTo.value_or(0), quint64(434698765432101234ULL));
    QCOMPARE(s.totalTakeSeconds.value_or(-1), 62.5); // 1m2.5s
    QVERIFY(!s.backupTs.has_value());
}

void TestBackupParsers::logStatus()
{
    const QList<BrLogTask> tasks
        = BrLog::parseStatus(QString::fromUtf8(fixture("br-log-status.txt")));
    QCOMPARE(tasks.size(), 2);
    const BrLogTask &a = tasks.at(0);
    QCOMPARE(a.name, u"pitr"_s);
    QCOMPARE(a.status, u"NORMAL"_s);
    QCOMPARE(a.storage, u"s3://backup-101/logbackup"_s);
    QCOMPARE(a.start, QDateTime(QDate(2022, 7, 14), QTime(12, 8, 3, 268), Qt::UTC));
    QCOMPARE(a.checkpoint, QDateTime(QDate(2022, 7, 25), QTime(14, 52, 15, 518), Qt::UTC));
    QCOMPARE(a.checkpointGapSeconds, qint64(172));
    QVERIFY(a.errors.isEmpty());
    const BrLogTask &b = tasks.at(1);
    QCOMPARE(b.status, u"ERROR"_s);
    QCOMPARE(b.checkpointGapSeconds, qint64(4323));
    QCOMPARE(b.errors.size(), 1);
    QVERIFY(b.errors.first().contains(u"failed to upload log file"_s));
    QVERIFY(BrLog::parseStatus(u"garbage\nnothing here"_s).isEmpty());
}

void TestBackupParsers::logMetadata()
{
    const auto md = BrLog::parseMetadata(QString::fromUtf8(fixture("br-log-metadata.txt")));
    QVERIFY(md.has_value());
    QCOMPARE(md->minTs.value_or(0), quint64(434693927394607136ULL));
    QCOMPARE(md->maxTs.value_or(0), quint64(434957398716923905ULL));
    QCOMPARE(md->minDate, QDateTime(QDate(2022, 7, 14), QTime(12, 8, 3, 268), Qt::UTC));
    QCOMPARE(md->maxDate, QDateTime(QDate(2022, 7, 26), QTime(3, 20, 47, 568), Qt::UTC));
    QVERIFY(!BrLog::parseMetadata(u"Error: no log backup here"_s).has_value());
    QVERIFY(!BrLog::parseTime(u"yesterday"_s).isValid());
}

void TestBackupParsers::sqlBackupResult()
{
    QueryResult r;
    r.columns = QStringList { u"Destination"_s, u"Size"_s, u"BackupTS"_s, u"Queue Time"_s,
                              u"Execution Time"_s };
    r.rows << QVariantList { u"s3://bkt/full?access-key=AKIAXYZ&secret-access-key=s3cr3t"_s,
                             qint64(248665063), quint64(416099531454472ULL),
                             u"2020-04-12 23:09:48"_s, u"2020-04-12 23:09:48"_s };
    const auto res = SqlBackupRows::result(r);
    QVERIFY2(res.ok(), qPrintable(res.error().toString()));
    QCOMPARE(res->sizeBytes, qint64(248665063));
    QCOMPARE(res->backupTs, quint64(416099531454472ULL));
    QCOMPARE(res->destination, u"s3://bkt/full?access-key=***&secret-access-key=***"_s);
    QVERIFY(!res->destination.contains(u"s3cr3t"_s));
    QCOMPARE(res->executionTime, u"2020-04-12 23:09:48"_s);
}

void TestBackupParsers::showBackups()
{
    QueryResult r;
    r.columns
        = QStringList { u"Destination"_s,    u"State"_s,       u"Progress"_s,   u"Queue_time"_s,
                        u"Execution_time"_s, u"Finish_time"_s, u"Connection"_s, u"Message"_s };
    r.rows << QVariantList { u"s3://bkt/full-2024-05-14/"_s,
                             u"Backup"_s,
                             98.38,
                             u"2024-05-14 13:30:00"_s,
                             u"2024-05-14 13:30:01"_s,
                             QVariant(),
                             qint64(2199023255555),
                             QVariant() };
    r.rows << QVariantList { u"local:///mnt/backup/inc01"_s,
                             u"Wait"_s,
                             0.0,
                             u"2024-05-14 13:31:00"_s,
                             u"0000-00-00 00:00:00"_s,
                             u"0000-00-00 00:00:00"_s,
                             qint64(77),
                             u""_s };
    const auto jobs = SqlBackupRows::jobs(r);
    QVERIFY(jobs.ok());
    QCOMPARE(jobs->size(), 2);
    QCOMPARE(jobs->at(0).state, u"Backup"_s);
    QCOMPARE(jobs->at(0).progress, 98.38);
    QCOMPARE(jobs->at(0).connectionId, quint64(2199023255555ULL));
    QVERIFY(jobs->at(0).isRunning());
    QCOMPARE(jobs->at(1).state, u"Wait"_s);
    QVERIFY(jobs->at(1).isRunning());
}

void TestBackupParsers::notBackupAnswers()
{
    QueryResult processlist;
    processlist.columns = QStringList { u"ID"_s, u"USER"_s };
    QCOMPARE(SqlBackupRows::result(processlist).error().kind, ErrorKind::InvalidInput);
    QCOMPARE(SqlBackupRows::jobs(processlist).error().kind, ErrorKind::InvalidInput);
    QueryResult twoRows;
    twoRows.columns = QStringList { u"Destination"_s, u"Size"_s, u"BackupTS"_s };
    twoRows.rows << QVariantList { u"a"_s, 1, 2 } << QVariantList { u"b"_s, 3, 4 };
    QCOMPARE(SqlBackupRows::result(twoRows).error().kind, ErrorKind::InvalidInput);
}

void TestBackupParsers::redaction()
{
    QCOMPARE(
        StorageUrl::redacted(
            u"s3://bkt/p?endpoint=http://10.0.0.5:9000&access-key=AK&secret-access-key=SK&force-path-style=true"_s),
        u"s3://bkt/p?endpoint=http://10.0.0.5:9000&access-key=***&secret-access-key=***&force-path-style=true"_s);
    QCOMPARE(StorageUrl::redacted(
                 u"s3://bkt/p?session-token=T&sse-kms-key-id=abc&storage-class=STANDARD"_s),
             u"s3://bkt/p?session-token=***&sse-kms-key-id=abc&storage-class=STANDARD"_s);
    QCOMPARE(StorageUrl::redacted(u"azure://c/p?account-name=acct&account-key=KEY&sas-token=SAS"_s),
             u"azure://c/p?account-name=acct&account-key=***&sas-token=***"_s);
    QCOMPARE(StorageUrl::redacted(u"hdfs://user:pa55@nn:8020/backup"_s),
             u"hdfs://user:***@nn:8020/backup"_s);
    QCOMPARE(StorageUrl::redacted(u"local:///mnt/backup/full"_s), u"local:///mnt/backup/full"_s);
    QCOMPARE(StorageUrl::scheme(u"S3://bkt/x"_s), u"s3"_s);
    QVERIFY(StorageUrl::scheme(u"/just/a/path"_s).isEmpty());
    QVERIFY(!StorageUrl::isSecretParameter(u"endpoint"_s));
    QVERIFY(StorageUrl::isSecretParameter(u"Secret-Access-Key"_s));
}

void TestBackupParsers::brCommands()
{
    BrOptions o;
    o.pd = u"10.0.1.1:2379"_s;
    o.storage = u"s3://bkt/snap-20240514?access-key=AK&secret-access-key=SK"_s;
    o.rateLimitMiBps = 128;
    o.logFile = u"backupfull.log"_s;
    const auto full = BrCommand::backup(o, {});
    QVERIFY2(full.ok(), qPrintable(full.error().toString()));
    QCOMPARE(*full,
             (QStringList { u"tiup"_s, u"br"_s, u"backup"_s, u"full"_s, u"--pd"_s,
                            u"10.0.1.1:2379"_s, u"--storage"_s, o.storage, u"--ratelimit"_s,
                            u"128"_s, u"--log-file"_s, u"backupfull.log"_s }));
    // People see the URL without its secrets; the shell command keeps them (never logged).
    const QString shown = BrCommand::display(*full);
    QCOMPARE(shown,
             u"tiup br backup full --pd 10.0.1.1:2379 --storage "
             "'s3://bkt/snap-20240514?access-key=***&secret-access-key=***' "
             "--ratelimit 128 --log-file backupfull.log"_s);
    QVERIFY(!shown.contains(u"SK"_s));
    QVERIFY(BrCommand::shellCommand(*full).contains(u"secret-access-key=SK"_s));

    BrTarget table { BrTarget::Scope::Table, u"test"_s, u"usertable"_s };
    o.program = u"/usr/local/bin/br"_s;
    o.rateLimitMiBps = 0;
    o.logFile.clear();
    const auto inc = BrCommand::backup(o, table, 435844546560000000ULL);
    QVERIFY(inc.ok());
    QCOMPARE(inc->mid(0, 8),
             (QStringList { u"/usr/local/bin/br"_s, u"backup"_s, u"table"_s, u"--db"_s, u"test"_s,
                            u"--table"_s, u"usertable"_s, u"--pd"_s }));
    QCOMPARE(inc->last(), u"435844546560000000"_s);
    QCOMPARE(inc->at(inc->size() - 2), u"--lastbackupts"_s);

    const auto restoreDb = BrCommand::restore(o, { BrTarget::Scope::Database, u"shop"_s, {} });
    QVERIFY(restoreDb.ok());
    QCOMPARE(restoreDb->mid(1, 4), (QStringList { u"restore"_s, u"db"_s, u"--db"_s, u"shop"_s }));

    const QDateTime at(QDate(2024, 5, 14), QTime(18, 0), Qt::OffsetFromUTC, 8 * 3600);
    QCOMPARE(BrCommand::brTime(at), u"2024-05-14 18:00:00+0800"_s);
    const auto point = BrCommand::restorePoint(o, u"s3://bkt/snapshot-20240514"_s, at);
    QVERIFY(point.ok());
    QVERIFY(point->contains(u"--full-backup-storage"_s));
    QCOMPARE(point->last(), u"2024-05-14 18:00:00+0800"_s);
    QVERIFY(BrCommand::display(*point).contains(u"--restored-ts '2024-05-14 18:00:00+0800'"_s));

    o.storage = u"s3://backup-101/logbackup?access-key=AK"_s;
    const auto start = BrCommand::log(o, BrCommand::LogAction::Start, u"pitr"_s);
    QVERIFY(start.ok());
    QCOMPARE(start->mid(1, 3), (QStringList { u"log"_s, u"start"_s, u"--task-name=pitr"_s }));
    QVERIFY(start->contains(u"--storage"_s));
    const auto status = BrCommand::log(o, BrCommand::LogAction::Status, u"pitr"_s);
    QVERIFY(status.ok());
    QVERIFY(!status->contains(u"--storage"_s)); // found through PD
    const auto metadata = BrCommand::log(o, BrCommand::LogAction::Metadata, {});
    QVERIFY(metadata.ok());
    QVERIFY(!metadata->contains(u"--pd"_s));
    const auto truncate = BrCommand::logTruncate(o, at);
    QVERIFY(truncate.ok());
    QCOMPARE(truncate->last(), u"-y"_s); // nobody can answer BR's y/N from a GUI
    QVERIFY(truncate->contains(u"--until=2024-05-14 18:00:00+0800"_s));
}

void TestBackupParsers::brCommandsRefuseBadInput()
{
    BrOptions o;
    o.pd = u"10.0.1.1:2379"_s;
    o.storage = u"s3://bkt/x"_s;
    BrOptions noPd = o;
    noPd.pd = u"10.0.1.1"_s;
    QCOMPARE(BrCommand::backup(noPd, {}).error().kind, ErrorKind::InvalidInput);
    BrOptions noStorage = o;
    noStorage.storage = u"/mnt/backup"_s; // a path, not a URL
    QCOMPARE(BrCommand::backup(noStorage, {}).error().kind, ErrorKind::InvalidInput);
    QCOMPARE(
        BrCommand::backup(o, { BrTarget::Scope::Database, u"shop; rm -rf /"_s, {} }).error().kind,
        ErrorKind::InvalidInput);
    QCOMPARE(BrCommand::log(o, BrCommand::LogAction::Stop, u"pitr; reboot"_s).error().kind,
             ErrorKind::InvalidInput);
    QCOMPARE(BrCommand::logTruncate(o, QDateTime()).error().kind, ErrorKind::InvalidInput);
    QCOMPARE(BrCommand::restorePoint(o, u"nowhere"_s).error().kind, ErrorKind::InvalidInput);
    // Quoting: an odd but valid value never breaks out of its argument.
    QCOMPARE(BrCommand::shellCommand({ u"br"_s, u"it's"_s }), u"br 'it'\\''s'"_s);
}

void TestBackupParsers::jobJson()
{
    BackupJob j;
    j.id = BackupJob::newId(u"prod eu"_s, QDateTime(QDate(2024, 5, 14), QTime(13, 30), Qt::UTC));
    QVERIFY2(j.id.startsWith(u"20240514T133000Z-prod_eu-"_s), qPrintable(j.id));
    j.envName = u"prod eu"_s;
    j.kind = BackupJob::Kind::Br;
    j.status = BackupJob::Status::Succeeded;
    j.target = u"s3://bkt/full?access-key=AK&secret-access-key=SK"_s;
    j.startedAt = QDateTime(QDate(2024, 5, 14), QTime(13, 30), Qt::UTC);
    j.finishedAt = j.startedAt.addSecs(5);
    j.sizeBytes = 71330;
    j.backupTs = u"435844546560000000"_s;
    j.connectionId = 2199023255555ULL;
    const QJsonObject o = j.toJson();
    // The keys the issue asks the CLI for, and never a credential.
    for (const char *key : { "id", "env", "kind", "status", "started_at", "finished_at",
                             "size_bytes", "target", "error" })
        QVERIFY2(o.contains(QLatin1String(key)), key);
    QCOMPARE(o.value(u"kind"_s).toString(), u"br"_s);
    QCOMPARE(o.value(u"status"_s).toString(), u"succeeded"_s);
    QVERIFY(o.value(u"error"_s).isNull());
    QVERIFY(!QJsonDocument(o).toJson().contains("SK"));
    QCOMPARE(j.durationMs(), qint64(5000));
    QVERIFY(j.isFinished());

    const Result<BackupJob> back = BackupJob::fromJson(o);
    QVERIFY(back.ok());
    QCOMPARE(back->id, j.id);
    QCOMPARE(back->sizeBytes, qint64(71330));
    QCOMPARE(back->finishedAt, j.finishedAt);
    QCOMPARE(back->connectionId, quint64(2199023255555ULL));
    QCOMPARE(back->target, u"s3://bkt/full?access-key=***&secret-access-key=***"_s);

    QJsonObject broken = o;
    broken.insert(u"status"_s, u"exploded"_s);
    const Result<BackupJob> bad = BackupJob::fromJson(broken);
    QVERIFY(!bad.ok());
    QVERIFY(bad.error().message.contains(u"status"_s));
    QVERIFY(!BackupJob::fromJson(QJsonObject {}).ok());
    QVERIFY(!BackupJob::statusFromName(u"done"_s).has_value());
    QCOMPARE(BackupJob::kindFromName(u"Physical"_s), BackupJob::Kind::Physical);
}

void TestBackupParsers::history()
{
    QTemporaryDir dir;
    BackupHistory h(dir.filePath(u"backups"_s));
    QVERIFY(h.list().ok());
    QVERIFY(h.list()->isEmpty()); // no folder yet: no jobs
    BackupJob a;
    a.id = u"20240514T010000Z-dev-0001"_s;
    a.envName = u"dev"_s;
    a.status = BackupJob::Status::Running;
    BackupJob b = a;
    b.id = u"20240515T010000Z-dev-0002"_s;
    BackupJob c = a;
    c.id = u"20240516T010000Z-prod-0003"_s;
    c.envName = u"prod"_s;
    for (const BackupJob &j : { a, b, c })
        QVERIFY(h.save(j).ok());
    a.status = BackupJob::Status::Failed; // an update replaces the file
    a.error = u"SSH connection lost"_s;
    QVERIFY(h.save(a).ok());

    const auto dev = h.list(u"dev"_s);
    QVERIFY(dev.ok());
    QCOMPARE(dev->size(), 2);
    QCOMPARE(dev->first().id, b.id); // newest first
    QCOMPARE(dev->last().status, BackupJob::Status::Failed);
    QCOMPARE(dev->last().error, u"SSH connection lost"_s);
    QCOMPARE(h.list()->size(), 3);
    QCOMPARE(h.load(u"nope"_s).error().kind, ErrorKind::NotFound);

    // A damaged file is skipped and named, not fatal.
    QFile junk(dir.filePath(u"backups/20240517T010000Z-dev-0004.json"_s));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("{ not json");
    junk.close();
    QStringList problems;
    QCOMPARE(h.list(u"dev"_s, &problems)->size(), 2);
    QCOMPARE(problems.size(), 1);
    // An id that is a path is refused.
    BackupJob evil = a;
    evil.id = u"../../etc/passwd"_s;
    QCOMPARE(h.save(evil).error().kind, ErrorKind::InvalidInput);
}

QTEST_GUILESS_MAIN(TestBackupParsers)
#include "tst_backupparsers.moc"
