// ConfirmActionDialog: "Do this to environment X?" for every consequential action (kill a
// session, change a guardrail, remove a runaway watch, push a rule down): the environment with
// its tier badge, what will happen in one sentence, and the exact statement TiDesk will send,
// selectable. On a production environment the DBA must type the environment's name before the
// action button enables. Threading: GUI thread only.
#pragma once

#include "inventory/Environment.h"

#include <QDialog>

class QDialogButtonBox;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace TiDesk {

class TypedNameField;

class ConfirmActionDialog final : public QDialog
{
    Q_OBJECT
public:
    // title: "Kill this query?"; explanation: what it does; statement: the SQL (may be empty);
    // actionText: the button ("Kill query").
    ConfirmActionDialog(const Environment &env, const QString &title, const QString &explanation,
                        const QString &statement, const QString &actionText,
                        QWidget *parent = nullptr);

    [[nodiscard]] const Environment &environment() const { return m_env; }
    [[nodiscard]] bool requiresTypedName() const { return m_typed != nullptr; }
    [[nodiscard]] bool isConfirmEnabled() const;
    [[nodiscard]] QLineEdit *typedNameEdit() const;
    [[nodiscard]] QPushButton *actionButton() const;

private:
    Environment m_env;
    TypedNameField *m_typed = nullptr;
    QPlainTextEdit *m_statement = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace TiDesk
