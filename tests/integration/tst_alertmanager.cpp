// AlertmanagerClient against the sandbox's real Alertmanager 0.25: an alert this test posts
// (TiDB-style `level` label, unique env) comes back parsed; a closed port, a server that never
// answers, an HTML page and a Prometheus (wrong API) each give a clear error, never a hang.
#include "SandboxEnv.h"
#include "alerts/AlertmanagerClient.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace TiDesk;

class TestAlertmanager : public QObject
{
    Q_OBJECT

    Test::SandboxEnv m_env;
    QNetworkAccessManager m_network;

    QUrl amUrl() const
    {
        return QUrl(u"http://127.0.0.1:%1"_s.arg(m_env.value(u"ALERTMANAGER_PORT"_s)));
    }

    // Runs one fetch; returns the spies' first arguments.
    std::pair<AlertList, Error> fetch(const QUrl &url, int timeoutMs = 5000)
    {
        AlertmanagerClient client(&m_network);
        QSignalSpy ready(&client, &AlertmanagerClient::alertsReady);
        QSignalSpy failed(&client, &AlertmanagerClient::failed);
        const quint64 id = client.fetchAlerts(url, std::chrono::milliseconds(timeoutMs));
        if (!QTest::qWaitFor([&] { return !ready.isEmpty() || !failed.isEmpty(); },
                             timeoutMs + 5000))
            return { {}, Error::make(ErrorKind::Internal, u"no answer at all"_s) };
        if (!ready.isEmpty()) {
            [&] {
                QCOMPARE(ready.first().at(0).toULongLong(), id);
            }();
            return { ready.first().at(1).value<AlertList>(), Error() };
        }
        return { {}, failed.first().at(1).value<Error>() };
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_env.isValid(), qPrintable(m_env.error()));
        qRegisterMetaType<AlertList>();
    }

    void postedAlertComesBack()
    {
        // Post a TiDB-shaped alert (level, env, cluster, instance) that expires in 5 minutes.
        const QString env
            = u"tst-alerts-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QJsonArray payload { QJsonObject {
            { u"labels"_s,
              QJsonObject { { u"alertname"_s, u"TiKV_server_is_down"_s },
                            { u"level"_s, u"critical"_s },
                            { u"env"_s, env },
                            { u"cluster"_s, env },
                            { u"instance"_s, u"10.0.1.7:20180"_s } } },
            { u"annotations"_s, QJsonObject { { u"summary"_s, u"TiKV server is down"_s } } },
            { u"startsAt"_s, now.addSecs(-60).toString(Qt::ISODate) },
            { u"endsAt"_s, now.addSecs(300).toString(Qt::ISODate) } } };
        QNetworkRequest post(QUrl(amUrl().toString() + u"/api/v2/alerts"_s));
        post.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        QNetworkReply *reply = m_network.post(post, QJsonDocument(payload).toJson());
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        reply->deleteLater();

        Alert mine;
        const auto findMine = [&] {
            const AlertList alerts = fetch(amUrl()).first;
            for (const Alert &a : alerts)
                if (a.scope() == env)
                    mine = a;
            return !mine.name.isEmpty();
        };
        QTRY_VERIFY_WITH_TIMEOUT(findMine(), 10000);
        QCOMPARE(mine.name, u"TiKV_server_is_down"_s);
        QCOMPARE(mine.level, AlertLevel::Critical);
        QCOMPARE(mine.summary, u"TiKV server is down"_s);
        QCOMPARE(mine.state, u"active"_s);
        QVERIFY(mine.concerns(env));
        QVERIFY(!mine.concerns(u"prod"_s));
        QVERIFY(qAbs(mine.startsAt.secsTo(now.addSecs(-60))) <= 1);
        QVERIFY(!mine.fingerprint.isEmpty());
    }

    void closedPort()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const int port = probe.serverPort();
        probe.close();
        const auto [alerts, error] = fetch(QUrl(u"http://127.0.0.1:%1"_s.arg(port)));
        QCOMPARE(error.kind, ErrorKind::Connection);
        QVERIFY2(error.message.contains(u"refused"_s), qPrintable(error.message));
    }

    void silentServerTimesOut()
    {
        QTcpServer silent; // accepts, never answers
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        QElapsedTimer t;
        t.start();
        const auto [alerts, error]
            = fetch(QUrl(u"http://127.0.0.1:%1"_s.arg(silent.serverPort())), 1000);
        QCOMPARE(error.kind, ErrorKind::Timeout);
        QVERIFY2(t.elapsed() < 5000, qPrintable(QString::number(t.elapsed())));
    }

    void htmlPage()
    {
        // A proxy's login page where the Alertmanager should be.
        QTcpServer html;
        QVERIFY(html.listen(QHostAddress::LocalHost, 0));
        connect(&html, &QTcpServer::newConnection, this, [&html] {
            QTcpSocket *s = html.nextPendingConnection();
            connect(s, &QTcpSocket::readyRead, s, [s] {
                s->readAll();
                const QByteArray page = "<!DOCTYPE html><html><body><h1>Sign in</h1></body></html>";
                s->write("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: "
                         + QByteArray::number(page.size()) + "\r\nConnection: close\r\n\r\n"
                         + page);
                s->disconnectFromHost();
            });
        });
        const auto [alerts, error] = fetch(QUrl(u"http://127.0.0.1:%1"_s.arg(html.serverPort())));
        QCOMPARE(error.kind, ErrorKind::InvalidInput);
        QVERIFY2(error.message.contains(u"HTML"_s), qPrintable(error.message));
    }

    void prometheusIsNotAnAlertmanager()
    {
        const auto [alerts, error]
            = fetch(QUrl(u"http://127.0.0.1:%1"_s.arg(m_env.value(u"PROMETHEUS_PORT"_s))));
        QVERIFY(error.isError());
        QVERIFY2(error.message.contains(u"HTTP 404"_s) || error.kind == ErrorKind::InvalidInput,
                 qPrintable(error.toString()));
    }

    void notAUrl()
    {
        const auto [alerts, error] = fetch(QUrl(u"alertmanager:9093"_s));
        QCOMPARE(error.kind, ErrorKind::InvalidInput);
    }
};

QTEST_GUILESS_MAIN(TestAlertmanager)
#include "tst_alertmanager.moc"
