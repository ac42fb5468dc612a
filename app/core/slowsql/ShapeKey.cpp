#include "ShapeKey.h"

namespace TiDesk::SlowSql {

namespace {

// The same character classes as SqlDigest's scanner.
bool isIdentChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_'
        || u == '$' || u >= 0x80;
}
bool isDigit(QChar c)
{
    return c.unicode() >= '0' && c.unicode() <= '9';
}
bool isSpace(QChar c)
{
    const char16_t u = c.unicode();
    return u == ' ' || u == '\t' || u == '\n' || u == '\r' || u == '\f' || u == '\v';
}

// Start of the first word "by" (any case, as a word or back-quoted); size() when none.
qsizetype firstBy(QStringView s)
{
    for (qsizetype i = 0; i + 1 < s.size(); ++i) {
        const char16_t a = s[i].unicode() | 0x20;
        const char16_t b = s[i + 1].unicode() | 0x20;
        if (a != 'b' || b != 'y')
            continue;
        const bool leftOk = i == 0 || !isIdentChar(s[i - 1]);
        const bool rightOk = i + 2 >= s.size() || !isIdentChar(s[i + 2]);
        if (leftOk && rightOk)
            return i;
    }
    return s.size();
}

} // namespace

QString shapeKey(QStringView s)
{
    QString key;
    shapeKey(s, key);
    return key;
}

bool shapeKey(QStringView s, QString &key)
{
    const qsizetype byPos = firstBy(s);
    key.resize(0); // keeps the capacity
    key.reserve(s.size());
    qsizetype i = 0;
    const qsizetype n = s.size();
    qsizetype plain = 0; // start of the verbatim run not yet appended
    const auto flush = [&](qsizetype upTo) {
        if (upTo > plain)
            key += s.sliced(plain, upTo - plain);
    };
    const auto at = [&](qsizetype k) {
        return k < n ? s[k] : QChar();
    };
    while (i < n) {
        const QChar c = s[i];
        const QChar n1 = at(i + 1);
        if (c == u'`') { // quoted name: verbatim up to the closing quote (`` doubled)
            ++i;
            while (i < n) {
                if (s[i] == u'`') {
                    if (at(i + 1) == u'`') {
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                ++i;
            }
            continue;
        }
        if (c == u'\'' || c == u'"') {
            const bool userVar = i > 0 && s[i - 1] == u'@';
            const qsizetype start = i++;
            while (i < n) {
                if (s[i] == c) {
                    if (at(i + 1) == c) {
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                if (s[i] == u'\\' && i + 1 < n) {
                    i += 2;
                    continue;
                }
                ++i;
            }
            if (!userVar) {
                flush(start);
                key += c;
                key += c;
                plain = i;
            }
            continue;
        }
        if (c == u'#' || (c == u'-' && n1 == u'-' && (i + 2 >= n || isSpace(s[i + 2])))) {
            // Verbatim (a quote in it must not start a string here), to the end of the line.
            while (i < n && s[i] != u'\n')
                ++i;
            continue;
        }
        if (c == u'/' && n1 == u'*') {
            const QChar n2 = at(i + 2);
            if (n2 == u'!' || (n2 == u'T' && at(i + 3) == u'!')) {
                key.resize(0);
                return false; // executable comment: its content is SQL
            }
            flush(i);
            const qsizetype end = s.indexOf(u"*/", i + 2);
            i = end < 0 ? n : end + 2;
            key += QChar(0x01);
            plain = i;
            continue;
        }
        // A stand-alone number: digits and dots, not glued to a word, '.', '@' or a quote on
        // the left nor to a word on the right; every digit run becomes one '9'.
        if ((isDigit(c) || (c == u'.' && isDigit(n1))) && i < byPos) {
            const QChar prev = i > 0 ? s[i - 1] : QChar(u' ');
            if (!isIdentChar(prev) && prev != u'.' && prev != u'@') {
                qsizetype end = i;
                while (end < n && (isDigit(s[end]) || s[end] == u'.'))
                    ++end;
                if (end >= n || !isIdentChar(s[end])) {
                    flush(i);
                    bool inRun = false;
                    for (qsizetype k = i; k < end; ++k) {
                        if (s[k] == u'.') {
                            key += u'.';
                            inRun = false;
                        } else if (!inRun) {
                            key += u'9';
                            inRun = true;
                        }
                    }
                    i = end;
                    plain = i;
                    continue;
                }
            }
        }
        ++i;
    }
    flush(n);
    return !key.isEmpty();
}

} // namespace TiDesk::SlowSql
