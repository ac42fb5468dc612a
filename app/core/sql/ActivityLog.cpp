#include "ActivityLog.h"

#include <QMutexLocker>

namespace TiDesk {

ActivityLog::ActivityLog(int capacity, QObject *parent)
    : QObject(parent)
    , m_capacity(qMax(1, capacity))
{
    qRegisterMetaType<TiDesk::ActivityEntry>();
}

bool ActivityLog::isFoldable(const QString &statement)
{
    const QStringView s = QStringView(statement).trimmed();
    return s.startsWith(u"SELECT", Qt::CaseInsensitive)
        || s.startsWith(u"SHOW", Qt::CaseInsensitive);
}

quint64 ActivityLog::record(ActivityEntry entry)
{
    quint64 replaced = 0;
    {
        QMutexLocker lock(&m_mutex);
        if (isFoldable(entry.statement)) {
            const qsizetype stop = qMax<qsizetype>(0, m_entries.size() - kFoldWindow);
            for (qsizetype i = m_entries.size() - 1; i >= stop; --i) {
                const ActivityEntry &e = m_entries.at(i);
                if (e.statement == entry.statement && e.envName == entry.envName
                    && e.endpoint == entry.endpoint && e.ok == entry.ok
                    && (entry.ok || e.result == entry.result)) {
                    replaced = e.seq;
                    entry.repeats = e.repeats + 1;
                    m_entries.remove(i);
                    break;
                }
            }
        }
        entry.seq = m_nextSeq++;
        m_entries.append(entry);
        if (m_entries.size() > m_capacity)
            m_entries.remove(0, m_entries.size() - m_capacity);
    }
    if (replaced != 0)
        emit entryReplaced(replaced, entry);
    else
        emit entryAdded(entry);
    return entry.seq;
}

QList<ActivityEntry> ActivityLog::entries() const
{
    QMutexLocker lock(&m_mutex);
    return m_entries;
}

void ActivityLog::clear()
{
    {
        QMutexLocker lock(&m_mutex);
        m_entries.clear();
    }
    emit cleared();
}

} // namespace TiDesk
