// BastionTunnels: SQL endpoints behind SSH bastions, transparently. The EndpointRouter the SQL
// layer asks when a ConnectParams has ssh.enabled: route() opens (or reuses) one SSH session per
// bastion and one local forward (127.0.0.1:<ephemeral> -> direct-tcpip -> host:port) per SQL
// target, and returns the local address for the connector to dial.
//
// - Sessions are shared: every environment behind the same bastion (same user, host, port, keys,
//   known_hosts) rides one SSH connection; keepalives run on it.
// - Failing loudly: a bastion that is unreachable, refuses the key, or presents a changed host key
//   (possible man-in-the-middle) makes route() fail with that error (ErrorKind Connection,
//   Timeout, Auth or HostKey). When the SSH session dies, every tunnelled SQL connection is
//   aborted at once (the connector sees "lost connection" immediately instead of hanging) and
//   explainFailure() names the SSH cause. The next route() connects again: that is the reconnect.
// - Host keys: policy Strict (refuse unknown hosts), AcceptNew (trust on first use and append to
//   known_hosts) or Ask: hostKeyQuestion() is emitted and the session waits (up to promptTimeout)
//   for answerHostKey(). Without a receiver for hostKeyQuestion, Ask behaves like Strict.
// - Idle tunnels (no SQL connection for idleTimeout) are closed, and then idle sessions.
//
// Threading: owns one QThread ("tidesk-ssh") running BastionTunnelsWorker, where every
// SshSession/SshTunnel lives. route() and explainFailure() block the CALLING thread (an SQL
// worker or pool thread, never the GUI); answerHostKey(), closeAll() and setHostKeyPolicy() are
// thread-safe and return at once. Signals are emitted from the SSH thread: connect them with a
// context object. Construct and destroy on one thread (the composition root); the destructor
// closes every tunnel and session and fails routes still waiting with ErrorKind::Cancelled.
#pragma once

#include "HostKeyQuestion.h"
#include "SshConnectOptions.h"
#include "common/Error.h"
#include "sql/EndpointRouter.h"

#include <QObject>
#include <QThread>

#include <atomic>
#include <chrono>
#include <memory>

namespace TiDesk {

class BastionTunnelsWorker;

struct BastionTunnelsOptions
{
    HostKeyPolicy hostKeyPolicy = HostKeyPolicy::Strict;
    QString sshConfigPath; // empty = ~/.ssh/config
    std::chrono::milliseconds promptTimeout {
        120000
    }; // a host-key question unanswered this long = rejected
    std::chrono::milliseconds idleTimeout {
        300000
    }; // a tunnel without SQL connections this long is closed
};

class BastionTunnels final : public QObject, public EndpointRouter
{
    Q_OBJECT
public:
    using Options = BastionTunnelsOptions;

    explicit BastionTunnels(Options options = {}, QObject *parent = nullptr);
    ~BastionTunnels() override;

    void setHostKeyPolicy(HostKeyPolicy policy);
    [[nodiscard]] HostKeyPolicy hostKeyPolicy() const { return m_policy.load(); }
    // How long a hostKeyQuestion stays answerable (then it counts as rejected).
    [[nodiscard]] std::chrono::milliseconds promptTimeout() const
    {
        return m_options.promptTimeout;
    }

    [[nodiscard]] Result<DialAddress> route(const ConnectParams &params) override;
    [[nodiscard]] Error explainFailure(const ConnectParams &params,
                                       const Error &error) const override;

    // Answers hostKeyQuestion(id): accept (and, with remember, append to known_hosts) or reject.
    void answerHostKey(quint64 questionId, bool accept, bool remember = true);
    // Closes every tunnel and session (SQL connections through them drop).
    void closeAll();
    // closeAll() and refuse new routes (Cancelled): the first step of an orderly shutdown, so
    // threads blocked in route() return before the pool is drained.
    void shutdown();
    // Open SSH sessions (connected or connecting); for status bars and tests.
    [[nodiscard]] int sessionCount() const { return m_sessionCount.load(); }

    // The failure-memory key of one SQL target behind one bastion (inventory values).
    [[nodiscard]] static QString targetKey(const ConnectParams &params);

signals:
    void hostKeyQuestion(const TiDesk::HostKeyQuestion &question);
    // A connected bastion session was lost (the SQL connections through it dropped).
    void bastionDown(const QString &bastion, const TiDesk::Error &error);

private:
    friend class BastionTunnelsWorker;

    Options m_options;
    std::atomic<HostKeyPolicy> m_policy;
    std::atomic<int> m_sessionCount { 0 };
    std::atomic<bool> m_stopping { false };
    std::unique_ptr<QThread> m_thread;
    BastionTunnelsWorker *m_worker = nullptr; // lives on m_thread
};

} // namespace TiDesk
