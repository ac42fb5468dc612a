#include "BackupHealthPoller.h"

#include "backup/BackupHistory.h"
#include "backup/BrLogClient.h"
#include "common/Logging.h"
#include "inventory/InventoryStore.h"

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
            const Reading r = m_watcher.result();
            m_health = r.health;
            m_schedules = r.schedules;
            m_logs = r.logs;
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

void BackupHealthPoller::setLogRefresh(std::shared_ptr<InventoryStore> inventory,
                                       CredentialStore *secrets)
{
    m_inventory = std::move(inventory);
    m_secrets = secrets;
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
    const std::shared_ptr<InventoryStore> inventory = m_inventory;
    CredentialStore *secrets = m_secrets;
    auto work = [names, historyDir, schedulesPath, inventory, secrets] {
        Reading r;
        BackupHistory history(historyDir);
        const Result<QList<BackupJob>> jobs = history.list();
        const Result<ScheduleSet> schedules = ScheduleSet::loadOrEmpty(schedulesPath);
        if (!schedules)
            qCWarning(lcCore).noquote() << "backup schedules:" << schedules.error().message;
        r.schedules = schedules.valueOr(ScheduleSet());
        Result<QHash<QString, LogBackupState>> logs = LogBackupState::load(historyDir);
        if (!logs)
            qCWarning(lcCore).noquote() << "log backup state:" << logs.error().message;
        r.logs = logs.valueOr(QHash<QString, LogBackupState>());
        if (inventory && !r.logs.isEmpty()) {
            const QDateTime now = QDateTime::currentDateTimeUtc();
            bool read = false;
            for (const LogBackupState &s : std::as_const(r.logs)) {
                if (!names.contains(s.envName)
                    || (s.checkedAt.isValid() && s.checkedAt.secsTo(now) < 50))
                    continue;
                const Result<Environment> env = inventory->findByName(s.envName);
                if (!env)
                    continue;
                BrLogClient::Options o;
                o.program = s.program;
                o.timeoutMs = 30000;
                (void)BrLogClient::recordStatus(*env, secrets, o, s.task, historyDir);
                read = true;
            }
            if (read)
                r.logs = LogBackupState::load(historyDir).valueOr(r.logs);
        }
        r.health = BackupHealth::compute(names, jobs.valueOr(QList<BackupJob>()), r.schedules,
                                         QDateTime::currentDateTimeUtc(), r.logs);
        return r;
    };
    m_watcher.setFuture(m_pool ? QtConcurrent::run(m_pool, work) : QtConcurrent::run(work));
}

} // namespace TiDesk
