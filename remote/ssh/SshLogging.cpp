#include "SshLogging.h"

namespace TiDesk {
Q_LOGGING_CATEGORY(lcSsh, "tidesk.ssh", QtInfoMsg)
} // namespace TiDesk
