// DigestAggregator: groups slow statements by SQL digest into DigestClass values (slow-query
// history "by digest"). Entries come from slow-log files (SlowLogParser) or from slow-query rows
// read from a server (SlowQueryRows turns them into SlowLogEntry values); classes that a server
// already aggregated (TiDB statements summary) are merged with addClass().
//
// Digest: the entry's own Digest when it has one (TiDB writes it; that is what TiDB Dashboard
// and statements summary show), else SqlDigest over the statement text (TiDB-compatible
// normalization; DigestClass::DigestSource::Console). Console digests are cached by normalized
// text, so the SHA-256 runs once per class, not once per entry, and by SlowSql::shapeKey, so a
// statement whose shape was seen before is not normalized again.
//
// Memory grows with the number of classes, never with the number of entries: per class it keeps
// the counters, the slowest statement as its sample, one plan, and at most
// DigestClass::kMaxNames schemas and users; plus the shape cache, capped at kMaxShapeChars.
// Not thread-safe: one instance per job, used on one worker thread (never the GUI thread when
// fed from a file or a server).
#pragma once

#include "slowsql/DigestClass.h"
#include "slowsql/SlowLogEntry.h"

#include <QHash>
#include <QList>

namespace TiDesk {

class DigestAggregator
{
public:
    // true (default): an entry's own Digest (TiDB) is used when it has one.
    void setPreferServerDigest(bool prefer) { m_preferServerDigest = prefer; }

    void add(const SlowLogEntry &entry);
    // Merges a class aggregated elsewhere (statements summary rows, another aggregator) into the
    // class with the same digest.
    void addClass(const DigestClass &cls);

    [[nodiscard]] qint64 entries() const { return m_entries; }
    [[nodiscard]] qsizetype classCount() const { return m_classes.size(); }
    // Every class, by total time (descending; ties by count, then digest).
    [[nodiscard]] QList<DigestClass> classes() const;
    // The first n of classes() (n <= 0: all).
    [[nodiscard]] QList<DigestClass> top(int n) const;

    void clear();

private:
    int classFor(const SlowLogEntry &entry);
    int newClass(const QString &digest, DigestClass::DigestSource source,
                 const QString &normalized);
    static void addName(QStringList &names, bool &overflow, const QString &name);

    bool m_preferServerDigest = true;
    qint64 m_entries = 0;
    QList<DigestClass> m_classes;
    struct Seen
    {
        qint64 firstMs = 0; // firstSeen / lastSeen of the class at the same index, as epoch ms
        qint64 lastMs = 0;
    };
    QList<Seen> m_seen;
    QHash<QString, int> m_byDigest; // digest -> index in m_classes
    QHash<QString, int> m_byNormalized; // console digests: normalized text -> index
    // SlowSql::shapeKey -> index: skips normalizing a shape seen before. Bounded: at most
    // kMaxShapeChars characters of keys (then new shapes are simply normalized every time).
    static constexpr qint64 kMaxShapeChars = 8 * 1024 * 1024;
    QHash<QString, int> m_byShape;
    qint64 m_shapeChars = 0;
    QString m_keyBuffer;
};

} // namespace TiDesk
