#include "FleetAlerts.h"

#include "alerts/AlertmanagerClient.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace TiDesk {

FleetAlerts::FleetAlerts(QObject *parent)
    : QObject(parent)
{
    m_client = new AlertmanagerClient(&m_network, this);
    connect(m_client, &AlertmanagerClient::alertsReady, this,
            [this](quint64 id, const AlertList &alerts, int) { onReady(id, alerts); });
    connect(m_client, &AlertmanagerClient::failed, this, &FleetAlerts::onFailed);
    m_timer.setInterval(std::chrono::seconds(30));
    connect(&m_timer, &QTimer::timeout, this, &FleetAlerts::refresh);
}

FleetAlerts::~FleetAlerts()
{
    m_client->disconnect(this);
}

void FleetAlerts::setEnvironments(const EnvironmentList &envs)
{
    const auto urls = [](const EnvironmentList &list) {
        QSet<QString> s;
        for (const Environment &e : list)
            if (!e.alertmanagerUrl.trimmed().isEmpty())
                s.insert(e.name + u'\n' + e.alertmanagerUrl.trimmed());
        return s;
    };
    const bool changed = urls(envs) != urls(m_envs);
    m_envs = envs;
    if (changed)
        refresh();
}

void FleetAlerts::setInterval(std::chrono::milliseconds interval)
{
    m_timer.setInterval(interval);
}

void FleetAlerts::setTimeout(std::chrono::milliseconds timeout)
{
    m_timeout = timeout;
}

std::chrono::milliseconds FleetAlerts::interval() const
{
    return m_timer.intervalAsDuration();
}

void FleetAlerts::start()
{
    m_timer.start();
}

void FleetAlerts::stop()
{
    m_timer.stop();
}

void FleetAlerts::refresh()
{
    if (!m_pending.isEmpty()) {
        // The running refresh may have been sent before what the caller just changed (a new
        // silence): read again once it is done.
        m_refreshAgain = true;
        return;
    }
    QSet<QString> urls;
    for (const Environment &e : std::as_const(m_envs))
        if (!e.alertmanagerUrl.trimmed().isEmpty())
            urls.insert(e.alertmanagerUrl.trimmed());
    // Forget URLs nobody uses any more.
    for (auto it = m_byUrl.begin(); it != m_byUrl.end();)
        it = urls.contains(it.key()) ? std::next(it) : m_byUrl.erase(it);
    for (auto it = m_errors.begin(); it != m_errors.end();)
        it = urls.contains(it.key()) ? std::next(it) : m_errors.erase(it);
    if (urls.isEmpty()) {
        m_alerts.clear();
        m_lastUpdated = QDateTime::currentDateTimeUtc();
        emit updated();
        return;
    }
    for (const QString &url : std::as_const(urls))
        m_pending.insert(m_client->fetchAlerts(QUrl(url), m_timeout), url);
}

void FleetAlerts::onReady(quint64 id, const AlertList &alerts)
{
    const QString url = m_pending.take(id);
    if (url.isEmpty())
        return;
    m_byUrl.insert(url, alerts);
    m_errors.remove(url);
    finishIfDone();
}

void FleetAlerts::onFailed(quint64 id, const Error &error)
{
    const QString url = m_pending.take(id);
    if (url.isEmpty())
        return;
    m_errors.insert(url, error); // its last alerts (m_byUrl) stay: better stale than hidden
    finishIfDone();
}

void FleetAlerts::finishIfDone()
{
    if (!m_pending.isEmpty())
        return;
    m_alerts.clear();
    for (const Environment &e : std::as_const(m_envs)) {
        const QString url = e.alertmanagerUrl.trimmed();
        for (const Alert &a : m_byUrl.value(url))
            if (a.concerns(e.name))
                m_alerts.append({ e.name, a });
    }
    std::stable_sort(m_alerts.begin(), m_alerts.end(), [](const EnvAlert &x, const EnvAlert &y) {
        return Alert::sortsBefore(x.alert, y.alert);
    });
    m_lastUpdated = QDateTime::currentDateTimeUtc();
    emit updated();
    if (m_refreshAgain) {
        m_refreshAgain = false;
        refresh();
    }
}

int FleetAlerts::count(AlertLevel level) const
{
    return int(std::count_if(m_alerts.cbegin(), m_alerts.cend(),
                             [level](const EnvAlert &a) { return a.alert.level == level; }));
}

QSet<QString> FleetAlerts::readEnvironments() const
{
    QSet<QString> out;
    for (const Environment &e : std::as_const(m_envs))
        if (m_byUrl.contains(e.alertmanagerUrl.trimmed()))
            out.insert(e.name);
    return out;
}

std::optional<Environment> FleetAlerts::environment(const QString &name) const
{
    for (const Environment &e : std::as_const(m_envs))
        if (e.name == name)
            return e;
    return std::nullopt;
}

} // namespace TiDesk
