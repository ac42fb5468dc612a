#include "SshAuthenticator.h"

#include "LibSsh2.h"
#include "SshKeyFile.h"
#include "SshLogging.h"

#include <libssh2.h>

#include <QDir>
#include <QFile>

#include <cstdlib>
#include <cstring>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

LIBSSH2_USERAUTH_KBDINT_RESPONSE_FUNC(kbdintResponse)
{
    Q_UNUSED(name);
    Q_UNUSED(name_len);
    Q_UNUSED(instruction);
    Q_UNUSED(instruction_len);
    Q_UNUSED(prompts);
    const auto *auth = static_cast<const SshAuthenticator *>(*abstract);
    const QByteArray pw = auth ? auth->passwordUtf8() : QByteArray();
    for (int i = 0; i < num_prompts; ++i) {
        // libssh2 frees the answers with its allocator (the default: free()).
        responses[i].text = static_cast<char *>(std::malloc(size_t(pw.size()) + 1));
        if (!responses[i].text) {
            responses[i].length = 0;
            continue;
        }
        std::memcpy(responses[i].text, pw.constData(), size_t(pw.size()) + 1);
        responses[i].length = unsigned(pw.size());
    }
}

QString shortPath(const QString &path)
{
    const QString home = QDir::homePath();
    return path.startsWith(home + u'/') ? u"~"_s + path.mid(home.size()) : path;
}

} // namespace

SshAuthenticator::SshAuthenticator(LIBSSH2_SESSION *session, const SshConnectOptions &options)
    : m_session(session)
    , m_options(options)
    , m_user(options.user.toUtf8())
{ }

SshAuthenticator::~SshAuthenticator()
{
    if (m_agent) {
        libssh2_agent_disconnect(m_agent);
        libssh2_agent_free(m_agent);
    }
    *libssh2_session_abstract(m_session) = nullptr;
}

void SshAuthenticator::note(const QString &text)
{
    m_notes.append(text);
    qCInfo(lcSsh) << "auth:" << text; // no secrets: paths, key types and server answers only
}

bool SshAuthenticator::isSocketError(int rc) const
{
    return rc == LIBSSH2_ERROR_SOCKET_SEND || rc == LIBSSH2_ERROR_SOCKET_RECV
        || rc == LIBSSH2_ERROR_SOCKET_DISCONNECT || rc == LIBSSH2_ERROR_SOCKET_TIMEOUT
        || rc == LIBSSH2_ERROR_TIMEOUT || rc == LIBSSH2_ERROR_DECRYPT;
}

SshAuthenticator::Step SshAuthenticator::failConnection(int rc)
{
    Q_UNUSED(rc);
    m_phase = Phase::Failed;
    m_error = Error::make(
        ErrorKind::Connection,
        tr("The connection to %1 was lost during authentication.").arg(m_options.host),
        LibSsh2::lastError(m_session));
    return Step::Failed;
}

SshAuthenticator::Step SshAuthenticator::fail()
{
    m_phase = Phase::Failed;
    m_error = Error::make(ErrorKind::Auth,
                          tr("%1@%2 refused every authentication method TiDesk tried.")
                              .arg(m_options.user, m_options.host),
                          m_notes.join(u"; "_s));
    return Step::Failed;
}

SshAuthenticator::Step SshAuthenticator::step()
{
    switch (m_phase) {
    case Phase::List: {
        char *list = libssh2_userauth_list(m_session, m_user.constData(), unsigned(m_user.size()));
        if (!list) {
            if (libssh2_userauth_authenticated(m_session)) { // "none" was accepted
                m_phase = Phase::Done;
                m_method = u"none"_s;
                return Step::Done;
            }
            const int rc = libssh2_session_last_errno(m_session);
            if (rc == LIBSSH2_ERROR_EAGAIN)
                return Step::Pending;
            return failConnection(rc);
        }
        m_serverMethods = QString::fromLatin1(list).split(u',', Qt::SkipEmptyParts);
        *libssh2_session_abstract(m_session) = this;
        m_phase = Phase::Next;
        return next();
    }
    case Phase::Next: return next();
    case Phase::PublicKey: return stepPublicKey();
    case Phase::Agent: return stepAgent();
    case Phase::Password: return stepPassword(false);
    case Phase::KeyboardInteractive: return stepPassword(true);
    case Phase::Done: return Step::Done;
    case Phase::Failed: return Step::Failed;
    }
    return Step::Failed;
}

SshAuthenticator::Step SshAuthenticator::next()
{
    m_phase = Phase::Next;
    const bool publicKey = m_serverMethods.contains(u"publickey"_s);
    while (publicKey && ++m_identityIndex < m_options.identityFiles.size()) {
        const QString path = m_options.identityFiles.at(m_identityIndex);
        const SshKeyFileInfo info = SshKeyFile::inspect(path);
        if (!info.readable) {
            note(tr("key %1: cannot read the file").arg(shortPath(path)));
            continue;
        }
        if (info.isRsa()) {
            note(
                tr("key %1: RSA keys do not work: libssh2 1.10 can only sign with ssh-rsa (SHA-1), "
                   "which OpenSSH 8.8 and later refuse; use an ed25519 key (ssh-keygen -t ed25519)")
                    .arg(shortPath(path)));
            continue;
        }
        if (info.encrypted && m_options.passphrase.isEmpty()) {
            note(tr("key %1: protected by a passphrase, and none was given").arg(shortPath(path)));
            continue;
        }
        m_currentKey = path;
        m_currentKeyEncrypted = info.encrypted;
        m_phase = Phase::PublicKey;
        return stepPublicKey();
    }
    if (publicKey && m_options.useAgent && !m_agentTried) {
        m_agentTried = true;
        m_agent = libssh2_agent_init(m_session);
        if (!m_agent || libssh2_agent_connect(m_agent) != 0
            || libssh2_agent_list_identities(m_agent) != 0) {
            note(tr("ssh-agent: not available (is SSH_AUTH_SOCK set?)"));
        } else {
            m_agentIdentity = nullptr;
            m_phase = Phase::Agent;
            return stepAgent();
        }
    }
    if (!m_options.password.isEmpty() && !m_passwordTried
        && m_serverMethods.contains(u"password"_s)) {
        m_passwordTried = true;
        m_phase = Phase::Password;
        return stepPassword(false);
    }
    if (!m_options.password.isEmpty() && !m_kbdTried
        && m_serverMethods.contains(u"keyboard-interactive"_s)) {
        m_kbdTried = true;
        m_phase = Phase::KeyboardInteractive;
        return stepPassword(true);
    }
    if (m_notes.isEmpty())
        note(tr("no usable credentials for the methods the server offers (%1)")
                 .arg(m_serverMethods.join(u", "_s)));
    return fail();
}

SshAuthenticator::Step SshAuthenticator::stepPublicKey()
{
    const QByteArray key = QFile::encodeName(m_currentKey);
    const QByteArray pass = m_options.passphrase.toUtf8();
    const int rc = libssh2_userauth_publickey_fromfile_ex(
        m_session, m_user.constData(), unsigned(m_user.size()), nullptr, key.constData(),
        m_currentKeyEncrypted ? pass.constData() : "");
    if (rc == LIBSSH2_ERROR_EAGAIN)
        return Step::Pending;
    if (rc == 0) {
        m_phase = Phase::Done;
        m_method = u"publickey "_s + shortPath(m_currentKey);
        return Step::Done;
    }
    if (isSocketError(rc))
        return failConnection(rc);
    if (rc == LIBSSH2_ERROR_FILE)
        note(m_currentKeyEncrypted
                 ? tr("key %1: wrong passphrase").arg(shortPath(m_currentKey))
                 : tr("key %1: unreadable or unsupported key format").arg(shortPath(m_currentKey)));
    else
        note(tr("key %1: not accepted by the server").arg(shortPath(m_currentKey)));
    return next();
}

SshAuthenticator::Step SshAuthenticator::stepAgent()
{
    for (;;) {
        if (!m_agentIdentity || m_phase == Phase::Next) {
            libssh2_agent_publickey *nextId = nullptr;
            const int rc = libssh2_agent_get_identity(m_agent, &nextId, m_agentIdentity);
            if (rc != 0) {
                note(tr("ssh-agent: no key was accepted"));
                return next();
            }
            m_agentIdentity = nextId;
            m_phase = Phase::Agent;
        }
        const int rc = libssh2_agent_userauth(m_agent, m_user.constData(), m_agentIdentity);
        if (rc == LIBSSH2_ERROR_EAGAIN)
            return Step::Pending;
        if (rc == 0) {
            m_phase = Phase::Done;
            m_method = u"ssh-agent "_s + QString::fromUtf8(m_agentIdentity->comment);
            return Step::Done;
        }
        if (isSocketError(rc))
            return failConnection(rc);
        m_phase = Phase::Next; // try the agent's next key
    }
}

SshAuthenticator::Step SshAuthenticator::stepPassword(bool keyboardInteractive)
{
    int rc = 0;
    if (keyboardInteractive) {
        rc = libssh2_userauth_keyboard_interactive_ex(m_session, m_user.constData(),
                                                      unsigned(m_user.size()), &kbdintResponse);
    } else {
        const QByteArray pw = m_options.password.toUtf8();
        rc = libssh2_userauth_password_ex(m_session, m_user.constData(), unsigned(m_user.size()),
                                          pw.constData(), unsigned(pw.size()), nullptr);
    }
    if (rc == LIBSSH2_ERROR_EAGAIN)
        return Step::Pending;
    if (rc == 0) {
        m_phase = Phase::Done;
        m_method = keyboardInteractive ? u"keyboard-interactive"_s : u"password"_s;
        return Step::Done;
    }
    if (isSocketError(rc))
        return failConnection(rc);
    note(keyboardInteractive ? tr("keyboard-interactive: refused") : tr("password: refused"));
    return next();
}

} // namespace TiDesk
