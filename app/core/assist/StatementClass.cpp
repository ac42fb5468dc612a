#include "StatementClass.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

struct Lexed
{
    QStringList words; // upper-case bare words of the first statement, in order
    bool executableComment = false; // /*! ... */ (MySQL runs what is inside)
    bool trailingStatement = false; // a second statement after ';'
    bool unterminated = false; // a string, quoted name or comment never closed
};

Lexed lex(const QString &sql)
{
    Lexed out;
    const qsizetype n = sql.size();
    bool afterSemicolon = false;
    for (qsizetype i = 0; i < n;) {
        const QChar c = sql.at(i);
        if (c.isSpace()) {
            ++i;
            continue;
        }
        if (c == u'#'
            || (c == u'-' && i + 1 < n && sql.at(i + 1) == u'-'
                && (i + 2 >= n || sql.at(i + 2).isSpace()))) {
            while (i < n && sql.at(i) != u'\n')
                ++i;
            continue;
        }
        if (c == u'/' && i + 1 < n && sql.at(i + 1) == u'*') {
            if (i + 2 < n && sql.at(i + 2) == u'!')
                out.executableComment = true;
            const qsizetype end = sql.indexOf(u"*/"_s, i + 2);
            if (end < 0) {
                out.unterminated = true;
                return out;
            }
            i = end + 2;
            continue;
        }
        if (afterSemicolon) { // anything but space and comments after ';' is a second statement
            out.trailingStatement = true;
            return out;
        }
        if (c == u'\'' || c == u'"' || c == u'`') {
            qsizetype j = i + 1;
            bool closed = false;
            while (j < n) {
                const QChar d = sql.at(j);
                if (d == u'\\' && c != u'`') {
                    j += 2;
                    continue;
                }
                if (d == c) {
                    if (j + 1 < n && sql.at(j + 1) == c) { // doubled quote
                        j += 2;
                        continue;
                    }
                    closed = true;
                    break;
                }
                ++j;
            }
            if (!closed) {
                out.unterminated = true;
                return out;
            }
            i = j + 1;
            continue;
        }
        if (c == u';') {
            afterSemicolon = true;
            ++i;
            continue;
        }
        if (c.isLetter() || c == u'_') {
            qsizetype j = i;
            while (j < n
                   && (sql.at(j).isLetterOrNumber() || sql.at(j) == u'_' || sql.at(j) == u'$'))
                ++j;
            out.words << sql.mid(i, j - i).toUpper();
            i = j;
            continue;
        }
        ++i; // operators, numbers, punctuation
    }
    return out;
}

} // namespace

StatementClass StatementClass::of(const QString &sql)
{
    StatementClass c;
    const Lexed l = lex(sql);
    if (l.trailingStatement) {
        c.m_kind = Kind::Multiple;
        c.m_reason = tr("more than one statement");
        c.m_verb = l.words.value(0);
        return c;
    }
    if (l.words.isEmpty()) {
        c.m_kind = l.unterminated ? Kind::Writes : Kind::Empty;
        if (l.unterminated)
            c.m_reason = tr("an unterminated string or comment");
        return c;
    }
    c.m_verb = l.words.first();
    static const QStringList explainable { u"SELECT"_s,  u"UPDATE"_s, u"DELETE"_s, u"INSERT"_s,
                                           u"REPLACE"_s, u"WITH"_s,   u"TABLE"_s };
    c.m_explainable = explainable.contains(c.m_verb);

    static const QStringList readVerbs { u"SELECT"_s,  u"SHOW"_s,  u"DESC"_s,   u"DESCRIBE"_s,
                                         u"EXPLAIN"_s, u"TABLE"_s, u"VALUES"_s, u"WITH"_s };
    if (!readVerbs.contains(c.m_verb)) {
        c.m_kind = Kind::Writes;
        c.m_reason = tr("%1 changes data or settings").arg(c.m_verb);
        return c;
    }
    if (l.unterminated) {
        c.m_kind = Kind::Writes;
        c.m_reason = tr("an unterminated string or comment");
        return c;
    }
    if (l.executableComment) {
        c.m_kind = Kind::Writes;
        c.m_reason = tr("a /*! ... */ comment the server executes");
        return c;
    }
    if ((c.m_verb == u"EXPLAIN"_s || c.m_verb == u"DESC"_s || c.m_verb == u"DESCRIBE"_s)
        && l.words.contains(u"ANALYZE"_s)) {
        c.m_kind = Kind::Writes;
        c.m_reason = tr("EXPLAIN ANALYZE runs the statement");
        return c;
    }
    // Words that make a read statement write or lock: SELECT ... INTO OUTFILE / @var / table,
    // FOR UPDATE, LOCK IN SHARE MODE, FOR SHARE; WITH ... UPDATE/DELETE/INSERT (MySQL 8 CTEs).
    static const QStringList writing { u"INTO"_s,     u"UPDATE"_s, u"DELETE"_s,   u"INSERT"_s,
                                       u"REPLACE"_s,  u"LOCK"_s,   u"SHARE"_s,    u"SET"_s,
                                       u"CALL"_s,     u"DO"_s,     u"GET_LOCK"_s, u"SLEEP"_s,
                                       u"BENCHMARK"_s };
    // SHOW, DESCRIBE and EXPLAIN (without ANALYZE) only ever describe: "SHOW CHARACTER SET" and
    // "EXPLAIN UPDATE ..." run nothing.
    const bool describes = c.m_verb == u"SHOW"_s || c.m_verb == u"EXPLAIN"_s
        || c.m_verb == u"DESC"_s || c.m_verb == u"DESCRIBE"_s;
    for (const QString &w : describes ? QStringList() : l.words.mid(1)) {
        if (writing.contains(w)) {
            c.m_kind = Kind::Writes;
            c.m_reason = tr("it contains %1").arg(w);
            return c;
        }
    }
    c.m_kind = Kind::ReadOnly;
    return c;
}

} // namespace TiDesk
