#include "BastionTunnelsWorker.h"

#include "SshSession.h"
#include "SshTunnel.h"
#include "common/Logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QMetaMethod>

using namespace Qt::StringLiterals;

namespace TiDesk {

BastionTunnelsWorker::BastionTunnelsWorker(BastionTunnels *owner, BastionTunnels::Options options)
    : m_owner(owner)
    , m_options(std::move(options))
{
    m_idleTimer.setParent(this);
    const auto idle
        = std::max<std::chrono::milliseconds::rep>(250, m_options.idleTimeout.count() / 4);
    m_idleTimer.setInterval(std::min<std::chrono::milliseconds::rep>(idle, 30000));
    connect(&m_idleTimer, &QTimer::timeout, this, &BastionTunnelsWorker::closeIdle);
}

BastionTunnelsWorker::~BastionTunnelsWorker()
{
    closeAll(Error::make(ErrorKind::Cancelled, tr("TiDesk is shutting down its SSH tunnels.")));
}

BastionTunnelsWorker::Bastion *BastionTunnelsWorker::find(const QString &key) const
{
    const auto it = m_bastions.find(key);
    return it == m_bastions.end() ? nullptr : it->second.get();
}

void BastionTunnelsWorker::acquire(const TunnelRequest &request, const RouteWaiterPtr &waiter)
{
    Bastion *b = find(request.bastionKey);
    if (!b)
        b = createBastion(request);
    if (!b->envNames.contains(request.envName) && !request.envName.isEmpty())
        b->envNames << request.envName;
    const Pending p { request, waiter };
    if (b->session->isConnected()) {
        serve(b, p);
        return;
    }
    b->pending.append(p);
    if (b->questionId != 0)
        return; // the DBA is being asked about this host key; the answer resumes every waiter
    if (b->session->state() == SshSession::State::Disconnected
        || b->session->state() == SshSession::State::Error)
        b->session->connectToHost(request.options);
}

BastionTunnelsWorker::Bastion *BastionTunnelsWorker::createBastion(const TunnelRequest &request)
{
    auto owned = std::make_unique<Bastion>();
    Bastion *b = owned.get();
    b->key = request.bastionKey;
    b->display = request.bastionDisplay;
    b->session = new SshSession(this);
    b->session->setObjectName(u"bastion "_s + request.bastionDisplay);
    b->idleSince.start();
    const QString key = b->key;
    connect(b->session, &SshSession::connected, this, [this, key] { onConnected(key); });
    connect(b->session, &SshSession::errorOccurred, this,
            [this, key](const Error &e) { onSessionError(key, e); });
    connect(b->session, &SshSession::disconnected, this, [this, key] {
        removeBastion(key, Error::make(ErrorKind::Connection, tr("the SSH session was closed")),
                      true);
    });
    connect(
        b->session, &SshSession::hostKeyUnknown, this,
        [this, key](const QString &fp, const QString &type) { onHostKeyUnknown(key, fp, type); });
    m_bastions.emplace(key, std::move(owned));
    m_owner->m_sessionCount.store(int(m_bastions.size()));
    if (!m_idleTimer.isActive())
        m_idleTimer.start();
    qCInfo(lcCore).noquote() << "ssh: connecting to bastion" << b->display;
    return b;
}

void BastionTunnelsWorker::serve(Bastion *b, const Pending &p)
{
    const TunnelRequest &r = p.request;
    auto it = b->tunnels.find(r.targetKey);
    if (it == b->tunnels.end() || !it->tunnel->isListening()) {
        if (it != b->tunnels.end()) {
            it->tunnel->deleteLater();
            b->tunnels.erase(it);
        }
        auto *tunnel = new SshTunnel(b->session, r.targetHost, r.targetPort, this);
        const VoidResult listening = tunnel->listen();
        if (!listening) {
            delete tunnel;
            p.waiter->complete(listening.error());
            return;
        }
        const QString key = b->key;
        const QString targetKey = r.targetKey;
        connect(tunnel, &SshTunnel::errorOccurred, this,
                [this, key, targetKey](const Error &e) { onTunnelDown(key, targetKey, e); });
        connect(tunnel, &SshTunnel::connectionFailed, this,
                [this, targetKey, display = b->display](const Error &e) {
                    Error why = e;
                    //: %1 = bastion ("root@10.0.0.1:22"), %2 = why the bastion could not open the
                    //: forward
                    why.message = tr("the bastion %1 could not open the connection: %2")
                                      .arg(display, e.message);
                    recordFailure(targetKey, why);
                });
        connect(tunnel, &SshTunnel::connectionClosed, this, [this, key, targetKey] {
            if (Bastion *bb = find(key); bb && bb->tunnels.contains(targetKey)) {
                bb->tunnels[targetKey].idleSince.restart();
                bb->idleSince.restart();
            }
        });
        Tunnel t;
        t.tunnel = tunnel;
        t.targetKey = r.targetKey;
        t.idleSince.start();
        it = b->tunnels.insert(r.targetKey, t);
    }
    it->idleSince.restart();
    b->idleSince.restart();
    m_failures.remove(r.targetKey);
    p.waiter->complete(DialAddress { u"127.0.0.1"_s, int(it->tunnel->localPort()), b->display });
}

void BastionTunnelsWorker::onConnected(const QString &key)
{
    Bastion *b = find(key);
    if (!b)
        return;
    qCInfo(lcCore).noquote() << "ssh: bastion" << b->display << "connected in"
                             << b->session->connectMs() << "ms (" << b->session->authMethod()
                             << ')';
    b->everConnected = true;
    const QList<Pending> pending = std::exchange(b->pending, {});
    for (const Pending &p : pending)
        serve(b, p);
}

void BastionTunnelsWorker::onSessionError(const QString &key, const Error &error)
{
    Bastion *b = find(key);
    if (!b)
        return;
    removeBastion(key, error, b->everConnected);
}

void BastionTunnelsWorker::removeBastion(const QString &key, const Error &reason, bool wasConnected)
{
    const auto it = m_bastions.find(key);
    if (it == m_bastions.end())
        return;
    std::unique_ptr<Bastion> b = std::move(it->second);
    m_bastions.erase(it);
    m_owner->m_sessionCount.store(int(m_bastions.size()));

    Error why = reason;
    //: %1 = bastion ("root@10.0.0.1:22"), %2 = the SSH error
    why.message = tr("SSH bastion %1: %2").arg(b->display, reason.message);
    for (const Pending &p : std::as_const(b->pending))
        p.waiter->complete(why);
    for (auto t = b->tunnels.cbegin(); t != b->tunnels.cend(); ++t) {
        recordFailure(t.key(), why);
        t->tunnel->disconnect(this);
        t->tunnel->close();
        t->tunnel->deleteLater();
    }
    if (b->promptTimer)
        b->promptTimer->deleteLater();
    b->session->disconnect(this);
    b->session->disconnectFromHost(); // no-op when it already failed
    b->session->deleteLater(); // after the tunnels (posted first)
    if (wasConnected && reason.kind != ErrorKind::Cancelled) {
        qCWarning(lcCore).noquote() << "ssh: bastion" << b->display << "down:" << reason.toString();
        emit m_owner->bastionDown(b->display, why);
    }
}

void BastionTunnelsWorker::onHostKeyUnknown(const QString &key, const QString &fingerprint,
                                            const QString &keyType)
{
    Bastion *b = find(key);
    if (!b)
        return;
    if (!m_owner->isSignalConnected(QMetaMethod::fromSignal(&BastionTunnels::hostKeyQuestion))) {
        b->session->rejectHostKey(); // nobody to ask: behave like Strict
        return;
    }
    HostKeyQuestion q;
    q.id = ++m_nextQuestion;
    q.bastion = b->display;
    q.host = b->session->options().host;
    q.port = b->session->options().port;
    q.keyType = keyType;
    q.fingerprint = fingerprint;
    q.knownHostsFile = b->session->options().knownHostsFile.isEmpty()
        ? QDir::homePath() + u"/.ssh/known_hosts"_s
        : b->session->options().knownHostsFile;
    q.environments = b->envNames;
    b->questionId = q.id;
    b->promptTimer = new QTimer(this);
    b->promptTimer->setSingleShot(true);
    connect(b->promptTimer, &QTimer::timeout, this,
            [this, id = q.id] { answer(id, false, false); });
    b->promptTimer->start(m_options.promptTimeout);
    emit m_owner->hostKeyQuestion(q);
}

void BastionTunnelsWorker::answer(quint64 questionId, bool accept, bool remember)
{
    for (auto &[key, b] : m_bastions) {
        if (b->questionId != questionId || questionId == 0)
            continue;
        b->questionId = 0;
        if (b->promptTimer) {
            b->promptTimer->stop();
            b->promptTimer->deleteLater();
            b->promptTimer = nullptr;
        }
        SshSession *session = b->session;
        if (accept)
            session->acceptHostKey(remember);
        else
            session->rejectHostKey(); // fails the session: every waiter gets the HostKey error
        return;
    }
}

void BastionTunnelsWorker::onTunnelDown(const QString &key, const QString &targetKey,
                                        const Error &error)
{
    recordFailure(targetKey, error);
    Bastion *b = find(key);
    if (!b)
        return;
    const auto it = b->tunnels.find(targetKey);
    if (it == b->tunnels.end())
        return;
    it->tunnel->deleteLater();
    b->tunnels.erase(it);
}

void BastionTunnelsWorker::recordFailure(const QString &targetKey, const Error &error)
{
    Failure f;
    f.error = error;
    f.at.start();
    m_failures.insert(targetKey, f);
}

Error BastionTunnelsWorker::recentFailure(const QString &targetKey, qint64 maxAgeMs) const
{
    const auto it = m_failures.constFind(targetKey);
    if (it == m_failures.cend() || it->at.elapsed() > maxAgeMs)
        return {};
    return it->error;
}

void BastionTunnelsWorker::closeAll(const Error &reason)
{
    QStringList keys;
    for (const auto &[key, b] : m_bastions)
        keys << key;
    for (const QString &key : std::as_const(keys))
        removeBastion(key, reason, false);
}

void BastionTunnelsWorker::closeIdle()
{
    const qint64 limit = m_options.idleTimeout.count();
    QStringList idleBastions;
    for (auto &[key, b] : m_bastions) {
        for (auto t = b->tunnels.begin(); t != b->tunnels.end();) {
            if (t->tunnel->connectionCount() == 0 && t->idleSince.elapsed() >= limit) {
                qCInfo(lcCore).noquote() << "ssh: closing idle tunnel to" << t->tunnel->targetHost()
                                         << t->tunnel->targetPort() << "via" << b->display;
                t->tunnel->disconnect(this);
                t->tunnel->close();
                t->tunnel->deleteLater();
                t = b->tunnels.erase(t);
            } else {
                ++t;
            }
        }
        if (b->tunnels.isEmpty() && b->pending.isEmpty() && b->questionId == 0
            && b->session->isConnected() && b->idleSince.elapsed() >= limit)
            idleBastions << key;
    }
    for (const QString &key : std::as_const(idleBastions)) {
        qCInfo(lcCore).noquote() << "ssh: closing idle bastion session" << find(key)->display;
        removeBastion(key, Error::make(ErrorKind::Cancelled, tr("idle")), false);
    }
    if (m_bastions.empty())
        m_idleTimer.stop();
}

} // namespace TiDesk
