#include "SqlPages.h"

#include "pages/GuardrailsPage.h"

namespace TiDesk {

SqlPages::SqlPages(const CoreServices &services, QWidget *pageParent, QObject *parent)
    : QObject(parent)
    , m_services(services)
{
    m_guardrails = new GuardrailsPage(services, pageParent);
}

void SqlPages::showEnvironment(const Environment &env)
{
    m_guardrails->setEnvironment(env);
}

} // namespace TiDesk
