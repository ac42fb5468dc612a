// AppContext: the composition root shared by tidesk and tidesk-cli. Constructs the long-lived
// core services (activity log, thread pool, SSH bastion tunnels, inventory, credential store),
// hands them out as CoreServices, and shuts them down in order (SSH routes cancelled, pool
// drained, then the tunnels' thread and the stores go away).
// Lives on the main thread; no singletons anywhere else.
#pragma once

#include "CoreServices.h"
#include "SshConnectOptions.h"
#include "common/Result.h"

#include <QString>
#include <QThread>
#include <QThreadPool>
#include <memory>

namespace TiDesk {

class ActivityLog;
class AuditLog;
class BastionTunnels;
class CredentialStore;
class VaultFileStore;

class AppContext final
{
public:
    struct Options
    {
        QString inventoryPath; // empty = AppPaths::defaultInventoryPath()
        QString vaultPath; // empty = AppPaths::defaultVaultPath()
        QString secretsBackend; // empty = AppSettings; else auto | keychain | vault
        // Unknown bastion host keys: the GUI asks (Ask), the CLI refuses unless
        // --accept-new-host-key (AcceptNew). A changed key is always refused.
        HostKeyPolicy hostKeyPolicy = HostKeyPolicy::Strict;
    };

    explicit AppContext(Options options);
    ~AppContext();
    AppContext(const AppContext &) = delete;
    AppContext &operator=(const AppContext &) = delete;

    // Opens the inventory and picks the credential store. Call once, before using services().
    [[nodiscard]] VoidResult open();

    [[nodiscard]] CoreServices services() const;
    [[nodiscard]] BastionTunnels *tunnels() const { return m_tunnels.get(); }
    // Non-null when the credential store is the vault (it may still be locked).
    [[nodiscard]] VaultFileStore *vault() const;
    // One line for status bars and `tidesk-cli`: which backend and why.
    [[nodiscard]] QString secretsDescription() const { return m_secretsDescription; }

private:
    Options m_options;
    std::unique_ptr<ActivityLog> m_activityLog;
    std::unique_ptr<AuditLog> m_audit;
    QThreadPool m_pool;
    std::unique_ptr<BastionTunnels> m_tunnels;
    CoreServices m_services;
    std::unique_ptr<CredentialStore> m_secrets;
    VaultFileStore *m_vault = nullptr; // == m_secrets when the vault is the backend
    QString m_secretsDescription;
};

} // namespace TiDesk
