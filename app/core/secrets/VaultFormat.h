// VaultFormat: the byte layout of a vault file (docs/decisions/secrets.md), its strict parser and
// the passphrase -> key derivation named by a header. Pure functions: safe from any thread.
// Used by VaultFileStore; kept apart so the layout can be read (and fuzzed) on its own.
#pragma once

#include "common/Result.h"
#include "secrets/VaultFileStore.h"

#include <QByteArray>

namespace TiDesk::VaultFormat {

inline constexpr char kMagic[] = "TIDESKVAULT"; // 11 bytes, no terminator in the file
inline constexpr qsizetype kMagicBytes = sizeof(kMagic) - 1;
inline constexpr quint8 kVersion = 1;
inline constexpr qsizetype kSaltBytes = 32; // written; 16..64 accepted
inline constexpr qsizetype kMinSaltBytes = 16;
inline constexpr qsizetype kMaxSaltBytes = 64;
inline constexpr quint32 kMaxCiphertextBytes = 64u << 20;

struct Header
{
    VaultKdfParams kdf;
    QByteArray salt;
    QByteArray nonce; // 12 bytes, fresh for every write
    quint32 ciphertextBytes = 0;
};

struct Parsed
{
    Header header;
    QByteArray aad; // the exact header bytes: authenticated, not encrypted
    QByteArray ciphertext;
    QByteArray tag;
};

// InvalidInput for a truncated file, a file that is not a vault or a corrupted header;
// Unsupported for a newer format version. Never touches the KDF or the cipher.
[[nodiscard]] Result<Parsed> parse(const QByteArray &file);
[[nodiscard]] QByteArray encodeHeader(const Header &header);

// InvalidInput when the parameters are out of the ranges this version accepts (bounded so a
// modified header cannot make unlock() allocate gigabytes or spin for hours).
[[nodiscard]] VoidResult validateKdf(const VaultKdfParams &kdf);
// The 32-byte AES key for a passphrase (UTF-8 of its NFC form) under the header's KDF.
[[nodiscard]] Result<QByteArray> deriveKey(const QString &passphrase, const VaultKdfParams &kdf,
                                           const QByteArray &salt);

} // namespace TiDesk::VaultFormat
