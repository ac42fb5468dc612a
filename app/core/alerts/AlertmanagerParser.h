// AlertmanagerParser: the bodies of Alertmanager's API v2 answers -> values: `GET /api/v2/alerts`
// -> AlertList, `GET /api/v2/silences` -> SilenceList, `POST /api/v2/silences` -> the new
// silence's id, `DELETE /api/v2/silence/{id}` -> ok; or an Error a DBA can act on when the thing
// at that URL is not an Alertmanager (an HTML login page of a proxy, a Prometheus, garbage) or
// Alertmanager refused (its error text - a JSON string or {"message": ...} - is shown). Never
// throws; malformed entries inside an otherwise valid array are skipped and counted. Pure; any
// thread.
#pragma once

#include "alerts/Alert.h"
#include "alerts/Silence.h"
#include "common/Result.h"

#include <QByteArray>
#include <QCoreApplication>

namespace TiDesk {

class AlertmanagerParser
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::AlertmanagerParser)

public:
    struct Parsed
    {
        AlertList alerts;
        int skipped = 0; // array entries that were not alert objects
    };

    // httpStatus: the HTTP status (200 expected); url: for the messages only.
    [[nodiscard]] static Result<Parsed> parseAlerts(const QByteArray &body, int httpStatus,
                                                    const QString &url);

    struct ParsedSilences
    {
        SilenceList silences; // active first, then pending, then expired; by end time
        int skipped = 0;
    };
    // activeOnly: keep the silences whose status.state is "active" (the API has no such filter).
    [[nodiscard]] static Result<ParsedSilences>
    parseSilences(const QByteArray &body, int httpStatus, const QString &url, bool activeOnly);
    // `POST /api/v2/silences` answer {"silenceID": "..."} -> the id.
    [[nodiscard]] static Result<QString> parseSilenceCreated(const QByteArray &body, int httpStatus,
                                                             const QString &url);
    // `DELETE /api/v2/silence/{id}`: 200 = expired; anything else = what Alertmanager said.
    [[nodiscard]] static VoidResult parseSilenceExpired(const QByteArray &body, int httpStatus,
                                                        const QString &url);

    // A non-2xx answer -> Error (kind Server; NotFound for "silence not found"; message
    // "Alertmanager at URL answered HTTP 400: <its text>"), detail = the raw body's start.
    [[nodiscard]] static Error httpError(const QByteArray &body, int httpStatus,
                                         const QString &url);
};

} // namespace TiDesk
