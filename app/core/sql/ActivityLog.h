// ActivityLog: every statement and remote command TiDesk sends, with its outcome, so a DBA
// can see exactly what the console did. Bounded in memory (oldest entries dropped).
// Repeats are folded: a read-only statement (SELECT, SHOW) that the same environment and endpoint
// sends again with the same outcome - the 1 s session and rule pollers, the 10 s fleet poller -
// replaces its earlier entry among the last kFoldWindow ones (repeats + 1, the latest time and
// figures, a new sequence number at the end) instead of pushing everything else out. Anything
// else (KILL, SET GLOBAL, a backup ...) is always an entry of its own.
//
// Threading: record() may be called from any thread (SQL workers); it is mutex-protected and
// emits entryAdded() which Qt queues to receivers in other threads. Read accessors are
// thread-safe too. Lives on (is owned by an object on) the main thread.
#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QMutex>
#include <QObject>
#include <QString>

namespace TiDesk {

struct ActivityEntry
{
    quint64 seq = 0; // increasing, assigned by record()
    QDateTime startedAt;
    QString envName; // "" for activity not tied to an environment
    QString endpoint; // "user@host:port"
    QString statement; // the SQL as sent (secrets are never part of statements)
    qint64 durationMs = 0;
    qint64 rows = -1; // rows returned or affected; -1 unknown
    bool ok = true;
    QString result; // "OK", "3 rows", or the error text
    int repeats = 1; // how many times this statement was recorded (folded repeats)
};

class ActivityLog final : public QObject
{
    Q_OBJECT
public:
    static constexpr int kFoldWindow = 200;

    explicit ActivityLog(int capacity = 5000, QObject *parent = nullptr);
    // Whether a statement may be folded into an earlier identical one (read-only: SELECT, SHOW).
    [[nodiscard]] static bool isFoldable(const QString &statement);

    // Thread-safe. Returns the assigned sequence number.
    quint64 record(ActivityEntry entry);
    [[nodiscard]] QList<ActivityEntry> entries() const; // oldest first
    [[nodiscard]] int capacity() const { return m_capacity; }
    void clear();

signals:
    void entryAdded(const TiDesk::ActivityEntry &entry);
    // A repeat: the entry with oldSeq is gone, `entry` (its repeats counted) is the newest.
    void entryReplaced(quint64 oldSeq, const TiDesk::ActivityEntry &entry);
    void cleared();

private:
    mutable QMutex m_mutex;
    QList<ActivityEntry> m_entries;
    quint64 m_nextSeq = 1;
    const int m_capacity;
};

} // namespace TiDesk

Q_DECLARE_METATYPE(TiDesk::ActivityEntry)
