// AlertmanagerParser: the body of `GET /api/v2/alerts` -> AlertList, or an Error a DBA can act
// on when the thing at that URL is not an Alertmanager (an HTML login page of a proxy, a
// Prometheus, garbage, an error body). Never throws; malformed entries inside an otherwise valid
// array are skipped and counted. Pure; any thread.
#pragma once

#include "alerts/Alert.h"
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
};

} // namespace TiDesk
