// SessionRuleKiller: the RuleKiller that really kills: hands an enforced rule decision to
// SessionKiller as a KillRequest (the session the poll saw as the baseline, the rule's name, mode
// "enforce"), so a rule's kill is verified, routed, checked and audited exactly like a manual one.
// Used by the Rules page and `tidesk-cli rules run`. The outcome arrives on the killer's
// killFinished signal.
// Threading: the thread of the SessionKiller (the runner's owner thread); never blocks.
#pragma once

#include "rules/RuleKiller.h"

#include <QPointer>

namespace TiDesk {

class SessionKiller;

class SessionRuleKiller final : public RuleKiller
{
public:
    explicit SessionRuleKiller(SessionKiller *killer);

    void killForRule(const Environment &env, const RuleDecision &decision) override;
    // Kills started for rules and not finished yet.
    [[nodiscard]] int started() const { return m_started; }

private:
    QPointer<SessionKiller> m_killer;
    int m_started = 0;
};

} // namespace TiDesk
