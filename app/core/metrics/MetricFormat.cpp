#include "MetricFormat.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

// 3 significant digits, at most 2 decimals, never an exponent.
QString number(double v)
{
    const double a = std::fabs(v);
    const int decimals = a >= 100 ? 0 : a >= 10 ? 1 : 2;
    return QString::number(v, 'f', decimals);
}

} // namespace

QString MetricFormat::format(double value, MetricUnit unit)
{
    if (!std::isfinite(value))
        return u"-"_s;
    switch (unit) {
    case MetricUnit::Count:
        return std::fabs(value - std::round(value)) < 1e-9 ? QString::number(qint64(value))
                                                           : number(value);
    case MetricUnit::PerSecond:
        //: a rate, e.g. "420/s"
        return tr("%1/s").arg(number(value));
    case MetricUnit::Seconds:
        if (std::fabs(value) < 1.0)
            //: milliseconds
            return tr("%1 ms").arg(number(value * 1000.0));
        //: seconds
        return tr("%1 s").arg(number(value));
    case MetricUnit::Bytes: {
        static const char *const units[] = { "B", "KiB", "MiB", "GiB", "TiB", "PiB" };
        double v = value;
        int i = 0;
        while (std::fabs(v) >= 1024.0 && i < 5) {
            v /= 1024.0;
            ++i;
        }
        return i == 0 ? u"%1 B"_s.arg(qint64(v))
                      : u"%1 %2"_s.arg(number(v), QString::fromLatin1(units[i]));
    }
    case MetricUnit::Ratio: return u"%1 %"_s.arg(number(value * 100.0));
    case MetricUnit::Cores:
        //: CPU usage in cores, e.g. "0.75 cores"
        return tr("%1 cores").arg(number(value));
    }
    return number(value);
}

QString MetricFormat::unitName(MetricUnit unit)
{
    switch (unit) {
    case MetricUnit::Count: return u"count"_s;
    case MetricUnit::PerSecond: return u"per_second"_s;
    case MetricUnit::Seconds: return u"seconds"_s;
    case MetricUnit::Bytes: return u"bytes"_s;
    case MetricUnit::Ratio: return u"ratio"_s;
    case MetricUnit::Cores: return u"cores"_s;
    }
    return u"count"_s;
}

} // namespace TiDesk
