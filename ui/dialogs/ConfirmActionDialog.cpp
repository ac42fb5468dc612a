#include "ConfirmActionDialog.h"

#include "TierBadge.h"
#include "TierStyle.h"
#include "TypedNameField.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace TiDesk {

ConfirmActionDialog::ConfirmActionDialog(const Environment &env, const QString &title,
                                         const QString &explanation, const QString &statement,
                                         const QString &actionText, QWidget *parent)
    : QDialog(parent)
    , m_env(env)
{
    setObjectName(u"confirmActionDialog"_s);
    //: Window title: %1 = the action ("Kill query"), %2 = environment name
    setWindowTitle(tr("%1 \u2014 %2").arg(actionText, env.name));

    auto *titleLabel = new QLabel(title, this);
    titleLabel->setWordWrap(true);
    QFont tf = titleLabel->font();
    tf.setBold(true);
    tf.setPointSizeF(tf.pointSizeF() * 1.2);
    titleLabel->setFont(tf);
    auto *badge = new TierBadge(TierStyle::badgeText(env), TierStyle::color(env), this);
    auto *envName = new QLabel(env.name, this);
    QFont ef = envName->font();
    ef.setBold(true);
    envName->setFont(ef);
    auto *head = new QHBoxLayout;
    head->addWidget(titleLabel, 1);
    head->addWidget(envName);
    head->addWidget(badge);

    auto *text = new QLabel(explanation, this);
    text->setObjectName(u"confirmActionExplanation"_s);
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(head);
    layout->addWidget(text);

    if (!statement.isEmpty()) {
        auto *stmtLabel = new QLabel(tr("TiDesk will send:"), this);
        m_statement = new QPlainTextEdit(statement, this);
        m_statement->setObjectName(u"confirmActionStatement"_s);
        m_statement->setAccessibleName(tr("Statement to send"));
        m_statement->setReadOnly(true);
        m_statement->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        const int lines = qBound(2, int(statement.count(u'\n')) + 2, 8);
        m_statement->setFixedHeight(m_statement->fontMetrics().lineSpacing() * lines + 12);
        layout->addWidget(stmtLabel);
        layout->addWidget(m_statement);
    }

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setText(actionText);
    ok->setAccessibleName(actionText);
    ok->setObjectName(u"confirmActionButton"_s);
    m_buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (isConfirmEnabled())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    if (env.isProduction()) {
        m_typed = new TypedNameField(env, u"confirmActionName"_s, this);
        layout->addWidget(m_typed);
        ok->setEnabled(false);
        connect(m_typed, &TypedNameField::matchChanged, ok, &QPushButton::setEnabled);
    }
    layout->addWidget(m_buttons);
    resize(560, sizeHint().height());
}

bool ConfirmActionDialog::isConfirmEnabled() const
{
    return !m_typed || m_typed->matches();
}

QLineEdit *ConfirmActionDialog::typedNameEdit() const
{
    return m_typed ? m_typed->edit() : nullptr;
}

QPushButton *ConfirmActionDialog::actionButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

} // namespace TiDesk
