// RuleEngine: the pure, deterministic heart of the rules (pt-kill for the fleet). Given one
// environment (name, tier, TiDesk's own connection ids), its live sessions and "now", it returns
// the decisions of every rule in scope: which session gets which action in which mode.
//
//  - Exclusions come first and are never overridden: system sessions (SessionRow::isSystem),
//    sessions already being killed (command "Killed"), TiDesk's own connections, replication
//    users (RuleSet::replicationUsers plus every user seen running a Binlog Dump / replica thread
//    in the same snapshot), RuleSet::excludeUsers and the rule's own excludeUsers.
//  - Mode: KillRule::effectiveMode() (production is dry-run unless the rule names it in
//    env_modes), or dry-run for everything with setForceDryRun(true).
//  - Victims: all matches, or the oldest (longest timeMs; the lower id on a tie). In enforce
//    mode, while the oldest match is one already acted on (its KILL may still be on its way) no
//    further victim is chosen; in dry-run the acted-on session counts as gone, so the next
//    poll shows what the next kill would have been.
//  - Rate limit: at most maxKillsPerMinute kill decisions (dry-run ones too, so a dry run shows
//    what enforcing would do) per rule and environment in any 60 s window. A session held back
//    is reported once (Outcome::RateLimited) and chosen again when the window allows.
//  - No repeats: a session acted on is remembered per rule and environment until it is gone or
//    runs another statement (SessionRow::isSameStatementAs), so one runaway statement gets one
//    decision per rule, not one per poll.
//
// Time comes only from the `now` argument (a fake clock in tests). Threading: not thread-safe;
// one owner thread (RuleRunner's).
#pragma once

#include "rules/RuleDecision.h"
#include "rules/RuleSet.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <deque>

namespace TiDesk {

class RuleEngine
{
public:
    struct EnvContext
    {
        QString name;
        Tier tier = Tier::Dev;
        QSet<quint64> ownConnectionIds; // TiDesk's own sessions on this environment
    };

    explicit RuleEngine(RuleSet rules = {});

    // Keeps what was already handled for rules that keep their name.
    void setRules(const RuleSet &rules);
    [[nodiscard]] const RuleSet &rules() const { return m_rules; }
    // Everything dry-run, whatever the rules say (`tidesk-cli rules run --dry-run`).
    void setForceDryRun(bool on) { m_forceDryRun = on; }
    [[nodiscard]] bool forceDryRun() const { return m_forceDryRun; }

    // The decisions for one poll of env. Deterministic: same state + input = same output.
    [[nodiscard]] QList<RuleDecision>
    evaluate(const EnvContext &env, const QList<SessionRow> &sessions, const QDateTime &nowUtc);
    // The mode `rule` runs in on env, taking setForceDryRun() into account.
    [[nodiscard]] RuleMode modeFor(const KillRule &rule, const QString &envName, Tier tier) const;
    // Why s is never a victim of rule on env ("system session", "excluded user" ...), or empty.
    // replicationUsers: the users running replication threads in the same snapshot.
    [[nodiscard]] QString exclusionReason(const SessionRow &s, const KillRule &rule,
                                          const EnvContext &env,
                                          const QSet<QString> &replicationUsers) const;
    // Names of the enabled rules in scope of env that match on memory (they never match on an
    // engine without a memory column, e.g. MySQL).
    [[nodiscard]] QStringList rulesNeedingMemory(const QString &envName, Tier tier) const;
    // Users running replication threads in this snapshot.
    [[nodiscard]] static QSet<QString> replicationUsersIn(const QList<SessionRow> &sessions);
    // Drops the memory of an environment (it left the scope).
    void forgetEnvironment(const QString &envName) { m_state.remove(envName); }

private:
    struct RuleState
    {
        QHash<QString, SessionRow> handled; // session key -> the row acted on
        QHash<QString, SessionRow> rateLimitReported;
        std::deque<QDateTime> kills; // decision times within the last minute
    };

    RuleSet m_rules;
    bool m_forceDryRun = false;
    QHash<QString, QHash<QString, RuleState>> m_state; // env name -> rule name -> state
};

} // namespace TiDesk
