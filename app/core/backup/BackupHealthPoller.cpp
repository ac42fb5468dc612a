#include "BackupHealthPoller.h"

#include "backup/BackupHistory.h"
#include "common/Logging.h"

#include <QtConcurrent>

namespace TiDesk {

BackupHealthPoller::BackupHealthPoller(QThreadPool *pool, QString historyDir, QString schedulesPath,
                                       QObject *parent)
    : QObject(parent)
    , m_pool(pool)
    , m_historyDir(historyDir.isEmpty() ? BackupHistory::defaultDirectory() : historyDir)
    , m_schedulesPath(schedulesPath.isEmpty() ? ScheduleSet::defaultPath() : schedulesPath)
{
    connect(&m_timer, &QTimer::timeout, this, &BackupHealthPoller::refresh);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        if (m_watcher.future().resultCount() > 0) {
            m_health = m_watcher.result();
            emit updated(m_health);
        }
        if (m_again) {
            m_again = false;
            refresh();
        }
    });
}

BackupHealthPoller::~BackupHealthPoller()
{
    m_watcher.waitForFinished();
}

void BackupHealthPoller::setEnvironments(const QStringList &names)
{
    if (names == m_names)
        return;
    m_names = names;
    refresh();
}

void BackupHealthPoller::start(int intervalMs)
{
    m_timer.start(intervalMs);
    refresh();
}

void BackupHealthPoller::refresh()
{
    if (m_watcher.isRunning()) {
        m_again = true;
        return;
    }
    const QStringList names = m_names;
    const QString historyDir = m_historyDir;
    const QString schedulesPath = m_schedulesPath;
    auto work = [names, historyDir, schedulesPath] {
        BackupHistory history(historyDir);
        const Result<QList<BackupJob>> jobs = history.list();
        const Result<ScheduleSet> schedules = ScheduleSet::loadOrEmpty(schedulesPath);
        if (!schedules)
            qCWarning(lcCore).noquote() << "backup schedules:" << schedules.error().message;
        return BackupHealth::compute(names, jobs.valueOr(QList<BackupJob>()),
                                     schedules.valueOr(ScheduleSet()),
                                     QDateTime::currentDateTimeUtc());
    };
    m_watcher.setFuture(m_pool ? QtConcurrent::run(m_pool, work) : QtConcurrent::run(work));
}

} // namespace TiDesk
