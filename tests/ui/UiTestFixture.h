// UiTestFixture: real core services for UI tests: a temporary TIDESK_HOME, a real SQLite
// InventoryStore, a VaultFileStore with a cheap scrypt cost, an ActivityLog and a thread pool.
// Also saves screenshots into $TIDESK_SCREENSHOT_DIR. Header-only; test code only.
#pragma once

#include "CoreServices.h"
#include "inventory/InventoryStore.h"
#include "secrets/VaultFileStore.h"
#include "sessions/AuditLog.h"
#include "sql/ActivityLog.h"

#include <QDir>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QThreadPool>
#include <QWidget>
#include <memory>

namespace TiDesk::Test {

class UiTestFixture
{
public:
    UiTestFixture() = default;
    ~UiTestFixture()
    {
        // Work still queued on the pool uses the stores below: let it finish first.
        pool.waitForDone();
    }

    // Returns an empty string on success, else what failed.
    QString init()
    {
        QStandardPaths::setTestModeEnabled(true);
        if (!dir.isValid())
            return QStringLiteral("no temporary directory");
        qputenv("TIDESK_HOME", dir.path().toUtf8());
        qputenv("XDG_RUNTIME_DIR", dir.path().toUtf8());
        auto inv = InventoryStore::open(dir.filePath(QStringLiteral("inventory.sqlite")));
        if (!inv.ok())
            return inv.error().toString();
        inventory = inv.value();
        VaultKdfParams kdf;
        kdf.n = quint64(1) << 10; // fast for tests
        vault
            = std::make_unique<VaultFileStore>(dir.filePath(QStringLiteral("secrets.vault")), kdf);
        const VoidResult unlocked = vault->unlockOrCreate(QStringLiteral("ui-test passphrase"));
        if (!unlocked.ok())
            return unlocked.error().toString();
        services.activityLog = &log;
        audit = std::make_unique<AuditLog>(dir.filePath(QStringLiteral("audit.jsonl")));
        services.audit = audit.get();
        services.inventory = inventory;
        services.secrets = vault.get();
        services.pool = &pool;
        pool.setMaxThreadCount(qMax(8, QThread::idealThreadCount() * 2)); // like AppContext
        return {};
    }

    static Environment makeEnv(const QString &name, Tier tier, const QString &host, int port,
                               const QString &user = QStringLiteral("dba"))
    {
        Environment e;
        e.name = name;
        e.tier = tier;
        SqlEndpoint ep;
        ep.host = host;
        ep.port = port;
        e.endpoints = { ep };
        e.user = user;
        return e;
    }

    // Saves w's screenshot as $TIDESK_SCREENSHOT_DIR/name (or ./screenshots); returns the path.
    static QString screenshot(QWidget *w, const QString &name)
    {
        QString dirPath = qEnvironmentVariable("TIDESK_SCREENSHOT_DIR");
        if (dirPath.isEmpty())
            dirPath = QDir::currentPath() + QStringLiteral("/screenshots");
        QDir().mkpath(dirPath);
        const QString path = dirPath + QLatin1Char('/') + name;
        return w->grab().save(path) ? path : QString();
    }

    QTemporaryDir dir;
    QThreadPool pool;
    ActivityLog log;
    std::shared_ptr<InventoryStore> inventory;
    std::unique_ptr<VaultFileStore> vault;
    std::unique_ptr<AuditLog> audit;
    CoreServices services;
};

} // namespace TiDesk::Test
