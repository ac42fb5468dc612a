#include "SessionRuleKiller.h"

#include "sessions/KillRequest.h"
#include "sessions/SessionKiller.h"

using namespace Qt::StringLiterals;

namespace TiDesk {

SessionRuleKiller::SessionRuleKiller(SessionKiller *killer)
    : m_killer(killer)
{ }

void SessionRuleKiller::killForRule(const Environment &env, const RuleDecision &decision)
{
    if (!m_killer || !decision.isEnforcedKill())
        return;
    KillRequest request;
    request.env = env;
    request.target = decision.session;
    request.kind = decision.killKind();
    request.rule = decision.ruleName;
    request.mode = u"enforce"_s;
    ++m_started;
    m_killer->kill(request);
}

} // namespace TiDesk
