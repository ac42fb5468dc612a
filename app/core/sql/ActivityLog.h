// ActivityLog: every statement and remote command TiDesk sends, with its outcome, so a DBA
// can see exactly what the console did. Bounded in memory (oldest entries dropped).
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
};

class ActivityLog final : public QObject
{
    Q_OBJECT
public:
    explicit ActivityLog(int capacity = 5000, QObject *parent = nullptr);

    // Thread-safe. Returns the assigned sequence number.
    quint64 record(ActivityEntry entry);
    [[nodiscard]] QList<ActivityEntry> entries() const; // oldest first
    [[nodiscard]] int capacity() const { return m_capacity; }
    void clear();

signals:
    void entryAdded(const TiDesk::ActivityEntry &entry);
    void cleared();

private:
    mutable QMutex m_mutex;
    QList<ActivityEntry> m_entries;
    quint64 m_nextSeq = 1;
    const int m_capacity;
};

} // namespace TiDesk

Q_DECLARE_METATYPE(TiDesk::ActivityEntry)
