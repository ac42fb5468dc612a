// HealthPages: the fleet-health half of the window, built and wired in one place so MainWindow
// stays a shell. Owns the FleetPoller (every environment sampled every 10 s on its own I/O pool of
// 25 threads, so dead environments never starve the app pool) with
// FleetPrometheus (QPS/p99 from Prometheus where configured), the FleetModel and FleetPage, the
// ClusterPage with its ClusterChartsPanel, and the new-alert notifications (AlertNotifier watching
// the Alerts page's FleetAlerts, shown by TrayNotifier). Asks MainWindow, through
// openEnvironment(), to select an environment and show its cluster page: from a fleet row, a
// clicked alert or a clicked notification (then with the alert's time window on the charts).
// Threading: GUI thread; everything it owns is asynchronous.
#pragma once

#include "CoreServices.h"
#include "health/SampleHistory.h"
#include "inventory/Environment.h"

#include <QDateTime>
#include <QObject>
#include <QThreadPool>
#include <QUuid>

class QNetworkAccessManager;
class QWidget;

namespace TiDesk {

class AlertNotifier;
class AlertsPage;
class ClusterChartsPanel;
class ClusterPage;
class BackupHealthPoller;
class FleetModel;
class FleetPage;
class FleetPoller;
class FleetPrometheus;
class InventoryModel;
class TrayNotifier;

class HealthPages final : public QObject
{
    Q_OBJECT
public:
    // Pages are created as children of pageParent; the caller adds them to its stack.
    HealthPages(const CoreServices &services, InventoryModel *inventory, AlertsPage *alerts,
                QWidget *pageParent, QObject *parent = nullptr);

    [[nodiscard]] FleetPage *fleetPage() const { return m_fleetPage; }
    [[nodiscard]] ClusterPage *clusterPage() const { return m_clusterPage; }
    [[nodiscard]] ClusterChartsPanel *charts() const { return m_charts; }
    [[nodiscard]] FleetPoller *poller() const { return m_poller; }
    [[nodiscard]] FleetModel *fleetModel() const { return m_fleetModel; }
    [[nodiscard]] AlertNotifier *alertNotifier() const { return m_notifier; }
    [[nodiscard]] TrayNotifier *tray() const { return m_tray; }
    [[nodiscard]] BackupHealthPoller *backupHealth() const { return m_backupHealth; }

    // The inventory changed: poll these environments from now on (starts polling on first call).
    void setEnvironments(const EnvironmentList &envs);
    // Shows env on the cluster page (the charts follow once its engine is known).
    void showCluster(const Environment &env);
    // Shows the charts at [from, to] once env is on the cluster page (an alert's window).
    void showClusterWindow(const Environment &env, const QDateTime &fromUtc,
                           const QDateTime &toUtc);

signals:
    // Select this environment and show its cluster page (MainWindow does both).
    void openEnvironment(const QUuid &environmentId);

private:
    void openAlert(const QString &envName, const QDateTime &startsAt);

    CoreServices m_services;
    InventoryModel *m_inventory;
    // The poller's own threads: fleet samples wait on the network, and a cold start with dead
    // environments must not hold the app pool's few threads (docs/decisions/fleet-poller.md).
    QThreadPool m_fleetPool;
    QNetworkAccessManager *m_network = nullptr;
    FleetPoller *m_poller = nullptr;
    FleetPrometheus *m_prometheus = nullptr;
    BackupHealthPoller *m_backupHealth = nullptr;
    FleetModel *m_fleetModel = nullptr;
    SampleHistory m_history; // the poller's samples over time: charts without Prometheus
    FleetPage *m_fleetPage = nullptr;
    ClusterPage *m_clusterPage = nullptr;
    ClusterChartsPanel *m_charts = nullptr;
    AlertNotifier *m_notifier = nullptr;
    TrayNotifier *m_tray = nullptr;
    // An alert window to show once the cluster page knows the environment's engine.
    QUuid m_windowFor;
    qint64 m_windowFromMs = 0;
    qint64 m_windowToMs = 0;
};

} // namespace TiDesk
