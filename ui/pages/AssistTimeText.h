// AssistTimeText: how the expert session's screens say how long is left ("1 h 52 min left",
// "4 min 10 s left") and until when a code is valid ("Valid until 17:30 (14 min)"). Shared by the
// DBA's page and the expert's workspace. Threading: any thread (pure functions, tr()).
#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace TiDesk {

class AssistTimeText final
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::AssistTimeText)
public:
    // "1 h 52 min", "4 min 10 s", "12 s"; "0 s" when past.
    static QString duration(qint64 seconds);
    // "1 h 52 min left" until endsUtc; empty when endsUtc is invalid.
    static QString left(const QDateTime &endsUtc, const QDateTime &nowUtc);
    // "Valid until 17:30 (14 min)" / "Expired at 17:30".
    static QString validUntil(const QDateTime &expiresUtc, const QDateTime &nowUtc);
};

} // namespace TiDesk
