#include "DigestAggregator.h"

#include "slowsql/ShapeKey.h"
#include "slowsql/SqlDigest.h"

#include <algorithm>

namespace TiDesk {

namespace {

bool looksLikeDigest(const QString &d)
{
    // TiDB writes 64 hex chars; anything else (empty, "-") is not a digest to group by.
    if (d.size() != 64)
        return false;
    return std::all_of(d.cbegin(), d.cend(), [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
    });
}

} // namespace

void DigestAggregator::clear()
{
    m_entries = 0;
    m_classes.clear();
    m_seen.clear();
    m_byDigest.clear();
    m_byNormalized.clear();
    m_byShape.clear();
    m_shapeChars = 0;
}

void DigestAggregator::addName(QStringList &names, bool &overflow, const QString &name)
{
    if (name.isEmpty() || names.contains(name))
        return;
    if (names.size() >= DigestClass::kMaxNames) {
        overflow = true;
        return;
    }
    names.append(name);
}

int DigestAggregator::newClass(const QString &digest, DigestClass::DigestSource source,
                               const QString &normalized)
{
    DigestClass c;
    c.digest = digest;
    c.digestSource = source;
    c.normalized = normalized;
    m_classes.append(std::move(c));
    m_seen.append(Seen());
    const int index = int(m_classes.size() - 1);
    m_byDigest.insert(digest, index);
    return index;
}

int DigestAggregator::classFor(const SlowLogEntry &entry)
{
    if (m_preferServerDigest && looksLikeDigest(entry.digest)) {
        const QString digest = entry.digest.toLower();
        if (const auto it = m_byDigest.constFind(digest); it != m_byDigest.cend())
            return it.value();
        return newClass(digest, DigestClass::DigestSource::Server, SqlDigest::normalize(entry.sql));
    }
    // Seen this shape (same text up to literal values) before: no need to normalize again.
    QString &key = m_keyBuffer; // reused: no allocation per entry
    const bool cacheable = SlowSql::shapeKey(entry.sql, key);
    if (cacheable) {
        if (const auto it = m_byShape.constFind(key); it != m_byShape.cend())
            return it.value();
    }
    const auto remember = [&](int index) {
        if (!cacheable || m_shapeChars + key.size() > kMaxShapeChars)
            return;
        m_shapeChars += key.size();
        m_byShape.insert(QString(key.constData(), key.size()), index); // a tight copy
    };
    QString normalized = SqlDigest::normalize(entry.sql);
    if (const auto it = m_byNormalized.constFind(normalized); it != m_byNormalized.cend()) {
        remember(it.value());
        return it.value();
    }
    const QString digest = SqlDigest::digestOfNormalized(normalized);
    int index = -1;
    // The same statement may already have a class under the server's digest (TiDB v5+ digests
    // the same normalization), e.g. a file whose older entries carry no Digest line.
    if (const auto it = m_byDigest.constFind(digest); it != m_byDigest.cend())
        index = it.value();
    else
        index = newClass(digest, DigestClass::DigestSource::Console, normalized);
    m_byNormalized.insert(std::move(normalized), index);
    remember(index);
    return index;
}

void DigestAggregator::add(const SlowLogEntry &entry)
{
    ++m_entries;
    const int index = classFor(entry);
    DigestClass &c = m_classes[index];
    ++c.count;
    const double sec = entry.queryTimeSec.value_or(0.0);
    c.totalSec += sec;
    c.maxSec = std::max(c.maxSec, sec);
    // TiDB: processed keys are its "rows examined"; MySQL/MariaDB: Rows_examined.
    const std::optional<qint64> examined
        = entry.processKeys ? entry.processKeys : entry.rowsExamined;
    if (examined)
        c.rowsExamined = std::max<qint64>(0, c.rowsExamined) + *examined;
    if (entry.rowsSent)
        c.rowsSent = std::max<qint64>(0, c.rowsSent) + *entry.rowsSent;
    if (entry.memMaxBytes)
        c.maxMemBytes = std::max(c.maxMemBytes, *entry.memMaxBytes);
    if (entry.time.isValid()) {
        // Compared as epoch ms kept beside the class: QDateTime comparisons cost a time-zone
        // conversion each, and this runs for every entry.
        const qint64 ms = entry.time.toMSecsSinceEpoch();
        Seen &seen = m_seen[index];
        if (!c.firstSeen.isValid() || ms < seen.firstMs) {
            c.firstSeen = entry.time;
            seen.firstMs = ms;
        }
        if (!c.lastSeen.isValid() || ms > seen.lastMs) {
            c.lastSeen = entry.time;
            seen.lastMs = ms;
        }
    }
    if (c.sampleSec < 0 || sec > c.sampleSec || c.sample.isEmpty()) {
        c.sample = entry.sql;
        c.sampleSec = sec;
        // The plan of the slowest run is the one worth looking at.
        if (!entry.plan.isEmpty()) {
            c.plan = entry.plan;
            c.planDigest = entry.planDigest;
        }
    }
    if (c.plan.isEmpty() && !entry.plan.isEmpty()) {
        c.plan = entry.plan;
        c.planDigest = entry.planDigest;
    }
    addName(c.dbs, c.dbsOverflow, entry.db);
    addName(c.users, c.usersOverflow, entry.user);
}

void DigestAggregator::addClass(const DigestClass &in)
{
    const QString digest = in.digest.toLower();
    const auto it = m_byDigest.constFind(digest);
    if (it == m_byDigest.cend()) {
        m_classes.append(in);
        m_seen.append(Seen { in.firstSeen.isValid() ? in.firstSeen.toMSecsSinceEpoch() : 0,
                             in.lastSeen.isValid() ? in.lastSeen.toMSecsSinceEpoch() : 0 });
        m_classes.last().digest = digest;
        m_byDigest.insert(digest, int(m_classes.size() - 1));
        return;
    }
    DigestClass &c = m_classes[it.value()];
    c.count += in.count;
    c.totalSec += in.totalSec;
    c.maxSec = std::max(c.maxSec, in.maxSec);
    if (in.rowsExamined >= 0)
        c.rowsExamined = std::max<qint64>(0, c.rowsExamined) + in.rowsExamined;
    if (in.rowsSent >= 0)
        c.rowsSent = std::max<qint64>(0, c.rowsSent) + in.rowsSent;
    c.maxMemBytes = std::max(c.maxMemBytes, in.maxMemBytes);
    if (in.firstSeen.isValid() && (!c.firstSeen.isValid() || in.firstSeen < c.firstSeen)) {
        c.firstSeen = in.firstSeen;
        m_seen[it.value()].firstMs = in.firstSeen.toMSecsSinceEpoch();
    }
    if (in.lastSeen.isValid() && (!c.lastSeen.isValid() || in.lastSeen > c.lastSeen)) {
        c.lastSeen = in.lastSeen;
        m_seen[it.value()].lastMs = in.lastSeen.toMSecsSinceEpoch();
    }
    if (c.normalized.isEmpty())
        c.normalized = in.normalized;
    if (c.sample.isEmpty() || in.sampleSec > c.sampleSec) {
        if (!in.sample.isEmpty()) {
            c.sample = in.sample;
            c.sampleSec = in.sampleSec;
        }
    }
    if (c.plan.isEmpty()) {
        c.plan = in.plan;
        c.planDigest = in.planDigest;
    }
    for (const QString &db : in.dbs)
        addName(c.dbs, c.dbsOverflow, db);
    for (const QString &u : in.users)
        addName(c.users, c.usersOverflow, u);
    c.dbsOverflow = c.dbsOverflow || in.dbsOverflow;
    c.usersOverflow = c.usersOverflow || in.usersOverflow;
}

QList<DigestClass> DigestAggregator::classes() const
{
    return top(0);
}

QList<DigestClass> DigestAggregator::top(int n) const
{
    QList<int> order(m_classes.size());
    for (int i = 0; i < order.size(); ++i)
        order[i] = i;
    const auto before = [this](int a, int b) {
        const DigestClass &x = m_classes.at(a);
        const DigestClass &y = m_classes.at(b);
        if (x.totalSec != y.totalSec)
            return x.totalSec > y.totalSec;
        if (x.count != y.count)
            return x.count > y.count;
        return x.digest < y.digest;
    };
    const qsizetype want = n > 0 ? std::min<qsizetype>(n, order.size()) : order.size();
    std::partial_sort(order.begin(), order.begin() + want, order.end(), before);
    QList<DigestClass> out;
    out.reserve(want);
    for (qsizetype i = 0; i < want; ++i)
        out.append(m_classes.at(order.at(i)));
    return out;
}

} // namespace TiDesk
