// Spake2: SPAKE2 as RFC 9382 defines it, ciphersuite SPAKE2-P256-SHA256-HKDF-HMAC, with the RFC's
// M and N points, transcript TT, key schedule (Ke || Ka = SHA256(TT), KcA || KcB =
// HKDF(salt = empty, ikm = Ka, info = "ConfirmationKeys" || AAD, 32)) and HMAC-SHA256 key
// confirmations over TT. One object is one party's run: start() picks the ephemeral scalar and
// gives the share, finish() takes the peer's share and the identities and fixes every key.
// Group arithmetic is OpenSSL's EC_POINT/BIGNUM API (not deprecated in OpenSSL 3.0 for the
// calls used here); each secret scalar is multiplied alone, never in a two-scalar sum, so
// OpenSSL takes its constant-time single-scalar path. Pure value code: any thread, one object
// per handshake, not shared between threads.
#pragma once

#include "common/Result.h"

#include <QByteArray>

namespace TiDesk {

class Spake2 final
{
public:
    enum class Role { A, B }; // A sends pA = x*P + w*M, B sends pB = y*P + w*N

    static constexpr qsizetype kScalarBytes = 32;
    static constexpr qsizetype kShareBytes = 65; // uncompressed SEC1 point, as in the RFC vectors
    static constexpr qsizetype kKeBytes = 16;
    static constexpr qsizetype kConfirmKeyBytes = 16;
    static constexpr qsizetype kConfirmationBytes = 32;

    // w, the password scalar (RFC 9382 section 3.2: derived from the password, then reduced
    // mod the group order p with at least 64 extra bits so the bias is negligible):
    //   w = OS2IP(HKDF-SHA256(salt = "TiDesk assist v1 w", ikm = secret, info = context,
    //                         L = 48)) mod p
    // 384 bits reduced mod a 256-bit order: bias below 2^-128. Returned as 32 big-endian bytes.
    // No memory-hard function: the PAKE already stops offline guessing (see the decision doc).
    [[nodiscard]] static Result<QByteArray> passwordScalar(const QByteArray &secret,
                                                           const QByteArray &context);

    // A fresh run with a random scalar in [1, p-1].
    [[nodiscard]] static Result<Spake2> start(Role role, const QByteArray &w);
    // A run with a given scalar: only for known-answer tests.
    [[nodiscard]] static Result<Spake2> startWithScalar(Role role, const QByteArray &w,
                                                        const QByteArray &scalar);

    Spake2(const Spake2 &) = default;
    Spake2 &operator=(const Spake2 &) = default;
    Spake2(Spake2 &&) = default;
    Spake2 &operator=(Spake2 &&) = default;
    ~Spake2();

    Role role() const { return m_role; }
    QByteArray share() const { return m_share; } // pA or pB, kShareBytes

    // Validates the peer's share (exact encoding, on the curve, not the identity), computes K
    // (rejecting the identity), TT and the key schedule. aad goes into the confirmation keys'
    // info as the RFC allows. Fails without keys for any invalid input; may be called once.
    [[nodiscard]] VoidResult finish(const QByteArray &peerShare, const QByteArray &idA,
                                    const QByteArray &idB, const QByteArray &aad);

    bool isFinished() const { return !m_transcript.isEmpty(); }
    QByteArray transcript() const { return m_transcript; } // TT
    QByteArray ke() const { return m_ke; }
    QByteArray kcA() const { return m_kcA; }
    QByteArray kcB() const { return m_kcB; }
    QByteArray sharedPoint() const { return m_k; } // K, uncompressed; for tests
    // This party's confirmation: HMAC(KcA, TT) for A, HMAC(KcB, TT) for B.
    QByteArray ownConfirmation() const;
    // Constant-time check of the peer's confirmation.
    bool verifyPeerConfirmation(const QByteArray &confirmation) const;

private:
    Spake2() = default;
    static Result<Spake2> build(Role role, const QByteArray &w, const QByteArray &scalar);

    Role m_role = Role::A;
    QByteArray m_w;
    QByteArray m_scalar;
    QByteArray m_share;
    QByteArray m_k;
    QByteArray m_transcript;
    QByteArray m_ke;
    QByteArray m_kcA;
    QByteArray m_kcB;
    QByteArray m_confirmA;
    QByteArray m_confirmB;
};

} // namespace TiDesk
