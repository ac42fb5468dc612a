// FleetAlerts: the active alerts of every environment that has an Alertmanager URL, kept fresh.
// refresh() asks each distinct Alertmanager once (environments often share one) through
// AlertmanagerClient; alerts are attributed to environments by Alert::concerns(). A dead or wrong
// Alertmanager is reported per URL and never delays the others; its environments keep their last
// alerts marked as stale. Refreshes itself every interval() while started; refresh() during a
// refresh reads once more when that one is done.
// Threading: GUI thread (or any thread with an event loop); never blocks.
#pragma once

#include "alerts/Alert.h"
#include "common/Error.h"
#include "inventory/Environment.h"

#include <QHash>
#include <QNetworkAccessManager>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <optional>

namespace TiDesk {

class AlertmanagerClient;

class FleetAlerts final : public QObject
{
    Q_OBJECT
public:
    struct EnvAlert
    {
        QString env;
        Alert alert;
    };

    explicit FleetAlerts(QObject *parent = nullptr);
    ~FleetAlerts() override;

    void setEnvironments(const EnvironmentList &envs); // refreshes when the set of URLs changed
    void setInterval(std::chrono::milliseconds interval);
    void setTimeout(std::chrono::milliseconds timeout); // per Alertmanager request (default 5 s)
    [[nodiscard]] std::chrono::milliseconds interval() const;
    void start(); // periodic refresh
    void stop();
    void refresh();

    // Worst first.
    [[nodiscard]] QList<EnvAlert> alerts() const { return m_alerts; }
    // Alertmanager URL -> why it could not be read (last refresh).
    [[nodiscard]] QHash<QString, Error> errors() const { return m_errors; }
    [[nodiscard]] bool isRefreshing() const { return !m_pending.isEmpty(); }
    [[nodiscard]] QDateTime lastUpdated() const { return m_lastUpdated; }
    // How many alerts of each level (Emergency..Unknown).
    [[nodiscard]] int count(AlertLevel level) const;
    // The environments whose Alertmanager has answered at least once: their alerts() are real
    // (possibly stale after a failed refresh), not merely "not read yet".
    [[nodiscard]] QSet<QString> readEnvironments() const;
    // The environment called name (as given to setEnvironments), if any.
    [[nodiscard]] std::optional<Environment> environment(const QString &name) const;
    // The client FleetAlerts uses, for silences on the same network access manager. Its request
    // ids are shared: FleetAlerts ignores answers to requests it did not send.
    [[nodiscard]] AlertmanagerClient *client() const { return m_client; }

signals:
    void updated();

private:
    void onReady(quint64 id, const AlertList &alerts);
    void onFailed(quint64 id, const Error &error);
    void finishIfDone();

    QNetworkAccessManager m_network;
    AlertmanagerClient *m_client = nullptr;
    QTimer m_timer;
    std::chrono::milliseconds m_timeout { 5000 };
    EnvironmentList m_envs;
    QHash<quint64, QString> m_pending; // request id -> URL
    QHash<QString, AlertList> m_byUrl; // last answer per URL
    QHash<QString, Error> m_errors;
    QList<EnvAlert> m_alerts;
    QDateTime m_lastUpdated;
    bool m_refreshAgain = false;
};

} // namespace TiDesk
