// AssistTransportLog: the logging category of the expert-session transport ("tidesk.assist.
// transport"). Never logs frame contents, keys or the session code.
#pragma once

#include <QLoggingCategory>

namespace TiDesk {
Q_DECLARE_LOGGING_CATEGORY(lcAssistTransport)
} // namespace TiDesk
