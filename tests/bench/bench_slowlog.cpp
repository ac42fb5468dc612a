// ./run bench slowlog: `tidesk-cli slowlog digest FILE --json` against `pt-query-digest FILE
// --output json` (percona-toolkit 3.2.1) on the same generated MySQL 8 slow log, in one run.
// The file (default 110 MB; TIDESK_BENCH_SLOWLOG_MB to change) is generated deterministically:
// many query shapes over a shop-like schema (point and range selects, IN lists of 1-12 values,
// joins, aggregates, multi-row inserts, updates, deletes), with the literal, case, whitespace,
// comment and back-quote variations real logs have, multi-line statements, `use db;` lines.
// Each tool runs TIDESK_BENCH_RUNS times (default 2), the fastest run counts (all are printed).
// Prints: file size and entries; both wall times (and tidesk-cli's peak RSS); the ratio; and how
// well the two groupings agree. The tools name classes differently (TiDB digest vs pt
// fingerprint), so classes are matched through their samples: a pt class maps to the TiDesk
// class whose digest its example has (SqlDigest), a TiDesk class to the pt class whose
// fingerprint its sample has (pt-fingerprint, one batch). A pt class agrees 1:1 when the two
// maps point at each other and nothing else maps to either; "identical" when the query counts
// are equal too. Then the connected groups of both maps: the same grouping, TiDesk merging pt
// classes, TiDesk splitting one, and whether each group holds the same number of queries on both
// sides. Shares are by query count. Wall and CPU times are both printed: the machine is shared.
// Never asserts a time.
#include "slowsql/SqlDigest.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <sys/resource.h>

#include <cstdio>

using namespace TiDesk;
using namespace Qt::StringLiterals;

namespace {

// Deterministic generator (splitmix64).
struct Rng
{
    quint64 s;
    quint64 next()
    {
        quint64 z = (s += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    int below(int n) { return int(next() % quint64(n)); }
    bool chance(int percent) { return below(100) < percent; }
};

const char *const kTables[]
    = { "orders",    "customers", "products",  "order_items",  "reviews",   "invoices",
        "shipments", "payments",  "carts",     "coupons",      "suppliers", "warehouses",
        "returns",   "sessions",  "audit_log", "price_history" };
const char *const kCols[]
    = { "customer_id", "status", "created_at", "total", "country",     "city",
        "email",       "sku",    "quantity",   "price", "supplier_id", "updated_at" };
const char *const kDbs[] = { "shop", "billing", "logistics" };
const char *const kUsers[] = { "app", "report", "batch", "api" };
constexpr int kTableCount = int(sizeof(kTables) / sizeof(kTables[0]));
constexpr int kColCount = int(sizeof(kCols) / sizeof(kCols[0]));

QByteArray literal(Rng &r)
{
    switch (r.below(5)) {
    case 0: return QByteArray::number(r.below(1000000));
    case 1: return QByteArray::number(-r.below(1000));
    case 2: return "'" + QByteArray::number(r.below(99999)) + "-x'";
    case 3: return QByteArray::number(r.below(100000) / 100.0, 'f', 2);
    default: return "'2024-05-" + QByteArray::number(10 + r.below(18)) + " 12:00:00'";
    }
}

QByteArray inList(Rng &r)
{
    // Mostly several values; sometimes one (TiDB writes `( ? )` for one and `( ... )` for more,
    // pt-query-digest `(?+)` for both: a real difference the agreement figure shows).
    const int n = r.chance(8) ? 1 : 2 + r.below(11);
    QByteArray out = "(";
    for (int i = 0; i < n; ++i)
        out += (i ? ", " : "") + QByteArray::number(r.below(100000));
    return out + ")";
}

QByteArray ident(const char *name, bool quoted)
{
    return quoted ? "`" + QByteArray(name) + "`" : QByteArray(name);
}

// One statement of shape `shape` (0 .. kShapes-1) with fresh literals and surface variations.
constexpr int kKinds = 10;
constexpr int kShapes = kTableCount * kColCount * kKinds / 4; // 480: one in four combinations

QByteArray statement(int shape, Rng &r)
{
    const int combo = shape * 4 + 1; // spread over (table, column, kind)
    const int kind = combo % kKinds;
    const char *t = kTables[(combo / kKinds) % kTableCount];
    const char *c = kCols[(combo / (kKinds * kTableCount)) % kColCount];
    const char *c2 = kCols[(combo / kKinds + 5) % kColCount];
    // Each shape comes from one piece of code, so its quoting and case are mostly fixed; a few
    // entries come from another client (an ORM that back-quotes, lower-case keywords).
    const bool q = (shape % 3 == 0) != r.chance(3);
    const QByteArray T = ident(t, q), C = ident(c, q), C2 = ident(c2, q);
    QByteArray s;
    switch (kind) {
    case 0: s = "SELECT * FROM " + T + " WHERE " + C + " = " + literal(r); break;
    case 1:
        s = "SELECT id, " + C2 + " FROM " + T + " WHERE " + C + " IN " + inList(r) + " LIMIT "
            + QByteArray::number(10 + r.below(90));
        break;
    case 2:
        s = "SELECT " + C + ", COUNT(*) AS n, SUM(" + C2 + ") AS s FROM " + T + " WHERE " + C2
            + " > " + literal(r) + " GROUP BY " + C + " ORDER BY n DESC LIMIT "
            + QByteArray::number(5 + r.below(20));
        break;
    case 3:
        s = "SELECT a.id, b." + C2 + "\n  FROM " + T
            + " a\n  JOIN customers b ON b.id = a.customer_id\n WHERE a." + C + " BETWEEN "
            + literal(r) + " AND " + literal(r);
        break;
    case 4:
        s = "UPDATE " + T + " SET " + C2 + " = " + literal(r)
            + ", updated_at = NOW() WHERE id = " + QByteArray::number(r.below(1000000));
        break;
    case 5: {
        s = "INSERT INTO " + T + " (" + C + ", " + C2 + ", created_at) VALUES ";
        const int rows = 1 + r.below(6);
        for (int i = 0; i < rows; ++i)
            s += (i ? ", (" : "(") + literal(r) + ", " + literal(r) + ", NOW())";
        break;
    }
    case 6: s = "DELETE FROM " + T + " WHERE " + C + " < " + literal(r) + " LIMIT 1000"; break;
    case 7:
        s = "SELECT COUNT(*) FROM " + T + " WHERE " + C + " LIKE '%"
            + QByteArray::number(r.below(999)) + "%' AND " + C2 + " IS NOT NULL";
        break;
    case 8:
        s = "SELECT * FROM " + T + " WHERE " + C + " = " + literal(r) + " ORDER BY " + C2
            + " DESC LIMIT " + QByteArray::number(1 + r.below(50));
        break;
    default:
        s = "SELECT MAX(" + C2 + ") FROM " + T + " WHERE " + C + " >= " + literal(r) + " AND " + C
            + " < " + literal(r);
        break;
    }
    if ((shape % 7 == 0) != r.chance(3))
        s = s.toLower(); // another client spells keywords in lower case
    if (r.chance(10))
        s = "/* app:" + QByteArray::number(r.below(50)) + " */ " + s; // comments differ
    if (r.chance(5))
        s.replace(" WHERE ", "\n WHERE ");
    return s + ";";
}

struct Generated
{
    qint64 bytes = 0;
    qint64 entries = 0;
};

Generated generate(const QString &path, qint64 targetBytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    Rng r { 20261130 };
    Generated g;
    QByteArray buf;
    buf += "/usr/sbin/mysqld, Version: 8.0.36 (MySQL Community Server - GPL). started with:\n"
           "Tcp port: 3306  Unix socket: /var/run/mysqld/mysqld.sock\n"
           "Time                 Id Command    Argument\n";
    qint64 ts = 1715648400; // 2024-05-14T01:00:00Z
    QByteArray lastDb;
    // Zipf-ish popularity: a few shapes dominate, as in real logs.
    while (g.bytes + buf.size() < targetBytes) {
        const int shape = r.chance(60) ? r.below(20)
            : r.chance(70)             ? r.below(120)
                                       : r.below(kShapes);
        ts += r.below(3);
        const int us = r.below(1000000);
        const QByteArray db = kDbs[shape % 3];
        const double qt = 0.1 + double(r.below(3000000)) / 1e6 * (shape < 20 ? 0.3 : 1.0);
        const QDateTime t = QDateTime::fromSecsSinceEpoch(ts, Qt::UTC);
        buf += "# Time: " + t.toString(u"yyyy-MM-ddTHH:mm:ss"_s).toLatin1() + "."
            + QByteArray::number(us).rightJustified(6, '0') + "Z\n";
        buf += "# User@Host: " + QByteArray(kUsers[shape % 4]) + "[" + kUsers[shape % 4]
            + "] @ web0" + QByteArray::number(1 + r.below(4)) + " [10.0.3."
            + QByteArray::number(10 + r.below(40))
            + "]  Id: " + QByteArray::number(1000 + r.below(500)) + "\n";
        buf += "# Query_time: " + QByteArray::number(qt, 'f', 6) + "  Lock_time: 0.000"
            + QByteArray::number(100 + r.below(800))
            + " Rows_sent: " + QByteArray::number(r.below(100))
            + "  Rows_examined: " + QByteArray::number(r.below(200000)) + "\n";
        if (db != lastDb) {
            buf += "use " + db + ";\n";
            lastDb = db;
        }
        buf += "SET timestamp=" + QByteArray::number(ts) + ";\n";
        buf += statement(shape, r) + "\n";
        ++g.entries;
        if (buf.size() > (4 << 20)) {
            f.write(buf);
            g.bytes += buf.size();
            buf.clear();
        }
    }
    f.write(buf);
    g.bytes += buf.size();
    return g;
}

struct Run
{
    qint64 ms = -1;
    QByteArray out;
    QByteArray err;
    int exit = -1;
};

Run timed(const QString &program, const QStringList &args, const QString &outFile)
{
    QProcess p;
    p.setStandardOutputFile(outFile);
    QElapsedTimer t;
    t.start();
    p.start(program, args);
    if (!p.waitForStarted(10000))
        return {};
    p.waitForFinished(-1);
    Run r;
    r.ms = t.elapsed();
    r.exit = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.err = p.readAllStandardError();
    QFile f(outFile);
    if (f.open(QIODevice::ReadOnly))
        r.out = f.readAll();
    return r;
}

double childCpuSec()
{
    rusage u {};
    getrusage(RUSAGE_CHILDREN, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec)
        + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

long childMaxRssKb()
{
    rusage u {};
    getrusage(RUSAGE_CHILDREN, &u);
    return u.ru_maxrss;
}

void line(const QString &s)
{
    std::printf("%s\n", qPrintable(s));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const qint64 mb = qEnvironmentVariableIsSet("TIDESK_BENCH_SLOWLOG_MB")
        ? qEnvironmentVariableIntValue("TIDESK_BENCH_SLOWLOG_MB")
        : 110;
    QTemporaryDir dir;
    dir.setAutoRemove(!qEnvironmentVariableIsSet("TIDESK_BENCH_KEEP"));
    if (!dir.isValid())
        qFatal("no temporary directory");
    const QString log = dir.filePath(u"slow.log"_s);
    QElapsedTimer gen;
    gen.start();
    const Generated g = generate(log, mb * 1024 * 1024);
    if (!dir.autoRemove())
        line(u"files kept in %1"_s.arg(dir.path()));
    line(u"slowlog_file_bytes %1 (%2 MB), entries %3, shapes %4, generated in %5 ms"_s.arg(g.bytes)
             .arg(double(g.bytes) / 1048576.0, 0, 'f', 1)
             .arg(g.entries)
             .arg(kShapes)
             .arg(gen.elapsed()));

    // Warm the page cache for both (the same for both tools): read the file once.
    {
        QFile f(log);
        if (f.open(QIODevice::ReadOnly))
            while (!f.read(1 << 20).isEmpty()) { }
    }

    // Each tool runs `runs` times (TIDESK_BENCH_RUNS, default 2) and the fastest run counts: the
    // machine is shared, and one run of either can be slowed down by someone else's build.
    const int runs = qMax(1,
                          qEnvironmentVariableIsSet("TIDESK_BENCH_RUNS")
                              ? qEnvironmentVariableIntValue("TIDESK_BENCH_RUNS")
                              : 2);
    Run td;
    double tdCpu = 0;
    QStringList tdRuns;
    for (int i = 0; i < runs; ++i) {
        const double cpu0 = childCpuSec();
        Run r = timed(QStringLiteral(TIDESK_CLI_BINARY),
                      { u"--json"_s, u"slowlog"_s, u"digest"_s, log, u"--top"_s, u"0"_s },
                      dir.filePath(u"tidesk.json"_s));
        const double cpu = childCpuSec() - cpu0;
        if (r.exit != 0)
            qFatal("tidesk-cli failed (%d): %s", r.exit, r.err.constData());
        tdRuns << QString::number(r.ms);
        if (td.ms < 0 || r.ms < td.ms) {
            td = std::move(r);
            tdCpu = cpu;
        }
    }
    const long tdRssKb = childMaxRssKb();
    const QJsonObject tdJson = QJsonDocument::fromJson(td.out).object();
    const QJsonObject stats = tdJson.value(u"stats"_s).toObject();
    line(u"tidesk_ms %1  cpu_ms %6  runs_ms [%7]  (entries %2, malformed %3, classes %4, peak RSS "
         "%5 MB)"_s.arg(td.ms)
             .arg(stats.value(u"entries"_s).toInteger())
             .arg(stats.value(u"malformed"_s).toInteger())
             .arg(tdJson.value(u"class_count"_s).toInteger())
             .arg(double(tdRssKb) / 1024.0, 0, 'f', 1)
             .arg(qint64(tdCpu * 1000))
             .arg(tdRuns.join(u", "_s)));

    const QString pt = QStandardPaths::findExecutable(u"pt-query-digest"_s);
    if (pt.isEmpty()) {
        line(u"pt-query-digest not found: no comparison (./run setup installs percona-toolkit)"_s);
        return 0;
    }
    Run ptRun;
    double ptCpu = 0;
    QStringList ptRuns;
    for (int i = 0; i < runs; ++i) {
        const double cpu1 = childCpuSec();
        Run r = timed(pt, { log, u"--output"_s, u"json"_s, u"--limit"_s, u"100%:100000"_s },
                      dir.filePath(u"pt.json"_s));
        const double cpu = childCpuSec() - cpu1;
        if (r.exit != 0)
            qFatal("pt-query-digest failed (%d): %s", r.exit, r.err.constData());
        ptRuns << QString::number(r.ms);
        if (ptRun.ms < 0 || r.ms < ptRun.ms) {
            ptRun = std::move(r);
            ptCpu = cpu;
        }
    }
    // pt-query-digest prints a header line before the JSON in some versions.
    const qsizetype brace = ptRun.out.indexOf('{');
    const QJsonObject ptJson = QJsonDocument::fromJson(ptRun.out.mid(brace)).object();
    const QJsonArray ptClasses = ptJson.value(u"classes"_s).toArray();
    qint64 ptQueries = 0;
    for (const QJsonValue &v : ptClasses)
        ptQueries += v.toObject().value(u"query_count"_s).toInteger();
    line(u"pt_query_digest_ms %1  cpu_ms %4  runs_ms [%5]  (queries %2, classes %3)"_s.arg(ptRun.ms)
             .arg(ptQueries)
             .arg(ptClasses.size())
             .arg(qint64(ptCpu * 1000))
             .arg(ptRuns.join(u", "_s)));
    line(u"speedup %1x wall, %2x cpu  (pt-query-digest / tidesk-cli)"_s
             .arg(double(ptRun.ms) / double(qMax<qint64>(1, td.ms)), 0, 'f', 1)
             .arg(ptCpu / qMax(0.001, tdCpu), 0, 'f', 1));

    // --- agreement of the groupings, through the samples --------------------------------
    const QJsonArray tdClasses = tdJson.value(u"classes"_s).toArray();
    QHash<QString, int> tdByDigest;
    for (int i = 0; i < tdClasses.size(); ++i)
        tdByDigest.insert(tdClasses.at(i).toObject().value(u"digest"_s).toString(), i);
    QHash<QString, int> ptByFingerprint;
    for (int i = 0; i < ptClasses.size(); ++i)
        ptByFingerprint.insert(ptClasses.at(i).toObject().value(u"fingerprint"_s).toString(), i);

    // pt class -> TiDesk class: our digest of pt's example.
    QList<int> ptToTd(ptClasses.size(), -1);
    for (int i = 0; i < ptClasses.size(); ++i) {
        const QString example = ptClasses.at(i)
                                    .toObject()
                                    .value(u"example"_s)
                                    .toObject()
                                    .value(u"query"_s)
                                    .toString();
        ptToTd[i] = tdByDigest.value(SqlDigest::digest(example), -1);
    }
    // TiDesk class -> pt class: pt's fingerprint of our sample (one pt-fingerprint run).
    QList<int> tdToPt(tdClasses.size(), -1);
    {
        QFile samples(dir.filePath(u"samples.sql"_s));
        if (!samples.open(QIODevice::WriteOnly))
            qFatal("cannot write samples");
        for (const QJsonValue &v : tdClasses) {
            // pt-fingerprint's file mode drops a query that starts with a comment (it then
            // answers one line short); comments are not part of a fingerprint anyway.
            static const QRegularExpression comment(u"/\\*.*?\\*/"_s,
                                                    QRegularExpression::DotMatchesEverythingOption);
            QString s = v.toObject().value(u"sample"_s).toString();
            s.remove(comment);
            s = s.trimmed();
            if (!s.endsWith(u';'))
                s += u';';
            samples.write(s.toUtf8() + '\n');
        }
        samples.close();
        QProcess fp;
        fp.start(QStandardPaths::findExecutable(u"pt-fingerprint"_s), { samples.fileName() });
        fp.waitForFinished(-1);
        const QList<QByteArray> fps = fp.readAllStandardOutput().split('\n');
        for (int i = 0; i < tdClasses.size() && i < fps.size(); ++i)
            tdToPt[i] = ptByFingerprint.value(QString::fromUtf8(fps.at(i)).trimmed(), -1);
    }
    QList<int> tdHits(tdClasses.size(), 0), ptHits(ptClasses.size(), 0);
    for (int i = 0; i < ptClasses.size(); ++i)
        if (ptToTd[i] >= 0)
            ++tdHits[ptToTd[i]];
    for (int i = 0; i < tdClasses.size(); ++i)
        if (tdToPt[i] >= 0)
            ++ptHits[tdToPt[i]];
    qint64 oneToOneQueries = 0, identicalQueries = 0;
    int oneToOne = 0, identical = 0;
    for (int i = 0; i < ptClasses.size(); ++i) {
        const int t = ptToTd[i];
        if (t < 0 || tdToPt[t] != i || tdHits[t] != 1 || ptHits[i] != 1)
            continue;
        const qint64 n = ptClasses.at(i).toObject().value(u"query_count"_s).toInteger();
        ++oneToOne;
        oneToOneQueries += n;
        if (n == tdClasses.at(t).toObject().value(u"count"_s).toInteger()) {
            ++identical;
            identicalQueries += n;
        }
    }
    const double total = double(qMax<qint64>(1, ptQueries));
    line(u"agreement_1to1 %1% of queries (%2 of %3 pt classes map 1:1 to a TiDesk class)"_s
             .arg(100.0 * double(oneToOneQueries) / total, 0, 'f', 1)
             .arg(oneToOne)
             .arg(ptClasses.size()));
    line(u"agreement_identical %1% of queries (%2 classes: 1:1 and the same query count)"_s
             .arg(100.0 * double(identicalQueries) / total, 0, 'f', 1)
             .arg(identical));

    // Coarser view: the connected groups of the two maps. A group with one class on each side
    // is the same grouping; one TiDesk class for several pt classes is TiDesk merging (e.g.
    // back-quoted and plain names: pt keeps the quotes, TiDB's digest does not); one pt class for
    // several TiDesk classes is TiDesk splitting (TiDB writes `IN ( ? )` for one value and
    // `IN ( ... )` for more, pt `in(?+)` for both).
    const qsizetype nodes = ptClasses.size() + tdClasses.size();
    QList<qsizetype> parent(nodes);
    for (qsizetype i = 0; i < nodes; ++i)
        parent[i] = i;
    const auto find = [&parent](qsizetype x) {
        while (parent[x] != x)
            x = parent[x] = parent[parent[x]];
        return x;
    };
    const auto join = [&](qsizetype a, qsizetype b) {
        parent[find(a)] = find(b);
    };
    for (int i = 0; i < ptClasses.size(); ++i)
        if (ptToTd[i] >= 0)
            join(i, ptClasses.size() + ptToTd[i]);
    for (int t = 0; t < tdClasses.size(); ++t)
        if (tdToPt[t] >= 0)
            join(ptClasses.size() + t, tdToPt[t]);
    struct Group
    {
        int pt = 0, td = 0;
        qint64 ptQueries = 0, tdQueries = 0;
    };
    QHash<qsizetype, Group> groups;
    for (int i = 0; i < ptClasses.size(); ++i) {
        Group &grp = groups[find(i)];
        ++grp.pt;
        grp.ptQueries += ptClasses.at(i).toObject().value(u"query_count"_s).toInteger();
    }
    for (int t = 0; t < tdClasses.size(); ++t) {
        Group &grp = groups[find(ptClasses.size() + t)];
        ++grp.td;
        grp.tdQueries += tdClasses.at(t).toObject().value(u"count"_s).toInteger();
    }
    qint64 exactQ = 0, mergeQ = 0, splitQ = 0, tangledQ = 0, unmatchedQ = 0, sameCountQ = 0;
    int merges = 0, splits = 0, tangled = 0;
    for (const Group &grp : std::as_const(groups)) {
        if (grp.pt == 0 || grp.td == 0)
            unmatchedQ += grp.ptQueries;
        else if (grp.pt == 1 && grp.td == 1)
            exactQ += grp.ptQueries;
        else if (grp.td == 1) {
            mergeQ += grp.ptQueries;
            ++merges;
        } else if (grp.pt == 1) {
            splitQ += grp.ptQueries;
            ++splits;
        } else {
            tangledQ += grp.ptQueries;
            ++tangled;
        }
        if (grp.pt > 0 && grp.td > 0 && grp.ptQueries == grp.tdQueries)
            sameCountQ += grp.ptQueries;
    }
    const auto pct = [total](qint64 q) {
        return QString::number(100.0 * double(q) / total, 'f', 1);
    };
    line(u"groups: same %1%, TiDesk merges pt classes %2% (%3 groups), TiDesk splits a pt class "
         "%4% (%5 groups), both %6% (%7), unmatched %8% of queries"_s.arg(pct(exactQ), pct(mergeQ))
             .arg(merges)
             .arg(pct(splitQ))
             .arg(splits)
             .arg(pct(tangledQ))
             .arg(tangled)
             .arg(pct(unmatchedQ)));
    line(u"groups with the same query count on both sides: %1% of queries (the same statements, "
         "grouped the same way up to those merges and splits)"_s.arg(pct(sameCountQ)));
    line(u"classes: TiDesk %1, pt-query-digest %2"_s.arg(tdClasses.size()).arg(ptClasses.size()));
    return 0;
}
