// TypedNameField: the production safeguard of every confirmation dialog: "This is a PRODUCTION
// environment. Type its name to confirm:" (other tiers: "Type the name of ENV to confirm:", for
// actions dangerous on any tier) in the tier's colour and a line edit; matches() is true
// only when the exact environment name is typed. Used by ConfirmActionDialog and
// ConfirmRemoveDialog. Threading: GUI thread only.
#pragma once

#include "inventory/Environment.h"

#include <QWidget>

class QLineEdit;

namespace TiDesk {

class TypedNameField final : public QWidget
{
    Q_OBJECT
public:
    // editObjectName: the line edit's object name (tests and accessibility tools find it by it).
    TypedNameField(const Environment &env, const QString &editObjectName,
                   QWidget *parent = nullptr);

    [[nodiscard]] bool matches() const;
    [[nodiscard]] QLineEdit *edit() const { return m_edit; }

signals:
    void matchChanged(bool matches);

private:
    QString m_name;
    QLineEdit *m_edit = nullptr;
};

} // namespace TiDesk
