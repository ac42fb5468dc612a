// Known-answer tests for the OpenSSL wrappers in common/Crypto: AES-256-GCM (McGrew & Viega,
// "The Galois/Counter Mode of Operation", test cases 13, 14, 16), scrypt (RFC 7914 section 12)
// and PBKDF2-HMAC-SHA256 (RFC 7914 section 11), plus the error paths.
#include "common/Crypto.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace TiDesk;

class TestCrypto : public QObject
{
    Q_OBJECT

private slots:
    void gcmKnownAnswer_data();
    void gcmKnownAnswer();
    void gcmRejectsTampering();
    void gcmRejectsBadSizes();
    void scryptKnownAnswer_data();
    void scryptKnownAnswer();
    void scryptDefaultVaultCostFits();
    void scryptRejectsBadParameters();
    void pbkdf2KnownAnswer_data();
    void pbkdf2KnownAnswer();
    void randomBytes();
    void sha256Hex();
    void constantTimeEquals();
    void secureWipe();
};

void TestCrypto::gcmKnownAnswer_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("nonce");
    QTest::addColumn<QByteArray>("plaintext");
    QTest::addColumn<QByteArray>("aad");
    QTest::addColumn<QByteArray>("ciphertext");
    QTest::addColumn<QByteArray>("tag");

    const QByteArray zeroKey(32, '\0');
    const QByteArray zeroNonce(12, '\0');
    QTest::newRow("TC13 empty") << zeroKey << zeroNonce << QByteArray() << QByteArray()
                                << QByteArray()
                                << QByteArray::fromHex("530f8afbc74536b9a963b4f1c4cb738b");
    QTest::newRow("TC14 one block") << zeroKey << zeroNonce << QByteArray(16, '\0') << QByteArray()
                                    << QByteArray::fromHex("cea7403d4d606b6e074ec5d3baf39d18")
                                    << QByteArray::fromHex("d0d1c8a799996bf0265b98b5d48ab919");
    QTest::newRow("TC16 with AAD")
        << QByteArray::fromHex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308")
        << QByteArray::fromHex("cafebabefacedbaddecaf888")
        << QByteArray::fromHex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
                               "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39")
        << QByteArray::fromHex("feedfacedeadbeeffeedfacedeadbeefabaddad2")
        << QByteArray::fromHex("522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
                               "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662")
        << QByteArray::fromHex("76fc6ece0f4e1768cddf8853bb2d551b");
}

void TestCrypto::gcmKnownAnswer()
{
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, nonce);
    QFETCH(QByteArray, plaintext);
    QFETCH(QByteArray, aad);
    QFETCH(QByteArray, ciphertext);
    QFETCH(QByteArray, tag);

    const auto sealed = Crypto::aes256GcmSeal(key, nonce, plaintext, aad);
    QVERIFY2(sealed.ok(), qPrintable(sealed.ok() ? QString() : sealed.error().toString()));
    QCOMPARE(sealed->ciphertext.toHex(), ciphertext.toHex());
    QCOMPARE(sealed->tag.toHex(), tag.toHex());

    const auto opened = Crypto::aes256GcmOpen(key, nonce, ciphertext, tag, aad);
    QVERIFY(opened.ok());
    QCOMPARE(opened.value(), plaintext);
}

void TestCrypto::gcmRejectsTampering()
{
    const QByteArray key
        = QByteArray::fromHex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308");
    const QByteArray nonce = QByteArray::fromHex("cafebabefacedbaddecaf888");
    const QByteArray aad = "header"_ba;
    const auto sealed = Crypto::aes256GcmSeal(key, nonce, "the secret"_ba, aad);
    QVERIFY(sealed.ok());

    auto expectCrypto = [](const Result<QByteArray> &r) {
        return !r.ok() && r.error().kind == ErrorKind::Crypto;
    };
    QByteArray badCt = sealed->ciphertext;
    badCt[0] = char(badCt[0] ^ 1);
    QVERIFY(expectCrypto(Crypto::aes256GcmOpen(key, nonce, badCt, sealed->tag, aad)));
    QByteArray badTag = sealed->tag;
    badTag[15] = char(badTag[15] ^ 0x80);
    QVERIFY(expectCrypto(Crypto::aes256GcmOpen(key, nonce, sealed->ciphertext, badTag, aad)));
    QVERIFY(expectCrypto(
        Crypto::aes256GcmOpen(key, nonce, sealed->ciphertext, sealed->tag, "headex"_ba)));
    QByteArray badKey = key;
    badKey[31] = char(badKey[31] ^ 1);
    QVERIFY(
        expectCrypto(Crypto::aes256GcmOpen(badKey, nonce, sealed->ciphertext, sealed->tag, aad)));
    QByteArray badNonce = nonce;
    badNonce[0] = char(badNonce[0] ^ 1);
    QVERIFY(
        expectCrypto(Crypto::aes256GcmOpen(key, badNonce, sealed->ciphertext, sealed->tag, aad)));
}

void TestCrypto::gcmRejectsBadSizes()
{
    const auto shortKey
        = Crypto::aes256GcmSeal(QByteArray(16, 'k'), QByteArray(12, 'n'), "x"_ba, {});
    QVERIFY(!shortKey.ok());
    QCOMPARE(shortKey.error().kind, ErrorKind::InvalidInput);
    const auto shortTag = Crypto::aes256GcmOpen(QByteArray(32, 'k'), QByteArray(12, 'n'), "x"_ba,
                                                QByteArray(8, 't'), {});
    QVERIFY(!shortTag.ok());
    QCOMPARE(shortTag.error().kind, ErrorKind::InvalidInput);
}

void TestCrypto::scryptKnownAnswer_data()
{
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<QByteArray>("salt");
    QTest::addColumn<quint64>("n");
    QTest::addColumn<quint32>("r");
    QTest::addColumn<quint32>("p");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("RFC7914 #1")
        << QByteArray() << QByteArray() << quint64(16) << 1u << 1u
        << QByteArray("77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"
                      "fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906");
    QTest::newRow("RFC7914 #2")
        << "password"_ba
        << "NaCl"_ba << quint64(1024) << 8u << 16u
        << QByteArray("fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
                      "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640");
    QTest::newRow("RFC7914 #3")
        << "pleaseletmein"_ba
        << "SodiumChloride"_ba << quint64(16384) << 8u << 1u
        << QByteArray("7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2"
                      "d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887");
}

void TestCrypto::scryptKnownAnswer()
{
    QFETCH(QByteArray, password);
    QFETCH(QByteArray, salt);
    QFETCH(quint64, n);
    QFETCH(quint32, r);
    QFETCH(quint32, p);
    QFETCH(QByteArray, expected);
    const auto key = Crypto::scrypt(password, salt, n, r, p, 64);
    QVERIFY2(key.ok(), qPrintable(key.ok() ? QString() : key.error().toString()));
    QCOMPARE(key->toHex(), expected);
}

void TestCrypto::scryptDefaultVaultCostFits()
{
    // N=2^17, r=8 needs 128 MiB: more than OpenSSL's default 32 MiB maxmem.
    const auto key
        = Crypto::scrypt("passphrase"_ba, QByteArray(32, 's'), quint64(1) << 17, 8, 1, 32);
    QVERIFY2(key.ok(), qPrintable(key.ok() ? QString() : key.error().toString()));
    QCOMPARE(key->size(), 32);
}

void TestCrypto::scryptRejectsBadParameters()
{
    const auto notPowerOfTwo = Crypto::scrypt("x"_ba, "salt"_ba, 1000, 8, 1, 32);
    QVERIFY(!notPowerOfTwo.ok());
    QCOMPARE(notPowerOfTwo.error().kind, ErrorKind::InvalidInput);
    const auto tooBig = Crypto::scrypt("x"_ba, "salt"_ba, quint64(1) << 40, 8, 1, 32);
    QVERIFY(!tooBig.ok());
    QCOMPARE(tooBig.error().kind, ErrorKind::InvalidInput);
    const auto zeroR = Crypto::scrypt("x"_ba, "salt"_ba, 16, 0, 1, 32);
    QVERIFY(!zeroR.ok());
}

void TestCrypto::pbkdf2KnownAnswer_data()
{
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<QByteArray>("salt");
    QTest::addColumn<quint32>("iterations");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("RFC7914 s11 #1")
        << "passwd"_ba
        << "salt"_ba << 1u
        << QByteArray("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                      "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
    QTest::newRow("RFC7914 s11 #2")
        << "Password"_ba
        << "NaCl"_ba << 80000u
        << QByteArray("4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
                      "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d");
}

void TestCrypto::pbkdf2KnownAnswer()
{
    QFETCH(QByteArray, password);
    QFETCH(QByteArray, salt);
    QFETCH(quint32, iterations);
    QFETCH(QByteArray, expected);
    const auto key = Crypto::pbkdf2Sha256(password, salt, iterations, 64);
    QVERIFY(key.ok());
    QCOMPARE(key->toHex(), expected);
    QVERIFY(!Crypto::pbkdf2Sha256(password, salt, 0, 64).ok());
}

void TestCrypto::randomBytes()
{
    const auto a = Crypto::randomBytes(32);
    const auto b = Crypto::randomBytes(32);
    QVERIFY(a.ok() && b.ok());
    QCOMPARE(a->size(), 32);
    QVERIFY(a.value() != b.value());
    QVERIFY(Crypto::randomBytes(0).ok());
    QVERIFY(!Crypto::randomBytes(-1).ok());
}

void TestCrypto::sha256Hex()
{
    QCOMPARE(Crypto::sha256Hex("abc"_ba),
             u"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"_s);
    QCOMPARE(Crypto::sha256Hex({}),
             u"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"_s);
}

void TestCrypto::constantTimeEquals()
{
    QVERIFY(Crypto::constantTimeEquals("same"_ba, "same"_ba));
    QVERIFY(!Crypto::constantTimeEquals("same"_ba, "sane"_ba));
    QVERIFY(!Crypto::constantTimeEquals("same"_ba, "same!"_ba));
    QVERIFY(Crypto::constantTimeEquals({}, {}));
}

void TestCrypto::secureWipe()
{
    QByteArray owned = QByteArray("hunter2hunter2");
    owned.detach();
    Crypto::secureWipe(owned);
    QVERIFY(owned.isEmpty());

    // A shared buffer is released, never overwritten under the other holder's feet.
    const QByteArray original = QByteArray("still needed");
    QByteArray copy = original;
    Crypto::secureWipe(copy);
    QVERIFY(copy.isEmpty());
    QCOMPARE(original, "still needed"_ba);

    QString text = u"p\u00e4ssw\u00f6rd"_s;
    text.detach();
    Crypto::secureWipe(text);
    QVERIFY(text.isEmpty());
}

QTEST_GUILESS_MAIN(TestCrypto)
#include "tst_crypto.moc"
