// AssistPrimitives: the OpenSSL primitives the assist protocol (docs/decisions/assist-protocol.md)
// is built from that common/Crypto does not already offer: HKDF-SHA256 (RFC 5869), HMAC-SHA256
// and X25519 (RFC 7748) key generation and agreement. Thin wrappers, no home-made cryptography.
// Pure functions without shared state: safe from any thread.
#pragma once

#include "common/Result.h"

#include <QByteArray>

namespace TiDesk::AssistPrimitives {

inline constexpr qsizetype kX25519Bytes = 32;
inline constexpr qsizetype kSha256Bytes = 32;

// HKDF-SHA256 extract-and-expand. An empty salt means the RFC 5869 default (HashLen zeros).
[[nodiscard]] Result<QByteArray> hkdfSha256(const QByteArray &salt, const QByteArray &ikm,
                                            const QByteArray &info, qsizetype length);

[[nodiscard]] Result<QByteArray> hmacSha256(const QByteArray &key, const QByteArray &data);

struct X25519KeyPair
{
    QByteArray privateKey; // kX25519Bytes, wipe after use
    QByteArray publicKey; // kX25519Bytes
};

// A fresh ephemeral key pair from OpenSSL's CSPRNG.
[[nodiscard]] Result<X25519KeyPair> x25519Generate();

// The X25519 shared secret. Fails (never returns zeros) for a low-order peer key, where OpenSSL
// reports an all-zero result as an error.
[[nodiscard]] Result<QByteArray> x25519Agree(const QByteArray &privateKey,
                                             const QByteArray &peerPublicKey);

} // namespace TiDesk::AssistPrimitives
