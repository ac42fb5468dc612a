#include "slowsql/SlowLogParser.h"

#include <QIODevice>
#include <QRegularExpression>
#include <QTimeZone>

namespace TiDesk {

namespace {

constexpr QByteArrayView kTime = "# Time:";
constexpr QByteArrayView kUserHost = "# User@Host:";
constexpr QByteArrayView kAdminCommand = "# administrator command:";

QByteArrayView trimmed(QByteArrayView v)
{
    return v.trimmed();
}

bool isBlank(QByteArrayView v)
{
    return v.trimmed().isEmpty();
}

// mysqld writes these three lines at every start (the file may hold several restarts).
bool isBannerLine(QByteArrayView line)
{
    if (line.contains(", Version: ") && line.contains("started with:"))
        return true;
    if (line.startsWith("Tcp port:"))
        return true;
    return line.startsWith("Time ") && line.contains("Id Command");
}

bool isKeyToken(QByteArrayView t)
{
    if (t.size() < 2 || !t.endsWith(':'))
        return false;
    for (qsizetype i = 0; i < t.size() - 1; ++i) {
        const char c = t[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
              || c == '@'))
            return false;
    }
    return true;
}

std::optional<qint64> toInt(QByteArrayView v, bool *bad)
{
    bool ok = false;
    const qint64 n = v.toLongLong(&ok);
    if (!ok) {
        *bad = true;
        return std::nullopt;
    }
    return n;
}

std::optional<quint64> toUInt(QByteArrayView v)
{
    bool ok = false;
    const quint64 n = v.toULongLong(&ok);
    return ok ? std::optional<quint64>(n) : std::nullopt;
}

std::optional<double> toDouble(QByteArrayView v, bool *bad)
{
    bool ok = false;
    const double d = v.toDouble(&ok);
    if (!ok) {
        *bad = true;
        return std::nullopt;
    }
    return d;
}

std::optional<bool> toBool(QByteArrayView v)
{
    if (v.compare("true", Qt::CaseInsensitive) == 0 || v == "1")
        return true;
    if (v.compare("false", Qt::CaseInsensitive) == 0 || v == "0")
        return false;
    return std::nullopt;
}

QString unquoteDb(QByteArrayView v)
{
    QByteArrayView t = trimmed(v);
    if (t.size() >= 2 && t.startsWith('`') && t.endsWith('`'))
        t = t.sliced(1, t.size() - 2);
    return QString::fromUtf8(t);
}

// Hints gathered from one entry's lines; resolved into a format when the entry closes.
enum Hint : unsigned {
    HintTiDBKey = 1, // a key only TiDB writes
    HintNanoTime = 2, // `# Time:` with 9 fractional digits
    HintMariaKey = 4, // QC_hit, Thread_id
    HintMySqlId = 8, // `Id:` on the User@Host line
    HintShortTime = 16 // `# Time: 240514  9:21:33`
};

} // namespace

SlowLogParser::SlowLogParser() = default;

qint64 SlowLogParser::heldBytes() const
{
    return m_buf.capacity() + m_sql.capacity()
        + 2 * (m_cur.plan.capacity() + m_cur.user.capacity() + m_cur.host.capacity());
}

void SlowLogParser::feed(QByteArrayView bytes)
{
    if (m_pos > 0) {
        m_buf.remove(0, m_pos);
        m_scanFrom -= m_pos;
        m_pos = 0;
        // A 1 MB statement must not pin 1 MB of buffer for the rest of the file.
        if (m_buf.capacity() > 1024 * 1024 && m_buf.size() < m_buf.capacity() / 4)
            m_buf.squeeze();
    }
    m_buf.append(bytes);
    m_stats.bytes += bytes.size();
}

void SlowLogParser::finish()
{
    m_finished = true;
}

std::optional<SlowLogEntry> SlowLogParser::read(QIODevice &device, qint64 chunkBytes)
{
    chunkBytes = qMax<qint64>(chunkBytes, 1);
    for (;;) {
        if (auto e = next())
            return e;
        if (m_finished)
            return std::nullopt;
        if (m_pos > 0)
            feed({});
        const qsizetype old = m_buf.size();
        m_buf.resize(old + chunkBytes);
        const qint64 n = device.read(m_buf.data() + old, chunkBytes);
        m_buf.resize(old + qMax<qint64>(n, 0));
        if (n > 0) {
            m_stats.bytes += n;
            continue;
        }
        // A pipe or socket with nothing yet is not the end of the log.
        if (n == 0 && device.isSequential() && device.isOpen() && !device.atEnd())
            return std::nullopt;
        finish();
    }
}

std::optional<SlowLogEntry> SlowLogParser::next()
{
    while (!m_ready) {
        const qsizetype nl = m_buf.indexOf('\n', m_scanFrom);
        if (nl < 0) {
            m_scanFrom = m_buf.size();
            const qsizetype partial = m_buf.size() - m_pos;
            if (!m_discardingLine && partial > m_maxEntryBytes) {
                if (m_inEntry) {
                    m_entryBad = true;
                    m_sql = QByteArray();
                } else {
                    addIssue(m_lineNo + 1, Problem::TooLarge);
                    m_inGarbage = true;
                }
                m_discardingLine = true;
            }
            if (m_discardingLine) {
                m_offset += partial;
                m_buf.clear();
                m_pos = m_scanFrom = 0;
            }
            if (!m_finished)
                return std::nullopt;
            if (m_pos < m_buf.size()) { // a last line without '\n'
                const QByteArrayView line(m_buf.constData() + m_pos, m_buf.size() - m_pos);
                processLine(line, ++m_lineNo, m_offset);
                m_offset += line.size();
                m_pos = m_scanFrom = m_buf.size();
                m_stats.lines = m_lineNo;
                continue;
            }
            m_discardingLine = false;
            if (m_inEntry) {
                closeEntry(true);
                continue;
            }
            return std::nullopt;
        }
        const QByteArrayView line(m_buf.constData() + m_pos, nl - m_pos);
        ++m_lineNo;
        if (m_discardingLine)
            m_discardingLine = false;
        else
            processLine(line, m_lineNo, m_offset);
        m_offset += nl + 1 - m_pos;
        m_pos = m_scanFrom = nl + 1;
        m_stats.lines = m_lineNo;
    }
    std::optional<SlowLogEntry> out = std::move(m_ready);
    m_ready.reset();
    return out;
}

void SlowLogParser::addIssue(qint64 lineNo, Problem problem)
{
    ++m_stats.malformed;
    if (m_stats.firstIssues.size() < kMaxIssues)
        m_stats.firstIssues.append({ lineNo, problem });
}

void SlowLogParser::startEntry(qint64 lineNo, qint64 offset)
{
    m_cur = SlowLogEntry();
    m_cur.lineNumber = lineNo;
    m_cur.byteOffset = offset;
    m_inEntry = true;
    m_entryBad = false;
    m_state = State::Headers;
    m_hasOwnTime = m_hasUserHost = m_timeBad = m_fieldBad = false;
    m_hints = 0;
    m_sql.clear();
    m_sqlTerminatedLen = -1;
    m_firstLineAfterTerminated = 0;
    m_nonBlankAfterTerminated = false;
    m_setTimestamp.reset();
    m_entryBytes = 0;
    m_inGarbage = false;
}

void SlowLogParser::processLine(QByteArrayView line, qint64 lineNo, qint64 offset)
{
    if (line.endsWith('\r'))
        line.chop(1);
    const bool isTime = line.startsWith(kTime);
    const bool isUserHost = line.startsWith(kUserHost);
    const bool isHash = line.startsWith('#');

    if (m_inEntry && !isTime && !isUserHost) {
        if (m_entryBad)
            return; // swallowing an over-large entry up to the next header
        m_entryBytes += line.size() + 1;
        if (m_entryBytes > m_maxEntryBytes) {
            m_entryBad = true;
            m_sql = QByteArray();
            m_cur.plan.clear();
            return;
        }
    }

    if (isTime) {
        if (m_inEntry)
            closeEntry(false);
        startEntry(lineNo, offset);
        m_entryBytes = line.size() + 1;
        m_hasOwnTime = true;
        m_cur.time = parseTime(trimmed(line.sliced(kTime.size())));
        if (m_cur.time.isValid())
            m_lastTime = m_cur.time;
        else
            m_timeBad = true;
        return;
    }
    if (isUserHost) {
        // Older MySQL writes `# Time:` only when the second changes: User@Host then starts one.
        if (m_inEntry && (m_hasUserHost || m_state == State::Sql || m_entryBad))
            closeEntry(false);
        if (!m_inEntry)
            startEntry(lineNo, offset);
        m_entryBytes += line.size() + 1;
        m_hasUserHost = true;
        QByteArrayView rest = line.sliced(kUserHost.size());
        const qsizetype idPos = rest.indexOf(" Id:");
        if (idPos >= 0) {
            m_cur.connectionId = toUInt(trimmed(rest.sliced(idPos + 4)));
            m_hints |= HintMySqlId;
            rest = rest.first(idPos);
        }
        const qsizetype at = rest.indexOf('@');
        QByteArrayView userPart = at >= 0 ? rest.first(at) : rest;
        QByteArrayView hostPart = at >= 0 ? rest.sliced(at + 1) : QByteArrayView();
        if (const qsizetype b = userPart.indexOf('['); b >= 0)
            userPart = userPart.first(b);
        m_cur.user = QString::fromUtf8(trimmed(userPart));
        hostPart = trimmed(hostPart);
        QByteArrayView hostName = hostPart;
        QByteArrayView ip;
        if (const qsizetype b = hostPart.indexOf('['); b >= 0) {
            hostName = hostPart.first(b);
            ip = hostPart.sliced(b + 1);
            if (const qsizetype e = ip.indexOf(']'); e >= 0)
                ip = ip.first(e);
        }
        hostName = trimmed(hostName);
        m_cur.host = QString::fromUtf8(hostName.isEmpty() ? trimmed(ip) : hostName);
        return;
    }
    if (isHash) {
        if (m_inEntry && m_sql.isEmpty() && line.startsWith(kAdminCommand)) {
            m_state = State::Sql; // MySQL's COM_QUIT, COM_PREPARE ... in place of a statement
            appendSqlLine(trimmed(line.sliced(1)), lineNo);
            return;
        }
        if (m_inEntry && m_state == State::Sql) {
            if (m_sqlTerminatedLen != m_sql.size()) {
                appendSqlLine(line, lineNo); // a '#' line inside a statement still open
                return;
            }
            closeEntry(false);
        }
        if (!m_inEntry) {
            startEntry(lineNo, offset); // headers without `# Time:`; judged when it closes
            m_entryBytes = line.size() + 1;
        }
        parseHeader(line.sliced(1));
        return;
    }
    if (!m_inEntry) {
        if (isBlank(line))
            return;
        if (isBannerLine(line)) {
            ++m_stats.bannerLines;
            return;
        }
        if (!m_inGarbage) {
            addIssue(lineNo, Problem::Garbage);
            m_inGarbage = true;
        }
        return;
    }
    if (m_state == State::Sql && m_sqlTerminatedLen == m_sql.size() && isBannerLine(line)) {
        closeEntry(false); // the server restarted: a new banner after a complete entry
        ++m_stats.bannerLines;
        return;
    }
    m_state = State::Sql;
    appendSqlLine(line, lineNo);
}

void SlowLogParser::parseHeader(QByteArrayView body)
{
    body = trimmed(body);
    // Values that run to the end of the line (they may hold spaces and colons).
    for (QByteArrayView key : { QByteArrayView("Plan:"), QByteArrayView("Binary_plan:"),
                                QByteArrayView("Prev_stmt:") }) {
        if (body.startsWith(key)) {
            setField(key.chopped(1), trimmed(body.sliced(key.size())));
            return;
        }
    }
    QByteArrayView key;
    qsizetype valueStart = -1;
    qsizetype valueEnd = -1;
    qsizetype i = 0;
    const qsizetype n = body.size();
    while (i < n) {
        while (i < n && (body[i] == ' ' || body[i] == '\t'))
            ++i;
        if (i >= n)
            break;
        qsizetype j = i;
        while (j < n && body[j] != ' ' && body[j] != '\t')
            ++j;
        const QByteArrayView token = body.sliced(i, j - i);
        if (isKeyToken(token)) {
            if (!key.isEmpty())
                setField(key,
                         valueStart < 0 ? QByteArrayView()
                                        : body.sliced(valueStart, valueEnd - valueStart));
            key = token.chopped(1);
            valueStart = valueEnd = -1;
        } else if (!key.isEmpty()) {
            if (valueStart < 0)
                valueStart = i;
            valueEnd = j;
        }
        i = j;
    }
    if (!key.isEmpty())
        setField(key,
                 valueStart < 0 ? QByteArrayView()
                                : body.sliced(valueStart, valueEnd - valueStart));
}

void SlowLogParser::setField(QByteArrayView key, QByteArrayView value)
{
    bool *bad = &m_fieldBad;
    if (key == "Query_time") {
        m_cur.queryTimeSec = toDouble(value, bad);
    } else if (key == "Lock_time") {
        m_cur.lockTimeSec = toDouble(value, bad);
    } else if (key == "Rows_sent" || key == "Result_rows") {
        m_cur.rowsSent = toInt(value, bad);
    } else if (key == "Rows_examined") {
        m_cur.rowsExamined = toInt(value, bad);
    } else if (key == "Rows_affected") {
        m_cur.rowsAffected = toInt(value, bad);
    } else if (key == "DB" || key == "Schema") {
        m_cur.db = unquoteDb(value);
    } else if (key == "Conn_ID") {
        m_cur.connectionId = toUInt(value);
        m_hints |= HintTiDBKey;
    } else if (key == "Thread_id") {
        if (!m_cur.connectionId)
            m_cur.connectionId = toUInt(value);
        m_hints |= HintMariaKey;
    } else if (key == "QC_hit") {
        m_hints |= HintMariaKey;
    } else if (key == "Txn_start_ts") {
        m_cur.txnStartTs = toUInt(value);
        m_hints |= HintTiDBKey;
    } else if (key == "Process_keys") {
        bool ignored = false;
        m_cur.processKeys = toInt(value, &ignored);
    } else if (key == "Total_keys") {
        bool ignored = false;
        m_cur.totalKeys = toInt(value, &ignored);
    } else if (key == "Mem_max") {
        bool ignored = false;
        m_cur.memMaxBytes = toInt(value, &ignored);
        m_hints |= HintTiDBKey;
    } else if (key == "Disk_max") {
        bool ignored = false;
        m_cur.diskMaxBytes = toInt(value, &ignored);
        m_hints |= HintTiDBKey;
    } else if (key == "Digest") {
        m_cur.digest = QString::fromLatin1(value);
        m_hints |= HintTiDBKey;
    } else if (key == "Plan_digest") {
        m_cur.planDigest = QString::fromLatin1(value);
        m_hints |= HintTiDBKey;
    } else if (key == "Plan") {
        m_cur.plan = QString::fromUtf8(value);
        m_hints |= HintTiDBKey;
    } else if (key == "Succ") {
        m_cur.succ = toBool(value);
        m_hints |= HintTiDBKey;
    } else if (key == "Is_internal") {
        m_cur.isInternal = toBool(value);
        m_hints |= HintTiDBKey;
    }
    // Every other key (TiDB adds some in most releases) is ignored on purpose.
}

void SlowLogParser::appendSqlLine(QByteArrayView line, qint64 lineNo)
{
    if (m_sql.isEmpty()) {
        const QByteArrayView t = trimmed(line);
        if (t.isEmpty())
            return;
        if (t.endsWith(';') && t.size() > 5 && t.first(4).compare("use ", Qt::CaseInsensitive) == 0
            && !t.sliced(4).chopped(1).trimmed().contains(' ')) {
            m_lastUseDb = unquoteDb(t.sliced(4).chopped(1));
            return;
        }
        constexpr QByteArrayView setTs = "SET timestamp=";
        if (t.endsWith(';') && t.size() > setTs.size()
            && t.first(setTs.size()).compare(setTs, Qt::CaseInsensitive) == 0) {
            bool ok = false;
            const qint64 secs = t.sliced(setTs.size()).chopped(1).toLongLong(&ok);
            if (ok) {
                m_setTimestamp = secs;
                return;
            }
        }
    } else {
        m_sql.append('\n');
    }
    m_sql.append(line);
    if (line.trimmed().endsWith(';')) {
        m_sqlTerminatedLen = m_sql.size();
        m_firstLineAfterTerminated = 0;
        m_nonBlankAfterTerminated = false;
    } else if (m_sqlTerminatedLen >= 0) {
        if (m_firstLineAfterTerminated == 0)
            m_firstLineAfterTerminated = lineNo;
        if (!isBlank(line))
            m_nonBlankAfterTerminated = true;
    }
}

void SlowLogParser::closeEntry(bool atEof)
{
    m_inEntry = false;
    const qint64 at = m_cur.lineNumber;
    const auto drop = [&](Problem p) {
        addIssue(at, p);
        m_sql.clear();
    };
    if (m_entryBad)
        return drop(Problem::TooLarge);
    if (m_sqlTerminatedLen < 0) {
        if (atEof)
            return drop(Problem::TruncatedAtEnd);
        return drop(m_sql.isEmpty() ? Problem::NoStatement : Problem::Unterminated);
    }
    if (m_sqlTerminatedLen < m_sql.size()) {
        // Lines after the statement's final ';' that never ended in ';': not part of it.
        if (m_nonBlankAfterTerminated)
            addIssue(m_firstLineAfterTerminated, Problem::Garbage);
        m_sql.truncate(m_sqlTerminatedLen);
    }

    SlowLogFormat f = SlowLogFormat::MySQL;
    if (m_hints & (HintTiDBKey | HintNanoTime))
        f = SlowLogFormat::TiDB;
    else if (m_hints & HintMariaKey)
        f = SlowLogFormat::MariaDB;
    else if (m_hints & HintMySqlId)
        f = SlowLogFormat::MySQL;
    else if (m_hints & HintShortTime)
        f = SlowLogFormat::MariaDB;

    if (m_timeBad)
        return drop(Problem::BadTime);
    if (!m_hasOwnTime) {
        if (m_hasUserHost && f != SlowLogFormat::TiDB)
            m_cur.time = m_lastTime;
        if (!m_cur.time.isValid() && m_setTimestamp)
            m_cur.time = QDateTime::fromSecsSinceEpoch(*m_setTimestamp, QTimeZone::utc());
        if (!m_cur.time.isValid())
            return drop(Problem::BadTime);
    }
    if (m_fieldBad)
        return drop(Problem::BadField);

    m_cur.format = f;
    if (m_format == SlowLogFormat::Unknown)
        m_format = f;
    if (m_cur.db.isNull() && !m_lastUseDb.isEmpty())
        m_cur.db = m_lastUseDb;
    m_cur.sql = QString::fromUtf8(m_sql);
    m_sql.clear();
    ++m_stats.entries;
    m_ready = std::move(m_cur);
    m_cur = SlowLogEntry();
}

QDateTime SlowLogParser::parseTime(QByteArrayView text)
{
    // RFC 3339 (TiDB, MySQL 5.7+), old TiDB `2006-01-02-15:04:05.999 -0700`, and the short
    // `YYMMDD H:MM:SS` of MariaDB and MySQL <= 5.6.
    static const QRegularExpression iso(QStringLiteral(
        R"(^(\d{4})-(\d{2})-(\d{2})[T\- ](\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?\s*(Z|[+-]\d{2}:?\d{2})?$)"));
    static const QRegularExpression shortForm(
        QStringLiteral(R"(^(\d{2})(\d{2})(\d{2})\s+(\d{1,2}):(\d{2}):(\d{2})$)"));
    static const QTimeZone utc = QTimeZone::utc();
    // Fast path for the common `2024-05-14T01:21:33.487776Z` / `...+08:00` (every entry has one:
    // the regular expression below was a tenth of `slowlog digest`'s time). Anything else falls
    // through to the general forms.
    const auto num = [&text](qsizetype pos, qsizetype n, int *out) {
        int v = 0;
        for (qsizetype i = pos; i < pos + n; ++i) {
            if (i >= text.size() || text[i] < '0' || text[i] > '9')
                return false;
            v = v * 10 + (text[i] - '0');
        }
        *out = v;
        return true;
    };
    int fy = 0, fmo = 0, fd = 0, fh = 0, fmi = 0, fs = 0;
    if (text.size() >= 20 && text[4] == '-' && text[7] == '-' && text[10] == 'T' && text[13] == ':'
        && text[16] == ':' && num(0, 4, &fy) && num(5, 2, &fmo) && num(8, 2, &fd) && num(11, 2, &fh)
        && num(14, 2, &fmi) && num(17, 2, &fs)) {
        qsizetype pos = 19;
        int fms = 0;
        bool ok = true;
        if (text[pos] == '.') {
            const qsizetype start = ++pos;
            while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9')
                ++pos;
            const qsizetype digitsN = pos - start;
            ok = digitsN >= 1 && digitsN <= 9;
            for (qsizetype i = 0; ok && i < 3; ++i)
                fms = fms * 10 + (i < digitsN ? text[start + i] - '0' : 0);
            if (ok && digitsN == 9)
                m_hints |= HintNanoTime;
        }
        int off = 0;
        if (ok && pos + 1 == text.size() && text[pos] == 'Z') {
            off = 0;
        } else if (ok && pos + 6 == text.size() && (text[pos] == '+' || text[pos] == '-')
                   && text[pos + 3] == ':') {
            int oh = 0, om = 0;
            ok = num(pos + 1, 2, &oh) && num(pos + 4, 2, &om);
            off = (oh * 3600 + om * 60) * (text[pos] == '-' ? -1 : 1);
        } else {
            ok = false;
        }
        if (ok) {
            const QDate date(fy, fmo, fd);
            const QTime time(fh, fmi, fs, fms);
            if (!date.isValid() || !time.isValid())
                return {};
            return QDateTime(date, time, utc).addSecs(-off);
        }
    }

    const QString s = QString::fromLatin1(text);
    int offsetSec = m_assumedOffsetSec;
    int year = 0;
    int ms = 0;
    QRegularExpressionMatch m = iso.match(s);
    if (m.hasMatch()) {
        year = m.captured(1).toInt();
        const QString frac = m.captured(7);
        if (!frac.isEmpty())
            ms = QString(frac + QStringLiteral("00")).left(3).toInt();
        if (frac.size() == 9)
            m_hints |= HintNanoTime;
        const QString tz = m.captured(8);
        if (tz == QLatin1String("Z")) {
            offsetSec = 0;
        } else if (!tz.isEmpty()) {
            QString digits = tz.mid(1);
            digits.remove(QLatin1Char(':'));
            offsetSec = (digits.left(2).toInt() * 3600 + digits.mid(2, 2).toInt() * 60)
                * (tz.startsWith(QLatin1Char('-')) ? -1 : 1);
        }
    } else {
        m = shortForm.match(s);
        if (!m.hasMatch())
            return {};
        year = 2000 + m.captured(1).toInt();
        m_hints |= HintShortTime;
    }
    const QDate date(year, m.captured(2).toInt(), m.captured(3).toInt());
    const QTime time(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt(), ms);
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, utc).addSecs(-offsetSec);
}

} // namespace TiDesk
