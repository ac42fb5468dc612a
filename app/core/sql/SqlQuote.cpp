#include "SqlQuote.h"

using namespace Qt::StringLiterals;

namespace TiDesk::SqlQuote {

QString literal(const QString &text)
{
    QString out;
    out.reserve(text.size() + 2);
    out += u'\'';
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'\'': out += u"''"_s; break;
        case u'\\': out += u"\\\\"_s; break;
        case 0: out += u"\\0"_s; break;
        case u'\n': out += u"\\n"_s; break;
        case u'\r': out += u"\\r"_s; break;
        case 0x1a: out += u"\\Z"_s; break;
        default: out += c; break;
        }
    }
    out += u'\'';
    return out;
}

QString bytesLiteral(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return u"''"_s;
    return u"X'"_s + QString::fromLatin1(bytes.toHex()) + u'\'';
}

QString identifier(const QString &name)
{
    QString out;
    out.reserve(name.size() + 2);
    out += u'`';
    for (const QChar c : name) {
        if (c.unicode() == 0)
            continue;
        if (c == u'`')
            out += u'`';
        out += c;
    }
    out += u'`';
    return out;
}

} // namespace TiDesk::SqlQuote
