// LibSsh2: the plain RAII layer over libssh2 - process-wide init (once, thread-safe) and owning
// handles with deleters for sessions, channels, listeners and agents. The libssh2 types are only
// forward-declared here: libssh2.h is included by the .cpp files of remote/ssh alone.
// Handles are not thread-safe: a session and everything opened on it stay on one thread.
#pragma once

#include <QString>

#include <memory>

struct _LIBSSH2_SESSION;
struct _LIBSSH2_CHANNEL;
struct _LIBSSH2_LISTENER;
struct _LIBSSH2_AGENT;

namespace TiDesk::LibSsh2 {

// libssh2_init(0) exactly once per process; false (with a reason) when it failed.
bool ensureInitialized(QString *error = nullptr);

struct SessionDeleter
{
    void operator()(_LIBSSH2_SESSION *s) const;
}; // free
struct ChannelDeleter
{
    void operator()(_LIBSSH2_CHANNEL *c) const;
}; // free (non-blocking; no wait)
struct ListenerDeleter
{
    void operator()(_LIBSSH2_LISTENER *l) const;
}; // cancel (best effort)
struct AgentDeleter
{
    void operator()(_LIBSSH2_AGENT *a) const;
}; // disconnect + free

using SessionPtr = std::unique_ptr<_LIBSSH2_SESSION, SessionDeleter>;
using ChannelPtr = std::unique_ptr<_LIBSSH2_CHANNEL, ChannelDeleter>;
using ListenerPtr = std::unique_ptr<_LIBSSH2_LISTENER, ListenerDeleter>;
using AgentPtr = std::unique_ptr<_LIBSSH2_AGENT, AgentDeleter>;

// A new session in non-blocking mode (nullptr when out of memory).
SessionPtr newSession();

// "message (libssh2 error -18)" for the session's last error.
QString lastError(_LIBSSH2_SESSION *session);
int lastErrno(_LIBSSH2_SESSION *session);

} // namespace TiDesk::LibSsh2
