// SqlPages: the slow-SQL half of the window (issue 5), built in one place so MainWindow stays a
// shell: the guardrails page today; the sessions, slow-query and rules pages join it as they are
// built. MainWindow adds the pages to its stack and hands the selected environment over.
// Threading: GUI thread; every page it owns is asynchronous.
#pragma once

#include "CoreServices.h"
#include "inventory/Environment.h"

#include <QObject>

class QWidget;

namespace TiDesk {

class GuardrailsPage;

class SqlPages final : public QObject
{
    Q_OBJECT
public:
    // Pages are created as children of pageParent; the caller adds them to its stack.
    SqlPages(const CoreServices &services, QWidget *pageParent, QObject *parent = nullptr);

    [[nodiscard]] GuardrailsPage *guardrailsPage() const { return m_guardrails; }

    // The environment selected in the sidebar; pages that show one environment follow it.
    void showEnvironment(const Environment &env);

private:
    CoreServices m_services;
    GuardrailsPage *m_guardrails = nullptr;
};

} // namespace TiDesk
