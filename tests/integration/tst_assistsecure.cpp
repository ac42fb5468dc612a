// The end-to-end channel over a real relay (the sandbox sshd): AssistSecureSession runs the
// SPAKE2 + X25519 handshake over an AssistHostLink / AssistExpertLink pair and seals every later
// frame. Between the relay and the host's forwarded port sits a recording proxy (the relay is on
// 127.0.0.1, so the expert's direct-tcpip goes to the proxy, which connects to the forwarded
// port): it keeps every byte the relay side carries, and can flip one.
//  - both ends established with the same short authentication string; a statement and a result
//    row cross both ways, heartbeats keep flowing sealed - and none of those texts is in the
//    captured bytes;
//  - a wrong secret fails on both ends (no keys), the host's attempt limiter counts it;
//  - one bit flipped in a sealed frame ends the receiving end (FilterRejected), and the other
//    end notices.
// FAILS without the sandbox.
#include "SshTestSupport.h"

#include "assist/AssistExpertLink.h"
#include "assist/AssistHostLink.h"
#include "assist/AssistSecureSession.h"
#include "assist/AttemptLimiter.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TiDesk;
namespace AT = TiDesk::AssistTransport;

namespace {

constexpr quint8 kStatement = AssistSecureSession::kFirstSessionFrame;
constexpr quint8 kResult = AssistSecureSession::kFirstSessionFrame + 1;

// 127.0.0.1:port() -> 127.0.0.1:target, recording both directions.
class RecordingProxy : public QObject
{
public:
    QByteArray captured;
    bool corruptNextFromHost = false;

    bool listen(quint16 target)
    {
        m_target = target;
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            m_in = m_server.nextPendingConnection();
            m_out = new QTcpSocket(this);
            m_out->connectToHost(QHostAddress::LocalHost, m_target);
            connect(m_in, &QTcpSocket::readyRead, this, [this] {
                const QByteArray b = m_in->readAll();
                captured += b;
                m_out->write(b);
            });
            connect(m_out, &QTcpSocket::readyRead, this, [this] {
                QByteArray b = m_out->readAll();
                if (corruptNextFromHost && b.size() > 8) {
                    b[b.size() - 3] = char(b.at(b.size() - 3) ^ 0x01); // inside the tag
                    corruptNextFromHost = false;
                }
                captured += b;
                m_in->write(b);
            });
            connect(m_in, &QTcpSocket::disconnected, m_out, &QTcpSocket::disconnectFromHost);
            connect(m_out, &QTcpSocket::disconnected, m_in, &QTcpSocket::disconnectFromHost);
        });
        return m_server.listen(QHostAddress::LocalHost);
    }
    [[nodiscard]] quint16 port() const { return m_server.serverPort(); }

private:
    QTcpServer m_server;
    QTcpSocket *m_in = nullptr;
    QTcpSocket *m_out = nullptr;
    quint16 m_target = 0;
};

} // namespace

class TestAssistSecure : public QObject
{
    Q_OBJECT

    Test::SandboxEnv m_env;
    SshConnectOptions m_relay;

    struct Pair
    {
        AssistHostLink host;
        AssistExpertLink expert;
        RecordingProxy proxy;
        AttemptLimiter limiter { QDateTime::currentDateTimeUtc().addSecs(600), [] {
                                    return QDateTime::currentDateTimeUtc();
                                } };
        AssistSecureSession *hostSession = nullptr;
        AssistSecureSession *expertSession = nullptr;
    };

    // Host listens on the relay; the expert connects through the proxy; sessions attached.
    bool open(Pair &p, const QByteArray &hostSecret, const QByteArray &expertSecret)
    {
        QSignalSpy listening(&p.host, &AssistHostLink::listening);
        p.hostSession
            = AssistSecureSession::forHost(&p.host, hostSecret, u"dba-laptop"_s, &p.limiter, this);
        p.host.open(m_relay);
        if (!QTest::qWaitFor([&] { return !listening.isEmpty(); }, 10000))
            return false;
        if (!p.proxy.listen(quint16(p.host.port())))
            return false;
        p.expertSession = AssistSecureSession::forExpert(&p.expert, expertSecret, u"Expert Ada"_s,
                                                         u"SHA256:expertkeyfingerprint"_s, this);
        p.expert.open(m_relay, p.proxy.port());
        return true;
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<Error>();
        qRegisterMetaType<Sas>();
        QVERIFY2(m_env.isValid(), qPrintable(m_env.error()));
        m_relay = Test::sandboxSshOptions(m_env);
    }

    void establishedAndSealed()
    {
        Pair p;
        const QByteArray secret = "7KQMX4XPAN";
        QVERIFY(open(p, secret, secret));
        QSignalSpy hostUp(p.hostSession, &AssistSecureSession::established);
        QSignalSpy expertUp(p.expertSession, &AssistSecureSession::established);
        QVERIFY(QTest::qWaitFor([&] { return !hostUp.isEmpty() && !expertUp.isEmpty(); }, 10000));
        QVERIFY(p.hostSession->sas().isValid());
        QCOMPARE(p.hostSession->sas(), p.expertSession->sas());
        QCOMPARE(p.hostSession->expertName(), u"Expert Ada"_s);
        QCOMPARE(p.hostSession->expertKeyFingerprint(), u"SHA256:expertkeyfingerprint"_s);
        QVERIFY(p.host.hasFilter() && p.expert.hasFilter());
        QCOMPARE(p.limiter.state(), AttemptLimiter::State::Used);

        const QByteArray statement = "SELECT secret_column_xyzzy FROM prod_accounts";
        const QByteArray row = "result row: Wotan-42-plaintext";
        QSignalSpy atHost(p.hostSession, &AssistSecureSession::frameReceived);
        QSignalSpy atExpert(p.expertSession, &AssistSecureSession::frameReceived);
        QVERIFY(p.expertSession->send(kStatement, statement));
        QVERIFY(QTest::qWaitFor([&] { return !atHost.isEmpty(); }, 5000));
        QCOMPARE(atHost.first().at(1).toByteArray(), statement);
        QVERIFY(p.hostSession->send(kResult, row));
        QVERIFY(QTest::qWaitFor([&] { return !atExpert.isEmpty(); }, 5000));
        QCOMPARE(atExpert.first().at(1).toByteArray(), row);
        // Sealed heartbeats keep the session alive both ways.
        const quint64 beats = p.expert.heartbeatsReceived() + p.host.heartbeatsReceived();
        QTest::qWait(2200);
        QVERIFY(p.expert.heartbeatsReceived() + p.host.heartbeatsReceived() >= beats + 2);
        QVERIFY(p.host.isConnected() && p.expert.isConnected());
        // What the relay side carried: plenty of bytes, none of the texts.
        QVERIFY(p.proxy.captured.size() > 200);
        QVERIFY(!p.proxy.captured.contains("xyzzy"));
        QVERIFY(!p.proxy.captured.contains("SELECT"));
        QVERIFY(!p.proxy.captured.contains("Wotan-42"));
        QVERIFY(!p.proxy.captured.contains(secret));
        qInfo("relay-side bytes captured: %lld, SAS %s", qlonglong(p.proxy.captured.size()),
              qPrintable(p.hostSession->sas().text()));
        // A session frame type below the first session type is refused before sending.
        QVERIFY(!p.expertSession->send(AssistSecureSession::kHandshakeFrame, "x"));
        p.host.end();
        QVERIFY(
            QTest::qWaitFor([&] { return p.expert.state() == AssistLink::State::Closed; }, 5000));
    }

    void wrongSecretFailsBothEnds()
    {
        Pair p;
        QVERIFY(open(p, "7KQMX4XPAN", "7KQMX4XPAM"));
        QSignalSpy hostFailed(p.hostSession, &AssistSecureSession::failed);
        QSignalSpy expertFailed(p.expertSession, &AssistSecureSession::failed);
        QVERIFY(QTest::qWaitFor([&] { return !hostFailed.isEmpty() && !expertFailed.isEmpty(); },
                                10000));
        QVERIFY(!p.hostSession->isEstablished() && !p.expertSession->isEstablished());
        QCOMPARE(hostFailed.first().at(0).value<Error>().kind, ErrorKind::Auth);
        QVERIFY2(expertFailed.first().at(0).value<Error>().message.contains(u"session code"_s),
                 qPrintable(expertFailed.first().at(0).value<Error>().message));
        QCOMPARE(p.limiter.remainingAttempts(), AttemptLimiter::kMaxFailures - 1);
        QVERIFY(!p.host.hasFilter() && !p.expert.hasFilter());
        QVERIFY(QTest::qWaitFor(
            [&] {
                return p.host.state() == AssistLink::State::Closed
                    && p.expert.state() == AssistLink::State::Closed;
            },
            5000));
    }

    void flippedBitEndsTheSession()
    {
        Pair p;
        QVERIFY(open(p, "7KQMX4XPAN", "7KQMX4XPAN"));
        QSignalSpy expertUp(p.expertSession, &AssistSecureSession::established);
        QVERIFY(expertUp.wait(10000) || !expertUp.isEmpty());
        QSignalSpy expertClosed(&p.expert, &AssistLink::closed);
        QSignalSpy hostClosed(&p.host, &AssistLink::closed);
        p.proxy.corruptNextFromHost = true;
        QVERIFY(p.hostSession->send(kResult, QByteArray(64, 'r')));
        QVERIFY(QTest::qWaitFor([&] { return !expertClosed.isEmpty() && !hostClosed.isEmpty(); },
                                8000));
        QCOMPARE(expertClosed.first().at(0).value<Error>().code, int(AT::FilterRejected));
    }
};

QTEST_GUILESS_MAIN(TestAssistSecure)
#include "tst_assistsecure.moc"
