#include "HostPattern.h"

namespace TiDesk::HostPattern {

bool matches(QStringView pattern, QStringView text)
{
    // Iterative glob with backtracking to the last '*': linear in practice, no recursion.
    qsizetype p = 0, t = 0, starP = -1, starT = 0;
    while (t < text.size()) {
        if (p < pattern.size()
            && (pattern[p] == u'?' || pattern[p].toLower() == text[t].toLower())) {
            ++p;
            ++t;
        } else if (p < pattern.size() && pattern[p] == u'*') {
            starP = p++;
            starT = t;
        } else if (starP >= 0) {
            p = starP + 1;
            t = ++starT;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == u'*')
        ++p;
    return p == pattern.size();
}

bool matchesList(const QStringList &patterns, const QString &text)
{
    bool positive = false;
    for (const QString &pat : patterns) {
        if (pat.startsWith(u'!')) {
            if (matches(QStringView(pat).mid(1), text))
                return false;
        } else if (!positive && matches(pat, text)) {
            positive = true;
        }
    }
    return positive;
}

} // namespace TiDesk::HostPattern
