#include "slowsql/SqlDigest.h"

#include "slowsql/SqlKeywords.h"

#include <QCryptographicHash>
#include <QList>

using namespace Qt::StringLiterals;

namespace TiDesk::SqlDigest {

namespace {

enum class Tok {
    Identifier, // plain word, not yet classified as keyword
    QuotedIdentifier, // `name`
    Keyword,
    IntLit,
    DecLit,
    FloatLit,
    HexLit,
    BitLit,
    StringLit,
    Null, // \N
    ParamMarker, // ?
    SingleAt, // @name (lit without the @)
    DoubleAt, // @@scope.name (lit with the @@)
    UnderscoreCharset, // _utf8mb4 introducer
    Operator, // punctuation and operators
    Generic, // "?" produced by the digester
    GenericList, // "..." produced by the digester
};

struct Token
{
    Tok tok = Tok::Operator;
    QString lit; // lowercased
    // For a literal that ran isOrderOrGroupBy: -1 not evaluated, 0 no, 1 yes (a column position).
    // Later walks stop at it (same prefix, same answer), which keeps the digester linear.
    qint8 position = -1;
};

bool isAsciiLetter(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
}
bool isDigit(QChar c)
{
    return c.unicode() >= '0' && c.unicode() <= '9';
}
bool isHexDigit(QChar c)
{
    const char16_t u = c.unicode();
    return isDigit(c) || (u >= 'a' && u <= 'f') || (u >= 'A' && u <= 'F');
}
// TiDB: letters, digits, '_', '$' and any non-ASCII character (replacement characters included).
bool isIdentChar(QChar c)
{
    return isAsciiLetter(c) || isDigit(c) || c == u'_' || c == u'$' || c.unicode() >= 0x80;
}
bool isUserVarChar(QChar c)
{
    return isIdentChar(c) || c == u'.';
}
bool isSpace(QChar c)
{
    const char16_t u = c.unicode();
    return u == ' ' || u == '\t' || u == '\n' || u == '\r' || u == '\f' || u == '\v';
}

// Scanner over the raw text, modelled on TiDB's lexer (Scanner.scan in lexer.go) but written from
// the documented behaviour. Produces one token per call; comments are skipped, except MySQL
// executable comments ("/*! ... */", "/*T! ... */") whose content is scanned as SQL.
class Scanner
{
public:
    explicit Scanner(QStringView s)
        : m_s(s)
    { }

    // False at end of input. `offset` is where the token starts.
    bool next(Token &out, qsizetype &offset)
    {
        skipSpaceAndComments();
        if (m_pos >= m_s.size())
            return false;
        offset = m_pos;
        const QChar c = m_s[m_pos];
        const QChar n1 = peekAt(m_pos + 1);

        if (c == u'`') {
            out = { Tok::QuotedIdentifier, scanQuoted(u'`').toLower() };
            return true;
        }
        if (c == u'\'' || c == u'"') {
            scanQuoted(c);
            out = { Tok::StringLit, u"?"_s };
            return true;
        }
        if ((c == u'x' || c == u'X') && n1 == u'\'') {
            ++m_pos;
            scanQuoted(u'\'');
            out = { Tok::HexLit, {} };
            return true;
        }
        if ((c == u'b' || c == u'B') && n1 == u'\'') {
            ++m_pos;
            scanQuoted(u'\'');
            out = { Tok::BitLit, {} };
            return true;
        }
        if ((c == u'n' || c == u'N') && n1 == u'\'') {
            ++m_pos;
            scanQuoted(u'\'');
            out = { Tok::StringLit, {} };
            return true;
        }
        if (isDigit(c) || (c == u'.' && isDigit(n1) && !m_lastWasIdent)) {
            out = scanNumber();
            m_lastWasIdent = out.tok == Tok::Identifier;
            return true;
        }
        if (c == u'@') {
            out = scanAt();
            m_lastWasIdent = false;
            return true;
        }
        if (isIdentChar(c)) {
            const qsizetype start = m_pos;
            while (m_pos < m_s.size() && isIdentChar(m_s[m_pos]))
                ++m_pos;
            out = { Tok::Identifier, m_s.sliced(start, m_pos - start).toString().toLower() };
            m_lastWasIdent = true;
            return true;
        }
        m_lastWasIdent = false;
        if (c == u'\\' && (n1 == u'N')) {
            m_pos += 2;
            out = { Tok::Null, u"\\n"_s };
            return true;
        }
        static constexpr QStringView kOps[] = { u"<=>", u"->>", u"->", u"||", u"&&", u"&^", u":=",
                                                u">=",  u"<=",  u"!=", u"<>", u"<<", u">>" };
        // Only these characters start a multi-character operator (most punctuation does not).
        const bool maybeOp = c == u'<' || c == u'>' || c == u'-' || c == u'|' || c == u'&'
            || c == u':' || c == u'!';
        for (QStringView op : kOps) {
            if (maybeOp && m_s.sliced(m_pos).startsWith(op)) {
                m_pos += op.size();
                out = { Tok::Operator, op.toString() };
                return true;
            }
        }
        ++m_pos;
        if (c.isHighSurrogate() && m_pos < m_s.size() && m_s[m_pos].isLowSurrogate())
            ++m_pos;
        out = { c == u'?' ? Tok::ParamMarker : Tok::Operator,
                m_s.sliced(offset, m_pos - offset).toString() };
        return true;
    }

    // Marks the previous token as an identifier for the "t.5" rule (quoted identifiers).
    void setLastWasIdent(bool v) { m_lastWasIdent = v; }
    [[nodiscard]] QChar peek() const { return peekAt(m_pos); }
    [[nodiscard]] QStringView text() const { return m_s; }

private:
    [[nodiscard]] QChar peekAt(qsizetype i) const { return i < m_s.size() ? m_s[i] : QChar(); }

    void skipSpaceAndComments()
    {
        while (m_pos < m_s.size()) {
            const QChar c = m_s[m_pos];
            const QChar n1 = peekAt(m_pos + 1);
            if (isSpace(c)) {
                ++m_pos;
            } else if (c == u'#'
                       || (c == u'-' && n1 == u'-'
                           && (m_pos + 2 >= m_s.size() || isSpace(m_s[m_pos + 2])))) {
                while (m_pos < m_s.size() && m_s[m_pos] != u'\n')
                    ++m_pos;
            } else if (c == u'/' && n1 == u'*') {
                const QChar n2 = peekAt(m_pos + 2);
                if (n2 == u'!' || (n2 == u'T' && peekAt(m_pos + 3) == u'!')) {
                    // Executable comment: scan its content as SQL. /*!50001 ...*/, /*T![feature]
                    // ...*/
                    m_pos += n2 == u'!' ? 3 : 4;
                    while (m_pos < m_s.size() && isDigit(m_s[m_pos]))
                        ++m_pos;
                    if (m_pos < m_s.size() && m_s[m_pos] == u'[') {
                        while (m_pos < m_s.size() && m_s[m_pos] != u']')
                            ++m_pos;
                        if (m_pos < m_s.size())
                            ++m_pos;
                    }
                    ++m_inExecComment;
                    continue;
                }
                // Plain comment or optimizer hint /*+ ... */: dropped. Unterminated: drops the
                // rest.
                const qsizetype end = m_s.indexOf(u"*/", m_pos + 2);
                m_pos = end < 0 ? m_s.size() : end + 2;
            } else if (m_inExecComment > 0 && c == u'*' && n1 == u'/') {
                m_pos += 2;
                --m_inExecComment;
            } else {
                return;
            }
        }
    }

    // Quoted run starting at m_pos (the opening quote). Backslash escapes apply to strings, a
    // doubled quote stands for itself. Returns the unescaped content; an unterminated quote takes
    // the rest of the text.
    QString scanQuoted(QChar q)
    {
        ++m_pos;
        QString content;
        while (m_pos < m_s.size()) {
            const QChar c = m_s[m_pos];
            if (c == q) {
                if (peekAt(m_pos + 1) == q) {
                    content += q;
                    m_pos += 2;
                    continue;
                }
                ++m_pos;
                return content;
            }
            if (c == u'\\' && q != u'`' && m_pos + 1 < m_s.size()) {
                content += m_s[m_pos + 1];
                m_pos += 2;
                continue;
            }
            content += c;
            ++m_pos;
        }
        return content;
    }

    Token scanNumber()
    {
        const qsizetype start = m_pos;
        auto identTail = [&]() -> Token {
            while (m_pos < m_s.size() && isIdentChar(m_s[m_pos]))
                ++m_pos;
            return { Tok::Identifier, m_s.sliced(start, m_pos - start).toString().toLower() };
        };
        if (m_s[m_pos] == u'0' && (peekAt(m_pos + 1) == u'x' || peekAt(m_pos + 1) == u'X')
            && isHexDigit(peekAt(m_pos + 2))) {
            m_pos += 2;
            while (m_pos < m_s.size() && isHexDigit(m_s[m_pos]))
                ++m_pos;
            if (m_pos < m_s.size() && isIdentChar(m_s[m_pos]))
                return identTail();
            return { Tok::HexLit, {} };
        }
        if (m_s[m_pos] == u'0' && (peekAt(m_pos + 1) == u'b' || peekAt(m_pos + 1) == u'B')
            && (peekAt(m_pos + 2) == u'0' || peekAt(m_pos + 2) == u'1')) {
            m_pos += 2;
            while (m_pos < m_s.size() && (m_s[m_pos] == u'0' || m_s[m_pos] == u'1'))
                ++m_pos;
            if (m_pos < m_s.size() && isIdentChar(m_s[m_pos]))
                return identTail();
            return { Tok::BitLit, {} };
        }
        Tok tok = Tok::IntLit;
        while (m_pos < m_s.size() && isDigit(m_s[m_pos]))
            ++m_pos;
        if (m_pos < m_s.size() && m_s[m_pos] == u'.') {
            tok = Tok::DecLit;
            ++m_pos;
            while (m_pos < m_s.size() && isDigit(m_s[m_pos]))
                ++m_pos;
        }
        if (m_pos < m_s.size() && (m_s[m_pos] == u'e' || m_s[m_pos] == u'E')) {
            qsizetype p = m_pos + 1;
            if (p < m_s.size() && (m_s[p] == u'+' || m_s[p] == u'-'))
                ++p;
            if (p < m_s.size() && isDigit(m_s[p])) {
                tok = Tok::FloatLit;
                m_pos = p;
                while (m_pos < m_s.size() && isDigit(m_s[m_pos]))
                    ++m_pos;
            }
        }
        // "123abc" is an identifier in MySQL/TiDB.
        if (tok == Tok::IntLit && m_pos < m_s.size() && isIdentChar(m_s[m_pos]))
            return identTail();
        return { tok, m_s.sliced(start, m_pos - start).toString() };
    }

    Token scanAt()
    {
        const qsizetype start = m_pos;
        ++m_pos; // '@'
        if (peek() == u'@') {
            ++m_pos;
            while (m_pos < m_s.size() && isUserVarChar(m_s[m_pos]))
                ++m_pos;
            return { Tok::DoubleAt, m_s.sliced(start, m_pos - start).toString().toLower() };
        }
        const QChar c = peek();
        if (c == u'`' || c == u'\'' || c == u'"')
            return { Tok::SingleAt, scanQuoted(c).toLower() };
        const qsizetype nameStart = m_pos;
        while (m_pos < m_s.size() && isUserVarChar(m_s[m_pos]))
            ++m_pos;
        return { Tok::SingleAt, m_s.sliced(nameStart, m_pos - nameStart).toString().toLower() };
    }

    QStringView m_s;
    qsizetype m_pos = 0;
    int m_inExecComment = 0;
    bool m_lastWasIdent = false;
};

// Longest run of "<int>, <int>, ..." walked back by isOrderOrGroupBy before giving up (keeps the
// whole normalization linear on pathological "x, y, x, y, ..." lists; see the decision record).
constexpr int kMaxOrderByWalk = 4096;

// The digester proper: TiDB's sqlDigester.normalize over the token stream.
class Digester
{
public:
    QString run(QStringView sql)
    {
        Scanner lex(sql);
        Token cur;
        qsizetype offset = 0;
        while (lex.next(cur, offset)) {
            // A ';' that is the very last character ends the statement (TiDB's trailing-';' rule).
            if (offset == sql.size() - 1 && cur.tok == Tok::Operator && cur.lit == u";")
                break;
            lex.setLastWasIdent(cur.tok == Tok::Identifier || cur.tok == Tok::QuotedIdentifier);

            if (reduceOptimizerHint(cur, lex))
                continue;
            reduceLit(cur);

            if (cur.tok == Tok::Identifier) {
                if (cur.lit.startsWith(u'_')
                    && SqlKeywords::isCharset(QStringView(cur.lit).sliced(1))) {
                    cur.tok = Tok::UnderscoreCharset;
                } else if (isKeywordHere(cur.lit, sql, offset, lex.peek())) {
                    cur.tok = Tok::Keyword;
                }
            }
            m_tokens.append(std::move(cur));
        }
        QString out;
        for (qsizetype i = 0; i < m_tokens.size(); ++i) {
            if (i > 0)
                out += u' ';
            const Token &t = m_tokens[i];
            switch (t.tok) {
            case Tok::SingleAt:
                out += u'@';
                out += t.lit;
                break;
            case Tok::UnderscoreCharset: out += u"(_charset)"; break;
            case Tok::Identifier:
            case Tok::QuotedIdentifier:
                out += u'`';
                out += t.lit;
                out += u'`';
                break;
            default: out += t.lit;
            }
        }
        return out;
    }

private:
    // TiDB isTokenIdentifier: no keyword right before/after a '.', builtin functions only before
    // '('.
    static bool isKeywordHere(const QString &lit, QStringView sql, qsizetype offset, QChar next)
    {
        if (next == u'.')
            return false;
        for (qsizetype i = offset - 1; i >= 0; --i) {
            if (sql[i] == u' ')
                continue;
            if (sql[i] == u'.')
                return false;
            break;
        }
        if (next == u'(' && SqlKeywords::isBuiltinFunction(lit))
            return true;
        return SqlKeywords::isKeyword(lit);
    }

    [[nodiscard]] const Token *back(qsizetype fromEnd) const // 1 = last token
    {
        return fromEnd <= m_tokens.size() ? &m_tokens[m_tokens.size() - fromEnd] : nullptr;
    }
    [[nodiscard]] bool backLit(qsizetype fromEnd, QStringView lit) const
    {
        const Token *t = back(fromEnd);
        return t && t->lit == lit;
    }
    void popBack(qsizetype n) { m_tokens.resize(m_tokens.size() - n); }
    static bool isGeneric(const Token *t)
    {
        return t && (t->tok == Tok::Generic || t->tok == Tok::GenericList);
    }
    static bool isNumLit(Tok t)
    {
        return t == Tok::IntLit || t == Tok::DecLit || t == Tok::FloatLit || t == Tok::HexLit;
    }

    // Drops FORCE/USE/IGNORE INDEX (...); STRAIGHT_JOIN -> JOIN. Returns true if `cur` is consumed.
    bool reduceOptimizerHint(Token &cur, Scanner &lex)
    {
        if (cur.lit == u"index" && !m_tokens.isEmpty()) {
            const QString &prev = m_tokens.last().lit;
            if (prev == u"force" || prev == u"use" || prev == u"ignore") {
                Token t;
                qsizetype off = 0;
                while (lex.next(t, off)) {
                    if (t.tok == Tok::Operator && t.lit == u")") {
                        popBack(1);
                        return true;
                    }
                }
                return false; // unterminated: TiDB keeps "force" and "index" too
            }
        }
        if (cur.tok == Tok::Identifier && cur.lit == u"straight_join")
            cur.lit = u"join"_s;
        return false;
    }

    bool isLit(const Token &t) const
    {
        return isNumLit(t.tok) || t.tok == Tok::StringLit || t.tok == Tok::BitLit
            || t.tok == Tok::ParamMarker || t.lit == u"*" || t.tok == Tok::Null
            || (t.tok == Tok::Identifier && t.lit == u"null");
    }

    void reduceLit(Token &cur)
    {
        if (!isLit(cur))
            return;
        if (cur.lit == u"*") { // count(*) -> count(?)
            if (backLit(1, u"(")) {
                cur = { Tok::Generic, u"?"_s };
            }
            return;
        }
        if (isPrefixByUnary(cur.tok)) // "-x" / "+x" -> "x"
            popBack(1);
        // "?, ?" -> "..."
        if (isGeneric(back(2)) && backLit(1, u",")) {
            const qint8 inherited = back(2)->position; // "..." takes the popped token's place
            popBack(2);
            cur = { Tok::GenericList, u"..."_s, inherited };
            return;
        }
        // "(?), (" + lit -> "..." (row lists)
        if (isGeneric(back(4)) && backLit(3, u")") && backLit(2, u",") && backLit(1, u"(")) {
            const qint8 inherited = back(4)->position;
            popBack(4);
            cur = { Tok::GenericList, u"..."_s, inherited };
            return;
        }
        qint8 position = -1;
        if (cur.tok == Tok::IntLit) {
            position = isOrderOrGroupBy() ? 1 : 0;
            if (position == 1) {
                cur.position = 1;
                return;
            }
        }
        cur = { Tok::Generic, u"?"_s, position };
    }

    bool isPrefixByUnary(Tok tok) const
    {
        if (!isNumLit(tok))
            return false;
        const Token *last = back(1);
        if (!last || (last->lit != u"-" && last->lit != u"+"))
            return false;
        const Token *last2 = back(2);
        if (!last2)
            return true;
        static constexpr QStringView kBefore[]
            = { u"(", u",", u"+", u"-", u">=", u"is", u"<=", u"=", u"<", u">", u"select" };
        for (QStringView s : kBefore) {
            if (last2->lit == s)
                return true;
        }
        return false;
    }

    // "order by 1, 2" and "group by (1, 2)" keep their integers (column positions).
    bool isOrderOrGroupBy() const
    {
        // Window [a, b] = m_tokens[i], m_tokens[i + 1] with i = size - n (TiDB's back(n)).
        const qsizetype size = m_tokens.size();
        qsizetype i = size - 2;
        for (int steps = 0;; i -= 2, ++steps) {
            if (i < 0 || steps > kMaxOrderByWalk)
                return false;
            if (m_tokens[i + 1].lit != u",")
                break;
            // A literal before this comma already walked from the same prefix: same answer.
            if (m_tokens[i].position >= 0)
                return m_tokens[i].position == 1;
        }
        if (m_tokens[i + 1].lit == u"(") {
            if (--i < 0)
                return false;
        }
        const QString &first = m_tokens[i].lit;
        return (first == u"order" || first == u"group") && m_tokens[i + 1].lit == u"by";
    }

    QList<Token> m_tokens;
};

} // namespace

QString normalize(QStringView sql)
{
    return Digester().run(sql);
}

QString digestOfNormalized(QStringView normalized)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(normalized.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QString digest(QStringView sql)
{
    return digestOfNormalized(normalize(sql));
}

} // namespace TiDesk::SqlDigest
