#include "TypedNameField.h"

#include "TierStyle.h"

#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace TiDesk {

TypedNameField::TypedNameField(const Environment &env, const QString &editObjectName,
                               QWidget *parent)
    : QWidget(parent)
    , m_name(env.name)
{
    // Production is named as such; other tiers ask for the name when the action itself is
    // dangerous (an overwrite, a BR restore), and must not claim to be production.
    auto *warn = new QLabel(env.isProduction()
                                ? tr("This is a PRODUCTION environment. Type its name to confirm:")
                                //: %1 = environment name
                                : tr("Type the name of %1 to confirm:").arg(env.name),
                            this);
    warn->setWordWrap(true);
    QPalette p = warn->palette();
    p.setColor(QPalette::WindowText, TierStyle::color(env));
    warn->setPalette(p);
    QFont wf = warn->font();
    wf.setBold(true);
    warn->setFont(wf);
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(editObjectName);
    m_edit->setAccessibleName(tr("Environment name to confirm"));
    m_edit->setPlaceholderText(env.name);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(warn);
    layout->addWidget(m_edit);
    connect(m_edit, &QLineEdit::textChanged, this, [this] { emit matchChanged(matches()); });
}

bool TypedNameField::matches() const
{
    return m_edit->text().trimmed() == m_name;
}

} // namespace TiDesk
