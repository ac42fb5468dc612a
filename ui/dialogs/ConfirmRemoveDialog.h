// ConfirmRemoveDialog: "Remove environment X?" For a production environment the DBA must type
// its name before the Remove button enables. Threading: GUI thread only.
#pragma once

#include "inventory/Environment.h"

#include <QDialog>

class QDialogButtonBox;
class QLineEdit;

namespace TiDesk {

class TypedNameField;

class ConfirmRemoveDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit ConfirmRemoveDialog(const Environment &env, QWidget *parent = nullptr);

    [[nodiscard]] Environment environment() const { return m_env; }
    [[nodiscard]] bool requiresTypedName() const { return m_env.isProduction(); }
    [[nodiscard]] bool isConfirmEnabled() const;

private:
    Environment m_env;
    TypedNameField *m_typed = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace TiDesk
