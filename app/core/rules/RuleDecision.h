// RuleDecision: what the rule engine decided about one session in one poll: which rule matched,
// what to do (notify / kill query / kill connection), in which mode (dry-run = a "would have
// killed" record, enforce = hand to the killer), or that the rule's rate limit held it back.
// Produced by RuleEngine, consumed by RuleRunner (audit log, killer) and the CLI.
// Plain value type: any thread.
#pragma once

#include "rules/KillRule.h"
#include "sessions/SessionRow.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace TiDesk {

struct RuleDecision
{
    enum class Outcome {
        Act, // do `action` in `mode` (dry-run: record only)
        RateLimited, // matched, but the rule's kills per minute are used up (reported once)
    };

    QString ruleName;
    QString envName;
    Tier tier = Tier::Dev;
    SessionRow session; // the victim as this poll saw it
    RuleAction action = RuleAction::Notify;
    RuleMode mode = RuleMode::DryRun; // effective for this environment
    Outcome outcome = Outcome::Act;
    QDateTime decidedAt; // UTC, the engine's "now"
    QString reason; // why it matched: "busy 3.2 s >= 2 s, user app"

    [[nodiscard]] bool isKill() const { return action != RuleAction::Notify; }
    [[nodiscard]] bool isEnforcedKill() const
    {
        return outcome == Outcome::Act && isKill() && mode == RuleMode::Enforce;
    }
    [[nodiscard]] KillKind killKind() const
    {
        return action == RuleAction::KillConnection ? KillKind::Connection : KillKind::Query;
    }
    // "instance#id user@host (statement, first 120 characters)" for logs and the audit target.
    [[nodiscard]] QString targetText() const;
};

} // namespace TiDesk

Q_DECLARE_METATYPE(TiDesk::RuleDecision)
