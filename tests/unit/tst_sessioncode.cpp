// SessionCode: generate/print/parse round trip, every single-character typo caught by the check
// character, Crockford aliases accepted, each kind of malformed input named, expiry resolved
// from HHMM and refused when past. AttemptLimiter: burned after 5 failures, expired by the
// injected clock, single use, one attempt in flight.
#include "assist/AttemptLimiter.h"
#include "assist/SessionCode.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace TiDesk;
using namespace std::chrono_literals;

namespace {

const QDateTime kNow(QDate(2026, 11, 30), QTime(16, 5, 42), Qt::UTC);

SessionCode generated(std::chrono::minutes validFor = 30min)
{
    auto code
        = SessionCode::generate(u"dba"_s, u"bastion.example.com"_s, 22, 40123, validFor, kNow);
    if (!code)
        qFatal("generate failed");
    return code.value();
}

} // namespace

class TestSessionCode : public QObject
{
    Q_OBJECT

private slots:
    void generateAndRoundTrip();
    void secretsAreRandom();
    void readableVariantsParse();
    void everySingleTypoIsCaught();
    void malformedInput_data();
    void malformedInput();
    void expiry();
    void generateRefusesBadArguments();
    void limiterBurnsAfterFiveFailures();
    void limiterExpires();
    void limiterSingleUseAndOneInFlight();
};

void TestSessionCode::generateAndRoundTrip()
{
    const SessionCode code = generated();
    QCOMPARE(code.secret().size(), SessionCode::kSecretChars);
    QCOMPARE(code.expiresUtc(), QDateTime(QDate(2026, 11, 30), QTime(16, 35), Qt::UTC));
    const QString text = code.toText();
    static const QRegularExpression shape(
        u"^dba@bastion\\.example\\.com:22/40123/[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}-"
        "[0-9A-HJKMNP-TV-Z]/1635Z$"_s);
    QVERIFY2(shape.match(text).hasMatch(), qPrintable(text));
    const auto parsed = SessionCode::parse(text, kNow);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error().toString()));
    QCOMPARE(parsed.value(), code);
    QCOMPARE(parsed.value().secretBytes(), code.secret().toLatin1());
    QCOMPARE(parsed.value().toText(), text);
}

void TestSessionCode::secretsAreRandom()
{
    QSet<QString> seen;
    for (int i = 0; i < 50; ++i)
        seen.insert(generated().secret());
    QCOMPARE(seen.size(), 50);
}

void TestSessionCode::readableVariantsParse()
{
    const SessionCode code = generated();
    const QString text = code.toText();
    // Lower case, spaces, and the Crockford look-alikes O->0, I/L->1.
    QString secretField = text.section(u'/', 2, 2);
    QString spoken = secretField.toLower();
    spoken.replace(u'0', u'o');
    spoken.replace(u'1', u'l');
    const QString variant = u"  dba@bastion.example.com:22 / 40123 / "_s + spoken + u" / 1635z "_s;
    const auto parsed = SessionCode::parse(variant, kNow);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error().toString()));
    QCOMPARE(parsed.value(), code);
    // Without user and relay port: port 22.
    const auto noUser
        = SessionCode::parse(text.section(u'/', 0, 0).section(u'@', 1).section(u':', 0, 0) + u'/'
                                 + text.section(u'/', 1),
                             kNow);
    QVERIFY2(noUser.ok(), qPrintable(noUser.error().toString()));
    QCOMPARE(noUser.value().relayUser(), QString());
    QCOMPARE(noUser.value().relayPort(), quint16(22));
    // IPv6 relay in brackets.
    auto v6 = SessionCode::generate({}, u"::1"_s, 2222, 40123, 30min, kNow);
    QVERIFY(v6.ok());
    QVERIFY(v6.value().toText().startsWith(u"[::1]:2222/"_s));
    const auto v6parsed = SessionCode::parse(v6.value().toText(), kNow);
    QVERIFY(v6parsed.ok());
    QCOMPARE(v6parsed.value().relayHost(), u"::1"_s);
}

void TestSessionCode::everySingleTypoIsCaught()
{
    static const QString alphabet = u"0123456789ABCDEFGHJKMNPQRSTVWXYZ"_s;
    const SessionCode code = generated();
    const QString text = code.toText();
    // Positions covered by the check: port digits, secret (and the check itself), expiry digits.
    const qsizetype portAt = text.indexOf(u"/40123/"_s) + 1;
    const qsizetype secretAt = portAt + 6;
    const qsizetype expiryAt = text.lastIndexOf(u'/') + 1;
    QList<qsizetype> positions;
    for (qsizetype i = portAt; i < portAt + 5; ++i)
        positions << i;
    for (qsizetype i = secretAt; i < expiryAt - 1; ++i)
        if (text.at(i) != u'-')
            positions << i;
    for (qsizetype i = expiryAt; i < expiryAt + 4; ++i)
        positions << i;
    int typos = 0;
    for (const qsizetype at : positions) {
        const bool digitsOnly = at < secretAt || at >= expiryAt;
        for (const QChar replacement : alphabet) {
            if (replacement == text.at(at) || (digitsOnly && !replacement.isDigit()))
                continue;
            QString typo = text;
            typo[at] = replacement;
            const auto parsed = SessionCode::parse(typo, kNow);
            // A changed expiry digit may also give an invalid or past time: also an error.
            QVERIFY2(!parsed.ok(), qPrintable(typo));
            ++typos;
        }
    }
    QVERIFY(typos > 300);
    // The typo message names the problem.
    QString typo = text;
    const qsizetype at = secretAt;
    typo[at] = text.at(at) == u'A' ? u'B' : u'A';
    const auto parsed = SessionCode::parse(typo, kNow);
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.error().message.contains(u"typo"_s), qPrintable(parsed.error().message));
}

void TestSessionCode::malformedInput_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // a word the message must contain
    QTest::newRow("empty") << u""_s << u"empty"_s;
    QTest::newRow("three parts") << u"dba@h:22/40123/7KQMX-4XPAN-R"_s << u"4 parts"_s;
    QTest::newRow("five parts") << u"dba@h:22/40123/7KQMX-4XPAN-R/1635Z/x"_s << u"4 parts"_s;
    QTest::newRow("relay") << u"dba@@h:22/40123/7KQMX-4XPAN-R/1635Z"_s << u"relay"_s;
    QTest::newRow("relay port") << u"dba@h:70000/40123/7KQMX-4XPAN-R/1635Z"_s << u"relay"_s;
    QTest::newRow("port letters") << u"dba@h:22/4O123/7KQMX-4XPAN-R/1635Z"_s << u"port"_s;
    QTest::newRow("port zero") << u"dba@h:22/0/7KQMX-4XPAN-R/1635Z"_s << u"port"_s;
    QTest::newRow("port too big") << u"dba@h:22/65536/7KQMX-4XPAN-R/1635Z"_s << u"port"_s;
    QTest::newRow("secret U") << u"dba@h:22/40123/7KQMU-4XPAN-R/1635Z"_s << u"'U'"_s;
    QTest::newRow("secret symbol") << u"dba@h:22/40123/7KQM*-4XPAN-R/1635Z"_s << u"'*'"_s;
    QTest::newRow("secret short") << u"dba@h:22/40123/7KQMX-4XPA-R/1635Z"_s << u"10"_s;
    QTest::newRow("secret no check") << u"dba@h:22/40123/7KQMX-4XPAN/1635Z"_s << u"check"_s;
    QTest::newRow("expiry no Z") << u"dba@h:22/40123/7KQMX-4XPAN-R/1635"_s << u"UTC"_s;
    QTest::newRow("expiry hour") << u"dba@h:22/40123/7KQMX-4XPAN-R/2435Z"_s << u"UTC"_s;
    QTest::newRow("expiry minute") << u"dba@h:22/40123/7KQMX-4XPAN-R/1660Z"_s << u"UTC"_s;
}

void TestSessionCode::malformedInput()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const auto parsed = SessionCode::parse(text, kNow);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().kind, ErrorKind::InvalidInput);
    QVERIFY2(parsed.error().message.contains(expected), qPrintable(parsed.error().message));
}

void TestSessionCode::expiry()
{
    const SessionCode code = generated(30min); // expires 16:35 UTC on 2026-11-30
    const QString text = code.toText();
    QVERIFY(SessionCode::parse(text, kNow.addSecs(29 * 60)).ok());
    const auto late
        = SessionCode::parse(text, QDateTime(QDate(2026, 11, 30), QTime(16, 35), Qt::UTC));
    QVERIFY(!late.ok());
    QVERIFY2(late.error().message.contains(u"expired at 16:35"_s),
             qPrintable(late.error().message));
    QVERIFY(!SessionCode::parse(text, kNow.addSecs(5 * 3600)).ok());
    QVERIFY(code.isExpiredAt(code.expiresUtc()));
    QVERIFY(!code.isExpiredAt(code.expiresUtc().addSecs(-1)));
    // Across midnight: made at 23:50 for 30 minutes, read at 23:55 -> tomorrow 00:20.
    const QDateTime lateEvening(QDate(2026, 11, 30), QTime(23, 50), Qt::UTC);
    auto overnight = SessionCode::generate(u"dba"_s, u"relay"_s, 22, 40000, 30min, lateEvening);
    QVERIFY(overnight.ok());
    QVERIFY(overnight.value().toText().endsWith(u"/0020Z"_s));
    const auto read = SessionCode::parse(overnight.value().toText(), lateEvening.addSecs(300));
    QVERIFY2(read.ok(), qPrintable(read.error().toString()));
    QCOMPARE(read.value().expiresUtc(), QDateTime(QDate(2026, 12, 1), QTime(0, 20), Qt::UTC));
    // The longest validity is still resolved correctly.
    const SessionCode longest = generated(SessionCode::kMaxValidity);
    const auto readLongest = SessionCode::parse(longest.toText(), kNow);
    QVERIFY(readLongest.ok());
    QCOMPARE(readLongest.value().expiresUtc(), longest.expiresUtc());
}

void TestSessionCode::generateRefusesBadArguments()
{
    QVERIFY(!SessionCode::generate(u"dba"_s, {}, 22, 40123, 30min, kNow).ok());
    QVERIFY(!SessionCode::generate(u"dba"_s, u"h"_s, 22, 0, 30min, kNow).ok());
    QVERIFY(!SessionCode::generate(u"dba"_s, u"h"_s, 22, 40123, 0min, kNow).ok());
    QVERIFY(!SessionCode::generate(u"dba"_s, u"h"_s, 22, 40123, 12h + 1min, kNow).ok());
}

void TestSessionCode::limiterBurnsAfterFiveFailures()
{
    QDateTime now = kNow;
    AttemptLimiter limiter(kNow.addSecs(1800), [&now] { return now; });
    QCOMPARE(limiter.state(), AttemptLimiter::State::Open);
    QCOMPARE(limiter.remainingAttempts(), 5);
    for (int i = 1; i <= 5; ++i) {
        QVERIFY2(limiter.beginAttempt(), qPrintable(QString::number(i)));
        limiter.recordFailure();
        QCOMPARE(limiter.failures(), i);
    }
    QCOMPARE(limiter.state(), AttemptLimiter::State::Burned);
    QCOMPARE(limiter.remainingAttempts(), 0);
    QVERIFY(!limiter.beginAttempt());
    QVERIFY(limiter.stateText().contains(u"burned"_s));
    // Recording without an attempt in flight changes nothing.
    limiter.recordSuccess();
    QCOMPARE(limiter.state(), AttemptLimiter::State::Burned);
}

void TestSessionCode::limiterExpires()
{
    QDateTime now = kNow;
    AttemptLimiter limiter(kNow.addSecs(1800), [&now] { return now; });
    QVERIFY(limiter.beginAttempt());
    limiter.recordFailure();
    now = kNow.addSecs(1799);
    QCOMPARE(limiter.state(), AttemptLimiter::State::Open);
    // An attempt begun before the expiry may finish after it.
    QVERIFY(limiter.beginAttempt());
    now = kNow.addSecs(1800);
    QCOMPARE(limiter.state(), AttemptLimiter::State::Busy);
    limiter.recordFailure();
    QCOMPARE(limiter.state(), AttemptLimiter::State::Expired);
    QVERIFY(!limiter.beginAttempt());
    QCOMPARE(limiter.remainingAttempts(), 0);
}

void TestSessionCode::limiterSingleUseAndOneInFlight()
{
    QDateTime now = kNow;
    AttemptLimiter limiter(kNow.addSecs(1800), [&now] { return now; });
    QVERIFY(limiter.beginAttempt());
    QVERIFY(!limiter.beginAttempt()); // a second connection while one handshake runs
    QCOMPARE(limiter.state(), AttemptLimiter::State::Busy);
    limiter.recordFailure();
    QVERIFY(limiter.beginAttempt());
    limiter.recordSuccess();
    QCOMPARE(limiter.state(), AttemptLimiter::State::Used);
    QVERIFY(!limiter.beginAttempt());
    QCOMPARE(limiter.failures(), 1);
}

QTEST_GUILESS_MAIN(TestSessionCode)
#include "tst_sessioncode.moc"
