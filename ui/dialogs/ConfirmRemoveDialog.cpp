#include "ConfirmRemoveDialog.h"

#include "TierBadge.h"
#include "TierStyle.h"
#include "TypedNameField.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace TiDesk {

ConfirmRemoveDialog::ConfirmRemoveDialog(const Environment &env, QWidget *parent)
    : QDialog(parent)
    , m_env(env)
{
    setObjectName(u"confirmRemoveDialog"_s);
    //: %1 = environment name
    setWindowTitle(tr("Remove %1").arg(env.name));

    auto *title = new QLabel(tr("Remove the environment %1?").arg(env.name), this);
    QFont tf = title->font();
    tf.setBold(true);
    tf.setPointSizeF(tf.pointSizeF() * 1.2);
    title->setFont(tf);
    auto *badge = new TierBadge(TierStyle::badgeText(env), TierStyle::color(env), this);
    auto *head = new QHBoxLayout;
    head->addWidget(title, 1);
    head->addWidget(badge);

    auto *text
        = new QLabel(tr("It is removed from the inventory and its stored password is deleted. "
                        "The servers themselves are not touched."),
                     this);
    text->setWordWrap(true);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("Remove"));
    ok->setAccessibleName(tr("Remove environment"));
    ok->setObjectName(u"confirmRemoveButton"_s);
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    m_buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(head);
    layout->addWidget(text);

    if (env.isProduction()) {
        m_typed = new TypedNameField(env, u"confirmRemoveName"_s, this);
        layout->addWidget(m_typed);
        ok->setEnabled(false);
        connect(m_typed, &TypedNameField::matchChanged, ok, &QPushButton::setEnabled);
    }
    layout->addWidget(m_buttons);
    resize(480, sizeHint().height());
}

bool ConfirmRemoveDialog::isConfirmEnabled() const
{
    return !m_typed || m_typed->matches();
}

} // namespace TiDesk
