// The live-sessions models on hand-made SessionRows: KeyedRowDiff plans; SessionsModel's diff
// updates (no reset after the first fill, persistent indexes of surviving rows stay valid and
// point at the same session, dataChanged only for the changed cells, runs coalesced), its roles
// and the instance column's relevance; SessionFilterModel's filters, numeric sort and unknown
// values last; SessionDigestModel's grouping and diff updates; SessionFormat's texts. Every
// model under QAbstractItemModelTester while it is updated.
#include "models/KeyedRowDiff.h"
#include "models/SessionDigestModel.h"
#include "models/SessionFilterModel.h"
#include "models/SessionsModel.h"
#include "sessions/SessionFormat.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace TiDesk;

namespace {

SessionRow session(quint64 id, const QString &user = u"app"_s, qint64 timeMs = 0,
                   const QString &info = {}, const QString &instance = {})
{
    SessionRow s;
    s.id = id;
    s.instance = instance;
    s.user = user;
    s.host = u"10.0.0.9:"_s + QString::number(40000 + id);
    s.db = u"shop"_s;
    s.command = info.isEmpty() ? u"Sleep"_s : u"Query"_s;
    s.state = info.isEmpty() ? QString() : u"Sending data"_s;
    s.timeMs = timeMs;
    s.info = info;
    s.digest = info.isEmpty() ? QString() : u"d-"_s + info.left(8);
    s.observedAt = QDateTime::currentDateTimeUtc();
    return s;
}

QList<SessionRow> tenSessions()
{
    QList<SessionRow> rows;
    for (quint64 id = 1; id <= 10; ++id)
        rows << session(id, u"app"_s, qint64(id) * 1000, u"SELECT "_s + QString::number(id));
    return rows;
}

// The (first row, last row, first column, last column) of each dataChanged of a spy.
QList<QList<int>> changes(const QSignalSpy &spy)
{
    QList<QList<int>> out;
    for (const QList<QVariant> &args : spy) {
        const auto tl = args.at(0).value<QModelIndex>();
        const auto br = args.at(1).value<QModelIndex>();
        out << QList<int> { tl.row(), br.row(), tl.column(), br.column() };
    }
    return out;
}

} // namespace

class TestSessionsModels : public QObject
{
    Q_OBJECT
private slots:
    void diffPlan();
    void firstFillInsertsWithoutReset();
    void diffKeepsPersistentIndexes();
    void onlyChangedCells();
    void consecutiveRowsShareOneSignal();
    void randomUpdatesUnderTester();
    void rolesAndDisplay();
    void instanceColumnRelevance();
    void resetRowsForAnotherEnvironment();
    void filters();
    void ownConnectionsHidden();
    void numericSortUnknownLast();
    void proxySurvivesUpdates();
    void digestGrouping();
    void digestDiffUpdates();
    void formats();
};

void TestSessionsModels::diffPlan()
{
    const QHash<QString, int> old {
        { u"a"_s, 0 }, { u"b"_s, 1 }, { u"c"_s, 2 }, { u"d"_s, 3 }, { u"e"_s, 4 }
    };
    const KeyedRowDiff d
        = KeyedRowDiff::compute(old, 5, { u"e"_s, u"x"_s, u"a"_s, u"d"_s, u"x"_s, u"y"_s });
    // b and c vanish as one range.
    QCOMPARE(d.removed.size(), 1);
    QCOMPARE(d.removed.first().first, 1);
    QCOMPARE(d.removed.first().last, 2);
    // a, d, e survive at rows 0, 1, 2 (after the removal), in their old order.
    QCOMPARE(d.kept.size(), 3);
    QCOMPARE(d.kept.at(0).row, 0);
    QCOMPARE(d.kept.at(0).newIndex, 2);
    QCOMPARE(d.kept.at(1).row, 1);
    QCOMPARE(d.kept.at(1).newIndex, 3);
    QCOMPARE(d.kept.at(2).row, 2);
    QCOMPARE(d.kept.at(2).newIndex, 0);
    QCOMPARE(d.appended, (QList<int> { 1, 5 }));
    QCOMPARE(d.duplicates, 1);

    // Separate ranges come bottom-up.
    const KeyedRowDiff d2 = KeyedRowDiff::compute(old, 5, { u"b"_s, u"d"_s });
    QCOMPARE(d2.removed.size(), 3);
    QCOMPARE(d2.removed.at(0).first, 4);
    QCOMPARE(d2.removed.at(1).first, 2);
    QCOMPARE(d2.removed.at(2).first, 0);
}

void TestSessionsModels::firstFillInsertsWithoutReset()
{
    SessionsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.setRows(tenSessions());
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.columnCount(), int(SessionsModel::ColumnCount));
    // The same rows again: nothing at all.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QCOMPARE(model.setRows(tenSessions()), 0);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(inserted.count(), 1);
}

void TestSessionsModels::diffKeepsPersistentIndexes()
{
    SessionsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows(tenSessions());
    QItemSelectionModel selection(&model);
    const QModelIndex f = model.index(model.rowOf(u"#6"_s), SessionsModel::IdColumn);
    selection.setCurrentIndex(f, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    const QPersistentModelIndex c(model.index(model.rowOf(u"#3"_s), SessionsModel::UserColumn));
    const QPersistentModelIndex fp(f);
    const QPersistentModelIndex h(model.index(model.rowOf(u"#8"_s), 0));
    QVERIFY(c.isValid() && fp.isValid() && h.isValid());

    QSignalSpy aboutToReset(&model, &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy resetDone(&model, &QAbstractItemModel::modelReset);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    // Sessions 2 and 8 end, 6 runs a second longer, 11 and 12 connect; the server lists them in
    // another order than before.
    QList<SessionRow> next;
    for (const SessionRow &s : tenSessions()) {
        if (s.id == 2 || s.id == 8)
            continue;
        SessionRow n = s;
        if (n.id == 6)
            n.timeMs += 1000;
        next.prepend(n);
    }
    next << session(11, u"batch"_s) << session(12, u"batch"_s, 0, u"UPDATE t SET a = 1"_s);
    QCOMPARE(model.setRows(next), 1);

    QCOMPARE(aboutToReset.count(), 0);
    QCOMPARE(resetDone.count(), 0);
    QCOMPARE(removed.count(), 2); // two separate ranges
    QCOMPARE(inserted.count(), 1); // both new sessions at once
    QCOMPARE(model.rowCount(), 10);
    // Survivors: still valid, same session, same column; the vanished one is invalid.
    QVERIFY(c.isValid());
    QCOMPARE(c.data(SessionsModel::KeyRole).toString(), u"#3"_s);
    QCOMPARE(c.column(), int(SessionsModel::UserColumn));
    QCOMPARE(c.row(), 1); // 2 was above it
    QVERIFY(fp.isValid());
    QCOMPARE(fp.data(SessionsModel::ConnectionIdRole).toULongLong(), 6ULL);
    QCOMPARE(fp.sibling(fp.row(), SessionsModel::TimeColumn).data(SessionsModel::SortRole),
             QVariant::fromValue<qlonglong>(7000));
    QVERIFY(!h.isValid());
    // Selection and current index follow session 6.
    QCOMPARE(selection.currentIndex().data(SessionsModel::KeyRole).toString(), u"#6"_s);
    QCOMPARE(selection.selectedRows().size(), 1);
    QCOMPARE(selection.selectedRows().first().data(SessionsModel::KeyRole).toString(), u"#6"_s);
    // Exactly one cell changed: session 6's time.
    QCOMPARE(changes(changed),
             (QList<QList<int>> {
                 { fp.row(), fp.row(), SessionsModel::TimeColumn, SessionsModel::TimeColumn } }));
    QCOMPARE(model.rowAt(model.rowOf(u"#12"_s)).user, u"batch"_s);
}

void TestSessionsModels::onlyChangedCells()
{
    SessionsModel model;
    model.setRows(tenSessions());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QList<SessionRow> next = tenSessions();
    next[4].timeMs += 1; // column 6
    next[4].memBytes = 4096; // column 8; state (7) unchanged
    next[4].observedAt = next[4].observedAt.addSecs(1); // not shown: no signal
    QCOMPARE(model.setRows(next), 1);
    QCOMPARE(
        changes(changed),
        (QList<QList<int>> { { 4, 4, SessionsModel::TimeColumn, SessionsModel::TimeColumn },
                             { 4, 4, SessionsModel::MemoryColumn, SessionsModel::MemoryColumn } }));
    // The hidden field moved on anyway.
    QCOMPARE(model.rowAt(4).observedAt, next[4].observedAt);

    // Same text, new QUERY_ID (MariaDB): a new statement, the statement cell repaints.
    changed.clear();
    next[4].queryId = 77;
    QCOMPARE(model.setRows(next), 1);
    QCOMPARE(changes(changed),
             (QList<QList<int>> {
                 { 4, 4, SessionsModel::StatementColumn, SessionsModel::StatementColumn } }));
}

void TestSessionsModels::consecutiveRowsShareOneSignal()
{
    SessionsModel model;
    model.setRows(tenSessions());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QList<SessionRow> next = tenSessions();
    for (int r : { 2, 3, 4, 7 })
        next[r].timeMs += 1000;
    next[8].state = u"Locked"_s;
    QCOMPARE(model.setRows(next), 5);
    QCOMPARE(
        changes(changed),
        (QList<QList<int>> { { 2, 4, SessionsModel::TimeColumn, SessionsModel::TimeColumn },
                             { 7, 7, SessionsModel::TimeColumn, SessionsModel::TimeColumn },
                             { 8, 8, SessionsModel::StateColumn, SessionsModel::StateColumn } }));
}

void TestSessionsModels::randomUpdatesUnderTester()
{
    SessionsModel model;
    SessionFilterModel filter;
    filter.setSourceModel(&model);
    filter.setHideSleeping(true);
    filter.sort(SessionsModel::TimeColumn, Qt::DescendingOrder);
    SessionDigestModel digests;
    QAbstractItemModelTester t1(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t2(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t3(&digests, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelAboutToBeReset);
    QRandomGenerator rng(42);
    QMap<quint64, SessionRow> live;
    quint64 nextId = 1;
    for (int tick = 0; tick < 40; ++tick) {
        // Some end, some start, some change.
        for (auto it = live.begin(); it != live.end();) {
            if (rng.bounded(10) == 0)
                it = live.erase(it);
            else {
                if (rng.bounded(3) == 0)
                    it->timeMs += 1000;
                if (rng.bounded(8) == 0) {
                    it->info = it->info.isEmpty() ? u"SELECT SLEEP(5)"_s : QString();
                    it->digest = it->info.isEmpty() ? QString() : u"sleep"_s;
                }
                ++it;
            }
        }
        for (int n = int(rng.bounded(6)); n > 0; --n) {
            const quint64 id = nextId++;
            live.insert(id,
                        session(id, rng.bounded(2) ? u"app"_s : u"etl"_s, 0,
                                rng.bounded(2) ? u"SELECT 1"_s : QString()));
        }
        QList<SessionRow> rows = live.values();
        std::shuffle(rows.begin(), rows.end(), rng);
        model.setRows(rows);
        digests.setRows(filter.filtered(rows));
        QCOMPARE(model.rowCount(), int(live.size()));
        for (int r = 0; r < model.rowCount(); ++r)
            QCOMPARE(model.rowAt(r).timeMs, live.value(model.rowAt(r).id).timeMs);
    }
    QCOMPARE(reset.count(), 0);
    // The proxy's order is the numeric one.
    for (int r = 1; r < filter.rowCount(); ++r)
        QVERIFY(filter.index(r - 1, SessionsModel::TimeColumn)
                    .data(SessionsModel::SortRole)
                    .toLongLong()
                >= filter.index(r, SessionsModel::TimeColumn)
                       .data(SessionsModel::SortRole)
                       .toLongLong());
}

void TestSessionsModels::rolesAndDisplay()
{
    SessionsModel model;
    SessionRow s = session(8306449708033769879ULL, u"app"_s, 125000,
                           u"SELECT *\n  FROM orders\n\tWHERE id = 1"_s, u"10.0.1.5:10080"_s);
    s.memBytes = 3 * 1024 * 1024;
    SessionRow idle = session(3);
    model.setRows({ s, idle });
    auto at = [&](int row, int col, int role = Qt::DisplayRole) {
        return model.index(row, col).data(role);
    };
    QCOMPARE(at(0, SessionsModel::IdColumn).toString(), u"8306449708033769879"_s);
    QCOMPARE(at(0, SessionsModel::IdColumn, SessionsModel::SortRole).toULongLong(),
             8306449708033769879ULL);
    QCOMPARE(at(0, SessionsModel::TimeColumn).toString(), u"2 min 05 s"_s);
    QCOMPARE(at(0, SessionsModel::TimeColumn, SessionsModel::SortRole).toLongLong(), 125000);
    QCOMPARE(at(0, SessionsModel::MemoryColumn).toString(), u"3 MiB"_s);
    QCOMPARE(at(0, SessionsModel::StatementColumn).toString(),
             u"SELECT * FROM orders WHERE id = 1"_s);
    QCOMPARE(at(0, SessionsModel::StatementColumn, SessionsModel::FullStatementRole).toString(),
             s.info);
    QCOMPARE(at(0, SessionsModel::StatementColumn, Qt::ToolTipRole).toString(), s.info);
    QCOMPARE(at(0, SessionsModel::InstanceColumn).toString(), u"10.0.1.5:10080"_s);
    QCOMPARE(at(0, 0, SessionsModel::KeyRole).toString(), u"10.0.1.5:10080#8306449708033769879"_s);
    const SessionRow back = at(0, 5, SessionsModel::SessionRole).value<SessionRow>();
    QCOMPARE(back.id, s.id);
    QCOMPARE(back.info, s.info);
    // Unknown memory: "-" on screen, invalid for sorting.
    QCOMPARE(at(1, SessionsModel::MemoryColumn).toString(), u"-"_s);
    QVERIFY(!at(1, SessionsModel::MemoryColumn, SessionsModel::SortRole).isValid());
    QCOMPARE(at(1, 0, SessionsModel::SleepingRole).toBool(), true);
    QCOMPARE(at(0, 0, SessionsModel::SleepingRole).toBool(), false);
    // Long statements are elided for the cell, never in the full-text role.
    SessionRow longOne = session(4, u"app"_s, 0, u"SELECT "_s + QString(500, u'x'));
    model.setRows({ longOne });
    const QString cell = at(0, SessionsModel::StatementColumn).toString();
    QCOMPARE(cell.size(), SessionsModel::kStatementDisplayChars);
    QVERIFY(cell.endsWith(u'\x2026'));
    QCOMPARE(
        at(0, SessionsModel::StatementColumn, SessionsModel::FullStatementRole).toString().size(),
        longOne.info.size());
    QCOMPARE(model.headerData(SessionsModel::TimeColumn, Qt::Horizontal).toString(), u"Time"_s);
}

void TestSessionsModels::instanceColumnRelevance()
{
    SessionsModel model;
    QSignalSpy relevant(&model, &SessionsModel::instanceColumnRelevantChanged);
    model.setRows(tenSessions());
    QVERIFY(!model.instanceColumnRelevant());
    QCOMPARE(relevant.count(), 0);
    model.setEngine(Engine::TiDB);
    QVERIFY(model.instanceColumnRelevant());
    QCOMPARE(relevant.count(), 1);
    model.setEngine(Engine::MariaDB);
    QVERIFY(!model.instanceColumnRelevant());
    // Rows with an instance make it relevant whatever the engine says.
    model.setRows({ session(1, u"a"_s, 0, u"SELECT 1"_s, u"10.0.1.4:10080"_s) });
    QVERIFY(model.instanceColumnRelevant());
    QCOMPARE(relevant.count(), 3);
}

void TestSessionsModels::resetRowsForAnotherEnvironment()
{
    SessionsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows(tenSessions());
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.resetRows({ session(1), session(1), session(2) }); // duplicate key dropped
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowOf(u"#2"_s), 1);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestSessionsModels::filters()
{
    SessionsModel model;
    SessionFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    SessionRow sys = session(1, u"system user"_s, 0, QString());
    sys.command = u"Daemon"_s;
    SessionRow idle = session(2, u"app"_s, 50000);
    SessionRow quick = session(3, u"app"_s, 200, u"SELECT * FROM customers"_s);
    quick.memBytes = 1000;
    SessionRow slow = session(4, u"etl"_s, 30000, u"UPDATE orders SET status = 'x'"_s);
    slow.memBytes = 50'000'000;
    slow.db = u"warehouse"_s;
    SessionRow unknownMem = session(5, u"APP"_s, 40000, u"SELECT SLEEP(30)"_s);
    model.setRows({ sys, idle, quick, slow, unknownMem });
    auto ids = [&] {
        QList<quint64> out;
        for (int r = 0; r < filter.rowCount(); ++r)
            out << filter.index(r, 0).data(SessionsModel::ConnectionIdRole).toULongLong();
        std::sort(out.begin(), out.end());
        return out;
    };
    QCOMPARE(ids(), (QList<quint64> { 1, 2, 3, 4, 5 }));
    filter.setHideSystem(true);
    QCOMPARE(ids(), (QList<quint64> { 2, 3, 4, 5 }));
    filter.setHideSleeping(true);
    QCOMPARE(ids(), (QList<quint64> { 3, 4, 5 }));
    filter.setUserFilter(u"app"_s); // case-insensitive, exact
    QCOMPARE(ids(), (QList<quint64> { 3, 5 }));
    filter.setUserFilter({});
    filter.setDbFilter(u"WAREHOUSE"_s);
    QCOMPARE(ids(), (QList<quint64> { 4 }));
    filter.setDbFilter({});
    filter.setCommandFilter(u"query"_s);
    QCOMPARE(ids(), (QList<quint64> { 3, 4, 5 }));
    filter.setCommandFilter({});
    filter.setMinimumTimeMs(30000);
    QCOMPARE(ids(), (QList<quint64> { 4, 5 }));
    filter.setMinimumTimeMs(0);
    filter.setMinimumMemoryBytes(500); // unknown memory fails a memory minimum
    QCOMPARE(ids(), (QList<quint64> { 3, 4 }));
    filter.setMinimumMemoryBytes(0);
    filter.setFilterText(u"orders etl"_s); // every word, in statement / user / host
    QCOMPARE(ids(), (QList<quint64> { 4 }));
    filter.setFilterText(u"10.0.0.9:40003"_s);
    QCOMPARE(ids(), (QList<quint64> { 3 }));
    filter.setFilterText({});
    QCOMPARE(ids(), (QList<quint64> { 3, 4, 5 }));
    // The same decision without a model.
    QCOMPARE(filter.filtered({ sys, idle, quick, slow, unknownMem }).size(), 3);
    QVERIFY(!filter.accepts(idle));
    QVERIFY(filter.accepts(slow));
}

void TestSessionsModels::ownConnectionsHidden()
{
    SessionsModel model;
    SessionFilterModel filter;
    filter.setSourceModel(&model);
    model.setRows(tenSessions());
    QCOMPARE(filter.rowCount(), 10);
    filter.setOwnConnectionIds({ 4, 7 });
    QCOMPARE(filter.rowCount(), 8);
    for (int r = 0; r < filter.rowCount(); ++r) {
        const quint64 id = filter.index(r, 0).data(SessionsModel::ConnectionIdRole).toULongLong();
        QVERIFY(id != 4 && id != 7);
    }
    QVERIFY(!filter.accepts(session(4, u"app"_s, 0, u"SELECT 1"_s)));
}

void TestSessionsModels::numericSortUnknownLast()
{
    SessionsModel model;
    SessionFilterModel filter;
    filter.setSourceModel(&model);
    SessionRow a = session(9, u"a"_s, 9000, u"SELECT 1"_s);
    SessionRow b = session(10, u"b"_s, 100000, u"SELECT 1"_s);
    SessionRow c = session(100, u"c"_s, 20000, u"SELECT 1"_s);
    a.memBytes = 10;
    c.memBytes = 900;
    model.setRows({ c, a, b });
    auto column = [&](int col) {
        QStringList out;
        for (int r = 0; r < filter.rowCount(); ++r)
            out << filter.index(r, col).data().toString();
        return out;
    };
    filter.sort(SessionsModel::IdColumn, Qt::AscendingOrder);
    QCOMPARE(column(SessionsModel::IdColumn), (QStringList { u"9"_s, u"10"_s, u"100"_s }));
    filter.sort(SessionsModel::TimeColumn, Qt::DescendingOrder);
    QCOMPARE(column(SessionsModel::IdColumn), (QStringList { u"10"_s, u"100"_s, u"9"_s }));
    // b's memory is unknown: last in both directions.
    filter.sort(SessionsModel::MemoryColumn, Qt::AscendingOrder);
    QCOMPARE(column(SessionsModel::IdColumn), (QStringList { u"9"_s, u"100"_s, u"10"_s }));
    filter.sort(SessionsModel::MemoryColumn, Qt::DescendingOrder);
    QCOMPARE(column(SessionsModel::IdColumn), (QStringList { u"100"_s, u"9"_s, u"10"_s }));
}

void TestSessionsModels::proxySurvivesUpdates()
{
    SessionsModel model;
    SessionFilterModel filter;
    filter.setSourceModel(&model);
    filter.sort(SessionsModel::IdColumn, Qt::AscendingOrder);
    model.setRows(tenSessions());
    QItemSelectionModel selection(&filter);
    const QModelIndex seven = filter.index(6, 0);
    QCOMPARE(seven.data(SessionsModel::KeyRole).toString(), u"#7"_s);
    selection.setCurrentIndex(seven, QItemSelectionModel::ClearAndSelect);
    QList<SessionRow> next = tenSessions();
    next.removeAt(0);
    for (SessionRow &s : next)
        s.timeMs += 1000;
    model.setRows(next);
    QCOMPARE(selection.currentIndex().data(SessionsModel::KeyRole).toString(), u"#7"_s);
    QCOMPARE(selection.currentIndex().row(), 5);
}

void TestSessionsModels::digestGrouping()
{
    SessionRow a1 = session(1, u"app"_s, 5000, u"SELECT * FROM orders WHERE id = 1"_s);
    SessionRow a2 = session(2, u"etl"_s, 9000, u"SELECT * FROM orders WHERE id = 2"_s);
    SessionRow a3 = session(3, u"app"_s, 1000, u"SELECT * FROM orders WHERE id = 3"_s);
    for (SessionRow *s : { &a1, &a2, &a3 })
        s->digest = u"orders-by-id"_s;
    a1.memBytes = 100;
    a2.memBytes = 300;
    SessionRow b = session(4, u"app"_s, 2000, u"UPDATE stock SET n = n - 1"_s);
    const QList<SessionDigestModel::Group> groups
        = SessionDigestModel::group({ a1, session(9), a2, b, a3 });
    QCOMPARE(groups.size(), 2); // the idle session has no digest
    const SessionDigestModel::Group &g = groups.first();
    QCOMPARE(g.digest, u"orders-by-id"_s);
    QCOMPARE(g.count, 3);
    QCOMPARE(g.totalTimeMs, 15000);
    QCOMPARE(g.maxTimeMs, 9000);
    QCOMPARE(g.totalMemBytes, std::optional<qint64>(400));
    QCOMPARE(g.maxMemBytes, std::optional<qint64>(300));
    QCOMPARE(g.users, (QStringList { u"app"_s, u"etl"_s }));
    QCOMPARE(g.sample, a2.info); // the longest-running one
    QCOMPARE(g.connectionIds, (QList<quint64> { 1, 2, 3 }));
    QCOMPARE(groups.at(1).count, 1);
    QVERIFY(!groups.at(1).totalMemBytes.has_value());

    SessionDigestModel model;
    model.setRows({ a1, a2, b, a3 });
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, SessionDigestModel::CountColumn).data().toString(), u"3"_s);
    QCOMPARE(model.index(0, SessionDigestModel::UsersColumn).data().toString(), u"app, etl"_s);
    QCOMPARE(model.index(0, SessionDigestModel::MaxTimeColumn)
                 .data(SessionDigestModel::SortRole)
                 .toLongLong(),
             9000);
    QCOMPARE(model.index(1, SessionDigestModel::TotalMemoryColumn).data().toString(), u"-"_s);
    QCOMPARE(model.index(0, 0).data(SessionDigestModel::ConnectionIdsRole).toList().size(), 3);
}

void TestSessionsModels::digestDiffUpdates()
{
    SessionDigestModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    SessionRow x1 = session(1, u"app"_s, 1000, u"SELECT x"_s);
    SessionRow x2 = session(2, u"app"_s, 1000, u"SELECT x"_s);
    SessionRow y = session(3, u"app"_s, 1000, u"UPDATE y"_s);
    SessionRow z = session(4, u"app"_s, 1000, u"DELETE z"_s);
    model.setRows({ x1, x2, y, z });
    QCOMPARE(model.rowCount(), 3);
    const QPersistentModelIndex zp(model.index(model.rowOf(z.digest), 0));
    QSignalSpy reset(&model, &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    // y ends, x2 ends (x's count drops), z runs on unchanged, w starts.
    SessionRow w = session(5, u"etl"_s, 0, u"INSERT w"_s);
    QCOMPARE(model.setRows({ z, w, x1 }), 1);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(zp.isValid());
    QCOMPARE(zp.data(SessionDigestModel::DigestRole).toString(), z.digest);
    // x: count and total time changed (adjacent columns: one signal); z: nothing.
    QCOMPARE(changes(changed),
             (QList<QList<int>> {
                 { 0, 0, SessionDigestModel::CountColumn, SessionDigestModel::TotalTimeColumn } }));
}

void TestSessionsModels::formats()
{
    QCOMPARE(SessionFormat::duration(850), u"850 ms"_s);
    QCOMPARE(SessionFormat::duration(42000), u"42 s"_s);
    QCOMPARE(SessionFormat::duration(185000), u"3 min 05 s"_s);
    QCOMPARE(SessionFormat::duration(7380000), u"2 h 03 min"_s);
    QCOMPARE(SessionFormat::duration(-5), u"0 ms"_s);
    QCOMPARE(SessionFormat::bytes(std::nullopt), u"-"_s);
    QCOMPARE(SessionFormat::oneLine(u"  SELECT\n\t1 ,\r\n 2  "_s), u"SELECT 1 , 2"_s);
    QCOMPARE(SessionFormat::oneLine(u"abcdefghij"_s, 5), u"abcd\x2026"_s);
    QCOMPARE(SessionFormat::oneLine(u"abcde"_s, 5), u"abcde"_s);
    QVERIFY(SessionFormat::oneLine({}).isEmpty());
}

QTEST_GUILESS_MAIN(TestSessionsModels)
#include "tst_sessionsmodels.moc"
