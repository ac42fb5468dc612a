// BR's output and TiDB's SQL BACKUP answers, parsed from text written after the reference (§7.1,
// §7.2) and BR's log conventions (tests/data/backup/): progress bars redrawn with \r, the success
// summaries of a full backup and a point-in-time restore, a failed backup ([ERROR] + Error:),
// `br log status` with a healthy and a failing task, `br log metadata`; BACKUP's one-row result and
// SHOW BACKUPS rows; credentials never survive in a destination. BR never ran here.
#include "backup/BrOutput.h"
#include "backup/SqlBackupRows.h"
#include "backup/StorageUrl.h"
#include "sql/QueryResult.h"

#include <QFile>
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

QTEST_GUILESS_MAIN(TestBackupParsers)
#include "tst_backupparsers.moc"
