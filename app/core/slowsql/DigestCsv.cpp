#include "DigestCsv.h"

using namespace Qt::StringLiterals;

namespace TiDesk::DigestCsv {

namespace {

QString num(double v)
{
    return QString::number(v, 'f', 6);
}

QString count(qint64 v)
{
    return v >= 0 ? QString::number(v) : QString();
}

QString stamp(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

} // namespace

QStringList header()
{
    return { u"digest"_s,    u"digest_source"_s, u"normalized"_s, u"count"_s,
             u"total_s"_s,   u"avg_s"_s,         u"max_s"_s,      u"rows_examined"_s,
             u"rows_sent"_s, u"max_mem_bytes"_s, u"first_seen"_s, u"last_seen"_s,
             u"dbs"_s,       u"users"_s,         u"sample"_s,     u"plan_digest"_s,
             u"plan"_s };
}

QStringList row(const DigestClass &c)
{
    return { c.digest,
             DigestClass::digestSourceName(c.digestSource),
             c.normalized,
             QString::number(c.count),
             num(c.totalSec),
             num(c.avgSec()),
             num(c.maxSec),
             count(c.rowsExamined),
             count(c.rowsSent),
             count(c.maxMemBytes),
             stamp(c.firstSeen),
             stamp(c.lastSeen),
             c.dbs.join(u';'),
             c.users.join(u';'),
             c.sample,
             c.planDigest,
             c.plan };
}

QString field(const QString &value)
{
    bool quote = false;
    for (const QChar ch : value) {
        if (ch == u',' || ch == u'"' || ch == u'\n' || ch == u'\r') {
            quote = true;
            break;
        }
    }
    // A leading or trailing space is kept by RFC 4180 but trimmed by some readers: quote it.
    if (!quote && !value.isEmpty() && (value.front().isSpace() || value.back().isSpace()))
        quote = true;
    if (!quote)
        return value;
    QString out = value;
    out.replace(u"\""_s, u"\"\""_s);
    return u'"' + out + u'"';
}

QByteArray toCsv(const QList<DigestClass> &classes, bool withBom)
{
    QString text;
    const auto line = [&text](const QStringList &fields) {
        for (qsizetype i = 0; i < fields.size(); ++i) {
            if (i > 0)
                text += u',';
            text += field(fields.at(i));
        }
        text += u"\r\n"_s;
    };
    line(header());
    for (const DigestClass &c : classes)
        line(row(c));
    QByteArray out = withBom ? QByteArray("\xEF\xBB\xBF") : QByteArray();
    out += text.toUtf8();
    return out;
}

QList<QStringList> parse(const QString &csv)
{
    QList<QStringList> rows;
    QStringList fields;
    QString cur;
    bool inQuotes = false;
    bool any = false;
    for (qsizetype i = 0; i < csv.size(); ++i) {
        const QChar ch = csv.at(i);
        if (inQuotes) {
            if (ch == u'"') {
                if (i + 1 < csv.size() && csv.at(i + 1) == u'"') {
                    cur += u'"';
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                cur += ch;
            }
            continue;
        }
        if (ch == u'"') {
            inQuotes = true;
            any = true;
        } else if (ch == u',') {
            fields << cur;
            cur.clear();
            any = true;
        } else if (ch == u'\r' || ch == u'\n') {
            if (ch == u'\r' && i + 1 < csv.size() && csv.at(i + 1) == u'\n')
                ++i;
            fields << cur;
            rows << fields;
            fields.clear();
            cur.clear();
            any = false;
        } else {
            cur += ch;
            any = true;
        }
    }
    if (any || !cur.isEmpty() || !fields.isEmpty()) {
        fields << cur;
        rows << fields;
    }
    return rows;
}

} // namespace TiDesk::DigestCsv
