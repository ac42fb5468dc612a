// SshAuthenticator: the user-authentication part of SshSession's state machine. Tries, in
// order and only when the server offers them: each identity file (ed25519/ECDSA, with the
// passphrase), the ssh-agent keys, password, keyboard-interactive (answered with the
// password). Non-blocking: step() returns Pending on EAGAIN and is called again on socket
// activity. RSA keys are not sent: libssh2 1.10 can only sign ssh-rsa (SHA-1), which OpenSSH
// 8.8+ refuses, so the failure is explained instead. Lives on the session's thread; the agent
// calls talk to a local unix socket synchronously (fast, no network).
#pragma once

#include "SshConnectOptions.h"
#include "common/Error.h"

#include <QCoreApplication>

#include <memory>

struct _LIBSSH2_SESSION;
struct _LIBSSH2_AGENT;
struct libssh2_agent_publickey;

namespace TiDesk {

class SshAuthenticator
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::SshAuthenticator)

public:
    enum class Step { Pending, Done, Failed };

    SshAuthenticator(_LIBSSH2_SESSION *session, const SshConnectOptions &options);
    ~SshAuthenticator();
    SshAuthenticator(const SshAuthenticator &) = delete;
    SshAuthenticator &operator=(const SshAuthenticator &) = delete;

    Step step();
    [[nodiscard]] const Error &error() const { return m_error; }
    [[nodiscard]] QString method() const
    {
        return m_method;
    } // what succeeded ("publickey ~/.ssh/id")

    // keyboard-interactive answers (called from the libssh2 callback).
    [[nodiscard]] QByteArray passwordUtf8() const { return m_options.password.toUtf8(); }

private:
    enum class Phase { List, Next, PublicKey, Agent, Password, KeyboardInteractive, Done, Failed };

    Step next();
    Step stepPublicKey();
    Step stepAgent();
    Step stepPassword(bool keyboardInteractive);
    Step fail();
    Step failConnection(int rc);
    [[nodiscard]] bool isSocketError(int rc) const;
    void note(const QString &text);

    _LIBSSH2_SESSION *m_session = nullptr;
    SshConnectOptions m_options;
    QByteArray m_user;
    Phase m_phase = Phase::List;
    QStringList m_serverMethods;
    int m_identityIndex = -1;
    QString m_currentKey;
    bool m_currentKeyEncrypted = false;
    bool m_agentTried = false;
    bool m_passwordTried = false;
    bool m_kbdTried = false;
    _LIBSSH2_AGENT *m_agent = nullptr;
    libssh2_agent_publickey *m_agentIdentity = nullptr;
    QStringList m_notes;
    QString m_method;
    Error m_error;
};

} // namespace TiDesk
