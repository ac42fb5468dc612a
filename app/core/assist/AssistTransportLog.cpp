#include "AssistTransportLog.h"

namespace TiDesk {
Q_LOGGING_CATEGORY(lcAssistTransport, "tidesk.assist.transport", QtInfoMsg)
} // namespace TiDesk
