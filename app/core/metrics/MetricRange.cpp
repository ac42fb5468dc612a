#include "MetricRange.h"

#include <array>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

constexpr qint64 kSecond = 1000;
constexpr qint64 kMinute = 60 * kSecond;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;

constexpr std::array kNiceSteps {
    5 * kSecond, 10 * kSecond, 15 * kSecond, 30 * kSecond, kMinute, 2 * kMinute,
    5 * kMinute, 10 * kMinute, 15 * kMinute, 30 * kMinute, kHour,   2 * kHour,
    3 * kHour,   6 * kHour,    12 * kHour,   kDay,
};

struct Preset
{
    const char16_t *name;
    qint64 spanMs;
};
constexpr std::array kPresets {
    Preset { u"15m", 15 * kMinute }, Preset { u"1h", kHour },    Preset { u"6h", 6 * kHour },
    Preset { u"24h", kDay },         Preset { u"7d", 7 * kDay },
};

qint64 alignDown(qint64 v, qint64 step)
{
    return v - (((v % step) + step) % step);
}

} // namespace

qint64 MetricRange::chooseStepMs(qint64 spanMs)
{
    const qint64 wanted = std::max(kMinStepMs, (spanMs + kMaxPoints - 1) / kMaxPoints);
    for (qint64 s : kNiceSteps)
        if (s >= wanted)
            return s;
    return (wanted + kDay - 1) / kDay * kDay; // longer than 1,000 days: whole days
}

QString MetricRange::promDuration(qint64 ms)
{
    const qint64 s = std::max<qint64>(1, ms / 1000);
    if (s % 86400 == 0)
        return u"%1d"_s.arg(s / 86400);
    if (s % 3600 == 0)
        return u"%1h"_s.arg(s / 3600);
    if (s % 60 == 0)
        return u"%1m"_s.arg(s / 60);
    return u"%1s"_s.arg(s);
}

QString MetricRange::rateWindow(qint64 stepMs)
{
    return promDuration(std::max(kMinute, 2 * stepMs));
}

QStringList MetricRange::presets()
{
    QStringList out;
    for (const Preset &p : kPresets)
        out << QString::fromUtf16(p.name);
    return out;
}

Result<MetricRange> MetricRange::custom(qint64 fromMs, qint64 toMs)
{
    if (fromMs >= toMs)
        return Error::make(ErrorKind::InvalidInput,
                           tr("The time range is empty: 'from' must be before 'to'."));
    if (toMs - fromMs > 400 * kDay)
        return Error::make(ErrorKind::InvalidInput,
                           tr("The time range is longer than 400 days: choose a shorter one."));
    MetricRange r;
    r.stepMs = chooseStepMs(toMs - fromMs);
    r.fromMs = alignDown(fromMs, r.stepMs);
    r.toMs = alignDown(toMs + r.stepMs - 1, r.stepMs);
    // Alignment can add a step at each end: keep within kMaxPoints by moving the start.
    while (r.pointCount() > kMaxPoints + 1)
        r.fromMs += r.stepMs;
    return r;
}

Result<MetricRange> MetricRange::fromPreset(const QString &preset, qint64 nowMs)
{
    for (const Preset &p : kPresets)
        if (preset == QStringView(p.name))
            return custom(nowMs - p.spanMs, nowMs);
    return Error::make(
        ErrorKind::InvalidInput,
        //: %1 = what the user typed, %2 = list like "15m, 1h, 6h"
        tr("Unknown time range '%1' (one of: %2)").arg(preset, presets().join(u", "_s)));
}

} // namespace TiDesk
