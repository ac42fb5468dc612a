// HttpError: one wording for "could not talk to an HTTP service" (Prometheus, Alertmanager, PD):
// a timeout, a refused connection, an unknown host, a TLS failure, anything else - each with the
// service and its URL in a sentence a DBA can act on and Qt's text as the detail. Used by every
// QNetworkAccessManager client in the core when a reply ended without an HTTP status.
// Pure function; call it on the reply's thread.
#pragma once

#include "common/Error.h"

#include <QString>

#include <chrono>

class QNetworkReply;

namespace TiDesk {

// service: "Prometheus", "Alertmanager", "PD" (a product name, not translated); shownUrl: the
// URL without credentials.
[[nodiscard]] Error httpTransportError(const QNetworkReply *reply, const QString &service,
                                       const QString &shownUrl, std::chrono::milliseconds timeout);

} // namespace TiDesk
