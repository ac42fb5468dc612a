// ActivityModel / ActivityFilterModel / EnvironmentFilterModel: appends from worker threads
// without reset, capacity trimming, clear, filters; QAbstractItemModelTester on each.
#include "inventory/InventoryModel.h"
#include "models/ActivityFilterModel.h"
#include "models/ActivityModel.h"
#include "models/EnvironmentFilterModel.h"
#include "sql/ActivityLog.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;
using namespace TiDesk;

namespace {
ActivityEntry entry(const QString &env, const QString &sql, bool ok = true)
{
    ActivityEntry e;
    e.startedAt = QDateTime::currentDateTime();
    e.envName = env;
    e.endpoint = u"root@127.0.0.1:3306"_s;
    e.statement = sql;
    e.durationMs = 3;
    e.rows = ok ? 1 : -1;
    e.ok = ok;
    e.result = ok ? u"1 row"_s : u"Access denied"_s;
    return e;
}
} // namespace

class TestActivityModel : public QObject
{
    Q_OBJECT
private slots:
    void showsExistingEntries();
    void appendsFromWorkerThreadsWithoutReset();
    void respectsCapacity();
    void outOfOrderAndDuplicateDelivery();
    void clearResets();
    void displayAndRoles();
    void filterByEnvironmentAndText();
    void environmentFilter();
    void repeatsFoldedNotConsequentialOnes();
};

void TestActivityModel::showsExistingEntries()
{
    ActivityLog log(10);
    log.record(entry(u"dev"_s, u"SELECT 1"_s));
    log.record(entry(u"prod"_s, u"SELECT 2"_s));
    ActivityModel model(&log);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(ActivityModel::ColumnCount));
    QCOMPARE(model.environmentNames(), (QStringList { u"dev"_s, u"prod"_s }));
}

void TestActivityModel::appendsFromWorkerThreadsWithoutReset()
{
    ActivityLog log(1000);
    ActivityModel model(&log);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy seen(&model, &ActivityModel::environmentSeen);
    QThreadPool pool;
    pool.setMaxThreadCount(4);
    QList<QFuture<void>> futures;
    for (int t = 0; t < 4; ++t)
        futures << QtConcurrent::run(&pool, [&log, t] {
            for (int i = 0; i < 25; ++i)
                log.record(entry(u"env%1"_s.arg(t), u"SELECT %1"_s.arg(i)));
        });
    for (QFuture<void> &f : futures)
        f.waitForFinished();
    QTRY_COMPARE(model.rowCount(), 100);
    QCOMPARE(resets.size(), 0);
    QCOMPARE(inserts.size(), 100);
    QCOMPARE(seen.size(), 4);
    // Rows are in sequence order, as the log holds them.
    quint64 prev = 0;
    for (int r = 0; r < model.rowCount(); ++r) {
        const quint64 seq = model.index(r, 0).data(ActivityModel::SeqRole).value<quint64>();
        QVERIFY(seq > prev);
        prev = seq;
    }
}

void TestActivityModel::respectsCapacity()
{
    ActivityLog log(5);
    ActivityModel model(&log);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy removes(&model, &QAbstractItemModel::rowsRemoved);
    for (int i = 0; i < 12; ++i)
        log.record(entry(u"dev"_s, u"SELECT %1"_s.arg(i)));
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(removes.size(), 7);
    QCOMPARE(model.index(0, ActivityModel::StatementColumn).data().toString(), u"SELECT 7"_s);
    QCOMPARE(model.index(4, ActivityModel::StatementColumn).data().toString(), u"SELECT 11"_s);
    // The model mirrors the log exactly.
    const QList<ActivityEntry> inLog = log.entries();
    for (int r = 0; r < 5; ++r)
        QCOMPARE(model.entry(r).seq, inLog.at(r).seq);
}

void TestActivityModel::outOfOrderAndDuplicateDelivery()
{
    // What queued signals from racing workers look like: seq 3 before 2, and 3 twice.
    ActivityLog log(3);
    ActivityModel model(&log);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto withSeq = [](quint64 seq) {
        ActivityEntry e = entry(u"dev"_s, u"SELECT %1"_s.arg(seq));
        e.seq = seq;
        return e;
    };
    emit log.entryAdded(withSeq(1));
    emit log.entryAdded(withSeq(3));
    emit log.entryAdded(withSeq(2));
    emit log.entryAdded(withSeq(3));
    QCOMPARE(model.rowCount(), 3);
    for (int r = 0; r < 3; ++r)
        QCOMPARE(model.entry(r).seq, quint64(r + 1));
    emit log.entryAdded(withSeq(5)); // at capacity: 1 goes
    emit log.entryAdded(withSeq(4)); // 2 goes, 4 lands before 5
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.entry(0).seq, quint64(3));
    QCOMPARE(model.entry(1).seq, quint64(4));
    QCOMPARE(model.entry(2).seq, quint64(5));
    emit log.entryAdded(withSeq(2)); // older than everything kept: dropped, like the log does
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.entry(0).seq, quint64(3));
}

void TestActivityModel::clearResets()
{
    ActivityLog log(10);
    ActivityModel model(&log);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    log.record(entry(u"dev"_s, u"SELECT 1"_s));
    log.clear();
    QCOMPARE(model.rowCount(), 0);
    log.record(entry(u"dev"_s, u"SELECT 2"_s));
    QCOMPARE(model.rowCount(), 1);
}

void TestActivityModel::displayAndRoles()
{
    ActivityLog log(10);
    ActivityModel model(&log);
    log.record(entry(u"dev"_s, u"SELECT a,\n       b\n  FROM t\n WHERE x = 1"_s));
    log.record(entry(u"prod"_s, u"KILL QUERY 1"_s, false));
    const QModelIndex stmt = model.index(0, ActivityModel::StatementColumn);
    QCOMPARE(stmt.data().toString(), u"SELECT a, b FROM t WHERE x = 1"_s);
    QVERIFY(stmt.data(Qt::ToolTipRole).toString().contains(u'\n'));
    QCOMPARE(stmt.data(ActivityModel::StatementRole).toString(),
             u"SELECT a,\n       b\n  FROM t\n WHERE x = 1"_s);
    QCOMPARE(model.index(1, 0).data(ActivityModel::OkRole).toBool(), false);
    QCOMPARE(model.index(1, ActivityModel::RowsColumn).data().toString(), QString());
    QCOMPARE(model.index(0, ActivityModel::DurationColumn).data().toString(), u"3"_s);
    QCOMPARE(model.headerData(ActivityModel::DurationColumn, Qt::Horizontal).toString(),
             u"Duration (ms)"_s);
    QCOMPARE(model.index(1, ActivityModel::ResultColumn).data().toString(), u"Access denied"_s);
}

void TestActivityModel::filterByEnvironmentAndText()
{
    ActivityLog log(100);
    ActivityModel model(&log);
    ActivityFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    log.record(entry(u"dev"_s, u"SELECT 1"_s));
    log.record(entry(u"prod"_s, u"SHOW PROCESSLIST"_s));
    log.record(entry(u"prod"_s, u"KILL QUERY 7"_s, false));
    QCOMPARE(filter.rowCount(), 3);
    filter.setEnvironment(u"prod"_s);
    QCOMPARE(filter.rowCount(), 2);
    filter.setText(u"kill"_s);
    QCOMPARE(filter.rowCount(), 1);
    filter.setText(u"denied"_s); // the result column counts too
    QCOMPARE(filter.rowCount(), 1);
    filter.setEnvironment(QString());
    filter.setText(QString());
    QCOMPARE(filter.rowCount(), 3);
    log.record(entry(u"prod"_s, u"SELECT 9"_s));
    QCOMPARE(filter.rowCount(), 4);
}

void TestActivityModel::environmentFilter()
{
    InventoryModel inv;
    EnvironmentFilterModel filter;
    filter.setSourceModel(&inv);
    QAbstractItemModelTester tester(&filter,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    EnvironmentList envs;
    for (auto [name, tier, tag] : { std::tuple { u"prod"_s, Tier::Prod, u"payments"_s },
                                    std::tuple { u"dev"_s, Tier::Dev, u"local"_s },
                                    std::tuple { u"uat01"_s, Tier::Uat, u"payments"_s } }) {
        Environment e;
        e.id = QUuid::createUuid();
        e.name = name;
        e.tier = tier;
        e.tags = { tag };
        e.endpoints = { SqlEndpoint { u"10.0.0.1"_s, 4000, {} } };
        e.user = u"root"_s;
        envs << e;
    }
    inv.setEnvironments(envs);
    QCOMPARE(filter.rowCount(), 3);
    QCOMPARE(filter.index(0, 0).data(InventoryModel::NameRole).toString(), u"prod"_s);
    filter.setFilterText(u"payments"_s);
    QCOMPARE(filter.rowCount(), 2);
    filter.setFilterText(u"PAY uat"_s);
    QCOMPARE(filter.rowCount(), 1);
    filter.setFilterText(u"10.0.0.1"_s);
    QCOMPARE(filter.rowCount(), 3);
    filter.setFilterText(u"nothing-matches"_s);
    QCOMPARE(filter.rowCount(), 0);
}

void TestActivityModel::repeatsFoldedNotConsequentialOnes()
{
    ActivityLog log(100);
    ActivityModel model(&log);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy replaced(&log, &ActivityLog::entryReplaced);
    const QString poll = u"SELECT ID, USER FROM information_schema.PROCESSLIST"_s;
    log.record(entry(u"dev"_s, poll));
    log.record(entry(u"dev"_s, u"KILL HARD QUERY 12"_s));
    log.record(entry(u"prod"_s, poll)); // another environment: its own entry
    const quint64 third = log.record(entry(u"dev"_s, poll));
    const quint64 fourth = log.record(entry(u"dev"_s, poll));
    log.record(entry(u"dev"_s, u"KILL HARD QUERY 12"_s)); // never folded
    log.record(entry(u"dev"_s, poll, false)); // a failure is not the same outcome
    log.record(entry(u"dev"_s, poll, false)); // ... but the same failure folds

    const QList<ActivityEntry> e = log.entries();
    QCOMPARE(e.size(), 5);
    QCOMPARE(e.at(0).statement, u"KILL HARD QUERY 12"_s);
    QCOMPARE(e.at(1).envName, u"prod"_s);
    QCOMPARE(e.at(2).statement, poll);
    QCOMPARE(e.at(2).repeats, 3);
    QCOMPARE(e.at(2).seq, fourth); // the newest occurrence, moved to the end of the reads
    QVERIFY(fourth > third);
    QCOMPARE(e.at(3).statement, u"KILL HARD QUERY 12"_s);
    QCOMPARE(e.at(4).repeats, 2);
    QVERIFY(!e.at(4).ok);
    QCOMPARE(replaced.size(), 3);

    // The model follows without a reset: same rows, same order, the count shown.
    QCOMPARE(model.rowCount(), 5);
    for (int r = 0; r < model.rowCount(); ++r)
        QCOMPARE(model.entry(r).seq, e.at(r).seq);
    const QString shown = model.index(2, ActivityModel::ResultColumn).data().toString();
    QVERIFY2(shown.contains(u"3"_s) && shown != u"1 row"_s, qPrintable(shown));
    QVERIFY(ActivityLog::isFoldable(u"  show global status"_s));
    QVERIFY(!ActivityLog::isFoldable(u"SET GLOBAL max_statement_time = 1"_s));
}

QTEST_GUILESS_MAIN(TestActivityModel)
#include "tst_activitymodel.moc"
