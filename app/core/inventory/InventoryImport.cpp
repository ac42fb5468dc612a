#include "inventory/InventoryImport.h"

#include "inventory/ImportInput.h"
#include "inventory/InventoryImporter.h"
#include "inventory/InventoryStore.h"
#include "inventory/LocalSandbox.h"
#include "secrets/CredentialStore.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace TiDesk {

bool ImportPlan::isSingleTiupCluster() const
{
    return environments.size() == 1 && formatName.startsWith(u"tiup-"_s);
}

Result<ImportPlan> InventoryImport::planFile(const QString &path, const ImportOptions &options)
{
    const Result<QByteArray> content = ImportInput::readFile(path);
    if (!content)
        return content.error();
    const InventoryFormat format = InventoryImporter::guessFormat(path, *content);
    Result<EnvironmentList> envs = InventoryImporter::importData(*content, path, options, format);
    bool nameRequired = false;
    if (!envs && format == InventoryFormat::TiupTopology && options.name.trimmed().isEmpty()) {
        // When the same file parses once given a name, the name was all that was missing.
        ImportOptions named = options;
        named.name = u"unnamed-cluster"_s;
        Result<EnvironmentList> retry
            = InventoryImporter::importData(*content, path, named, format);
        if (retry) {
            envs = std::move(retry);
            nameRequired = true;
        }
    }
    if (!envs)
        return envs.error();
    ImportPlan plan;
    plan.nameRequired = nameRequired;
    plan.sourcePath = path;
    plan.formatName = InventoryImporter::formatName(format);
    plan.environments = std::move(envs).value();
    return plan;
}

Result<ImportPlan> InventoryImport::planSandbox(const LocalSandbox &sandbox)
{
    Result<ImportPlan> plan = planFile(sandbox.inventoryPath());
    if (!plan)
        return plan.error();
    const QString password = sandbox.adminPassword();
    if (password.isEmpty())
        return Error::make(ErrorKind::InvalidInput,
                           tr("The sandbox in %1 names no admin password.").arg(sandbox.dir()));
    const QStringList names = sandbox.environmentNames();
    for (const Environment &env : std::as_const(plan->environments))
        if (names.contains(env.name, Qt::CaseInsensitive))
            plan->passwords.insert(env.name, password);
    return plan;
}

Result<EnvironmentList> InventoryImport::apply(InventoryStore &inventory, CredentialStore *secrets,
                                               const ImportPlan &plan)
{
    if (plan.environments.isEmpty())
        return Error::make(ErrorKind::InvalidInput, tr("There is nothing to import."));
    if (plan.nameRequired)
        return Error::make(ErrorKind::InvalidInput,
                           tr("%1 does not name its cluster: give the environment a name.")
                               .arg(ImportInput::displayName(plan.sourcePath)));
    if (!plan.passwords.isEmpty()) {
        if (!secrets)
            return Error::make(ErrorKind::Unsupported,
                               tr("No secret store is open: the passwords cannot be stored."));
        if (!secrets->isAvailable())
            return Error::make(
                ErrorKind::Crypto,
                secrets->backendName() == u"vault"
                    ? tr("The vault is locked: unlock it to store the passwords.")
                    : tr("The secret store is not available: the passwords cannot be stored."));
    }
    // Which ids are there already: a failed password write takes back only what was new.
    const Result<EnvironmentList> before = inventory.load();
    if (!before)
        return before.error();
    QSet<QUuid> existing;
    for (const Environment &e : *before)
        existing.insert(e.id);
    Result<EnvironmentList> saved = inventory.saveAll(plan.environments);
    if (!saved)
        return saved.error();
    for (const Environment &env : std::as_const(*saved)) {
        const auto password = plan.passwords.constFind(env.name);
        if (password == plan.passwords.cend())
            continue;
        const VoidResult written = secrets->write(env.passwordSecretKey(), *password);
        if (written)
            continue;
        // All or nothing: take back what this import added (ids that were new).
        for (const Environment &added : std::as_const(*saved)) {
            if (existing.contains(added.id))
                continue;
            (void)secrets->remove(added.passwordSecretKey());
            (void)inventory.remove(added.id);
        }
        Error e = written.error();
        //: %1 = environment name, %2 = why the secret store refused
        e.message = tr("The password of %1 could not be stored: %2").arg(env.name, e.message);
        return e;
    }
    return saved;
}

} // namespace TiDesk
