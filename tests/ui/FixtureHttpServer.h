// FixtureHttpServer: a few lines of HTTP/1.1 over QTcpServer that answer GET PATH with a file's
// bytes (200) or 404 - for APIs that cannot run on the build machines (TiDB's PD). A stand-in,
// not a mock of TiDesk's own code: the client under test speaks real HTTP to it. Test code only;
// runs on the test's thread (event loop).
#pragma once

#include <QFile>
#include <QHash>
#include <QTcpServer>
#include <QTcpSocket>

namespace TiDesk::Test {

class FixtureHttpServer : public QTcpServer
{
public:
    FixtureHttpServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, s, [this, s] { answer(s); });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }
    // path -> file whose bytes are the 200 answer
    QHash<QByteArray, QString> routes;
    int requests = 0;

private:
    void answer(QTcpSocket *s)
    {
        const QByteArray head = s->readAll();
        if (!head.contains("\r\n\r\n"))
            return;
        ++requests;
        const QByteArray path = head.split(' ').value(1);
        QByteArray body;
        QByteArray status = "404 Not Found";
        if (routes.contains(path)) {
            QFile f(routes.value(path));
            if (f.open(QIODevice::ReadOnly)) {
                body = f.readAll();
                status = "200 OK";
            }
        }
        s->write("HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: "
                 + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
        s->disconnectFromHost();
    }
};

} // namespace TiDesk::Test
