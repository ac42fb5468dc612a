// Logging category of the SSH transport ("tidesk.ssh"). Never log a secret: passphrases,
// passwords and private keys are not passed to it. Any thread.
#pragma once

#include <QLoggingCategory>

namespace TiDesk {
Q_DECLARE_LOGGING_CATEGORY(lcSsh)
} // namespace TiDesk
