// FrameCipher: round trips in one piece and as a byte stream, and every way a frame can go
// wrong - a flipped bit in any field, replay, reordering, a gap, truncation, an oversized
// length, the wrong key or direction - fails and leaves the receiver refusing everything.
#include "assist/FrameCipher.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace TiDesk;

namespace {

const QByteArray kKey
    = QByteArray::fromHex("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f");

FrameCipher sealer(FrameCipher::Direction d = FrameCipher::Direction::HostToExpert)
{
    return FrameCipher(kKey, d, FrameCipher::Mode::Seal);
}

FrameCipher opener(FrameCipher::Direction d = FrameCipher::Direction::HostToExpert)
{
    return FrameCipher(kKey, d, FrameCipher::Mode::Open);
}

QByteArray sealed(FrameCipher &s, const QByteArray &plaintext)
{
    auto frame = s.seal(plaintext);
    if (!frame)
        qFatal("seal failed");
    return frame.value();
}

// After a failure, the receiver must refuse even a perfectly valid next frame.
void verifyTerminal(FrameCipher &o)
{
    QVERIFY(o.isFailed());
    FrameCipher fresh = sealer(o.direction());
    const QByteArray valid = sealed(fresh, "valid");
    QVERIFY(!o.open(valid).ok());
    QVERIFY(!o.feed(valid).ok());
    QVERIFY(!o.finish().ok());
}

} // namespace

class TestFrameCipher : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip();
    void layout();
    void streamInAnyChunking();
    void everyFlippedBitIsRejected();
    void replayIsRejected();
    void reorderAndGapAreRejected();
    void truncationIsRejected();
    void oversizeIsRejected();
    void wrongKeyOrDirectionIsRejected();
    void failedStreamReturnsNothing();
    void sealerAndOpenerRoles();
};

void TestFrameCipher::roundTrip()
{
    FrameCipher s = sealer();
    FrameCipher o = opener();
    const QList<QByteArray> messages { QByteArray(), "a", QByteArray(1000, 'x'),
                                       QByteArray(FrameCipher::kMaxPlaintextBytes, 'm') };
    for (const QByteArray &m : messages) {
        const QByteArray frame = sealed(s, m);
        QCOMPARE(frame.size(), m.size() + FrameCipher::kOverheadBytes);
        if (m.size() >= 16)
            QVERIFY(!frame.contains(m.left(16))); // encrypted
        const auto opened = o.open(frame);
        QVERIFY2(opened.ok(), qPrintable(opened.error().toString()));
        QCOMPARE(opened.value(), m);
    }
    QCOMPARE(s.nextSequence(), quint64(messages.size()));
    QCOMPARE(o.nextSequence(), quint64(messages.size()));
    QVERIFY(o.finish().ok());
}

void TestFrameCipher::layout()
{
    FrameCipher s = sealer();
    sealed(s, "first");
    const QByteArray frame = sealed(s, "hello");
    // length = 8 (sequence) + 5 + 16 (tag), big-endian; then the sequence number 1.
    QCOMPARE(frame.left(4).toHex(), QByteArray("0000001d"));
    QCOMPARE(frame.mid(4, 8).toHex(), QByteArray("0000000000000001"));
    // Same plaintext, next sequence: a different nonce, so different ciphertext.
    FrameCipher s2 = sealer();
    QVERIFY(sealed(s2, "hello").mid(12) != frame.mid(12));
}

void TestFrameCipher::streamInAnyChunking()
{
    FrameCipher s = sealer();
    QByteArray stream;
    QList<QByteArray> expected;
    for (int i = 0; i < 20; ++i) {
        const QByteArray m = QByteArray::number(i).repeated(i * 7);
        expected << m;
        stream += sealed(s, m);
    }
    for (const qsizetype chunk : { qsizetype(1), qsizetype(3), qsizetype(29), stream.size() }) {
        FrameCipher o = opener();
        QList<QByteArray> got;
        for (qsizetype at = 0; at < stream.size(); at += chunk) {
            const auto r = o.feed(stream.mid(at, chunk));
            QVERIFY2(r.ok(), qPrintable(r.error().toString()));
            got += r.value();
        }
        QCOMPARE(got, expected);
        QCOMPARE(o.pendingBytes(), 0);
        QVERIFY(o.finish().ok());
    }
}

void TestFrameCipher::everyFlippedBitIsRejected()
{
    FrameCipher s = sealer();
    const QByteArray frame = sealed(s, "KILL QUERY 42");
    for (qsizetype byte = 0; byte < frame.size(); ++byte) {
        for (int bit = 0; bit < 8; ++bit) {
            QByteArray bad = frame;
            bad[byte] = static_cast<char>(bad.at(byte) ^ (1 << bit));
            FrameCipher o = opener();
            const QString where = u"byte %1 bit %2"_s.arg(byte).arg(bit);
            QVERIFY2(!o.open(bad).ok(), qPrintable(where));
            QVERIFY2(o.isFailed(), qPrintable(where));
            // As a stream: either an error now, or (a length made longer) a truncated frame at
            // the end - never a plaintext.
            FrameCipher so = opener();
            const auto r = so.feed(bad);
            QVERIFY2(!r.ok() || (r.value().isEmpty() && !so.finish().ok()), qPrintable(where));
        }
    }
}

void TestFrameCipher::replayIsRejected()
{
    FrameCipher s = sealer();
    FrameCipher o = opener();
    const QByteArray f0 = sealed(s, "one");
    QVERIFY(o.open(f0).ok());
    const auto replay = o.open(f0);
    QVERIFY(!replay.ok());
    QVERIFY(replay.error().message.contains(u"replayed"_s));
    verifyTerminal(o);
}

void TestFrameCipher::reorderAndGapAreRejected()
{
    FrameCipher s = sealer();
    const QByteArray f0 = sealed(s, "zero");
    const QByteArray f1 = sealed(s, "one");
    const QByteArray f2 = sealed(s, "two");
    {
        FrameCipher o = opener();
        QVERIFY(!o.open(f1).ok()); // f0 skipped
        verifyTerminal(o);
    }
    {
        FrameCipher o = opener();
        QVERIFY(o.open(f0).ok());
        QVERIFY(!o.open(f2).ok()); // gap
        verifyTerminal(o);
    }
    {
        // A forged sequence number on a genuine frame: the AAD covers it.
        FrameCipher o = opener();
        QVERIFY(o.open(f0).ok());
        QByteArray forged = f0;
        forged[11] = 0x01;
        QVERIFY(!o.open(forged).ok());
        verifyTerminal(o);
    }
}

void TestFrameCipher::truncationIsRejected()
{
    FrameCipher s = sealer();
    const QByteArray frame = sealed(s, "SELECT * FROM t");
    for (qsizetype keep = 0; keep < frame.size(); ++keep) {
        FrameCipher o = opener();
        QVERIFY(!o.open(frame.left(keep)).ok());
        verifyTerminal(o);
        FrameCipher so = opener();
        const auto r = so.feed(frame.left(keep));
        QVERIFY(r.ok() && r.value().isEmpty());
        const VoidResult end = so.finish();
        if (keep == 0) {
            QVERIFY(end.ok()); // nothing was sent at all
        } else {
            QVERIFY(!end.ok());
            QVERIFY(end.error().message.contains(u"truncated"_s));
        }
    }
    // Trailing bytes after one frame in open() are not silently dropped.
    FrameCipher o = opener();
    QVERIFY(!o.open(frame + "x").ok());
}

void TestFrameCipher::oversizeIsRejected()
{
    FrameCipher s = sealer();
    QVERIFY(!s.seal(QByteArray(FrameCipher::kMaxPlaintextBytes + 1, 'x')).ok());
    QVERIFY(s.isFailed());
    QVERIFY(!s.seal("small").ok()); // terminal for the sealer too
    // A length field beyond the limit is refused from the 4 bytes alone, without waiting for
    // (or buffering) the rest.
    FrameCipher o = opener();
    QByteArray header(4, '\0');
    const quint32 tooLong = FrameCipher::kMaxPlaintextBytes + 8 + 16 + 1;
    header[0] = static_cast<char>(tooLong >> 24);
    header[1] = static_cast<char>(tooLong >> 16);
    header[2] = static_cast<char>(tooLong >> 8);
    header[3] = static_cast<char>(tooLong);
    QVERIFY(!o.feed(header).ok());
    verifyTerminal(o);
    // Too short to hold a sequence number and a tag.
    FrameCipher o2 = opener();
    QVERIFY(!o2.feed(QByteArray::fromHex("00000017")).ok());
}

void TestFrameCipher::wrongKeyOrDirectionIsRejected()
{
    FrameCipher s = sealer(FrameCipher::Direction::HostToExpert);
    const QByteArray frame = sealed(s, "data");
    FrameCipher otherDirection = opener(FrameCipher::Direction::ExpertToHost);
    QVERIFY(!otherDirection.open(frame).ok());
    QByteArray otherKey = kKey;
    otherKey[0] = 0;
    FrameCipher wrongKey(otherKey, FrameCipher::Direction::HostToExpert, FrameCipher::Mode::Open);
    QVERIFY(!wrongKey.open(frame).ok());
    FrameCipher badKeySize("short", FrameCipher::Direction::HostToExpert, FrameCipher::Mode::Seal);
    QVERIFY(!badKeySize.seal("x").ok());
}

void TestFrameCipher::failedStreamReturnsNothing()
{
    FrameCipher s = sealer();
    QByteArray stream = sealed(s, "good one");
    QByteArray bad = sealed(s, "bad one");
    bad[bad.size() - 1] = static_cast<char>(bad.at(bad.size() - 1) ^ 0x80);
    stream += bad;
    FrameCipher o = opener();
    const auto r = o.feed(stream);
    QVERIFY(!r.ok());
    QVERIFY(r.error().message.contains(u"altered"_s));
    verifyTerminal(o);
}

void TestFrameCipher::sealerAndOpenerRoles()
{
    FrameCipher s = sealer();
    QVERIFY(!s.open(QByteArray(40, 'x')).ok());
    QVERIFY(s.isFailed());
    FrameCipher o = opener();
    QVERIFY(!o.seal("x").ok());
    QVERIFY(o.isFailed());
}

QTEST_GUILESS_MAIN(TestFrameCipher)
#include "tst_framecipher.moc"
