// AssistHostLink / AssistExpertLink through a real OpenSSH relay (the sandbox sshd): the host's
// remote forward on the relay's loopback, the expert's direct-tcpip to it, frames both ways
// (small, large, in order), heartbeats while idle, a filter that sees every frame, a second
// expert refused as busy, clear errors (nobody listening, relay unreachable, key refused,
// unknown host key), the host ending (goodbye) or vanishing (no goodbye), and the relay's sshd
// killed or frozen (private sshd) - both sides closed within 5 s, times printed.
#include "PrivateSshd.h"
#include "SshTestSupport.h"

#include "assist/AssistExpertLink.h"
#include "assist/AssistHostLink.h"
#include "assist/AssistLinkFilter.h"

#include <QDir>
#include <QElapsedTimer>
#include <QHash>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace TiDesk;
namespace AT = TiDesk::AssistTransport;

namespace {

constexpr quint8 kChat = AT::kFirstAppType;

Error closeReasonOf(const QSignalSpy &spy)
{
    return spy.isEmpty() ? Error {} : spy.at(0).at(0).value<Error>();
}

// Every process of a private sshd: the listener (its pid file) and its descendants.
QList<pid_t> sshdTree(const QString &dir)
{
    QFile pidFile(dir + u"/sshd.pid"_s);
    if (!pidFile.open(QIODevice::ReadOnly))
        return {};
    QList<pid_t> tree { pid_t(pidFile.readAll().trimmed().toLongLong()) };
    QHash<pid_t, pid_t> parentOf;
    for (const QString &p : QDir(u"/proc"_s).entryList(QDir::Dirs)) {
        bool ok = false;
        const pid_t pid = pid_t(p.toLongLong(&ok));
        QFile stat(u"/proc/%1/stat"_s.arg(p));
        if (!ok || !stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray s = stat.readAll();
        parentOf.insert(pid, pid_t(s.mid(s.lastIndexOf(')') + 2).split(' ').value(1).toLongLong()));
    }
    for (qsizetype i = 0; i < tree.size(); ++i)
        for (auto it = parentOf.cbegin(); it != parentOf.cend(); ++it)
            if (it.value() == tree.at(i) && !tree.contains(it.key()))
                tree.append(it.key());
    return tree;
}

// A stand-in for the crypto layer: marks and XORs every frame, counts what it saw.
class XorFilter : public AssistLinkFilter
{
public:
    int sealed = 0;
    int opened = 0;
    int heartbeatsSealed = 0;
    bool rejectNext = false;
    Result<QByteArray> seal(const QByteArray &frame) override
    {
        ++sealed;
        if (frame.size() == 1 && frame.at(0) == char(AT::kHeartbeat))
            ++heartbeatsSealed;
        QByteArray out = "X" + frame;
        for (qsizetype i = 1; i < out.size(); ++i)
            out[i] = char(out.at(i) ^ 0x5a);
        return out;
    }
    Result<QByteArray> open(const QByteArray &wire) override
    {
        ++opened;
        if (rejectNext || !wire.startsWith('X'))
            return Error::make(ErrorKind::Crypto, u"bad tag"_s);
        QByteArray out = wire.mid(1);
        for (char &c : out)
            c = char(c ^ 0x5a);
        return out;
    }
};

} // namespace

class TestAssistLink : public QObject
{
    Q_OBJECT

    Test::SandboxEnv m_env;
    SshConnectOptions m_relay;

    // Host listens on the relay, expert connects; both Connected. Returns ms for the whole setup.
    qint64 connectPair(AssistHostLink &host, AssistExpertLink &expert,
                       const SshConnectOptions &relay)
    {
        QElapsedTimer t;
        t.start();
        QSignalSpy listening(&host, &AssistHostLink::listening);
        host.open(relay);
        if (!QTest::qWaitFor(
                [&] { return !listening.isEmpty() || host.state() == AssistLink::State::Closed; },
                10000)
            || listening.isEmpty())
            return -1;
        const qint64 listenMs = t.elapsed();
        expert.open(relay, host.port());
        if (!QTest::qWaitFor([&] { return host.isConnected() && expert.isConnected(); }, 10000))
            return -1;
        qInfo("relay setup: host listening on relay port %d after %lld ms, expert connected "
              "after %lld ms in all",
              host.port(), listenMs, t.elapsed());
        return t.elapsed();
    }

    SshConnectOptions privateRelay(const Test::PrivateSshd &sshd, const QTemporaryDir &tmp) const
    {
        SshConnectOptions o = m_relay;
        o.port = sshd.port();
        o.knownHostsFile = tmp.path() + u"/known_hosts"_s;
        o.hostKeyPolicy = HostKeyPolicy::AcceptNew;
        return o;
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<Error>();
        QVERIFY2(m_env.isValid(), qPrintable(m_env.error()));
        m_relay = Test::sandboxSshOptions(m_env);
    }

    void framesFlowBothWays()
    {
        AssistHostLink host;
        AssistExpertLink expert;
        QSignalSpy expertConnected(&host, &AssistHostLink::expertConnected);
        QVERIFY(connectPair(host, expert, m_relay) >= 0);
        QCOMPARE(expertConnected.size(), 1);
        QVERIFY(host.port() > 0);
        QCOMPARE(expert.hostPort(), host.port());

        QList<QByteArray> atHost, atExpert;
        connect(&host, &AssistLink::frameReceived, this, [&](quint8 type, const QByteArray &b) {
            QCOMPARE(type, kChat);
            atHost << b;
        });
        connect(&expert, &AssistLink::frameReceived, this, [&](quint8 type, const QByteArray &b) {
            QCOMPARE(type, quint8(kChat + 1));
            atExpert << b;
        });
        QList<QByteArray> toHost, toExpert;
        for (int i = 0; i < 200; ++i) {
            toHost << "expert says " + QByteArray::number(i);
            toExpert << QByteArray(i * 97 % 5000, char('a' + i % 26));
        }
        QByteArray big(AT::kMaxFrameBytes - 1, Qt::Uninitialized); // the largest allowed
        QRandomGenerator(3).fillRange(reinterpret_cast<quint32 *>(big.data()), big.size() / 4);
        toExpert << big;
        QElapsedTimer t;
        t.start();
        for (const QByteArray &b : std::as_const(toHost))
            QVERIFY(expert.sendFrame(kChat, b));
        for (const QByteArray &b : std::as_const(toExpert))
            QVERIFY(host.sendFrame(kChat + 1, b));
        QTRY_COMPARE_WITH_TIMEOUT(atHost.size(), toHost.size(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(atExpert.size(), toExpert.size(), 10000);
        QCOMPARE(atHost, toHost);
        QCOMPARE(atExpert, toExpert);
        qInfo("frames: 200 to the host and 200 + 1 MiB to the expert through the relay in %lld ms",
              t.elapsed());
        // Reserved types and oversized frames are refused locally; the link stays up.
        QVERIFY(!host.sendFrame(AT::kGoodbye, {}));
        QVERIFY(!host.sendFrame(kChat, QByteArray(AT::kMaxFrameBytes, 'x')));
        QVERIFY(host.isConnected() && expert.isConnected());

        // Idle: heartbeats keep both sides alive, about one per second each way.
        const quint64 hostBefore = host.heartbeatsReceived();
        const quint64 expertBefore = expert.heartbeatsReceived();
        QTest::qWait(3200);
        QVERIFY(host.isConnected() && expert.isConnected());
        const quint64 hostGot = host.heartbeatsReceived() - hostBefore;
        const quint64 expertGot = expert.heartbeatsReceived() - expertBefore;
        qInfo("idle 3.2 s: heartbeats received host %llu, expert %llu; silence now %lld / %lld ms",
              hostGot, expertGot, host.silenceMs(), expert.silenceMs());
        QVERIFY(hostGot >= 2 && hostGot <= 4);
        QVERIFY(expertGot >= 2 && expertGot <= 4);
        QVERIFY(host.silenceMs() < 1500);
    }

    void filterSeesEveryFrame()
    {
        AssistHostLink host;
        AssistExpertLink expert;
        auto hostFilter = std::make_unique<XorFilter>();
        auto expertFilter = std::make_unique<XorFilter>();
        XorFilter *hf = hostFilter.get();
        XorFilter *ef = expertFilter.get();
        // In real use the crypto layer installs its filter after the handshake, at the same point
        // of the stream on both sides; here from the very first frame (the first heartbeat).
        host.setFilter(std::move(hostFilter));
        expert.setFilter(std::move(expertFilter));
        QVERIFY(connectPair(host, expert, m_relay) >= 0);
        QByteArray got;
        connect(&host, &AssistLink::frameReceived, this,
                [&](quint8, const QByteArray &b) { got = b; });
        QVERIFY(expert.sendFrame(kChat, "through the filter"));
        QTRY_COMPARE_WITH_TIMEOUT(got, QByteArray("through the filter"), 5000);
        QTest::qWait(2200);
        QVERIFY(host.isConnected() && expert.isConnected());
        QVERIFY2(hf->heartbeatsSealed >= 1 && ef->heartbeatsSealed >= 1,
                 qPrintable(u"%1 %2"_s.arg(hf->heartbeatsSealed).arg(ef->heartbeatsSealed)));
        QVERIFY(hf->opened >= 2); // the chat frame and heartbeats
        // A frame the filter rejects ends the link at once: fail closed.
        QSignalSpy hostClosed(&host, &AssistLink::closed);
        QSignalSpy expertClosed(&expert, &AssistLink::closed);
        hf->rejectNext = true;
        QVERIFY(expert.sendFrame(kChat, "tampered"));
        QTRY_COMPARE_WITH_TIMEOUT(hostClosed.size(), 1, 3000);
        QCOMPARE(closeReasonOf(hostClosed).code, int(AT::FilterRejected));
        QTRY_COMPARE_WITH_TIMEOUT(expertClosed.size(), 1, 3000);
        qInfo("filter rejected a frame: host '%s'; expert '%s'",
              qPrintable(closeReasonOf(hostClosed).message),
              qPrintable(closeReasonOf(expertClosed).message));
    }

    void secondExpertIsRefused()
    {
        AssistHostLink host;
        AssistExpertLink first;
        QVERIFY(connectPair(host, first, m_relay) >= 0);
        QSignalSpy refused(&host, &AssistHostLink::extraConnectionRefused);
        AssistExpertLink second;
        QSignalSpy secondClosed(&second, &AssistLink::closed);
        QElapsedTimer t;
        t.start();
        second.open(m_relay, host.port());
        QTRY_COMPARE_WITH_TIMEOUT(secondClosed.size(), 1, 10000);
        const Error why = closeReasonOf(secondClosed);
        QCOMPARE(why.code, int(AT::PeerBusy));
        QCOMPARE(refused.size(), 1);
        QCOMPARE(host.refusedConnections(), 1);
        qInfo("second expert refused after %lld ms: %s", t.elapsed(), qPrintable(why.message));
        // The first expert is unaffected.
        QVERIFY(host.isConnected() && first.isConnected());
        QByteArray got;
        connect(&host, &AssistLink::frameReceived, this,
                [&](quint8, const QByteArray &b) { got = b; });
        QVERIFY(first.sendFrame(kChat, "still here"));
        QTRY_COMPARE_WITH_TIMEOUT(got, QByteArray("still here"), 5000);
    }

    void nobodyListening()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const int port = probe.serverPort();
        probe.close();
        AssistExpertLink expert;
        QSignalSpy closed(&expert, &AssistLink::closed);
        QElapsedTimer t;
        t.start();
        expert.open(m_relay, port);
        QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, 10000);
        const Error why = closeReasonOf(closed);
        QCOMPARE(why.code, int(AT::NobodyListening));
        QCOMPARE(why.kind, ErrorKind::Connection);
        QVERIFY(why.message.contains(QString::number(port)));
        QCOMPARE(expert.state(), AssistLink::State::Closed);
        qInfo("nobody listening: %lld ms: %s [%s]", t.elapsed(), qPrintable(why.message),
              qPrintable(why.detail));
    }

    void relayUnreachable()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        SshConnectOptions o = m_relay;
        o.port = probe.serverPort();
        probe.close();
        AssistExpertLink expert;
        QSignalSpy closed(&expert, &AssistLink::closed);
        expert.open(o, 12345);
        QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, 10000);
        QCOMPARE(closeReasonOf(closed).code, int(AT::RelayUnreachable));
        QCOMPARE(closeReasonOf(closed).kind, ErrorKind::Connection);
        AssistHostLink host;
        QSignalSpy hostClosed(&host, &AssistLink::closed);
        host.open(o);
        QTRY_COMPARE_WITH_TIMEOUT(hostClosed.size(), 1, 10000);
        QCOMPARE(closeReasonOf(hostClosed).code, int(AT::RelayUnreachable));
        qInfo("relay unreachable: %s", qPrintable(closeReasonOf(closed).toString()));
    }

    void keyRefused()
    {
        QTemporaryDir tmp;
        const QString key = tmp.path() + u"/stranger"_s;
        QCOMPARE(
            QProcess::execute(u"ssh-keygen"_s,
                              { u"-q"_s, u"-t"_s, u"ed25519"_s, u"-N"_s, QString(), u"-f"_s, key }),
            0);
        SshConnectOptions o = m_relay;
        o.identityFiles = { key };
        AssistExpertLink expert;
        QSignalSpy closed(&expert, &AssistLink::closed);
        expert.open(o, 12345);
        QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, 10000);
        const Error why = closeReasonOf(closed);
        QCOMPARE(why.code, int(AT::RelayAuthRefused));
        QCOMPARE(why.kind, ErrorKind::Auth);
        qInfo("key refused: %s", qPrintable(why.toString()));
    }

    void unknownHostKey()
    {
        QTemporaryDir tmp;
        SshConnectOptions o = m_relay;
        o.knownHostsFile = tmp.path() + u"/empty_known_hosts"_s;
        o.hostKeyPolicy = HostKeyPolicy::Strict;
        AssistExpertLink expert;
        QSignalSpy closed(&expert, &AssistLink::closed);
        expert.open(o, 12345);
        QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, 10000);
        const Error why = closeReasonOf(closed);
        QCOMPARE(why.code, int(AT::RelayHostKey));
        QCOMPARE(why.kind, ErrorKind::HostKey);
        QVERIFY(why.message.contains(u"SHA256:"_s)); // the fingerprint to compare
        qInfo("unknown host key: %s", qPrintable(why.message));
    }

    void hostEndsExpertNotices()
    {
        AssistHostLink host;
        AssistExpertLink expert;
        QVERIFY(connectPair(host, expert, m_relay) >= 0);
        QSignalSpy hostClosed(&host, &AssistLink::closed);
        QSignalSpy expertClosed(&expert, &AssistLink::closed);
        QElapsedTimer t;
        t.start();
        host.end();
        QTRY_COMPARE_WITH_TIMEOUT(expertClosed.size(), 1, 5000);
        const qint64 expertMs = t.elapsed();
        QTRY_COMPARE_WITH_TIMEOUT(hostClosed.size(), 1, 5000);
        QCOMPARE(closeReasonOf(hostClosed).code, int(AT::EndedHere));
        QCOMPARE(closeReasonOf(expertClosed).code, int(AT::EndedByPeer));
        qInfo("host ended: expert told after %lld ms: %s", expertMs,
              qPrintable(closeReasonOf(expertClosed).message));
        // The port is gone from the relay: a late expert finds nobody.
        AssistExpertLink late;
        QSignalSpy lateClosed(&late, &AssistLink::closed);
        late.open(m_relay, host.port());
        QTRY_COMPARE_WITH_TIMEOUT(lateClosed.size(), 1, 10000);
        QCOMPARE(closeReasonOf(lateClosed).code, int(AT::NobodyListening));
    }

    void expertEndsHostNotices()
    {
        AssistHostLink host;
        AssistExpertLink expert;
        QVERIFY(connectPair(host, expert, m_relay) >= 0);
        QSignalSpy hostClosed(&host, &AssistLink::closed);
        expert.end();
        QTRY_COMPARE_WITH_TIMEOUT(hostClosed.size(), 1, 5000);
        QCOMPARE(closeReasonOf(hostClosed).code, int(AT::EndedByPeer));
        QVERIFY(closeReasonOf(hostClosed).message.contains(u"expert"_s));
    }

    void hostVanishesExpertNotices()
    {
        auto host = std::make_unique<AssistHostLink>();
        AssistExpertLink expert;
        QVERIFY(connectPair(*host, expert, m_relay) >= 0);
        QSignalSpy expertClosed(&expert, &AssistLink::closed);
        QElapsedTimer t;
        t.start();
        host.reset(); // no goodbye: the process died, the SSH connection just closes
        QTRY_COMPARE_WITH_TIMEOUT(expertClosed.size(), 1, 5000);
        QCOMPARE(closeReasonOf(expertClosed).code, int(AT::PeerClosed));
        qInfo("host vanished: expert noticed after %lld ms: %s", t.elapsed(),
              qPrintable(closeReasonOf(expertClosed).message));
    }

    void relaySshdKilled()
    {
        Test::PrivateSshd sshd(Test::sandboxAuthorizedKeys(m_env));
        QVERIFY(sshd.start());
        QTemporaryDir tmp;
        const SshConnectOptions relay = privateRelay(sshd, tmp);
        AssistHostLink host;
        AssistExpertLink expert;
        QVERIFY(connectPair(host, expert, relay) >= 0);
        QSignalSpy hostClosed(&host, &AssistLink::closed);
        QSignalSpy expertClosed(&expert, &AssistLink::closed);
        qint64 hostMs = -1, expertMs = -1;
        QElapsedTimer t;
        connect(&host, &AssistLink::closed, this, [&] { hostMs = t.elapsed(); });
        connect(&expert, &AssistLink::closed, this, [&] { expertMs = t.elapsed(); });
        t.start();
        sshd.kill();
        QTRY_VERIFY_WITH_TIMEOUT(hostMs >= 0 && expertMs >= 0, 6000);
        qInfo("relay sshd killed: host closed after %lld ms, expert after %lld ms; host: %s",
              hostMs, expertMs, qPrintable(closeReasonOf(hostClosed).toString()));
        QVERIFY(hostMs < 5000);
        QVERIFY(expertMs < 5000);
        QCOMPARE(closeReasonOf(hostClosed).code, int(AT::RelayLost));
        // The sshd processes die one after the other: when the host's connection process goes
        // first, the expert's (still alive for a moment) closes the forwarded channel before it
        // dies, and the expert truthfully sees the host's side close. Both say so within 5 s.
        const int expertCode = closeReasonOf(expertClosed).code;
        QVERIFY2(expertCode == int(AT::RelayLost) || expertCode == int(AT::PeerClosed),
                 qPrintable(closeReasonOf(expertClosed).toString()));
    }

    void relayFrozenHeartbeatsNotice()
    {
        // A relay that stops answering without closing anything (a cable pulled, a VM paused):
        // only the heartbeat can tell. SIGSTOP every sshd process of a private relay.
        Test::PrivateSshd sshd(Test::sandboxAuthorizedKeys(m_env));
        QVERIFY(sshd.start());
        QTemporaryDir tmp;
        const SshConnectOptions relay = privateRelay(sshd, tmp);
        AssistHostLink host;
        AssistExpertLink expert;
        QVERIFY(connectPair(host, expert, relay) >= 0);
        QTest::qWait(1500); // a heartbeat or two in flight first
        QSignalSpy hostClosed(&host, &AssistLink::closed);
        QSignalSpy expertClosed(&expert, &AssistLink::closed);
        qint64 hostMs = -1, expertMs = -1;
        QElapsedTimer t;
        connect(&host, &AssistLink::closed, this, [&] { hostMs = t.elapsed(); });
        connect(&expert, &AssistLink::closed, this, [&] { expertMs = t.elapsed(); });
        const QList<pid_t> tree = sshdTree(sshd.dir());
        QVERIFY2(tree.size() >= 3,
                 qPrintable(QString::number(tree.size()))); // listener + 2 sessions
        t.start();
        for (pid_t p : tree)
            ::kill(p, SIGSTOP);
        QTRY_VERIFY_WITH_TIMEOUT(hostMs >= 0 && expertMs >= 0, 7000);
        for (pid_t p : tree)
            ::kill(p, SIGCONT);
        qInfo("relay frozen: host closed after %lld ms, expert after %lld ms; expert: %s", hostMs,
              expertMs, qPrintable(closeReasonOf(expertClosed).toString()));
        QCOMPARE(closeReasonOf(hostClosed).code, int(AT::NoAnswer));
        QCOMPARE(closeReasonOf(expertClosed).code, int(AT::NoAnswer));
        QCOMPARE(closeReasonOf(hostClosed).kind, ErrorKind::Timeout);
        // Silence is counted from the last byte, which left at most ~1.1 s before the freeze:
        // detection lands between 3.9 and 5.1 s after it - never early, never after 5.2 s.
        QVERIFY(hostMs >= 3500 && hostMs <= 5200);
        QVERIFY(expertMs >= 3500 && expertMs <= 5200);
    }
};

QTEST_GUILESS_MAIN(TestAssistLink)
#include "tst_assistlink.moc"
