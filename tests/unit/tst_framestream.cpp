// FrameStream: frames split across reads, merged in one read, zero-length frames, oversized
// announcements (protocol error, the stream is dead), truncation at the end of the stream, a
// slot deleting the stream mid-batch, and 2000 random frames both ways over a real socket pair.
#include "assist/FrameStream.h"

#include <QBuffer>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QtEndian>

using namespace Qt::StringLiterals;
using namespace TiDesk;

namespace {

// A sequential device the test feeds by hand: readyRead per feed(), readChannelFinished on end().
class FedDevice : public QIODevice
{
public:
    FedDevice() { open(QIODevice::ReadWrite); }
    void feed(const QByteArray &bytes)
    {
        m_in += bytes;
        emit readyRead();
    }
    void end() { emit readChannelFinished(); }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return m_in.size() + QIODevice::bytesAvailable(); }
    QByteArray written;

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = qMin<qint64>(maxSize, m_in.size());
        memcpy(data, m_in.constData(), size_t(n));
        m_in.remove(0, n);
        return n;
    }
    qint64 writeData(const char *data, qint64 size) override
    {
        written.append(data, size);
        return size;
    }

private:
    QByteArray m_in;
};

QByteArray header(quint32 length)
{
    QByteArray h(4, Qt::Uninitialized);
    qToBigEndian(length, h.data());
    return h;
}

QByteArray encode(const QList<QByteArray> &payloads)
{
    QByteArray out;
    for (const QByteArray &p : payloads)
        out += header(quint32(p.size())) + p;
    return out;
}

QList<QByteArray> collect(const QSignalSpy &spy)
{
    QList<QByteArray> out;
    for (const QList<QVariant> &args : spy)
        out << args.at(0).toByteArray();
    return out;
}

} // namespace

class TestFrameStream : public QObject
{
    Q_OBJECT

private slots:
    void writesLengthPrefix()
    {
        QBuffer buffer;
        buffer.open(QIODevice::ReadWrite);
        FrameStream s(&buffer, 1024);
        QVERIFY(s.writeFrame("hello"));
        QVERIFY(s.writeFrame({}));
        QCOMPARE(buffer.data(), QByteArray::fromHex("0000000568656c6c6f00000000"));
        QCOMPARE(s.framesWritten(), quint64(2));
    }

    void mergedFramesInOneRead()
    {
        const QList<QByteArray> payloads { "a", QByteArray(300, 'b'), {}, "\x00\x01\x02"_ba, "z" };
        QBuffer buffer;
        buffer.setData(encode(payloads));
        buffer.open(QIODevice::ReadOnly);
        FrameStream s(&buffer, 1024);
        QSignalSpy frames(&s, &FrameStream::frameReceived);
        s.readAvailable();
        QCOMPARE(collect(frames), payloads);
        QCOMPARE(s.pendingBytes(), 0);
        QVERIFY(!s.isDead());
    }

    void framesSplitAcrossReads()
    {
        QList<QByteArray> payloads;
        QRandomGenerator gen(7);
        for (int i = 0; i < 50; ++i) {
            QByteArray p(gen.bounded(0, 700), Qt::Uninitialized);
            for (char &c : p)
                c = char(gen.bounded(256));
            payloads << p;
        }
        const QByteArray wire = encode(payloads);
        FedDevice dev;
        FrameStream s(&dev, 1024);
        QSignalSpy frames(&s, &FrameStream::frameReceived);
        // One byte at a time across the first frames (headers split too), then random chunks.
        qsizetype pos = 0;
        for (; pos < 40; ++pos)
            dev.feed(wire.mid(pos, 1));
        while (pos < wire.size()) {
            const qsizetype n = gen.bounded(1, 900);
            dev.feed(wire.mid(pos, n));
            pos += n;
        }
        QCOMPARE(collect(frames), payloads);
        QSignalSpy ended(&s, &FrameStream::endOfStream);
        dev.end();
        QCOMPARE(ended.size(), 1);
    }

    void oversizedFrameKillsTheStream()
    {
        FedDevice dev;
        FrameStream s(&dev, 100);
        QSignalSpy frames(&s, &FrameStream::frameReceived);
        QSignalSpy errors(&s, &FrameStream::protocolError);
        dev.feed(header(3) + "abc" + header(100) + QByteArray(100, 'x')); // exactly the max: fine
        QCOMPARE(frames.size(), 2);
        dev.feed(header(101) + QByteArray(101, 'y'));
        QCOMPARE(errors.size(), 1);
        QVERIFY(s.isDead());
        QCOMPARE(s.error().kind, ErrorKind::InvalidInput);
        QVERIFY2(s.error().message.contains(u"101"_s), qPrintable(s.error().message));
        // Dead: nothing more is parsed or written, and the error is not repeated.
        dev.feed(header(1) + "q");
        QCOMPARE(frames.size(), 2);
        QCOMPARE(errors.size(), 1);
        QVERIFY(!s.writeFrame("after"));
        QVERIFY(dev.written.isEmpty());
    }

    void hugeLengthIsRejectedBeforeBuffering()
    {
        FedDevice dev;
        FrameStream s(&dev, 1 << 20);
        QSignalSpy errors(&s, &FrameStream::protocolError);
        dev.feed(QByteArray::fromHex("ffffffff")); // 4 GiB announced: no waiting for it
        QCOMPARE(errors.size(), 1);
        QCOMPARE(s.pendingBytes(), 0);
    }

    void oversizedWriteIsRefusedButStreamLives()
    {
        QBuffer buffer;
        buffer.open(QIODevice::ReadWrite);
        FrameStream s(&buffer, 10);
        QVERIFY(!s.writeFrame(QByteArray(11, 'x')));
        QVERIFY(!s.isDead());
        QVERIFY(buffer.data().isEmpty());
        QVERIFY(s.writeFrame(QByteArray(10, 'x')));
        QCOMPARE(buffer.data().size(), 14);
    }

    void truncatedAtEndOfStream()
    {
        FedDevice dev;
        FrameStream s(&dev, 1024);
        QSignalSpy frames(&s, &FrameStream::frameReceived);
        QSignalSpy errors(&s, &FrameStream::protocolError);
        QSignalSpy ended(&s, &FrameStream::endOfStream);
        dev.feed(header(2) + "ok" + header(10) + "only5");
        QCOMPARE(frames.size(), 1);
        QCOMPARE(s.pendingBytes(), 9);
        dev.end();
        QCOMPARE(errors.size(), 1);
        QCOMPARE(ended.size(), 0);
        QVERIFY(s.isDead());
    }

    void slotMayDeleteTheStream()
    {
        FedDevice dev;
        auto *s = new FrameStream(&dev, 1024);
        int seen = 0;
        connect(s, &FrameStream::frameReceived, this, [&](const QByteArray &) {
            ++seen;
            delete s;
        });
        dev.feed(encode({ "one", "two", "three" }));
        QCOMPARE(seen, 1); // deleted after the first: no use-after-free for the rest
        dev.feed(encode({ "four" })); // the device no longer reaches it
        QCOMPARE(seen, 1);
    }

    void socketPairBothWays()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, server.serverPort());
        QVERIFY(client.waitForConnected(3000));
        QTRY_VERIFY(server.hasPendingConnections());
        std::unique_ptr<QTcpSocket> peer(server.nextPendingConnection());
        FrameStream a(&client, 64 * 1024);
        FrameStream b(peer.get(), 64 * 1024);
        QSignalSpy atA(&a, &FrameStream::frameReceived);
        QSignalSpy atB(&b, &FrameStream::frameReceived);
        QList<QByteArray> toB, toA;
        QRandomGenerator gen(11);
        for (int i = 0; i < 1000; ++i) {
            QByteArray p(gen.bounded(0, 64 * 1024), char('a' + i % 26));
            p.prepend(QByteArray::number(i) + ':');
            p.truncate(64 * 1024);
            toB << p;
            QVERIFY(a.writeFrame(p));
            QByteArray q = QByteArray::number(i * 7);
            toA << q;
            QVERIFY(b.writeFrame(q));
        }
        QTRY_COMPARE_WITH_TIMEOUT(atB.size(), 1000, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(atA.size(), 1000, 20000);
        QCOMPARE(collect(atB), toB);
        QCOMPARE(collect(atA), toA);
        QSignalSpy ended(&b, &FrameStream::endOfStream);
        client.disconnectFromHost();
        QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, 5000);
        QVERIFY(!b.isDead());
    }
};

QTEST_GUILESS_MAIN(TestFrameStream)
#include "tst_framestream.moc"
