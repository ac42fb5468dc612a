// MetricRange: the time window a chart shows and the step it is asked at. Presets 15m, 1h, 6h,
// 24h, 7d (ending now) or a custom [from, to]. The step keeps a range at <= ~1,000 points
// (kMaxPoints) and never below 5 s, rounded up to a "nice" value (5 s, 10 s, 15 s, 30 s, 1 m, 2 m,
// 5 m, 10 m, 15 m, 30 m, 1 h, ...) so consecutive refreshes hit the same aligned timestamps;
// from/to are aligned to the step. rateWindow() is the [range] of the rate()s at that step.
// Pure value type; any thread.
#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace TiDesk {

struct MetricRange
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::MetricRange)

public:
    static constexpr int kMaxPoints = 1000;
    static constexpr qint64 kMinStepMs = 5000;

    qint64 fromMs = 0; // ms since epoch (UTC), aligned down to stepMs
    qint64 toMs = 0; // aligned up to stepMs (may be up to one step past "now")
    qint64 stepMs = kMinStepMs;

    [[nodiscard]] qint64 pointCount() const
    {
        return stepMs > 0 ? (toMs - fromMs) / stepMs + 1 : 0;
    }

    // The window [nowMs - preset, nowMs]. preset: "15m", "1h", "6h", "24h", "7d" (presets()).
    [[nodiscard]] static Result<MetricRange> fromPreset(const QString &preset, qint64 nowMs);
    // A custom window; InvalidInput when from >= to or the window is longer than 400 days.
    [[nodiscard]] static Result<MetricRange> custom(qint64 fromMs, qint64 toMs);
    [[nodiscard]] static QStringList presets();

    // The smallest nice step >= max(5 s, span / kMaxPoints).
    [[nodiscard]] static qint64 chooseStepMs(qint64 spanMs);
    // The rate() window for a step: max(1 m, 2 x step), as a PromQL duration ("1m", "4m", "30m").
    // Two steps, so each window holds at least two samples even when the step is coarser than
    // the scrape interval, and no sample falls between two windows.
    [[nodiscard]] static QString rateWindow(qint64 stepMs);
    // "5s", "2m", "1h", "90s": a PromQL duration for ms (whole seconds).
    [[nodiscard]] static QString promDuration(qint64 ms);
};

} // namespace TiDesk
