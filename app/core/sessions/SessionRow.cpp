#include "SessionRow.h"

using namespace Qt::StringLiterals;

namespace TiDesk {

QString SessionRow::key() const
{
    return instance + u'#' + QString::number(id);
}

QDateTime SessionRow::commandStartUtc() const
{
    return observedAt.addMSecs(-timeMs);
}

bool SessionRow::isSleeping() const
{
    return command.compare(u"Sleep"_s, Qt::CaseInsensitive) == 0 && info.trimmed().isEmpty();
}

bool SessionRow::isSystem() const
{
    if (user.compare(u"system user"_s, Qt::CaseInsensitive) == 0
        || user.compare(u"event_scheduler"_s, Qt::CaseInsensitive) == 0)
        return true;
    if (command.compare(u"Daemon"_s, Qt::CaseInsensitive) == 0
        || command.startsWith(u"Binlog Dump"_s, Qt::CaseInsensitive)
        || command.startsWith(u"Slave_"_s, Qt::CaseInsensitive)
        || command.startsWith(u"Replica_"_s, Qt::CaseInsensitive))
        return true;
    return false;
}

bool SessionRow::isSameStatementAs(const SessionRow &now, qint64 toleranceMs) const
{
    if (now.id != id || now.instance != instance)
        return false;
    if (now.info != info)
        return false;
    if (queryId.has_value() && now.queryId.has_value())
        return *queryId == *now.queryId;
    if (!observedAt.isValid() || !now.observedAt.isValid())
        return false;
    return qAbs(commandStartUtc().msecsTo(now.commandStartUtc())) <= toleranceMs;
}

} // namespace TiDesk
