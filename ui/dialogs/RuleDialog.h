// RuleDialog: adds or edits one kill rule: name, scope (environments and tiers), what it matches
// (busy time, users, hosts, databases, commands, digests, SQL regex, memory), excluded users,
// action, mode, victims, rate limit, and the production environments it may enforce on. The
// rule is validated as typed (KillRule::validate: the first problem is shown and OK is disabled).
// A new rule starts as notify / dry-run; production environments stay dry-run unless named in
// "Enforce on production" (the caller confirms that with the typed name).
// Threading: GUI thread only.
#pragma once

#include "inventory/Environment.h"
#include "rules/KillRule.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace TiDesk {

class RuleDialog final : public QDialog
{
    Q_OBJECT
public:
    // takenNames: names of the other rules (a duplicate is refused).
    RuleDialog(const KillRule &rule, const QStringList &takenNames, QWidget *parent = nullptr);

    // The rule as edited (compiled); valid when isValid().
    [[nodiscard]] KillRule rule() const;
    [[nodiscard]] bool isValid() const { return problem().isEmpty(); }
    // The first problem, translated; empty when valid.
    [[nodiscard]] QString problem() const;
    // Production environments named in "Enforce on production".
    [[nodiscard]] QStringList enforcedEnvironments() const;

private:
    void updateState();

    KillRule m_original;
    QStringList m_taken;
    QLineEdit *m_name = nullptr;
    QCheckBox *m_enabled = nullptr;
    QLineEdit *m_envs = nullptr;
    QList<QPair<Tier, QCheckBox *>> m_tiers;
    QDoubleSpinBox *m_busy = nullptr;
    QLineEdit *m_users = nullptr;
    QLineEdit *m_hosts = nullptr;
    QLineEdit *m_dbs = nullptr;
    QLineEdit *m_commands = nullptr;
    QLineEdit *m_digests = nullptr;
    QLineEdit *m_regex = nullptr;
    QSpinBox *m_memMiB = nullptr;
    QLineEdit *m_exclude = nullptr;
    QComboBox *m_action = nullptr;
    QComboBox *m_mode = nullptr;
    QComboBox *m_victims = nullptr;
    QSpinBox *m_rate = nullptr;
    QLineEdit *m_enforceOn = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace TiDesk
