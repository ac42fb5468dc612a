// MetricFormat: a value in a chart's MetricUnit as a DBA reads it ("12.3 ms", "1.50 GiB",
// "420/s", "0.75 cores", "42", "12.5 %"), and the unit's stable name for JSON ("seconds",
// "bytes" ...). Used by tidesk-cli metrics; usable by the fleet page and tooltips.
// Pure; any thread.
#pragma once

#include "common/TimeSeries.h"

#include <QCoreApplication>
#include <QString>

namespace TiDesk {

class MetricFormat
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::MetricFormat)

public:
    [[nodiscard]] static QString format(double value, MetricUnit unit);
    // count, per_second, seconds, bytes, ratio, cores
    [[nodiscard]] static QString unitName(MetricUnit unit);
};

} // namespace TiDesk
