#include "HealthPages.h"

#include "TrayNotifier.h"
#include "alerts/AlertNotifier.h"
#include "backup/BackupHealthPoller.h"
#include "health/FleetPoller.h"
#include "health/FleetPrometheus.h"
#include "inventory/InventoryModel.h"
#include "models/FleetModel.h"
#include "pages/AlertsPage.h"
#include "pages/ClusterChartsPanel.h"
#include "pages/ClusterPage.h"
#include "pages/FleetPage.h"

#include <QNetworkAccessManager>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

// The charts around an alert: from 30 minutes before it started to 30 minutes after (or now).
constexpr qint64 kAlertMarginMs = 30 * 60 * 1000;
// Samples in flight at once: blocked on the network, not the CPU (bench: 200 environments with
// 20 dead ones, cold, 12 s with 6 at a time, 3.5 s with 24).
constexpr int kFleetThreads = 25;

} // namespace

HealthPages::HealthPages(const CoreServices &services, InventoryModel *inventory,
                         AlertsPage *alerts, QWidget *pageParent, QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_inventory(inventory)
{
    m_network = new QNetworkAccessManager(this);
    m_fleetPool.setObjectName(u"tidesk-fleet"_s);
    m_fleetPool.setMaxThreadCount(kFleetThreads);
    CoreServices fleetServices = services;
    fleetServices.pool = &m_fleetPool;
    m_poller = new FleetPoller(fleetServices, this);
    m_poller->setMaxConcurrent(kFleetThreads - 1);
    m_poller->setDialectOptions(DialectOptions { services.tidbCatalogSchema.isEmpty()
                                                     ? u"INFORMATION_SCHEMA"_s
                                                     : services.tidbCatalogSchema });
    m_prometheus = new FleetPrometheus(m_poller, m_network, this);
    m_fleetModel = new FleetModel(this);
    m_fleetModel->setInventory(inventory);
    connect(m_poller, &FleetPoller::sampleReady, m_fleetModel, &FleetModel::setSample);
    // The Backup column: every environment's backup health, read from the history each minute.
    m_backupHealth = new BackupHealthPoller(services.pool, {}, {}, this);
    m_backupHealth->setLogRefresh(services.inventory, services.secrets);
    connect(m_backupHealth, &BackupHealthPoller::updated, m_fleetModel,
            &FleetModel::setBackupHealth);
    const auto envNames = [this] {
        QStringList names;
        for (int r = 0; m_inventory && r < m_inventory->rowCount(); ++r)
            names << m_inventory->index(r).data(InventoryModel::NameRole).toString();
        m_backupHealth->setEnvironments(names);
    };
    if (inventory) {
        connect(inventory, &QAbstractItemModel::modelReset, this, envNames);
        connect(inventory, &QAbstractItemModel::rowsInserted, this, envNames);
        connect(inventory, &QAbstractItemModel::rowsRemoved, this, envNames);
        connect(inventory, &QAbstractItemModel::dataChanged, this, envNames);
    }
    envNames();
    m_backupHealth->start();
    m_history.setInterval(qint64(m_poller->interval().count()));

    m_fleetPage = new FleetPage(m_fleetModel, pageParent);
    connect(m_poller, &FleetPoller::refreshStarted, m_fleetPage,
            [this] { m_fleetPage->setRefreshing(true); });
    connect(m_poller, &FleetPoller::refreshFinished, m_fleetPage,
            [this] { m_fleetPage->setRefreshing(false); });
    connect(m_fleetPage, &FleetPage::refreshRequested, m_poller,
            [this] { m_poller->refresh(true); });
    connect(m_fleetPage, &FleetPage::environmentActivated, this, &HealthPages::openEnvironment);

    m_clusterPage = new ClusterPage(services, pageParent);
    m_charts = new ClusterChartsPanel(m_clusterPage);
    m_charts->setSqlHistory(&m_history);
    connect(m_poller, &FleetPoller::sampleReady, this, [this](const FleetSample &s) {
        m_history.add(s);
        // The shown environment's SQL charts follow its samples.
        const std::optional<Environment> env = m_clusterPage->environment();
        if (m_charts->isSqlMode() && env && env->id == s.environmentId && m_charts->isVisible())
            m_charts->refresh();
    });
    m_clusterPage->setChartsWidget(m_charts);
    connect(m_clusterPage, &ClusterPage::topologyRead, this, [this](const ClusterTopology &topo) {
        const std::optional<Environment> env = m_clusterPage->environment();
        if (!env)
            return;
        m_charts->setEnvironment(*env, topo.engine.engine);
        if (m_windowFor == env->id) {
            m_windowFor = QUuid();
            m_charts->showWindow(m_windowFromMs, m_windowToMs);
        }
    });
    // SQL down: the charts still show what Prometheus saw, when the engine is known anyway.
    connect(m_clusterPage, &ClusterPage::readFailed, this, [this] {
        const std::optional<Environment> env = m_clusterPage->environment();
        if (!env)
            return;
        Engine engine = m_poller->sample(env->id).engine.engine;
        if (engine == Engine::Unknown) {
            switch (env->engine) {
            case EngineOverride::TiDB: engine = Engine::TiDB; break;
            case EngineOverride::MySQL: engine = Engine::MySQL; break;
            case EngineOverride::MariaDB: engine = Engine::MariaDB; break;
            case EngineOverride::Auto: break;
            }
        }
        if (engine != Engine::Unknown)
            m_charts->setEnvironment(*env, engine);
    });

    m_notifier = new AlertNotifier(this);
    m_notifier->watch(alerts->fleetAlerts());
    m_tray = new TrayNotifier(this);
    connect(m_notifier, &AlertNotifier::newSevereAlert, m_tray, &TrayNotifier::showAlert);
    connect(m_tray, &TrayNotifier::activated, this, &HealthPages::openAlert);
    connect(alerts, &AlertsPage::alertActivated, this, &HealthPages::openAlert);
}

void HealthPages::setEnvironments(const EnvironmentList &envs)
{
    m_poller->setEnvironments(envs);
    if (!m_poller->isActive())
        m_poller->start();
}

void HealthPages::showCluster(const Environment &env)
{
    m_clusterPage->setEnvironment(env);
}

void HealthPages::showClusterWindow(const Environment &env, const QDateTime &fromUtc,
                                    const QDateTime &toUtc)
{
    m_windowFor = env.id;
    m_windowFromMs = fromUtc.toMSecsSinceEpoch();
    m_windowToMs = toUtc.toMSecsSinceEpoch();
    m_clusterPage->setEnvironment(env);
}

void HealthPages::openAlert(const QString &envName, const QDateTime &startsAt)
{
    for (const Environment &env : m_inventory->environments()) {
        if (env.name.compare(envName, Qt::CaseInsensitive) != 0)
            continue;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const qint64 start = startsAt.isValid() ? startsAt.toMSecsSinceEpoch() : now;
        m_windowFor = env.id;
        m_windowFromMs = start - kAlertMarginMs;
        m_windowToMs = qMin(now, start + kAlertMarginMs);
        if (m_windowToMs <= m_windowFromMs)
            m_windowToMs = m_windowFromMs + kAlertMarginMs;
        emit openEnvironment(env.id);
        return;
    }
}

} // namespace TiDesk
