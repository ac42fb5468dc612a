#include "Logging.h"

namespace TiDesk {
Q_LOGGING_CATEGORY(lcCore, "tidesk.core", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSql, "tidesk.sql", QtInfoMsg)
Q_LOGGING_CATEGORY(lcInventory, "tidesk.inventory", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecrets, "tidesk.secrets", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "tidesk.ui", QtInfoMsg)
} // namespace TiDesk
