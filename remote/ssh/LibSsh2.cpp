#include "LibSsh2.h"

#include <libssh2.h>

#include <mutex>

using namespace Qt::StringLiterals;

namespace TiDesk::LibSsh2 {

bool ensureInitialized(QString *error)
{
    static std::once_flag once;
    static int rc = 0;
    std::call_once(once, [] { rc = libssh2_init(0); });
    if (rc != 0 && error)
        *error = u"libssh2_init failed (%1)"_s.arg(rc);
    return rc == 0;
}

void SessionDeleter::operator()(LIBSSH2_SESSION *s) const
{
    if (!s)
        return;
    // SshSession sends the disconnect and shuts the socket down first (see its teardown()).
    libssh2_session_free(s);
}

void ChannelDeleter::operator()(LIBSSH2_CHANNEL *c) const
{
    if (c)
        libssh2_channel_free(c);
}

void ListenerDeleter::operator()(LIBSSH2_LISTENER *l) const
{
    if (l)
        libssh2_channel_forward_cancel(l);
}

void AgentDeleter::operator()(LIBSSH2_AGENT *a) const
{
    if (!a)
        return;
    libssh2_agent_disconnect(a);
    libssh2_agent_free(a);
}

SessionPtr newSession()
{
    if (!ensureInitialized())
        return {};
    SessionPtr s(libssh2_session_init());
    if (s)
        libssh2_session_set_blocking(s.get(), 0);
    return s;
}

QString lastError(LIBSSH2_SESSION *session)
{
    char *msg = nullptr;
    int len = 0;
    const int rc = libssh2_session_last_error(session, &msg, &len, 0);
    return u"%1 (libssh2 error %2)"_s.arg(QString::fromUtf8(msg, len)).arg(rc);
}

int lastErrno(LIBSSH2_SESSION *session)
{
    return libssh2_session_last_errno(session);
}

} // namespace TiDesk::LibSsh2
