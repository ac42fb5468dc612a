#include "AssistTimeText.h"

using namespace Qt::StringLiterals;

namespace TiDesk {

QString AssistTimeText::duration(qint64 seconds)
{
    const qint64 s = qMax<qint64>(0, seconds);
    //: Durations: %1 = hours, %2 = minutes
    if (s >= 3600)
        return (s % 3600) / 60 == 0 ? tr("%1 h").arg(s / 3600)
                                    : tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
    //: Durations: %1 = minutes, %2 = seconds
    if (s >= 60)
        return s % 60 == 0 ? tr("%1 min").arg(s / 60) : tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    //: Durations: %1 = seconds
    return tr("%1 s").arg(s);
}

QString AssistTimeText::left(const QDateTime &endsUtc, const QDateTime &nowUtc)
{
    if (!endsUtc.isValid())
        return {};
    //: %1 = a duration ("1 h 52 min")
    return tr("%1 left").arg(duration(nowUtc.secsTo(endsUtc)));
}

QString AssistTimeText::validUntil(const QDateTime &expiresUtc, const QDateTime &nowUtc)
{
    const QString at = expiresUtc.toLocalTime().toString(u"HH:mm"_s);
    if (nowUtc >= expiresUtc)
        //: %1 = a time of day
        return tr("Expired at %1").arg(at);
    //: %1 = a time of day, %2 = a duration ("14 min 3 s")
    return tr("Valid until %1 (%2)").arg(at, duration(nowUtc.secsTo(expiresUtc)));
}

} // namespace TiDesk
