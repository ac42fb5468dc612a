// Crypto: thin Result-returning wrappers over OpenSSL primitives (random bytes, scrypt,
// PBKDF2-SHA256, AES-256-GCM, SHA-256, constant-time compare, secure wipe). The only file in
// tidesk_common that uses OpenSSL EVP; nothing here is home-made cryptography.
// Pure functions without shared state: safe from any thread. Errors are ErrorKind::Crypto (or
// InvalidInput for bad arguments) with OpenSSL's error string in Error::detail.
#pragma once

#include "Result.h"

#include <QByteArray>
#include <QString>

namespace TiDesk::Crypto {

inline constexpr qsizetype kAes256KeyBytes = 32;
inline constexpr qsizetype kGcmNonceBytes = 12;
inline constexpr qsizetype kGcmTagBytes = 16;

// Cryptographically secure random bytes (RAND_bytes).
[[nodiscard]] Result<QByteArray> randomBytes(qsizetype count);

// scrypt (RFC 7914) through EVP_KDF "SCRYPT". n must be a power of two > 1. The memory limit is
// raised to what n and r need (128 * r * (n + p + 2) bytes plus slack), at most 2 GiB.
[[nodiscard]] Result<QByteArray> scrypt(const QByteArray &passphrase, const QByteArray &salt,
                                        quint64 n, quint32 r, quint32 p, qsizetype keyBytes);

// PBKDF2 with HMAC-SHA256 (RFC 8018).
[[nodiscard]] Result<QByteArray> pbkdf2Sha256(const QByteArray &passphrase, const QByteArray &salt,
                                              quint32 iterations, qsizetype keyBytes);

struct GcmSealed
{
    QByteArray ciphertext; // same length as the plaintext
    QByteArray tag; // kGcmTagBytes
};

// AES-256-GCM encryption; key kAes256KeyBytes, nonce kGcmNonceBytes (never reuse one per key).
[[nodiscard]] Result<GcmSealed> aes256GcmSeal(const QByteArray &key, const QByteArray &nonce,
                                              const QByteArray &plaintext, const QByteArray &aad);
// AES-256-GCM decryption. A tag mismatch (wrong key, modified ciphertext/AAD/nonce/tag) gives
// ErrorKind::Crypto and no plaintext at all.
[[nodiscard]] Result<QByteArray> aes256GcmOpen(const QByteArray &key, const QByteArray &nonce,
                                               const QByteArray &ciphertext, const QByteArray &tag,
                                               const QByteArray &aad);

[[nodiscard]] QByteArray sha256(const QByteArray &data);
[[nodiscard]] QString sha256Hex(const QByteArray &data);

// Compares in time independent of where the contents differ (CRYPTO_memcmp); false when the
// sizes differ (the size itself is not secret).
[[nodiscard]] bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

// Overwrites the buffer with zeros (OPENSSL_cleanse) and empties it. Only a buffer this
// reference owns alone is overwritten: wiping a shared (implicitly copied) buffer would corrupt
// the other copies, so those are merely released. Keep secrets unshared to make this effective.
void secureWipe(QByteArray &buffer);
void secureWipe(QString &text);

} // namespace TiDesk::Crypto
