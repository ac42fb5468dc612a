// AssistStartForm: the first screen of the Expert session page: where the session goes through
// (the relay, user@host:port, with the SSH key and known_hosts file that reach it), which of the
// inventory's environments the expert may see and propose on (tier-coloured, none checked at
// first), whether read-only statements on non-production are approved without asking, and the
// limits (maximum duration, idle timeout, rows sent back). Start is enabled once the relay reads
// and one environment is checked; options() gives what AssistHostSession needs. The relay,
// key and known_hosts paths are remembered in AppSettings (saveSettings()).
// Threading: GUI thread only.
#pragma once

#include "assist/AssistHostSession.h"
#include "inventory/Environment.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace TiDesk {

class AssistStartForm final : public QWidget
{
    Q_OBJECT
public:
    explicit AssistStartForm(QWidget *parent = nullptr);

    // The inventory's environments; the checks of those still present are kept.
    void setEnvironments(const EnvironmentList &envs);
    // Checks (or unchecks) the environment of that name; false when it is not listed.
    bool setShared(const QString &name, bool shared);
    [[nodiscard]] QList<Environment> sharedEnvironments() const;
    // The options for AssistHostSession (relay, environments, limits). Only when canStart().
    [[nodiscard]] AssistHostOptions options() const;
    [[nodiscard]] bool canStart() const;
    // Remembers the relay, key and known_hosts in AppSettings.
    void saveSettings() const;

    [[nodiscard]] QLineEdit *relayEdit() const { return m_relay; }
    [[nodiscard]] QLineEdit *keyEdit() const { return m_key; }
    [[nodiscard]] QLineEdit *knownHostsEdit() const { return m_knownHosts; }
    [[nodiscard]] QListWidget *environmentList() const { return m_envs; }
    [[nodiscard]] QCheckBox *autoApproveBox() const { return m_autoApprove; }
    [[nodiscard]] QSpinBox *maxDurationBox() const { return m_maxMinutes; }
    [[nodiscard]] QSpinBox *idleBox() const { return m_idleMinutes; }
    [[nodiscard]] QSpinBox *rowLimitBox() const { return m_rowLimit; }
    [[nodiscard]] QPushButton *startButton() const { return m_start; }

signals:
    void startRequested();

private:
    void validate();
    void browse(QLineEdit *edit, const QString &title);

    EnvironmentList m_all;
    QLineEdit *m_relay = nullptr;
    QLineEdit *m_key = nullptr;
    QLineEdit *m_knownHosts = nullptr;
    QListWidget *m_envs = nullptr;
    QCheckBox *m_autoApprove = nullptr;
    QSpinBox *m_maxMinutes = nullptr;
    QSpinBox *m_idleMinutes = nullptr;
    QSpinBox *m_rowLimit = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_start = nullptr;
};

} // namespace TiDesk
