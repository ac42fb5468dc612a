// Tests InventoryModel: sort order (prod first), roles, and diff updates that keep
// persistent indexes (selection identity) - all under QAbstractItemModelTester.
#include "inventory/InventoryModel.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QPersistentModelIndex>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TiDesk;

namespace {

Environment env(const QString &name, Tier tier, const QUuid &id = QUuid::createUuid())
{
    Environment e;
    e.id = id;
    e.name = name;
    e.tier = tier;
    e.user = u"u"_s;
    e.endpoints = { { u"h"_s, 4000, {} } };
    return e;
}

QStringList names(const InventoryModel &m)
{
    QStringList out;
    for (int i = 0; i < m.rowCount(); ++i)
        out << m.index(i).data().toString();
    return out;
}

} // namespace

class TestInventoryModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void sortAndRoles()
    {
        InventoryModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Environment custom = env(u"dr"_s, Tier::Custom);
        custom.customTierName = u"disaster"_s;
        custom.tags = { u"x"_s, u"y"_s };
        custom.engine = EngineOverride::MySQL;
        custom.color = u"#010203"_s;
        m.setEnvironments({ env(u"dev-b"_s, Tier::Dev), env(u"Dev-a"_s, Tier::Dev), custom,
                            env(u"prod2"_s, Tier::Prod), env(u"prod1"_s, Tier::Prod),
                            env(u"uat"_s, Tier::Uat), env(u"test"_s, Tier::Test) });
        QCOMPARE(names(m),
                 (QStringList { u"prod1"_s, u"prod2"_s, u"uat"_s, u"test"_s, u"Dev-a"_s, u"dev-b"_s,
                                u"dr"_s }));

        const QModelIndex p = m.index(0);
        QCOMPARE(p.data(InventoryModel::IsProductionRole).toBool(), true);
        QCOMPARE(p.data(InventoryModel::TierNameRole).toString(), u"prod"_s);
        QCOMPARE(p.data(InventoryModel::ColorRole).toString(),
                 Environment::defaultColor(Tier::Prod));
        QCOMPARE(p.data(InventoryModel::TierRole).toInt(), int(Tier::Prod));
        QCOMPARE(p.data(InventoryModel::EndpointsRole).toString(), u"h:4000"_s);
        const QModelIndex c = m.index(6);
        QCOMPARE(c.data(InventoryModel::NameRole).toString(), u"dr"_s);
        QCOMPARE(c.data(InventoryModel::IsProductionRole).toBool(), false);
        QCOMPARE(c.data(InventoryModel::TierNameRole).toString(), u"disaster"_s);
        QCOMPARE(c.data(InventoryModel::ColorRole).toString(), u"#010203"_s);
        QCOMPARE(c.data(InventoryModel::TagsRole).toStringList(), (QStringList { u"x"_s, u"y"_s }));
        QCOMPARE(c.data(InventoryModel::EngineRole).toString(), u"mysql"_s);
        QCOMPARE(c.data(InventoryModel::IdRole).toUuid(), custom.id);
        QCOMPARE(c.data(InventoryModel::EnvironmentRole).value<Environment>(), custom);
        QCOMPARE(m.rowOf(custom.id), 6);
        QCOMPARE(m.indexOf(custom.id), c);
        QVERIFY(!m.indexOf(QUuid::createUuid()).isValid());
        QVERIFY(m.roleNames().value(InventoryModel::IsProductionRole) == "isProduction");
    }

    void diffKeepsIdentity()
    {
        InventoryModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Environment a = env(u"a"_s, Tier::Dev);
        Environment b = env(u"b"_s, Tier::Dev);
        Environment c = env(u"c"_s, Tier::Dev);
        Environment d = env(u"d"_s, Tier::Dev);
        m.setEnvironments({ a, b, c, d });
        QPersistentModelIndex selected(m.index(2)); // "c"
        QCOMPARE(selected.data().toString(), u"c"_s);

        QSignalSpy resets(&m, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&m, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&m, &QAbstractItemModel::rowsRemoved);
        QSignalSpy moved(&m, &QAbstractItemModel::rowsMoved);

        // Same list again: nothing happens.
        m.setEnvironments({ d, c, b, a });
        QCOMPARE(changed.size() + inserted.size() + removed.size() + moved.size(), 0);

        // Remove b, add e, edit c's notes: c stays selected and is reported changed.
        c.notes = u"edited"_s;
        Environment e = env(u"e"_s, Tier::Dev);
        m.setEnvironments({ a, c, d, e });
        QCOMPARE(names(m), (QStringList { u"a"_s, u"c"_s, u"d"_s, u"e"_s }));
        QVERIFY(selected.isValid());
        QCOMPARE(selected.data().toString(), u"c"_s);
        QCOMPARE(selected.row(), 1);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(changed.size(), 1);

        // c becomes production: it moves to the top and keeps its identity.
        c.tier = Tier::Prod;
        m.setEnvironments({ a, c, d, e });
        QCOMPARE(names(m), (QStringList { u"c"_s, u"a"_s, u"d"_s, u"e"_s }));
        QCOMPARE(selected.row(), 0);
        QCOMPARE(selected.data(InventoryModel::IsProductionRole).toBool(), true);
        QCOMPARE(moved.size(), 1);

        // Renamed: moves within its tier.
        a.name = u"z"_s;
        m.setEnvironments({ a, c, d, e });
        QCOMPARE(names(m), (QStringList { u"c"_s, u"d"_s, u"e"_s, u"z"_s }));

        // Remove the selected row: the persistent index becomes invalid, no reset.
        m.setEnvironments({ a, d, e });
        QVERIFY(!selected.isValid());
        m.setEnvironments({});
        QCOMPARE(m.rowCount(), 0);
        QCOMPARE(resets.size(), 0);
    }

    void duplicatesAndNullIdsDropped()
    {
        InventoryModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const Environment a = env(u"a"_s, Tier::Dev);
        Environment noId = env(u"n"_s, Tier::Dev);
        noId.id = QUuid();
        m.setEnvironments({ a, a, noId });
        QCOMPARE(m.rowCount(), 1);
    }

    // Random sequences of edits under the tester; the model always equals the sorted target.
    void randomUpdates()
    {
        InventoryModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QRandomGenerator rng(1234);
        EnvironmentList pool;
        for (int i = 0; i < 40; ++i)
            pool << env(u"env%1"_s.arg(i), Tier(rng.bounded(5)));
        for (int round = 0; round < 200; ++round) {
            EnvironmentList target;
            for (Environment &e : pool) {
                if (rng.bounded(4) == 0)
                    e.tier = Tier(rng.bounded(5));
                if (rng.bounded(6) == 0)
                    e.name = u"env%1"_s.arg(rng.bounded(1000));
                if (rng.bounded(3) != 0)
                    target << e;
            }
            m.setEnvironments(target);
            std::sort(target.begin(), target.end(), &Environment::sortsBefore);
            QCOMPARE(m.environments(), target);
        }
    }

    void bigRefreshFigure()
    {
        InventoryModel m;
        EnvironmentList list;
        for (int i = 0; i < 1000; ++i)
            list << env(u"env%1"_s.arg(i), Tier(i % 5));
        QElapsedTimer t;
        t.start();
        m.setEnvironments(list);
        const qint64 firstMs = t.elapsed();
        std::reverse(list.begin(), list.end());
        list.removeAt(500);
        list[10].notes = u"changed"_s;
        t.restart();
        m.setEnvironments(list);
        qInfo("1000 environments: first fill %lld ms, refresh with 1 removal + 1 change %lld ms",
              firstMs, t.elapsed());
        QCOMPARE(m.rowCount(), 999);
    }
};

QTEST_GUILESS_MAIN(TestInventoryModel)
#include "tst_inventorymodel.moc"
