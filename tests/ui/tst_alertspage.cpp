// The Alerts page over the sandbox's real Alertmanager: alerts this test posts (TiDB `level`
// labels, an environment of its own) appear worst first with their levels, the headline counts
// them, another environment's alerts stay out, and an Alertmanager that is not there is named in
// an error banner without hiding the others. FAILS when the sandbox is not up.
#include "MainWindow.h"
#include "MessageBanner.h"
#include "SandboxEnv.h"
#include "UiTestFixture.h"
#include "alerts/AlertListModel.h"
#include "alerts/FleetAlerts.h"
#include "health/FleetChecker.h"
#include "pages/AlertsPage.h"

#include <QAction>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTcpServer>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace TiDesk;
using TiDesk::Test::SandboxEnv;
using TiDesk::Test::UiTestFixture;

namespace {

CheckResult unreachable(const Environment &env, const QString &)
{
    CheckResult r;
    r.name = env.name;
    r.error = Error::make(ErrorKind::Connection, u"not checked in this test"_s);
    return r;
}

} // namespace

class TestAlertsPage : public QObject
{
    Q_OBJECT

    UiTestFixture m_fx;
    SandboxEnv m_sandbox;
    QNetworkAccessManager m_network;
    std::unique_ptr<MainWindow> m_window;
    QString m_env;

    bool post(const QString &name, const QString &level, int agoSecs)
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QJsonArray payload { QJsonObject {
            { u"labels"_s,
              QJsonObject { { u"alertname"_s, name },
                            { u"level"_s, level },
                            { u"env"_s, m_env },
                            { u"instance"_s, u"10.0.1.4:10080"_s } } },
            { u"annotations"_s,
              QJsonObject { { u"summary"_s, QString(name + u" on 10.0.1.4:10080"_s) } } },
            { u"startsAt"_s, now.addSecs(-agoSecs).toString(Qt::ISODate) },
            { u"endsAt"_s, now.addSecs(300).toString(Qt::ISODate) } } };
        QNetworkRequest req(QUrl(
            u"http://127.0.0.1:%1/api/v2/alerts"_s.arg(m_sandbox.value(u"ALERTMANAGER_PORT"_s))));
        req.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        std::unique_ptr<QNetworkReply> reply(m_network.post(req, QJsonDocument(payload).toJson()));
        return QTest::qWaitFor([&] { return reply->isFinished(); }, 5000)
            && reply->error() == QNetworkReply::NoError;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_sandbox.isValid(), qPrintable(m_sandbox.error()));
        const QString err = m_fx.init();
        QVERIFY2(err.isEmpty(), qPrintable(err));
        m_env = u"prod-east-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces).left(6);
        QVERIFY(post(u"TiDB_server_is_down"_s, u"emergency"_s, 600));
        QVERIFY(post(u"TiKV_GC_can_not_work"_s, u"warning"_s, 7200));
        QVERIFY(post(u"PD_leader_change"_s, u"critical"_s, 120));

        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const int deadPort = probe.serverPort();
        probe.close();
        Environment prod = UiTestFixture::makeEnv(m_env, Tier::Prod, u"10.0.1.4"_s, 4000, u"dba"_s);
        prod.alertmanagerUrl
            = u"http://127.0.0.1:%1"_s.arg(m_sandbox.value(u"ALERTMANAGER_PORT"_s));
        Environment uat
            = UiTestFixture::makeEnv(u"uat-west"_s, Tier::Uat, u"10.0.3.4"_s, 4000, u"dba"_s);
        uat.alertmanagerUrl = u"http://127.0.0.1:%1"_s.arg(deadPort);
        QVERIFY(m_fx.inventory->saveAll({ prod, uat }).ok());

        m_window = std::make_unique<MainWindow>(m_fx.services);
        m_window->fleetChecker()->setCheckFunction(&unreachable);
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTRY_COMPARE(m_window->environmentCount(), 2);
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_fx.pool.waitForDone();
    }

    void showsTheFleetsAlertsWorstFirst()
    {
        m_window->showPage(MainWindow::Page::Alerts);
        AlertsPage *page = m_window->alertsPage();
        AlertListModel *model = page->model();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 3, 10000);
        const auto level = [&](int row) {
            return AlertLevel(model->index(row, 0).data(AlertListModel::LevelRole).toInt());
        };
        QCOMPARE(level(0), AlertLevel::Emergency);
        QCOMPARE(level(1), AlertLevel::Critical);
        QCOMPARE(level(2), AlertLevel::Warning);
        QCOMPARE(model->index(0, AlertListModel::NameColumn).data().toString(),
                 u"TiDB_server_is_down"_s);
        QCOMPARE(model->index(0, AlertListModel::EnvColumn).data().toString(), m_env);
        QCOMPARE(model->index(0, AlertListModel::SinceColumn).data().toString(), u"10 min"_s);
        QCOMPARE(model->index(2, AlertListModel::SinceColumn).data().toString(), u"2 h 0 min"_s);
        for (int r = 0; r < model->rowCount();
             ++r) // the sandbox's own prod alerts are not this environment's
            QCOMPARE(model->index(r, AlertListModel::EnvColumn).data().toString(), m_env);

        const QString headline = page->findChild<QLabel *>(u"alertsHeadline"_s)->text();
        QVERIFY2(headline.contains(u"Active alerts: 3"_s), qPrintable(headline));
        QVERIFY2(headline.contains(u"1 emergency"_s) && headline.contains(u"1 critical"_s),
                 qPrintable(headline));
        // The toolbar counts the severe ones.
        QCOMPARE(m_window->findChild<QAction *>(u"actionAlerts"_s)->text(), u"Ale&rts (2)"_s);

        // The dead Alertmanager is named, the others are still shown.
        auto *banner = page->findChild<MessageBanner *>(u"alertsBanner"_s);
        QTRY_VERIFY(banner->isVisible());
        QCOMPARE(banner->kind(), MessageBanner::Kind::Error);
        QVERIFY2(banner->detail().contains(u"refused"_s), qPrintable(banner->detail()));
        QTest::qWait(100); // let the toolbar lay out the new "Alerts (2)" text before the picture
        QVERIFY(!UiTestFixture::screenshot(m_window.get(), u"alerts-page.png"_s).isEmpty());
    }

    void refreshKeepsTheList()
    {
        AlertsPage *page = m_window->alertsPage();
        QSignalSpy updated(page->fleetAlerts(), &FleetAlerts::updated);
        QTest::mouseClick(page->findChild<QPushButton *>(u"alertsRefresh"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(updated.size(), 1, 10000);
        QCOMPARE(page->model()->rowCount(), 3);
    }
};

QTEST_MAIN(TestAlertsPage)
#include "tst_alertspage.moc"
