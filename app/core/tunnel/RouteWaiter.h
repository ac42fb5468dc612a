// RouteWaiter: a one-shot hand-over of a result from the SSH thread to a blocked SQL thread.
// complete() (SSH thread) sets the value once; wait() (SQL thread) blocks until it is set or the
// deadline passes. Shared by both sides through std::shared_ptr, so either may go first.
// Header-only; thread-safe.
#pragma once

#include <QDeadlineTimer>
#include <QMutex>
#include <QWaitCondition>

#include <optional>

namespace TiDesk {

template<typename T>
class RouteWaiter
{
public:
    void complete(T value)
    {
        QMutexLocker lock(&m_mutex);
        if (m_value)
            return;
        m_value.emplace(std::move(value));
        m_done.wakeAll();
    }

    // The value, or nullopt when the deadline passed first.
    std::optional<T> wait(QDeadlineTimer deadline)
    {
        QMutexLocker lock(&m_mutex);
        while (!m_value) {
            if (!m_done.wait(&m_mutex, deadline))
                break;
        }
        return m_value;
    }

private:
    QMutex m_mutex;
    QWaitCondition m_done;
    std::optional<T> m_value;
};

} // namespace TiDesk
