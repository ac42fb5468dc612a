// ./run bench sessions: the cost of a 1 s refresh of the sessions page with 10,000 sessions.
// Synthetic, reproducible data (fixed seed; TiDB-shaped rows: 2 instances, 40 statement shapes
// with varying literals, memory on most rows). Per tick ~5 % of the rows change (time, state or
// memory), ~1 % vanish and ~1 % appear.
//   sessions_update_ms               SessionsModel::setRows (the diff) alone
//   sessions_update_proxy_ms         the same with a SessionFilterModel sorted by time above it
//   sessions_reset_ms / _proxy_ms    for comparison: resetRows (beginResetModel) with the same data
//   digest_update_ms                 SessionDigestModel::setRows over the same rows
//   reader_ms (cache / no cache)     SessionReader::fromResult on a 10k-row MariaDB-shaped result
//                                    (no server digest: SqlDigest per statement) with a warm
//                                    DigestCache and without one; and TiDB-shaped (server DIGEST)
// Median and p95 over the ticks. Never asserts a time. Needs no server.
#include "models/SessionDigestModel.h"
#include "models/SessionFilterModel.h"
#include "models/SessionsModel.h"
#include "sessions/SessionReader.h"
#include "sql/QueryResult.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace TiDesk;

namespace {

constexpr int kRows = 10000;
constexpr int kTicks = 60;

struct Stats
{
    double median = 0;
    double p95 = 0;
};

Stats stats(QList<double> v)
{
    std::sort(v.begin(), v.end());
    if (v.isEmpty())
        return {};
    return { v.at(v.size() / 2), v.at(qMin<qsizetype>(v.size() - 1, (v.size() * 95) / 100)) };
}

const QStringList kShapes = [] {
    QStringList s;
    for (int i = 0; i < 40; ++i)
        s << QStringLiteral(
                 "SELECT o.id, o.total, c.email FROM shop.orders o JOIN shop.customers c "
                 "ON c.id = o.customer_id WHERE o.status = 'open' AND o.id > %1 "
                 "AND c.country = 'DE' /* shape ")
                + QString::number(i) + u" */"_s;
    return s;
}();

SessionRow makeRow(quint64 id, QRandomGenerator &rng)
{
    SessionRow s;
    s.id = id;
    s.instance = id % 2 ? u"10.0.1.5:10080"_s : u"10.0.1.4:10080"_s;
    s.user = rng.bounded(4) ? u"app"_s : u"etl"_s;
    s.host = u"10.2.3."_s + QString::number(rng.bounded(250)) + u':' + QString::number(30000 + id);
    s.db = u"shop"_s;
    const bool idle = rng.bounded(3) == 0;
    s.command = idle ? u"Sleep"_s : u"Query"_s;
    s.state = idle ? QString() : u"autocommit"_s;
    s.timeMs = qint64(rng.bounded(600)) * 1000;
    if (!idle) {
        s.info = kShapes.at(int(rng.bounded(int(kShapes.size())))).arg(rng.bounded(100000));
        s.digest = QString::number(qHash(s.info), 16).rightJustified(64, u'0');
        s.serverDigest = true;
        s.memBytes = qint64(rng.bounded(1 << 24));
        s.diskBytes = 0;
    }
    s.observedAt = QDateTime::currentDateTimeUtc();
    return s;
}

// The ticks' inputs, prepared before any timing.
QList<QList<SessionRow>> makeTicks(QRandomGenerator &rng)
{
    QList<QList<SessionRow>> ticks;
    QList<SessionRow> live;
    quint64 nextId = 1;
    for (int i = 0; i < kRows; ++i)
        live << makeRow(nextId++, rng);
    ticks << live;
    for (int t = 0; t < kTicks; ++t) {
        // ~1 % vanish, ~1 % appear (at the end, as a server lists new connections).
        for (int n = 0; n < kRows / 100; ++n)
            live.removeAt(int(rng.bounded(int(live.size()))));
        for (int n = 0; n < kRows / 100; ++n)
            live << makeRow(nextId++, rng);
        // ~5 % change.
        for (int n = 0; n < kRows / 20; ++n) {
            SessionRow &s = live[int(rng.bounded(int(live.size())))];
            switch (rng.bounded(3)) {
            case 0: s.timeMs += 1000; break;
            case 1:
                s.state = s.state == u"autocommit" ? u"in transaction"_s : u"autocommit"_s;
                break;
            default: s.memBytes = s.memBytes.value_or(0) + 4096; break;
            }
        }
        ticks << live;
    }
    return ticks;
}

template<typename F>
Stats timeTicks(const QList<QList<SessionRow>> &ticks, F &&apply)
{
    QList<double> ms;
    for (qsizetype t = 1; t < ticks.size(); ++t) {
        QElapsedTimer timer;
        timer.start();
        apply(ticks.at(t));
        ms << double(timer.nsecsElapsed()) / 1e6;
    }
    return stats(ms);
}

QueryResult processlistResult(const QList<SessionRow> &rows, bool tidb)
{
    QueryResult r;
    r.columns = tidb
        ? QStringList { u"INSTANCE"_s, u"ID"_s,   u"USER"_s,    u"HOST"_s, u"DB"_s,
                        u"COMMAND"_s,  u"TIME"_s, u"STATE"_s,   u"INFO"_s, u"DIGEST"_s,
                        u"MEM"_s,      u"DISK"_s, u"TxnStart"_s }
        : QStringList { u"ID"_s,      u"USER"_s,        u"HOST"_s,          u"DB"_s,
                        u"COMMAND"_s, u"TIME"_s,        u"TIME_MS"_s,       u"STATE"_s,
                        u"INFO"_s,    u"MEMORY_USED"_s, u"EXAMINED_ROWS"_s, u"QUERY_ID"_s };
    for (const SessionRow &s : rows) {
        const QVariant info = s.info.isEmpty() ? QVariant() : QVariant(s.info);
        if (tidb)
            r.rows << QVariantList { s.instance,
                                     s.id,
                                     s.user,
                                     s.host,
                                     s.db,
                                     s.command,
                                     s.timeMs / 1000,
                                     s.state,
                                     info,
                                     s.digest.isEmpty() ? QVariant() : QVariant(s.digest),
                                     s.memBytes.value_or(0),
                                     0,
                                     QString() };
        else
            r.rows << QVariantList { s.id,
                                     s.user,
                                     s.host,
                                     s.db,
                                     s.command,
                                     s.timeMs / 1000,
                                     double(s.timeMs),
                                     s.state,
                                     info,
                                     s.memBytes.value_or(0),
                                     qint64(0),
                                     qint64(s.id * 7) };
    }
    return r;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QRandomGenerator rng(20261130);
    const QList<QList<SessionRow>> ticks = makeTicks(rng);
    std::printf("bench_sessions: %d sessions, %d ticks, per tick ~%d changed, ~%d vanish, ~%d "
                "appear\n",
                kRows, kTicks, kRows / 20, kRows / 100, kRows / 100);

    {
        SessionsModel model;
        model.setRows(ticks.first());
        const Stats s
            = timeTicks(ticks, [&](const QList<SessionRow> &rows) { model.setRows(rows); });
        std::printf("  sessions_update_ms        median %7.2f   p95 %7.2f   (diff, model alone)\n",
                    s.median, s.p95);
    }
    {
        SessionsModel model;
        model.setRows(ticks.first());
        const Stats s
            = timeTicks(ticks, [&](const QList<SessionRow> &rows) { model.resetRows(rows); });
        std::printf(
            "  sessions_reset_ms         median %7.2f   p95 %7.2f   (beginResetModel refill)\n",
            s.median, s.p95);
    }
    {
        SessionsModel model;
        SessionFilterModel filter;
        filter.setSourceModel(&model);
        filter.setHideSleeping(true);
        filter.sort(SessionsModel::TimeColumn, Qt::DescendingOrder);
        model.setRows(ticks.first());
        const Stats s
            = timeTicks(ticks, [&](const QList<SessionRow> &rows) { model.setRows(rows); });
        std::printf("  sessions_update_proxy_ms  median %7.2f   p95 %7.2f   (diff + filter sorted "
                    "by time, %d rows shown)\n",
                    s.median, s.p95, filter.rowCount());
    }
    {
        SessionsModel model;
        SessionFilterModel filter;
        filter.setSourceModel(&model);
        filter.setHideSleeping(true);
        filter.sort(SessionsModel::TimeColumn, Qt::DescendingOrder);
        model.setRows(ticks.first());
        const Stats s
            = timeTicks(ticks, [&](const QList<SessionRow> &rows) { model.resetRows(rows); });
        std::printf("  sessions_reset_proxy_ms   median %7.2f   p95 %7.2f   (reset + filter "
                    "sorted by time)\n",
                    s.median, s.p95);
    }
    {
        SessionDigestModel digests;
        digests.setRows(ticks.first());
        const Stats s
            = timeTicks(ticks, [&](const QList<SessionRow> &rows) { digests.setRows(rows); });
        std::printf("  digest_update_ms          median %7.2f   p95 %7.2f   (%lld digests)\n",
                    s.median, s.p95, qlonglong(digests.rowCount()));
    }

    // SessionReader on a 10k-row answer.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto readerStats = [&](bool tidb, bool cache) {
        SessionReader::DigestCache digestCache;
        QList<QueryResult> results;
        for (int t = 0; t < 11; ++t)
            results << processlistResult(ticks.at(t), tidb);
        if (cache)
            (void)SessionReader::fromResult(results.first(), tidb ? Engine::TiDB : Engine::MariaDB,
                                            now, &digestCache);
        QList<double> ms;
        for (int t = 1; t < results.size(); ++t) {
            QElapsedTimer timer;
            timer.start();
            const auto rows
                = SessionReader::fromResult(results.at(t), tidb ? Engine::TiDB : Engine::MariaDB,
                                            now, cache ? &digestCache : nullptr);
            ms << double(timer.nsecsElapsed()) / 1e6;
            if (!rows || rows->size() < kRows / 2)
                std::printf("  reader: unexpected result\n");
        }
        return stats(ms);
    };
    const Stats mariaCache = readerStats(false, true);
    const Stats mariaNoCache = readerStats(false, false);
    const Stats tidbRead = readerStats(true, false);
    std::printf("  reader_ms mariadb cache   median %7.2f   p95 %7.2f   (SqlDigest, warm cache)\n",
                mariaCache.median, mariaCache.p95);
    std::printf(
        "  reader_ms mariadb nocache median %7.2f   p95 %7.2f   (SqlDigest per statement)\n",
        mariaNoCache.median, mariaNoCache.p95);
    std::printf("  reader_ms tidb            median %7.2f   p95 %7.2f   (server DIGEST column)\n",
                tidbRead.median, tidbRead.p95);
    return 0;
}
