#include "AssistResult.h"

#include "AssistMessage.h"

#include <QJsonArray>
#include <QLocale>

#include <climits>
#include <numeric>

using namespace Qt::StringLiterals;

namespace TiDesk {

QString AssistResult::summary() const
{
    if (!ok)
        //: %1 = the error in one sentence
        return tr("failed: %1").arg(message);
    if (!columns.isEmpty()) {
        QString s = tr("%Ln row(s) in %1 ms", nullptr, int(qMin<qint64>(totalRows, INT_MAX)))
                        .arg(durationMs);
        if (isTruncated())
            //: %1 = rows sent to the expert
            s += u", "_s + tr("%1 sent").arg(QLocale().toString(qint64(rows.size())));
        return s;
    }
    if (affectedRows >= 0)
        return tr("%Ln row(s) affected in %1 ms", nullptr, int(qMin<qint64>(affectedRows, INT_MAX)))
            .arg(durationMs);
    return message;
}

QList<QJsonObject> AssistResult::toMessages(qint64 maxBytes) const
{
    QJsonObject head { { u"t"_s, QString::fromLatin1(AssistMessage::kResult) },
                       { u"id"_s, double(proposalId) },
                       { u"ok"_s, ok },
                       { u"columns"_s, QJsonArray::fromStringList(columns) },
                       { u"total_rows"_s, double(totalRows) },
                       { u"affected_rows"_s, double(affectedRows) },
                       { u"duration_ms"_s, double(durationMs) },
                       { u"message"_s, message } };
    QList<QJsonObject> out;
    QJsonArray part;
    qint64 partBytes = 0;
    const qint64 budget = maxBytes - 4096 - message.size() * 3
        - std::accumulate(columns.cbegin(), columns.cend(), qint64(0),
                          [](qint64 a, const QString &c) { return a + c.size() * 3 + 8; });
    auto flush = [&](bool last) {
        QJsonObject m = head;
        m.insert(u"part"_s, double(out.size()));
        m.insert(u"rows"_s, part);
        m.insert(u"last"_s, last);
        out << m;
        part = QJsonArray();
        partBytes = 0;
    };
    for (const QStringList &r : rows) {
        qint64 rowBytes = 4;
        for (const QString &c : r)
            rowBytes += c.size() * 6 + 4; // worst case: every character escaped as \uXXXX
        if (partBytes > 0 && partBytes + rowBytes > budget)
            flush(false);
        QJsonArray cells;
        for (const QString &c : r)
            cells.append(c);
        part.append(cells);
        partBytes += rowBytes;
    }
    flush(true);
    return out;
}

bool AssistResult::appendMessage(const QJsonObject &m)
{
    if (m.value(u"part"_s).toInt() == 0) {
        proposalId = qint64(m.value(u"id"_s).toDouble());
        ok = m.value(u"ok"_s).toBool();
        columns.clear();
        for (const QJsonValue &c : m.value(u"columns"_s).toArray())
            columns << c.toString();
        rows.clear();
        totalRows = qint64(m.value(u"total_rows"_s).toDouble());
        affectedRows = qint64(m.value(u"affected_rows"_s).toDouble(-1));
        durationMs = qint64(m.value(u"duration_ms"_s).toDouble());
        message = m.value(u"message"_s).toString();
    }
    for (const QJsonValue &r : m.value(u"rows"_s).toArray()) {
        QStringList cells;
        for (const QJsonValue &c : r.toArray())
            cells << c.toString();
        rows << cells;
    }
    return m.value(u"last"_s).toBool();
}

} // namespace TiDesk
