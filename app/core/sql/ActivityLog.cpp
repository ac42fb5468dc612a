#include "ActivityLog.h"

#include <QMutexLocker>

namespace TiDesk {

ActivityLog::ActivityLog(int capacity, QObject *parent)
    : QObject(parent)
    , m_capacity(qMax(1, capacity))
{
    qRegisterMetaType<TiDesk::ActivityEntry>();
}

quint64 ActivityLog::record(ActivityEntry entry)
{
    {
        QMutexLocker lock(&m_mutex);
        entry.seq = m_nextSeq++;
        m_entries.append(entry);
        if (m_entries.size() > m_capacity)
            m_entries.remove(0, m_entries.size() - m_capacity);
    }
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
