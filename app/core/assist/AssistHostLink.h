// AssistHostLink: the DBA's (host's) end of an expert session's transport (issue 7). It logs
// in to the relay - any OpenSSH server, with the DBA's key - and asks it for a remote forward
// on the relay's loopback with a port the relay picks (listening(port): that port goes into
// the session code). The first connection the relay forwards is the expert (expertConnected():
// frames flow, heartbeats run); any later one is told "busy" with a goodbye frame, closed, and
// reported (extraConnectionRefused). One expert per link, for the link's whole life: when the
// expert goes, the link closes and the host opens a new one with a new code.
// Thread: the thread it lives on (see AssistLink); nothing blocks.
#pragma once

#include "AssistLink.h"

#include <QList>

namespace TiDesk {

class RemoteForward;

class AssistHostLink final : public AssistLink
{
    Q_OBJECT

public:
    explicit AssistHostLink(QObject *parent = nullptr);
    ~AssistHostLink() override;

    // Connects to the relay and asks for the forward. Only from Idle (one use per object).
    // port 0: the relay picks one; else that port (a host re-listening on the same session code
    // after a failed attempt asks for the port the code names).
    void open(const SshConnectOptions &relay, int port = 0);

    // The port the relay listens on (0 before listening()).
    [[nodiscard]] int port() const { return m_port; }
    [[nodiscard]] int refusedConnections() const { return m_refused; }

signals:
    void listening(int port);
    void expertConnected();
    // A connection arrived while an expert was already connected (or the link was closing):
    // it was told "busy" and closed. `count` = refused so far.
    void extraConnectionRefused(int count);

protected:
    void onRelayConnected() override;
    void onClosing() override;
    [[nodiscard]] bool isHost() const override { return true; }

private:
    void onNewConnection();
    void refuse(SshChannel *channel);

    RemoteForward *m_forward = nullptr;
    int m_port = 0;
    int m_requestedPort = 0;
    bool m_expertTaken = false;
    int m_refused = 0;
    QList<QPointer<SshChannel>> m_refusing; // closing in the background, deleted on closed()
};

} // namespace TiDesk
