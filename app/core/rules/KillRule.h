// KillRule: one pt-kill-style rule for the fleet: which environments it watches (scope), which
// live sessions it matches (busy time, user, host, db, command, digest, SQL regex, memory),
// whom it never touches (its own excluded users on top of the rule set's), what it does to a
// match (notify, KILL QUERY, KILL CONNECTION), whether it really does it (dry-run or enforce,
// per environment) and how hard (all matches or the oldest, at most N kills a minute).
// Semantics and the file format: docs/rules.md. Parsed and written by RuleSet.
//
// Plain value type: any thread. matches() is pure (the regex is compiled once, when the rule is
// built, and QRegularExpression is safe to use from several threads at once).
#pragma once

#include "inventory/Environment.h"
#include "sessions/SessionRow.h"
#include "sql/Dialect.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <optional>

namespace TiDesk {

enum class RuleAction { Notify, KillQuery, KillConnection };
enum class RuleMode { DryRun, Enforce };
enum class RuleVictims { All, Oldest };

struct RuleScope
{
    QStringList environments; // environment names (exact, case-sensitive)
    QList<Tier> tiers;

    [[nodiscard]] bool isEmpty() const { return environments.isEmpty() && tiers.isEmpty(); }
    [[nodiscard]] bool contains(const QString &envName, Tier tier) const;
    bool operator==(const RuleScope &) const = default;
};

// Every set criterion must hold (AND). Lists inside one criterion are alternatives (OR).
struct RuleMatch
{
    std::optional<qint64> busyTimeMs; // session in its current command for >= this
    QStringList users; // wildcard patterns (* and ?), case-sensitive
    QStringList hosts; // wildcard patterns against the client host without its port
    QStringList dbs; // wildcard patterns, case-sensitive
    QStringList commands; // exact, case-insensitive ("Query", "Execute", "Sleep" ...)
    QStringList digests; // exact, case-insensitive (hex)
    QString sqlRegex; // QRegularExpression (Perl syntax) searched in the statement text
    std::optional<qint64> memBytesAtLeast; // TiDB MEM, MariaDB MEMORY_USED; MySQL reports none

    [[nodiscard]] bool isEmpty() const;
    [[nodiscard]] bool needsMemory() const { return memBytesAtLeast.has_value(); }
    // The rule matches sleeping sessions only when it names the Sleep command.
    [[nodiscard]] bool matchesSleeping() const;
    bool operator==(const RuleMatch &o) const;
};

class KillRule
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::KillRule)
public:
    static constexpr int kDefaultMaxKillsPerMinute = 10;

    QString name; // unique in a rule set
    bool enabled = true;
    RuleScope scope;
    RuleMatch match;
    QStringList excludeUsers; // wildcard patterns, on top of RuleSet::excludeUsers
    RuleAction action = RuleAction::Notify;
    RuleMode mode = RuleMode::DryRun; // new rules start as dry-run
    // Per-environment override by environment name. The only way to enforce on a production
    // environment (see effectiveMode()).
    QHash<QString, RuleMode> envModes;
    RuleVictims victims = RuleVictims::All;
    int maxKillsPerMinute = kDefaultMaxKillsPerMinute; // per environment; >= 1

    // Compiles sqlRegex; call after changing it. Invalid patterns make validate() fail.
    void compile();
    // Empty when valid, else "field: problem" for the first problem found.
    [[nodiscard]] QString validate() const;

    // THE production policy: an explicit envModes entry for the environment wins; otherwise a
    // production-tier environment is always dry-run, whatever `mode` says; otherwise `mode`.
    [[nodiscard]] RuleMode effectiveMode(const QString &envName, Tier tier) const;
    [[nodiscard]] bool appliesTo(const QString &envName, Tier tier) const
    {
        return enabled && scope.contains(envName, tier);
    }
    // Whether the session satisfies every criterion (exclusions are the engine's job). A rule
    // that needs memory never matches a session without a memory figure.
    [[nodiscard]] bool matches(const SessionRow &s) const;
    // Human-readable "busy 3.2 s >= 2 s, user app" for logs: why s matched.
    [[nodiscard]] QString explainMatch(const SessionRow &s) const;
    [[nodiscard]] bool isKill() const { return action != RuleAction::Notify; }
    [[nodiscard]] KillKind killKind() const
    {
        return action == RuleAction::KillConnection ? KillKind::Connection : KillKind::Query;
    }

    static QString actionName(RuleAction a); // notify, kill-query, kill-connection
    static std::optional<RuleAction> actionFromName(const QString &name);
    static QString modeName(RuleMode m); // dry-run, enforce
    static std::optional<RuleMode> modeFromName(const QString &name);
    static QString victimsName(RuleVictims v); // all, oldest
    static std::optional<RuleVictims> victimsFromName(const QString &name);
    // "10.0.0.9:51234" -> "10.0.0.9"; "[::1]:5000" -> "::1"; "localhost" unchanged.
    static QString hostWithoutPort(const QString &host);
    // Wildcard (* ?) match of the whole text.
    static bool wildcardMatch(const QString &pattern, const QString &text, Qt::CaseSensitivity cs);

    bool operator==(const KillRule &o) const;

private:
    QRegularExpression m_sqlRegex;
};

} // namespace TiDesk
