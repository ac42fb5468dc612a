#include "SessionKiller.h"

#include "health/SqlPassword.h"
#include "sessions/AuditLog.h"
#include "tunnel/BastionTunnels.h"

#include <QFutureWatcher>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace TiDesk {

SessionKiller::SessionKiller(CoreServices services, Options options, QObject *parent)
    : QObject(parent)
    , m_services(std::move(services))
    , m_options(std::move(options))
{
    qRegisterMetaType<TiDesk::KillOutcome>();
    QString &schema = m_options.settings.dialect.catalogSchema;
    const bool defaultSchema = schema.trimmed().isEmpty()
        || schema.compare(u"INFORMATION_SCHEMA"_s, Qt::CaseInsensitive) == 0;
    if (defaultSchema && !m_services.tidbCatalogSchema.isEmpty())
        schema = m_services.tidbCatalogSchema; // the sandbox demo's TiDB fixture
    if (!m_options.auditPath.isEmpty())
        m_audit = std::make_shared<AuditLog>(m_options.auditPath);
    else if (m_services.audit)
        // The application's one audit log; its owner (AppContext) drains the pool first.
        m_audit = std::shared_ptr<AuditLog>(m_services.audit, [](AuditLog *) {});
    else
        m_audit = std::make_shared<AuditLog>(AuditLog::defaultPath());
}

SessionKiller::~SessionKiller() = default;

QString SessionKiller::auditPath() const
{
    return m_audit->path();
}

quint64 SessionKiller::kill(const KillRequest &request, Callback done)
{
    const quint64 id = m_nextId++;
    ++m_pending;
    QThreadPool *pool = m_services.pool ? m_services.pool : QThreadPool::globalInstance();
    CredentialStore *secrets = m_services.secrets;
    EndpointRouter *router = m_services.tunnels;
    ActivityLog *activityLog = m_services.activityLog;
    std::shared_ptr<AuditLog> audit = m_audit;
    const KillSettings settings = m_options.settings;

    QFuture<KillOutcome> future = QtConcurrent::run(
        pool, [request, secrets, router, activityLog, audit, settings]() -> KillOutcome {
            KillExecutor::Context ctx;
            ctx.activityLog = activityLog;
            ctx.audit = audit.get();
            ctx.settings = settings;
            SqlPassword pw = readSqlPassword(request.env, secrets);
            if (!pw.ok())
                return KillExecutor::refuse(
                    request, KillOutcome::Status::Failed,
                    tr("Cannot read the password of %1, so nothing was killed: %2")
                        .arg(request.env.name, pw.error.message),
                    pw.error, ctx);
            ctx.password = pw.password;
            pw.password.fill(u'\0');
            ctx.route = SshRoute::fromStore(request.env, secrets, router);
            KillOutcome out = KillExecutor::run(request, ctx);
            ctx.password.fill(u'\0');
            ctx.route.sshSecret.fill(u'\0');
            return out;
        });

    auto *watcher = new QFutureWatcher<KillOutcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, id, done] {
        const KillOutcome outcome = watcher->result();
        watcher->deleteLater();
        --m_pending;
        if (done)
            done(outcome);
        emit killFinished(id, outcome);
    });
    watcher->setFuture(future);
    return id;
}

} // namespace TiDesk
