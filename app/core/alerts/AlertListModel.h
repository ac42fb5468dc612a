// AlertListModel: FleetAlerts as a table for the Alerts page: environment, level, alert, since,
// state, summary; worst first. LevelRole gives the AlertLevel for colouring, SilencedRole whether
// a silence mutes the alert (the UI greys such rows; the State column says "silenced"). Rows are
// replaced as a whole on each refresh (alerts come and go between refreshes; the list is short):
// rowOf() finds an alert again afterwards so a view can keep its selection.
// Threading: GUI thread. QtCore only.
#pragma once

#include "alerts/FleetAlerts.h"

#include <QAbstractTableModel>

namespace TiDesk {

class AlertListModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        EnvColumn,
        LevelColumn,
        NameColumn,
        SinceColumn,
        StateColumn,
        SummaryColumn,
        ColumnCount
    };
    enum Role { LevelRole = Qt::UserRole + 1, AlertRole, EnvRole, SilencedRole, StartsAtRole };

    explicit AlertListModel(QObject *parent = nullptr);

    void setAlerts(const QList<FleetAlerts::EnvAlert> &alerts);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The row of the alert with this fingerprint in envName, or -1.
    [[nodiscard]] int rowOf(const QString &envName, const QString &fingerprint) const;
    // Whether a silence mutes the alert (silencedBy set; Alertmanager then says "suppressed").
    [[nodiscard]] static bool isSilenced(const Alert &alert) { return !alert.silencedBy.isEmpty(); }

    // "3h 12m" since t (now: QDateTime::currentDateTimeUtc()).
    [[nodiscard]] static QString ageText(const QDateTime &t, const QDateTime &now);

private:
    QList<FleetAlerts::EnvAlert> m_alerts;
};

} // namespace TiDesk
