#include "KillOutcome.h"

using namespace Qt::StringLiterals;

namespace TiDesk {

QString KillOutcome::statusName(Status status)
{
    switch (status) {
    case Status::Killed: return u"killed"_s;
    case Status::AlreadyFinished: return u"already-finished"_s;
    case Status::StaleRefused: return u"stale-refused"_s;
    case Status::Refused: return u"refused"_s;
    case Status::NoEffect: return u"no-effect"_s;
    case Status::StillRunning: return u"still-running"_s;
    case Status::Failed: break;
    }
    return u"failed"_s;
}

QString KillOutcome::statusDisplayName(Status status)
{
    switch (status) {
    case Status::Killed: return tr("Killed");
    case Status::AlreadyFinished: return tr("Already finished");
    case Status::StaleRefused: return tr("Refused: stale target");
    case Status::Refused: return tr("Refused");
    case Status::NoEffect: return tr("No effect");
    case Status::StillRunning: return tr("Kill sent, still running");
    case Status::Failed: break;
    }
    return tr("Failed");
}

QString KillOutcome::actionName(KillKind kind)
{
    return kind == KillKind::Query ? u"kill-query"_s : u"kill-connection"_s;
}

} // namespace TiDesk
