// CoreServices: the long-lived core objects the UI and the CLI work with, owned by the
// composition root (app/AppContext) and handed down as non-owning pointers. No singletons.
#pragma once

#include <QString>

#include <memory>

class QThreadPool;

namespace TiDesk {

class ActivityLog;
class AuditLog;
class BastionTunnels;
class CredentialStore;
class InventoryStore;

struct CoreServices
{
    ActivityLog *activityLog = nullptr;
    // Append-only record of kills, rule decisions and guardrail changes (file I/O: pool threads).
    AuditLog *audit = nullptr;
    std::shared_ptr<InventoryStore> inventory;
    CredentialStore *secrets = nullptr; // may be locked (vault) or null before unlock
    QThreadPool *pool = nullptr; // for one-shot background work (QtConcurrent)
    BastionTunnels *tunnels
        = nullptr; // SSH bastion tunnels for SQL (EndpointRouter); may be null in tests
    // TEST SEAM (DialectOptions::catalogSchema): the schema TiDB cluster tables are read from.
    // Empty = INFORMATION_SCHEMA, always in production. The sandbox demo sets it from
    // $TIDESK_TIDB_CATALOG_SCHEMA to show the TiDB pages on its tidb_catalog fixture.
    QString tidbCatalogSchema;
};

} // namespace TiDesk
