// FleetModel and FleetFilterModel on hand-made FleetSample values: rows follow the inventory
// (never a reset after the first population), setSample changes only its row, the severity order
// (worst first, tier then name breaking ties), column sorts on raw values with unknown values
// last, tier/tag/text filters, the display formats and the alert counts - under
// QAbstractItemModelTester.
#include "inventory/InventoryModel.h"
#include "models/FleetFilterModel.h"
#include "models/FleetModel.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace TiDesk;

namespace {
const QString kDash = u"\u2014"_s;

Environment env(const QString &name, Tier tier, const QStringList &tags = {},
                const QString &host = u"10.0.0.1"_s)
{
    Environment e;
    e.id = QUuid::createUuid();
    e.name = name;
    e.tier = tier;
    e.tags = tags;
    e.user = u"u"_s;
    e.endpoints = { { host, 4000, {} } };
    return e;
}

FleetSample sample(const Environment &e, FleetSample::State state,
                   const QMap<AlertLevel, int> &alerts = {})
{
    FleetSample s;
    s.environmentId = e.id;
    s.name = e.name;
    s.state = state;
    s.alertCounts = alerts;
    s.sampledAt = QDateTime::currentDateTimeUtc();
    if (s.reachable()) {
        s.engine = EngineInfo::parse(u"10.11.6-MariaDB"_s);
        s.uptimeSeconds = 3600;
        s.connections = 12;
        s.qps = 100;
    } else {
        s.lastError = Error::make(ErrorKind::Connection,
                                  u"Can't connect to MySQL server on '10.0.0.1' (111)"_s);
        s.lastErrorAt = s.sampledAt;
    }
    return s;
}

Tier tierNamed(const QString &name)
{
    bool ok = false;
    const Tier t = Environment::tierFromName(name, &ok);
    return ok ? t : Tier::Custom;
}

FleetSample::State stateNamed(const QString &name)
{
    if (name == u"down")
        return FleetSample::State::Down;
    if (name == u"degraded")
        return FleetSample::State::Degraded;
    if (name == u"ok")
        return FleetSample::State::Ok;
    return FleetSample::State::Unknown;
}

QStringList namesInOrder(const QAbstractItemModel &m)
{
    QStringList names;
    for (int r = 0; r < m.rowCount(); ++r)
        names << m.index(r, FleetModel::NameColumn).data().toString();
    return names;
}

QString cell(const FleetModel &m, const QUuid &id, int column, int role = Qt::DisplayRole)
{
    return m.index(m.rowOf(id), column).data(role).toString();
}
} // namespace

class TestFleetModel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void backupColumn()
    {
        InventoryModel inventory;
        const Environment a = env(u"alpha"_s, Tier::Dev);
        const Environment b = env(u"bravo"_s, Tier::Prod);
        const Environment c = env(u"charlie"_s, Tier::Test);
        inventory.setEnvironments({ a, b, c });
        FleetModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setInventory(&inventory);
        QCOMPARE(cell(model, a.id, FleetModel::BackupColumn), u"\u2014"_s); // not read yet
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        BackupHealth fresh;
        fresh.envName = u"alpha"_s;
        fresh.level = BackupHealth::Level::Ok;
        fresh.lastGoodAgeSeconds = 3 * 3600;
        BackupJob good;
        good.id = u"j1"_s;
        fresh.lastGood = good;
        BackupHealth none;
        none.envName = u"bravo"_s;
        model.setBackupHealth({ { u"alpha"_s, fresh }, { u"bravo"_s, none } });
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).value<QModelIndex>().column(),
                 int(FleetModel::BackupColumn));
        QCOMPARE(cell(model, a.id, FleetModel::BackupColumn), u"3 h"_s);
        QCOMPARE(cell(model, a.id, FleetModel::BackupColumn, Qt::ToolTipRole),
                 u"Last good backup 3 h ago"_s);
        QCOMPARE(cell(model, b.id, FleetModel::BackupColumn), u"none"_s);
        QCOMPARE(model.index(model.rowOf(b.id), FleetModel::BackupColumn)
                     .data(FleetModel::BackupLevelRole)
                     .toInt(),
                 int(BackupHealth::Level::Critical));
        // Sorting by backup: none is the oldest.
        QVERIFY(model.index(model.rowOf(b.id), FleetModel::BackupColumn)
                    .data(FleetModel::SortRole)
                    .toLongLong()
                > model.index(model.rowOf(a.id), FleetModel::BackupColumn)
                      .data(FleetModel::SortRole)
                      .toLongLong());
        QVERIFY(!model.index(model.rowOf(c.id), FleetModel::BackupColumn)
                     .data(FleetModel::SortRole)
                     .isValid());
    }

    void rowsFollowTheInventory()
    {
        InventoryModel inventory;
        const Environment a = env(u"alpha"_s, Tier::Dev);
        const Environment b = env(u"bravo"_s, Tier::Prod);
        const Environment c = env(u"charlie"_s, Tier::Test);
        inventory.setEnvironments({ a, b, c });

        FleetModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setInventory(&inventory);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(FleetModel::ColumnCount));
        // Same order as the inventory: prod, test, dev.
        QCOMPARE(namesInOrder(model), (QStringList { u"bravo"_s, u"charlie"_s, u"alpha"_s }));
        QCOMPARE(model.index(0, FleetModel::TierColumn).data().toString(), u"prod"_s);
        QCOMPARE(model.index(0, 0).data(InventoryModel::IdRole).toUuid(), b.id);

        QVERIFY(model.setSample(sample(a, FleetSample::State::Ok)));
        QVERIFY(model.setSample(sample(c, FleetSample::State::Down)));

        QSignalSpy resets(&model, &QAbstractItemModel::modelAboutToBeReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy summary(&model, &FleetModel::summaryChanged);

        // Add one, remove one, rename one (which moves it): samples stay with their ids.
        const Environment d = env(u"delta"_s, Tier::Uat);
        Environment a2 = a;
        a2.name = u"aardvark"_s;
        a2.tier = Tier::Prod;
        inventory.setEnvironments({ a2, b, d });
        QCOMPARE(resets.size(), 0);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(removed.size(), 1);
        QVERIFY(summary.size() >= 2);
        QCOMPARE(namesInOrder(model), (QStringList { u"aardvark"_s, u"bravo"_s, u"delta"_s }));
        QVERIFY(model.hasSample(a.id));
        QCOMPARE(cell(model, a.id, FleetModel::StateColumn), u"OK"_s);
        QCOMPARE(cell(model, a.id, FleetModel::TierColumn), u"prod"_s);
        QVERIFY(!model.hasSample(c.id)); // removed with its row
        QCOMPARE(cell(model, d.id, FleetModel::StateColumn), u"Unknown"_s);
        QVERIFY(!model.index(model.rowOf(d.id), 0).data(FleetModel::SampleRole).isValid());

        // A sample for an environment that is not (or no longer) in the inventory is dropped.
        QVERIFY(!model.setSample(sample(c, FleetSample::State::Ok)));
        QVERIFY(!model.hasSample(c.id));

        // The inventory going away empties the model.
        model.setInventory(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }

    void setSampleChangesOnlyItsRow()
    {
        InventoryModel inventory;
        const Environment a = env(u"a"_s, Tier::Prod);
        const Environment b = env(u"b"_s, Tier::Uat);
        const Environment c = env(u"c"_s, Tier::Dev);
        inventory.setEnvironments({ a, b, c });
        FleetModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setInventory(&inventory);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy resets(&model, &QAbstractItemModel::modelAboutToBeReset);
        QSignalSpy layouts(&model, &QAbstractItemModel::layoutAboutToBeChanged);
        QVERIFY(model.setSample(sample(b, FleetSample::State::Ok)));
        QCOMPARE(changed.size(), 1);
        const auto topLeft = changed.at(0).at(0).value<QModelIndex>();
        const auto bottomRight = changed.at(0).at(1).value<QModelIndex>();
        QCOMPARE(topLeft.row(), model.rowOf(b.id));
        QCOMPARE(bottomRight.row(), model.rowOf(b.id));
        QCOMPARE(topLeft.column(), 0);
        QCOMPARE(bottomRight.column(), FleetModel::ColumnCount - 1);
        QCOMPARE(resets.size(), 0);
        QCOMPARE(layouts.size(), 0);
        QCOMPARE(cell(model, b.id, FleetModel::StateColumn), u"OK"_s);
        QCOMPARE(cell(model, a.id, FleetModel::StateColumn), u"Unknown"_s);

        // A batch: one dataChanged per row it carries, nothing for the others.
        changed.clear();
        model.setSamples(
            { sample(a, FleetSample::State::Down), sample(c, FleetSample::State::Ok) });
        QCOMPARE(changed.size(), 2);
        QSet<int> rows;
        for (const QList<QVariant> &args : std::as_const(changed))
            rows << args.at(0).value<QModelIndex>().row();
        QCOMPARE(rows, (QSet<int> { model.rowOf(a.id), model.rowOf(c.id) }));
        QCOMPARE(resets.size(), 0);
    }

    void severityOrder_data()
    {
        // Each row: "name tier state [alerts]"; alerts like "c1w2" = 1 critical, 2 warnings,
        // "e1" = 1 emergency, "i3" = 3 info.
        QTest::addColumn<QStringList>("rows");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("down before ok")
            << QStringList { u"a prod ok"_s, u"b dev down"_s } << QStringList { u"b"_s, u"a"_s };
        QTest::newRow("degraded before warning before ok")
            << QStringList { u"ok1 prod ok"_s, u"warn uat ok w1"_s, u"deg dev degraded"_s }
            << QStringList { u"deg"_s, u"warn"_s, u"ok1"_s };
        QTest::newRow("a critical alert counts as critical even if the state says ok")
            << QStringList { u"w prod ok w5"_s, u"c dev ok c1"_s, u"e test ok e1"_s }
            << QStringList { u"e"_s, u"c"_s, u"w"_s };
        QTest::newRow("info alerts do not make it sick")
            << QStringList { u"info prod ok i3"_s, u"warn dev ok w1"_s }
            << QStringList { u"warn"_s, u"info"_s };
        QTest::newRow("unknown last, even prod")
            << QStringList { u"never prod unknown"_s, u"fine dev ok"_s }
            << QStringList { u"fine"_s, u"never"_s };
        QTest::newRow("same severity: prod, uat, test, dev, custom")
            << QStringList { u"d dev down"_s, u"x custom down"_s, u"t test down"_s, u"u uat down"_s,
                             u"p prod down"_s }
            << QStringList { u"p"_s, u"u"_s, u"t"_s, u"d"_s, u"x"_s };
        QTest::newRow("same severity and tier: by name")
            << QStringList { u"Zeta prod ok"_s, u"alpha prod ok"_s, u"Beta prod ok"_s }
            << QStringList { u"alpha"_s, u"Beta"_s, u"Zeta"_s };
        QTest::newRow("a fleet") << QStringList {
            u"dev1 dev ok"_s,       u"prod-east prod ok w1"_s, u"prod-west prod down"_s,
            u"uat1 uat degraded"_s, u"test1 test down"_s,      u"prod-new prod unknown"_s,
            u"dev2 dev ok c2"_s,    u"uat2 uat ok"_s
        } << QStringList { u"prod-west"_s, u"test1"_s, u"uat1"_s, u"dev2"_s,
                           u"prod-east"_s, u"uat2"_s,  u"dev1"_s, u"prod-new"_s };
    }

    void severityOrder()
    {
        QFETCH(QStringList, rows);
        QFETCH(QStringList, expected);
        InventoryModel inventory;
        EnvironmentList envs;
        FleetSampleList samples;
        for (const QString &spec : rows) {
            const QStringList f = spec.split(u' ');
            Environment e = env(f.at(0), tierNamed(f.at(1)));
            if (e.tier == Tier::Custom)
                e.customTierName = u"lab"_s;
            envs << e;
            QMap<AlertLevel, int> alerts;
            const QString a = f.size() > 3 ? f.at(3) : QString();
            for (int i = 0; i + 1 < a.size(); i += 2) {
                const AlertLevel level = a.at(i) == u'e' ? AlertLevel::Emergency
                    : a.at(i) == u'c'                    ? AlertLevel::Critical
                    : a.at(i) == u'w'                    ? AlertLevel::Warning
                                                         : AlertLevel::Info;
                alerts[level] = a.mid(i + 1, 1).toInt();
            }
            if (stateNamed(f.at(2)) != FleetSample::State::Unknown)
                samples << sample(e, stateNamed(f.at(2)), alerts);
        }
        inventory.setEnvironments(envs);
        FleetModel model;
        model.setInventory(&inventory);
        FleetFilterModel proxy;
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        // Samples arrive after the proxy sorted: the dynamic sort must follow them.
        model.setSamples(samples);
        QCOMPARE(namesInOrder(proxy), expected);
        QCOMPARE(proxy.sortColumn(), int(FleetModel::StateColumn));
    }

    void sortsTheQpsColumnByValueUnknownLast()
    {
        InventoryModel inventory;
        const Environment busy = env(u"busy"_s, Tier::Dev);
        const Environment idle = env(u"idle"_s, Tier::Dev);
        const Environment dead = env(u"dead"_s, Tier::Prod);
        const Environment mid = env(u"mid"_s, Tier::Test);
        inventory.setEnvironments({ busy, idle, dead, mid });
        FleetModel model;
        model.setInventory(&inventory);
        FleetFilterModel proxy;
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        FleetSample s = sample(busy, FleetSample::State::Ok);
        s.qps = 9000; // 9,000 sorts above 900 as a number (not as text)
        s.uptimeSeconds = 10;
        model.setSample(s);
        s = sample(idle, FleetSample::State::Ok);
        s.qps = 0.5;
        s.uptimeSeconds = 999999;
        model.setSample(s);
        s = sample(mid, FleetSample::State::Ok);
        s.qps = 900;
        s.uptimeSeconds = 5000;
        model.setSample(s);
        s = sample(dead, FleetSample::State::Down);
        s.qps = 123; // stale: not shown nor sorted for a down server
        s.uptimeSeconds = 1;
        model.setSample(s);

        proxy.sort(FleetModel::QpsColumn, Qt::AscendingOrder);
        QCOMPARE(namesInOrder(proxy), (QStringList { u"idle"_s, u"mid"_s, u"busy"_s, u"dead"_s }));
        proxy.sort(FleetModel::QpsColumn, Qt::DescendingOrder);
        QCOMPARE(namesInOrder(proxy), (QStringList { u"busy"_s, u"mid"_s, u"idle"_s, u"dead"_s }));
        proxy.sort(FleetModel::UptimeColumn, Qt::DescendingOrder);
        QCOMPARE(namesInOrder(proxy), (QStringList { u"idle"_s, u"mid"_s, u"busy"_s, u"dead"_s }));
        proxy.sort(FleetModel::NameColumn, Qt::AscendingOrder);
        QCOMPARE(namesInOrder(proxy), (QStringList { u"busy"_s, u"dead"_s, u"idle"_s, u"mid"_s }));
        // Tier column: grouped by tier, worst first inside a tier.
        proxy.sort(FleetModel::TierColumn, Qt::AscendingOrder);
        QCOMPARE(namesInOrder(proxy), (QStringList { u"dead"_s, u"mid"_s, u"busy"_s, u"idle"_s }));
        proxy.sortWorstFirst();
        QCOMPARE(namesInOrder(proxy).first(), u"dead"_s);
    }

    void filters()
    {
        InventoryModel inventory;
        const Environment shop
            = env(u"shop-prod"_s, Tier::Prod, { u"shop"_s, u"eu"_s }, u"10.1.0.5"_s);
        const Environment pay = env(u"pay-prod"_s, Tier::Prod, { u"payments"_s }, u"10.2.0.5"_s);
        const Environment shopUat = env(u"shop-uat"_s, Tier::Uat, { u"Shop"_s }, u"10.1.9.9"_s);
        const Environment lab = env(u"lab"_s, Tier::Dev, {}, u"192.168.1.2"_s);
        inventory.setEnvironments({ shop, pay, shopUat, lab });
        FleetModel model;
        model.setInventory(&inventory);
        FleetFilterModel proxy;
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        model.setSample(sample(pay, FleetSample::State::Down));
        FleetSample tidb = sample(lab, FleetSample::State::Ok);
        tidb.engine = EngineInfo::parse(u"8.0.11-TiDB-v7.5.1"_s);
        model.setSample(tidb);

        QCOMPARE(proxy.rowCount(), 4);
        QCOMPARE(model.allTags(), (QStringList { u"eu"_s, u"payments"_s, u"shop"_s }));

        proxy.setTierFilter(Tier::Prod);
        QCOMPARE(namesInOrder(proxy), (QStringList { u"pay-prod"_s, u"shop-prod"_s }));
        proxy.setTagFilter(u"shop"_s);
        QCOMPARE(namesInOrder(proxy), (QStringList { u"shop-prod"_s }));
        proxy.setTierFilter(std::nullopt);
        QCOMPARE(namesInOrder(proxy), (QStringList { u"shop-prod"_s, u"shop-uat"_s })); // "Shop"
        proxy.setTagFilter({});

        proxy.setFilterText(u"  SHOP  "_s);
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setFilterText(u"shop uat"_s); // every word
        QCOMPARE(namesInOrder(proxy), (QStringList { u"shop-uat"_s }));
        proxy.setFilterText(u"10.2.0"_s); // endpoint
        QCOMPARE(namesInOrder(proxy), (QStringList { u"pay-prod"_s }));
        proxy.setFilterText(u"tidb"_s); // engine
        QCOMPARE(namesInOrder(proxy), (QStringList { u"lab"_s }));
        proxy.setFilterText(u"(111)"_s); // last error
        QCOMPARE(namesInOrder(proxy), (QStringList { u"pay-prod"_s }));
        proxy.setFilterText(u"down"_s); // state
        QCOMPARE(namesInOrder(proxy), (QStringList { u"pay-prod"_s }));
        proxy.setFilterText(u"nothing-like-this"_s);
        QCOMPARE(proxy.rowCount(), 0);
        proxy.setFilterText({});
        QCOMPARE(proxy.rowCount(), 4);

        // A filtered row comes back when its sample changes so that it matches.
        proxy.setFilterText(u"down"_s);
        model.setSample(sample(lab, FleetSample::State::Down));
        QCOMPARE(namesInOrder(proxy), (QStringList { u"pay-prod"_s, u"lab"_s }));
    }

    void formats()
    {
        QCOMPARE(FleetModel::durationText(-1), kDash);
        QCOMPARE(FleetModel::durationText(45), u"45 s"_s);
        QCOMPARE(FleetModel::durationText(12 * 60 + 5), u"12 min"_s);
        QCOMPARE(FleetModel::durationText(5 * 3600 + 12 * 60), u"5 h 12 min"_s);
        QCOMPARE(FleetModel::durationText(3 * 86400 + 4 * 3600 + 59 * 60), u"3 d 4 h"_s);
        QCOMPARE(FleetModel::durationText(1200 * 86400), u"1,200 d 0 h"_s);

        QCOMPARE(FleetModel::qpsText(FleetSample::kUnknown), kDash);
        QCOMPARE(FleetModel::qpsText(12345.6), u"12,346"_s);
        QCOMPARE(FleetModel::qpsText(56.74), u"56.7"_s);
        QCOMPARE(FleetModel::qpsText(0.347), u"0.35"_s);
        QCOMPARE(FleetModel::qpsText(0), u"0"_s);

        QCOMPARE(FleetModel::latencyText(FleetSample::kUnknown), kDash);
        QCOMPARE(FleetModel::latencyText(3.254), u"3.25 ms"_s);
        QCOMPARE(FleetModel::latencyText(42.44), u"42.4 ms"_s);
        QCOMPARE(FleetModel::latencyText(250.4), u"250 ms"_s);
        QCOMPARE(FleetModel::latencyText(1250), u"1.25 s"_s);

        QCOMPARE(FleetModel::countText(-1), kDash);
        QCOMPARE(FleetModel::countText(1024), u"1,024"_s);

        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(FleetModel::refreshedText({}, now), u"Not refreshed yet"_s);
        QCOMPARE(FleetModel::refreshedText(now.addSecs(-12), now), u"Last refreshed 12 s ago"_s);
        QCOMPARE(FleetModel::refreshedText(now.addSecs(-190), now), u"Last refreshed 3 min ago"_s);
        QCOMPARE(FleetModel::refreshedText(now.addSecs(5), now), u"Last refreshed 0 s ago"_s);

        // In the table: unknown values are dashes, and a down server shows no stale numbers.
        InventoryModel inventory;
        const Environment up = env(u"up"_s, Tier::Prod);
        const Environment down = env(u"down"_s, Tier::Prod);
        const Environment never = env(u"never"_s, Tier::Prod);
        inventory.setEnvironments({ up, down, never });
        FleetModel model;
        model.setInventory(&inventory);
        FleetSample s = sample(up, FleetSample::State::Ok);
        s.uptimeSeconds = 3 * 86400 + 4 * 3600;
        s.connections = 1532;
        s.qps = 1234.4;
        s.p99Ms = FleetSample::kUnknown; // no Prometheus
        s.qpsHistory = { 1.0, FleetSample::kUnknown, 3.0 };
        model.setSample(s);
        s = sample(down, FleetSample::State::Down);
        s.uptimeSeconds = 99999; // stale
        s.connections = 7;
        s.engine = EngineInfo::parse(u"10.11.6-MariaDB"_s); // from the last success
        model.setSample(s);

        QCOMPARE(cell(model, up.id, FleetModel::UptimeColumn), u"3 d 4 h"_s);
        QCOMPARE(cell(model, up.id, FleetModel::ConnectionsColumn), u"1,532"_s);
        QCOMPARE(cell(model, up.id, FleetModel::QpsColumn), u"1,234"_s);
        QCOMPARE(cell(model, up.id, FleetModel::P99Column), kDash);
        QVERIFY(!model.index(model.rowOf(up.id), FleetModel::P99Column)
                     .data(FleetModel::SortRole)
                     .isValid());
        QCOMPARE(model.index(model.rowOf(up.id), FleetModel::UptimeColumn)
                     .data(FleetModel::SortRole)
                     .toLongLong(),
                 qint64(3 * 86400 + 4 * 3600));
        QCOMPARE(cell(model, up.id, FleetModel::EngineColumn), u"MariaDB 10.11.6"_s);
        const auto history = model.index(model.rowOf(up.id), FleetModel::QpsColumn)
                                 .data(FleetModel::SparklineRole)
                                 .value<QList<double>>();
        QCOMPARE(history.size(), 3);
        QCOMPARE(history.at(2), 3.0);
        QVERIFY(std::isnan(history.at(1)));

        QCOMPARE(cell(model, down.id, FleetModel::StateColumn), u"Down"_s);
        QCOMPARE(cell(model, down.id, FleetModel::UptimeColumn), kDash);
        QCOMPARE(cell(model, down.id, FleetModel::ConnectionsColumn), kDash);
        QCOMPARE(cell(model, down.id, FleetModel::QpsColumn), kDash);
        QCOMPARE(cell(model, down.id, FleetModel::EngineColumn), u"MariaDB 10.11.6"_s);
        QCOMPARE(cell(model, down.id, FleetModel::LastErrorColumn),
                 u"Can't connect to MySQL server on '10.0.0.1' (111)"_s);
        QVERIFY(cell(model, down.id, FleetModel::LastErrorColumn, Qt::ToolTipRole)
                    .contains(u"(111)"_s));

        for (int c = FleetModel::StateColumn; c < FleetModel::LastErrorColumn; ++c) {
            const QString text = cell(model, never.id, c);
            QVERIFY2(text == kDash || c == FleetModel::StateColumn, qPrintable(text));
        }
        QCOMPARE(cell(model, never.id, FleetModel::StateColumn), u"Unknown"_s);
        QCOMPARE(model.lastSampledAt(), s.sampledAt);
    }

    void alertCounts()
    {
        InventoryModel inventory;
        const Environment a = env(u"a"_s, Tier::Prod);
        const Environment b = env(u"b"_s, Tier::Dev);
        const Environment c = env(u"c"_s, Tier::Prod);
        const Environment d = env(u"d"_s, Tier::Uat);
        inventory.setEnvironments({ a, b, c, d });
        FleetModel model;
        model.setInventory(&inventory);
        model.setSample(sample(a, FleetSample::State::Degraded,
                               { { AlertLevel::Critical, 1 }, { AlertLevel::Warning, 2 } }));
        model.setSample(sample(b, FleetSample::State::Ok, { { AlertLevel::Warning, 3 } }));
        model.setSample(sample(c, FleetSample::State::Down));

        QCOMPARE(cell(model, a.id, FleetModel::AlertsColumn), u"1 critical \u00b7 2 warning"_s);
        QCOMPARE(cell(model, b.id, FleetModel::AlertsColumn), u"3 warning"_s);
        QCOMPARE(cell(model, c.id, FleetModel::AlertsColumn), QString());
        QCOMPARE(cell(model, d.id, FleetModel::AlertsColumn), kDash);
        const QModelIndex ai = model.index(model.rowOf(a.id), FleetModel::AlertsColumn);
        QCOMPARE(AlertLevel(ai.data(FleetModel::WorstAlertLevelRole).toInt()),
                 AlertLevel::Critical);
        const QVariantMap counts = ai.data(FleetModel::AlertCountsRole).toMap();
        QCOMPARE(counts.value(u"critical"_s).toInt(), 1);
        QCOMPARE(counts.value(u"warning"_s).toInt(), 2);
        QCOMPARE(counts.size(), 2);
        QCOMPARE(model.index(model.rowOf(c.id), 0).data(FleetModel::WorstAlertLevelRole).toInt(),
                 -1);
        // More alerts of a worse level sort above any number of milder ones.
        QVERIFY(ai.data(FleetModel::SortRole).toDouble()
                > model.index(model.rowOf(b.id), FleetModel::AlertsColumn)
                      .data(FleetModel::SortRole)
                      .toDouble());

        QCOMPARE(model.count(FleetModel::Severity::Down), 1);
        QCOMPARE(model.count(FleetModel::Severity::Critical), 1);
        QCOMPARE(model.count(FleetModel::Severity::Warning), 1);
        QCOMPARE(model.count(FleetModel::Severity::Ok), 0);
        QCOMPARE(model.count(FleetModel::Severity::Unknown), 1);
        QCOMPARE(model.downProduction(), (QStringList { u"c"_s }));
        model.setSample(sample(b, FleetSample::State::Down)); // dev down: not a prod outage
        QCOMPARE(model.downProduction(), (QStringList { u"c"_s }));
        QCOMPARE(model.count(FleetModel::Severity::Down), 2);
    }
};

QTEST_GUILESS_MAIN(TestFleetModel)
#include "tst_fleetmodel.moc"
