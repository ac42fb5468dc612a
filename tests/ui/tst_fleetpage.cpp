// The Fleet page over a realistic fleet of 12 environments on every tier (saved to and loaded
// from a temporary InventoryStore) fed with hand-made FleetSample values: one production
// environment down ("Can't connect … (111)"), one with a critical alert, QPS histories with a
// gap. Checks the headline, the production-down line, worst-first order, the tier and text
// filters, Ctrl+F, Enter and double-click emitting the id, that selection survives refreshes,
// that the sparkline paints (and leaves gaps), and saves fleet-page.png.
#include "MessageBanner.h"
#include "UiTestFixture.h"
#include "inventory/InventoryModel.h"
#include "models/FleetFilterModel.h"
#include "models/FleetModel.h"
#include "pages/FleetPage.h"
#include "pages/SparklineDelegate.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace TiDesk;
using TiDesk::Test::UiTestFixture;

namespace {
constexpr double kNaN = FleetSample::kUnknown;

QList<double> wave(double base, double amplitude, double phase)
{
    QList<double> v;
    for (int i = 0; i < FleetSample::kHistoryLength; ++i)
        v << base + amplitude * std::sin(phase + i / 5.0) + amplitude * 0.3 * std::sin(i * 1.7);
    return v;
}

// Pixels of the sparkline's blue (0x1e88e5, antialiased) in an image.
int bluePixels(const QImage &image, int fromX = 0, int toX = -1)
{
    if (toX < 0)
        toX = image.width();
    int n = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = fromX; x < toX; ++x) {
            const QColor c = image.pixelColor(x, y);
            if (c.blue() > 160 && c.blue() - c.red() > 90 && c.green() > 90 && c.green() < 190)
                ++n;
        }
    }
    return n;
}
} // namespace

class TestFleetPage : public QObject
{
    Q_OBJECT

    UiTestFixture m_fx;
    InventoryModel m_inventory;
    FleetModel m_fleet;
    std::unique_ptr<FleetPage> m_page;
    QHash<QString, Environment> m_envs;

    FleetSample ok(const QString &name, const QString &version, double qps,
                   const QMap<AlertLevel, int> &alerts = {})
    {
        const Environment &e = m_envs[name];
        FleetSample s;
        s.environmentId = e.id;
        s.name = e.name;
        s.state = alerts.value(AlertLevel::Critical) + alerts.value(AlertLevel::Emergency) > 0
            ? FleetSample::State::Degraded
            : FleetSample::State::Ok;
        s.engine = EngineInfo::parse(version);
        s.uptimeSeconds = 86400 * 12 + 3600 * (e.name.size() % 24);
        s.connections = 40 + e.name.size() * 7;
        s.qps = qps;
        s.p99Ms = e.prometheusUrl.isEmpty() ? kNaN : 4.0 + e.name.size();
        s.qpsSource = e.prometheusUrl.isEmpty() ? FleetSample::MetricSource::Sql
                                                : FleetSample::MetricSource::Prometheus;
        s.alertCounts = alerts;
        s.sampledAt = QDateTime::currentDateTimeUtc().addSecs(-5);
        s.latencyMs = 3;
        s.qpsHistory = wave(qps, qps * 0.2, e.name.size());
        s.qpsHistory.last() = qps;
        return s;
    }

    QTableView *table() const { return m_page->table(); }
    QString nameAt(int row) const
    {
        return table()->model()->index(row, FleetModel::NameColumn).data().toString();
    }
    int rowNamed(const QString &name) const
    {
        for (int r = 0; r < table()->model()->rowCount(); ++r)
            if (nameAt(r) == name)
                return r;
        return -1;
    }

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        const QString err = m_fx.init();
        QVERIFY2(err.isEmpty(), qPrintable(err));

        struct Spec
        {
            const char *name;
            Tier tier;
            const char *host;
            QStringList tags;
            bool prometheus;
        };
        const QList<Spec> specs {
            { "shop-prod-01", Tier::Prod, "10.0.1.4", { u"shop"_s, u"eu"_s }, true },
            { "pay-prod-01", Tier::Prod, "10.0.2.4", { u"payments"_s }, true },
            { "search-prod", Tier::Prod, "10.0.3.4", { u"search"_s }, true },
            { "shop-uat", Tier::Uat, "10.1.1.4", { u"shop"_s }, true },
            { "pay-uat", Tier::Uat, "10.1.2.4", { u"payments"_s }, false },
            { "reporting-uat", Tier::Uat, "10.1.5.4", {}, false },
            { "shop-test", Tier::Test, "10.2.1.4", { u"shop"_s }, false },
            { "perf-test", Tier::Test, "10.2.9.4", {}, true },
            { "dev-alice", Tier::Dev, "192.168.7.10", {}, false },
            { "dev-bob", Tier::Dev, "192.168.7.11", {}, false },
            { "tidb-dev", Tier::Dev, "192.168.7.20", {}, false },
            { "lab-tidb", Tier::Custom, "172.16.0.9", { u"lab"_s }, false },
        };
        EnvironmentList envs;
        for (const Spec &s : specs) {
            Environment e = UiTestFixture::makeEnv(QString::fromLatin1(s.name), s.tier,
                                                   QString::fromLatin1(s.host), 4000);
            e.tags = s.tags;
            if (s.tier == Tier::Custom)
                e.customTierName = u"lab"_s;
            if (s.prometheus)
                e.prometheusUrl = u"http://10.9.0.1:9090"_s;
            envs << e;
        }
        const auto saved = m_fx.inventory->saveAll(envs);
        QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().toString()));
        const auto loaded = m_fx.inventory->load();
        QVERIFY(loaded.ok());
        QCOMPARE(loaded.value().size(), 12);
        for (const Environment &e : loaded.value())
            m_envs.insert(e.name, e);
        m_inventory.setEnvironments(loaded.value());
        m_fleet.setInventory(&m_inventory);

        m_page = std::make_unique<FleetPage>(&m_fleet);
        m_page->resize(1480, 760);
        m_page->show();
        m_page->activateWindow();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));

        FleetSampleList samples;
        FleetSample down;
        down.environmentId = m_envs[u"shop-prod-01"_s].id;
        down.name = u"shop-prod-01"_s;
        down.state = FleetSample::State::Down;
        down.engine = EngineInfo::parse(u"8.0.11-TiDB-v7.5.1"_s); // from the last success
        down.lastError = Error::make(ErrorKind::Connection,
                                     u"Can't connect to MySQL server on '10.0.1.4' (111)"_s);
        down.lastError.code = 2003;
        down.sampledAt = QDateTime::currentDateTimeUtc().addSecs(-5);
        down.lastErrorAt = down.sampledAt;
        down.qpsHistory = wave(3200, 500, 1);
        for (int i = 48; i < FleetSample::kHistoryLength; ++i)
            down.qpsHistory[i] = kNaN; // it stopped answering
        samples << down;
        samples << ok(u"pay-prod-01"_s, u"8.0.11-TiDB-v7.5.1"_s, 4820.5);
        samples << ok(u"search-prod"_s, u"8.0.11-TiDB-v7.5.1"_s, 1210,
                      { { AlertLevel::Warning, 1 } });
        samples << ok(u"shop-uat"_s, u"8.0.11-TiDB-v7.1.3"_s, 310,
                      { { AlertLevel::Critical, 1 }, { AlertLevel::Warning, 1 } });
        samples << ok(u"pay-uat"_s, u"10.11.6-MariaDB-log"_s, 95.2);
        samples << ok(u"reporting-uat"_s, u"8.0.36"_s, 12.4);
        samples << ok(u"shop-test"_s, u"10.11.6-MariaDB"_s, 41, { { AlertLevel::Warning, 2 } });
        FleetSample gap = ok(u"perf-test"_s, u"8.0.11-TiDB-v7.5.1"_s, 2200);
        for (int i = 24; i < 36; ++i)
            gap.qpsHistory[i] = kNaN; // Prometheus was down for a while
        samples << gap;
        samples << ok(u"dev-alice"_s, u"10.11.6-MariaDB"_s, 0.4);
        samples << ok(u"tidb-dev"_s, u"8.0.11-TiDB-v8.5.0"_s, 3.5);
        samples << ok(u"lab-tidb"_s, u"8.0.11-TiDB-v8.5.0"_s, 18);
        // dev-bob: never sampled
        m_fleet.setSamples(samples);
        QTest::qWait(50);
    }

    void headlineCountsTheFleet()
    {
        QCOMPARE(m_page->headlineText(),
                 u"1 down \u00b7 1 critical \u00b7 2 warning \u00b7 7 OK "
                 u"\u00b7 1 unknown"_s);
        const QString html = m_page->findChild<QLabel *>(u"fleetHeadline"_s)->text();
        QVERIFY2(html.contains(u"color:#c62828\">1<"_s), qPrintable(html)); // the red "1 down"

        auto *banner = m_page->findChild<MessageBanner *>(u"fleetDownBanner"_s);
        QVERIFY(banner->isVisible());
        QCOMPARE(banner->kind(), MessageBanner::Kind::Critical);
        QCOMPARE(banner->text(), u"Production down: shop-prod-01"_s);
        QVERIFY2(banner->detail().contains(u"(111)"_s), qPrintable(banner->detail()));

        const QString refreshed = m_page->findChild<QLabel *>(u"fleetRefreshed"_s)->text();
        QVERIFY2(refreshed.startsWith(u"Last refreshed "_s) && refreshed.endsWith(u" s ago"_s),
                 qPrintable(refreshed));
        QCOMPARE(m_page->findChild<QLabel *>(u"fleetShown"_s)->text(), u"12 environments"_s);
    }

    void worstFirst()
    {
        QCOMPARE(table()->model()->rowCount(), 12);
        QCOMPARE(nameAt(0), u"shop-prod-01"_s); // down prod
        QCOMPARE(nameAt(1), u"shop-uat"_s); // critical
        QCOMPARE(nameAt(2), u"search-prod"_s); // warning, prod before test
        QCOMPARE(nameAt(3), u"shop-test"_s);
        QCOMPARE(nameAt(4), u"pay-prod-01"_s); // then OK, prod first
        QCOMPARE(nameAt(11), u"dev-bob"_s); // never sampled: last
        QCOMPARE(table()->horizontalHeader()->sortIndicatorSection(), int(FleetModel::StateColumn));
        QCOMPARE(table()->model()->index(0, FleetModel::StateColumn).data().toString(), u"Down"_s);
        QCOMPARE(table()->model()->index(0, FleetModel::TierColumn).data().toString(), u"prod"_s);
    }

    void screenshot()
    {
        const QString path = UiTestFixture::screenshot(m_page.get(), u"fleet-page.png"_s);
        QVERIFY(!path.isEmpty());
        qInfo("screenshot: %s", qPrintable(path));
    }

    void sparklinePaintsWithGaps()
    {
        // Geometry: a gap splits the line; the maximum is at the top, the minimum at the bottom.
        const QRectF rect(0, 0, 100, 20);
        const QList<QPolygonF> runs
            = SparklineDelegate::runs({ 1, 5, kNaN, kNaN, 3, 2, kNaN, 4 }, rect);
        QCOMPARE(runs.size(), 3);
        QCOMPARE(runs.at(0).size(), 2);
        QCOMPARE(runs.at(2).size(), 1); // a lone sample: a dot
        QCOMPARE(runs.at(0).at(0).y(), rect.bottom()); // 1 = min
        QCOMPARE(runs.at(0).at(1).y(), rect.top()); // 5 = max
        QCOMPARE(runs.at(2).at(0).x(), rect.right());
        QVERIFY(SparklineDelegate::runs({ kNaN, kNaN }, rect).isEmpty());

        // Pixels: the perf-test cell has a blue line with a hole where the history has NaNs;
        // the never-sampled environment has none.
        const int row = rowNamed(u"perf-test"_s);
        QVERIFY(row >= 0);
        table()->clearSelection();
        const QRect cell = table()->visualRect(table()->model()->index(row, FleetModel::QpsColumn));
        const QImage image = table()->viewport()->grab(cell).toImage();
        QVERIFY(!image.isNull());
        QVERIFY2(bluePixels(image) > 40, qPrintable(QString::number(bluePixels(image))));
        // The line spans [4, textLeft - 8]; history points 24..35 of 60 are NaN, so the
        // middle of that stretch (x ~ 49% of the line) has no line pixels.
        const QString text = table()->model()->index(row, FleetModel::QpsColumn).data().toString();
        const int textLeft = cell.width() - 4 - table()->fontMetrics().horizontalAdvance(text);
        const double lineWidth = textLeft - 8 - 4;
        const int gapMid = 4 + int(lineWidth * (29.5 / 59.0));
        QCOMPARE(bluePixels(image, gapMid - 2, gapMid + 3), 0);
        const int before = 4 + int(lineWidth * (10.0 / 59.0));
        QVERIFY(bluePixels(image, before - 2, before + 3) > 0);

        const int bob = rowNamed(u"dev-bob"_s);
        const QImage empty
            = table()
                  ->viewport()
                  ->grab(table()->visualRect(table()->model()->index(bob, FleetModel::QpsColumn)))
                  .toImage();
        QCOMPARE(bluePixels(empty), 0);
    }

    void filtersByTier()
    {
        auto *tier = m_page->findChild<QComboBox *>(u"fleetTierFilter"_s);
        tier->setCurrentIndex(tier->findData(int(Tier::Uat)));
        QCOMPARE(table()->model()->rowCount(), 3);
        for (int r = 0; r < 3; ++r)
            QCOMPARE(table()->model()->index(r, 0).data(InventoryModel::TierRole).toInt(),
                     int(Tier::Uat));
        QCOMPARE(nameAt(0), u"shop-uat"_s); // still worst first
        QCOMPARE(m_page->findChild<QLabel *>(u"fleetShown"_s)->text(), u"3 of 12 shown"_s);

        auto *tag = m_page->findChild<QComboBox *>(u"fleetTagFilter"_s);
        QCOMPARE(tag->count(), 6); // all + eu, lab, payments, search, shop
        tag->setCurrentIndex(tag->findData(u"payments"_s));
        QCOMPARE(table()->model()->rowCount(), 1);
        QCOMPARE(nameAt(0), u"pay-uat"_s);
        tag->setCurrentIndex(0);
        tier->setCurrentIndex(0);
        QCOMPARE(table()->model()->rowCount(), 12);
    }

    void filtersByTextAndOpensWithEnter()
    {
        QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
        auto *search = m_page->findChild<QLineEdit *>(u"fleetSearch"_s);
        table()->setFocus();
        QTest::keyClick(table(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(search->hasFocus());
        QTest::keyClicks(search, u"pay"_s);
        QCOMPARE(table()->model()->rowCount(), 2);
        QCOMPARE(nameAt(0), u"pay-prod-01"_s);
        QCOMPARE(nameAt(1), u"pay-uat"_s);

        QSignalSpy activated(m_page.get(), &FleetPage::environmentActivated);
        QTest::keyClick(search, Qt::Key_Return); // to the first match
        QVERIFY(table()->hasFocus());
        QTest::keyClick(table(), Qt::Key_Return); // open it
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.at(0).at(0).toUuid(), m_envs[u"pay-prod-01"_s].id);

        search->clear();
        QCOMPARE(table()->model()->rowCount(), 12);
        search->setText(u"111"_s); // the error text
        QCOMPARE(table()->model()->rowCount(), 1);
        QCOMPARE(nameAt(0), u"shop-prod-01"_s);
        search->clear();
    }

    void doubleClickEmitsTheId()
    {
        QSignalSpy activated(m_page.get(), &FleetPage::environmentActivated);
        const QModelIndex idx = table()->model()->index(0, FleetModel::EngineColumn);
        const QPoint at = table()->visualRect(idx).center();
        QTest::mouseClick(table()->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(table()->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.at(0).at(0).toUuid(), m_envs[u"shop-prod-01"_s].id);
    }

    void selectionSurvivesRefreshes()
    {
        const QUuid payUat = m_envs[u"pay-uat"_s].id;
        table()->selectRow(rowNamed(u"pay-uat"_s));
        QSignalSpy resets(table()->model(), &QAbstractItemModel::modelAboutToBeReset);

        // A new sample for it, and dev-alice going down (it moves to the top).
        FleetSample s = ok(u"pay-uat"_s, u"10.11.6-MariaDB-log"_s, 180);
        s.sampledAt = QDateTime::currentDateTimeUtc();
        m_fleet.setSample(s);
        FleetSample alice;
        alice.environmentId = m_envs[u"dev-alice"_s].id;
        alice.state = FleetSample::State::Down;
        alice.lastError = Error::make(ErrorKind::Timeout, u"Connect timeout after 5000 ms"_s);
        alice.sampledAt = QDateTime::currentDateTimeUtc();
        m_fleet.setSample(alice);

        QCOMPARE(resets.size(), 0);
        const QModelIndexList selected = table()->selectionModel()->selectedRows();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.first().data(InventoryModel::IdRole).toUuid(), payUat);
        QCOMPARE(selected.first().siblingAtColumn(FleetModel::QpsColumn).data().toString(),
                 u"180"_s);
        QCOMPARE(nameAt(0), u"shop-prod-01"_s); // prod down still first
        QCOMPARE(nameAt(1), u"dev-alice"_s);
        QVERIFY2(m_page->headlineText().startsWith(u"2 down"_s),
                 qPrintable(m_page->headlineText()));
        // Only production outages are in the red line.
        QCOMPARE(m_page->findChild<MessageBanner *>(u"fleetDownBanner"_s)->text(),
                 u"Production down: shop-prod-01"_s);
    }

    void refreshButton()
    {
        QSignalSpy requested(m_page.get(), &FleetPage::refreshRequested);
        auto *button = m_page->findChild<QPushButton *>(u"fleetRefresh"_s);
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(requested.size(), 1);
        m_page->setRefreshing(true);
        QVERIFY(!button->isEnabled());
        QCOMPARE(m_page->findChild<QLabel *>(u"fleetRefreshed"_s)->text(), u"Refreshing\u2026"_s);
        m_page->setRefreshing(false);
        QVERIFY(button->isEnabled());
        QVERIFY(m_page->findChild<QLabel *>(u"fleetRefreshed"_s)
                    ->text()
                    .startsWith(u"Last refreshed"_s));
    }
};

QTEST_MAIN(TestFleetPage)
#include "tst_fleetpage.moc"
