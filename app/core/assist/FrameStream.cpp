#include "FrameStream.h"

#include <QIODevice>
#include <QtEndian>

namespace TiDesk {

FrameStream::FrameStream(QIODevice *device, qint64 maxFrameBytes, QObject *parent)
    : QObject(parent)
    , m_device(device)
    , m_maxFrameBytes(qBound<qint64>(0, maxFrameBytes, qint64(0x7fffffff)))
{
    Q_ASSERT(device);
    connect(device, &QIODevice::readyRead, this, &FrameStream::readAvailable);
    connect(device, &QIODevice::readChannelFinished, this, &FrameStream::finishReading);
}

bool FrameStream::writeFrame(const QByteArray &payload)
{
    if (m_dead || !m_device || !m_device->isWritable() || payload.size() > m_maxFrameBytes)
        return false;
    QByteArray wire(kHeaderBytes, Qt::Uninitialized);
    qToBigEndian(quint32(payload.size()), wire.data());
    wire += payload;
    const qint64 n = m_device->write(wire);
    if (n != wire.size()) {
        die(Error::make(ErrorKind::Io, tr("A frame could not be written completely."),
                        m_device->errorString()));
        return false;
    }
    ++m_framesWritten;
    return true;
}

void FrameStream::readAvailable()
{
    if (m_dead || !m_device)
        return;
    const QByteArray chunk = m_device->readAll();
    if (chunk.isEmpty())
        return;
    if (m_offset > 0 && m_offset == m_buffer.size()) {
        m_buffer.clear();
        m_offset = 0;
    }
    m_buffer += chunk;
    const QPointer<FrameStream> self(this);
    emit bytesArrived(chunk.size());
    if (!self || m_dead)
        return;
    if (parse() && m_finished)
        reportEnd();
}

bool FrameStream::parse()
{
    const QPointer<FrameStream> self(this);
    while (!m_dead && m_buffer.size() - m_offset >= kHeaderBytes) {
        const quint32 length = qFromBigEndian<quint32>(m_buffer.constData() + m_offset);
        if (qint64(length) > m_maxFrameBytes) {
            die(Error::make(ErrorKind::InvalidInput,
                            tr("The peer announced a frame of %1 bytes; at most %2 are allowed.")
                                .arg(length)
                                .arg(m_maxFrameBytes)));
            return false;
        }
        if (m_buffer.size() - m_offset < kHeaderBytes + qint64(length))
            break;
        const QByteArray payload = m_buffer.mid(m_offset + kHeaderBytes, length);
        m_offset += kHeaderBytes + length;
        ++m_framesRead;
        emit frameReceived(payload);
        if (!self)
            return false;
    }
    if (m_dead)
        return false;
    // Compact once the consumed prefix dominates (amortised O(n), not O(n) per frame).
    if (m_offset > 0 && m_offset * 2 >= m_buffer.size()) {
        m_buffer.remove(0, m_offset);
        m_offset = 0;
    }
    return true;
}

void FrameStream::finishReading()
{
    if (m_dead || m_finished)
        return;
    m_finished = true;
    const QIODevice *device = m_device.data();
    if (device != nullptr && device->bytesAvailable() > 0) {
        readAvailable(); // parses the rest, then reportEnd()
        return;
    }
    reportEnd();
}

void FrameStream::reportEnd()
{
    if (pendingBytes() > 0) {
        die(Error::make(ErrorKind::InvalidInput,
                        tr("The stream ended inside a frame (%1 bytes of an incomplete frame).")
                            .arg(pendingBytes())));
        return;
    }
    emit endOfStream();
}

void FrameStream::die(const Error &error)
{
    if (m_dead)
        return;
    m_dead = true;
    m_error = error;
    m_buffer.clear();
    m_offset = 0;
    if (m_device)
        disconnect(m_device, nullptr, this, nullptr);
    emit protocolError(error);
}

} // namespace TiDesk
