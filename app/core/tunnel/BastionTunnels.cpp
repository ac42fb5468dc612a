#include "BastionTunnels.h"

#include "BastionConfig.h"
#include "BastionTunnelsWorker.h"
#include "common/Logging.h"
#include "sql/ConnectParams.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

// How long after an SSH failure explainFailure() still blames it for an SQL error.
constexpr qint64 kFailureMemoryMs = 30000;

} // namespace

BastionTunnels::BastionTunnels(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_policy(m_options.hostKeyPolicy)
    , m_thread(std::make_unique<QThread>())
{
    qRegisterMetaType<TiDesk::HostKeyQuestion>();
    qRegisterMetaType<TiDesk::Error>();
    m_thread->setObjectName(u"tidesk-ssh"_s);
    m_worker = new BastionTunnelsWorker(this, m_options);
    m_worker->moveToThread(m_thread.get());
    m_thread->start();
}

BastionTunnels::~BastionTunnels()
{
    m_stopping = true;
    // The worker's destructor closes every session and fails waiting routes (Cancelled); it
    // must run on its own thread, where its sessions and sockets live.
    BastionTunnelsWorker *worker = std::exchange(m_worker, nullptr);
    QMetaObject::invokeMethod(
        worker, [worker] { delete worker; }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

void BastionTunnels::setHostKeyPolicy(HostKeyPolicy policy)
{
    m_policy.store(policy);
}

QString BastionTunnels::targetKey(const ConnectParams &params)
{
    return params.ssh.host + u':' + QString::number(params.ssh.port) + u'|' + params.ssh.user + u'|'
        + params.host + u':' + QString::number(params.port);
}

Result<DialAddress> BastionTunnels::route(const ConnectParams &params)
{
    if (!params.viaSsh())
        return DialAddress { params.host, params.port, QString() };
    if (QThread::currentThread() == m_thread.get())
        return Error::make(ErrorKind::Internal,
                           u"BastionTunnels::route() called on the SSH thread"_s);
    // (A CLI may block its main thread; QFuture::result() may even run a pool task there.)
    if (QCoreApplication::instance()
        && QThread::currentThread() == QCoreApplication::instance()->thread()
        && QCoreApplication::instance()->inherits("QGuiApplication"))
        qCWarning(lcCore)
            << "BastionTunnels::route() blocks: call it from a worker thread, not the GUI thread";
    if (m_stopping)
        return Error::make(ErrorKind::Cancelled, tr("TiDesk is shutting down its SSH tunnels."));
    if (params.ssh.host.trimmed().isEmpty())
        return Error::make(
            ErrorKind::InvalidInput,
            tr("%1 is set to go through an SSH bastion, but no bastion host is configured.")
                .arg(params.envName));

    // Read on every route: the file is tiny and the DBA may have just edited it.
    const QString configPath
        = m_options.sshConfigPath.isEmpty() ? SshConfig::defaultPath() : m_options.sshConfigPath;
    Result<SshConfig> config = SshConfig::load(configPath);
    if (!config)
        return config.error();
    const BastionConfig::Resolved resolved = BastionConfig::resolve(
        params.ssh, params.sshSecret, *config, m_policy.load(), params.connectTimeoutMs);
    TunnelRequest request;
    request.bastionKey = resolved.key;
    request.bastionDisplay = resolved.display;
    request.options = resolved.options;
    request.targetHost = params.host;
    request.targetPort = params.port;
    request.targetKey = targetKey(params);
    request.envName = params.envName;

    auto waiter = std::make_shared<RouteWaiter<Result<DialAddress>>>();
    BastionTunnelsWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, request, waiter] { worker->acquire(request, waiter); },
        Qt::QueuedConnection);
    // The session's own connect timeout ends every attempt; a host-key question may add up to
    // promptTimeout. The extra margin only guards against a stuck event loop.
    const auto budget
        = resolved.options.connectTimeout + m_options.promptTimeout + std::chrono::seconds(5);
    std::optional<Result<DialAddress>> answer = waiter->wait(QDeadlineTimer(budget));
    if (!answer)
        return Error::make(ErrorKind::Timeout,
                           tr("SSH bastion %1 did not answer in time.").arg(resolved.display));
    return std::move(*answer);
}

Error BastionTunnels::explainFailure(const ConnectParams &params, const Error &error) const
{
    if (!params.viaSsh() || m_stopping || QThread::currentThread() == m_thread.get())
        return error;
    // Ask the SSH thread: by the time it runs this, a session teardown that aborted our socket has
    // finished and recorded why (the abort and the record happen in one event-loop step there).
    auto waiter = std::make_shared<RouteWaiter<Error>>();
    BastionTunnelsWorker *worker = m_worker;
    const QString key = targetKey(params);
    QMetaObject::invokeMethod(
        worker,
        [worker, key, waiter] { waiter->complete(worker->recentFailure(key, kFailureMemoryMs)); },
        Qt::QueuedConnection);
    const std::optional<Error> ssh = waiter->wait(QDeadlineTimer(2000));
    Error out = error;
    if (ssh && ssh->isError()) {
        //: %1 = the SQL error ("Lost the connection to 10.0.1.4:4000"), %2 = the SSH cause
        out.message = tr("%1 - %2").arg(error.message, ssh->message);
        out.detail = error.detail.isEmpty() ? ssh->detail : error.detail;
        if (ssh->kind == ErrorKind::Timeout || ssh->kind == ErrorKind::HostKey
            || ssh->kind == ErrorKind::Auth)
            out.kind = ssh->kind;
    }
    if (error.kind == ErrorKind::Tls && params.tls.mode == TlsMode::VerifyIdentity) {
        const QString hint
            = tr("Through an SSH tunnel the connector checks the server certificate against "
                 "127.0.0.1, not %1: add 127.0.0.1 to the certificate or use TLS mode verify_ca.")
                  .arg(params.host);
        out.detail = out.detail.isEmpty() ? hint : out.detail + u'\n' + hint;
    }
    return out;
}

void BastionTunnels::answerHostKey(quint64 questionId, bool accept, bool remember)
{
    BastionTunnelsWorker *worker = m_worker;
    if (!worker)
        return;
    QMetaObject::invokeMethod(
        worker,
        [worker, questionId, accept, remember] { worker->answer(questionId, accept, remember); },
        Qt::QueuedConnection);
}

void BastionTunnels::shutdown()
{
    m_stopping = true;
    closeAll();
}

void BastionTunnels::closeAll()
{
    BastionTunnelsWorker *worker = m_worker;
    if (!worker)
        return;
    QMetaObject::invokeMethod(
        worker,
        [worker] {
            worker->closeAll(Error::make(ErrorKind::Cancelled,
                                         BastionTunnels::tr("The SSH tunnels were closed.")));
        },
        Qt::QueuedConnection);
}

} // namespace TiDesk
