#include "KillRule.h"

using namespace Qt::StringLiterals;

namespace TiDesk {

bool RuleScope::contains(const QString &envName, Tier tier) const
{
    return environments.contains(envName) || tiers.contains(tier);
}

bool RuleMatch::isEmpty() const
{
    return !busyTimeMs && users.isEmpty() && hosts.isEmpty() && dbs.isEmpty() && commands.isEmpty()
        && digests.isEmpty() && sqlRegex.isEmpty() && !memBytesAtLeast;
}

bool RuleMatch::matchesSleeping() const
{
    return commands.contains(u"Sleep"_s, Qt::CaseInsensitive);
}

bool RuleMatch::operator==(const RuleMatch &o) const
{
    return busyTimeMs == o.busyTimeMs && users == o.users && hosts == o.hosts && dbs == o.dbs
        && commands == o.commands && digests == o.digests && sqlRegex == o.sqlRegex
        && memBytesAtLeast == o.memBytesAtLeast;
}

bool KillRule::operator==(const KillRule &o) const
{
    return name == o.name && enabled == o.enabled && scope == o.scope && match == o.match
        && excludeUsers == o.excludeUsers && action == o.action && mode == o.mode
        && envModes == o.envModes && victims == o.victims
        && maxKillsPerMinute == o.maxKillsPerMinute;
}

void KillRule::compile()
{
    m_sqlRegex = match.sqlRegex.isEmpty()
        ? QRegularExpression()
        : QRegularExpression(match.sqlRegex, QRegularExpression::DotMatchesEverythingOption);
    if (m_sqlRegex.isValid() && !match.sqlRegex.isEmpty())
        m_sqlRegex.optimize();
}

QString KillRule::validate() const
{
    if (name.trimmed().isEmpty())
        return tr("name: must not be empty");
    if (scope.isEmpty())
        return tr("scope: name at least one environment or tier");
    if (match.isEmpty())
        return tr("match: set at least one criterion (a rule must never match every session)");
    if (match.busyTimeMs && *match.busyTimeMs < 0)
        return tr("match.busy_time_s: must not be negative");
    if (match.memBytesAtLeast && *match.memBytesAtLeast < 0)
        return tr("match.mem_bytes: must not be negative");
    if (!match.sqlRegex.isEmpty()) {
        const QRegularExpression re(match.sqlRegex);
        if (!re.isValid())
            //: %1 = the regular expression's error, %2 = offset in the pattern
            return tr("match.sql_regex: invalid regular expression: %1 at offset %2")
                .arg(re.errorString())
                .arg(re.patternErrorOffset());
    }
    if (maxKillsPerMinute < 1)
        return tr("max_kills_per_minute: must be at least 1");
    return {};
}

RuleMode KillRule::effectiveMode(const QString &envName, Tier tier) const
{
    if (const auto it = envModes.constFind(envName); it != envModes.cend())
        return *it;
    if (tier == Tier::Prod)
        return RuleMode::DryRun;
    return mode;
}

namespace {

bool anyWildcard(const QStringList &patterns, const QString &text, Qt::CaseSensitivity cs)
{
    for (const QString &p : patterns)
        if (KillRule::wildcardMatch(p, text, cs))
            return true;
    return false;
}

} // namespace

bool KillRule::matches(const SessionRow &s) const
{
    if (s.isSleeping() && !match.matchesSleeping())
        return false;
    if (match.busyTimeMs && s.timeMs < *match.busyTimeMs)
        return false;
    if (!match.users.isEmpty() && !anyWildcard(match.users, s.user, Qt::CaseSensitive))
        return false;
    if (!match.hosts.isEmpty()
        && !anyWildcard(match.hosts, hostWithoutPort(s.host), Qt::CaseInsensitive))
        return false;
    if (!match.dbs.isEmpty() && !anyWildcard(match.dbs, s.db, Qt::CaseSensitive))
        return false;
    if (!match.commands.isEmpty() && !match.commands.contains(s.command, Qt::CaseInsensitive))
        return false;
    if (!match.digests.isEmpty()
        && (s.digest.isEmpty() || !match.digests.contains(s.digest, Qt::CaseInsensitive)))
        return false;
    if (!match.sqlRegex.isEmpty()) {
        if (s.info.isEmpty())
            return false;
        // Fail safe when compile() was not called after sqlRegex changed: never let a stale
        // (e.g. empty, match-everything) expression decide.
        const QRegularExpression re = m_sqlRegex.pattern() == match.sqlRegex
            ? m_sqlRegex
            : QRegularExpression(match.sqlRegex, QRegularExpression::DotMatchesEverythingOption);
        if (!re.isValid() || !re.match(s.info).hasMatch())
            return false;
    }
    if (match.memBytesAtLeast && (!s.memBytes || *s.memBytes < *match.memBytesAtLeast))
        return false;
    return true;
}

QString KillRule::explainMatch(const SessionRow &s) const
{
    QStringList parts;
    if (match.busyTimeMs)
        //: why a rule matched: %1 = seconds the session is busy, %2 = the rule's threshold
        parts << tr("busy %1 s >= %2 s")
                     .arg(double(s.timeMs) / 1000.0, 0, 'f', 1)
                     .arg(double(*match.busyTimeMs) / 1000.0);
    if (!match.users.isEmpty())
        //: why a rule matched: %1 = user name
        parts << tr("user %1").arg(s.user);
    if (!match.hosts.isEmpty())
        //: why a rule matched: %1 = client host
        parts << tr("host %1").arg(hostWithoutPort(s.host));
    if (!match.dbs.isEmpty())
        //: why a rule matched: %1 = database
        parts << tr("db %1").arg(s.db);
    if (!match.commands.isEmpty())
        //: why a rule matched: %1 = processlist command (Query, Execute ...)
        parts << tr("command %1").arg(s.command);
    if (!match.digests.isEmpty())
        //: why a rule matched: %1 = start of the SQL digest
        parts << tr("digest %1").arg(s.digest.left(16));
    if (!match.sqlRegex.isEmpty())
        //: why a rule matched: %1 = the rule's regular expression
        parts << tr("sql ~ /%1/").arg(match.sqlRegex);
    if (match.memBytesAtLeast && s.memBytes)
        //: why a rule matched: %1 = bytes used, %2 = the rule's threshold
        parts << tr("mem %1 >= %2 bytes").arg(*s.memBytes).arg(*match.memBytesAtLeast);
    return parts.join(u", "_s);
}

QString KillRule::actionName(RuleAction a)
{
    switch (a) {
    case RuleAction::Notify: return u"notify"_s;
    case RuleAction::KillQuery: return u"kill-query"_s;
    case RuleAction::KillConnection: return u"kill-connection"_s;
    }
    return {};
}

std::optional<RuleAction> KillRule::actionFromName(const QString &name)
{
    for (RuleAction a : { RuleAction::Notify, RuleAction::KillQuery, RuleAction::KillConnection })
        if (actionName(a) == name)
            return a;
    return std::nullopt;
}

QString KillRule::modeName(RuleMode m)
{
    return m == RuleMode::Enforce ? u"enforce"_s : u"dry-run"_s;
}

std::optional<RuleMode> KillRule::modeFromName(const QString &name)
{
    if (name == u"dry-run")
        return RuleMode::DryRun;
    if (name == u"enforce")
        return RuleMode::Enforce;
    return std::nullopt;
}

QString KillRule::victimsName(RuleVictims v)
{
    return v == RuleVictims::Oldest ? u"oldest"_s : u"all"_s;
}

std::optional<RuleVictims> KillRule::victimsFromName(const QString &name)
{
    if (name == u"all")
        return RuleVictims::All;
    if (name == u"oldest")
        return RuleVictims::Oldest;
    return std::nullopt;
}

QString KillRule::hostWithoutPort(const QString &host)
{
    if (host.startsWith(u'[')) {
        const qsizetype close = host.indexOf(u']');
        return close > 0 ? host.mid(1, close - 1) : host;
    }
    const qsizetype colon = host.lastIndexOf(u':');
    // More than one colon without brackets: a bare IPv6 address, no port.
    if (colon < 0 || host.indexOf(u':') != colon)
        return host;
    return host.left(colon);
}

bool KillRule::wildcardMatch(const QString &pattern, const QString &text, Qt::CaseSensitivity cs)
{
    // Iterative glob with back-tracking to the last '*': linear in practice, no regex per call.
    qsizetype p = 0, t = 0, star = -1, mark = 0;
    auto same = [cs](QChar a, QChar b) {
        return cs == Qt::CaseSensitive ? a == b : a.toCaseFolded() == b.toCaseFolded();
    };
    while (t < text.size()) {
        if (p < pattern.size() && (pattern.at(p) == u'?' || same(pattern.at(p), text.at(t)))) {
            ++p;
            ++t;
        } else if (p < pattern.size() && pattern.at(p) == u'*') {
            star = p++;
            mark = t;
        } else if (star >= 0) {
            p = star + 1;
            t = ++mark;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern.at(p) == u'*')
        ++p;
    return p == pattern.size();
}

} // namespace TiDesk
