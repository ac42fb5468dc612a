// FrameStream: length-prefixed frames over any QIODevice (an SshChannel, a socket, a QBuffer).
// A frame on the wire is a 4-byte big-endian payload length followed by the payload. Partial
// reads are reassembled and several frames in one read are split; a length above
// maxFrameBytes() is a protocol error after which the stream is dead: it stops reading, drops
// what it buffered and refuses to write (the owner closes the device). It knows nothing of
// frame types, heartbeats or crypto (AssistLink does). It does not own the device.
// Thread: the device's thread; event-driven (readyRead), never blocks.
#pragma once

#include "common/Error.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>

class QIODevice;

namespace TiDesk {

class FrameStream final : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 kHeaderBytes = 4;

    explicit FrameStream(QIODevice *device, qint64 maxFrameBytes, QObject *parent = nullptr);

    [[nodiscard]] QIODevice *device() const { return m_device.data(); }
    [[nodiscard]] qint64 maxFrameBytes() const { return m_maxFrameBytes; }
    [[nodiscard]] bool isDead() const { return m_dead; }
    // The protocol error that killed the stream (kind InvalidInput), or none.
    [[nodiscard]] const Error &error() const { return m_error; }
    // Bytes of an incomplete frame waiting for the rest.
    [[nodiscard]] qint64 pendingBytes() const { return m_buffer.size() - m_offset; }
    [[nodiscard]] quint64 framesRead() const { return m_framesRead; }
    [[nodiscard]] quint64 framesWritten() const { return m_framesWritten; }

    // Queues one frame (header and payload in one write). False, and nothing written, when the
    // stream is dead, the device is not writable or the payload exceeds maxFrameBytes() (a
    // caller bug, not a peer error: the stream stays alive). A device that takes fewer bytes
    // than offered kills the stream (the peer would see a torn frame).
    bool writeFrame(const QByteArray &payload);

    // Reads what the device has now and emits the complete frames. Called on readyRead; call
    // it yourself after wrapping a device that already holds data (a QBuffer in tests).
    void readAvailable();
    // The device will deliver no more bytes (readChannelFinished): the remaining bytes are
    // parsed; half a frame left over is a protocol error ("truncated"), else endOfStream().
    void finishReading();

signals:
    // One complete payload. A slot may write, close the device or delete this stream.
    void frameReceived(const QByteArray &payload);
    // Some bytes arrived (maybe only part of a frame): liveness counts bytes, not frames.
    void bytesArrived(qint64 count);
    void protocolError(const TiDesk::Error &error);
    void endOfStream();

private:
    bool parse(); // false: the stream died or was deleted
    void die(const Error &error);
    void reportEnd(); // after finishReading(): truncated, or endOfStream()

    QPointer<QIODevice> m_device;
    qint64 m_maxFrameBytes = 0;
    QByteArray m_buffer;
    qsizetype m_offset = 0; // start of the unparsed bytes in m_buffer
    bool m_dead = false;
    bool m_finished = false;
    Error m_error;
    quint64 m_framesRead = 0;
    quint64 m_framesWritten = 0;
};

} // namespace TiDesk
