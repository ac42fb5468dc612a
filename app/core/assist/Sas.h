// Sas: the short authentication string both ends of an assist session display so the DBA and
// the expert can compare it aloud. Six decimal digits (about 20 bits), shown as "482 019":
// digits read the same in every language. Computed from a hash of the public handshake values
// (identities, SPAKE2 shares, X25519 keys), so reading it aloud reveals nothing secret; the
// expert's commitment in the first message stops a man in the middle from choosing his values
// to make two sessions show the same string (see docs/decisions/assist-protocol.md).
// Plain value type: any thread.
#pragma once

#include <QByteArray>
#include <QString>

namespace TiDesk {

class Sas final
{
public:
    static constexpr int kDigits = 6;

    Sas() = default;
    // transcriptHash: at least 8 bytes (AssistHandshake passes a SHA-256). The first 8 bytes,
    // big-endian, mod 10^6: the bias of 2^64 mod 10^6 over 2^64 is below 2^-44.
    static Sas fromTranscriptHash(const QByteArray &transcriptHash);

    bool isValid() const { return !m_digits.isEmpty(); }
    QString digits() const { return m_digits; } // "482019"
    QString text() const; // "482 019", for display and reading aloud

    friend bool operator==(const Sas &a, const Sas &b) { return a.m_digits == b.m_digits; }
    friend bool operator!=(const Sas &a, const Sas &b) { return !(a == b); }

private:
    QString m_digits;
};

} // namespace TiDesk
