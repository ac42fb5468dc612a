// Alert and AlertmanagerParser: TiDB's `level` and mysqld_exporter's `severity` folded into one
// level, the reading order, environment scoping, and clear errors for bodies that are not an
// Alertmanager's (HTML, garbage, wrong JSON, HTTP errors).
#include "alerts/AlertmanagerParser.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TiDesk;

namespace {

// tests/data/alertmanager/alerts.json: the TiDB example of tidb-reference §9.4, a mysqld_exporter
// alert, a suppressed one without annotations, and two malformed entries.
QByteArray body()
{
    QFile f(QStringLiteral(TIDESK_TEST_DATA_DIR "/alertmanager/alerts.json"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestAlerts : public QObject
{
    Q_OBJECT

private slots:
    void levels_data()
    {
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("level");
        QTest::newRow("tidb emergency")
            << u"level"_s << u"emergency"_s << int(AlertLevel::Emergency);
        QTest::newRow("tidb critical") << u"level"_s << u"critical"_s << int(AlertLevel::Critical);
        QTest::newRow("tidb warning") << u"level"_s << u"warning"_s << int(AlertLevel::Warning);
        QTest::newRow("mixin critical")
            << u"severity"_s << u"critical"_s << int(AlertLevel::Critical);
        QTest::newRow("mixin warning") << u"severity"_s << u"Warning"_s << int(AlertLevel::Warning);
        QTest::newRow("info") << u"severity"_s << u"info"_s << int(AlertLevel::Info);
        QTest::newRow("page") << u"severity"_s << u"page"_s << int(AlertLevel::Emergency);
        QTest::newRow("odd") << u"severity"_s << u"p3"_s << int(AlertLevel::Unknown);
        QTest::newRow("none") << u"team"_s << u"dba"_s << int(AlertLevel::Unknown);
    }

    void levels()
    {
        QFETCH(QString, label);
        QFETCH(QString, value);
        QFETCH(int, level);
        QString raw;
        QCOMPARE(int(Alert::levelFromLabels({ { label, value } }, &raw)), level);
        QCOMPARE(raw, (label == u"level"_s || label == u"severity"_s) ? value : QString());
    }

    void levelWinsOverSeverity()
    {
        // TiDB's own label is the one its rules mean.
        QCOMPARE(Alert::levelFromLabels(
                     { { u"level"_s, u"emergency"_s }, { u"severity"_s, u"warning"_s } }),
                 AlertLevel::Emergency);
    }

    void parsesTidbAndMysqlAlerts()
    {
        const auto r = AlertmanagerParser::parseAlerts(body(), 200, u"http://am:9093"_s);
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QCOMPARE(r->skipped, 2);
        QCOMPARE(r->alerts.size(), 3);
        // Worst first: emergency, critical, warning.
        const Alert &pd = r->alerts.at(0);
        QCOMPARE(pd.name, u"PD_cluster_down_store_nums"_s);
        QCOMPARE(pd.level, AlertLevel::Emergency);
        QCOMPARE(pd.levelLabel, u"emergency"_s);
        QCOMPARE(pd.summary, u"PD_cluster_down_store_nums"_s);
        QVERIFY(pd.description.startsWith(u"cluster: prod-cluster"_s));
        QCOMPARE(pd.startsAt, QDateTime(QDate(2024, 5, 14), QTime(1, 21, 33, 487), Qt::UTC));
        QCOMPARE(pd.silencedBy, QStringList { u"s1"_s });
        QCOMPARE(pd.fingerprint, u"fbab788ec4c1018b"_s);
        QCOMPARE(pd.scope(), u"prod-cluster"_s);
        QCOMPARE(r->alerts.at(1).level, AlertLevel::Critical);
        QCOMPARE(r->alerts.at(1).state, u"suppressed"_s);
        QCOMPARE(r->alerts.at(1).summary, u"TiKV_server_is_down"_s); // no annotations: the name
        QCOMPARE(r->alerts.at(2).level, AlertLevel::Warning);
        QCOMPARE(r->alerts.at(2).labels.value(u"instance"_s), u"127.0.0.1:24013"_s);
    }

    void scoping()
    {
        Alert a;
        a.labels = { { u"env"_s, u"prod"_s } };
        QVERIFY(a.concerns(u"prod"_s));
        QVERIFY(a.concerns(u"PROD"_s));
        QVERIFY(!a.concerns(u"uat01"_s));
        Alert tiup;
        tiup.labels = { { u"cluster"_s, u"prod-east"_s } };
        QVERIFY(tiup.concerns(u"prod-east"_s));
        QVERIFY(!tiup.concerns(u"prod"_s));
        Alert unscoped;
        unscoped.labels = { { u"alertname"_s, u"X"_s } };
        QVERIFY(unscoped.concerns(u"anything"_s));
    }

    void emptyListIsFine()
    {
        const auto r = AlertmanagerParser::parseAlerts("[]", 200, u"http://am:9093"_s);
        QVERIFY(r.ok());
        QVERIFY(r->alerts.isEmpty());
    }

    void badBodies_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("html login page")
            << QByteArray("<!DOCTYPE html><html><body>Sign in</body></html>") << 200
            << int(ErrorKind::InvalidInput) << u"HTML"_s;
        QTest::newRow("garbage") << QByteArray("\x01\x02garbage\xff") << 200
                                 << int(ErrorKind::InvalidInput) << u"JSON"_s;
        QTest::newRow("prometheus answer")
            << QByteArray("{\"status\":\"success\",\"data\":{\"alerts\":[]}}") << 200
            << int(ErrorKind::InvalidInput) << u"not a list of alerts"_s;
        QTest::newRow("http 500 json") << QByteArray("{\"message\":\"internal failure\"}") << 500
                                       << int(ErrorKind::Server) << u"internal failure"_s;
        QTest::newRow("http 404 html") << QByteArray("<html>404 page not found</html>") << 404
                                       << int(ErrorKind::Server) << u"HTTP 404"_s;
        QTest::newRow("empty") << QByteArray() << 200 << int(ErrorKind::InvalidInput) << u"JSON"_s;
    }

    void badBodies()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(int, kind);
        QFETCH(QString, mentions);
        const auto r = AlertmanagerParser::parseAlerts(body, status, u"http://am:9093"_s);
        QVERIFY(!r.ok());
        QCOMPARE(int(r.error().kind), kind);
        QVERIFY2(r.error().message.contains(mentions), qPrintable(r.error().message));
        QVERIFY2(r.error().message.contains(u"http://am:9093"_s), qPrintable(r.error().message));
    }
};

QTEST_GUILESS_MAIN(TestAlerts)
#include "tst_alerts.moc"
