// The Alerts page over the sandbox's real Alertmanager: alerts this test posts (TiDB `level`
// labels, an environment of its own) appear worst first with their levels, the headline counts
// them, another environment's alerts stay out, and an Alertmanager that is not there is named in
// an error banner without hiding the others. Silencing through the page: the Silence… dialog
// (production: confirmation box), the alert comes back silenced (grey, "silenced", selection
// kept, "Expire silence" enabled; screenshot alerts-silenced.png), then the silence is expired.
// Enter and a double-click emit alertActivated(env, startsAt). FAILS when the sandbox is not up.
#include "MainWindow.h"
#include "MessageBanner.h"
#include "SandboxEnv.h"
#include "UiTestFixture.h"
#include "alerts/AlertListModel.h"
#include "alerts/AlertmanagerClient.h"
#include "alerts/FleetAlerts.h"
#include "dialogs/SilenceDialog.h"
#include "health/FleetChecker.h"
#include "pages/AlertsPage.h"

#include <QAction>
#include <QCheckBox>
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
    QStringList m_silences; // expired again in cleanupTestCase

    int rowOf(const QString &name) const
    {
        AlertListModel *model = m_window->alertsPage()->model();
        for (int r = 0; r < model->rowCount(); ++r)
            if (model->index(r, AlertListModel::NameColumn).data().toString() == name)
                return r;
        return -1;
    }
    bool silenced(int row) const
    {
        return row >= 0
            && m_window->alertsPage()
                   ->model()
                   ->index(row, 0)
                   .data(AlertListModel::SilencedRole)
                   .toBool();
    }

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
        if (!m_silences.isEmpty()) { // a test failed between silence and expire
            AlertmanagerClient client(&m_network);
            QSignalSpy done(&client, &AlertmanagerClient::silenceExpired);
            QSignalSpy failed(&client, &AlertmanagerClient::failed);
            const QUrl url(u"http://127.0.0.1:%1"_s.arg(m_sandbox.value(u"ALERTMANAGER_PORT"_s)));
            for (const QString &id : std::as_const(m_silences))
                client.expireSilence(url, id);
            (void)QTest::qWaitFor([&] { return done.size() + failed.size() == m_silences.size(); },
                                  5000);
        }
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

    void silenceAndExpireThroughThePage()
    {
        AlertsPage *page = m_window->alertsPage();
        QSignalSpy created(page, &AlertsPage::silenceCreated);
        QSignalSpy expired(page, &AlertsPage::silenceExpired);
        QVERIFY(!page->silenceAction()->isEnabled()); // nothing selected
        const int row = rowOf(u"PD_leader_change"_s);
        QVERIFY(row >= 0);
        page->selectRow(row);
        QVERIFY(page->silenceAction()->isEnabled());
        QVERIFY(!page->expireAction()->isEnabled());

        SilenceDialog *dialog = page->silenceSelected();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->envName(), m_env);
        QVERIFY(dialog->requiresConfirmation()); // a production environment
        dialog->setDuration(SilenceDialog::FourHours);
        dialog->setComment(u"CHG-901 PD leader transfer during maintenance"_s);
        dialog->findChild<QCheckBox *>(u"silenceConfirmProd"_s)->setChecked(true);
        dialog->accept();

        QTRY_COMPARE_WITH_TIMEOUT(created.size(), 1, 10000);
        m_silences << created.first().at(1).toString();
        QCOMPARE(created.first().at(0).toString(), m_env);
        auto *note = page->findChild<MessageBanner *>(u"alertsActionBanner"_s);
        QCOMPARE(note->kind(), MessageBanner::Kind::Success);
        QVERIFY2(note->text().contains(u"PD_leader_change"_s), qPrintable(note->text()));

        // The page refreshes by itself: the alert comes back silenced, still selected.
        QTRY_VERIFY_WITH_TIMEOUT(silenced(rowOf(u"PD_leader_change"_s)), 10000);
        const int now = rowOf(u"PD_leader_change"_s);
        QCOMPARE(page->model()->index(now, AlertListModel::StateColumn).data().toString(),
                 u"silenced"_s);
        QCOMPARE(
            page->model()->index(now, 0).data(AlertListModel::AlertRole).value<Alert>().silencedBy,
            QStringList { m_silences.first() });
        QCOMPARE(page->table()->selectionModel()->selectedRows().value(0).row(), now);
        QVERIFY(page->expireAction()->isEnabled());
        QVERIFY(!silenced(rowOf(u"TiDB_server_is_down"_s))); // the others are untouched
        const QString headline = page->findChild<QLabel *>(u"alertsHeadline"_s)->text();
        QVERIFY2(headline.contains(u"1 silenced"_s), qPrintable(headline));
        // The picture with another row selected, so the silenced row shows its grey.
        page->selectRow(rowOf(u"TiDB_server_is_down"_s));
        QVERIFY(!page->expireAction()->isEnabled());
        QTest::qWait(100); // let the banner and the table lay out before the picture
        QVERIFY(!UiTestFixture::screenshot(m_window.get(), u"alerts-silenced.png"_s).isEmpty());
        page->selectRow(rowOf(u"PD_leader_change"_s));
        QVERIFY(page->expireAction()->isEnabled());

        page->expireSelected();
        QTRY_COMPARE_WITH_TIMEOUT(expired.size(), 1, 10000);
        QCOMPARE(expired.first().at(1).toString(), m_silences.first());
        QTRY_VERIFY_WITH_TIMEOUT(!silenced(rowOf(u"PD_leader_change"_s)), 10000);
        m_silences.clear();
        QTRY_VERIFY(!page->expireAction()->isEnabled());
    }

    void activatingAnAlert()
    {
        AlertsPage *page = m_window->alertsPage();
        QSignalSpy activated(page, &AlertsPage::alertActivated);
        const int row = rowOf(u"TiDB_server_is_down"_s);
        QVERIFY(row >= 0);
        page->selectRow(row);
        const QDateTime startsAt
            = page->model()->index(row, 0).data(AlertListModel::StartsAtRole).toDateTime();
        QVERIFY(startsAt.isValid());
        QTableView *table = page->table();
        table->setFocus();
        QTest::keyClick(table, Qt::Key_Return);
        QTRY_COMPARE(activated.size(), 1);
        QCOMPARE(activated.at(0).at(0).toString(), m_env);
        QCOMPARE(activated.at(0).at(1).toDateTime(), startsAt);
        const QRect cell
            = table->visualRect(table->model()->index(row, AlertListModel::NameColumn));
        // QTest's double-click needs the press of a first click (QAbstractItemView checks it).
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QTRY_COMPARE(activated.size(), 2);
        QCOMPARE(activated.at(1).at(1).toDateTime(), startsAt);
    }
};

QTEST_MAIN(TestAlertsPage)
#include "tst_alertspage.moc"
