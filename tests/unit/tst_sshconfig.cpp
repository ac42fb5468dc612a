// SshConfig (~/.ssh/config subset), HostPattern and SshKeyFile (key type without the passphrase;
// keys generated with ssh-keygen at run time).
#include "HostPattern.h"
#include "SshConfig.h"
#include "SshKeyFile.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TiDesk;

namespace {
const QByteArray kConfig = R"(# global options first
IdentityFile ~/.ssh/id_global

Host bastion prod-bastion
    HostName 10.1.2.3
    Port 2222
    User dba
    IdentityFile ~/.ssh/id_bastion
    IdentityFile "%d/keys/%r@%h"

Host *.prod !legacy.prod
    User produser
    Port=2200

Match host something
    User never

Host db-?
    HostName %h.internal
    User first
    User second

Host *
    User fallback
    Port 22022
)";
} // namespace

class TestSshConfig : public QObject
{
    Q_OBJECT

private slots:
    void patterns_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("matches");
        QTest::newRow("literal") << u"db1"_s << u"db1"_s << true;
        QTest::newRow("case") << u"DB1"_s << u"db1"_s << true;
        QTest::newRow("star") << u"*.prod"_s << u"a.b.prod"_s << true;
        QTest::newRow("star empty") << u"db*"_s << u"db"_s << true;
        QTest::newRow("star no") << u"*.prod"_s << u"a.uat"_s << false;
        QTest::newRow("question") << u"db-?"_s << u"db-1"_s << true;
        QTest::newRow("question one char") << u"db-?"_s << u"db-12"_s << false;
        QTest::newRow("backtrack") << u"*a*b"_s << u"xaxxaxb"_s << true;
        QTest::newRow("brackets literal") << u"[10.0.0.*]:2222"_s << u"[10.0.0.9]:2222"_s << true;
    }

    void patterns()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, text);
        QFETCH(bool, matches);
        QCOMPARE(HostPattern::matches(pattern, text), matches);
    }

    void negation()
    {
        const QStringList list { u"*.prod"_s, u"!legacy.prod"_s };
        QVERIFY(HostPattern::matchesList(list, u"db.prod"_s));
        QVERIFY(!HostPattern::matchesList(list, u"legacy.prod"_s));
        QVERIFY(!HostPattern::matchesList({ u"!x"_s }, u"y"_s)); // negation alone never matches
    }

    void resolve()
    {
        const SshConfig cfg = SshConfig::parse(kConfig);
        const QString home = QDir::homePath();

        const SshHostConfig b = cfg.resolve(u"prod-bastion"_s);
        QCOMPARE(b.hostName, u"10.1.2.3"_s);
        QCOMPARE(b.port, 2222);
        QCOMPARE(b.user, u"dba"_s);
        QCOMPARE(b.identityFiles,
                 QStringList({ home + u"/.ssh/id_global"_s, home + u"/.ssh/id_bastion"_s,
                               home + u"/keys/dba@10.1.2.3"_s }));

        const SshHostConfig p = cfg.resolve(u"db.prod"_s);
        QCOMPARE(p.hostName, u"db.prod"_s);
        QCOMPARE(p.user, u"produser"_s); // first match wins over "Host *"
        QCOMPARE(p.port, 2200); // keyword=value form

        const SshHostConfig l = cfg.resolve(u"legacy.prod"_s);
        QCOMPARE(l.user, u"fallback"_s);
        QCOMPARE(l.port, 22022);

        const SshHostConfig d = cfg.resolve(u"db-7"_s);
        QCOMPARE(d.hostName, u"db-7.internal"_s);
        QCOMPARE(d.user, u"first"_s); // first value of a keyword wins, even in one block

        const SshHostConfig none = SshConfig().resolve(u"plain.host"_s);
        QCOMPARE(none.hostName, u"plain.host"_s);
        QCOMPARE(none.port, 22);
        QVERIFY(none.user.isEmpty());
    }

    void missingFile()
    {
        const auto cfg = SshConfig::load(u"/nonexistent/config"_s);
        QVERIFY(cfg.ok());
        QCOMPARE(cfg->resolve(u"x"_s).hostName, u"x"_s);
    }

    void expandTilde()
    {
        QCOMPARE(SshConfig::expandTilde(u"~/.ssh/id"_s), QDir::homePath() + u"/.ssh/id"_s);
        QCOMPARE(SshConfig::expandTilde(u"/abs"_s), u"/abs"_s);
    }

    void keyFiles_data()
    {
        QTest::addColumn<QStringList>("keygenArgs");
        QTest::addColumn<QString>("type");
        QTest::addColumn<bool>("encrypted");
        QTest::newRow("ed25519") << QStringList { u"-t"_s, u"ed25519"_s, u"-N"_s, u""_s }
                                 << u"ssh-ed25519"_s << false;
        QTest::newRow("ed25519 passphrase")
            << QStringList { u"-t"_s, u"ed25519"_s, u"-N"_s, u"pw"_s } << u"ssh-ed25519"_s << true;
        QTest::newRow("ecdsa") << QStringList { u"-t"_s, u"ecdsa"_s, u"-N"_s, u""_s }
                               << u"ecdsa-sha2-nistp256"_s << false;
        QTest::newRow("rsa openssh")
            << QStringList { u"-t"_s, u"rsa"_s, u"-b"_s, u"1024"_s, u"-N"_s, u"pw"_s }
            << u"ssh-rsa"_s << true;
        QTest::newRow("rsa pem") << QStringList { u"-t"_s, u"rsa"_s, u"-b"_s, u"1024"_s,
                                                  u"-m"_s, u"PEM"_s, u"-N"_s, u""_s }
                                 << u"ssh-rsa"_s << false;
    }

    void keyFiles()
    {
        QFETCH(QStringList, keygenArgs);
        QFETCH(QString, type);
        QFETCH(bool, encrypted);
        QTemporaryDir dir;
        const QString key = dir.path() + u"/key"_s;
        QProcess p;
        p.start(u"ssh-keygen"_s, keygenArgs + QStringList { u"-q"_s, u"-f"_s, key });
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        QFile::remove(key + u".pub"_s); // the type must come from the private key file itself
        const SshKeyFileInfo info = SshKeyFile::inspect(key);
        QVERIFY(info.readable);
        QCOMPARE(info.keyType, type);
        QCOMPARE(info.encrypted, encrypted);
        QVERIFY(!SshKeyFile::inspect(dir.path() + u"/missing"_s).readable);
    }
};

QTEST_GUILESS_MAIN(TestSshConfig)
#include "tst_sshconfig.moc"
