#include "SqlPages.h"

#include "pages/GuardrailsPage.h"
#include "pages/RulesPage.h"
#include "pages/SessionsPage.h"
#include "pages/SlowQueriesPage.h"

namespace TiDesk {

SqlPages::SqlPages(const CoreServices &services, QWidget *pageParent, QObject *parent)
    : QObject(parent)
    , m_services(services)
{
    m_sessions = new SessionsPage(services, pageParent);
    m_slow = new SlowQueriesPage(services, pageParent);
    m_rules = new RulesPage(services, QString(), pageParent);
    m_guardrails = new GuardrailsPage(services, pageParent);
    connect(m_slow, &SlowQueriesPage::bindPlanRequested, this,
            [this](const Environment &env, const QString &planDigest) {
                emit openGuardrails(env.id);
                m_guardrails->setEnvironment(env);
                // Proposed once the guardrails (and the engine) are read.
                auto *once = new QObject(this);
                connect(m_guardrails, &GuardrailsPage::snapshotRead, once,
                        [this, once, planDigest] {
                            once->deleteLater();
                            m_guardrails->proposeBindPlan(planDigest);
                        });
            });
}

void SqlPages::showEnvironment(QWidget *page, const Environment &env)
{
    if (page == m_sessions)
        m_sessions->setEnvironment(env);
    else if (page == m_slow)
        m_slow->setEnvironment(env);
    else if (page == m_guardrails)
        m_guardrails->setEnvironment(env);
}

void SqlPages::setEnvironments(const EnvironmentList &envs)
{
    m_rules->setEnvironments(envs);
}

} // namespace TiDesk
