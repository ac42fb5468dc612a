#include "SessionCode.h"

#include "common/Crypto.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford base32
constexpr int kBase = 32;

int valueOf(QChar c)
{
    const char *hit = c.unicode() < 128 && c.unicode() > 0
        ? std::char_traits<char>::find(kAlphabet, kBase, static_cast<char>(c.unicode()))
        : nullptr;
    return hit ? static_cast<int>(hit - kAlphabet) : -1;
}

// Crockford's decoding aliases, after upper-casing.
QChar canonicalChar(QChar c)
{
    const QChar u = c.toUpper();
    if (u == u'O')
        return u'0';
    if (u == u'I' || u == u'L')
        return u'1';
    return u;
}

} // namespace

QChar SessionCode::checkCharacter(const QString &canonical)
{
    // Luhn mod N (N = 32): double every second value from the right, fold, sum.
    int factor = 2;
    int sum = 0;
    for (qsizetype i = canonical.size() - 1; i >= 0; --i) {
        const int value = valueOf(canonical.at(i));
        if (value < 0)
            return {};
        int addend = factor * value;
        factor = factor == 2 ? 1 : 2;
        addend = addend / kBase + addend % kBase;
        sum += addend;
    }
    return QLatin1Char(kAlphabet[(kBase - sum % kBase) % kBase]);
}

QString SessionCode::expiryField() const
{
    return m_expiresUtc.toUTC().toString(u"HHmm"_s) + u'Z';
}

QString SessionCode::checkInput() const
{
    return QString::number(m_forwardPort) + m_secret + m_expiresUtc.toUTC().toString(u"HHmm"_s);
}

Result<SessionCode> SessionCode::generate(const QString &relayUser, const QString &relayHost,
                                          quint16 relayPort, quint16 forwardPort,
                                          std::chrono::minutes validFor, const QDateTime &nowUtc)
{
    if (relayHost.isEmpty() || relayPort == 0 || forwardPort == 0)
        return Error::make(ErrorKind::InvalidInput,
                           tr("A session code needs the relay host, its port and the forwarded "
                              "port."));
    if (validFor.count() <= 0 || validFor > kMaxValidity)
        return Error::make(ErrorKind::InvalidInput,
                           tr("A session code must be valid for 1 minute to 12 hours."));
    auto random = Crypto::randomBytes(kSecretChars);
    if (!random)
        return random.error();
    SessionCode code;
    code.m_relayUser = relayUser;
    code.m_relayHost = relayHost;
    code.m_relayPort = relayPort;
    code.m_forwardPort = forwardPort;
    // Each random byte's low 5 bits: uniform over the 32 symbols.
    for (const char b : std::as_const(random.value()))
        code.m_secret += QLatin1Char(kAlphabet[static_cast<unsigned char>(b) & 0x1f]);
    Crypto::secureWipe(random.value());
    QDateTime expiry = nowUtc.toUTC().addSecs(
        std::chrono::duration_cast<std::chrono::seconds>(validFor).count());
    expiry.setTime(QTime(expiry.time().hour(), expiry.time().minute()));
    code.m_expiresUtc = expiry;
    return code;
}

QString SessionCode::toText() const
{
    QString relay = m_relayHost.contains(u':') ? u'[' + m_relayHost + u']' : m_relayHost;
    if (!m_relayUser.isEmpty())
        relay = m_relayUser + u'@' + relay;
    relay += u':' + QString::number(m_relayPort);
    const QString secretField
        = m_secret.left(5) + u'-' + m_secret.mid(5) + u'-' + checkCharacter(checkInput());
    return relay + u'/' + QString::number(m_forwardPort) + u'/' + secretField + u'/'
        + expiryField();
}

Result<SessionCode> SessionCode::parse(const QString &text, const QDateTime &nowUtc)
{
    QString compact = text;
    compact.remove(QRegularExpression(u"\\s+"_s));
    if (compact.isEmpty())
        return Error::make(ErrorKind::InvalidInput, tr("The session code is empty."));
    const QStringList parts = compact.split(u'/');
    if (parts.size() != 4)
        //: %1 is the number of parts found
        return Error::make(ErrorKind::InvalidInput,
                           tr("A session code has 4 parts separated by '/' (relay, port, secret, "
                              "expiry); this one has %1.")
                               .arg(parts.size()));

    static const QRegularExpression relayRe(
        u"^(?:([A-Za-z0-9._-]+)@)?(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]+)(?::(\\d{1,5}))?$"_s);
    const auto relay = relayRe.match(parts.at(0));
    const uint relayPort
        = relay.hasMatch() && relay.hasCaptured(3) ? relay.captured(3).toUInt() : 22u;
    if (!relay.hasMatch() || relayPort == 0 || relayPort > 65535)
        return Error::make(ErrorKind::InvalidInput,
                           tr("The relay in the session code must look like user@host:port."),
                           parts.at(0));

    static const QRegularExpression portRe(u"^\\d{1,5}$"_s);
    const uint forwardPort = portRe.match(parts.at(1)).hasMatch() ? parts.at(1).toUInt() : 0u;
    if (forwardPort == 0 || forwardPort > 65535)
        return Error::make(ErrorKind::InvalidInput,
                           tr("The port in the session code must be a number from 1 to 65535."),
                           parts.at(1));

    QString secretField;
    for (const QChar c : parts.at(2)) {
        if (c == u'-')
            continue;
        const QChar canonical = canonicalChar(c);
        if (valueOf(canonical) < 0)
            //: %1 is the offending character
            return Error::make(ErrorKind::InvalidInput,
                               tr("The secret in the session code contains '%1', which is not "
                                  "one of its letters or digits.")
                                   .arg(c));
        secretField += canonical;
    }
    if (secretField.size() != kSecretChars + 1)
        //: %1 and %2 are character counts
        return Error::make(ErrorKind::InvalidInput,
                           tr("The secret in the session code must have %1 characters and a "
                              "check character; it has %2.")
                               .arg(kSecretChars)
                               .arg(secretField.size()));

    static const QRegularExpression expiryRe(u"^([01]\\d|2[0-3])([0-5]\\d)[Zz]$"_s);
    const auto expiry = expiryRe.match(parts.at(3));
    if (!expiry.hasMatch())
        return Error::make(ErrorKind::InvalidInput,
                           tr("The expiry in the session code must be a UTC time like 1730Z."),
                           parts.at(3));

    SessionCode code;
    code.m_relayUser = relay.captured(1);
    code.m_relayHost = relay.captured(2);
    if (code.m_relayHost.startsWith(u'['))
        code.m_relayHost = code.m_relayHost.mid(1, code.m_relayHost.size() - 2);
    code.m_relayPort = static_cast<quint16>(relayPort);
    code.m_forwardPort = static_cast<quint16>(forwardPort);
    code.m_secret = secretField.left(kSecretChars);

    // The code names only the time of day: pick the date that puts it within 12 h of now.
    const QDateTime now = nowUtc.toUTC();
    QDateTime expiresAt(now.date(), QTime(expiry.captured(1).toInt(), expiry.captured(2).toInt()),
                        Qt::UTC);
    const qint64 halfDaySecs = std::chrono::seconds(kMaxValidity).count();
    if (expiresAt < now.addSecs(-halfDaySecs))
        expiresAt = expiresAt.addDays(1);
    else if (expiresAt > now.addSecs(halfDaySecs))
        expiresAt = expiresAt.addDays(-1);
    code.m_expiresUtc = expiresAt;

    if (checkCharacter(code.checkInput()) != secretField.back())
        return Error::make(ErrorKind::InvalidInput,
                           tr("The session code has a typo: its check character does not match. "
                              "Compare the port, secret and expiry with the host's code."));
    if (code.isExpiredAt(now))
        //: %1 is a UTC time like 17:30
        return Error::make(ErrorKind::InvalidInput,
                           tr("This session code expired at %1 UTC; ask the host for a new one.")
                               .arg(expiresAt.toString(u"HH:mm"_s)));
    return code;
}

} // namespace TiDesk
