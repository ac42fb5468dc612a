// EndpointRouter: the seam between an environment's SQL endpoint (host:port as the inventory
// names it) and the TCP address the connector actually dials. SqlConnection::open() asks the
// router of a ConnectParams whose ssh.enabled is set; the SSH implementation (BastionTunnels)
// answers with 127.0.0.1:<ephemeral port> of a tunnel through the bastion, opening the SSH
// session first when needed. After a failure the router can add what it knows (the bastion
// refused, the tunnel went down) so the DBA reads the real cause instead of "lost connection".
//
// Threading: route() and explainFailure() are called from SQL threads (SqlWorker, pool tasks)
// and may block up to the SSH connect timeout (plus a host-key prompt); never call them on the
// GUI thread. Implementations are thread-safe.
#pragma once

#include "common/Result.h"

#include <QString>

namespace TiDesk {

struct ConnectParams;

// Where to dial, and how it is reached ("ssh root@bastion:22"; empty = direct).
struct DialAddress
{
    QString host;
    int port = 0;
    QString via;
};

class EndpointRouter
{
public:
    virtual ~EndpointRouter() = default;

    [[nodiscard]] virtual Result<DialAddress> route(const ConnectParams &params) = 0;
    // Called with a Connection/Timeout/Tls error of a routed connection: returns it, possibly
    // with a better message naming the SSH cause.
    [[nodiscard]] virtual Error explainFailure(const ConnectParams &params,
                                               const Error &error) const
    {
        (void)params;
        return error;
    }
};

} // namespace TiDesk
