#include "FleetMath.h"

#include "sql/QueryResult.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace TiDesk::FleetMath {

namespace {

qint64 toCount(const QVariant &v)
{
    bool ok = false;
    const qint64 n = v.toString().trimmed().toLongLong(&ok);
    return ok && n >= 0 ? n : -1;
}

} // namespace

FleetCounters countersFromResult(Engine engine, const QueryResult &result, int ownSessions)
{
    FleetCounters c;
    if (engine == Engine::TiDB) {
        const int sessionsCol = result.columnIndex(u"SESSIONS"_s);
        const int uptimeCol = result.columnIndex(u"UPTIME"_s);
        for (const QVariantList &row : result.rows) {
            if (sessionsCol >= 0 && sessionsCol < row.size() && c.connections < 0)
                if (const qint64 n = toCount(row.at(sessionsCol)); n >= 0)
                    c.connections = std::max<qint64>(0, n - ownSessions);
            if (uptimeCol >= 0 && uptimeCol < row.size()) {
                const qint64 up = goDurationSeconds(row.at(uptimeCol).toString());
                if (up >= 0 && (c.uptimeSeconds < 0 || up < c.uptimeSeconds))
                    c.uptimeSeconds = up; // the youngest tidb-server: a restart shows
            }
        }
        return c;
    }
    const int nameCol = result.columnIndex(u"Variable_name"_s);
    const int valueCol = result.columnIndex(u"Value"_s);
    if (nameCol < 0 || valueCol < 0)
        return c;
    for (const QVariantList &row : result.rows) {
        if (nameCol >= row.size() || valueCol >= row.size())
            continue;
        const QString name = row.at(nameCol).toString().trimmed().toLower();
        const qint64 value = toCount(row.at(valueCol));
        if (name == u"questions")
            c.questions = value;
        else if (name == u"threads_connected")
            c.connections = value < 0 ? -1 : std::max<qint64>(0, value - ownSessions);
        else if (name == u"threads_running")
            c.threadsRunning = value;
        else if (name == u"uptime")
            c.uptimeSeconds = value;
    }
    return c;
}

qint64 goDurationSeconds(const QString &text)
{
    static const QRegularExpression part(u"(\\d+(?:\\.\\d+)?)(h|ms|us|µs|ns|m|s)"_s);
    const QString t = text.trimmed();
    if (t.isEmpty())
        return -1;
    double seconds = 0;
    qsizetype pos = 0;
    while (pos < t.size()) {
        const QRegularExpressionMatch m = part.match(t, pos, QRegularExpression::NormalMatch,
                                                     QRegularExpression::AnchorAtOffsetMatchOption);
        if (!m.hasMatch())
            return -1;
        const double v = m.captured(1).toDouble();
        const QString unit = m.captured(2);
        if (unit == u"h")
            seconds += v * 3600;
        else if (unit == u"m")
            seconds += v * 60;
        else if (unit == u"s")
            seconds += v;
        else if (unit == u"ms")
            seconds += v / 1e3;
        else if (unit == u"us" || unit == u"µs")
            seconds += v / 1e6;
        else
            seconds += v / 1e9;
        pos = m.capturedEnd();
    }
    return qint64(std::floor(seconds));
}

double qps(const CounterReading &previous, const CounterReading &current)
{
    if (previous.questions < 0 || current.questions < 0)
        return FleetSample::kUnknown;
    const qint64 elapsedMs = current.steadyMs - previous.steadyMs;
    if (elapsedMs <= 0)
        return FleetSample::kUnknown;
    if (current.questions < previous.questions)
        return FleetSample::kUnknown; // counter reset: restarted (or FLUSH STATUS) in between
    if (previous.uptimeSeconds >= 0 && current.uptimeSeconds >= 0
        && current.uptimeSeconds < previous.uptimeSeconds)
        return FleetSample::kUnknown; // restarted and already past the old count
    const qint64 delta = current.questions - previous.questions - current.ownStatements;
    return std::max<qint64>(0, delta) * 1000.0 / double(elapsedMs);
}

int backoffRefreshes(int consecutiveFailures, int intervalMs, int capMs)
{
    if (consecutiveFailures <= 2)
        return 1;
    const int capRefreshes = std::max(1, capMs / std::max(1, intervalMs));
    const int shift = std::min(consecutiveFailures - 2, 20);
    return std::clamp(1 << shift, 1, capRefreshes);
}

void appendHistory(QList<double> &history, double value)
{
    history.append(value);
    if (history.size() > FleetSample::kHistoryLength)
        history.remove(0, history.size() - FleetSample::kHistoryLength);
}

int severityRank(const FleetSample &sample)
{
    switch (sample.state) {
    case FleetSample::State::Down: return 0;
    case FleetSample::State::Unknown: return 3;
    default: break;
    }
    if (sample.alertCount(AlertLevel::Emergency) > 0 || sample.alertCount(AlertLevel::Critical) > 0)
        return 1;
    return 2;
}

} // namespace TiDesk::FleetMath
