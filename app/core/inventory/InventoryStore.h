// InventoryStore: the environment inventory, persisted in SQLite (schema-versioned, migrated
// on open, every change in one transaction so kill -9 mid-write loses nothing already saved).
// Holds no secrets.
//
// Threading: thread-safe. Each calling thread gets its own SQLite connection (QtSql connections
// are thread-bound); calls are serialised by an internal mutex. Calls do file I/O, so the GUI
// runs them through QtConcurrent (loading at start-up before the window shows is the exception).
#pragma once

#include "common/Result.h"
#include "inventory/Environment.h"

#include <QCoreApplication>
#include <QMutex>
#include <QString>
#include <QUuid>
#include <memory>

namespace TiDesk {

class InventoryStore final
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::InventoryStore)
public:
    // PRAGMA user_version of the newest schema this build writes (see the migration list in
    // InventoryStore.cpp). Files stamped with a higher version are refused, never downgraded.
    static constexpr int kSchemaVersion = 3;
    // PRAGMA application_id stamped on every TiDesk inventory ("TiDk"): tells our file apart
    // from any other SQLite database the user might point us at.
    static constexpr int kApplicationId = 0x5469446b;

    // Opens (creating if needed) and migrates the database at path. Fails with a clear error
    // when the file is not a TiDesk inventory or was written by a newer TiDesk.
    [[nodiscard]] static Result<std::shared_ptr<InventoryStore>> open(const QString &path);
    ~InventoryStore();
    InventoryStore(const InventoryStore &) = delete;
    InventoryStore &operator=(const InventoryStore &) = delete;

    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] Result<int> schemaVersion() const;

    // All environments, ordered by Environment::sortsBefore (prod first, then name).
    [[nodiscard]] Result<EnvironmentList> load() const;
    [[nodiscard]] Result<Environment> find(const QUuid &id) const;
    [[nodiscard]] Result<Environment> findByName(const QString &name) const; // case-insensitive
    // Insert or update by id (a null id gets a fresh one; the saved copy is returned).
    // Validates first; a duplicate name is an InvalidInput error.
    [[nodiscard]] Result<Environment> save(const Environment &env);
    // Saves all or nothing (one transaction): used by importers.
    [[nodiscard]] Result<EnvironmentList> saveAll(const EnvironmentList &envs);
    [[nodiscard]] VoidResult remove(const QUuid &id);

private:
    explicit InventoryStore(QString path);
    struct Private;
    std::unique_ptr<Private> d;
    QString m_path;
};

} // namespace TiDesk
