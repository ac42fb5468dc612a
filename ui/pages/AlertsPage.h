// AlertsPage: every active alert of the fleet, worst first (FleetAlerts + AlertListModel): a
// headline with the counts by level (the biggest thing on the page), a banner naming each
// Alertmanager that could not be read, the table with coloured levels and the full labels in the
// tooltip, "Refresh" and the time of the last update. Refreshes every 30 s while TiDesk runs.
// Threading: GUI thread; the HTTP requests are asynchronous (QNetworkAccessManager).
#pragma once

#include "inventory/Environment.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace TiDesk {

class AlertListModel;
class FleetAlerts;
class MessageBanner;

class AlertsPage final : public QWidget
{
    Q_OBJECT
public:
    explicit AlertsPage(QWidget *parent = nullptr);

    void setEnvironments(const EnvironmentList &envs);
    [[nodiscard]] FleetAlerts *fleetAlerts() const { return m_fleet; }
    [[nodiscard]] AlertListModel *model() const { return m_model; }

public slots:
    void refresh();

signals:
    // The number of emergency + critical alerts changed (for a badge elsewhere).
    void severeCountChanged(int count);

private:
    void onUpdated();

    FleetAlerts *m_fleet = nullptr;
    AlertListModel *m_model = nullptr;
    QLabel *m_headline = nullptr;
    QLabel *m_updated = nullptr;
    QPushButton *m_refresh = nullptr;
    MessageBanner *m_banner = nullptr;
    QTableView *m_table = nullptr;
    int m_severe = -1;
};

} // namespace TiDesk
