#include "SshSession.h"

#include <QSet>

#include "KnownHosts.h"
#include "SshAuthenticator.h"
#include "SshLogging.h"

#include <libssh2.h>

#include <QDir>
#include <QHash>
#include <QHostInfo>
#include <QMetaMethod>
#include <QSocketNotifier>
#include <QThread>
#include <QTimer>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

// Bytes libssh2 moved through each socket of this thread (sessions live on one thread). step()
// uses them to see whether a round of channel pumps made transport progress: one channel's
// libssh2 call may read packets meant for a channel pumped earlier in the same round, which
// then needs another round (the data is in libssh2's buffers, the socket will not signal again).
thread_local QHash<int, quint64> t_transportBytes;

ssize_t countingRecv(libssh2_socket_t fd, void *buffer, size_t length, int flags, void **)
{
    const ssize_t n = ::recv(fd, buffer, length, flags);
    if (n < 0) // libssh2 wants -errno (its own _libssh2_recv does the same)
        return (errno == ENOENT || errno == EWOULDBLOCK) ? -EAGAIN : -errno;
    t_transportBytes[fd] += quint64(n);
    return n;
}

ssize_t countingSend(libssh2_socket_t fd, const void *buffer, size_t length, int flags, void **)
{
    const ssize_t n = ::send(fd, buffer, length, flags | MSG_NOSIGNAL);
    if (n < 0)
        return (errno == ENOENT || errno == EWOULDBLOCK) ? -EAGAIN : -errno;
    t_transportBytes[fd] += quint64(n);
    return n;
}

} // namespace

namespace {
// Known key types first (set per host in verify order), then what libssh2 1.10 can verify.
constexpr const char *kHostKeyPreference
    = "ssh-ed25519,ecdsa-sha2-nistp256,ecdsa-sha2-nistp384,ecdsa-sha2-nistp521,rsa-sha2-512,"
      "rsa-sha2-256,ssh-rsa";
} // namespace

SshSession::SshSession(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<TiDesk::Error>();
    m_connectTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, &SshSession::onConnectTimeout);
    connect(&m_keepaliveTimer, &QTimer::timeout, this, &SshSession::sendKeepalive);
    m_idleCheckTimer.setInterval(std::chrono::milliseconds(500));
    connect(&m_idleCheckTimer, &QTimer::timeout, this, &SshSession::checkIdle);
}

SshSession::~SshSession()
{
    teardown();
}

LIBSSH2_SESSION *SshSession::handle() const
{
    return m_ssh.get();
}

QString SshSession::lastLibssh2Error() const
{
    return m_ssh ? LibSsh2::lastError(m_ssh.get()) : QString();
}

Error SshSession::closeReason(const SshSession *session)
{
    if (session && session->m_error.isError())
        return session->m_error;
    return Error::make(ErrorKind::Connection, tr("The SSH session was closed."));
}

void SshSession::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    qCDebug(lcSsh) << m_options.host << m_options.port << state;
    emit stateChanged(state);
}

void SshSession::connectToHost(const SshConnectOptions &options)
{
    Q_ASSERT(QThread::currentThread() == thread());
    teardown();
    m_options = options;
    m_error = {};
    m_hostKey = {};
    m_authMethod.clear();
    m_connectMs = 0;
    m_knownHostsPath = options.knownHostsFile.isEmpty() ? QDir::homePath() + u"/.ssh/known_hosts"_s
                                                        : options.knownHostsFile;
    QString initError;
    if (!LibSsh2::ensureInitialized(&initError)) {
        setState(State::Connecting);
        fail(Error::make(ErrorKind::Internal, tr("The SSH library could not start."), initError));
        return;
    }
    m_clock.start();
    setState(State::Connecting);
    m_connectTimer.start(options.connectTimeout);
    m_addresses.clear();
    m_addressIndex = 0;
    m_lastConnectError.clear();
    QHostAddress literal;
    if (literal.setAddress(options.host)) {
        m_addresses = { literal };
        startTcp();
        return;
    }
    m_lookupId = QHostInfo::lookupHost(options.host, this, &SshSession::onResolved);
}

void SshSession::onResolved(const QHostInfo &info)
{
    if (m_state != State::Connecting || info.lookupId() != m_lookupId)
        return;
    m_lookupId = -1;
    if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
        fail(Error::make(ErrorKind::Connection,
                         tr("Cannot resolve the SSH host %1.").arg(m_options.host),
                         info.errorString()));
        return;
    }
    m_addresses = info.addresses();
    startTcp();
}

void SshSession::startTcp()
{
    while (m_addressIndex < m_addresses.size()) {
        const QHostAddress addr = m_addresses.at(m_addressIndex++);
        sockaddr_storage ss {};
        socklen_t len = 0;
        if (addr.protocol() == QAbstractSocket::IPv6Protocol) {
            auto *sa = reinterpret_cast<sockaddr_in6 *>(&ss);
            sa->sin6_family = AF_INET6;
            sa->sin6_port = htons(quint16(m_options.port));
            const Q_IPV6ADDR a = addr.toIPv6Address();
            std::memcpy(&sa->sin6_addr, &a, sizeof(a));
            len = sizeof(sockaddr_in6);
        } else {
            auto *sa = reinterpret_cast<sockaddr_in *>(&ss);
            sa->sin_family = AF_INET;
            sa->sin_port = htons(quint16(m_options.port));
            sa->sin_addr.s_addr = htonl(addr.toIPv4Address());
            len = sizeof(sockaddr_in);
        }
        m_fd = ::socket(ss.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (m_fd < 0) {
            m_lastConnectError = QString::fromLocal8Bit(std::strerror(errno));
            continue;
        }
        const int one = 1;
        ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
        if (::connect(m_fd, reinterpret_cast<sockaddr *>(&ss), len) == 0) {
            startHandshake();
            return;
        }
        if (errno == EINPROGRESS) {
            m_writeNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Write, this);
            connect(m_writeNotifier, &QSocketNotifier::activated, this,
                    &SshSession::onSocketActivity);
            return;
        }
        m_lastConnectError = QString::fromLocal8Bit(std::strerror(errno));
        closeSocket();
    }
    fail(Error::make(
        ErrorKind::Connection,
        tr("Cannot connect to the SSH server %1 port %2.").arg(m_options.host).arg(m_options.port),
        m_lastConnectError));
}

void SshSession::closeSocket()
{
    for (QSocketNotifier **n : { &m_readNotifier, &m_writeNotifier }) {
        if (*n) {
            (*n)->setEnabled(false);
            (*n)->deleteLater(); // we may be inside its activated() signal
            *n = nullptr;
        }
    }
    if (m_fd >= 0) {
        t_transportBytes.remove(m_fd);
        ::close(m_fd);
        m_fd = -1;
    }
}

void SshSession::onConnectTimeout()
{
    QString phase;
    switch (m_state) {
    case State::Connecting: phase = tr("connecting"); break;
    case State::Handshaking: phase = tr("during the SSH handshake"); break;
    case State::VerifyingHostKey: phase = tr("while checking the host key"); break;
    case State::Authenticating: phase = tr("during authentication"); break;
    default: return;
    }
    fail(Error::make(ErrorKind::Timeout,
                     tr("The SSH server %1 port %2 did not answer within %3 ms (%4).")
                         .arg(m_options.host)
                         .arg(m_options.port)
                         .arg(qint64(m_options.connectTimeout.count()))
                         .arg(phase)));
}

void SshSession::onSocketActivity()
{
#ifdef TCP_QUICKACK
    // sshd does not set TCP_NODELAY on non-interactive connections, so a forwarded connection's
    // first data (right behind the channel-open confirmation) waits for our ACK; Linux delays
    // ACKs by up to 40 ms. Acknowledge at once (the flag is not sticky: re-arm on each read).
    if (m_fd >= 0 && m_state != State::Connecting) {
        const int one = 1;
        ::setsockopt(m_fd, IPPROTO_TCP, TCP_QUICKACK, &one, sizeof(one));
    }
#endif
    if (m_state == State::Connecting) {
        int err = 0;
        socklen_t len = sizeof(err);
        ::getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &err, &len);
        if (err == EINPROGRESS || err == EALREADY)
            return;
        if (err != 0) {
            m_lastConnectError = QString::fromLocal8Bit(std::strerror(err));
            closeSocket();
            startTcp(); // next address, or fail
            return;
        }
        m_writeNotifier->setEnabled(false);
        startHandshake();
        return;
    }
    if (m_state == State::Connected && !hasConsumers()) {
        if (peerClosedWhileIdle()) {
            fail(Error::make(ErrorKind::Connection,
                             tr("The SSH server %1 closed the connection.").arg(m_options.host)));
            return;
        }
        // Data nobody reads yet (OpenSSH's hostkeys-00 request after auth): stop watching until
        // a channel arrives, or the level-triggered notifier would spin. A close behind that
        // data is then found by the idle check (POLLRDHUP, zero timeout: never blocks).
        m_idleDataPending = true;
        m_idleCheckTimer.start();
    }
    step();
}

bool SshSession::hasConsumers() const
{
    return isSignalConnected(QMetaMethod::fromSignal(&SshSession::activity));
}

void SshSession::checkIdle()
{
    if (m_state != State::Connected || !m_idleDataPending || hasConsumers()) {
        m_idleCheckTimer.stop();
        return;
    }
    pollfd p { m_fd, short(POLLRDHUP | POLLHUP | POLLERR), 0 };
    if (::poll(&p, 1, 0) > 0 && (p.revents & (POLLRDHUP | POLLHUP | POLLERR)))
        fail(Error::make(ErrorKind::Connection,
                         tr("The SSH server %1 closed the connection.").arg(m_options.host)));
}

bool SshSession::peerClosedWhileIdle() const
{
    char c = 0;
    const ssize_t n = ::recv(m_fd, &c, 1, MSG_PEEK | MSG_DONTWAIT);
    return n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK);
}

void SshSession::startHandshake()
{
    m_ssh = LibSsh2::newSession();
    if (!m_ssh) {
        fail(Error::make(ErrorKind::Internal, tr("The SSH library could not create a session.")));
        return;
    }
    t_transportBytes.insert(m_fd, 0);
    libssh2_session_callback_set(m_ssh.get(), LIBSSH2_CALLBACK_RECV,
                                 reinterpret_cast<void *>(&countingRecv));
    libssh2_session_callback_set(m_ssh.get(), LIBSSH2_CALLBACK_SEND,
                                 reinterpret_cast<void *>(&countingSend));
    // Prefer key types known_hosts already holds for this host (like OpenSSH), so a host known
    // by its ECDSA key is not reported as "unknown" because it also has an ed25519 key.
    QList<QByteArray> wanted;
    if (const auto known = KnownHosts::load(m_knownHostsPath); known.ok()) {
        for (const QString &t : known->keyTypesFor(m_options.host, m_options.port))
            wanted.append(t.toLatin1());
    }
    wanted += QByteArray(kHostKeyPreference).split(',');
    // Pass only methods this libssh2 supports: libssh2 1.10 strips unsupported names with an
    // overlapping memcpy (undefined behaviour, caught by ASan), so it must never have to.
    QSet<QByteArray> supported;
    const char **algs = nullptr;
    const int count = libssh2_session_supported_algs(m_ssh.get(), LIBSSH2_METHOD_HOSTKEY, &algs);
    for (int i = 0; i < count; ++i)
        supported.insert(QByteArray(algs[i]));
    if (algs)
        libssh2_free(m_ssh.get(), static_cast<void *>(algs));
    QByteArrayList pref;
    for (const QByteArray &m : std::as_const(wanted))
        if (!m.isEmpty() && supported.contains(m) && !pref.contains(m))
            pref.append(m);
    if (!pref.isEmpty())
        libssh2_session_method_pref(m_ssh.get(), LIBSSH2_METHOD_HOSTKEY,
                                    pref.join(',').constData());
    if (!m_readNotifier) {
        m_readNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
        connect(m_readNotifier, &QSocketNotifier::activated, this, &SshSession::onSocketActivity);
    }
    if (!m_writeNotifier) {
        m_writeNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Write, this);
        connect(m_writeNotifier, &QSocketNotifier::activated, this, &SshSession::onSocketActivity);
    }
    setState(State::Handshaking);
    step();
}

void SshSession::step()
{
    switch (m_state) {
    case State::Handshaking: {
        const int rc = libssh2_session_handshake(m_ssh.get(), m_fd);
        if (rc == LIBSSH2_ERROR_EAGAIN)
            break;
        if (rc != 0) {
            fail(Error::make(ErrorKind::Connection,
                             tr("The SSH handshake with %1 port %2 failed.")
                                 .arg(m_options.host)
                                 .arg(m_options.port),
                             LibSsh2::lastError(m_ssh.get())));
            return;
        }
        verifyHostKey();
        return;
    }
    case State::Authenticating: {
        switch (m_auth->step()) {
        case SshAuthenticator::Step::Pending: break;
        case SshAuthenticator::Step::Done: onAuthenticated(); return;
        case SshAuthenticator::Step::Failed: fail(m_auth->error()); return;
        }
        break;
    }
    case State::Connected: {
        const QPointer<SshSession> self(this);
        // Pump every channel until a round moves no bytes through the socket (see
        // t_transportBytes); bounded so one busy channel cannot starve the event loop.
        m_inRound = true;
        for (int round = 0; round < 16; ++round) {
            const quint64 before = t_transportBytes.value(m_fd);
            if (m_abandonedOpen && m_abandonedOpen(m_ssh.get())) {
                m_abandonedOpen = nullptr;
                m_openOwner = nullptr; // the next channel may open now (activity() below)
            }
            emit activity();
            if (!self)
                return;
            if (m_state != State::Connected) {
                m_inRound = false;
                return;
            }
            if (t_transportBytes.value(m_fd) == before)
                break;
        }
        m_inRound = false;
        m_bytesAtLastRound = t_transportBytes.value(m_fd);
        break;
    }
    default: return;
    }
    updateNotifiers();
}

void SshSession::updateNotifiers()
{
    if (!m_ssh || m_fd < 0 || !m_readNotifier || !m_writeNotifier)
        return;
    const int dirs = libssh2_session_block_directions(m_ssh.get());
    bool wantRead = dirs & LIBSSH2_SESSION_BLOCK_INBOUND;
    const bool wantWrite = dirs & LIBSSH2_SESSION_BLOCK_OUTBOUND;
    if (m_state == State::Connected) {
        // Channels read whenever data arrives. Without channels nothing would consume it
        // (the notifier is level-triggered): then only a closed socket is watched for.
        wantRead = hasConsumers() || !m_idleDataPending;
        if (hasConsumers())
            m_idleDataPending = false;
    } else if (m_state == State::VerifyingHostKey) {
        wantRead = false;
    } else if (!wantRead && !wantWrite) {
        wantRead = true;
    }
    m_readNotifier->setEnabled(wantRead);
    m_writeNotifier->setEnabled(wantWrite && m_state != State::VerifyingHostKey);
    // A channel pumped on its own (a write from its client, a read resumed) may have made
    // libssh2 read packets for OTHER channels into its buffers: the socket will not signal
    // for those again, so give every channel a round soon.
    if (m_state == State::Connected && !m_inRound && !m_roundScheduled
        && t_transportBytes.value(m_fd) != m_bytesAtLastRound) {
        m_roundScheduled = true;
        QTimer::singleShot(0, this, [this] {
            m_roundScheduled = false;
            if (m_state == State::Connected)
                step();
        });
    }
}

void SshSession::verifyHostKey()
{
    setState(State::VerifyingHostKey);
    size_t len = 0;
    int type = 0;
    const char *key = libssh2_session_hostkey(m_ssh.get(), &len, &type);
    if (!key) {
        fail(Error::make(ErrorKind::HostKey, tr("%1 presented no host key.").arg(m_options.host)));
        return;
    }
    m_hostKey.key = QByteArray(key, qsizetype(len));
    m_hostKey.keyType = HostKeyCheck::keyTypeOf(m_hostKey.key);
    m_hostKey.fingerprint = KnownHosts::fingerprint(m_hostKey.key);
    const auto known = KnownHosts::load(m_knownHostsPath);
    if (!known.ok()) {
        fail(known.error());
        return;
    }
    const auto lookup
        = known->lookup(m_options.host, m_options.port, m_hostKey.keyType, m_hostKey.key);
    const auto decision = HostKeyCheck::decide(lookup, m_options.hostKeyPolicy, m_options.host,
                                               m_options.port, m_hostKey, m_knownHostsPath);
    switch (decision.action) {
    case HostKeyCheck::Action::Accept: startAuth(); return;
    case HostKeyCheck::Action::AcceptAndStore: acceptHostKey(true); return;
    case HostKeyCheck::Action::Ask:
        m_waitingForUser = true;
        m_connectTimer.stop(); // a person is reading the fingerprint
        updateNotifiers();
        emit hostKeyUnknown(m_hostKey.fingerprint, m_hostKey.keyType);
        return;
    case HostKeyCheck::Action::Refuse: fail(decision.error); return;
    }
}

void SshSession::acceptHostKey(bool store)
{
    if (m_state != State::VerifyingHostKey)
        return;
    if (m_waitingForUser) {
        m_waitingForUser = false;
        m_connectTimer.start(m_options.connectTimeout);
    }
    if (store) {
        const auto r
            = KnownHosts::append(m_knownHostsPath, m_options.host, m_options.port,
                                 m_hostKey.keyType, m_hostKey.key, m_options.hashKnownHosts);
        if (!r.ok()) {
            fail(r.error());
            return;
        }
        qCInfo(lcSsh).noquote() << "added" << KnownHosts::hostToken(m_options.host, m_options.port)
                                << m_hostKey.keyType << m_hostKey.fingerprint << "to"
                                << m_knownHostsPath;
    }
    startAuth();
}

void SshSession::rejectHostKey()
{
    if (m_state != State::VerifyingHostKey)
        return;
    m_waitingForUser = false;
    Error e = Error::make(ErrorKind::HostKey,
                          tr("The host key of %1 (%2 %3) was not accepted.")
                              .arg(KnownHosts::hostToken(m_options.host, m_options.port),
                                   m_hostKey.keyType, m_hostKey.fingerprint));
    e.code = HostKeyCheck::RejectedByUser;
    fail(e);
}

void SshSession::startAuth()
{
    setState(State::Authenticating);
    m_auth = std::make_unique<SshAuthenticator>(m_ssh.get(), m_options);
    step();
}

void SshSession::onAuthenticated()
{
    m_authMethod = m_auth->method();
    m_auth.reset();
    m_connectTimer.stop();
    m_connectMs = m_clock.elapsed();
    const auto interval = m_options.keepaliveInterval.count();
    if (interval > 0) {
        libssh2_keepalive_config(m_ssh.get(), 0, unsigned(interval));
        m_keepaliveTimer.start(std::chrono::milliseconds(m_options.keepaliveInterval));
    }
    qCInfo(lcSsh).noquote() << "connected to" << m_options.user + u'@' + m_options.host << "port"
                            << m_options.port << "by" << m_authMethod << "in" << m_connectMs
                            << "ms";
    setState(State::Connected);
    updateNotifiers();
    emit connected();
}

void SshSession::sendKeepalive()
{
    if (m_state != State::Connected)
        return;
    int next = 0;
    const int rc = libssh2_keepalive_send(m_ssh.get(), &next);
    if (rc != 0 && rc != LIBSSH2_ERROR_EAGAIN)
        handleSessionError(LIBSSH2_ERROR_SOCKET_SEND, tr("keepalive"));
    else
        updateNotifiers();
}

bool SshSession::isTransportError(int rc)
{
    switch (rc) {
    case LIBSSH2_ERROR_SOCKET_NONE:
    case LIBSSH2_ERROR_SOCKET_SEND:
    case LIBSSH2_ERROR_SOCKET_RECV:
    case LIBSSH2_ERROR_SOCKET_DISCONNECT:
    case LIBSSH2_ERROR_SOCKET_TIMEOUT:
    case LIBSSH2_ERROR_TIMEOUT:
    case LIBSSH2_ERROR_DECRYPT:
    case LIBSSH2_ERROR_PROTO:
    case LIBSSH2_ERROR_BAD_SOCKET: return true;
    default: return false;
    }
}

bool SshSession::handleSessionError(int rc, const QString &context)
{
    if (!isTransportError(rc) || m_state != State::Connected)
        return m_state != State::Connected;
    fail(Error::make(
        ErrorKind::Connection,
        tr("The connection to the SSH server %1 was lost (%2).").arg(m_options.host, context),
        LibSsh2::lastError(m_ssh.get())));
    return true;
}

void SshSession::fail(Error error)
{
    if (m_state == State::Disconnected || m_state == State::Error || m_tearingDown)
        return;
    const bool wasConnected = m_state == State::Connected;
    m_error = error;
    qCWarning(lcSsh).noquote() << m_options.host + u':' + QString::number(m_options.port)
                               << Error::kindName(error.kind) << error.toString();
    teardown();
    setState(State::Error);
    emit errorOccurred(error);
    if (wasConnected)
        emit disconnected();
}

void SshSession::disconnectFromHost()
{
    // Called from a slot of aboutToClose (a channel's errorOccurred during teardown): the
    // session is already going down; a second teardown would free libssh2's session twice.
    if (m_state == State::Disconnected || m_state == State::Error || m_tearingDown)
        return;
    if (m_state != State::Connected) {
        fail(Error::make(ErrorKind::Cancelled,
                         tr("The connection to %1 was cancelled.").arg(m_options.host)));
        return;
    }
    teardown();
    setState(State::Disconnected);
    emit disconnected();
}

bool SshSession::beginOpen(const void *owner)
{
    if (!m_openOwner)
        m_openOwner = owner;
    return m_openOwner == owner;
}

void SshSession::endOpen(const void *owner)
{
    if (!owner || m_openOwner != owner)
        return;
    m_openOwner = nullptr;
    // Channels waiting for the slot retry now, not at the next unrelated socket event.
    QTimer::singleShot(0, this, [this] {
        if (m_state == State::Connected && !m_openOwner)
            step();
    });
}

void SshSession::abandonOpen(const void *owner, std::function<bool(_LIBSSH2_SESSION *)> finish)
{
    if (!owner || m_openOwner != owner || !m_ssh || m_state != State::Connected)
        return;
    m_openOwner = &m_abandonedOpen; // nobody else may start an open until it is finished
    m_abandonedOpen = std::move(finish);
    QTimer::singleShot(0, this, [this] {
        if (m_state == State::Connected)
            step();
    });
}

void SshSession::teardown()
{
    if (m_tearingDown)
        return;
    m_tearingDown = true;
    m_openOwner = nullptr;
    m_abandonedOpen = nullptr;
    m_connectTimer.stop();
    m_keepaliveTimer.stop();
    m_idleCheckTimer.stop();
    m_waitingForUser = false;
    m_idleDataPending = false;
    if (m_lookupId >= 0) {
        QHostInfo::abortHostLookup(m_lookupId);
        m_lookupId = -1;
    }
    m_auth.reset();
    if (m_ssh) {
        emit aboutToClose(); // channels free their handles while the session still exists
        libssh2_session_disconnect(m_ssh.get(), "closed by TiDesk");
        // After shutdown() every send/recv fails at once, so freeing in blocking mode cannot
        // wait on the network - and in non-blocking mode libssh2_session_free could stop at
        // EAGAIN and leak the session.
        if (m_fd >= 0)
            ::shutdown(m_fd, SHUT_RDWR);
        libssh2_session_set_blocking(m_ssh.get(), 1);
        m_ssh.reset();
    }
    closeSocket();
    m_tearingDown = false;
}

} // namespace TiDesk
