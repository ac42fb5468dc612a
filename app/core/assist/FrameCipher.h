// FrameCipher: the AEAD record layer of an established assist session, one object per direction
// and end (the sender seals, the receiver opens). ChaCha20-Poly1305 (RFC 8439) through OpenSSL
// EVP with a 32-byte key used for one direction only.
//   frame  = length (u32 BE: bytes after this field) || sequence (u64 BE) || ciphertext || tag
//   nonce  = 0x00000000 || sequence (u64 BE)           -- unique per key, never reused
//   AAD    = "TiDesk assist v1 frame" || direction (1 byte) || length || sequence
// The receiver accepts only the exact next sequence number (no replay, no reordering, no gap),
// a length within kMaxPlaintextBytes, and a valid tag. Any failure, in either mode, is terminal:
// the object refuses every later call, and the session must be closed.
// Pure value code: any thread, but one object is used by one thread at a time.
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>

namespace TiDesk {

class FrameCipher final
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::FrameCipher)

public:
    enum class Direction : quint8 { ExpertToHost = 0x01, HostToExpert = 0x02 };
    enum class Mode { Seal, Open };

    static constexpr qsizetype kKeyBytes = 32;
    static constexpr qsizetype kTagBytes = 16;
    static constexpr qsizetype kLengthBytes = 4;
    static constexpr qsizetype kSequenceBytes = 8;
    static constexpr qsizetype kOverheadBytes = kLengthBytes + kSequenceBytes + kTagBytes;
    static constexpr qsizetype kMaxPlaintextBytes = 1024 * 1024;

    FrameCipher(const QByteArray &key, Direction direction, Mode mode);
    FrameCipher(const FrameCipher &) = delete;
    FrameCipher &operator=(const FrameCipher &) = delete;
    FrameCipher(FrameCipher &&) = default;
    FrameCipher &operator=(FrameCipher &&) = default;
    ~FrameCipher();

    Direction direction() const { return m_direction; }
    Mode mode() const { return m_mode; }
    bool isFailed() const { return m_failed; }
    quint64 nextSequence() const { return m_sequence; }
    qsizetype pendingBytes() const { return m_pending.size(); }

    // Seal mode: one complete frame for the plaintext (at most kMaxPlaintextBytes).
    [[nodiscard]] Result<QByteArray> seal(const QByteArray &plaintext);

    // Open mode, one frame: `frame` must be exactly one complete frame.
    [[nodiscard]] Result<QByteArray> open(const QByteArray &frame);

    // Open mode, a byte stream: buffers a partial frame, returns every plaintext completed by
    // these bytes in order. An error leaves the object failed and returns no plaintext at all.
    [[nodiscard]] Result<QList<QByteArray>> feed(const QByteArray &bytes);

    // Open mode: the stream ended. An incomplete frame still buffered means it was truncated.
    [[nodiscard]] VoidResult finish();

private:
    Error fail(const QString &message, const QString &detail = {});
    Result<QByteArray> openOne(const QByteArray &frame);

    QByteArray m_key;
    Direction m_direction = Direction::ExpertToHost;
    Mode m_mode = Mode::Seal;
    quint64 m_sequence = 0;
    bool m_failed = false;
    QByteArray m_pending;
};

} // namespace TiDesk
