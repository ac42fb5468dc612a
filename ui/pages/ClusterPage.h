// ClusterPage: one environment's cluster: a headline with the node counts by component and the
// number of nodes in trouble (the biggest thing on the page), the topology table (TiDB:
// CLUSTER_INFO + CLUSTER_LOAD + TIKV_STORE_STATUS; MySQL/MariaDB: the server row), the
// replication channels of a MySQL/MariaDB server, a banner for parts that could not be read, and
// the charts panel below (set with setChartsWidget()). With a PD URL (TiDB), PD's /stores,
// /health and /members are merged in (store state, PD health, the PD leader); PD that cannot be
// read is a banner line. Re-reads on Refresh, when the environment changes and every 30 s while
// shown.
// Threading: GUI thread; readTopology() runs on services.pool (QFutureWatcher); never blocks.
#pragma once

#include "CoreServices.h"
#include "common/Result.h"
#include "health/ClusterTopology.h"
#include "inventory/Environment.h"

#include <QFutureWatcher>
#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QSplitter;
class QTableView;
class QTableWidget;
class QTimer;

namespace TiDesk {

class ClusterNodeModel;
class PdClient;
class MessageBanner;

class ClusterPage final : public QWidget
{
    Q_OBJECT
public:
    explicit ClusterPage(const CoreServices &services, QWidget *parent = nullptr);
    ~ClusterPage() override;

    void setEnvironment(const Environment &env);
    [[nodiscard]] std::optional<Environment> environment() const { return m_env; }
    // The charts below the topology (the page does not own what it shows there).
    void setChartsWidget(QWidget *charts);

    [[nodiscard]] ClusterNodeModel *model() const { return m_model; }
    [[nodiscard]] bool isReading() const { return m_watcher.isRunning(); }
    [[nodiscard]] QString headlineText() const;

public slots:
    void refresh();

signals:
    void topologyRead(const TiDesk::ClusterTopology &topology);
    void readFailed(const TiDesk::Error &error);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void onRead();
    void showTopology(const ClusterTopology &topo);
    void showReplication(const ClusterTopology &topo);
    void fitTableHeight();

    CoreServices m_services;
    std::optional<Environment> m_env;
    QFutureWatcher<Result<ClusterTopology>> m_watcher;
    quint64 m_generation = 0; // bumped per environment: late answers of the previous one dropped
    quint64 m_watchedGeneration = 0;
    bool m_pending = false; // a refresh was asked while one was running
    quint64 m_fittedGeneration = 0; // the splitter was fitted to this environment's nodes

    QLabel *m_title = nullptr;
    QLabel *m_headline = nullptr;
    QLabel *m_updated = nullptr;
    QPushButton *m_refresh = nullptr;
    MessageBanner *m_banner = nullptr;
    ClusterNodeModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_replicationTitle = nullptr;
    QTableWidget *m_replication = nullptr;
    QSplitter *m_splitter = nullptr;
    QWidget *m_charts = nullptr;
    QTimer *m_timer = nullptr;
    PdClient *m_pd = nullptr;
};

} // namespace TiDesk
