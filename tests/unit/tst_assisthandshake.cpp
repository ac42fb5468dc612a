// AssistHandshake end to end in memory: success in both directions with the same SAS and
// crossing keys, any chunking, wrong secret on both sides, a flipped bit anywhere in any of the
// four messages never yields a session, version mismatch in either direction, identities and
// X25519 keys bound, fresh session keys for every run with the same secret.
#include "assist/AssistHandshake.h"
#include "assist/AttemptLimiter.h"

#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using namespace TiDesk;

namespace {

using Outcome = AssistHandshake::Outcome;

const QByteArray kSecret = "7KQMX4XPAN";

AssistHandshake expert(const QByteArray &secret = kSecret)
{
    return AssistHandshake::forExpert(secret, u"Ada Expert"_s,
                                      u"SHA256:uZ0r1cH3b8X2m9kQ4w7Vt5yJpL6nA1sD3fG8hK2eR4o"_s);
}

AssistHandshake host(const QByteArray &secret = kSecret)
{
    return AssistHandshake::forHost(secret, u"dba-laptop"_s);
}

// Carries each message between the two ends; `tamper(index, bytes)` may alter message `index`
// (0-based: 0 ExpertHello, 1 HostHello, 2 ExpertKeys, 3 HostConfirm) on the way.
struct Run
{
    int messages = 0;
    QList<QByteArray> transcript;
};

Run exchange(AssistHandshake &e, AssistHandshake &h,
             const std::function<void(int, QByteArray &)> &tamper = {})
{
    Run run;
    QByteArray toHost = e.start().output;
    h.start();
    for (int round = 0; round < 4; ++round) {
        if (!toHost.isEmpty()) {
            if (tamper)
                tamper(run.messages, toHost);
            run.transcript << toHost;
            ++run.messages;
            const auto s = h.feed(toHost);
            toHost.clear();
            if (s.output.isEmpty())
                break;
            QByteArray toExpert = s.output;
            if (tamper)
                tamper(run.messages, toExpert);
            run.transcript << toExpert;
            ++run.messages;
            toHost = e.feed(toExpert).output;
        }
    }
    return run;
}

} // namespace

class TestAssistHandshake : public QObject
{
    Q_OBJECT

private slots:
    void establishesWithSameSasAndCrossingKeys();
    void anyChunking();
    void framesFollowTheHandshake();
    void wrongSecretOnBothSides();
    void everyFlippedBitFails();
    void truncatedOrPaddedMessagesFail();
    void versionMismatchBothWays();
    void unexpectedMessageFails();
    void oversizedLengthFails();
    void freshKeysEverySession();
    void commitmentBindsExpertKeys();
    void manInTheMiddleWithTheSecretShowsDifferentSas();
    void rejectsBadIdentities();
    void terminalAfterFailure();
    void fiveWrongSecretsBurnTheCode();
};

void TestAssistHandshake::establishesWithSameSasAndCrossingKeys()
{
    AssistHandshake e = expert();
    AssistHandshake h = host();
    const Run run = exchange(e, h);
    QCOMPARE(run.messages, 4);
    QCOMPARE(e.outcome(), Outcome::Established);
    QCOMPARE(h.outcome(), Outcome::Established);
    QVERIFY(e.sas().isValid());
    QCOMPARE(e.sas(), h.sas());
    QCOMPARE(e.sas().digits().size(), 6);
    QCOMPARE(e.sendKey(), h.receiveKey());
    QCOMPARE(e.receiveKey(), h.sendKey());
    QVERIFY(e.sendKey() != e.receiveKey());
    QCOMPARE(e.sendKey().size(), FrameCipher::kKeyBytes);
    QCOMPARE(h.expertName(), u"Ada Expert"_s);
    QCOMPARE(h.expertKeyFingerprint(), u"SHA256:uZ0r1cH3b8X2m9kQ4w7Vt5yJpL6nA1sD3fG8hK2eR4o"_s);
    QCOMPARE(e.hostId(), u"dba-laptop"_s);
    // Message sizes (layout in docs/decisions/assist-protocol.md).
    QCOMPARE(run.transcript.at(0).size(), 2 + 5 + 1 + 10 + 1 + 50 + 32);
    QCOMPARE(run.transcript.at(1).size(), 2 + 5 + 1 + 10 + 65 + 32);
    QCOMPARE(run.transcript.at(2).size(), 2 + 5 + 65 + 32 + 32);
    QCOMPARE(run.transcript.at(3).size(), 2 + 5 + 32);
    // No secret in clear on the wire.
    for (const QByteArray &m : run.transcript)
        QVERIFY(!m.contains(kSecret));
}

void TestAssistHandshake::anyChunking()
{
    AssistHandshake e = expert();
    AssistHandshake h = host();
    auto byteByByte = [](AssistHandshake &to, const QByteArray &bytes) {
        QByteArray out;
        for (char c : bytes)
            out += to.feed(QByteArray(1, c)).output;
        return out;
    };
    const QByteArray m1 = e.start().output;
    const QByteArray m2 = byteByByte(h, m1);
    QCOMPARE(h.outcome(), Outcome::InProgress);
    const QByteArray m3 = byteByByte(e, m2);
    const QByteArray m4 = byteByByte(h, m3);
    QCOMPARE(h.outcome(), Outcome::Established);
    QVERIFY(byteByByte(e, m4).isEmpty());
    QCOMPARE(e.outcome(), Outcome::Established);
    QCOMPARE(e.sas(), h.sas());
}

void TestAssistHandshake::framesFollowTheHandshake()
{
    AssistHandshake e = expert();
    AssistHandshake h = host();
    const QByteArray m2 = h.feed(e.start().output).output;
    const QByteArray m4 = h.feed(e.feed(m2).output).output;
    QVERIFY(h.isEstablished());
    FrameCipher hostSealer = h.makeSealer();
    const auto frame = hostSealer.seal("SELECT 1");
    QVERIFY(frame.ok());
    // The host's confirmation and its first frame arrive in one read.
    QCOMPARE(e.feed(m4 + frame.value()).outcome, Outcome::Established);
    FrameCipher expertOpener = e.makeOpener();
    const auto opened = expertOpener.feed(e.takeLeftover());
    QVERIFY2(opened.ok(), qPrintable(opened.error().toString()));
    QCOMPARE(opened.value(), QList<QByteArray> { "SELECT 1" });
    // And back.
    FrameCipher expertSealer = e.makeSealer();
    FrameCipher hostOpener = h.makeOpener();
    const auto back = hostOpener.open(expertSealer.seal("ok").value());
    QVERIFY(back.ok());
    QCOMPARE(back.value(), QByteArray("ok"));
    // A host frame cannot be opened as an expert frame (direction is in the AAD and the key).
    FrameCipher wrongWay = h.makeOpener();
    QVERIFY(!wrongWay.open(h.makeSealer().seal("x").value()).ok());
}

void TestAssistHandshake::wrongSecretOnBothSides()
{
    AssistHandshake e = expert("7KQMX4XPAM");
    AssistHandshake h = host();
    const Run run = exchange(e, h);
    QCOMPARE(run.messages, 4); // the 4th is the host's Abort
    QCOMPARE(h.outcome(), Outcome::WrongSecret);
    QCOMPARE(e.outcome(), Outcome::WrongSecret);
    QCOMPARE(h.error().kind, ErrorKind::Auth);
    QCOMPARE(e.error().kind, ErrorKind::Auth);
    QVERIFY(!h.error().message.isEmpty());
    QVERIFY(h.sendKey().isEmpty() && h.receiveKey().isEmpty());
    QVERIFY(e.sendKey().isEmpty() && e.receiveKey().isEmpty());
    QVERIFY(!h.sas().isValid() && !e.sas().isValid());
}

void TestAssistHandshake::everyFlippedBitFails()
{
    // Reference sizes from a clean run.
    AssistHandshake e0 = expert();
    AssistHandshake h0 = host();
    const Run clean = exchange(e0, h0);
    QCOMPARE(clean.messages, 4);
    int runs = 0;
    for (int message = 0; message < 4; ++message) {
        const qsizetype size = clean.transcript.at(message).size();
        for (qsizetype byte = 0; byte < size; ++byte) {
            // One bit per byte, varying which, keeps the run short but covers every field.
            const int bit = static_cast<int>(byte % 8);
            AssistHandshake e = expert();
            AssistHandshake h = host();
            exchange(e, h, [&](int index, QByteArray &bytes) {
                if (index == message)
                    bytes[byte] = static_cast<char>(bytes.at(byte) ^ (1 << bit));
            });
            ++runs;
            const QString where = u"message %1 byte %2 bit %3"_s.arg(message).arg(byte).arg(bit);
            QVERIFY2(e.outcome() != Outcome::Established, qPrintable(where));
            // The host finishes before the 4th message; tampering with it fails the expert.
            if (message < 3)
                QVERIFY2(h.outcome() != Outcome::Established, qPrintable(where));
            QVERIFY2(e.sendKey().isEmpty(), qPrintable(where));
        }
    }
    QVERIFY(runs > 300);
}

void TestAssistHandshake::truncatedOrPaddedMessagesFail()
{
    for (int message = 0; message < 3; ++message) {
        for (const bool pad : { false, true }) {
            AssistHandshake e = expert();
            AssistHandshake h = host();
            exchange(e, h, [&](int index, QByteArray &bytes) {
                if (index != message)
                    return;
                // Keep the length prefix consistent so the body itself is short or long.
                QByteArray body = bytes.mid(2);
                body = pad ? body + QByteArray(1, 'x') : body.chopped(1);
                bytes = QByteArray(1, static_cast<char>(body.size() >> 8))
                    + QByteArray(1, static_cast<char>(body.size() & 0xff)) + body;
            });
            QVERIFY(e.outcome() != Outcome::Established);
            QVERIFY(h.outcome() != Outcome::Established);
            QVERIFY(e.outcome() == Outcome::ProtocolError || h.outcome() == Outcome::ProtocolError);
        }
    }
}

void TestAssistHandshake::versionMismatchBothWays()
{
    // An expert speaking version 2: the host refuses and says why; the expert learns it.
    {
        AssistHandshake e = expert();
        AssistHandshake h = host();
        QByteArray m1 = e.start().output;
        m1[5] = 0x02;
        const auto s = h.feed(m1);
        QCOMPARE(s.outcome, Outcome::ProtocolError);
        QCOMPARE(h.error().kind, ErrorKind::Unsupported);
        QVERIFY(h.error().message.contains(u'2'));
        QVERIFY(!s.output.isEmpty());
        QCOMPARE(e.feed(s.output).outcome, Outcome::ProtocolError);
        QCOMPARE(e.error().kind, ErrorKind::Unsupported);
    }
    // A host answering with version 0 (an "older" one): never a downgrade, a hard failure.
    {
        AssistHandshake e = expert();
        AssistHandshake h = host();
        QByteArray m2 = h.feed(e.start().output).output;
        m2[5] = 0x00;
        const auto s = e.feed(m2);
        QCOMPARE(s.outcome, Outcome::ProtocolError);
        QCOMPARE(e.error().kind, ErrorKind::Unsupported);
        QVERIFY(e.sendKey().isEmpty());
        QCOMPARE(h.feed(s.output).outcome, Outcome::ProtocolError);
    }
}

void TestAssistHandshake::unexpectedMessageFails()
{
    // The expert's first message sent again where its keys are expected.
    AssistHandshake e = expert();
    AssistHandshake h = host();
    const QByteArray m1 = e.start().output;
    h.feed(m1);
    QCOMPARE(h.feed(m1).outcome, Outcome::ProtocolError);
    // A host hello sent to a host.
    AssistHandshake e2 = expert();
    AssistHandshake h2 = host();
    const QByteArray m2 = h2.feed(e2.start().output).output;
    AssistHandshake h3 = host();
    QCOMPARE(h3.feed(m2).outcome, Outcome::ProtocolError);
    // Not our protocol at all (e.g. an SSH banner on the wrong port).
    AssistHandshake h4 = host();
    QCOMPARE(h4.feed("SSH-2.0-OpenSSH_9.2\r\n").outcome, Outcome::ProtocolError);
}

void TestAssistHandshake::oversizedLengthFails()
{
    AssistHandshake h = host();
    QByteArray huge(2, '\xff'); // 65535 > kMaxMessageBytes: refused before buffering it
    QCOMPARE(h.feed(huge).outcome, Outcome::ProtocolError);
    AssistHandshake h2 = host();
    QCOMPARE(h2.feed(QByteArray("\x00\x02TD", 4)).outcome, Outcome::ProtocolError);
}

void TestAssistHandshake::freshKeysEverySession()
{
    // Same secret, same identities: every session has new ephemeral SPAKE2 and X25519 values,
    // so new keys. What one session's keys reveal says nothing about another's.
    AssistHandshake e1 = expert();
    AssistHandshake h1 = host();
    const Run r1 = exchange(e1, h1);
    AssistHandshake e2 = expert();
    AssistHandshake h2 = host();
    const Run r2 = exchange(e2, h2);
    QVERIFY(e1.isEstablished() && e2.isEstablished());
    QVERIFY(e1.sendKey() != e2.sendKey());
    QVERIFY(e1.receiveKey() != e2.receiveKey());
    for (int i = 0; i < 4; ++i)
        QVERIFY(r1.transcript.at(i) != r2.transcript.at(i));
}

void TestAssistHandshake::commitmentBindsExpertKeys()
{
    // Message 3 reveals pA and eA; changing either after the commitment in message 1 is caught
    // by the commitment itself (a protocol error), before the confirmation is even checked.
    for (const qsizetype offset :
         { qsizetype(7), qsizetype(7 + 64), qsizetype(7 + 65), qsizetype(7 + 65 + 31) }) {
        AssistHandshake e = expert();
        AssistHandshake h = host();
        exchange(e, h, [&](int index, QByteArray &bytes) {
            if (index == 2)
                bytes[offset] = static_cast<char>(bytes.at(offset) ^ 0x01);
        });
        QCOMPARE(h.outcome(), Outcome::ProtocolError);
        QVERIFY2(h.error().detail.contains(u"commitment"_s), qPrintable(h.error().detail));
        QCOMPARE(e.outcome(), Outcome::ProtocolError); // told by the host's Abort
    }
}

void TestAssistHandshake::manInTheMiddleWithTheSecretShowsDifferentSas()
{
    // Someone who learned the secret (e.g. the code leaked) and sits on the relay can complete
    // both handshakes, one with each side. Both sides then show an SAS, but not the same one:
    // comparing it aloud exposes him. (Equal by chance with probability 10^-6.)
    AssistHandshake e = expert();
    AssistHandshake h = host();
    AssistHandshake mitmAsHost = host();
    AssistHandshake mitmAsExpert
        = AssistHandshake::forExpert(kSecret, u"Ada Expert"_s, u"SHA256:forged"_s);
    exchange(e, mitmAsHost);
    exchange(mitmAsExpert, h);
    QVERIFY(e.isEstablished() && h.isEstablished());
    QVERIFY(e.sas() != h.sas());
    QVERIFY(e.sendKey() != h.receiveKey());
}

void TestAssistHandshake::rejectsBadIdentities()
{
    AssistHandshake e = AssistHandshake::forExpert(kSecret, QString(), u"SHA256:abc"_s);
    QCOMPARE(e.start().outcome, Outcome::ProtocolError);
    QCOMPARE(e.error().kind, ErrorKind::InvalidInput);
    AssistHandshake h = AssistHandshake::forHost(kSecret, QString(300, u'x'));
    QCOMPARE(h.feed("x").outcome, Outcome::ProtocolError);
    AssistHandshake noSecret = AssistHandshake::forHost({}, u"host"_s);
    QCOMPARE(noSecret.outcome(), Outcome::ProtocolError);
}

void TestAssistHandshake::terminalAfterFailure()
{
    AssistHandshake e = expert("wrong");
    AssistHandshake h = host();
    exchange(e, h);
    QCOMPARE(h.outcome(), Outcome::WrongSecret);
    // A later, correct-looking message changes nothing.
    AssistHandshake e2 = expert();
    const auto s = h.feed(e2.start().output);
    QCOMPARE(s.outcome, Outcome::WrongSecret);
    QVERIFY(s.output.isEmpty());
    QVERIFY(h.sendKey().isEmpty());
}

void TestAssistHandshake::fiveWrongSecretsBurnTheCode()
{
    // The host's loop as the session controller will run it: one limiter per code, a fresh
    // handshake per connection, every non-Established outcome a failure.
    const QDateTime start(QDate(2026, 11, 30), QTime(16, 0), Qt::UTC);
    QDateTime now = start;
    AttemptLimiter limiter(start.addSecs(1800), [&now] { return now; });
    auto attempt = [&](const QByteArray &expertSecret) {
        if (!limiter.beginAttempt())
            return false;
        AssistHandshake e = expert(expertSecret);
        AssistHandshake h = host();
        exchange(e, h);
        if (h.isEstablished())
            limiter.recordSuccess();
        else
            limiter.recordFailure();
        return h.isEstablished();
    };
    for (int i = 0; i < AttemptLimiter::kMaxFailures; ++i) {
        QVERIFY(!attempt("GUESS" + QByteArray::number(i)));
        now = now.addSecs(10);
    }
    QCOMPARE(limiter.state(), AttemptLimiter::State::Burned);
    QVERIFY(!attempt(kSecret)); // even the right secret: the code is burned
    QCOMPARE(limiter.failures(), AttemptLimiter::kMaxFailures);

    // Four wrong guesses, then the right one: established, and the code is used up.
    AttemptLimiter second(start.addSecs(1800), [&now] { return now; });
    now = start;
    std::swap(limiter, second);
    for (int i = 0; i < AttemptLimiter::kMaxFailures - 1; ++i)
        QVERIFY(!attempt("GUESS" + QByteArray::number(i)));
    QVERIFY(attempt(kSecret));
    QCOMPARE(limiter.state(), AttemptLimiter::State::Used);
    QVERIFY(!attempt(kSecret));
}

QTEST_GUILESS_MAIN(TestAssistHandshake)
#include "tst_assisthandshake.moc"
