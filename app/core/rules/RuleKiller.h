// RuleKiller: the seam through which RuleRunner hands an ENFORCED kill decision to whatever
// really kills ("kill this session with this KillKind for rule R"). The real implementation is
// the SessionKiller (verify-then-kill on a control connection, then the audit line); the rules
// slice never sends a KILL itself. Without a killer, RuleRunner records the decision as
// "not executed: killer not available" and kills nothing.
//
// Threading: killForRule() and ownConnectionIds() are called on the runner's owner thread and
// must return at once (the kill itself runs elsewhere).
#pragma once

#include "inventory/Environment.h"
#include "rules/RuleDecision.h"

#include <QSet>
#include <QString>

namespace TiDesk {

class RuleKiller
{
public:
    virtual ~RuleKiller() = default;

    // decision.isEnforcedKill() is true; decision.session is the victim as the poll saw it
    // (re-read it before killing: the connection id may have been reused since), and
    // decision.killKind() says KILL QUERY or KILL CONNECTION. The killer writes the audit line
    // of the kill (mode "enforce", rule decision.ruleName).
    virtual void killForRule(const Environment &env, const RuleDecision &decision) = 0;
    // Connection ids the killer itself holds on envName: never matched by a rule.
    [[nodiscard]] virtual QSet<quint64> ownConnectionIds(const QString &envName) const
    {
        Q_UNUSED(envName);
        return {};
    }
};

} // namespace TiDesk
