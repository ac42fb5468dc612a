#include "Crypto.h"

#include <QCoreApplication>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include <limits>
#include <memory>

using namespace Qt::StringLiterals;

namespace TiDesk::Crypto {

namespace {

// Call sites mark their literals with QT_TRANSLATE_NOOP so lupdate finds them.
QString tr(const char *text)
{
    return QCoreApplication::translate("TiDesk::Crypto", text);
}

// Drains OpenSSL's thread-local error queue into one line for Error::detail.
QString takeOpenSslErrors()
{
    QStringList parts;
    while (const unsigned long code = ERR_get_error()) {
        char buf[256] = {};
        ERR_error_string_n(code, buf, sizeof buf);
        parts << QString::fromLatin1(buf);
    }
    return parts.isEmpty() ? u"no OpenSSL error reported"_s : parts.join(u"; "_s);
}

Error cryptoError(const char *message)
{
    return Error::make(ErrorKind::Crypto, tr(message), takeOpenSslErrors());
}

Error badArgument(const QString &detail)
{
    return Error::make(
        ErrorKind::InvalidInput,
        QCoreApplication::translate("TiDesk::Crypto", "invalid cryptographic parameter"), detail);
}

struct CipherCtxDeleter
{
    void operator()(EVP_CIPHER_CTX *c) const { EVP_CIPHER_CTX_free(c); }
};
struct KdfDeleter
{
    void operator()(EVP_KDF *k) const { EVP_KDF_free(k); }
};
struct KdfCtxDeleter
{
    void operator()(EVP_KDF_CTX *c) const { EVP_KDF_CTX_free(c); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter>;

// OpenSSL wants a non-null pointer even for an empty octet string.
unsigned char *octets(const QByteArray &data)
{
    static unsigned char empty = 0;
    return data.isEmpty() ? &empty
                          : reinterpret_cast<unsigned char *>(const_cast<char *>(data.constData()));
}

bool fitsInt(qsizetype n)
{
    return n >= 0 && n <= std::numeric_limits<int>::max();
}

} // namespace

Result<QByteArray> randomBytes(qsizetype count)
{
    if (!fitsInt(count))
        return badArgument(u"random byte count %1"_s.arg(count));
    QByteArray out(count, Qt::Uninitialized);
    if (count > 0 && RAND_bytes(reinterpret_cast<unsigned char *>(out.data()), int(count)) != 1)
        return cryptoError(
            QT_TRANSLATE_NOOP("TiDesk::Crypto", "the system random number generator failed"));
    return out;
}

Result<QByteArray> scrypt(const QByteArray &passphrase, const QByteArray &salt, quint64 n,
                          quint32 r, quint32 p, qsizetype keyBytes)
{
    if (n < 2 || (n & (n - 1)) != 0)
        return badArgument(u"scrypt N must be a power of two greater than 1"_s);
    if (r == 0 || p == 0 || keyBytes <= 0 || keyBytes > 1024)
        return badArgument(u"scrypt r, p and key length must be positive"_s);
    // OpenSSL checks 128*r*(N+2) + 128*r*p against maxmem (default 32 MiB, too small for
    // N=2^17, r=8). Compute the need in 128-bit-safe steps and cap it at 2 GiB.
    constexpr quint64 kCap = quint64(2) << 30;
    const quint64 blocks = n + 2 + p;
    if (blocks > kCap / (128 * quint64(r)))
        return badArgument(u"scrypt parameters need more than 2 GiB of memory"_s);
    quint64 maxmem = 128 * quint64(r) * blocks + (quint64(1) << 20);

    std::unique_ptr<EVP_KDF, KdfDeleter> kdf(EVP_KDF_fetch(nullptr, "SCRYPT", nullptr));
    if (!kdf)
        return cryptoError(
            QT_TRANSLATE_NOOP("TiDesk::Crypto", "scrypt is not available in this OpenSSL"));
    std::unique_ptr<EVP_KDF_CTX, KdfCtxDeleter> ctx(EVP_KDF_CTX_new(kdf.get()));
    if (!ctx)
        return cryptoError(
            QT_TRANSLATE_NOOP("TiDesk::Crypto", "could not create the scrypt context"));

    uint64_t nParam = n;
    uint32_t rParam = r;
    uint32_t pParam = p;
    uint64_t maxmemParam = maxmem;
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_PASSWORD, octets(passphrase),
                                          size_t(passphrase.size())),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, octets(salt), size_t(salt.size())),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_N, &nParam),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_R, &rParam),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_P, &pParam),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_MAXMEM, &maxmemParam),
        OSSL_PARAM_construct_end(),
    };
    QByteArray out(keyBytes, '\0');
    if (EVP_KDF_derive(ctx.get(), reinterpret_cast<unsigned char *>(out.data()), size_t(keyBytes),
                       params)
        != 1) {
        secureWipe(out);
        return cryptoError(QT_TRANSLATE_NOOP("TiDesk::Crypto", "scrypt key derivation failed"));
    }
    return out;
}

Result<QByteArray> pbkdf2Sha256(const QByteArray &passphrase, const QByteArray &salt,
                                quint32 iterations, qsizetype keyBytes)
{
    if (iterations == 0 || iterations > quint32(std::numeric_limits<int>::max()) || keyBytes <= 0
        || keyBytes > 1024 || !fitsInt(passphrase.size()) || !fitsInt(salt.size()))
        return badArgument(u"PBKDF2 iterations and key length must be positive"_s);
    QByteArray out(keyBytes, '\0');
    if (PKCS5_PBKDF2_HMAC(passphrase.constData(), int(passphrase.size()), octets(salt),
                          int(salt.size()), int(iterations), EVP_sha256(), int(keyBytes),
                          reinterpret_cast<unsigned char *>(out.data()))
        != 1) {
        secureWipe(out);
        return cryptoError(QT_TRANSLATE_NOOP("TiDesk::Crypto", "PBKDF2 key derivation failed"));
    }
    return out;
}

Result<GcmSealed> aes256GcmSeal(const QByteArray &key, const QByteArray &nonce,
                                const QByteArray &plaintext, const QByteArray &aad)
{
    if (key.size() != kAes256KeyBytes || nonce.size() != kGcmNonceBytes)
        return badArgument(u"AES-256-GCM needs a 32-byte key and a 12-byte nonce"_s);
    if (!fitsInt(plaintext.size()) || !fitsInt(aad.size()))
        return badArgument(u"AES-256-GCM input too large"_s);
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    if (!ctx)
        return cryptoError(
            QT_TRANSLATE_NOOP("TiDesk::Crypto", "could not create the cipher context"));
    const auto *k = reinterpret_cast<const unsigned char *>(key.constData());
    const auto *iv = reinterpret_cast<const unsigned char *>(nonce.constData());
    if (EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, k, iv) != 1)
        return cryptoError(
            QT_TRANSLATE_NOOP("TiDesk::Crypto", "AES-256-GCM initialisation failed"));
    int len = 0;
    if (!aad.isEmpty()
        && EVP_EncryptUpdate(ctx.get(), nullptr, &len, octets(aad), int(aad.size())) != 1)
        return cryptoError(
            QT_TRANSLATE_NOOP("TiDesk::Crypto", "AES-256-GCM failed on the associated data"));
    GcmSealed sealed;
    sealed.ciphertext = QByteArray(plaintext.size(), '\0');
    auto *ct = reinterpret_cast<unsigned char *>(sealed.ciphertext.data());
    if (!plaintext.isEmpty()
        && EVP_EncryptUpdate(ctx.get(), ct, &len, octets(plaintext), int(plaintext.size())) != 1)
        return cryptoError(QT_TRANSLATE_NOOP("TiDesk::Crypto", "AES-256-GCM encryption failed"));
    int finalLen = 0;
    if (EVP_EncryptFinal_ex(ctx.get(), ct + len, &finalLen) != 1)
        return cryptoError(QT_TRANSLATE_NOOP("TiDesk::Crypto", "AES-256-GCM encryption failed"));
    sealed.tag = QByteArray(kGcmTagBytes, '\0');
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, int(kGcmTagBytes), sealed.tag.data())
        != 1)
        return cryptoError(
            QT_TRANSLATE_NOOP("TiDesk::Crypto", "AES-256-GCM could not produce the tag"));
    return sealed;
}

Result<QByteArray> aes256GcmOpen(const QByteArray &key, const QByteArray &nonce,
                                 const QByteArray &ciphertext, const QByteArray &tag,
                                 const QByteArray &aad)
{
    if (key.size() != kAes256KeyBytes || nonce.size() != kGcmNonceBytes
        || tag.size() != kGcmTagBytes)
        return badArgument(u"AES-256-GCM needs a 32-byte key, a 12-byte nonce, a 16-byte tag"_s);
    if (!fitsInt(ciphertext.size()) || !fitsInt(aad.size()))
        return badArgument(u"AES-256-GCM input too large"_s);
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    if (!ctx)
        return cryptoError(
            QT_TRANSLATE_NOOP("TiDesk::Crypto", "could not create the cipher context"));
    const auto *k = reinterpret_cast<const unsigned char *>(key.constData());
    const auto *iv = reinterpret_cast<const unsigned char *>(nonce.constData());
    if (EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, k, iv) != 1)
        return cryptoError(
            QT_TRANSLATE_NOOP("TiDesk::Crypto", "AES-256-GCM initialisation failed"));
    int len = 0;
    if (!aad.isEmpty()
        && EVP_DecryptUpdate(ctx.get(), nullptr, &len, octets(aad), int(aad.size())) != 1)
        return cryptoError(
            QT_TRANSLATE_NOOP("TiDesk::Crypto", "AES-256-GCM failed on the associated data"));
    QByteArray plain(ciphertext.size(), '\0');
    auto *pt = reinterpret_cast<unsigned char *>(plain.data());
    if (!ciphertext.isEmpty()
        && EVP_DecryptUpdate(ctx.get(), pt, &len, octets(ciphertext), int(ciphertext.size()))
            != 1) {
        secureWipe(plain);
        return cryptoError(QT_TRANSLATE_NOOP("TiDesk::Crypto", "AES-256-GCM decryption failed"));
    }
    QByteArray tagCopy = tag; // EVP_CTRL_GCM_SET_TAG takes a non-const pointer
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, int(kGcmTagBytes), tagCopy.data())
        != 1) {
        secureWipe(plain);
        return cryptoError(
            QT_TRANSLATE_NOOP("TiDesk::Crypto", "AES-256-GCM could not set the tag"));
    }
    int finalLen = 0;
    if (EVP_DecryptFinal_ex(ctx.get(), pt + len, &finalLen) != 1) {
        // Authentication failed: never hand out a single byte of the unverified plaintext.
        secureWipe(plain);
        ERR_clear_error();
        return Error::make(
            ErrorKind::Crypto,
            QCoreApplication::translate("TiDesk::Crypto",
                                        "authentication failed: wrong key or modified data"),
            u"AES-256-GCM tag mismatch"_s);
    }
    return plain;
}

QByteArray sha256(const QByteArray &data)
{
    QByteArray out(32, '\0');
    unsigned int len = 0;
    if (EVP_Digest(data.constData(), size_t(data.size()),
                   reinterpret_cast<unsigned char *>(out.data()), &len, EVP_sha256(), nullptr)
            != 1
        || len != 32) {
        ERR_clear_error();
        return {};
    }
    return out;
}

QString sha256Hex(const QByteArray &data)
{
    return QString::fromLatin1(sha256(data).toHex());
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    return a.isEmpty() || CRYPTO_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

void secureWipe(QByteArray &buffer)
{
    if (buffer.isDetached() && buffer.size() > 0)
        OPENSSL_cleanse(buffer.data(), size_t(buffer.size()));
    buffer.clear();
}

void secureWipe(QString &text)
{
    if (text.isDetached() && text.size() > 0)
        OPENSSL_cleanse(text.data(), size_t(text.size()) * sizeof(QChar));
    text.clear();
}

} // namespace TiDesk::Crypto
