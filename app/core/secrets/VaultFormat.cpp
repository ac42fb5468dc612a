#include "VaultFormat.h"

#include "common/Crypto.h"

#include <QCoreApplication>
#include <QtEndian>

using namespace Qt::StringLiterals;

namespace TiDesk::VaultFormat {

namespace {

// Offsets of the fixed part (big-endian integers).
constexpr qsizetype kOffVersion = kMagicBytes; // 11: u8
constexpr qsizetype kOffKdfId = kOffVersion + 1; // 12: u8
constexpr qsizetype kOffCost = kOffKdfId + 1; // 13: u64 scrypt N | PBKDF2 iterations
constexpr qsizetype kOffR = kOffCost + 8; // 21: u32 scrypt r | 0
constexpr qsizetype kOffP = kOffR + 4; // 25: u32 scrypt p | 0
constexpr qsizetype kOffSaltLen = kOffP + 4; // 29: u8 salt length S
constexpr qsizetype kFixedBytes = kOffSaltLen + 1; // 30: then salt, nonce, u32 length
constexpr qsizetype kTrailerBytes = Crypto::kGcmNonceBytes + 4; // after the salt

constexpr quint64 kMaxScryptMemoryBytes = quint64(1) << 30;
constexpr quint32 kMaxPbkdf2Iterations = 10'000'000;

Error truncated(qsizetype have)
{
    return Error::make(
        ErrorKind::InvalidInput,
        QCoreApplication::translate("TiDesk::VaultFormat", "vault file is truncated"),
        u"%1 bytes"_s.arg(have));
}

Error corrupted(const QString &detail)
{
    return Error::make(ErrorKind::InvalidInput,
                       QCoreApplication::translate("TiDesk::VaultFormat",
                                                   "vault file is corrupted (invalid header)"),
                       detail);
}

template<typename T>
T readBig(const QByteArray &bytes, qsizetype offset)
{
    return qFromBigEndian<T>(bytes.constData() + offset);
}

template<typename T>
void appendBig(QByteArray &out, T value)
{
    char buf[sizeof(T)];
    qToBigEndian<T>(value, buf);
    out.append(buf, qsizetype(sizeof(T)));
}

} // namespace

VoidResult validateKdf(const VaultKdfParams &kdf)
{
    switch (kdf.algorithm) {
    case VaultKdf::Scrypt: {
        const bool powerOfTwo = kdf.n >= 2 && (kdf.n & (kdf.n - 1)) == 0;
        if (!powerOfTwo || kdf.r < 1 || kdf.r > 32 || kdf.p < 1 || kdf.p > 16
            || kdf.n > kMaxScryptMemoryBytes / (128 * quint64(kdf.r)))
            return corrupted(
                u"scrypt parameters out of range (N=%1, r=%2, p=%3)"_s.arg(kdf.n).arg(kdf.r).arg(
                    kdf.p));
        return {};
    }
    case VaultKdf::Pbkdf2Sha256:
        if (kdf.iterations < 1 || kdf.iterations > kMaxPbkdf2Iterations)
            return corrupted(u"PBKDF2 iterations out of range (%1)"_s.arg(kdf.iterations));
        return {};
    }
    return corrupted(u"unknown KDF id %1"_s.arg(int(kdf.algorithm)));
}

QByteArray encodeHeader(const Header &header)
{
    QByteArray out;
    out.reserve(kFixedBytes + header.salt.size() + kTrailerBytes);
    out.append(kMagic, kMagicBytes);
    out.append(char(kVersion));
    out.append(char(header.kdf.algorithm));
    const bool scrypt = header.kdf.algorithm == VaultKdf::Scrypt;
    appendBig<quint64>(out, scrypt ? header.kdf.n : quint64(header.kdf.iterations));
    appendBig<quint32>(out, scrypt ? header.kdf.r : 0);
    appendBig<quint32>(out, scrypt ? header.kdf.p : 0);
    out.append(char(quint8(header.salt.size())));
    out.append(header.salt);
    out.append(header.nonce);
    appendBig<quint32>(out, header.ciphertextBytes);
    return out;
}

Result<Parsed> parse(const QByteArray &file)
{
    const qsizetype size = file.size();
    const QByteArray magic = QByteArray::fromRawData(kMagic, kMagicBytes);
    if (size < kMagicBytes) {
        if (magic.startsWith(file))
            return truncated(size);
    }
    if (!file.startsWith(magic))
        return Error::make(
            ErrorKind::InvalidInput,
            QCoreApplication::translate("TiDesk::VaultFormat", "not a TiDesk vault file"),
            u"the file does not start with TIDESKVAULT"_s);
    if (size <= kOffVersion)
        return truncated(size);
    const quint8 version = quint8(file.at(kOffVersion));
    if (version > kVersion)
        return Error::make(
            ErrorKind::Unsupported,
            QCoreApplication::translate("TiDesk::VaultFormat",
                                        "the vault was written by a newer TiDesk; "
                                        "upgrade TiDesk to open it"),
            u"vault format version %1, this TiDesk reads up to %2"_s.arg(version).arg(kVersion));
    if (version == 0)
        return corrupted(u"format version 0"_s);
    if (size < kFixedBytes)
        return truncated(size);

    Parsed parsed;
    VaultKdfParams &kdf = parsed.header.kdf;
    const quint8 kdfId = quint8(file.at(kOffKdfId));
    if (kdfId != quint8(VaultKdf::Scrypt) && kdfId != quint8(VaultKdf::Pbkdf2Sha256))
        return corrupted(u"unknown KDF id %1"_s.arg(kdfId));
    kdf.algorithm = VaultKdf(kdfId);
    const quint64 cost = readBig<quint64>(file, kOffCost);
    const quint32 r = readBig<quint32>(file, kOffR);
    const quint32 p = readBig<quint32>(file, kOffP);
    if (kdf.algorithm == VaultKdf::Scrypt) {
        kdf.n = cost;
        kdf.r = r;
        kdf.p = p;
    } else {
        if (r != 0 || p != 0 || cost > kMaxPbkdf2Iterations)
            return corrupted(u"PBKDF2 parameters out of range"_s);
        kdf.iterations = quint32(cost);
        kdf.n = 0;
        kdf.r = 0;
        kdf.p = 0;
    }
    if (const VoidResult valid = validateKdf(kdf); !valid)
        return valid.error();

    const qsizetype saltBytes = quint8(file.at(kOffSaltLen));
    if (saltBytes < kMinSaltBytes || saltBytes > kMaxSaltBytes)
        return corrupted(u"salt length %1"_s.arg(saltBytes));
    const qsizetype headerBytes = kFixedBytes + saltBytes + kTrailerBytes;
    if (size < headerBytes)
        return truncated(size);
    parsed.header.salt = file.mid(kFixedBytes, saltBytes);
    parsed.header.nonce = file.mid(kFixedBytes + saltBytes, Crypto::kGcmNonceBytes);
    const quint32 ciphertextBytes = readBig<quint32>(file, headerBytes - 4);
    if (ciphertextBytes > kMaxCiphertextBytes)
        return corrupted(u"ciphertext length %1"_s.arg(ciphertextBytes));
    parsed.header.ciphertextBytes = ciphertextBytes;
    const qsizetype total = headerBytes + qsizetype(ciphertextBytes) + Crypto::kGcmTagBytes;
    if (size < total)
        return truncated(size);
    if (size > total)
        return corrupted(u"%1 bytes of trailing data"_s.arg(size - total));

    parsed.aad = file.left(headerBytes);
    parsed.ciphertext = file.mid(headerBytes, ciphertextBytes);
    parsed.tag = file.right(Crypto::kGcmTagBytes);
    return parsed;
}

Result<QByteArray> deriveKey(const QString &passphrase, const VaultKdfParams &kdf,
                             const QByteArray &salt)
{
    if (const VoidResult valid = validateKdf(kdf); !valid)
        return valid.error();
    // NFC so the same passphrase typed on another platform (composed vs decomposed) still works.
    QString normalized = passphrase.normalized(QString::NormalizationForm_C);
    QByteArray utf8 = normalized.toUtf8();
    Crypto::secureWipe(normalized);
    Result<QByteArray> key = kdf.algorithm == VaultKdf::Scrypt
        ? Crypto::scrypt(utf8, salt, kdf.n, kdf.r, kdf.p, Crypto::kAes256KeyBytes)
        : Crypto::pbkdf2Sha256(utf8, salt, kdf.iterations, Crypto::kAes256KeyBytes);
    Crypto::secureWipe(utf8);
    return key;
}

} // namespace TiDesk::VaultFormat
