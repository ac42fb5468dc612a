// AssistExpertLink: the outside expert's end of an expert session's transport (issue 7). It
// logs in to the same relay as the host with the expert's own SSH key, then opens a
// direct-tcpip channel to 127.0.0.1:PORT on the relay - the port the host's remote forward
// listens on (from the session code). Frames flow once channelOpen() fired. Failures come as
// closed(reason) with a CloseCode: RelayUnreachable, RelayAuthRefused, RelayHostKey,
// NobodyListening (the host is gone or the code is stale), PeerBusy (another expert is in).
// Thread: the thread it lives on (see AssistLink); nothing blocks.
#pragma once

#include "AssistLink.h"

namespace TiDesk {

class AssistExpertLink final : public AssistLink
{
    Q_OBJECT

public:
    explicit AssistExpertLink(QObject *parent = nullptr);
    ~AssistExpertLink() override;

    // Connects to the relay, then to the host's port there. Only from Idle (one use per object).
    void open(const SshConnectOptions &relay, int hostPort);

    [[nodiscard]] int hostPort() const { return m_port; }

signals:
    void channelOpen(); // connected to the host's port: frames flow from now on

protected:
    void onRelayConnected() override;
    [[nodiscard]] bool isHost() const override { return false; }

private:
    void onOpenFailed(const Error &error);

    int m_port = 0;
    QPointer<SshChannel> m_opening;
};

} // namespace TiDesk
