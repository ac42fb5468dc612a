// SshTunnel (local forward) and RemoteForward against real sshd: MariaDB greeting through the
// bastion, bulk echo round trip (prints throughput), refused target, sshd killed mid-tunnel,
// remote forward reached from the server side (nc via exec) and from a second session.
#include "PrivateSshd.h"
#include "RemoteForward.h"
#include "SshChannel.h"
#include "SshExec.h"
#include "SshTestSupport.h"
#include "SshTunnel.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>

using namespace Qt::StringLiterals;
using namespace TiDesk;

namespace {

// A local echo server the SSH server connects to (both on 127.0.0.1).
class EchoServer : public QTcpServer
{
public:
    EchoServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, s, [s] { s->write(s->readAll()); });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }
};

// Says who it is to every connection: lets a test see WHICH target a tunnel reached.
class BannerServer : public QTcpServer
{
public:
    explicit BannerServer(QByteArray banner)
        : m_banner(std::move(banner))
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                s->write(m_banner);
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }

private:
    QByteArray m_banner;
};

QByteArray readGreeting(quint16 port, int timeoutMs = 5000)
{
    QTcpSocket c;
    c.connectToHost(QHostAddress::LocalHost, port);
    QByteArray got;
    QElapsedTimer t;
    t.start();
    while (got.size() < 40 && t.elapsed() < timeoutMs) {
        QTest::qWait(5);
        got += c.readAll();
    }
    return got;
}

} // namespace

class TestSshTunnel : public QObject
{
    Q_OBJECT

    Test::SandboxEnv m_env;
    SshSession m_session;

private slots:
    void initTestCase()
    {
        QVERIFY2(m_env.isValid(), qPrintable(m_env.error()));
        QCOMPARE(Test::connectAndWait(m_session, Test::sandboxSshOptions(m_env)),
                 SshSession::State::Connected);
    }

    void mariadbGreetingThroughTunnel()
    {
        SshTunnel tunnel(&m_session, u"127.0.0.1"_s, m_env.mariadbPort(u"prod"_s));
        QVERIFY(tunnel.listen().ok());
        QVERIFY(tunnel.localPort() > 0);
        QElapsedTimer t;
        t.start();
        const QByteArray g = readGreeting(tunnel.localPort());
        QVERIFY2(g.size() > 5, g.toHex().constData());
        QCOMPARE(quint8(g.at(4)), quint8(0x0a)); // protocol version 10 after the 4-byte header
        QVERIFY(g.contains("MariaDB"));
        qInfo("MariaDB greeting through the tunnel after %lld ms: %s", t.elapsed(),
              g.mid(5, 30).constData());
        // Several connections at once.
        QList<QTcpSocket *> clients;
        for (int i = 0; i < 5; ++i) {
            auto *c = new QTcpSocket(this);
            c->connectToHost(QHostAddress::LocalHost, tunnel.localPort());
            clients << c;
        }
        for (QTcpSocket *c : clients)
            QTRY_VERIFY_WITH_TIMEOUT(c->bytesAvailable() > 5 || c->waitForReadyRead(10), 5000);
        QCOMPARE(tunnel.connectionCount(), 5);
        qDeleteAll(clients);
        QTRY_COMPARE_WITH_TIMEOUT(tunnel.connectionCount(), 0, 5000); // clean close both ways
    }

    void concurrentOpensReachTheirOwnTargets()
    {
        // libssh2 keeps ONE pending channel open per session: two tunnels to different targets
        // opening at the same moment must not swap channels (a connection meant for uat reaching
        // prod). Many pairs at once, each socket must see its own target's banner.
        BannerServer a("target-A\n"), b("target-B\n");
        QVERIFY(a.listen(QHostAddress::LocalHost, 0));
        QVERIFY(b.listen(QHostAddress::LocalHost, 0));
        SshTunnel ta(&m_session, u"127.0.0.1"_s, a.serverPort());
        SshTunnel tb(&m_session, u"127.0.0.1"_s, b.serverPort());
        QVERIFY(ta.listen().ok());
        QVERIFY(tb.listen().ok());
        QList<std::pair<QTcpSocket *, QByteArray>> clients;
        for (int i = 0; i < 12; ++i) {
            for (auto [tunnel, expect] : { std::pair { &ta, QByteArray("target-A\n") },
                                           std::pair { &tb, QByteArray("target-B\n") } }) {
                auto *c = new QTcpSocket(this);
                c->connectToHost(QHostAddress::LocalHost, tunnel->localPort());
                clients.append({ c, expect });
            }
        }
        QElapsedTimer t;
        t.start();
        for (auto &[c, expect] : clients) {
            QTRY_VERIFY_WITH_TIMEOUT(c->bytesAvailable() >= expect.size(), 10000);
            QCOMPARE(c->readAll(), expect);
        }
        qInfo("24 concurrent tunnel connections to 2 targets, each reached its own: %lld ms",
              t.elapsed());
        for (auto &[c, expect] : clients)
            delete c;
        QElapsedTimer drain;
        drain.start();
        QTRY_COMPARE_WITH_TIMEOUT(ta.connectionCount() + tb.connectionCount(), 0, 40000);
        qInfo("DRAIN %lld ms", drain.elapsed());
    }

    void execAndTunnelOpenAtOnce()
    {
        // A command channel (session) and tunnel channels (direct-tcpip) opening at the same
        // moment on one session: each must get its own kind of channel.
        BannerServer a("target-A\n");
        QVERIFY(a.listen(QHostAddress::LocalHost, 0));
        SshTunnel tunnel(&m_session, u"127.0.0.1"_s, a.serverPort());
        QVERIFY(tunnel.listen().ok());
        for (int round = 0; round < 5; ++round) {
            QList<SshExec *> execs;
            QList<QByteArray> outputs(3);
            QObject roundOwner; // declared after `outputs`: destroyed first, so no exec outlives it
            for (int i = 0; i < 3; ++i) {
                auto *e = new SshExec(&m_session, u"echo exec-%1"_s.arg(i), &roundOwner);
                connect(e, &SshExec::stdoutReady, this,
                        [&outputs, i](const QByteArray &d) { outputs[i] += d; });
                execs << e;
            }
            QList<QTcpSocket *> clients;
            for (int i = 0; i < 3; ++i) {
                auto *c = new QTcpSocket(&roundOwner);
                c->connectToHost(QHostAddress::LocalHost, tunnel.localPort());
                clients << c;
            }
            QTest::qWait(1); // the tunnel accepts and starts its channel opens
            for (SshExec *e : execs)
                e->start();
            for (QTcpSocket *c : clients) {
                QTRY_VERIFY_WITH_TIMEOUT(c->bytesAvailable() >= 9, 10000);
                QCOMPARE(c->readAll(), QByteArray("target-A\n"));
            }
            for (int i = 0; i < 3; ++i) {
                QTRY_VERIFY2_WITH_TIMEOUT(
                    execs[i]->state() == SshExec::State::Finished
                        || execs[i]->state() == SshExec::State::Failed,
                    qPrintable(u"round %1 exec %2 state %3, session %4"_s.arg(round)
                                   .arg(i)
                                   .arg(int(execs[i]->state()))
                                   .arg(int(m_session.state()))),
                    10000);
                QCOMPARE(execs[i]->state(), SshExec::State::Finished);
                QCOMPARE(outputs[i], u"exec-%1\n"_s.arg(i).toUtf8());
            }
        }
    }

    void bulkEchoRoundTrip()
    {
        EchoServer echo;
        QVERIFY(echo.listen(QHostAddress::LocalHost, 0));
        SshTunnel tunnel(&m_session, u"127.0.0.1"_s, echo.serverPort());
        QVERIFY(tunnel.listen().ok());
        QByteArray payload(32 * 1024 * 1024, Qt::Uninitialized);
        QRandomGenerator gen(42);
        gen.fillRange(reinterpret_cast<quint32 *>(payload.data()), payload.size() / 4);
        QTcpSocket c;
        c.connectToHost(QHostAddress::LocalHost, tunnel.localPort());
        QVERIFY(c.waitForConnected(2000));
        QElapsedTimer t;
        t.start();
        qsizetype sent = 0;
        QByteArray back;
        while (back.size() < payload.size() && t.elapsed() < 60000) {
            if (sent < payload.size() && c.bytesToWrite() < 1024 * 1024) {
                const qsizetype n = qMin<qsizetype>(256 * 1024, payload.size() - sent);
                c.write(payload.constData() + sent, n);
                sent += n;
            }
            QTest::qWait(0);
            back += c.readAll();
        }
        const qint64 ms = t.elapsed();
        QCOMPARE(back.size(), payload.size());
        QVERIFY(back == payload);
        qInfo("tunnel echo round trip: 32 MiB up + 32 MiB down in %lld ms (%.1f MiB/s each way)",
              ms, 32.0 * 1000.0 / double(qMax<qint64>(ms, 1)));
        c.disconnectFromHost();
        QTRY_COMPARE_WITH_TIMEOUT(tunnel.connectionCount(), 0, 5000);
    }

    void refusedTarget()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const int closedPort = probe.serverPort();
        probe.close();
        SshTunnel tunnel(&m_session, u"127.0.0.1"_s, closedPort);
        QVERIFY(tunnel.listen().ok());
        QSignalSpy failed(&tunnel, &SshTunnel::connectionFailed);
        QTcpSocket c;
        c.connectToHost(QHostAddress::LocalHost, tunnel.localPort());
        QTRY_COMPARE_WITH_TIMEOUT(c.state(), QAbstractSocket::UnconnectedState, 3000);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(0).value<Error>().kind, ErrorKind::Connection);
        QVERIFY(tunnel.isListening()); // one bad connection does not kill the tunnel
        QVERIFY(m_session.isConnected());
    }

    void sshdKilledMidTunnel()
    {
        Test::PrivateSshd sshd(Test::sandboxAuthorizedKeys(m_env));
        QVERIFY(sshd.start());
        QTemporaryDir tmp;
        SshConnectOptions o = Test::sandboxSshOptions(m_env);
        o.port = sshd.port();
        o.knownHostsFile = tmp.path() + u"/known_hosts"_s;
        o.hostKeyPolicy = HostKeyPolicy::AcceptNew;
        SshSession s;
        QCOMPARE(Test::connectAndWait(s, o), SshSession::State::Connected);
        SshTunnel tunnel(&s, u"127.0.0.1"_s, m_env.mariadbPort(u"dev"_s));
        QVERIFY(tunnel.listen().ok());
        const quint16 port = tunnel.localPort();
        QTcpSocket c;
        c.connectToHost(QHostAddress::LocalHost, port);
        QTRY_VERIFY_WITH_TIMEOUT(c.bytesAvailable() > 5, 5000); // greeting arrived: link is live
        QSignalSpy down(&tunnel, &SshTunnel::errorOccurred);
        QElapsedTimer t;
        t.start();
        sshd.kill();
        QTRY_COMPARE_WITH_TIMEOUT(down.size(), 1, 3000);
        QTRY_COMPARE_WITH_TIMEOUT(c.state(), QAbstractSocket::UnconnectedState, 1000);
        const qint64 ms = t.elapsed();
        QVERIFY(!tunnel.isListening());
        QCOMPARE(down.at(0).at(0).value<Error>().kind, ErrorKind::Connection);
        QTcpSocket late; // nobody listens any more: refused, not hanging
        late.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(!late.waitForConnected(1000) || late.waitForDisconnected(1000));
        qInfo("sshd killed mid-tunnel: client dropped after %lld ms: %s", ms,
              qPrintable(down.at(0).at(0).value<Error>().toString()));
    }

    void remoteForwardViaNc()
    {
        RemoteForward fwd(&m_session);
        QSignalSpy listening(&fwd, &RemoteForward::listening);
        fwd.start();
        QTRY_COMPARE_WITH_TIMEOUT(listening.size(), 1, 5000);
        const int port = fwd.boundPort();
        QVERIFY(port > 0);
        QPointer<SshChannel> accepted;
        QByteArray got;
        connect(&fwd, &RemoteForward::newConnection, this, [&] {
            accepted = fwd.nextPendingConnection();
            accepted->setParent(this);
            connect(accepted, &SshChannel::readyRead, this, [&] {
                got += accepted->readAll();
                if (got.contains("ping")) {
                    accepted->write("pong from the client\n");
                    accepted->close();
                }
            });
        });
        QByteArray out;
        SshExec nc(&m_session, u"printf ping | nc -N 127.0.0.1 %1"_s.arg(port));
        connect(&nc, &SshExec::stdoutReady, this, [&](const QByteArray &d) { out += d; });
        QSignalSpy finished(&nc, &SshExec::finished);
        QByteArray err;
        connect(&nc, &SshExec::stderrReady, this, [&](const QByteArray &d) { err += d; });
        nc.start();
        QTRY_VERIFY2_WITH_TIMEOUT(finished.size() == 1,
                                  QByteArray(got + "|" + out + "|" + err).constData(), 10000);
        QVERIFY2(err.isEmpty(), err.constData());
        QCOMPARE(got, QByteArray("ping"));
        QCOMPARE(out, QByteArray("pong from the client\n"));
        QCOMPARE(finished.at(0).at(0).toInt(), 0);
        delete accepted.data();
        fwd.close();
    }

    void remoteForwardFromSecondSession()
    {
        RemoteForward fwd(&m_session);
        QSignalSpy listening(&fwd, &RemoteForward::listening);
        fwd.start();
        QTRY_COMPARE_WITH_TIMEOUT(listening.size(), 1, 5000);
        SshSession other;
        QCOMPARE(Test::connectAndWait(other, Test::sandboxSshOptions(m_env)),
                 SshSession::State::Connected);
        SshChannel *out
            = SshChannel::openDirectTcpip(&other, u"127.0.0.1"_s, fwd.boundPort(), this);
        QSignalSpy opened(out, &SshChannel::opened);
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(fwd.hasPendingConnections(), 5000);
        std::unique_ptr<SshChannel> in(fwd.nextPendingConnection());
        QByteArray payload(2 * 1024 * 1024, 'x');
        out->write(payload);
        QByteArray got;
        QTRY_VERIFY_WITH_TIMEOUT((got += in->readAll()).size() >= payload.size(), 10000);
        QCOMPARE(got, payload);
        in->write("reply");
        QByteArray reply;
        QTRY_COMPARE_WITH_TIMEOUT((reply += out->readAll()), QByteArray("reply"), 5000);
        QSignalSpy eof(in.get(), &SshChannel::readChannelFinished);
        out->close();
        QTRY_COMPARE_WITH_TIMEOUT(eof.size(), 1, 5000);
    }
};

QTEST_GUILESS_MAIN(TestSshTunnel)
#include "tst_sshtunnel.moc"
