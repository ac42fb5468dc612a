// KnownHosts against fixture files in tests/data/ssh (hashed entries made by `ssh-keygen -H`)
// and fingerprints compared with `ssh-keygen -l`.
#include "KnownHosts.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TiDesk;

namespace {
const QString kData = QStringLiteral(TIDESK_TEST_DATA_DIR "/ssh/");

struct PubKey
{
    QString type;
    QByteArray blob;
};

PubKey readPub(const QString &name)
{
    QFile f(kData + name);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QList<QByteArray> parts = f.readAll().split(' ');
    return { QString::fromLatin1(parts.value(0)), QByteArray::fromBase64(parts.value(1)) };
}
} // namespace

class TestKnownHosts : public QObject
{
    Q_OBJECT

private slots:
    void fingerprintLikeSshKeygen()
    {
        QCOMPARE(KnownHosts::fingerprint(readPub(u"host_ed25519.pub"_s).blob),
                 u"SHA256:lfjCOlgoddUo63BRVI8fRz6INiEWnV8m3zpGyk5E6C0"_s);
        QCOMPARE(KnownHosts::fingerprint(readPub(u"host_ecdsa.pub"_s).blob),
                 u"SHA256:qExNOrBSW0/6Atih/oSXyotwHQOTFynbVEe8Oh2BmBI"_s);
    }

    void hostToken()
    {
        QCOMPARE(KnownHosts::hostToken(u"db1"_s, 22), u"db1"_s);
        QCOMPARE(KnownHosts::hostToken(u"127.0.0.1"_s, 24022), u"[127.0.0.1]:24022"_s);
    }

    void lookup_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("line");
        const int match = int(KnownHosts::Status::Match),
                  notFound = int(KnownHosts::Status::NotFound),
                  mismatch = int(KnownHosts::Status::Mismatch);
        const QString plain = u"known_hosts"_s, hashed = u"known_hosts_hashed"_s;
        const QString ed = u"host_ed25519.pub"_s, ec = u"host_ecdsa.pub"_s,
                      other = u"other_ed25519.pub"_s;
        QTest::newRow("plain match") << plain << u"db1.example.com"_s << 22 << ed << match << 2;
        QTest::newRow("second name") << plain << u"10.0.0.5"_s << 22 << ed << match << 2;
        QTest::newRow("case-insensitive")
            << plain << u"DB1.example.com"_s << 22 << ed << match << 2;
        QTest::newRow("plain mismatch")
            << plain << u"db1.example.com"_s << 22 << other << mismatch << 2;
        QTest::newRow("other port unknown")
            << plain << u"db1.example.com"_s << 2222 << ed << notFound << 0;
        QTest::newRow("port entry")
            << plain << u"bastion.example.com"_s << 2222 << ec << match << 3;
        QTest::newRow("port entry, port 22")
            << plain << u"bastion.example.com"_s << 22 << ec << notFound << 0;
        QTest::newRow("other type known")
            << plain << u"bastion.example.com"_s << 2222 << ed << notFound << 0;
        QTest::newRow("wildcard") << plain << u"db7.prod.example.com"_s << 22 << ed << match << 4;
        QTest::newRow("negated") << plain << u"evil.prod.example.com"_s << 22 << ed << notFound
                                 << 0;
        QTest::newRow("cert-authority ignored")
            << plain << u"x.example.com"_s << 22 << other << notFound << 0;
        QTest::newRow("revoked wins")
            << plain << u"revoked.example.com"_s << 22 << ed << mismatch << 6;
        QTest::newRow("unknown") << plain << u"nowhere"_s << 22 << ed << notFound << 0;
        QTest::newRow("hashed match")
            << hashed << u"hashed.example.com"_s << 22 << ed << match << 1;
        QTest::newRow("hashed port")
            << hashed << u"hashed.example.com"_s << 2200 << ec << match << 2;
        QTest::newRow("hashed mismatch")
            << hashed << u"hashed.example.com"_s << 22 << other << mismatch << 1;
        QTest::newRow("hashed unknown")
            << hashed << u"other.example.com"_s << 22 << ed << notFound << 0;
    }

    void lookup()
    {
        QFETCH(QString, file);
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QString, key);
        QFETCH(int, status);
        QFETCH(int, line);
        const auto kh = KnownHosts::load(kData + file);
        QVERIFY2(kh.ok(), qPrintable(kh.error().toString()));
        const PubKey pk = readPub(key);
        const KnownHosts::Lookup r = kh->lookup(host, port, pk.type, pk.blob);
        QCOMPARE(int(r.status), status);
        QCOMPARE(r.entry.lineNumber, line);
    }

    void otherKeyTypesReported()
    {
        const auto kh = KnownHosts::load(kData + u"known_hosts"_s);
        const PubKey ed = readPub(u"host_ed25519.pub"_s);
        const auto r = kh->lookup(u"bastion.example.com"_s, 2222, ed.type, ed.blob);
        QCOMPARE(r.otherKeyTypes, QStringList { u"ecdsa-sha2-nistp256"_s });
        QCOMPARE(kh->keyTypesFor(u"bastion.example.com"_s, 2222),
                 QStringList { u"ecdsa-sha2-nistp256"_s });
    }

    void missingFileIsEmpty()
    {
        const auto kh = KnownHosts::load(u"/nonexistent/known_hosts"_s);
        QVERIFY(kh.ok());
        QVERIFY(kh->entries().isEmpty());
    }

    void appendPlainAndHashed()
    {
        QTemporaryDir dir;
        const QString path = dir.path() + u"/sub/known_hosts"_s; // directory created on demand
        const PubKey ed = readPub(u"host_ed25519.pub"_s), ec = readPub(u"host_ecdsa.pub"_s);
        QVERIFY(KnownHosts::append(path, u"127.0.0.1"_s, 24022, ed.type, ed.blob).ok());
        QVERIFY(KnownHosts::append(path, u"secret.example.com"_s, 22, ec.type, ec.blob, true).ok());
        QCOMPARE(QFile::permissions(path) & (QFile::ReadOther | QFile::ReadGroup),
                 QFile::Permissions {});

        const auto kh = KnownHosts::load(path);
        QCOMPARE(kh->entries().size(), 2);
        QCOMPARE(kh->entries().at(0).line.section(u' ', 0, 0), u"[127.0.0.1]:24022"_s);
        QVERIFY(kh->entries().at(1).isHashed());
        QVERIFY(!kh->entries().at(1).line.contains(u"secret"_s));
        QCOMPARE(kh->lookup(u"127.0.0.1"_s, 24022, ed.type, ed.blob).status,
                 KnownHosts::Status::Match);
        QCOMPARE(kh->lookup(u"secret.example.com"_s, 22, ec.type, ec.blob).status,
                 KnownHosts::Status::Match);

        // OpenSSH reads what we wrote: ssh-keygen -F finds both entries.
        for (const QString &host : { u"[127.0.0.1]:24022"_s, u"secret.example.com"_s }) {
            QProcess p;
            p.start(u"ssh-keygen"_s, { u"-F"_s, host, u"-f"_s, path });
            QVERIFY(p.waitForFinished(10000));
            QCOMPARE(p.exitCode(), 0);
        }
    }

    void appendKeepsFileWithoutTrailingNewline()
    {
        QTemporaryDir dir;
        const QString path = dir.path() + u"/known_hosts"_s;
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("# no newline at end");
        f.close();
        const PubKey ed = readPub(u"host_ed25519.pub"_s);
        QVERIFY(KnownHosts::append(path, u"a"_s, 22, ed.type, ed.blob).ok());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll().count('\n'), 2);
    }
};

QTEST_GUILESS_MAIN(TestKnownHosts)
#include "tst_knownhosts.moc"
