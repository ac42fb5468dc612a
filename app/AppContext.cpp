#include "AppContext.h"

#include "common/AppPaths.h"
#include "common/AppSettings.h"
#include "common/Logging.h"
#include "inventory/InventoryStore.h"
#include "secrets/SecretStoreFactory.h"
#include "sessions/AuditLog.h"
#include "sql/ActivityLog.h"
#include "tunnel/BastionTunnels.h"

#include <QCoreApplication>

namespace TiDesk {

AppContext::AppContext(Options options)
    : m_options(std::move(options))
    , m_activityLog(std::make_unique<ActivityLog>())
    , m_audit(std::make_unique<AuditLog>(AuditLog::defaultPath()))
{
    // SQL connects and checks can each take a connect timeout; keep enough threads that a few
    // dead environments never starve the rest.
    m_pool.setMaxThreadCount(qMax(8, QThread::idealThreadCount() * 2));
    m_pool.setObjectName(QStringLiteral("tidesk-pool"));
    BastionTunnels::Options tunnelOptions;
    tunnelOptions.hostKeyPolicy = m_options.hostKeyPolicy;
    m_tunnels = std::make_unique<BastionTunnels>(tunnelOptions);
}

AppContext::~AppContext()
{
    // Shutdown order: no task may outlive the services it uses. Routes waiting for a bastion
    // (or a host-key answer nobody will give now) are cancelled first so the pool drains fast.
    m_tunnels->shutdown();
    m_pool.clear();
    m_pool.waitForDone();
    m_services = {};
    m_tunnels.reset();
    m_secrets.reset();
}

VoidResult AppContext::open()
{
    const QString inventoryPath = m_options.inventoryPath.isEmpty()
        ? AppPaths::defaultInventoryPath()
        : m_options.inventoryPath;
    auto inventory = InventoryStore::open(inventoryPath);
    if (!inventory)
        return inventory.error();

    const QString backend = m_options.secretsBackend.isEmpty() ? AppSettings().secretsBackend()
                                                               : m_options.secretsBackend;
    const QString vaultPath
        = m_options.vaultPath.isEmpty() ? AppPaths::defaultVaultPath() : m_options.vaultPath;
    // The keychain probe is a D-Bus round trip. It runs once at start-up, before any window
    // exists (docs/architecture.md, "Threads"); on a headless machine it fails in milliseconds.
    auto selection = SecretStoreFactory::select(backend, vaultPath);
    if (!selection)
        return selection.error();
    m_secretsDescription = selection->status;
    m_vault = selection->vault;
    m_secrets = std::move(selection->store);
    qCInfo(lcCore) << "inventory:" << inventoryPath << "-" << m_secretsDescription;

    m_services.activityLog = m_activityLog.get();
    m_services.audit = m_audit.get();
    m_services.inventory = std::move(*inventory);
    m_services.secrets = m_secrets.get();
    m_services.pool = &m_pool;
    m_services.tunnels = m_tunnels.get();
    m_services.tidbCatalogSchema = qEnvironmentVariable("TIDESK_TIDB_CATALOG_SCHEMA").trimmed();
    if (!m_services.tidbCatalogSchema.isEmpty())
        qCInfo(lcCore) << "test seam: TiDB cluster tables are read from schema"
                       << m_services.tidbCatalogSchema << "instead of INFORMATION_SCHEMA";
    return {};
}

CoreServices AppContext::services() const
{
    return m_services;
}

VaultFileStore *AppContext::vault() const
{
    return m_vault;
}

} // namespace TiDesk
