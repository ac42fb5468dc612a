#include "AlertNotifier.h"

using namespace Qt::StringLiterals;

namespace TiDesk {

AlertNotifier::AlertNotifier(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<TiDesk::Alert>();
}

void AlertNotifier::watch(FleetAlerts *fleet)
{
    connect(fleet, &FleetAlerts::updated, this,
            [this, fleet] { update(fleet->alerts(), fleet->readEnvironments()); });
    if (fleet->lastUpdated().isValid())
        update(fleet->alerts(), fleet->readEnvironments());
}

bool AlertNotifier::isSevere(const Alert &alert)
{
    return alert.level == AlertLevel::Emergency || alert.level == AlertLevel::Critical;
}

QString AlertNotifier::keyOf(const Alert &alert)
{
    if (!alert.fingerprint.isEmpty())
        return alert.fingerprint;
    QString key = alert.name;
    for (auto it = alert.labels.cbegin(); it != alert.labels.cend(); ++it)
        key += u'\n' + it.key() + u'=' + it.value();
    return key;
}

void AlertNotifier::update(const QList<FleetAlerts::EnvAlert> &alerts,
                           const QSet<QString> &readEnvs)
{
    QHash<QString, QList<const Alert *>> byEnv;
    for (const FleetAlerts::EnvAlert &e : alerts)
        if (readEnvs.contains(e.env))
            byEnv[e.env].append(&e.alert);

    // Forget environments that left the inventory (or lost their Alertmanager URL): if they come
    // back, their first update is a baseline again.
    for (auto it = m_seen.begin(); it != m_seen.end();)
        it = readEnvs.contains(it.key()) ? std::next(it) : m_seen.erase(it);

    for (const QString &env : readEnvs) {
        QSet<QString> current;
        const QList<const Alert *> envAlerts = byEnv.value(env);
        for (const Alert *a : envAlerts)
            current.insert(keyOf(*a));
        const bool baseline = !m_seen.contains(env);
        const QSet<QString> before = m_seen.value(env);
        m_seen.insert(env, current); // before emitting: a slot may call update() again
        if (baseline)
            continue;
        for (const Alert *a : envAlerts) {
            const bool muted = !a->silencedBy.isEmpty() || a->state == u"suppressed";
            if (isSevere(*a) && !muted && !before.contains(keyOf(*a)))
                emit newSevereAlert(*a, env);
        }
    }
}

} // namespace TiDesk
