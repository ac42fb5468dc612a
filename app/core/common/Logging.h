// Logging categories, one per core module. Never log a secret: passwords, passphrases,
// keys and storage-URL credentials are redacted before they reach any of these.
#pragma once

#include <QLoggingCategory>

namespace TiDesk {
Q_DECLARE_LOGGING_CATEGORY(lcCore)
Q_DECLARE_LOGGING_CATEGORY(lcSql)
Q_DECLARE_LOGGING_CATEGORY(lcInventory)
Q_DECLARE_LOGGING_CATEGORY(lcSecrets)
Q_DECLARE_LOGGING_CATEGORY(lcUi)
} // namespace TiDesk
