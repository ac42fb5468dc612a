#include "FrameCipher.h"

#include "common/Crypto.h"

#include <QtEndian>

#include <openssl/evp.h>

#include <limits>
#include <memory>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

constexpr char kAadLabel[] = "TiDesk assist v1 frame";
constexpr qsizetype kNonceBytes = 12;

struct CipherCtxDeleter
{
    void operator()(EVP_CIPHER_CTX *c) const { EVP_CIPHER_CTX_free(c); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter>;

unsigned char *octets(QByteArray &data)
{
    static unsigned char empty = 0;
    return data.isEmpty() ? &empty : reinterpret_cast<unsigned char *>(data.data());
}
const unsigned char *octets(const QByteArray &data)
{
    static const unsigned char empty = 0;
    return data.isEmpty() ? &empty : reinterpret_cast<const unsigned char *>(data.constData());
}

QByteArray header(quint32 length, quint64 sequence)
{
    QByteArray h(FrameCipher::kLengthBytes + FrameCipher::kSequenceBytes, Qt::Uninitialized);
    qToBigEndian<quint32>(length, h.data());
    qToBigEndian<quint64>(sequence, h.data() + FrameCipher::kLengthBytes);
    return h;
}

QByteArray nonceFor(quint64 sequence)
{
    QByteArray n(kNonceBytes, '\0');
    qToBigEndian<quint64>(sequence, n.data() + 4);
    return n;
}

QByteArray aadFor(FrameCipher::Direction direction, const QByteArray &frameHeader)
{
    QByteArray aad(kAadLabel);
    aad.append(static_cast<char>(direction));
    aad.append(frameHeader);
    return aad;
}

// ChaCha20-Poly1305 in one direction; returns false on any OpenSSL failure or tag mismatch.
bool aead(bool encrypt, const QByteArray &key, const QByteArray &nonce, const QByteArray &aad,
          const QByteArray &in, QByteArray &out, QByteArray &tag)
{
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    if (!ctx)
        return false;
    if (EVP_CipherInit_ex(ctx.get(), EVP_chacha20_poly1305(), nullptr, nullptr, nullptr,
                          encrypt ? 1 : 0)
            != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_SET_IVLEN, kNonceBytes, nullptr) != 1
        || EVP_CipherInit_ex(ctx.get(), nullptr, nullptr, octets(key), octets(nonce), -1) != 1)
        return false;
    int len = 0;
    if (EVP_CipherUpdate(ctx.get(), nullptr, &len, octets(aad), static_cast<int>(aad.size())) != 1)
        return false;
    out.resize(in.size());
    if (!in.isEmpty()
        && (EVP_CipherUpdate(ctx.get(), octets(out), &len, octets(in), static_cast<int>(in.size()))
                != 1
            || len != in.size()))
        return false;
    if (!encrypt
        && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_SET_TAG, FrameCipher::kTagBytes,
                               octets(tag))
            != 1)
        return false;
    int finalLen = 0;
    unsigned char scratch[16];
    if (EVP_CipherFinal_ex(ctx.get(), scratch, &finalLen) != 1 || finalLen != 0)
        return false;
    if (encrypt) {
        tag.resize(FrameCipher::kTagBytes);
        if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_GET_TAG, FrameCipher::kTagBytes,
                                octets(tag))
            != 1)
            return false;
    }
    return true;
}

} // namespace

FrameCipher::FrameCipher(const QByteArray &key, Direction direction, Mode mode)
    : m_key(key)
    , m_direction(direction)
    , m_mode(mode)
{
    m_key.detach();
    if (m_key.size() != kKeyBytes)
        m_failed = true; // refuses everything: a wrong key size is a programming error
}

FrameCipher::~FrameCipher()
{
    Crypto::secureWipe(m_key);
    Crypto::secureWipe(m_pending);
}

Error FrameCipher::fail(const QString &message, const QString &detail)
{
    m_failed = true;
    Crypto::secureWipe(m_key);
    Crypto::secureWipe(m_pending);
    return Error::make(ErrorKind::Crypto, message, detail);
}

Result<QByteArray> FrameCipher::seal(const QByteArray &plaintext)
{
    if (m_failed)
        return Error::make(ErrorKind::Crypto,
                           tr("The encrypted channel is closed after an error."));
    if (m_mode != Mode::Seal)
        return fail(tr("Internal error in the encrypted channel."), u"seal() on an opener"_s);
    if (plaintext.size() > kMaxPlaintextBytes)
        return fail(tr("A message is too large for the encrypted channel."),
                    u"%1 bytes, at most %2"_s.arg(plaintext.size()).arg(kMaxPlaintextBytes));
    if (m_sequence == std::numeric_limits<quint64>::max())
        return fail(tr("The encrypted channel ran out of sequence numbers."));
    const auto length = static_cast<quint32>(kSequenceBytes + plaintext.size() + kTagBytes);
    const QByteArray h = header(length, m_sequence);
    QByteArray ciphertext;
    QByteArray tag;
    if (!aead(true, m_key, nonceFor(m_sequence), aadFor(m_direction, h), plaintext, ciphertext,
              tag))
        return fail(tr("Encrypting a message failed."));
    ++m_sequence;
    return QByteArray(h + ciphertext + tag);
}

Result<QByteArray> FrameCipher::openOne(const QByteArray &frame)
{
    // The caller checked the length field against the frame's size and the limits.
    const quint64 sequence = qFromBigEndian<quint64>(frame.constData() + kLengthBytes);
    if (sequence != m_sequence)
        return fail(tr("The peer sent a replayed or reordered message; the session is closed."),
                    u"sequence %1, expected %2"_s.arg(sequence).arg(m_sequence));
    const QByteArray h = frame.left(kLengthBytes + kSequenceBytes);
    const QByteArray ciphertext
        = frame.mid(kLengthBytes + kSequenceBytes, frame.size() - kOverheadBytes);
    QByteArray tag = frame.right(kTagBytes);
    QByteArray plaintext;
    if (!aead(false, m_key, nonceFor(sequence), aadFor(m_direction, h), ciphertext, plaintext,
              tag)) {
        Crypto::secureWipe(plaintext);
        return fail(tr("A message was altered in transit; the session is closed."),
                    u"authentication tag mismatch at sequence %1"_s.arg(sequence));
    }
    ++m_sequence;
    return plaintext;
}

namespace {
// Bytes after the length field for a frame of `length`, or -1 when out of bounds.
qsizetype checkedBodyLength(quint32 length)
{
    const qsizetype body = length;
    if (body < FrameCipher::kSequenceBytes + FrameCipher::kTagBytes
        || body > FrameCipher::kSequenceBytes + FrameCipher::kMaxPlaintextBytes
                + FrameCipher::kTagBytes)
        return -1;
    return body;
}
} // namespace

Result<QByteArray> FrameCipher::open(const QByteArray &frame)
{
    if (m_failed)
        return Error::make(ErrorKind::Crypto,
                           tr("The encrypted channel is closed after an error."));
    if (m_mode != Mode::Open)
        return fail(tr("Internal error in the encrypted channel."), u"open() on a sealer"_s);
    if (frame.size() < kLengthBytes)
        return fail(tr("A message was truncated; the session is closed."));
    const qsizetype body = checkedBodyLength(qFromBigEndian<quint32>(frame.constData()));
    if (body < 0)
        return fail(tr("The peer sent a message of an invalid size; the session is closed."));
    if (frame.size() < kLengthBytes + body)
        return fail(tr("A message was truncated; the session is closed."),
                    u"%1 of %2 bytes"_s.arg(frame.size()).arg(kLengthBytes + body));
    if (frame.size() > kLengthBytes + body)
        return fail(tr("The peer sent a message of an invalid size; the session is closed."),
                    u"trailing bytes after the frame"_s);
    return openOne(frame);
}

Result<QList<QByteArray>> FrameCipher::feed(const QByteArray &bytes)
{
    if (m_failed)
        return Error::make(ErrorKind::Crypto,
                           tr("The encrypted channel is closed after an error."));
    if (m_mode != Mode::Open)
        return fail(tr("Internal error in the encrypted channel."), u"feed() on a sealer"_s);
    m_pending.append(bytes);
    QList<QByteArray> plaintexts;
    qsizetype offset = 0;
    while (m_pending.size() - offset >= kLengthBytes) {
        const qsizetype body
            = checkedBodyLength(qFromBigEndian<quint32>(m_pending.constData() + offset));
        if (body < 0) {
            for (QByteArray &p : plaintexts)
                Crypto::secureWipe(p);
            return fail(tr("The peer sent a message of an invalid size; the session is closed."));
        }
        if (m_pending.size() - offset < kLengthBytes + body)
            break;
        auto plaintext = openOne(m_pending.mid(offset, kLengthBytes + body));
        if (!plaintext) {
            for (QByteArray &p : plaintexts)
                Crypto::secureWipe(p);
            return plaintext.error();
        }
        plaintexts.append(plaintext.value());
        offset += kLengthBytes + body;
    }
    m_pending.remove(0, offset);
    return plaintexts;
}

VoidResult FrameCipher::finish()
{
    if (m_failed)
        return Error::make(ErrorKind::Crypto,
                           tr("The encrypted channel is closed after an error."));
    if (!m_pending.isEmpty())
        return fail(
            tr("A message was truncated; the session is closed."),
            u"%1 bytes of an incomplete frame at the end of the stream"_s.arg(m_pending.size()));
    return {};
}

} // namespace TiDesk
