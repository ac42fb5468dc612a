#include "MetricFormat.h"

#include <QLocale>
#include <cmath>
#include <utility>

namespace TiDesk {

namespace {

// A displayed unit: the value is divided by divisor, then formatted with the pattern ("%1 ms").
struct Scale
{
    double divisor = 1;
    int index = 0; // position in the unit's ladder, to compare scales
};

Scale scaleFor(double magnitude, MetricUnit unit)
{
    const double m = std::abs(magnitude);
    switch (unit) {
    case MetricUnit::Seconds: return m < 1.0 ? Scale { 1e-3, 0 } : Scale { 1.0, 1 };
    case MetricUnit::Bytes: {
        int i = 0;
        double d = 1;
        while (i < 4 && m >= d * 1024.0) {
            d *= 1024.0;
            ++i;
        }
        return { d, i };
    }
    case MetricUnit::Ratio: return { 0.01, 0 };
    case MetricUnit::Count:
    case MetricUnit::PerSecond: {
        int i = 0;
        double d = 1;
        while (i < 3 && m >= d * 1000.0) {
            d *= 1000.0;
            ++i;
        }
        return { d, i };
    }
    case MetricUnit::Cores: return { 1.0, 0 };
    }
    return {};
}

// Puts the unit on a formatted number.
QString withUnit(const QString &number, MetricUnit unit, const Scale &s)
{
    switch (unit) {
    case MetricUnit::Seconds:
        //: %1 is a number; milliseconds / seconds
        return s.index == 0 ? MetricFormat::tr("%1 ms").arg(number)
                            : MetricFormat::tr("%1 s").arg(number);
    case MetricUnit::Bytes:
        switch (s.index) {
        //: %1 is a number; bytes
        case 0: return MetricFormat::tr("%1 B").arg(number);
        //: %1 is a number; kibibytes (1024 bytes)
        case 1: return MetricFormat::tr("%1 KiB").arg(number);
        //: %1 is a number; mebibytes
        case 2: return MetricFormat::tr("%1 MiB").arg(number);
        //: %1 is a number; gibibytes
        case 3: return MetricFormat::tr("%1 GiB").arg(number);
        //: %1 is a number; tebibytes
        default: return MetricFormat::tr("%1 TiB").arg(number);
        }
    //: %1 is a number; percent
    case MetricUnit::Ratio: return MetricFormat::tr("%1%").arg(number);
    case MetricUnit::Count:
    case MetricUnit::PerSecond: {
        QString n;
        switch (s.index) {
        case 0: n = number; break;
        //: %1 is a number; thousands (12.3k)
        case 1: n = MetricFormat::tr("%1k").arg(number); break;
        //: %1 is a number; millions (12.3M)
        case 2: n = MetricFormat::tr("%1M").arg(number); break;
        //: %1 is a number; billions (12.3G)
        default: n = MetricFormat::tr("%1G").arg(number); break;
        }
        //: %1 is a count, e.g. 12.3k; per second
        return unit == MetricUnit::PerSecond ? MetricFormat::tr("%1/s").arg(n) : n;
    }
    case MetricUnit::Cores:
        //: %1 is a number of CPU cores (CPU seconds per second), e.g. 0.75 or 1.5
        return MetricFormat::tr("%1 cores").arg(number);
    }
    return number;
}

// "12.50" -> "12.5", "3.00" -> "3" in the locale's own decimal point.
QString dropTrailingZeros(QString s, const QLocale &locale)
{
    const QString point = locale.decimalPoint();
    if (!s.contains(point))
        return s;
    while (s.endsWith(locale.zeroDigit()))
        s.chop(locale.zeroDigit().size());
    if (s.endsWith(point))
        s.chop(point.size());
    return s;
}

double niceStep(double raw)
{
    if (!(raw > 0) || !std::isfinite(raw))
        return 1;
    const double exp = std::floor(std::log10(raw));
    const double base = std::pow(10.0, exp);
    const double f = raw / base * (1 - 1e-9); // 0.2 / 0.1 is 2.0000000000000004
    const double nice = f <= 1.0 ? 1.0 : f <= 2.0 ? 2.0 : f <= 5.0 ? 5.0 : 10.0;
    return nice * base;
}

// A flat line still needs an axis: one of the smallest displayed units above zero.
double defaultSpan(MetricUnit unit)
{
    switch (unit) {
    case MetricUnit::Seconds: return 1e-3;
    case MetricUnit::Bytes: return 1024;
    case MetricUnit::Ratio: return 0.01;
    case MetricUnit::Count:
    case MetricUnit::PerSecond:
    case MetricUnit::Cores: return 1;
    }
    return 1;
}

} // namespace

QString MetricFormat::value(double v, MetricUnit unit)
{
    const QLocale locale;
    if (!std::isfinite(v))
        return QStringLiteral("\u2013"); // en dash
    if (v == 0)
        return withUnit(locale.toString(0), unit, scaleFor(0, unit));
    Scale s = scaleFor(v, unit);
    for (int pass = 0;; ++pass) {
        const double shown = v / s.divisor;
        const int magnitude = int(std::floor(std::log10(std::abs(shown)) + 1e-9));
        const int decimals = qBound(0, 2 - magnitude, 6);
        // 999.7 rounds to "1000": say "1k" instead (and 1023.9 B "1 KiB", 0.9996 s "1 s").
        const double factor = std::pow(10.0, decimals);
        const double rounded = std::round(shown * factor) / factor;
        const Scale up = scaleFor(rounded * s.divisor, unit);
        if (up.index != s.index && pass == 0) {
            s = up;
            continue;
        }
        return withUnit(dropTrailingZeros(locale.toString(rounded, 'f', decimals), locale), unit,
                        s);
    }
}

MetricFormat::Axis MetricFormat::axis(double lo, double hi, MetricUnit unit, int targetTicks)
{
    if (!std::isfinite(lo) || !std::isfinite(hi)) {
        lo = 0;
        hi = 0;
    }
    if (hi < lo)
        std::swap(lo, hi);
    if (hi == lo) {
        const double span = lo == 0 ? defaultSpan(unit) : std::abs(lo) * 0.5;
        if (lo >= 0)
            hi = lo + span;
        else
            lo -= span;
        if (hi < 0)
            hi = 0;
    }
    targetTicks = qMax(1, targetTicks);

    Axis a;
    // Pick the displayed unit from the data, then again from the rounded-up top tick: a top of
    // 0.95 s ticks up to 1 s, so the axis reads "0 s .. 1 s", not "0 ms .. 1000 ms".
    Scale s = scaleFor(qMax(std::abs(lo), std::abs(hi)), unit);
    double step = 0, first = 0, last = 0;
    for (int pass = 0; pass < 2; ++pass) {
        const double slo = lo / s.divisor;
        const double shi = hi / s.divisor;
        step = niceStep((shi - slo) / targetTicks);
        if (unit == MetricUnit::Count && s.index == 0)
            step = qMax(step, 1.0); // no "2.5 connections"
        first = std::floor(slo / step + 1e-9) * step;
        last = std::ceil(shi / step - 1e-9) * step;
        const Scale top = scaleFor(qMax(std::abs(first), std::abs(last)) * s.divisor, unit);
        if (top.index == s.index)
            break;
        s = top;
    }
    const QLocale locale;
    const int decimals = qMax(0, -int(std::floor(std::log10(step) + 1e-9)));
    const int count = int(std::llround((last - first) / step));
    for (int i = 0; i <= count; ++i) {
        double t = first + i * step;
        if (std::abs(t) < step * 1e-9)
            t = 0; // no "-0"
        a.ticks.append(t * s.divisor);
        // Zero reads "0 s" or "0 GiB", not "0.0 s", and "0/s", not "0k/s".
        const bool suffixed = unit == MetricUnit::Count || unit == MetricUnit::PerSecond;
        a.labels.append(t == 0
                            ? withUnit(locale.toString(0), unit, suffixed ? scaleFor(0, unit) : s)
                            : withUnit(locale.toString(t, 'f', decimals), unit, s));
    }
    a.min = a.ticks.first();
    a.max = a.ticks.last();
    return a;
}

} // namespace TiDesk
