// AlertNotifier: decides which alerts deserve a desktop notification. Fed with each FleetAlerts
// update, it emits newSevereAlert() once for every critical or emergency alert that is NEW: not
// seen in the previous update of its environment (by fingerprint), not silenced or inhibited.
// The first update in which an environment's Alertmanager answered only records what is already
// firing (TiDesk must not pop up twenty notifications on launch, nor when an environment is
// added); an alert that stays active is not announced again; one that resolves and later fires
// again is. An environment whose Alertmanager fails keeps its last alerts in FleetAlerts, so a
// flaky Alertmanager does not make old alerts look new.
// Threading: GUI thread (the thread of its FleetAlerts). QtCore only.
#pragma once

#include "alerts/FleetAlerts.h"

#include <QHash>
#include <QObject>
#include <QSet>

namespace TiDesk {

class AlertNotifier final : public QObject
{
    Q_OBJECT
public:
    explicit AlertNotifier(QObject *parent = nullptr);

    // Calls update() on each fleet->updated() (and once now if it has been updated already).
    void watch(FleetAlerts *fleet);
    // alerts: the fleet's alerts; readEnvs: the environments whose Alertmanager has answered
    // (FleetAlerts::readEnvironments()); environments not in it are not judged yet.
    void update(const QList<FleetAlerts::EnvAlert> &alerts, const QSet<QString> &readEnvs);

    [[nodiscard]] static bool isSevere(const Alert &alert); // critical or emergency
    // Fingerprint, or (no fingerprint) the name and labels.
    [[nodiscard]] static QString keyOf(const Alert &alert);
    // Whether envName's first update has been recorded.
    [[nodiscard]] bool knows(const QString &envName) const { return m_seen.contains(envName); }

signals:
    void newSevereAlert(const TiDesk::Alert &alert, const QString &envName);

private:
    QHash<QString, QSet<QString>> m_seen; // environment -> keys of its alerts last update
};

} // namespace TiDesk
