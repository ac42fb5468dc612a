// Helpers shared by the SSH integration tests: options for the sandbox bastion and a
// "run the state machine until it settles" loop. Header-only; test code only; main thread.
#pragma once

#include "SandboxEnv.h"
#include "SshSession.h"

#include <QElapsedTimer>
#include <QTest>

namespace TiDesk::Test {

inline SshConnectOptions sandboxSshOptions(const SandboxEnv &env)
{
    SshConnectOptions o;
    o.host = QStringLiteral("127.0.0.1");
    o.port = env.value(QStringLiteral("SSHD_PORT")).toInt();
    o.user = env.value(QStringLiteral("SSH_USER"));
    o.identityFiles = { env.value(QStringLiteral("SSH_USER_KEY")) };
    o.knownHostsFile = env.value(QStringLiteral("SSH_KNOWN_HOSTS"));
    return o;
}

inline QString sandboxAuthorizedKeys(const SandboxEnv &env)
{
    return env.value(QStringLiteral("SSH_KNOWN_HOSTS")).section(QLatin1Char('/'), 0, -2)
        + QStringLiteral("/authorized_keys");
}

// Runs the state machine until Connected or Error (or the timeout).
inline SshSession::State connectAndWait(SshSession &s, const SshConnectOptions &o,
                                        int timeoutMs = 15000)
{
    s.connectToHost(o);
    QElapsedTimer t;
    t.start();
    while (s.state() != SshSession::State::Connected && s.state() != SshSession::State::Error
           && t.elapsed() < timeoutMs)
        QTest::qWait(5);
    return s.state();
}

} // namespace TiDesk::Test
