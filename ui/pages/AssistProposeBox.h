// AssistProposeBox: where the expert writes a proposal in the workspace: the environment (the
// shared ones, production marked), a SQL editor with Propose, a small "SET GLOBAL variable =
// value" form and "Propose backup" (logical with optional databases, or physical - the whole
// server). It only builds the AssistProposal; the workspace sends it.
// Threading: GUI thread only.
#pragma once

#include "assist/AssistExpertSession.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace TiDesk {

class AssistProposeBox final : public QWidget
{
    Q_OBJECT
public:
    explicit AssistProposeBox(QWidget *parent = nullptr);

    void setEnvironments(const QList<AssistExpertSession::SharedEnvironment> &envs);
    void setProposeEnabled(bool enabled);
    [[nodiscard]] QString environment() const;
    bool setEnvironment(const QString &name);

    [[nodiscard]] QComboBox *environmentCombo() const { return m_env; }
    [[nodiscard]] QPlainTextEdit *sqlEdit() const { return m_sql; }
    [[nodiscard]] QPushButton *proposeButton() const { return m_propose; }
    [[nodiscard]] QLineEdit *variableEdit() const { return m_variable; }
    [[nodiscard]] QLineEdit *valueEdit() const { return m_value; }
    [[nodiscard]] QPushButton *proposeSetButton() const { return m_proposeSet; }
    [[nodiscard]] QComboBox *backupKindCombo() const { return m_backupKind; }
    [[nodiscard]] QLineEdit *backupDatabasesEdit() const { return m_backupDatabases; }
    [[nodiscard]] QPushButton *proposeBackupButton() const { return m_proposeBackup; }
    // The databases typed for a logical backup (comma or space separated); nullopt when one is
    // not a valid name.
    [[nodiscard]] std::optional<QStringList> backupDatabases() const;

signals:
    void proposeRequested(const TiDesk::AssistProposal &proposal);

private:
    void updateButtons();
    void updateEnvHint();

    QList<AssistExpertSession::SharedEnvironment> m_envs;
    bool m_enabled = false;
    QComboBox *m_env = nullptr;
    QLabel *m_envHint = nullptr;
    QPlainTextEdit *m_sql = nullptr;
    QPushButton *m_propose = nullptr;
    QLineEdit *m_variable = nullptr;
    QLineEdit *m_value = nullptr;
    QPushButton *m_proposeSet = nullptr;
    QComboBox *m_backupKind = nullptr;
    QLineEdit *m_backupDatabases = nullptr;
    QPushButton *m_proposeBackup = nullptr;
};

} // namespace TiDesk
