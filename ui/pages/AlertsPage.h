// AlertsPage: every active alert of the fleet, worst first (FleetAlerts + AlertListModel): a
// headline with the counts by level (the biggest thing on the page), a banner naming each
// Alertmanager that could not be read, the table with coloured levels and the full labels in the
// tooltip, "Refresh" and the time of the last update. Refreshes every 30 s while TiDesk runs and
// keeps the selected alert selected across refreshes.
// "Silence…" opens a SilenceDialog for the selected alert and creates the silence in its
// environment's Alertmanager; "Expire silence" expires the silences muting the selected alert.
// Silenced alerts are grey and italic with an outlined level pill. The outcome of both actions is
// shown in a second banner, and the list is refreshed so the new state shows at once.
// Enter or a double-click on an alert emits alertActivated(env, startsAt).
// Threading: GUI thread; the HTTP requests are asynchronous (QNetworkAccessManager).
#pragma once

#include "common/Error.h"
#include "inventory/Environment.h"

#include <QDateTime>
#include <QHash>

#include <QWidget>

class QAction;
class QLabel;
class QPushButton;
class QTableView;

namespace TiDesk {

struct Alert;
class AlertListModel;
class AlertStyleModel;
class FleetAlerts;
class MessageBanner;
class SilenceDialog;

class AlertsPage final : public QWidget
{
    Q_OBJECT
public:
    explicit AlertsPage(QWidget *parent = nullptr);

    void setEnvironments(const EnvironmentList &envs);
    [[nodiscard]] FleetAlerts *fleetAlerts() const { return m_fleet; }
    [[nodiscard]] AlertListModel *model() const { return m_model; }
    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] QAction *silenceAction() const { return m_silenceAction; }
    [[nodiscard]] QAction *expireAction() const { return m_expireAction; }
    // Selects the row (of model()); -1 clears the selection.
    void selectRow(int row);

public slots:
    void refresh();
    // Opens the dialog for the selected alert (non-modal to the event loop: open(), not exec());
    // returns it, or nullptr without a selection.
    SilenceDialog *silenceSelected();
    // Expires every silence that mutes the selected alert.
    void expireSelected();

signals:
    // The number of emergency + critical alerts changed (for a badge elsewhere).
    void severeCountChanged(int count);
    // The DBA opened an alert (Enter / double-click): show envName around startsAt (UTC).
    void alertActivated(const QString &envName, const QDateTime &startsAt);
    // A silence was created / expired (after the request succeeded).
    void silenceCreated(const QString &envName, const QString &silenceId);
    void silenceExpired(const QString &envName, const QString &silenceId);

private:
    struct Pending
    {
        QString env;
        QString alertName;
        QString silenceId; // expire requests
        QDateTime until; // create requests
    };
    void onUpdated();
    void updateActions();
    [[nodiscard]] bool selectedAlert(Alert *alert, QString *envName) const;
    void sendSilence(const SilenceDialog *dialog);
    void onSilenceCreated(quint64 id, const QString &silenceId);
    void onSilenceExpired(quint64 id, const QString &silenceId);
    void onRequestFailed(quint64 id, const Error &error);

    FleetAlerts *m_fleet = nullptr;
    AlertListModel *m_model = nullptr;
    QLabel *m_headline = nullptr;
    QLabel *m_updated = nullptr;
    QPushButton *m_refresh = nullptr;
    MessageBanner *m_banner = nullptr;
    MessageBanner *m_actionBanner = nullptr;
    AlertStyleModel *m_style = nullptr;
    QTableView *m_table = nullptr;
    QAction *m_silenceAction = nullptr;
    QAction *m_expireAction = nullptr;
    QPushButton *m_silenceButton = nullptr;
    QPushButton *m_expireButton = nullptr;
    QHash<quint64, Pending> m_requests; // silence requests in flight
    int m_severe = -1;
};

} // namespace TiDesk
