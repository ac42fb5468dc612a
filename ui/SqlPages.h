// SqlPages: the slow-SQL half of the window (issue 5), built and wired in one place so
// MainWindow stays a shell: the live Sessions page (kill), the Slow queries page (history by
// digest), the Rules page (pt-kill for the fleet; runs while TiDesk is open) and the Guardrails
// page. "Bind this plan" on the slow queries page opens the guardrails page with the plan's
// binding proposed (MainWindow selects the environment and switches pages via openGuardrails).
// Threading: GUI thread; every page it owns is asynchronous.
#pragma once

#include "CoreServices.h"
#include "inventory/Environment.h"

#include <QObject>

class QWidget;

namespace TiDesk {

class GuardrailsPage;
class RulesPage;
class SessionsPage;
class SlowQueriesPage;

class SqlPages final : public QObject
{
    Q_OBJECT
public:
    // Pages are created as children of pageParent; the caller adds them to its stack.
    SqlPages(const CoreServices &services, QWidget *pageParent, QObject *parent = nullptr);

    [[nodiscard]] SessionsPage *sessionsPage() const { return m_sessions; }
    [[nodiscard]] SlowQueriesPage *slowQueriesPage() const { return m_slow; }
    [[nodiscard]] RulesPage *rulesPage() const { return m_rules; }
    [[nodiscard]] GuardrailsPage *guardrailsPage() const { return m_guardrails; }

    // The page shows env (the pages that show one environment follow the sidebar).
    void showEnvironment(QWidget *page, const Environment &env);
    // The inventory changed: the rules watch these environments.
    void setEnvironments(const EnvironmentList &envs);

signals:
    // Select env and show the guardrails page (a plan binding is proposed there).
    void openGuardrails(const QUuid &environmentId);

private:
    CoreServices m_services;
    SessionsPage *m_sessions = nullptr;
    SlowQueriesPage *m_slow = nullptr;
    RulesPage *m_rules = nullptr;
    GuardrailsPage *m_guardrails = nullptr;
};

} // namespace TiDesk
