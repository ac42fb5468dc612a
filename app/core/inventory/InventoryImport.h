// InventoryImport: what an import will add (a plan: the parsed environments, where they came
// from, and optionally an SQL password per environment name), and writing that plan into the
// inventory store and the credential store. The store's policy applies: all or nothing, a name
// that already exists with another id refuses the whole import; an environment with the same id
// is updated. Passwords are written after the environments; when one cannot be written the
// environments just added are removed again, so a failed import leaves nothing behind.
// Pure functions over thread-safe stores; they block (SQLite, vault), so run them on a pool.
#pragma once

#include "common/Result.h"
#include "inventory/Environment.h"
#include "inventory/ImportOptions.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

namespace TiDesk {

class CredentialStore;
class InventoryStore;
class LocalSandbox;

struct ImportPlan
{
    QString sourcePath; // the file the environments came from
    QString formatName; // InventoryImporter::formatName (tidesk-json, tiup-topology ...)
    EnvironmentList environments;
    // Environment name -> SQL password to store with it (the sandbox's admin password).
    QHash<QString, QString> passwords;
    // The file does not name its cluster (a TiUP topology.yaml): the one environment carries a
    // placeholder name that the user must replace before apply().
    bool nameRequired = false;
    // One cluster from a TiUP file: its name and tier are the caller's to change.
    [[nodiscard]] bool isSingleTiupCluster() const;
};

class InventoryImport final
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::InventoryImport)
public:
    // Parses a file (format guessed) into a plan; nothing is written. Reads the file. A TiUP
    // topology that does not name its cluster gives a plan with nameRequired set.
    [[nodiscard]] static Result<ImportPlan> planFile(const QString &path,
                                                     const ImportOptions &options = {});
    // The sandbox's demo inventory, with its admin password for each of its environments.
    [[nodiscard]] static Result<ImportPlan> planSandbox(const LocalSandbox &sandbox);
    // Writes the plan. secrets may be null only when the plan holds no passwords; a credential
    // store that is not available (a locked vault) is refused before anything is written, with
    // ErrorKind::Crypto. Returns the environments as saved (with their ids).
    [[nodiscard]] static Result<EnvironmentList>
    apply(InventoryStore &inventory, CredentialStore *secrets, const ImportPlan &plan);
};

} // namespace TiDesk
