// SshSession against real sshd: the sandbox bastion (key auth, passphrases, host-key policies)
// and private sshd instances (changed host key). Prints connect+auth times.
#include "PrivateSshd.h"
#include "SandboxEnv.h"
#include "SshSession.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TiDesk;

class TestSshSession : public QObject
{
    Q_OBJECT

    Test::SandboxEnv m_env;
    QTemporaryDir m_tmp;

    SshConnectOptions sandboxOptions() const
    {
        SshConnectOptions o;
        o.host = u"127.0.0.1"_s;
        o.port = m_env.value(u"SSHD_PORT"_s).toInt();
        o.user = m_env.value(u"SSH_USER"_s);
        o.identityFiles = { m_env.value(u"SSH_USER_KEY"_s) };
        o.knownHostsFile = m_env.value(u"SSH_KNOWN_HOSTS"_s);
        o.connectTimeout = std::chrono::milliseconds(10000);
        return o;
    }

    QString newKey(const QString &name, const QString &type, const QString &passphrase = {})
    {
        const QString path = m_tmp.path() + u'/' + name;
        QFile::remove(path);
        QFile::remove(path + u".pub"_s);
        QStringList args { u"-q"_s, u"-t"_s, type, u"-N"_s, passphrase, u"-f"_s, path };
        if (type == u"rsa"_s)
            args << u"-b"_s << u"2048"_s;
        return QProcess::execute(u"ssh-keygen"_s, args) == 0 ? path : QString();
    }

    // Runs the state machine until Connected or Error.
    static SshSession::State run(SshSession &s, const SshConnectOptions &o, int timeoutMs = 15000)
    {
        s.connectToHost(o);
        QElapsedTimer t;
        t.start();
        while (s.state() != SshSession::State::Connected && s.state() != SshSession::State::Error
               && t.elapsed() < timeoutMs)
            QTest::qWait(5);
        return s.state();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_env.isValid(), qPrintable(m_env.error()));
        QVERIFY(m_tmp.isValid());
    }

    void keyAuth()
    {
        SshSession s;
        QSignalSpy states(&s, &SshSession::stateChanged);
        QSignalSpy connectedSpy(&s, &SshSession::connected);
        QCOMPARE(run(s, sandboxOptions()), SshSession::State::Connected);
        QCOMPARE(connectedSpy.size(), 1);
        QList<SshSession::State> seen;
        for (const auto &args : states)
            seen << args.at(0).value<SshSession::State>();
        QCOMPARE(seen,
                 (QList<SshSession::State> {
                     SshSession::State::Connecting, SshSession::State::Handshaking,
                     SshSession::State::VerifyingHostKey, SshSession::State::Authenticating,
                     SshSession::State::Connected }));
        QVERIFY(s.hostKey().fingerprint.startsWith(u"SHA256:"_s));
        QCOMPARE(s.hostKey().keyType, u"ssh-ed25519"_s);
        qInfo("connect+auth (ed25519 key): %lld ms", s.connectMs());

        QSignalSpy disc(&s, &SshSession::disconnected);
        s.disconnectFromHost();
        QCOMPARE(s.state(), SshSession::State::Disconnected);
        QCOMPARE(disc.size(), 1);
    }

    void connectTimes()
    {
        QList<qint64> ms;
        for (int i = 0; i < 5; ++i) {
            SshSession s;
            QCOMPARE(run(s, sandboxOptions()), SshSession::State::Connected);
            ms << s.connectMs();
        }
        std::sort(ms.begin(), ms.end());
        qInfo("connect+auth over 5 runs: min %lld ms, median %lld ms, max %lld ms", ms.first(),
              ms.at(2), ms.last());
    }

    void wrongKey()
    {
        SshConnectOptions o = sandboxOptions();
        o.identityFiles = { newKey(u"stranger"_s, u"ed25519"_s) };
        SshSession s;
        QCOMPARE(run(s, o), SshSession::State::Error);
        QCOMPARE(s.error().kind, ErrorKind::Auth);
        QVERIFY2(s.error().detail.contains(u"not accepted"_s), qPrintable(s.error().toString()));
    }

    void ecdsaKeys_data()
    {
        QTest::addColumn<QString>("passphrase");
        QTest::newRow("ecdsa") << QString();
        QTest::newRow("ecdsa with passphrase") << u"ecdsa-Pass-41"_s;
    }

    void ecdsaKeys()
    {
        // A private sshd whose authorized_keys holds a fresh ECDSA key (the sandbox has ed25519
        // only).
        QFETCH(QString, passphrase);
        const QString key
            = newKey(u"ecdsa_"_s + QString::number(passphrase.size()), u"ecdsa"_s, passphrase);
        QVERIFY(!key.isEmpty());
        Test::PrivateSshd sshd(key + u".pub"_s);
        QVERIFY(sshd.start());
        SshConnectOptions o = sandboxOptions();
        o.port = sshd.port();
        o.knownHostsFile = m_tmp.path() + u"/ecdsa_known_hosts"_s;
        o.hostKeyPolicy = HostKeyPolicy::AcceptNew;
        o.identityFiles = { key };
        o.passphrase = passphrase;
        SshSession s;
        QCOMPARE(run(s, o), SshSession::State::Connected);
        QVERIFY2(s.authMethod().contains(u"publickey"_s), qPrintable(s.authMethod()));
        qInfo("connect+auth (ECDSA%s): %lld ms", passphrase.isEmpty() ? "" : " with passphrase",
              s.connectMs());
    }

    void sshAgent()
    {
        // A real ssh-agent holding the sandbox key; no identity file given: the agent signs.
        const QString sock = m_tmp.path() + u"/agent.sock"_s;
        QProcess agent;
        agent.start(u"ssh-agent"_s, { u"-D"_s, u"-a"_s, sock });
        QVERIFY(agent.waitForStarted(5000));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(sock), 5000);
        QProcess add;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"SSH_AUTH_SOCK"_s, sock);
        add.setProcessEnvironment(env);
        add.start(u"ssh-add"_s, { m_env.value(u"SSH_USER_KEY"_s) });
        QVERIFY(add.waitForFinished(10000));
        QCOMPARE(add.exitCode(), 0);
        const QByteArray previous = qgetenv("SSH_AUTH_SOCK");
        qputenv("SSH_AUTH_SOCK", sock.toLocal8Bit());
        SshConnectOptions o = sandboxOptions();
        o.identityFiles.clear();
        o.useAgent = true;
        SshSession s;
        const SshSession::State state = run(s, o);
        if (previous.isEmpty())
            qunsetenv("SSH_AUTH_SOCK");
        else
            qputenv("SSH_AUTH_SOCK", previous);
        agent.kill();
        agent.waitForFinished(3000);
        QCOMPARE(state, SshSession::State::Connected);
        QVERIFY2(s.authMethod().contains(u"agent"_s), qPrintable(s.authMethod()));
        qInfo("connect+auth (ssh-agent): %lld ms, %s", s.connectMs(), qPrintable(s.authMethod()));
    }

    void passphrase_data()
    {
        QTest::addColumn<QString>("passphrase");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("why");
        QTest::newRow("right") << m_env.value(u"SSH_KEY_PASSPHRASE"_s) << true << QString();
        QTest::newRow("wrong") << u"not-the-passphrase"_s << false << u"wrong passphrase"_s;
        QTest::newRow("missing") << QString() << false << u"passphrase"_s;
    }

    void passphrase()
    {
        QFETCH(QString, passphrase);
        QFETCH(bool, ok);
        QFETCH(QString, why);
        SshConnectOptions o = sandboxOptions();
        o.identityFiles = { m_env.value(u"SSH_USER_KEY_PASSPHRASE"_s) };
        o.passphrase = passphrase;
        SshSession s;
        QCOMPARE(run(s, o), ok ? SshSession::State::Connected : SshSession::State::Error);
        if (!ok) {
            QCOMPARE(s.error().kind, ErrorKind::Auth);
            QVERIFY2(s.error().detail.contains(why), qPrintable(s.error().toString()));
            QVERIFY(passphrase.isEmpty()
                    || !s.error().toString().contains(passphrase)); // never echoed
        } else {
            qInfo("connect+auth (ed25519 key with passphrase): %lld ms", s.connectMs());
        }
    }

    void rsaKeyExplained()
    {
        SshConnectOptions o = sandboxOptions();
        o.identityFiles = { newKey(u"rsa"_s, u"rsa"_s), m_env.value(u"SSH_USER_KEY"_s) };
        SshSession ok;
        QCOMPARE(run(ok, o), SshSession::State::Connected); // skips the RSA key, uses the next
        o.identityFiles = { o.identityFiles.first() };
        SshSession s;
        QCOMPARE(run(s, o), SshSession::State::Error);
        QCOMPARE(s.error().kind, ErrorKind::Auth);
        QVERIFY2(s.error().detail.contains(u"ssh-rsa (SHA-1)"_s)
                     && s.error().detail.contains(u"ed25519"_s),
                 qPrintable(s.error().toString()));
    }

    void unknownHostStrictThenAcceptNew()
    {
        const QString kh = m_tmp.path() + u"/kh_tofu"_s;
        QFile::remove(kh);
        SshConnectOptions o = sandboxOptions();
        o.knownHostsFile = kh;
        SshSession strict;
        QCOMPARE(run(strict, o), SshSession::State::Error);
        QCOMPARE(strict.error().kind, ErrorKind::HostKey);
        QVERIFY2(strict.error().message.contains(strict.hostKey().fingerprint),
                 qPrintable(strict.error().message));
        QVERIFY(!QFile::exists(kh));

        o.hostKeyPolicy = HostKeyPolicy::AcceptNew;
        SshSession tofu;
        QCOMPARE(run(tofu, o), SshSession::State::Connected);
        QProcess keygen; // OpenSSH finds the entry we added
        keygen.start(u"ssh-keygen"_s, { u"-F"_s, u"[127.0.0.1]:%1"_s.arg(o.port), u"-f"_s, kh });
        QVERIFY(keygen.waitForFinished(10000));
        QCOMPARE(keygen.exitCode(), 0);

        o.hostKeyPolicy = HostKeyPolicy::Strict;
        SshSession again;
        QCOMPARE(run(again, o), SshSession::State::Connected);
    }

    void askPolicy()
    {
        const QString kh = m_tmp.path() + u"/kh_ask"_s;
        QFile::remove(kh);
        SshConnectOptions o = sandboxOptions();
        o.knownHostsFile = kh;
        o.hostKeyPolicy = HostKeyPolicy::Ask;
        o.connectTimeout = std::chrono::milliseconds(500); // the prompt does not count

        SshSession rejecting;
        QSignalSpy ask(&rejecting, &SshSession::hostKeyUnknown);
        rejecting.connectToHost(o);
        QTRY_COMPARE_WITH_TIMEOUT(ask.size(), 1, 10000);
        QVERIFY(ask.at(0).at(0).toString().startsWith(u"SHA256:"_s));
        QCOMPARE(ask.at(0).at(1).toString(), u"ssh-ed25519"_s);
        QTest::qWait(800); // longer than connectTimeout: still waiting for the user
        QCOMPARE(rejecting.state(), SshSession::State::VerifyingHostKey);
        rejecting.rejectHostKey();
        QCOMPARE(rejecting.state(), SshSession::State::Error);
        QCOMPARE(rejecting.error().kind, ErrorKind::HostKey);

        SshSession accepting;
        o.connectTimeout = std::chrono::milliseconds(10000);
        connect(&accepting, &SshSession::hostKeyUnknown, &accepting,
                [&] { accepting.acceptHostKey(true); });
        QCOMPARE(run(accepting, o), SshSession::State::Connected);
        QVERIFY(QFile::exists(kh));
    }

    void hostKeyChangedIsRefused()
    {
        Test::PrivateSshd sshd(m_env.value(u"SSH_KNOWN_HOSTS"_s).section(u'/', 0, -2)
                               + u"/authorized_keys"_s);
        QVERIFY(sshd.start());
        const QString kh = m_tmp.path() + u"/kh_mitm"_s;
        QFile f(kh);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("# first line\n" + sshd.knownHostsLine().toUtf8() + '\n');
        f.close();
        SshConnectOptions o = sandboxOptions();
        o.port = sshd.port();
        o.knownHostsFile = kh;
        {
            SshSession s;
            QCOMPARE(run(s, o), SshSession::State::Connected);
        }
        // The server's key changes (like sandbox.sh regen-host-key): same host, new key.
        sshd.kill();
        QVERIFY(sshd.regenerateHostKey());
        QVERIFY(sshd.start());
        for (HostKeyPolicy policy :
             { HostKeyPolicy::Strict, HostKeyPolicy::AcceptNew, HostKeyPolicy::Ask }) {
            o.hostKeyPolicy = policy;
            SshSession s;
            QSignalSpy ask(&s, &SshSession::hostKeyUnknown);
            QCOMPARE(run(s, o), SshSession::State::Error);
            QCOMPARE(ask.size(), 0); // never offered to the user
            QCOMPARE(s.error().kind, ErrorKind::HostKey);
            const QString msg = s.error().message;
            QVERIFY2(msg.contains(u"CHANGED"_s) && msg.contains(u"man-in-the-middle"_s)
                         && msg.contains(u"[127.0.0.1]:%1"_s.arg(sshd.port()))
                         && msg.contains(s.hostKey().fingerprint) && msg.contains(kh)
                         && msg.contains(u"line 2"_s),
                     qPrintable(msg));
            QVERIFY(s.error().detail.startsWith(u"known_hosts line 2: [127.0.0.1]:"_s));
            if (policy == HostKeyPolicy::Strict)
                qInfo("MITM refusal: %s", qPrintable(s.error().toString()));
        }
    }

    void closedPortFailsFast()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        SshConnectOptions o = sandboxOptions();
        o.port = probe.serverPort();
        probe.close();
        SshSession s;
        QElapsedTimer t;
        t.start();
        QCOMPARE(run(s, o), SshSession::State::Error);
        QCOMPARE(s.error().kind, ErrorKind::Connection);
        QVERIFY2(t.elapsed() < 1000, qPrintable(QString::number(t.elapsed())));
        qInfo("closed port: %s after %lld ms", qPrintable(s.error().toString()), t.elapsed());
    }

    void silentHostTimesOut()
    {
        SshConnectOptions o = sandboxOptions();
        o.host = u"10.255.255.1"_s;
        o.port = 22;
        o.connectTimeout = std::chrono::milliseconds(1500);
        SshSession s;
        QElapsedTimer t;
        t.start();
        QCOMPARE(run(s, o, 10000), SshSession::State::Error);
        const qint64 ms = t.elapsed();
        // Either the route is missing (fast Connection error) or nothing answers (Timeout).
        QVERIFY2(s.error().kind == ErrorKind::Timeout || s.error().kind == ErrorKind::Connection,
                 qPrintable(s.error().toString()));
        QVERIFY2(ms < 2500, qPrintable(QString::number(ms)));
        qInfo("10.255.255.1: %s after %lld ms", qPrintable(s.error().toString()), ms);
    }

    void silentServerTimesOut()
    {
        // Accepts TCP, never sends the SSH banner: the handshake must time out, not hang.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        SshConnectOptions o = sandboxOptions();
        o.port = silent.serverPort();
        o.connectTimeout = std::chrono::milliseconds(1000);
        SshSession s;
        QElapsedTimer t;
        t.start();
        QCOMPARE(run(s, o, 10000), SshSession::State::Error);
        QCOMPARE(s.error().kind, ErrorKind::Timeout);
        QVERIFY2(t.elapsed() >= 900 && t.elapsed() < 1600,
                 qPrintable(QString::number(t.elapsed())));
        qInfo("silent server: %s after %lld ms", qPrintable(s.error().toString()), t.elapsed());

        // Cancel in the middle of the handshake.
        SshSession c;
        o.connectTimeout = std::chrono::milliseconds(30000);
        c.connectToHost(o);
        QTRY_COMPARE(c.state(), SshSession::State::Handshaking);
        c.disconnectFromHost();
        QCOMPARE(c.state(), SshSession::State::Error);
        QCOMPARE(c.error().kind, ErrorKind::Cancelled);
    }

    void cancelWhileConnecting()
    {
        SshConnectOptions o = sandboxOptions();
        o.host = u"10.255.255.1"_s;
        o.connectTimeout = std::chrono::milliseconds(30000);
        SshSession s;
        QSignalSpy err(&s, &SshSession::errorOccurred);
        s.connectToHost(o);
        QTest::qWait(100);
        if (s.state() == SshSession::State::Error)
            QSKIP("no route to 10.255.255.1 here: nothing to cancel");
        s.disconnectFromHost();
        QCOMPARE(s.state(), SshSession::State::Error);
        QCOMPARE(s.error().kind, ErrorKind::Cancelled);
        QCOMPARE(err.size(), 1);
    }

    void idleSessionNoticesServerDeath()
    {
        Test::PrivateSshd sshd(m_env.value(u"SSH_KNOWN_HOSTS"_s).section(u'/', 0, -2)
                               + u"/authorized_keys"_s);
        QVERIFY(sshd.start());
        SshConnectOptions o = sandboxOptions();
        o.port = sshd.port();
        o.knownHostsFile = m_tmp.path() + u"/kh_idle"_s;
        o.hostKeyPolicy = HostKeyPolicy::AcceptNew;
        SshSession s;
        QCOMPARE(run(s, o), SshSession::State::Connected);
        QSignalSpy disc(&s, &SshSession::disconnected);
        sshd.kill();
        QTRY_COMPARE_WITH_TIMEOUT(disc.size(), 1, 3000);
        QCOMPARE(s.error().kind, ErrorKind::Connection);
    }
};

QTEST_GUILESS_MAIN(TestSshSession)
#include "tst_sshsession.moc"
