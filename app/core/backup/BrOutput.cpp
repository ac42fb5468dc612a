#include "BrOutput.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

std::optional<quint64> toU64(const QString &s)
{
    bool ok = false;
    const quint64 v = s.trimmed().toULongLong(&ok);
    return ok ? std::optional<quint64>(v) : std::nullopt;
}

std::optional<double> goSeconds(const QString &text)
{
    // Go durations with fractions ("4.715509333s", "1m2.5s", "350ms").
    static const QRegularExpression part(u"(\\d+(?:\\.\\d+)?)(h|ms|us|µs|ns|m|s)"_s);
    const QString t = text.trimmed();
    if (t.isEmpty())
        return std::nullopt;
    double total = 0;
    qsizetype consumed = 0;
    auto it = part.globalMatch(t);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        if (m.capturedStart() != consumed)
            return std::nullopt;
        consumed = m.capturedEnd();
        const double n = m.captured(1).toDouble();
        const QString u = m.captured(2);
        total += u == u"h" ? n * 3600
            : u == u"m"    ? n * 60
            : u == u"s"    ? n
            : u == u"ms"   ? n / 1e3
            : u == u"ns"   ? n / 1e9
                           : n / 1e6;
    }
    if (consumed != t.size())
        return std::nullopt;
    return total;
}

} // namespace

QHash<QString, QString> BrOutput::fields(const QString &line)
{
    QHash<QString, QString> out;
    static const QRegularExpression pair(
        u"\\[([^\\[\\]=\"]+)=(\"(?:[^\"\\\\]|\\\\.)*\"|[^\\]]*)\\]"_s);
    auto it = pair.globalMatch(line);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        QString value = m.captured(2);
        if (value.size() >= 2 && value.startsWith(u'"') && value.endsWith(u'"'))
            value = value.mid(1, value.size() - 2).replace(u"\\\""_s, u"\""_s);
        out.insert(m.captured(1).trimmed(), value);
    }
    return out;
}

void BrOutput::readLine(const QString &rawLine)
{
    const QString line = rawLine.trimmed();
    if (line.isEmpty())
        return;
    static const QRegularExpression bar(
        u"^([A-Za-z][A-Za-z0-9 &]*?) <[^>]*> (\\d+(?:\\.\\d+)?)%"_s);
    if (const QRegularExpressionMatch m = bar.match(line); m.hasMatch()) {
        m_progress << BrProgress { m.captured(1).trimmed(),
                                   qBound(0.0, m.captured(2).toDouble(), 100.0) };
        return;
    }
    static const QRegularExpression summary(u"\\[\"([^\"]*summary)\"\\]"_s,
                                            QRegularExpression::CaseInsensitiveOption);
    if (const QRegularExpressionMatch m = summary.match(line); m.hasMatch()) {
        BrSummary s;
        s.title = m.captured(1);
        s.success = s.title.contains(u"success"_s, Qt::CaseInsensitive);
        s.fields = fields(line.mid(m.capturedEnd()));
        s.backupTs = toU64(s.fields.value(u"BackupTS"_s));
        if (const auto size = toU64(s.fields.value(u"Size"_s)))
            s.sizeBytes = qint64(*size);
        else if (const auto total = toU64(s.fields.value(u"total-size"_s)))
            s.sizeBytes = qint64(*total);
        s.totalTakeSeconds = goSeconds(s.fields.value(u"total-take"_s));
        s.restoreFrom = toU64(s.fields.value(u"restore-from"_s));
        s.restoreTo = toU64(s.fields.value(u"restore-to"_s));
        if (!s.success)
            m_errors << s.title;
        m_summary = s;
        return;
    }
    if (line.contains(u"[ERROR]"_s) || line.contains(u"[FATAL]"_s)) {
        const QHash<QString, QString> f = fields(line);
        static const QRegularExpression message(u"\\] \\[\"([^\"]*)\"\\]"_s);
        QString text = message.match(line).captured(1);
        if (const QString e = f.value(u"error"_s); !e.isEmpty())
            text = text.isEmpty() ? e : text + u": "_s + e;
        m_errors << (text.isEmpty() ? line : text);
        return;
    }
    if (line.startsWith(u"Error: "_s))
        m_errors << line.mid(7).trimmed();
}

void BrOutput::feed(QByteArrayView bytes)
{
    m_pending.append(bytes.data(), bytes.size());
    qsizetype start = 0;
    for (qsizetype i = 0; i < m_pending.size(); ++i) {
        const char c = m_pending.at(i);
        if (c == '\n' || c == '\r') {
            readLine(QString::fromUtf8(m_pending.constData() + start, i - start));
            start = i + 1;
        }
    }
    m_pending.remove(0, start);
}

void BrOutput::finish()
{
    if (!m_pending.isEmpty()) {
        readLine(QString::fromUtf8(m_pending));
        m_pending.clear();
    }
}

std::optional<BrProgress> BrOutput::lastProgress() const
{
    if (m_progress.isEmpty())
        return std::nullopt;
    return m_progress.last();
}

bool BrOutput::succeeded() const
{
    return m_summary && m_summary->success && m_errors.isEmpty();
}

namespace BrLog {

QDateTime parseTime(const QString &text)
{
    static const QRegularExpression re(
        u"^(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?) ?([+-])(\\d{2}):?(\\d{2})$"_s);
    const QRegularExpressionMatch m = re.match(text.trimmed());
    if (!m.hasMatch())
        return {};
    QString time = m.captured(2);
    if (const qsizetype dot = time.indexOf(u'.'); dot >= 0)
        time = time.left(qMin<qsizetype>(dot + 4, time.size())).leftJustified(12, u'0');
    else
        time += u".000"_s;
    const QDateTime local
        = QDateTime::fromString(m.captured(1) + u'T' + time, u"yyyy-MM-ddTHH:mm:ss.zzz"_s);
    if (!local.isValid())
        return {};
    const int offset = (m.captured(4).toInt() * 3600 + m.captured(5).toInt() * 60)
        * (m.captured(3) == u"-" ? -1 : 1);
    QDateTime withOffset(local.date(), local.time(), Qt::OffsetFromUTC, offset);
    return withOffset.toUTC();
}

QList<BrLogTask> parseStatus(const QString &text)
{
    QList<BrLogTask> tasks;
    static const QRegularExpression field(
        u"^\\s*([a-zA-Z\\[\\]().]+(?:\\[[a-z]+\\])?):\\s?(.*)$"_s);
    static const QRegularExpression taskStart(u"^\\s*>\\s*#\\d+\\s*<\\s*$"_s);
    for (const QString &raw : text.split(u'\n')) {
        const QString line = raw.trimmed();
        if (taskStart.match(line).hasMatch()) {
            tasks << BrLogTask {};
            continue;
        }
        if (tasks.isEmpty())
            continue;
        BrLogTask &t = tasks.last();
        if (line.startsWith(u"error"_s, Qt::CaseInsensitive)) { // "error[store=4]: ..."
            t.errors << line;
            continue;
        }
        const QRegularExpressionMatch m = field.match(line);
        if (!m.hasMatch())
            continue;
        const QString key = m.captured(1);
        const QString value = m.captured(2).trimmed();
        if (key == u"name") {
            t.name = value;
        } else if (key == u"status") {
            QString v = value;
            v.remove(u'\u25cf');
            t.status = v.trimmed();
        } else if (key == u"start") {
            t.start = parseTime(value);
        } else if (key == u"end") {
            t.end = parseTime(value);
        } else if (key == u"storage") {
            t.storage = value;
        } else if (key.startsWith(u"checkpoint"_s)) {
            const qsizetype semi = value.indexOf(u';');
            t.checkpoint = parseTime(semi < 0 ? value : value.left(semi));
            static const QRegularExpression gap(u"gap=([0-9a-zµ.]+)"_s);
            if (const QRegularExpressionMatch g = gap.match(value); g.hasMatch())
                if (const auto s = goSeconds(g.captured(1)))
                    t.checkpointGapSeconds = qint64(*s);
        }
    }
    return tasks;
}

std::optional<Metadata> parseMetadata(const QString &text)
{
    for (const QString &line : text.split(u'\n')) {
        if (!line.contains(u"log-min-ts="_s) && !line.contains(u"log-max-ts="_s))
            continue;
        const QHash<QString, QString> f = BrOutput::fields(line);
        Metadata md;
        md.minTs = toU64(f.value(u"log-min-ts"_s));
        md.maxTs = toU64(f.value(u"log-max-ts"_s));
        md.minDate = parseTime(f.value(u"log-min-date"_s));
        md.maxDate = parseTime(f.value(u"log-max-date"_s));
        return md;
    }
    return std::nullopt;
}

} // namespace BrLog

} // namespace TiDesk
