// Silences against the sandbox's real Alertmanager 0.25: an alert this test posts (TiDB-style,
// an environment of its own) is silenced with the matchers TiDesk derives from it, comes back
// "suppressed" with silencedBy naming the new silence, shows in the active silences with its
// author and comment, and is active again once the silence is expired. Bad input: an empty
// comment is refused before anything is sent, Alertmanager's own refusal (HTTP 400) is shown in
// its words, a closed port says "refused", an unknown silence id says so.
#include "SandboxEnv.h"
#include "alerts/AlertmanagerClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace TiDesk;

class TestSilencesSandbox : public QObject
{
    Q_OBJECT

    Test::SandboxEnv m_env;
    QNetworkAccessManager m_network;
    AlertmanagerClient *m_client = nullptr;
    QString m_scope;
    QStringList m_created; // expired again in cleanupTestCase, whatever happened

    QUrl amUrl() const
    {
        return QUrl(u"http://127.0.0.1:%1"_s.arg(m_env.value(u"ALERTMANAGER_PORT"_s)));
    }

    // Waits for the answer to request `id`: the first argument list of the signal that carried
    // it (the spies are made before the request); empty on no answer.
    static QList<QVariant> answerOf(quint64 id, QSignalSpy &ok, QSignalSpy &failed,
                                    int timeoutMs = 10000)
    {
        QList<QVariant> out;
        const auto find = [&] {
            for (QSignalSpy *spy : { &ok, &failed })
                for (const QList<QVariant> &args : std::as_const(*spy))
                    if (args.at(0).toULongLong() == id) {
                        out = args;
                        return true;
                    }
            return false;
        };
        (void)QTest::qWaitFor(find, timeoutMs);
        return out;
    }

    Alert fetchMine()
    {
        QSignalSpy ready(m_client, &AlertmanagerClient::alertsReady);
        QSignalSpy failed(m_client, &AlertmanagerClient::failed);
        const quint64 id = m_client->fetchAlerts(amUrl());
        const QList<QVariant> a = answerOf(id, ready, failed);
        if (a.size() < 2 || !a.at(1).canConvert<AlertList>())
            return {};
        for (const Alert &x : a.at(1).value<AlertList>())
            if (x.scope() == m_scope)
                return x;
        return {};
    }

    SilenceList fetchSilences()
    {
        QSignalSpy ready(m_client, &AlertmanagerClient::silencesReady);
        QSignalSpy failed(m_client, &AlertmanagerClient::failed);
        const quint64 id = m_client->fetchSilences(amUrl());
        const QList<QVariant> a = answerOf(id, ready, failed);
        return a.size() >= 2 ? a.at(1).value<SilenceList>() : SilenceList {};
    }

    // Sends a create request; returns (silence id, error).
    std::pair<QString, Error> create(const QUrl &url, const Silence &s)
    {
        QSignalSpy created(m_client, &AlertmanagerClient::silenceCreated);
        QSignalSpy failed(m_client, &AlertmanagerClient::failed);
        const quint64 id = m_client->createSilence(url, s);
        const QList<QVariant> a = answerOf(id, created, failed);
        if (a.size() < 2)
            return { {}, Error::make(ErrorKind::Internal, u"no answer at all"_s) };
        if (a.at(1).typeId() == QMetaType::QString) {
            m_created << a.at(1).toString();
            return { a.at(1).toString(), Error() };
        }
        return { {}, a.at(1).value<Error>() };
    }

    Error expire(const QUrl &url, const QString &silenceId)
    {
        QSignalSpy expired(m_client, &AlertmanagerClient::silenceExpired);
        QSignalSpy failed(m_client, &AlertmanagerClient::failed);
        const quint64 id = m_client->expireSilence(url, silenceId);
        const QList<QVariant> a = answerOf(id, expired, failed);
        if (a.size() < 2)
            return Error::make(ErrorKind::Internal, u"no answer at all"_s);
        if (a.at(1).typeId() == QMetaType::QString) {
            if (a.at(1).toString() != silenceId)
                return Error::make(ErrorKind::Internal, u"expired another id"_s);
            return {};
        }
        return a.at(1).value<Error>();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_env.isValid(), qPrintable(m_env.error()));
        m_client = new AlertmanagerClient(&m_network, this);
        m_scope = u"tst-silence-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QJsonArray payload { QJsonObject {
            { u"labels"_s,
              QJsonObject { { u"alertname"_s, u"TiKV_server_is_down"_s },
                            { u"level"_s, u"critical"_s },
                            { u"env"_s, m_scope },
                            { u"cluster"_s, m_scope },
                            { u"instance"_s, u"10.0.1.7:20180"_s } } },
            { u"annotations"_s, QJsonObject { { u"summary"_s, u"TiKV server is down"_s } } },
            { u"startsAt"_s, now.addSecs(-60).toString(Qt::ISODate) },
            { u"endsAt"_s, now.addSecs(600).toString(Qt::ISODate) } } };
        QNetworkRequest post(QUrl(amUrl().toString() + u"/api/v2/alerts"_s));
        post.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        std::unique_ptr<QNetworkReply> reply(m_network.post(post, QJsonDocument(payload).toJson()));
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        QTRY_VERIFY_WITH_TIMEOUT(!fetchMine().name.isEmpty(), 10000);
    }

    void cleanupTestCase()
    {
        for (const QString &id : std::as_const(m_created))
            (void)expire(amUrl(), id); // already expired is fine (Alertmanager says 200)
    }

    void silenceAndExpire()
    {
        const Alert before = fetchMine();
        QCOMPARE(before.state, u"active"_s);
        QVERIFY(before.silencedBy.isEmpty());

        const QString comment
            = u"tst_silences_sandbox "_s + QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
        const auto s = Silence::make(Silence::matchersFor(before), std::chrono::hours(1), comment);
        QVERIFY2(s.ok(), qPrintable(s.error().toString()));
        QCOMPARE(s->matchers.size(), 4); // alertname, env, cluster, instance
        const auto [sid, error] = create(amUrl(), *s);
        QVERIFY2(!error.isError(), qPrintable(error.toString()));
        QVERIFY(!sid.isEmpty());

        Alert muted;
        QTRY_VERIFY_WITH_TIMEOUT((muted = fetchMine()).state == u"suppressed"_s, 10000);
        QCOMPARE(muted.silencedBy, QStringList { sid });

        const SilenceList active = fetchSilences();
        const auto it = std::find_if(active.cbegin(), active.cend(),
                                     [&](const Silence &x) { return x.id == sid; });
        QVERIFY(it != active.cend());
        QVERIFY(it->isActive());
        QCOMPARE(it->createdBy, Silence::currentUserName());
        QCOMPARE(it->comment, comment);
        QCOMPARE(it->matchers, s->matchers);
        QVERIFY(qAbs(it->endsAt.secsTo(s->endsAt)) <= 1);

        const Error expired = expire(amUrl(), sid);
        QVERIFY2(!expired.isError(), qPrintable(expired.toString()));
        Alert again;
        QTRY_VERIFY_WITH_TIMEOUT((again = fetchMine()).state == u"active"_s, 10000);
        QVERIFY(again.silencedBy.isEmpty());
        for (const Silence &x : fetchSilences())
            QVERIFY2(x.id != sid, "an expired silence is listed as active");
    }

    void emptyCommentIsNeverSent()
    {
        // A server that would see any request: it must see none.
        QTcpServer listener;
        QVERIFY(listener.listen(QHostAddress::LocalHost, 0));
        int connections = 0;
        connect(&listener, &QTcpServer::newConnection, this, [&] {
            ++connections;
            delete listener.nextPendingConnection();
        });
        Silence s;
        s.matchers = Silence::matchersFor(fetchMine());
        s.startsAt = QDateTime::currentDateTimeUtc();
        s.endsAt = s.startsAt.addSecs(3600);
        s.createdBy = Silence::currentUserName();
        s.comment = u"   "_s;
        const int silencesBefore = int(fetchSilences().size());
        for (const QUrl &url :
             { QUrl(u"http://127.0.0.1:%1"_s.arg(listener.serverPort())), amUrl() }) {
            const auto [sid, error] = create(url, s);
            QVERIFY(sid.isEmpty());
            QCOMPARE(error.kind, ErrorKind::InvalidInput);
            QVERIFY2(error.message.contains(u"comment"_s), qPrintable(error.message));
        }
        QCOMPARE(connections, 0);
        QCOMPARE(int(fetchSilences().size()), silencesBefore);
    }

    void alertmanagerRefusal()
    {
        // A matcher Alertmanager cannot compile: it answers HTTP 400 with its reason.
        const auto s = Silence::make({ { u"alertname"_s, u"("_s, true, true } },
                                     std::chrono::hours(1), u"bad regex on purpose"_s);
        QVERIFY(s.ok());
        const auto [sid, error] = create(amUrl(), *s);
        QVERIFY(sid.isEmpty());
        QCOMPARE(error.kind, ErrorKind::Server);
        QVERIFY2(error.message.contains(u"HTTP 400"_s), qPrintable(error.message));
        QVERIFY2(error.message.contains(u"invalid regular expression"_s),
                 qPrintable(error.message));
        QVERIFY2(!error.message.contains(u"\"silence"_s), qPrintable(error.message)); // unquoted
    }

    void unknownSilence()
    {
        const Error e = expire(amUrl(), QUuid::createUuid().toString(QUuid::WithoutBraces));
        QCOMPARE(e.kind, ErrorKind::NotFound);
        QVERIFY2(e.message.contains(u"silence not found"_s), qPrintable(e.message));
        const Error bad = expire(amUrl(), u"not/a uuid"_s);
        QVERIFY(bad.isError());
        QVERIFY2(bad.message.contains(u"uuid"_s) || bad.message.contains(u"HTTP 404"_s),
                 qPrintable(bad.message));
    }

    void closedPort()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const QUrl url(u"http://127.0.0.1:%1"_s.arg(probe.serverPort()));
        probe.close();
        const auto s = Silence::make({ { u"alertname"_s, u"X"_s } }, std::chrono::hours(1),
                                     u"closed port"_s);
        QVERIFY(s.ok());
        const auto [sid, error] = create(url, *s);
        QCOMPARE(error.kind, ErrorKind::Connection);
        QVERIFY2(error.message.contains(u"refused"_s), qPrintable(error.message));
        const Error e = expire(url, u"59568032-6467-4468-9097-394e8c723452"_s);
        QCOMPARE(e.kind, ErrorKind::Connection);
        QSignalSpy failed(m_client, &AlertmanagerClient::failed);
        QSignalSpy ready(m_client, &AlertmanagerClient::silencesReady);
        const QList<QVariant> a = answerOf(m_client->fetchSilences(url), ready, failed);
        QCOMPARE(a.size(), 2);
        QCOMPARE(a.at(1).value<Error>().kind, ErrorKind::Connection);
    }
};

QTEST_GUILESS_MAIN(TestSilencesSandbox)
#include "tst_silences_sandbox.moc"
