// BastionTunnelsWorker: the SSH-thread half of BastionTunnels. Owns the SshSessions (one per
// bastion key) and their SshTunnels (one per SQL target), serves route requests when a session is
// connected, relays host-key questions, remembers the last SSH failure per SQL target for
// explainFailure(), and closes idle tunnels and sessions.
// Thread: the "tidesk-ssh" thread only; BastionTunnels reaches it with queued invocations.
#pragma once

#include "BastionTunnels.h"
#include "RouteWaiter.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <map>
#include <memory>

namespace TiDesk {

class SshSession;
class SshTunnel;

struct TunnelRequest
{
    QString bastionKey;
    QString bastionDisplay;
    SshConnectOptions options;
    QString targetHost;
    int targetPort = 0;
    QString targetKey; // BastionTunnels::targetKey()
    QString envName;
};

using RouteWaiterPtr = std::shared_ptr<RouteWaiter<Result<DialAddress>>>;

class BastionTunnelsWorker final : public QObject
{
    Q_OBJECT
public:
    BastionTunnelsWorker(BastionTunnels *owner, BastionTunnels::Options options);
    ~BastionTunnelsWorker() override;

    void acquire(const TunnelRequest &request, const RouteWaiterPtr &waiter);
    void answer(quint64 questionId, bool accept, bool remember);
    void closeAll(const Error &reason);
    // The SSH failure last seen for targetKey within the last maxAgeMs, else kind None.
    [[nodiscard]] Error recentFailure(const QString &targetKey, qint64 maxAgeMs) const;

private:
    struct Pending
    {
        TunnelRequest request;
        RouteWaiterPtr waiter;
    };
    struct Tunnel
    {
        SshTunnel *tunnel = nullptr;
        QString targetKey;
        QElapsedTimer idleSince; // restarted whenever it is used or a connection closes
    };
    struct Bastion
    {
        QString key;
        QString display;
        SshSession *session = nullptr;
        QList<Pending> pending;
        QHash<QString, Tunnel> tunnels; // by targetKey
        QStringList envNames;
        quint64 questionId = 0;
        QTimer *promptTimer = nullptr;
        QElapsedTimer idleSince;
        bool everConnected = false;
    };
    struct Failure
    {
        Error error;
        QElapsedTimer at;
    };

    Bastion *createBastion(const TunnelRequest &request);
    void serve(Bastion *b, const Pending &p);
    void onConnected(const QString &key);
    void onSessionError(const QString &key, const Error &error);
    void onHostKeyUnknown(const QString &key, const QString &fingerprint, const QString &keyType);
    void onTunnelDown(const QString &key, const QString &targetKey, const Error &error);
    void removeBastion(const QString &key, const Error &reason, bool wasConnected);
    void recordFailure(const QString &targetKey, const Error &error);
    void closeIdle();
    Bastion *find(const QString &key) const;

    BastionTunnels *const m_owner;
    const BastionTunnels::Options m_options;
    std::map<QString, std::unique_ptr<Bastion>> m_bastions;
    QHash<QString, Failure> m_failures;
    quint64 m_nextQuestion = 0;
    QTimer m_idleTimer;
};

} // namespace TiDesk
