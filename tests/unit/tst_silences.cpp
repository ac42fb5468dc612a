// Silences: the matchers TiDesk derives from an alert, what it refuses to send (no comment, no
// matchers, under a minute), the POST body, and AlertmanagerParser on the real bodies of
// Alertmanager 0.25's silence endpoints (tests/data/alertmanager/silence*.json): the list with
// only the active ones, the created id, and each refusal with Alertmanager's own words.
// Also AlertListModel's silenced marking.
#include "alerts/AlertListModel.h"
#include "alerts/AlertmanagerParser.h"
#include "alerts/Silence.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TiDesk;

namespace {

QByteArray fixture(const char *name)
{
    QFile f(QStringLiteral(TIDESK_TEST_DATA_DIR "/alertmanager/") + QString::fromLatin1(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

Alert tidbAlert()
{
    Alert a;
    a.name = u"TiKV_server_is_down"_s;
    a.level = AlertLevel::Critical;
    a.labels = { { u"alertname"_s, a.name },
                 { u"level"_s, u"critical"_s },
                 { u"instance"_s, u"10.0.1.7:20180"_s },
                 { u"cluster"_s, u"prod-east"_s },
                 { u"env"_s, u"prod-east"_s },
                 { u"monitor"_s, u"prometheus"_s } };
    a.fingerprint = u"abc"_s;
    return a;
}

const QString kUrl = u"http://am:9093"_s;

} // namespace

class TestSilences : public QObject
{
    Q_OBJECT

private slots:
    void matchersOfATidbAlert()
    {
        const SilenceMatchers m = Silence::matchersFor(tidbAlert());
        QCOMPARE(m.size(), 4);
        QCOMPARE(m.at(0), (SilenceMatcher { u"alertname"_s, u"TiKV_server_is_down"_s }));
        QCOMPARE(m.at(1), (SilenceMatcher { u"env"_s, u"prod-east"_s }));
        QCOMPARE(m.at(2), (SilenceMatcher { u"cluster"_s, u"prod-east"_s }));
        QCOMPARE(m.at(3), (SilenceMatcher { u"instance"_s, u"10.0.1.7:20180"_s }));
        for (const SilenceMatcher &x : m)
            QVERIFY(!x.isRegex && x.isEqual);
    }

    void matchersOfAMysqlAlert()
    {
        // The sandbox's own rule: alertname, env, instance, severity, job, tier.
        Alert a;
        a.name = u"MariaDBInstanceDown"_s;
        a.labels = { { u"alertname"_s, a.name },
                     { u"env"_s, u"test01"_s },
                     { u"instance"_s, u"127.0.0.1:28011"_s },
                     { u"job"_s, u"mysql"_s },
                     { u"severity"_s, u"critical"_s },
                     { u"tier"_s, u"test"_s } };
        const SilenceMatchers m = Silence::matchersFor(a);
        QStringList shown;
        for (const SilenceMatcher &x : m)
            shown << x.toString();
        QCOMPARE(shown,
                 (QStringList { u"alertname=\"MariaDBInstanceDown\""_s, u"env=\"test01\""_s,
                                u"instance=\"127.0.0.1:28011\""_s }));
    }

    void noNameNoMatchers()
    {
        Alert a;
        a.labels = { { u"env"_s, u"prod"_s } };
        QVERIFY(Silence::matchersFor(a).isEmpty());
    }

    void matcherText()
    {
        QCOMPARE((SilenceMatcher { u"a"_s, u"x"_s, true, true }).toString(), u"a=~\"x\""_s);
        QCOMPARE((SilenceMatcher { u"a"_s, u"x"_s, false, false }).toString(), u"a!=\"x\""_s);
        QCOMPARE((SilenceMatcher { u"a"_s, u"x"_s, true, false }).toString(), u"a!~\"x\""_s);
        QCOMPARE((SilenceMatcher { u"a"_s, u"say \"hi\""_s }).toString(),
                 u"a=\"say \\\"hi\\\"\""_s);
    }

    void refusedBeforeSending_data()
    {
        QTest::addColumn<QString>("comment");
        QTest::addColumn<int>("seconds");
        QTest::addColumn<bool>("withMatchers");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("empty comment") << QString() << 3600 << true << u"comment"_s;
        QTest::newRow("blank comment") << u"  \n\t "_s << 3600 << true << u"comment"_s;
        QTest::newRow("no matchers") << u"why"_s << 3600 << false << u"matcher"_s;
        QTest::newRow("too short") << u"why"_s << 30 << true << u"minute"_s;
        QTest::newRow("negative") << u"why"_s << -3600 << true << u"minute"_s;
    }

    void refusedBeforeSending()
    {
        QFETCH(QString, comment);
        QFETCH(int, seconds);
        QFETCH(bool, withMatchers);
        QFETCH(QString, mentions);
        const auto r
            = Silence::make(withMatchers ? Silence::matchersFor(tidbAlert()) : SilenceMatchers {},
                            std::chrono::seconds(seconds), comment);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::InvalidInput);
        QVERIFY2(r.error().message.contains(mentions), qPrintable(r.error().message));
    }

    void currentUser()
    {
        const QByteArray user = qgetenv("USER");
        const QByteArray username = qgetenv("USERNAME");
        const QByteArray logname = qgetenv("LOGNAME");
        qputenv("USER", "alice");
        QCOMPARE(Silence::currentUserName(), u"alice"_s);
        qunsetenv("USER");
        qputenv("USERNAME", "bob");
        QCOMPARE(Silence::currentUserName(), u"bob"_s);
        qunsetenv("USERNAME");
        qunsetenv("LOGNAME");
        QCOMPARE(Silence::currentUserName(), u"tidesk"_s);
        for (const auto &[var, value] :
             { std::pair { "USER", user }, { "USERNAME", username }, { "LOGNAME", logname } })
            if (!value.isEmpty())
                qputenv(var, value);
    }

    void postBody()
    {
        qputenv("USER", "dba-on-call");
        const QDateTime now(QDate(2026, 11, 30), QTime(6, 0, 0, 250), Qt::UTC);
        const auto s = Silence::make(Silence::matchersFor(tidbAlert()), std::chrono::hours(4),
                                     u"  CHG-42 TiKV disk swap  "_s, now);
        QVERIFY2(s.ok(), qPrintable(s.error().toString()));
        QCOMPARE(s->createdBy, u"dba-on-call"_s);
        QCOMPARE(s->comment, u"CHG-42 TiKV disk swap"_s);
        QCOMPARE(s->startsAt.secsTo(s->endsAt), 4 * 3600);
        QVERIFY(s->check().ok());

        const QJsonObject o = QJsonDocument::fromJson(s->toPostBody()).object();
        QVERIFY(!o.contains(u"id"_s));
        QCOMPARE(o.value(u"startsAt"_s).toString(), u"2026-11-30T06:00:00.250Z"_s);
        QCOMPARE(o.value(u"endsAt"_s).toString(), u"2026-11-30T10:00:00.250Z"_s);
        QCOMPARE(o.value(u"createdBy"_s).toString(), u"dba-on-call"_s);
        QCOMPARE(o.value(u"comment"_s).toString(), u"CHG-42 TiKV disk swap"_s);
        const QJsonArray m = o.value(u"matchers"_s).toArray();
        QCOMPARE(m.size(), 4);
        QCOMPARE(m.at(0).toObject().value(u"name"_s).toString(), u"alertname"_s);
        QCOMPARE(m.at(0).toObject().value(u"value"_s).toString(), u"TiKV_server_is_down"_s);
        QCOMPARE(m.at(0).toObject().value(u"isRegex"_s), QJsonValue(false));
        QCOMPARE(m.at(0).toObject().value(u"isEqual"_s), QJsonValue(true));
    }

    void activeSilencesOnly()
    {
        const auto r = AlertmanagerParser::parseSilences(fixture("silences.json"), 200, kUrl, true);
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QCOMPARE(r->skipped, 3); // no matchers, a string, no id
        QCOMPARE(r->silences.size(), 2);
        // The one ending first first.
        const Silence &first = r->silences.at(0);
        QCOMPARE(first.id, u"0b6f3c1e-2a41-4c55-9d7e-6a0f3c9e1b20"_s);
        QCOMPARE(first.matchers.size(), 2);
        QVERIFY(first.matchers.at(0).isRegex);
        QVERIFY(first.matchers.at(0).isEqual); // absent: equal (Alertmanager < 0.22)
        QCOMPARE(first.matchers.at(0).value, u"10\\.0\\.1\\..*"_s);
        QVERIFY(!first.matchers.at(1).isEqual);
        QCOMPARE(first.matchers.at(1).toString(), u"level!=\"emergency\""_s);
        const Silence &second = r->silences.at(1);
        QCOMPARE(second.id, u"59568032-6467-4468-9097-394e8c723452"_s);
        QCOMPARE(second.createdBy, u"alice"_s);
        QCOMPARE(second.comment, u"CHG-1234 planned restart"_s);
        QVERIFY(second.isActive());
        QCOMPARE(second.endsAt, QDateTime(QDate(2026, 11, 30), QTime(7, 8, 46), Qt::UTC));
        QCOMPARE(second.matchers.at(1), (SilenceMatcher { u"env"_s, u"test01"_s }));
    }

    void allSilencesActiveFirst()
    {
        const auto r
            = AlertmanagerParser::parseSilences(fixture("silences.json"), 200, kUrl, false);
        QVERIFY(r.ok());
        QStringList states;
        for (const Silence &s : r->silences)
            states << s.state;
        QCOMPARE(states, (QStringList { u"active"_s, u"active"_s, u"pending"_s, u"expired"_s }));
    }

    void silencesBadBodies_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("html") << QByteArray("<html><body>Sign in</body></html>") << 200
                              << int(ErrorKind::InvalidInput) << u"HTML"_s;
        QTest::newRow("alerts object") << fixture("silence-created.json") << 200
                                       << int(ErrorKind::InvalidInput) << u"list of silences"_s;
        QTest::newRow("garbage") << QByteArray("\x01garbage") << 200 << int(ErrorKind::InvalidInput)
                                 << u"list of silences"_s;
        QTest::newRow("http 500") << fixture("silence-not-found.json") << 500
                                  << int(ErrorKind::NotFound) << u"HTTP 500: silence not found"_s;
    }

    void silencesBadBodies()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(int, kind);
        QFETCH(QString, mentions);
        const auto r = AlertmanagerParser::parseSilences(body, status, kUrl, true);
        QVERIFY(!r.ok());
        QCOMPARE(int(r.error().kind), kind);
        QVERIFY2(r.error().message.contains(mentions), qPrintable(r.error().message));
        QVERIFY2(r.error().message.contains(kUrl), qPrintable(r.error().message));
    }

    void created()
    {
        const auto r
            = AlertmanagerParser::parseSilenceCreated(fixture("silence-created.json"), 200, kUrl);
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QCOMPARE(*r, u"59568032-6467-4468-9097-394e8c723452"_s);
        const auto noId = AlertmanagerParser::parseSilenceCreated("[]", 200, kUrl);
        QVERIFY(!noId.ok());
        QCOMPARE(noId.error().kind, ErrorKind::InvalidInput);
    }

    void createRefusedWithAlertmanagersWords()
    {
        // Alertmanager 0.25 answers HTTP 400 with a JSON string: shown unquoted.
        const auto r = AlertmanagerParser::parseSilenceCreated(fixture("silence-bad-request.json"),
                                                               400, kUrl);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Server);
        QCOMPARE(r.error().message,
                 u"Alertmanager at http://am:9093 answered HTTP 400: Failed to create silence: "
                 "start time must be before end time"_s);
        QVERIFY(r.error().detail.contains(u"start time must be before end time"_s));
    }

    void expired()
    {
        QVERIFY(AlertmanagerParser::parseSilenceExpired({}, 200, kUrl).ok());
        const auto gone
            = AlertmanagerParser::parseSilenceExpired(fixture("silence-not-found.json"), 500, kUrl);
        QVERIFY(!gone.ok());
        QCOMPARE(gone.error().kind, ErrorKind::NotFound);
        QVERIFY2(gone.error().message.endsWith(u": silence not found"_s),
                 qPrintable(gone.error().message));
        const auto badId
            = AlertmanagerParser::parseSilenceExpired(fixture("silence-bad-id.json"), 422, kUrl);
        QVERIFY(!badId.ok());
        QCOMPARE(badId.error().kind, ErrorKind::Server);
        QVERIFY2(badId.error().message.contains(
                     u"HTTP 422: silenceID in path must be of type uuid: \"garbage\""_s),
                 qPrintable(badId.error().message));
    }

    void alertsErrorAsJsonString()
    {
        // The alerts endpoint's errors have the same shape.
        const auto r
            = AlertmanagerParser::parseAlerts(fixture("silence-bad-request.json"), 400, kUrl);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.endsWith(u"HTTP 400: Failed to create silence: start time must "
                                            "be before end time"_s),
                 qPrintable(r.error().message));
    }

    void modelMarksSilencedAlerts()
    {
        AlertListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        Alert loud = tidbAlert();
        loud.state = u"active"_s;
        Alert muted = tidbAlert();
        muted.fingerprint = u"def"_s;
        muted.state = u"suppressed"_s;
        muted.silencedBy = { u"59568032-6467-4468-9097-394e8c723452"_s };
        muted.startsAt = QDateTime(QDate(2026, 11, 30), QTime(6, 0), Qt::UTC);
        model.setAlerts({ { u"prod-east"_s, loud }, { u"prod-east"_s, muted } });
        QCOMPARE(model.index(0, 0).data(AlertListModel::SilencedRole).toBool(), false);
        QCOMPARE(model.index(1, 0).data(AlertListModel::SilencedRole).toBool(), true);
        QCOMPARE(model.index(0, AlertListModel::StateColumn).data().toString(), u"active"_s);
        QCOMPARE(model.index(1, AlertListModel::StateColumn).data().toString(), u"silenced"_s);
        QVERIFY(model.index(1, 0)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(u"Silenced by 59568032-6467-4468-9097-394e8c723452"_s));
        QCOMPARE(model.index(1, 0).data(AlertListModel::StartsAtRole).toDateTime(), muted.startsAt);
        QCOMPARE(model.rowOf(u"prod-east"_s, u"def"_s), 1);
        QCOMPARE(model.rowOf(u"prod-east"_s, u"abc"_s), 0);
        QCOMPARE(model.rowOf(u"uat"_s, u"abc"_s), -1);
        QCOMPARE(model.rowOf(u"prod-east"_s, QString()), -1);
    }
};

QTEST_GUILESS_MAIN(TestSilences)
#include "tst_silences.moc"
