// BackupHealthPoller: BackupHealth for every environment of the fleet, refreshed every minute
// (and on demand): the history and the schedules are read on a pool thread, compute() runs
// there too, and updated() hands the result to the GUI thread (the Fleet page's Backup column).
// A refresh asked for while one runs is done once it ends.
// Threading: lives on the GUI thread; never blocks it.
#pragma once

#include "backup/BackupHealth.h"

#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTimer>

class QThreadPool;

namespace TiDesk {

class BackupHealthPoller final : public QObject
{
    Q_OBJECT
public:
    // Empty paths: BackupHistory::defaultDirectory() and ScheduleSet::defaultPath().
    BackupHealthPoller(QThreadPool *pool, QString historyDir = {}, QString schedulesPath = {},
                       QObject *parent = nullptr);
    ~BackupHealthPoller() override;

    void setEnvironments(const QStringList &names);
    void start(int intervalMs = 60000);
    void refresh();
    [[nodiscard]] const QHash<QString, BackupHealth> &health() const { return m_health; }

signals:
    void updated(const QHash<QString, TiDesk::BackupHealth> &health);

private:
    QThreadPool *m_pool = nullptr;
    QString m_historyDir;
    QString m_schedulesPath;
    QStringList m_names;
    QTimer m_timer;
    QFutureWatcher<QHash<QString, BackupHealth>> m_watcher;
    bool m_again = false;
    QHash<QString, BackupHealth> m_health;
};

} // namespace TiDesk
