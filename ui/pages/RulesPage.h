// RulesPage: pt-kill for the fleet, in the window. The rules of rules.json (RuleSet) in a table;
// add, edit, remove (RuleDialog; saving a rule that enforces on a production environment needs
// that environment's typed name); the RuleRunner that applies them to every environment in their
// scope every second while TiDesk is open (Start/Stop); and the decisions it takes, newest
// first: "would have killed" (dry-run), notifications, enforced kills with their outcome, rate
// limits. The headline counts what matters: enforcing rules and the kills and would-have-kills
// of this run. "Push down to TiDB" turns a rule into QUERY_LIMIT / QUERY WATCH statements for a
// TiDB 7.2+ environment, shows them with their caveats, and runs them only on confirmation.
// Enforced kills go through SessionKiller (verify-then-kill, audited).
// Threading: GUI thread; the rules file is read and written on services.pool; the runner and
// the killer are asynchronous; nothing here blocks.
#pragma once

#include "CoreServices.h"
#include "common/Result.h"
#include "dialogs/ConfirmActionDialog.h"
#include "inventory/Environment.h"
#include "rules/RuleDecision.h"
#include "rules/RuleSet.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QWidget>

#include <memory>

class QLabel;
class QPushButton;
class QTableWidget;

namespace TiDesk {

class MessageBanner;
class RuleRunner;
class SessionKiller;
class SessionRuleKiller;

class RulesPage final : public QWidget
{
    Q_OBJECT
public:
    // rulesPath empty: RuleSet::defaultPath().
    explicit RulesPage(const CoreServices &services, const QString &rulesPath = {},
                       QWidget *parent = nullptr);
    ~RulesPage() override;

    void setEnvironments(const EnvironmentList &envs);
    [[nodiscard]] const RuleSet &rules() const { return m_rules; }
    [[nodiscard]] RuleRunner *runner() const { return m_runner; }
    [[nodiscard]] QTableWidget *rulesTable() const { return m_table; }
    [[nodiscard]] QTableWidget *decisionsTable() const { return m_decisions; }
    [[nodiscard]] QString headlineText() const;
    [[nodiscard]] MessageBanner *banner() const { return m_banner; }
    [[nodiscard]] ConfirmActionDialog *pendingConfirmation() const { return m_confirm; }
    [[nodiscard]] bool isLoaded() const { return m_loaded; }
    [[nodiscard]] bool isRunning() const;

public slots:
    void reload();
    void setRunning(bool running);
    // Adds or replaces (by name) a rule and saves the file; a rule that enforces on production
    // asks for the typed name first.
    void saveRule(const TiDesk::KillRule &rule, const QString &replacing = {});
    void removeRule(const QString &name);
    void addRule();
    void editSelected();
    void pushDownSelected();

signals:
    void rulesLoaded();
    void rulesSaved(bool ok, const QString &message);
    void decisionShown(const TiDesk::RuleDecision &decision, const QString &result);

private:
    void onLoaded();
    void showRules();
    void writeRules(const RuleSet &set, const QString &what);
    void addDecision(const RuleDecision &decision, const QString &statement, const QString &result);
    void updateHeadline();
    [[nodiscard]] QString selectedRuleName() const;
    [[nodiscard]] std::optional<Environment> environment(const QString &name) const;

    CoreServices m_services;
    QString m_path;
    RuleSet m_rules;
    bool m_loaded = false;
    EnvironmentList m_envs;
    RuleRunner *m_runner = nullptr;
    SessionKiller *m_killer = nullptr;
    std::unique_ptr<SessionRuleKiller> m_ruleKiller;
    QFutureWatcher<Result<RuleSet>> m_loadWatcher;
    QFutureWatcher<VoidResult> m_saveWatcher;
    RuleSet m_saving;
    QString m_savingWhat;
    int m_wouldHaveKilled = 0;
    int m_killed = 0;
    int m_notified = 0;

    QLabel *m_headline = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_pushDown = nullptr;
    MessageBanner *m_banner = nullptr;
    QTableWidget *m_table = nullptr;
    QTableWidget *m_decisions = nullptr;
    QPointer<ConfirmActionDialog> m_confirm;
};

} // namespace TiDesk
