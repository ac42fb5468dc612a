#include "SessionFormat.h"

#include "common/MetricFormat.h"

using namespace Qt::StringLiterals;

namespace TiDesk {

QString SessionFormat::duration(qint64 ms)
{
    ms = qMax<qint64>(0, ms);
    if (ms < 1000)
        //: time a session has been in its command, milliseconds
        return tr("%1 ms").arg(ms);
    const qint64 s = ms / 1000;
    if (s < 60)
        //: time a session has been in its command, seconds
        return tr("%1 s").arg(s);
    if (s < 3600)
        //: minutes and seconds, e.g. "3 min 05 s"
        return tr("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QChar(u'0'));
    if (s < 86400)
        //: hours and minutes, e.g. "2 h 03 min"
        return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QChar(u'0'));
    //: days and hours, e.g. "3 d 04 h"
    return tr("%1 d %2 h").arg(s / 86400).arg((s % 86400) / 3600, 2, 10, QChar(u'0'));
}

QString SessionFormat::bytes(const std::optional<qint64> &value)
{
    if (!value)
        return u"-"_s;
    return MetricFormat::value(double(*value), MetricUnit::Bytes);
}

QString SessionFormat::oneLine(const QString &statement, int maxChars)
{
    QString out;
    out.reserve(maxChars > 0 ? qMin<qsizetype>(statement.size(), maxChars) : statement.size());
    bool pendingSpace = false;
    for (const QChar c : statement) {
        if (c.isSpace()) {
            pendingSpace = !out.isEmpty();
            continue;
        }
        if (pendingSpace) {
            out += u' ';
            pendingSpace = false;
        }
        out += c;
        // Stop early on huge statements (multi-megabyte INSERTs): only the head is shown.
        if (maxChars > 0 && out.size() > maxChars)
            break;
    }
    if (maxChars > 0 && out.size() > maxChars) {
        out.truncate(qMax(0, maxChars - 1));
        out += u'\x2026';
    }
    return out;
}

} // namespace TiDesk
