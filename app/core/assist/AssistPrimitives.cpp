#include "AssistPrimitives.h"

#include <QCoreApplication>
#include <QStringList>

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/params.h>

#include <limits>
#include <memory>

using namespace Qt::StringLiterals;

namespace TiDesk::AssistPrimitives {

namespace {

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

Error cryptoError(const char *what)
{
    return Error::make(
        ErrorKind::Crypto,
        QCoreApplication::translate("TiDesk::AssistPrimitives", "a cryptographic operation failed"),
        QString::fromLatin1(what) + u": "_s + takeOpenSslErrors());
}

unsigned char *octets(const QByteArray &data)
{
    static unsigned char empty = 0;
    return data.isEmpty() ? &empty
                          : reinterpret_cast<unsigned char *>(const_cast<char *>(data.constData()));
}

struct PkeyDeleter
{
    void operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); }
};
struct PkeyCtxDeleter
{
    void operator()(EVP_PKEY_CTX *c) const { EVP_PKEY_CTX_free(c); }
};
struct KdfDeleter
{
    void operator()(EVP_KDF *k) const { EVP_KDF_free(k); }
};
struct KdfCtxDeleter
{
    void operator()(EVP_KDF_CTX *c) const { EVP_KDF_CTX_free(c); }
};
struct MacDeleter
{
    void operator()(EVP_MAC *m) const { EVP_MAC_free(m); }
};
struct MacCtxDeleter
{
    void operator()(EVP_MAC_CTX *c) const { EVP_MAC_CTX_free(c); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyDeleter>;

} // namespace

Result<QByteArray> hkdfSha256(const QByteArray &salt, const QByteArray &ikm, const QByteArray &info,
                              qsizetype length)
{
    if (length <= 0 || length > 255 * kSha256Bytes)
        return cryptoError("HKDF output length out of range");
    std::unique_ptr<EVP_KDF, KdfDeleter> kdf(EVP_KDF_fetch(nullptr, "HKDF", nullptr));
    if (!kdf)
        return cryptoError("EVP_KDF_fetch(HKDF)");
    std::unique_ptr<EVP_KDF_CTX, KdfCtxDeleter> ctx(EVP_KDF_CTX_new(kdf.get()));
    if (!ctx)
        return cryptoError("EVP_KDF_CTX_new");
    char digest[] = "SHA256";
    OSSL_PARAM params[5];
    int n = 0;
    params[n++] = OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0);
    params[n++] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, octets(ikm),
                                                    static_cast<size_t>(ikm.size()));
    params[n++] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, octets(info),
                                                    static_cast<size_t>(info.size()));
    // No salt parameter for an empty salt: HKDF-Extract then keys HMAC with an empty key, which
    // equals HMAC keyed with HashLen zero bytes, RFC 5869's default salt.
    if (!salt.isEmpty())
        params[n++] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, octets(salt),
                                                        static_cast<size_t>(salt.size()));
    params[n] = OSSL_PARAM_construct_end();
    QByteArray out(length, Qt::Uninitialized);
    if (EVP_KDF_derive(ctx.get(), reinterpret_cast<unsigned char *>(out.data()),
                       static_cast<size_t>(length), params)
        != 1)
        return cryptoError("EVP_KDF_derive(HKDF)");
    return out;
}

Result<QByteArray> hmacSha256(const QByteArray &key, const QByteArray &data)
{
    std::unique_ptr<EVP_MAC, MacDeleter> mac(EVP_MAC_fetch(nullptr, "HMAC", nullptr));
    if (!mac)
        return cryptoError("EVP_MAC_fetch(HMAC)");
    std::unique_ptr<EVP_MAC_CTX, MacCtxDeleter> ctx(EVP_MAC_CTX_new(mac.get()));
    if (!ctx)
        return cryptoError("EVP_MAC_CTX_new");
    char digest[] = "SHA256";
    OSSL_PARAM params[] = { OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                            OSSL_PARAM_construct_end() };
    if (EVP_MAC_init(ctx.get(), octets(key), static_cast<size_t>(key.size()), params) != 1
        || EVP_MAC_update(ctx.get(), octets(data), static_cast<size_t>(data.size())) != 1)
        return cryptoError("EVP_MAC_init/update(HMAC)");
    QByteArray out(kSha256Bytes, Qt::Uninitialized);
    size_t outLen = 0;
    if (EVP_MAC_final(ctx.get(), reinterpret_cast<unsigned char *>(out.data()), &outLen,
                      static_cast<size_t>(out.size()))
            != 1
        || outLen != static_cast<size_t>(kSha256Bytes))
        return cryptoError("EVP_MAC_final(HMAC)");
    return out;
}

Result<X25519KeyPair> x25519Generate()
{
    Pkey key(EVP_PKEY_Q_keygen(nullptr, nullptr, "X25519"));
    if (!key)
        return cryptoError("EVP_PKEY_Q_keygen(X25519)");
    X25519KeyPair pair;
    pair.privateKey.resize(kX25519Bytes);
    pair.publicKey.resize(kX25519Bytes);
    size_t privLen = kX25519Bytes;
    size_t pubLen = kX25519Bytes;
    if (EVP_PKEY_get_raw_private_key(
            key.get(), reinterpret_cast<unsigned char *>(pair.privateKey.data()), &privLen)
            != 1
        || EVP_PKEY_get_raw_public_key(
               key.get(), reinterpret_cast<unsigned char *>(pair.publicKey.data()), &pubLen)
            != 1
        || privLen != kX25519Bytes || pubLen != kX25519Bytes)
        return cryptoError("EVP_PKEY_get_raw_*_key(X25519)");
    return pair;
}

Result<QByteArray> x25519Agree(const QByteArray &privateKey, const QByteArray &peerPublicKey)
{
    if (privateKey.size() != kX25519Bytes || peerPublicKey.size() != kX25519Bytes)
        return cryptoError("X25519 key of the wrong size");
    Pkey own(
        EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, nullptr, octets(privateKey), kX25519Bytes));
    Pkey peer(
        EVP_PKEY_new_raw_public_key(EVP_PKEY_X25519, nullptr, octets(peerPublicKey), kX25519Bytes));
    if (!own || !peer)
        return cryptoError("EVP_PKEY_new_raw_*_key(X25519)");
    std::unique_ptr<EVP_PKEY_CTX, PkeyCtxDeleter> ctx(EVP_PKEY_CTX_new(own.get(), nullptr));
    if (!ctx || EVP_PKEY_derive_init(ctx.get()) != 1
        || EVP_PKEY_derive_set_peer(ctx.get(), peer.get()) != 1)
        return cryptoError("EVP_PKEY_derive_init/set_peer(X25519)");
    QByteArray out(kX25519Bytes, Qt::Uninitialized);
    size_t outLen = kX25519Bytes;
    if (EVP_PKEY_derive(ctx.get(), reinterpret_cast<unsigned char *>(out.data()), &outLen) != 1
        || outLen != kX25519Bytes)
        return cryptoError("EVP_PKEY_derive(X25519)");
    return out;
}

} // namespace TiDesk::AssistPrimitives
