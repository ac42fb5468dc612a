#include "RuleEngine.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

bool anyWildcard(const QStringList &patterns, const QString &text)
{
    for (const QString &p : patterns)
        if (KillRule::wildcardMatch(p, text, Qt::CaseSensitive))
            return true;
    return false;
}

bool isReplicationThread(const SessionRow &s)
{
    return s.command.startsWith(u"Binlog Dump"_s, Qt::CaseInsensitive)
        || s.command.startsWith(u"Slave_"_s, Qt::CaseInsensitive)
        || s.command.startsWith(u"Replica_"_s, Qt::CaseInsensitive);
}

// Oldest first: longest in its command, then the lower connection id, then the key.
bool olderThan(const SessionRow &a, const SessionRow &b)
{
    if (a.timeMs != b.timeMs)
        return a.timeMs > b.timeMs;
    if (a.id != b.id)
        return a.id < b.id;
    return a.key() < b.key();
}

} // namespace

RuleEngine::RuleEngine(RuleSet rules)
    : m_rules(std::move(rules))
{
    for (KillRule &r : m_rules.rules)
        r.compile();
}

void RuleEngine::setRules(const RuleSet &rules)
{
    m_rules = rules;
    QSet<QString> names;
    for (KillRule &r : m_rules.rules) {
        r.compile();
        names.insert(r.name);
    }
    for (auto env = m_state.begin(); env != m_state.end(); ++env)
        for (auto it = env->begin(); it != env->end();)
            it = names.contains(it.key()) ? std::next(it) : env->erase(it);
}

RuleMode RuleEngine::modeFor(const KillRule &rule, const QString &envName, Tier tier) const
{
    return m_forceDryRun ? RuleMode::DryRun : rule.effectiveMode(envName, tier);
}

QSet<QString> RuleEngine::replicationUsersIn(const QList<SessionRow> &sessions)
{
    QSet<QString> users;
    for (const SessionRow &s : sessions)
        if (isReplicationThread(s) && !s.user.isEmpty()
            && s.user.compare(u"system user"_s, Qt::CaseInsensitive) != 0)
            users.insert(s.user);
    return users;
}

QString RuleEngine::exclusionReason(const SessionRow &s, const KillRule &rule,
                                    const EnvContext &env,
                                    const QSet<QString> &replicationUsers) const
{
    if (s.isSystem())
        return QCoreApplication::translate("TiDesk::RuleEngine", "system session");
    if (s.command.compare(u"Killed"_s, Qt::CaseInsensitive) == 0)
        return QCoreApplication::translate("TiDesk::RuleEngine", "already being killed");
    if (env.ownConnectionIds.contains(s.id))
        return QCoreApplication::translate("TiDesk::RuleEngine", "TiDesk's own connection");
    if (replicationUsers.contains(s.user) || anyWildcard(m_rules.replicationUsers, s.user))
        return QCoreApplication::translate("TiDesk::RuleEngine", "replication user");
    if (anyWildcard(m_rules.excludeUsers, s.user) || anyWildcard(rule.excludeUsers, s.user))
        return QCoreApplication::translate("TiDesk::RuleEngine", "excluded user");
    return {};
}

QStringList RuleEngine::rulesNeedingMemory(const QString &envName, Tier tier) const
{
    QStringList names;
    for (const KillRule &r : m_rules.rules)
        if (r.appliesTo(envName, tier) && r.match.needsMemory())
            names << r.name;
    return names;
}

QList<RuleDecision> RuleEngine::evaluate(const EnvContext &env, const QList<SessionRow> &sessions,
                                         const QDateTime &nowUtc)
{
    QList<RuleDecision> decisions;
    QHash<QString, const SessionRow *> byKey;
    for (const SessionRow &s : sessions)
        byKey.insert(s.key(), &s);
    const QSet<QString> replicationUsers = replicationUsersIn(sessions);
    QHash<QString, RuleState> &envState = m_state[env.name];

    for (const KillRule &rule : std::as_const(m_rules.rules)) {
        if (!rule.appliesTo(env.name, env.tier)) {
            envState.remove(rule.name);
            continue;
        }
        RuleState &st = envState[rule.name];
        // Forget sessions that ended or moved on to another statement.
        auto prune = [&byKey](QHash<QString, SessionRow> &memory) {
            for (auto it = memory.begin(); it != memory.end();) {
                const SessionRow *now = byKey.value(it.key());
                it = now && it->isSameStatementAs(*now) ? std::next(it) : memory.erase(it);
            }
        };
        prune(st.handled);
        prune(st.rateLimitReported);
        const QDateTime windowStart = nowUtc.addSecs(-60);
        while (!st.kills.empty() && st.kills.front() <= windowStart)
            st.kills.pop_front();

        QList<const SessionRow *> matches;
        for (const SessionRow &s : sessions)
            if (rule.matches(s) && exclusionReason(s, rule, env, replicationUsers).isEmpty())
                matches << &s;
        if (matches.isEmpty())
            continue;
        std::sort(matches.begin(), matches.end(),
                  [](const SessionRow *a, const SessionRow *b) { return olderThan(*a, *b); });

        const RuleMode mode = modeFor(rule, env.name, env.tier);
        QList<const SessionRow *> victims;
        for (const SessionRow *s : std::as_const(matches)) {
            const bool handled = st.handled.contains(s->key());
            if (rule.victims == RuleVictims::Oldest) {
                if (handled && mode == RuleMode::Enforce)
                    break; // the oldest is being dealt with: do not pick a second one yet
                if (handled)
                    continue;
                victims << s;
                break;
            }
            if (!handled)
                victims << s;
        }

        for (const SessionRow *s : std::as_const(victims)) {
            RuleDecision d;
            d.ruleName = rule.name;
            d.envName = env.name;
            d.tier = env.tier;
            d.session = *s;
            d.action = rule.action;
            d.mode = mode;
            d.decidedAt = nowUtc;
            d.reason = rule.explainMatch(*s);
            if (rule.isKill()) {
                if (int(st.kills.size()) >= rule.maxKillsPerMinute) {
                    if (!st.rateLimitReported.contains(s->key())) {
                        st.rateLimitReported.insert(s->key(), *s);
                        d.outcome = RuleDecision::Outcome::RateLimited;
                        decisions << d;
                    }
                    continue;
                }
                st.kills.push_back(nowUtc);
            }
            st.handled.insert(s->key(), *s);
            st.rateLimitReported.remove(s->key());
            decisions << d;
        }
    }
    return decisions;
}

} // namespace TiDesk
