// BastionConfig: inventory bastion + ~/.ssh/config -> SshConnectOptions, the way an OpenSSH user
// expects (alias, precedence, default keys, which secret goes where, session identity).
#include "tunnel/BastionConfig.h"

#include <QDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TiDesk;

class TestBastionConfig : public QObject
{
    Q_OBJECT

private slots:
    void aliasFromSshConfig()
    {
        const SshConfig cfg
            = SshConfig::parse("Host jump\n  HostName 10.0.0.7\n  Port 2222\n  User ops\n"
                               "  IdentityFile ~/.ssh/jump_ed25519\n");
        SshBastion b;
        b.enabled = true;
        b.host = u"jump"_s;
        const auto r = BastionConfig::resolve(b, u"pp"_s, cfg, HostKeyPolicy::Ask, 5000);
        QCOMPARE(r.options.host, u"10.0.0.7"_s);
        QCOMPARE(r.options.port, 2222);
        QCOMPARE(r.options.user, u"ops"_s);
        QCOMPARE(r.options.identityFiles,
                 QStringList { QDir::homePath() + u"/.ssh/jump_ed25519"_s });
        QCOMPARE(r.options.passphrase, u"pp"_s); // a key is configured: the secret unlocks it
        QVERIFY(r.options.password.isEmpty()); // ... and is never sent to the server
        QCOMPARE(r.options.hostKeyPolicy, HostKeyPolicy::Ask);
        QCOMPARE(r.display, u"jump (ops@10.0.0.7:2222)"_s);
    }

    void inventoryValuesWin()
    {
        const SshConfig cfg
            = SshConfig::parse("Host jump\n  HostName 10.0.0.7\n  Port 2222\n  User ops\n"
                               "  IdentityFile ~/.ssh/jump_ed25519\n");
        SshBastion b;
        b.host = u"jump"_s;
        b.port = 2200;
        b.user = u"dba"_s;
        b.identityFile = u"~/keys/dba_ed25519"_s;
        b.knownHostsFile = u"~/kh"_s;
        const auto r = BastionConfig::resolve(b, {}, cfg, HostKeyPolicy::Strict, 500);
        QCOMPARE(r.options.port, 2200);
        QCOMPARE(r.options.user, u"dba"_s);
        QCOMPARE(r.options.identityFiles,
                 QStringList { QDir::homePath() + u"/keys/dba_ed25519"_s });
        QCOMPARE(r.options.knownHostsFile, QDir::homePath() + u"/kh"_s);
        QCOMPARE(r.options.connectTimeout,
                 std::chrono::milliseconds(1000)); // floor: SSH needs a few round trips
    }

    void noKeyMeansPassword()
    {
        SshBastion b;
        b.host = u"10.1.1.1"_s;
        b.user = u"ops"_s;
        const auto r
            = BastionConfig::resolve(b, u"secret"_s, SshConfig(), HostKeyPolicy::Strict, 5000);
        QCOMPARE(r.options.password, u"secret"_s);
        QVERIFY(r.options.passphrase.isEmpty());
        QCOMPARE(r.options.host, u"10.1.1.1"_s);
        QCOMPARE(r.options.port, 22);
        QCOMPARE(r.display, u"ops@10.1.1.1:22"_s);
    }

    void sessionIdentity()
    {
        SshBastion b;
        b.host = u"10.1.1.1"_s;
        b.user = u"ops"_s;
        b.identityFile = u"/k/id"_s;
        const auto a = BastionConfig::resolve(b, u"x"_s, SshConfig(), HostKeyPolicy::Strict, 5000);
        const auto same
            = BastionConfig::resolve(b, u"x"_s, SshConfig(), HostKeyPolicy::AcceptNew, 9000);
        QCOMPARE(a.key, same.key); // policy and timeout do not make a different session
        SshBastion other = b;
        other.user = u"root"_s;
        QVERIFY(BastionConfig::resolve(other, u"x"_s, SshConfig(), HostKeyPolicy::Strict, 5000).key
                != a.key);
        QVERIFY(BastionConfig::resolve(b, u"y"_s, SshConfig(), HostKeyPolicy::Strict, 5000).key
                != a.key);
        QVERIFY(!a.key.contains(u"x|"_s)
                && !a.key.endsWith(u"|x"_s)); // the secret itself is not in it
    }
};

QTEST_GUILESS_MAIN(TestBastionConfig)
#include "tst_bastionconfig.moc"
