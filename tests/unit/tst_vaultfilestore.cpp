// VaultFileStore and its file format: round trips, persistence, wrong passphrase, tampering
// (every single-byte flip), truncation, foreign and newer files, passphrase change, that no
// secret is ever stored in clear, concurrent writers, and the 0600 file mode.
#include "common/Crypto.h"
#include "secrets/VaultFileStore.h"
#include "secrets/VaultFormat.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFuture>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace TiDesk;

namespace {

VaultKdfParams fastKdf()
{
    VaultKdfParams kdf;
    kdf.n = quint64(1) << 10; // fast for tests; the default (2^17) is tested once
    return kdf;
}

const QString kPassphrase = u"correct horse battery staple"_s;
const QString kSecret = u"S3cr3t-P@ssw0rd-9f2c"_s;

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

QString describe(const VoidResult &r)
{
    return r.ok() ? u"ok"_s : Error::kindName(r.error().kind) + u": "_s + r.error().toString();
}

} // namespace

class TestVaultFileStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();

    void roundTrip();
    void emptyPassphraseRejected();
    void createRefusesExistingFile();
    void persistsAcrossInstances();
    void unlockOrCreate();
    void lockedStoreRefuses();
    void wrongPassphraseLeavesFileAlone();
    void everyByteFlipIsRejected();
    void truncatedFile_data();
    void truncatedFile();
    void notAVault_data();
    void notAVault();
    void newerVersionIsUnsupported();
    void changePassphrase();
    void secretNeverInClear();
    void freshNonceOnEveryWrite();
    void unicodePassphraseIsNormalised();
    void pbkdf2Vault();
    void picksUpWritesOfAnotherInstance();
    void concurrentWritesLoseNothing();
    void fileModeIs0600();
    void defaultParametersUnlockTime();

private:
    QString vaultPath() const { return m_dir->filePath(u"secrets.vault"_s); }
    QByteArray makeVaultWithSecret();

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestVaultFileStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QByteArray TestVaultFileStore::makeVaultWithSecret()
{
    VaultFileStore store(vaultPath(), fastKdf());
    if (!store.create(kPassphrase).ok() || !store.write(u"prod/sql"_s, kSecret).ok())
        return {};
    return readAll(vaultPath());
}

void TestVaultFileStore::roundTrip()
{
    VaultFileStore store(vaultPath(), fastKdf());
    QCOMPARE(store.backendName(), u"vault"_s);
    QVERIFY(!store.exists());
    QVERIFY(!store.isAvailable());
    QVERIFY2(store.create(kPassphrase).ok(), "create");
    QVERIFY(store.exists());
    QVERIFY(store.isUnlocked());
    QVERIFY(store.isAvailable());
    QVERIFY(store.keys().isEmpty());

    QVERIFY(store.write(u"prod/sql"_s, kSecret).ok());
    QVERIFY(store.write(u"prod/ssh"_s, u"\u5bc6\u7801 with unicode"_s).ok());
    QCOMPARE(store.read(u"prod/sql"_s).value(), kSecret);
    QCOMPARE(store.read(u"prod/ssh"_s).value(), u"\u5bc6\u7801 with unicode"_s);
    QCOMPARE(store.keys(), (QStringList { u"prod/sql"_s, u"prod/ssh"_s }));

    QVERIFY(store.write(u"prod/sql"_s, u"rotated"_s).ok());
    QCOMPARE(store.read(u"prod/sql"_s).value(), u"rotated"_s);

    QVERIFY(store.remove(u"prod/sql"_s).ok());
    const auto missing = store.read(u"prod/sql"_s);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().kind, ErrorKind::NotFound);
    QVERIFY(store.remove(u"never-there"_s).ok());

    const auto emptyKey = store.write(QString(), u"x"_s);
    QVERIFY(!emptyKey.ok());
    QCOMPARE(emptyKey.error().kind, ErrorKind::InvalidInput);
}

void TestVaultFileStore::emptyPassphraseRejected()
{
    VaultFileStore store(vaultPath(), fastKdf());
    const auto created = store.create(QString());
    QVERIFY(!created.ok());
    QCOMPARE(created.error().kind, ErrorKind::InvalidInput);
    QVERIFY(created.error().message.contains(u"must not be empty"_s));
    QVERIFY(!store.exists());
    QVERIFY(store.create(kPassphrase).ok());
    store.lock();
    QCOMPARE(store.unlock(QString()).error().kind, ErrorKind::InvalidInput);
    QCOMPARE(store.changePassphrase(kPassphrase, QString()).error().kind, ErrorKind::InvalidInput);
}

void TestVaultFileStore::createRefusesExistingFile()
{
    const QByteArray before = makeVaultWithSecret();
    QVERIFY(!before.isEmpty());
    VaultFileStore again(vaultPath(), fastKdf());
    const auto created = again.create(u"another passphrase"_s);
    QVERIFY(!created.ok());
    QCOMPARE(created.error().kind, ErrorKind::InvalidInput);
    QCOMPARE(readAll(vaultPath()), before);
}

void TestVaultFileStore::persistsAcrossInstances()
{
    QVERIFY(!makeVaultWithSecret().isEmpty());
    VaultFileStore second(vaultPath(), fastKdf());
    QVERIFY(!second.isUnlocked());
    QCOMPARE(second.read(u"prod/sql"_s).error().kind, ErrorKind::Auth);
    const auto unlocked = second.unlock(kPassphrase);
    QVERIFY2(unlocked.ok(), qPrintable(describe(unlocked)));
    QCOMPARE(second.read(u"prod/sql"_s).value(), kSecret);
    QCOMPARE(second.keys(), QStringList { u"prod/sql"_s });
}

void TestVaultFileStore::unlockOrCreate()
{
    {
        VaultFileStore store(vaultPath(), fastKdf());
        QVERIFY(store.unlockOrCreate(kPassphrase).ok());
        QVERIFY(store.write(u"k"_s, u"v"_s).ok());
    }
    VaultFileStore store(vaultPath(), fastKdf());
    QVERIFY(store.unlockOrCreate(kPassphrase).ok());
    QCOMPARE(store.read(u"k"_s).value(), u"v"_s);
    store.lock();
    QCOMPARE(store.unlockOrCreate(u"wrong"_s).error().kind, ErrorKind::Crypto);
}

void TestVaultFileStore::lockedStoreRefuses()
{
    VaultFileStore store(vaultPath(), fastKdf());
    QVERIFY(store.create(kPassphrase).ok());
    QVERIFY(store.write(u"k"_s, u"v"_s).ok());
    const QByteArray before = readAll(vaultPath());
    store.lock();
    QVERIFY(!store.isUnlocked());
    QVERIFY(!store.isAvailable());
    QVERIFY(store.keys().isEmpty());
    const auto w = store.write(u"k2"_s, u"v2"_s);
    QVERIFY(!w.ok());
    QCOMPARE(w.error().kind, ErrorKind::Auth);
    QVERIFY(w.error().message.contains(u"locked"_s));
    QCOMPARE(store.read(u"k"_s).error().kind, ErrorKind::Auth);
    QCOMPARE(store.remove(u"k"_s).error().kind, ErrorKind::Auth);
    QCOMPARE(readAll(vaultPath()), before);
    QVERIFY(store.unlock(kPassphrase).ok());
    QCOMPARE(store.read(u"k"_s).value(), u"v"_s);
}

void TestVaultFileStore::wrongPassphraseLeavesFileAlone()
{
    const QByteArray before = makeVaultWithSecret();
    QVERIFY(!before.isEmpty());
    VaultFileStore store(vaultPath(), fastKdf());
    const auto result = store.unlock(u"Correct horse battery staple"_s);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ErrorKind::Crypto);
    QCOMPARE(result.error().message, u"wrong passphrase or the vault was modified"_s);
    QVERIFY(!result.error().toString().contains(kSecret));
    QVERIFY(!store.isUnlocked());
    QCOMPARE(readAll(vaultPath()), before);
    QVERIFY(!store.write(u"x"_s, u"y"_s).ok());
    QCOMPARE(readAll(vaultPath()), before);
}

void TestVaultFileStore::everyByteFlipIsRejected()
{
    const QByteArray original = makeVaultWithSecret();
    QVERIFY(!original.isEmpty());
    const auto parsed = VaultFormat::parse(original);
    QVERIFY(parsed.ok());
    const qsizetype headerBytes = parsed->aad.size();
    int cryptoErrors = 0;
    for (const char mask : { char(0x01), char(0x80), char(0xff) }) {
        for (qsizetype i = 0; i < original.size(); ++i) {
            QByteArray flipped = original;
            flipped[i] = char(flipped[i] ^ mask);
            writeAll(vaultPath(), flipped);
            VaultFileStore store(vaultPath(), fastKdf());
            const auto result = store.unlock(kPassphrase);
            QVERIFY2(!result.ok(),
                     qPrintable(u"byte %1 mask %2 was accepted"_s.arg(i).arg(int(quint8(mask)))));
            QVERIFY(!store.isUnlocked());
            QCOMPARE(readAll(vaultPath()), flipped); // a failed unlock never writes
            if (i >= VaultFormat::kMagicBytes + 19 && i < headerBytes - 4) {
                // salt and nonce: parse fine, only authentication can tell.
                QCOMPARE(result.error().kind, ErrorKind::Crypto);
            }
            if (i >= headerBytes) { // ciphertext and tag
                QCOMPARE(result.error().kind, ErrorKind::Crypto);
                QCOMPARE(result.error().message, u"wrong passphrase or the vault was modified"_s);
            }
            if (result.error().kind == ErrorKind::Crypto)
                ++cryptoErrors;
        }
    }
    QVERIFY(cryptoErrors > 0);
    writeAll(vaultPath(), original);
    VaultFileStore store(vaultPath(), fastKdf());
    QVERIFY(store.unlock(kPassphrase).ok());
    QCOMPARE(store.read(u"prod/sql"_s).value(), kSecret);
}

void TestVaultFileStore::truncatedFile_data()
{
    QTest::addColumn<int>("cut"); // bytes removed from the end, or -N = keep N bytes
    QTest::newRow("empty") << -0;
    QTest::newRow("5 bytes of magic") << -5;
    QTest::newRow("magic only") << -11;
    QTest::newRow("magic+version") << -12;
    QTest::newRow("into the KDF params") << -20;
    QTest::newRow("fixed part") << -30;
    QTest::newRow("into the salt") << -40;
    QTest::newRow("into the nonce") << -70;
    QTest::newRow("no tag") << 16;
    QTest::newRow("half the tag") << 8;
    QTest::newRow("last byte") << 1;
}

void TestVaultFileStore::truncatedFile()
{
    QFETCH(int, cut);
    const QByteArray original = makeVaultWithSecret();
    QVERIFY(!original.isEmpty());
    const QByteArray truncated = cut <= 0 ? original.left(-cut) : original.chopped(cut);
    writeAll(vaultPath(), truncated);
    VaultFileStore store(vaultPath(), fastKdf());
    const auto result = store.unlock(kPassphrase);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ErrorKind::InvalidInput);
    QCOMPARE(result.error().message, u"vault file is truncated"_s);
    QCOMPARE(readAll(vaultPath()), truncated);
}

void TestVaultFileStore::notAVault_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("text") << "hello, this is a plain text file and no vault"_ba;
    QTest::newRow("json") << R"({"prod/sql":"hunter2"})"_ba;
    QTest::newRow("short") << "abc"_ba;
    QTest::newRow("lowercase magic")
        << "tideskvault\x01\x01 and some more bytes to be long enough"_ba;
}

void TestVaultFileStore::notAVault()
{
    QFETCH(QByteArray, bytes);
    writeAll(vaultPath(), bytes);
    VaultFileStore store(vaultPath(), fastKdf());
    const auto result = store.unlock(kPassphrase);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ErrorKind::InvalidInput);
    QCOMPARE(result.error().message, u"not a TiDesk vault file"_s);
    QCOMPARE(readAll(vaultPath()), bytes);
}

void TestVaultFileStore::newerVersionIsUnsupported()
{
    QByteArray bytes = makeVaultWithSecret();
    QVERIFY(!bytes.isEmpty());
    bytes[VaultFormat::kMagicBytes] = char(VaultFormat::kVersion + 1);
    writeAll(vaultPath(), bytes);
    VaultFileStore store(vaultPath(), fastKdf());
    const auto result = store.unlock(kPassphrase);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ErrorKind::Unsupported);
    QVERIFY(result.error().message.contains(u"newer"_s));
}

void TestVaultFileStore::changePassphrase()
{
    const QByteArray before = makeVaultWithSecret();
    QVERIFY(!before.isEmpty());
    VaultFileStore store(vaultPath(), fastKdf());
    const auto wrongOld = store.changePassphrase(u"not it"_s, u"new passphrase!"_s);
    QVERIFY(!wrongOld.ok());
    QCOMPARE(wrongOld.error().kind, ErrorKind::Crypto);
    QCOMPARE(readAll(vaultPath()), before);

    const auto changed = store.changePassphrase(kPassphrase, u"new passphrase!"_s);
    QVERIFY2(changed.ok(), qPrintable(describe(changed)));
    QVERIFY(store.isUnlocked());
    QCOMPARE(store.read(u"prod/sql"_s).value(), kSecret);
    QVERIFY(store.write(u"after"_s, u"change"_s).ok());

    const QByteArray after = readAll(vaultPath());
    QVERIFY(after != before);
    QVERIFY(VaultFormat::parse(after)->header.salt != VaultFormat::parse(before)->header.salt);

    VaultFileStore other(vaultPath(), fastKdf());
    QCOMPARE(other.unlock(kPassphrase).error().kind, ErrorKind::Crypto);
    QVERIFY(other.unlock(u"new passphrase!"_s).ok());
    QCOMPARE(other.read(u"prod/sql"_s).value(), kSecret);
    QCOMPARE(other.read(u"after"_s).value(), u"change"_s);
}

void TestVaultFileStore::secretNeverInClear()
{
    const QByteArray bytes = makeVaultWithSecret();
    QVERIFY(!bytes.isEmpty());
    const auto utf16 = [](const QString &s, QSysInfo::Endian endian) {
        QByteArray out;
        for (const QChar c : s) {
            const char lo = char(c.unicode() & 0xff);
            const char hi = char(c.unicode() >> 8);
            if (endian == QSysInfo::LittleEndian) {
                out.append(lo);
                out.append(hi);
            } else {
                out.append(hi);
                out.append(lo);
            }
        }
        return out;
    };
    for (const QString &needle : { kSecret, kSecret.left(8), u"prod/sql"_s }) {
        QVERIFY(!bytes.contains(needle.toUtf8()));
        QVERIFY(!bytes.contains(utf16(needle, QSysInfo::LittleEndian)));
        QVERIFY(!bytes.contains(utf16(needle, QSysInfo::BigEndian)));
        QVERIFY(!bytes.contains(needle.toUtf8().toBase64()));
    }
    QVERIFY(!bytes.contains(kPassphrase.toUtf8()));
}

void TestVaultFileStore::freshNonceOnEveryWrite()
{
    VaultFileStore store(vaultPath(), fastKdf());
    QVERIFY(store.create(kPassphrase).ok());
    QSet<QByteArray> nonces;
    for (int i = 0; i < 5; ++i) {
        QVERIFY(store.write(u"same"_s, u"value"_s).ok());
        const auto parsed = VaultFormat::parse(readAll(vaultPath()));
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->header.nonce.size(), 12);
        nonces.insert(parsed->header.nonce);
    }
    QCOMPARE(nonces.size(), 5);
}

void TestVaultFileStore::unicodePassphraseIsNormalised()
{
    const QString composed = u"p\u00e4ssphr\u00e4se \u5bc6"_s;
    const QString decomposed = u"pa\u0308ssphra\u0308se \u5bc6"_s;
    {
        VaultFileStore store(vaultPath(), fastKdf());
        QVERIFY(store.create(composed).ok());
        QVERIFY(store.write(u"k"_s, u"v"_s).ok());
    }
    VaultFileStore store(vaultPath(), fastKdf());
    QVERIFY(store.unlock(decomposed).ok());
    QCOMPARE(store.read(u"k"_s).value(), u"v"_s);
}

void TestVaultFileStore::pbkdf2Vault()
{
    VaultKdfParams kdf;
    kdf.algorithm = VaultKdf::Pbkdf2Sha256;
    kdf.iterations = 1000;
    {
        VaultFileStore store(vaultPath(), kdf);
        QVERIFY(store.create(kPassphrase).ok());
        QVERIFY(store.write(u"k"_s, u"v"_s).ok());
    }
    const auto parsed = VaultFormat::parse(readAll(vaultPath()));
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->header.kdf.algorithm, VaultKdf::Pbkdf2Sha256);
    QCOMPARE(parsed->header.kdf.iterations, 1000u);
    // Unlocking reads the KDF from the file, whatever this instance would create.
    VaultFileStore store(vaultPath(), fastKdf());
    QVERIFY(store.unlock(kPassphrase).ok());
    QCOMPARE(store.read(u"k"_s).value(), u"v"_s);
    QCOMPARE(store.unlock(u"wrong"_s).error().kind, ErrorKind::Crypto);
}

void TestVaultFileStore::picksUpWritesOfAnotherInstance()
{
    VaultFileStore a(vaultPath(), fastKdf());
    QVERIFY(a.create(kPassphrase).ok());
    VaultFileStore b(vaultPath(), fastKdf());
    QVERIFY(b.unlock(kPassphrase).ok());
    QVERIFY(a.write(u"from-a"_s, u"1"_s).ok());
    QVERIFY(b.write(u"from-b"_s, u"2"_s).ok()); // must not drop from-a
    QCOMPARE(b.read(u"from-a"_s).value(), u"1"_s);
    QCOMPARE(a.read(u"from-b"_s).value(), u"2"_s);

    // A passphrase change elsewhere: the old key no longer opens the file, clearly said.
    VaultFileStore c(vaultPath(), fastKdf());
    QVERIFY(c.changePassphrase(kPassphrase, u"rotated passphrase"_s).ok());
    const auto stale = a.read(u"from-a"_s);
    QVERIFY(!stale.ok());
    QCOMPARE(stale.error().kind, ErrorKind::Crypto);
    QVERIFY(a.unlock(u"rotated passphrase"_s).ok());
    QCOMPARE(a.read(u"from-b"_s).value(), u"2"_s);
}

void TestVaultFileStore::concurrentWritesLoseNothing()
{
    VaultFileStore shared(vaultPath(), fastKdf());
    QVERIFY(shared.create(kPassphrase).ok());
    VaultFileStore second(vaultPath(), fastKdf()); // like a second TiDesk process
    QVERIFY(second.unlock(kPassphrase).ok());

    constexpr int kThreads = 4;
    constexpr int kWritesPerThread = 25;
    QThreadPool pool;
    pool.setMaxThreadCount(kThreads + 1);
    QList<QFuture<int>> futures;
    for (int t = 0; t < kThreads; ++t) {
        VaultFileStore *store = (t % 2 == 0) ? &shared : &second;
        futures << QtConcurrent::run(&pool, [store, t] {
            int failures = 0;
            for (int i = 0; i < kWritesPerThread; ++i) {
                if (!store->write(u"t%1/k%2"_s.arg(t).arg(i), u"secret-%1-%2"_s.arg(t).arg(i)).ok())
                    ++failures;
            }
            return failures;
        });
    }
    for (QFuture<int> &f : futures)
        QCOMPARE(f.result(), 0);

    VaultFileStore check(vaultPath(), fastKdf());
    QVERIFY(check.unlock(kPassphrase).ok());
    QCOMPARE(check.keys().size(), kThreads * kWritesPerThread);
    for (int t = 0; t < kThreads; ++t)
        for (int i = 0; i < kWritesPerThread; ++i)
            QCOMPARE(check.read(u"t%1/k%2"_s.arg(t).arg(i)).value(),
                     u"secret-%1-%2"_s.arg(t).arg(i));
    QVERIFY(!QFile::exists(vaultPath() + u".lock"_s));
}

void TestVaultFileStore::fileModeIs0600()
{
    const mode_t oldMask = ::umask(0); // the widest umask: the store must still write 0600
    VaultFileStore store(m_dir->filePath(u"sub/dir/secrets.vault"_s), fastKdf());
    const auto created = store.create(kPassphrase);
    ::umask(oldMask);
    QVERIFY(created.ok());
    QVERIFY(store.write(u"k"_s, u"v"_s).ok());
    struct stat st = {};
    QCOMPARE(::stat(QFile::encodeName(store.path()).constData(), &st), 0);
    QCOMPARE(st.st_mode & 0777, mode_t(0600));
    QCOMPARE(::stat(QFile::encodeName(m_dir->filePath(u"sub/dir"_s)).constData(), &st), 0);
    QCOMPARE(st.st_mode & 0777, mode_t(0700));
}

void TestVaultFileStore::defaultParametersUnlockTime()
{
    const VaultKdfParams defaults;
    QCOMPARE(defaults.n, quint64(1) << 17);
    QCOMPARE(defaults.r, 8u);
    QCOMPARE(defaults.p, 1u);
    {
        VaultFileStore store(vaultPath());
        QElapsedTimer timer;
        timer.start();
        QVERIFY(store.create(kPassphrase).ok());
        qInfo("create with default parameters (scrypt N=2^17, r=8, p=1): %lld ms", timer.elapsed());
        QVERIFY(store.write(u"k"_s, u"v"_s).ok());
    }
    VaultFileStore store(vaultPath());
    QElapsedTimer timer;
    timer.start();
    QVERIFY(store.unlock(kPassphrase).ok());
    const qint64 unlockMs = timer.elapsed();
    timer.restart();
    QVERIFY(store.write(u"k2"_s, u"v2"_s).ok());
    const qint64 writeMs = timer.elapsed();
    qInfo("unlock with default parameters: %lld ms; a write after unlock (no KDF): %lld ms",
          unlockMs, writeMs);
    QCOMPARE(store.read(u"k"_s).value(), u"v"_s);
}

QTEST_GUILESS_MAIN(TestVaultFileStore)
#include "tst_vaultfilestore.moc"
