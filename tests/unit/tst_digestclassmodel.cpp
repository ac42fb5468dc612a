// DigestClassModel under QAbstractItemModelTester: columns, display text, raw values for sorting
// (through a QSortFilterProxyModel), roles with the unabridged sample / plan, reset on a new
// snapshot, empty model.
#include "models/DigestClassModel.h"
#include "slowsql/DigestAggregator.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace TiDesk;
using namespace Qt::StringLiterals;

class TestDigestClassModel : public QObject
{
    Q_OBJECT

private slots:
    // Numbers follow the locale (grouping, decimal mark): fixed to en_US here, de_DE once below.
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void modelContract();
    void displayAndRoles();
    void sortsNumbersAsNumbers();
};

namespace {

QList<DigestClass> sampleClasses()
{
    DigestAggregator agg;
    const auto add = [&](const QString &sql, double sec, qint64 examined, qint64 mem) {
        SlowLogEntry e;
        e.sql = sql;
        e.queryTimeSec = sec;
        e.rowsExamined = examined;
        if (mem >= 0)
            e.memMaxBytes = mem;
        e.time = QDateTime(QDate(2026, 11, 30), QTime(8, int(sec) % 60), Qt::UTC);
        e.db = u"shop"_s;
        e.user = u"app"_s;
        e.plan = mem >= 0 ? u"\tPoint_Get_1\troot"_s : QString();
        agg.add(e);
    };
    add(u"SELECT *\n  FROM orders WHERE id = 1;"_s, 2.5, 10, 2 * 1024 * 1024);
    add(u"SELECT * FROM orders WHERE id = 2;"_s, 0.5, 5, 512);
    add(u"UPDATE stock SET n = n - 1 WHERE sku = 'x';"_s, 9.0, 100000, -1);
    add(u"DELETE FROM carts WHERE id = 7;"_s, 0.2, 3, -1);
    return agg.classes();
}

} // namespace

void TestDigestClassModel::modelContract()
{
    DigestClassModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(DigestClassModel::ColumnCount));
    model.setClasses(sampleClasses());
    QCOMPARE(model.rowCount(), 3);
    model.setClasses({});
    QCOMPARE(model.rowCount(), 0);
    model.setClasses(sampleClasses());
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSortRole(DigestClassModel::SortRole);
    proxy.sort(DigestClassModel::CountColumn, Qt::DescendingOrder);
    QCOMPARE(proxy.rowCount(), 3);
}

void TestDigestClassModel::displayAndRoles()
{
    DigestClassModel model;
    model.setClasses(sampleClasses());
    const auto cell = [&](int row, int col, int role = Qt::DisplayRole) {
        return model.data(model.index(row, col), role);
    };
    // Row 0: the UPDATE (9 s total), row 1: the two SELECTs (3 s), row 2: the DELETE.
    QCOMPARE(cell(0, DigestClassModel::TotalColumn).toString(), u"9.000"_s);
    QCOMPARE(cell(1, DigestClassModel::CountColumn).toString(), u"2"_s);
    QCOMPARE(cell(1, DigestClassModel::AvgColumn).toString(), u"1.500"_s);
    QCOMPARE(cell(1, DigestClassModel::MaxColumn).toString(), u"2.500"_s);
    QCOMPARE(cell(1, DigestClassModel::RowsExaminedColumn).toString(), u"15"_s);
    QCOMPARE(cell(1, DigestClassModel::MaxMemColumn).toString(), u"2.0 MiB"_s);
    QCOMPARE(cell(0, DigestClassModel::MaxMemColumn).toString(), QString()); // unknown
    QCOMPARE(cell(1, DigestClassModel::FirstSeenColumn).toString(), u"2026-11-30 08:00:00"_s);
    QCOMPARE(cell(1, DigestClassModel::NormalizedColumn).toString(),
             u"select * from `orders` where `id` = ?"_s);
    QCOMPARE(cell(1, DigestClassModel::DigestColumn).toString().size(), 16);
    QCOMPARE(cell(1, 0, DigestClassModel::DigestRole).toString().size(), 64);
    QCOMPARE(cell(1, 0, DigestClassModel::SampleRole).toString(),
             u"SELECT *\n  FROM orders WHERE id = 1;"_s); // the slowest, unabridged
    QCOMPARE(cell(1, DigestClassModel::NormalizedColumn, Qt::ToolTipRole).toString(),
             u"SELECT *\n  FROM orders WHERE id = 1;"_s);
    QCOMPARE(cell(1, 0, DigestClassModel::PlanRole).toString(), u"\tPoint_Get_1\troot"_s);
    QCOMPARE(cell(1, 0, DigestClassModel::DigestSourceRole).toString(), u"console"_s);
    QCOMPARE(cell(0, DigestClassModel::TotalColumn, DigestClassModel::SortRole).toDouble(), 9.0);
    QVERIFY(!model.headerData(DigestClassModel::TotalColumn, Qt::Horizontal).toString().isEmpty());
    QVERIFY(model.roleNames().contains(DigestClassModel::SampleRole));
    QCOMPARE(DigestClassModel::bytes(512), u"512 B"_s);
    QCOMPARE(DigestClassModel::seconds(1234.4), u"1,234"_s);
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    QCOMPARE(DigestClassModel::seconds(1234.4), u"1.234"_s);
    QCOMPARE(DigestClassModel::seconds(1.5), u"1,500"_s);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestDigestClassModel::sortsNumbersAsNumbers()
{
    DigestClassModel model;
    model.setClasses(sampleClasses());
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(DigestClassModel::SortRole);
    // Rows examined 100000 / 15 / 3: as text "100000" < "15"; as numbers it is the largest.
    proxy.sort(DigestClassModel::RowsExaminedColumn, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, DigestClassModel::RowsExaminedColumn).data().toString(), u"100,000"_s);
    QCOMPARE(proxy.index(2, DigestClassModel::RowsExaminedColumn).data().toString(), u"3"_s);
}

QTEST_GUILESS_MAIN(TestDigestClassModel)
#include "tst_digestclassmodel.moc"
