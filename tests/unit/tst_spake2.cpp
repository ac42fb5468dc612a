// Spake2 against the four test vectors of RFC 9382 appendix B (SPAKE2-P256-SHA256-HKDF-HMAC:
// shares, Ke, KcA, KcB and both confirmations; TT and K for the first vector), plus the refusals:
// a wrong password fails confirmation, the transcript binds the identities and the AAD, invalid
// shares (bad encoding, off the curve, a share that makes K the identity) are rejected.
#include "assist/AssistPrimitives.h"
#include "assist/Spake2.h"

#include <QTest>

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/obj_mac.h>

using namespace Qt::StringLiterals;
using namespace TiDesk;

namespace {

QByteArray hex(const char *text)
{
    return QByteArray::fromHex(QByteArray(text));
}

Spake2 started(Spake2::Role role, const QByteArray &w, const QByteArray &scalar)
{
    auto run = Spake2::startWithScalar(role, w, scalar);
    if (!run)
        qFatal("startWithScalar failed: %s", qPrintable(run.error().toString()));
    return run.value();
}

Spake2 randomRun(Spake2::Role role, const QByteArray &w)
{
    auto run = Spake2::start(role, w);
    if (!run)
        qFatal("start failed: %s", qPrintable(run.error().toString()));
    return run.value();
}

QByteArray wOf(const QByteArray &secret)
{
    auto w = Spake2::passwordScalar(secret, "test context");
    if (!w)
        qFatal("passwordScalar failed");
    return w.value();
}

} // namespace

class TestSpake2 : public QObject
{
    Q_OBJECT

private slots:
    void rfc9382Vectors_data();
    void rfc9382Vectors();
    void rfc9382FirstVectorTranscript();
    void randomRunsAgree();
    void wrongPasswordFailsConfirmation();
    void transcriptBindsIdentitiesAndAad();
    void rejectsInvalidShares();
    void rejectsShareThatCancelsTheMask();
    void passwordScalar();
    void rejectsOutOfRangeScalars();
    void primitivesKnownAnswers();
    void x25519RefusesLowOrderPoints();
};

void TestSpake2::rfc9382Vectors_data()
{
    QTest::addColumn<QByteArray>("idA");
    QTest::addColumn<QByteArray>("idB");
    QTest::addColumn<QByteArray>("w");
    QTest::addColumn<QByteArray>("x");
    QTest::addColumn<QByteArray>("y");
    QTest::addColumn<QByteArray>("pA");
    QTest::addColumn<QByteArray>("pB");
    QTest::addColumn<QByteArray>("ke");
    QTest::addColumn<QByteArray>("kcA");
    QTest::addColumn<QByteArray>("kcB");
    QTest::addColumn<QByteArray>("cA");
    QTest::addColumn<QByteArray>("cB");

    QTest::newRow("A=server B=client")
        << QByteArray("server") << QByteArray("client")
        << hex("2ee57912099d31560b3a44b1184b9b4866e904c49d12ac5042c97dca461b1a5f")
        << hex("43dd0fd7215bdcb482879fca3220c6a968e66d70b1356cac18bb26c84a78d729")
        << hex("dcb60106f276b02606d8ef0a328c02e4b629f84f89786af5befb0bc75b6e66be")
        << hex("04a56fa807caaa53a4d28dbb9853b9815c61a411118a6fe516a8798434751470f9010153ac33d0d5f"
               "2047ffdb1a3e42c9b4e6be662766e1eeb4116988ede5f912c")
        << hex("0406557e482bd03097ad0cbaa5df82115460d951e3451962f1eaf4367a420676d09857ccbc522686c"
               "83d1852abfa8ed6e4a1155cf8f1543ceca528afb591a1e0b7")
        << hex("0e0672dc86f8e45565d338b0540abe69") << hex("00c12546835755c86d8c0db7851ae86f")
        << hex("a9fa3406c3b781b93d804485430ca27a")
        << hex("58ad4aa88e0b60d5061eb6b5dd93e80d9c4f00d127c65b3b35b1b5281fee38f0")
        << hex("d3e2e547f1ae04f2dbdbf0fc4b79f8ecff2dff314b5d32fe9fcef2fb26dc459b");
    QTest::newRow("A= B=client")
        << QByteArray() << QByteArray("client")
        << hex("0548d8729f730589e579b0475a582c1608138ddf7054b73b5381c7e883e2efae")
        << hex("403abbe3b1b4b9ba17e3032849759d723939a27a27b9d921c500edde18ed654b")
        << hex("903023b6598908936ea7c929bd761af6039577a9c3f9581064187c3049d87065")
        << hex("04a897b769e681c62ac1c2357319a3d363f610839c4477720d24cbe32f5fd85f44fb92ba966578c1b"
               "712be6962498834078262caa5b441ecfa9d4a9485720e918a")
        << hex("04e0f816fd1c35e22065d5556215c097e799390d16661c386e0ecc84593974a61b881a8c82327687d"
               "0501862970c64565560cb5671f696048050ca66ca5f8cc7fc")
        << hex("642f05c473c2cd79909f9a841e2f30a7") << hex("c6be376fc7cd1301fd0a13adf3e7bffd")
        << hex("b7243f4ae60440a49b3f8cab3c1fba07")
        << hex("47d29e6666af1b7dd450d571233085d7a9866e4d49d2645e2df975489521232b")
        << hex("3313c5cefc361d27fb16847a91c2a73b766ffa90a4839122a9b70a2f6bd1d6df");
    QTest::newRow("A=server B=")
        << QByteArray("server") << QByteArray()
        << hex("626e0cdc7b14c9db3e52a0b1b3a768c98e37852d5db30febe0497b14eae8c254")
        << hex("07adb3db6bc623d3399726bfdbfd3d15a58ea776ab8a308b00392621291f9633")
        << hex("b6a4fc8dbb629d4ba51d6f91ed1532cf87adec98f25dd153a75accafafedec16")
        << hex("04f88fb71c99bfffaea370966b7eb99cd4be0ff1a7d335caac4211c4afd855e2e15a873b298503ad8"
               "ba1d9cbb9a392d2ba309b48bfd7879aefd0f2cea6009763b0")
        << hex("040c269d6be017dccb15182ac6bfcd9e2a14de019dd587eaf4bdfd353f031101e7cca177f8eb362a6"
               "e83e7d5e729c0732e1b528879c086f39ba0f31a9661bd34db")
        << hex("005184ff460da2ce59062c87733c299c") << hex("f3da53604f0aeecea5a33be7bddf6edf")
        << hex("9e3f86848736f159bd92b6e107ec6799")
        << hex("bc9f9bbe99f26d0b2260e6456e05a86196a3307ec6663a18bf6ac825736533b2")
        << hex("c2370e1bf813b086dff0d834e74425a06e6390f48f5411900276dcccc5a297ec");
    QTest::newRow("A= B=")
        << QByteArray() << QByteArray()
        << hex("7bf46c454b4c1b25799527d896508afd5fc62ef4ec59db1efb49113063d70cca")
        << hex("8cef65df64bb2d0f83540c53632de911b5b24b3eab6cc74a97609fd659e95473")
        << hex("d7a66f64074a84652d8d623a92e20c9675c61cb5b4f6a0063e4648a2fdc02d53")
        << hex("04a65b367a3f613cf9f0654b1b28a1e3a8a40387956c8ba6063e8658563890f46ca1ef6a676598889"
               "fc28de2950ab8120b79a5ef1ea4c9f44bc98f585634b46d66")
        << hex("04589f13218822710d98d8b2123a079041052d9941b9cf88c6617ddb2fcc0494662eea8ba6b64692d"
               "c318250030c6af045cb738bc81ba35b043c3dcb46adf6f58d")
        << hex("fc6374762ba5cf11f4b2caa08b2cd1b9") << hex("5dbd2f477166b7fb6d61febbd77a5563")
        << hex("7689b4654407a5faeffdc8f18359d8a3")
        << hex("dfb4db8d48ae5a675963ea5e6c19d98d4ea028d8e898dad96ea19a80ade95dca")
        << hex("d0f0609d1613138d354f7e95f19fb556bf52d751947241e8c7118df5ef0ae175");
}

void TestSpake2::rfc9382Vectors()
{
    QFETCH(QByteArray, idA);
    QFETCH(QByteArray, idB);
    QFETCH(QByteArray, w);
    QFETCH(QByteArray, x);
    QFETCH(QByteArray, y);
    QFETCH(QByteArray, pA);
    QFETCH(QByteArray, pB);
    QFETCH(QByteArray, ke);
    QFETCH(QByteArray, kcA);
    QFETCH(QByteArray, kcB);
    QFETCH(QByteArray, cA);
    QFETCH(QByteArray, cB);

    Spake2 a = started(Spake2::Role::A, w, x);
    Spake2 b = started(Spake2::Role::B, w, y);
    QCOMPARE(a.share().toHex(), pA.toHex());
    QCOMPARE(b.share().toHex(), pB.toHex());
    // The RFC's vectors use no AAD.
    const VoidResult fa = a.finish(b.share(), idA, idB, {});
    const VoidResult fb = b.finish(a.share(), idA, idB, {});
    QVERIFY2(fa.ok(), qPrintable(fa.error().toString()));
    QVERIFY2(fb.ok(), qPrintable(fb.error().toString()));
    for (const Spake2 *run : { &a, &b }) {
        QCOMPARE(run->ke().toHex(), ke.toHex());
        QCOMPARE(run->kcA().toHex(), kcA.toHex());
        QCOMPARE(run->kcB().toHex(), kcB.toHex());
    }
    QCOMPARE(a.ownConfirmation().toHex(), cA.toHex());
    QCOMPARE(b.ownConfirmation().toHex(), cB.toHex());
    QVERIFY(a.verifyPeerConfirmation(cB));
    QVERIFY(b.verifyPeerConfirmation(cA));
    QVERIFY(!a.verifyPeerConfirmation(cA));
    QVERIFY(!b.verifyPeerConfirmation(cB));
}

void TestSpake2::rfc9382FirstVectorTranscript()
{
    const QByteArray w = hex("2ee57912099d31560b3a44b1184b9b4866e904c49d12ac5042c97dca461b1a5f");
    Spake2 a = started(Spake2::Role::A, w,
                       hex("43dd0fd7215bdcb482879fca3220c6a968e66d70b1356cac18bb26c84a78d729"));
    Spake2 b = started(Spake2::Role::B, w,
                       hex("dcb60106f276b02606d8ef0a328c02e4b629f84f89786af5befb0bc75b6e66be"));
    QVERIFY(a.finish(b.share(), "server", "client", {}).ok());
    QVERIFY(b.finish(a.share(), "server", "client", {}).ok());
    const QByteArray k = hex("0412af7e89717850671913e6b469ace67bd90a4df8ce45c2af19010175e37eed69f7"
                             "5897996d539356e2fa6a406d528501f907e04d97515fbe83db277b715d3325");
    QCOMPARE(a.sharedPoint().toHex(), k.toHex());
    QCOMPARE(b.sharedPoint().toHex(), k.toHex());
    const QByteArray tt = hex(
        "06000000000000007365727665720600000000000000636c69656e74410000000000000004a56fa807caaa53"
        "a4d28dbb9853b9815c61a411118a6fe516a8798434751470f9010153ac33d0d5f2047ffdb1a3e42c9b4e6be6"
        "62766e1eeb4116988ede5f912c41000000000000000406557e482bd03097ad0cbaa5df82115460d951e34519"
        "62f1eaf4367a420676d09857ccbc522686c83d1852abfa8ed6e4a1155cf8f1543ceca528afb591a1e0b74100"
        "0000000000000412af7e89717850671913e6b469ace67bd90a4df8ce45c2af19010175e37eed69f75897996d"
        "539356e2fa6a406d528501f907e04d97515fbe83db277b715d332520000000000000002ee57912099d31560b"
        "3a44b1184b9b4866e904c49d12ac5042c97dca461b1a5f");
    QCOMPARE(a.transcript().toHex(), tt.toHex());
    QCOMPARE(b.transcript().toHex(), tt.toHex());
}

void TestSpake2::randomRunsAgree()
{
    const QByteArray w = wOf("7KQMX4XPAN");
    Spake2 a = randomRun(Spake2::Role::A, w);
    Spake2 b = randomRun(Spake2::Role::B, w);
    QVERIFY(a.finish(b.share(), "expert", "host", "aad").ok());
    QVERIFY(b.finish(a.share(), "expert", "host", "aad").ok());
    QCOMPARE(a.ke(), b.ke());
    QCOMPARE(a.ke().size(), Spake2::kKeBytes);
    QVERIFY(b.verifyPeerConfirmation(a.ownConfirmation()));
    QVERIFY(a.verifyPeerConfirmation(b.ownConfirmation()));
    // A second pair with the same password: fresh scalars, fresh key.
    Spake2 a2 = randomRun(Spake2::Role::A, w);
    Spake2 b2 = randomRun(Spake2::Role::B, w);
    QVERIFY(a2.share() != a.share());
    QVERIFY(a2.finish(b2.share(), "expert", "host", "aad").ok());
    QVERIFY(a2.ke() != a.ke());
}

void TestSpake2::wrongPasswordFailsConfirmation()
{
    Spake2 a = randomRun(Spake2::Role::A, wOf("7KQMX4XPAN"));
    Spake2 b = randomRun(Spake2::Role::B, wOf("7KQMX4XPAM"));
    QVERIFY(a.finish(b.share(), "expert", "host", {}).ok());
    QVERIFY(b.finish(a.share(), "expert", "host", {}).ok());
    QVERIFY(a.ke() != b.ke());
    QVERIFY(!b.verifyPeerConfirmation(a.ownConfirmation()));
    QVERIFY(!a.verifyPeerConfirmation(b.ownConfirmation()));
}

void TestSpake2::transcriptBindsIdentitiesAndAad()
{
    const QByteArray w = wOf("secret");
    struct Case
    {
        QByteArray idA, idB, aad;
    };
    const Case cases[] = { { "mallory", "host", "aad" },
                           { "expert", "other-host", "aad" },
                           { "expert", "host", "other aad" } };
    for (const Case &c : cases) {
        Spake2 a = randomRun(Spake2::Role::A, w);
        Spake2 b = randomRun(Spake2::Role::B, w);
        QVERIFY(a.finish(b.share(), c.idA, c.idB, c.aad).ok());
        QVERIFY(b.finish(a.share(), "expert", "host", "aad").ok());
        QVERIFY(!b.verifyPeerConfirmation(a.ownConfirmation()));
        QVERIFY(!a.verifyPeerConfirmation(b.ownConfirmation()));
    }
}

void TestSpake2::rejectsInvalidShares()
{
    const QByteArray w = wOf("secret");
    const QByteArray good = randomRun(Spake2::Role::B, w).share();
    QByteArray offCurve = good;
    offCurve[64] = static_cast<char>(offCurve.at(64) ^ 0x01);
    QByteArray compressed = good.left(33);
    compressed[0] = static_cast<char>(0x02 + (static_cast<quint8>(good.at(64)) & 1));
    const QByteArray invalid[] = {
        QByteArray(),
        QByteArray(1, '\0'), // the identity's SEC1 encoding
        QByteArray(Spake2::kShareBytes, '\0'),
        offCurve,
        compressed, // a valid point, but only the uncompressed form is accepted
        good + QByteArray(1, '\0'),
        QByteArray(1, '\x04') + QByteArray(64, '\xff'),
    };
    for (const QByteArray &share : invalid) {
        Spake2 a = randomRun(Spake2::Role::A, w);
        const VoidResult r = a.finish(share, "a", "b", {});
        QVERIFY2(!r.ok(), share.toHex().constData());
        QCOMPARE(r.error().kind, ErrorKind::Crypto);
        QVERIFY(!a.isFinished());
        QVERIFY(!a.verifyPeerConfirmation(QByteArray(Spake2::kConfirmationBytes, '\0')));
    }
    // Sanity: the unmodified share is accepted.
    Spake2 a = randomRun(Spake2::Role::A, w);
    QVERIFY(a.finish(good, "a", "b", {}).ok());
    QVERIFY(!a.finish(good, "a", "b", {}).ok()); // only once
}

void TestSpake2::rejectsShareThatCancelsTheMask()
{
    // pB = w*N is a valid point, but K = x*(pB - w*N) is then the identity: a peer (or a relay)
    // that knows w could force a key it knows. Build w*N with OpenSSL directly and feed it to A.
    const QByteArray w = wOf("secret");
    EC_GROUP *group = EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1);
    EC_POINT *n = EC_POINT_new(group);
    EC_POINT *wn = EC_POINT_new(group);
    BIGNUM *wBn = BN_bin2bn(reinterpret_cast<const unsigned char *>(w.constData()), 32, nullptr);
    const QByteArray nBytes
        = hex("03d8bbd6c639c62937b04d997f38c3770719c629d7014d49a24b4f98baa1292b49");
    QVERIFY(EC_POINT_oct2point(group, n,
                               reinterpret_cast<const unsigned char *>(nBytes.constData()),
                               static_cast<size_t>(nBytes.size()), nullptr)
            == 1);
    QVERIFY(EC_POINT_mul(group, wn, nullptr, n, wBn, nullptr) == 1);
    QByteArray share(Spake2::kShareBytes, '\0');
    QCOMPARE(EC_POINT_point2oct(group, wn, POINT_CONVERSION_UNCOMPRESSED,
                                reinterpret_cast<unsigned char *>(share.data()),
                                static_cast<size_t>(share.size()), nullptr),
             static_cast<size_t>(Spake2::kShareBytes));
    BN_free(wBn);
    EC_POINT_free(wn);
    EC_POINT_free(n);
    EC_GROUP_free(group);

    Spake2 a = randomRun(Spake2::Role::A, w);
    const VoidResult r = a.finish(share, "expert", "host", {});
    QVERIFY(!r.ok());
    QVERIFY2(r.error().detail.contains(u"identity"_s), qPrintable(r.error().detail));
    QVERIFY(!a.isFinished());
    QVERIFY(a.ke().isEmpty());
    // The same point is harmless to a party with another password: it is just a wrong guess.
    Spake2 other = randomRun(Spake2::Role::A, wOf("another secret"));
    QVERIFY(other.finish(share, "expert", "host", {}).ok());
}

void TestSpake2::passwordScalar()
{
    const auto w1 = Spake2::passwordScalar("7KQMX4XPAN", "ctx");
    const auto w2 = Spake2::passwordScalar("7KQMX4XPAN", "ctx");
    const auto w3 = Spake2::passwordScalar("7KQMX4XPAN", "other ctx");
    const auto w4 = Spake2::passwordScalar("7KQMX4XPAM", "ctx");
    QVERIFY(w1.ok() && w2.ok() && w3.ok() && w4.ok());
    QCOMPARE(w1.value().size(), Spake2::kScalarBytes);
    QCOMPARE(w1.value(), w2.value());
    QVERIFY(w1.value() != w3.value());
    QVERIFY(w1.value() != w4.value());
    // Below the P-256 group order.
    const QByteArray order
        = hex("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551");
    QVERIFY(w1.value() < order);
    const auto empty = Spake2::passwordScalar({}, "ctx");
    QVERIFY(!empty.ok());
    QCOMPARE(empty.error().kind, ErrorKind::InvalidInput);
}

void TestSpake2::rejectsOutOfRangeScalars()
{
    const QByteArray order
        = hex("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551");
    const QByteArray one = QByteArray(31, '\0') + QByteArray(1, '\x01');
    QVERIFY(!Spake2::startWithScalar(Spake2::Role::A, QByteArray(32, '\0'), one).ok());
    QVERIFY(!Spake2::startWithScalar(Spake2::Role::A, one, QByteArray(32, '\0')).ok());
    QVERIFY(!Spake2::startWithScalar(Spake2::Role::A, order, one).ok());
    QVERIFY(!Spake2::startWithScalar(Spake2::Role::A, one, order).ok());
    QVERIFY(!Spake2::startWithScalar(Spake2::Role::A, one.left(31), one).ok());
    QVERIFY(Spake2::startWithScalar(Spake2::Role::A, one, one).ok());
}

void TestSpake2::primitivesKnownAnswers()
{
    // RFC 5869 test cases 1 (with salt and info) and 3 (empty salt and info).
    const QByteArray ikm(22, '\x0b');
    const auto okm1 = AssistPrimitives::hkdfSha256(hex("000102030405060708090a0b0c"), ikm,
                                                   hex("f0f1f2f3f4f5f6f7f8f9"), 42);
    QVERIFY(okm1.ok());
    QCOMPARE(okm1.value().toHex(),
             QByteArray("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5"
                        "b887185865"));
    const auto okm3 = AssistPrimitives::hkdfSha256({}, ikm, {}, 42);
    QVERIFY(okm3.ok());
    QCOMPARE(okm3.value().toHex(),
             QByteArray("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395fa"
                        "a4b61a96c8"));
    // RFC 4231 test case 2.
    const auto mac = AssistPrimitives::hmacSha256("Jefe", "what do ya want for nothing?");
    QVERIFY(mac.ok());
    QCOMPARE(mac.value().toHex(),
             QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
    // X25519 agreement is symmetric and fresh keys differ.
    const auto a = AssistPrimitives::x25519Generate();
    const auto b = AssistPrimitives::x25519Generate();
    QVERIFY(a.ok() && b.ok());
    QVERIFY(a.value().publicKey != b.value().publicKey);
    const auto ab = AssistPrimitives::x25519Agree(a.value().privateKey, b.value().publicKey);
    const auto ba = AssistPrimitives::x25519Agree(b.value().privateKey, a.value().publicKey);
    QVERIFY(ab.ok() && ba.ok());
    QCOMPARE(ab.value(), ba.value());
}

void TestSpake2::x25519RefusesLowOrderPoints()
{
    // Peer keys of small order give an all-zero shared secret: refused, never used as a key.
    const auto own = AssistPrimitives::x25519Generate();
    QVERIFY(own.ok());
    const QByteArray lowOrder[] = {
        QByteArray(32, '\0'), // 0
        QByteArray(1, '\x01') + QByteArray(31, '\0'), // 1
    };
    for (const QByteArray &peer : lowOrder)
        QVERIFY2(!AssistPrimitives::x25519Agree(own.value().privateKey, peer).ok(),
                 peer.toHex().constData());
    QVERIFY(!AssistPrimitives::x25519Agree(own.value().privateKey, QByteArray(31, '\x09')).ok());
}

QTEST_GUILESS_MAIN(TestSpake2)
#include "tst_spake2.moc"
