// LocalSandbox: a running TiDesk development sandbox (tests/sandbox/sandbox.sh up) found on this
// machine through $TIDESK_SANDBOX_DIR/sandbox.env (default /tmp/tidesk-sandbox). The file is
// read as KEY=VALUE lines (optionally quoted), never run by a shell. It names the sandbox's demo
// inventory (DEMO_INVENTORY), its environments (SANDBOX_ENVS, DEMO_TIDB_ENV) and their admin
// password (ADMIN_PASSWORD), which the first-run screen imports and stores.
// Plain value type; find() reads a file, so call it off the GUI thread.
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>
#include <optional>

namespace TiDesk {

class LocalSandbox final
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::LocalSandbox)
public:
    // $TIDESK_SANDBOX_DIR, else /tmp/tidesk-sandbox.
    [[nodiscard]] static QString defaultDir();
    // The sandbox described by dir/sandbox.env; nullopt when the file is missing, unreadable or
    // names no inventory (no sandbox is running there).
    [[nodiscard]] static std::optional<LocalSandbox> find(const QString &dir = defaultDir());
    // KEY=VALUE lines; blank lines and # comments skipped; a value in matching single or double
    // quotes is unquoted (no expansion of any kind). Lines that are not assignments are ignored.
    [[nodiscard]] static QHash<QString, QString> parseEnvFile(const QByteArray &content);

    [[nodiscard]] QString dir() const { return m_dir; }
    [[nodiscard]] QString value(const QString &key) const { return m_values.value(key); }
    // DEMO_INVENTORY: the TiDesk JSON inventory the sandbox wrote.
    [[nodiscard]] QString inventoryPath() const;
    // SANDBOX_ENVS plus DEMO_TIDB_ENV: the environments that log in with the admin password.
    [[nodiscard]] QStringList environmentNames() const;
    [[nodiscard]] QString adminPassword() const;

private:
    QString m_dir;
    QHash<QString, QString> m_values;
};

} // namespace TiDesk
