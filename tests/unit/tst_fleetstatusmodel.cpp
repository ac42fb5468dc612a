// FleetStatusModel: the check roles (status, engine, latency, error, summary) over InventoryModel,
// updated with dataChanged for the check roles of one row (never a reset), surviving inventory
// reloads and moves - under QAbstractItemModelTester.
#include "inventory/InventoryModel.h"
#include "models/EnvironmentFilterModel.h"
#include "models/FleetStatusModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TiDesk;

namespace {
Environment env(const QString &name, Tier tier)
{
    Environment e;
    e.id = QUuid::createUuid();
    e.name = name;
    e.tier = tier;
    e.user = u"u"_s;
    e.endpoints = { { u"h"_s, 4000, {} } };
    return e;
}

CheckResult ok(const QString &name, const QString &version, qint64 ms)
{
    CheckResult r;
    r.name = name;
    r.reachable = true;
    r.engine = EngineInfo::parse(version);
    r.latencyMs = ms;
    r.endpoint = u"h:4000"_s;
    return r;
}

CheckResult failed(const QString &name, ErrorKind kind, const QString &message)
{
    CheckResult r;
    r.name = name;
    r.error = Error::make(kind, message);
    return r;
}

using Status = FleetStatusModel::CheckStatus;
Status statusAt(const QAbstractItemModel &m, int row)
{
    return Status(m.index(row, 0).data(FleetStatusModel::CheckStatusRole).toInt());
}
} // namespace

class TestFleetStatusModel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void rolesFollowTheChecks()
    {
        InventoryModel inventory;
        FleetStatusModel m;
        m.setSourceModel(&inventory);
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const Environment prod = env(u"prod"_s, Tier::Prod);
        const Environment dev = env(u"dev"_s, Tier::Dev);
        inventory.setEnvironments({ dev, prod });
        QCOMPARE(m.rowCount(), 2);
        QCOMPARE(m.index(0, 0).data(InventoryModel::NameRole).toString(),
                 u"prod"_s); // pass-through
        QCOMPARE(statusAt(m, 0), Status::Unknown);
        QCOMPARE(m.index(0, 0).data(FleetStatusModel::CheckLatencyRole).toLongLong(), -1);
        QVERIFY(m.index(0, 0).data(FleetStatusModel::CheckSummaryRole).toString().isEmpty());
        QVERIFY(!m.index(0, 0).data(FleetStatusModel::CheckResultRole).isValid());
        QCOMPARE(m.countWithStatus(Status::Unknown), 2);

        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&m, &QAbstractItemModel::modelReset);
        m.setChecking(prod.id);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 0);
        QVERIFY(
            changed.at(0).at(2).value<QList<int>>().contains(FleetStatusModel::CheckStatusRole));
        QCOMPARE(statusAt(m, 0), Status::Checking);
        QCOMPARE(statusAt(m, 1), Status::Unknown);

        m.setResult(prod.id, ok(u"prod"_s, u"10.11.19-MariaDB-log"_s, 8));
        QCOMPARE(statusAt(m, 0), Status::Ok);
        const QModelIndex p = m.index(0, 0);
        QCOMPARE(p.data(FleetStatusModel::CheckEngineRole).toString(), u"MariaDB 10.11.19"_s);
        QCOMPARE(p.data(FleetStatusModel::CheckLatencyRole).toLongLong(), 8);
        QCOMPARE(p.data(FleetStatusModel::CheckSummaryRole).toString(),
                 u"MariaDB 10.11.19 \u00b7 8 ms"_s);
        QVERIFY(p.data(FleetStatusModel::CheckErrorRole).toString().isEmpty());
        QVERIFY(p.data(FleetStatusModel::CheckResultRole).value<CheckResult>().reachable);

        m.setResult(dev.id,
                    failed(u"dev"_s, ErrorKind::Connection, u"Can't connect to server on 'h'"_s));
        const QModelIndex d = m.index(1, 0);
        QCOMPARE(statusAt(m, 1), Status::Error);
        QCOMPARE(d.data(FleetStatusModel::CheckSummaryRole).toString(), u"unreachable"_s);
        QCOMPARE(d.data(FleetStatusModel::CheckErrorRole).toString(),
                 u"Can't connect to server on 'h'"_s);
        QVERIFY(d.data(FleetStatusModel::CheckEngineRole).toString().isEmpty());
        QCOMPARE(m.countWithStatus(Status::Ok), 1);
        QCOMPARE(m.countWithStatus(Status::Error), 1);

        // A re-check keeps showing the old result while it runs; a cancelled one falls back to it.
        m.setChecking(prod.id);
        QCOMPARE(statusAt(m, 0), Status::Checking);
        QCOMPARE(m.index(0, 0).data(FleetStatusModel::CheckEngineRole).toString(),
                 u"MariaDB 10.11.19"_s);
        m.clearChecking();
        QCOMPARE(statusAt(m, 0), Status::Ok);
        QCOMPARE(reset.size(), 0);
    }

    void stateSurvivesReloadAndMoves()
    {
        InventoryModel inventory;
        FleetStatusModel m;
        m.setSourceModel(&inventory);
        EnvironmentFilterModel filter;
        filter.setSourceModel(&m);
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester filterTester(
            &filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Environment b = env(u"b"_s, Tier::Dev);
        const Environment c = env(u"c"_s, Tier::Dev);
        inventory.setEnvironments({ b, c });
        m.setResult(b.id, ok(u"b"_s, u"8.0.11-TiDB-v7.5.1"_s, 3));
        // Renamed to sort after c: the row moves, the check stays with the id.
        b.name = u"z"_s;
        inventory.setEnvironments({ b, c, env(u"a"_s, Tier::Dev) });
        const int row = inventory.rowOf(b.id);
        QCOMPARE(row, 2);
        QCOMPARE(statusAt(m, row), Status::Ok);
        QCOMPARE(m.index(row, 0).data(FleetStatusModel::CheckEngineRole).toString(),
                 u"TiDB v7.5.1"_s);
        // Through the sidebar's filter proxy too.
        filter.setFilterText(u"z"_s);
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(Status(filter.index(0, 0).data(FleetStatusModel::CheckStatusRole).toInt()),
                 Status::Ok);
        // Unknown ids (an environment removed meanwhile) are harmless.
        m.setResult(QUuid::createUuid(), ok(u"gone"_s, u"10.11.6-MariaDB"_s, 1));
        QCOMPARE(m.rowCount(), 3);
    }

    void shortErrors_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("text");
        QTest::newRow("connection") << int(ErrorKind::Connection) << u"unreachable"_s;
        QTest::newRow("auth") << int(ErrorKind::Auth) << u"wrong password"_s;
        QTest::newRow("tls") << int(ErrorKind::Tls) << u"TLS error"_s;
        QTest::newRow("timeout") << int(ErrorKind::Timeout) << u"timeout"_s;
        QTest::newRow("vault") << int(ErrorKind::Crypto) << u"vault locked"_s;
    }

    void shortErrors()
    {
        QFETCH(int, kind);
        QFETCH(QString, text);
        QCOMPARE(FleetStatusModel::shortError(failed(u"x"_s, ErrorKind(kind), u"long message"_s)),
                 text);
        QCOMPARE(FleetStatusModel::summary(failed(u"x"_s, ErrorKind(kind), u"long message"_s)),
                 text);
    }
};

QTEST_GUILESS_MAIN(TestFleetStatusModel)
#include "tst_fleetstatusmodel.moc"
