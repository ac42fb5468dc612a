// BackupHealthPoller: BackupHealth for every environment of the fleet, refreshed every minute
// (and on demand): the history and the schedules are read on a pool thread, compute() runs
// there too, and updated() hands the result to the GUI thread (the Fleet page's Backup column).
// A refresh asked for while one runs is done once it ends.
// With setLogRefresh(), the TiDB log backups on record (LogBackupState) are read again with
// `br log status` on their control host (pool thread, at most once a minute each) before the
// health is computed: the checkpoint lag a DBA sees is at most about a minute old.
// Threading: lives on the GUI thread; never blocks it.
#pragma once

#include "backup/BackupHealth.h"
#include "backup/LogBackupState.h"
#include "backup/ScheduleSet.h"

#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <memory>

class QThreadPool;

namespace TiDesk {

class CredentialStore;
class InventoryStore;

class BackupHealthPoller final : public QObject
{
    Q_OBJECT
public:
    // Empty paths: BackupHistory::defaultDirectory() and ScheduleSet::defaultPath().
    BackupHealthPoller(QThreadPool *pool, QString historyDir = {}, QString schedulesPath = {},
                       QObject *parent = nullptr);
    ~BackupHealthPoller() override;

    void setEnvironments(const QStringList &names);
    // Reads log backups' status again on each refresh (needs the environments and secrets).
    void setLogRefresh(std::shared_ptr<InventoryStore> inventory, CredentialStore *secrets);
    void start(int intervalMs = 60000);
    void refresh();
    [[nodiscard]] const QHash<QString, BackupHealth> &health() const { return m_health; }
    // What the last refresh read: the schedules and the log backups on record.
    [[nodiscard]] const ScheduleSet &schedules() const { return m_schedules; }
    [[nodiscard]] const QHash<QString, LogBackupState> &logBackups() const { return m_logs; }

signals:
    void updated(const QHash<QString, TiDesk::BackupHealth> &health);

private:
    struct Reading
    {
        QHash<QString, BackupHealth> health;
        ScheduleSet schedules;
        QHash<QString, LogBackupState> logs;
    };
    QThreadPool *m_pool = nullptr;
    std::shared_ptr<InventoryStore> m_inventory;
    CredentialStore *m_secrets = nullptr;
    QString m_historyDir;
    QString m_schedulesPath;
    QStringList m_names;
    QTimer m_timer;
    QFutureWatcher<Reading> m_watcher;
    bool m_again = false;
    QHash<QString, BackupHealth> m_health;
    ScheduleSet m_schedules;
    QHash<QString, LogBackupState> m_logs;
};

} // namespace TiDesk
