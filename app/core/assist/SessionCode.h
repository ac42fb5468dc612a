// SessionCode: what the host reads aloud or pastes to the expert to open an assist session: the
// relay (an OpenSSH server both reach), the port the host forwarded on the relay's loopback, the
// one-time secret and the expiry. Text form, four fields separated by '/':
//     dba@bastion.example.com:22/40123/7KQMX-4XPAN-R/1730Z
//     relay [user@]host[:port] / forwarded port / secret 5-5 + check character / expiry HHMM UTC
// The secret is 10 Crockford base32 characters (50 bits; no I, L, O, U; parsing accepts lower
// case and reads O as 0, I and L as 1). The check character is Luhn mod 32 over the forwarded
// port's digits, the secret and the expiry's digits: every single mistyped character and most
// swapped neighbours are caught before any network attempt. Pure value code: any thread.
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <chrono>

namespace TiDesk {

class SessionCode final
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::SessionCode)

public:
    static constexpr int kSecretChars = 10;
    static constexpr int kSecretBits = kSecretChars * 5;
    // The longest validity: the HHMM expiry is resolved within +-12 h of the reader's clock.
    static constexpr std::chrono::hours kMaxValidity { 12 };

    SessionCode() = default;

    // A new code with a fresh random secret; expiry = nowUtc + validFor, cut to the minute.
    [[nodiscard]] static Result<SessionCode>
    generate(const QString &relayUser, const QString &relayHost, quint16 relayPort,
             quint16 forwardPort, std::chrono::minutes validFor, const QDateTime &nowUtc);
    // Parses the text form (whitespace anywhere is ignored). nowUtc resolves the HHMM expiry and
    // refuses an expired code. Every malformed input gives an InvalidInput error saying which
    // field is wrong.
    [[nodiscard]] static Result<SessionCode> parse(const QString &text, const QDateTime &nowUtc);

    QString toText() const;
    QString relayUser() const { return m_relayUser; }
    QString relayHost() const { return m_relayHost; }
    quint16 relayPort() const { return m_relayPort; }
    quint16 forwardPort() const { return m_forwardPort; }
    QString secret() const { return m_secret; } // 10 canonical characters, no check character
    QByteArray secretBytes() const { return m_secret.toLatin1(); } // input to the handshake
    QDateTime expiresUtc() const { return m_expiresUtc; }
    bool isExpiredAt(const QDateTime &nowUtc) const { return nowUtc >= m_expiresUtc; }

    // Luhn mod 32 check character over characters of the Crockford alphabet.
    static QChar checkCharacter(const QString &canonical);

    friend bool operator==(const SessionCode &a, const SessionCode &b)
    {
        return a.m_relayUser == b.m_relayUser && a.m_relayHost == b.m_relayHost
            && a.m_relayPort == b.m_relayPort && a.m_forwardPort == b.m_forwardPort
            && a.m_secret == b.m_secret && a.m_expiresUtc == b.m_expiresUtc;
    }

private:
    QString checkInput() const;
    QString expiryField() const;

    QString m_relayUser;
    QString m_relayHost;
    quint16 m_relayPort = 22;
    quint16 m_forwardPort = 0;
    QString m_secret;
    QDateTime m_expiresUtc;
};

} // namespace TiDesk
