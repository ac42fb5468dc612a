// GuardrailsPage: one environment's guardrails. The headline says the one thing that matters
// when bad SQL is eating a server: how long a statement may run (and on TiDB how much memory a
// query may take) — "No statement time limit" in amber when there is none. Below: the guardrail
// variables with their GLOBAL values, units and meaning; on TiDB the runaway watches
// (RUNAWAY_WATCHES) and the global SQL bindings. Every change (set a variable, remove a watch,
// drop a binding, bind a plan digest from history) shows the exact statement in a
// ConfirmActionDialog — typed environment name on production — and is audited.
// Threading: GUI thread. Reads and changes run on services.pool (QFutureWatcher); never blocks.
#pragma once

#include "CoreServices.h"
#include "common/Result.h"
#include "dialogs/ConfirmActionDialog.h"
#include "guardrails/GuardrailSnapshot.h"
#include "guardrails/GuardrailWriter.h"
#include "inventory/Environment.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace TiDesk {

class MessageBanner;
class PageHeading;

class GuardrailsPage final : public QWidget
{
    Q_OBJECT
public:
    explicit GuardrailsPage(const CoreServices &services, QWidget *parent = nullptr);
    ~GuardrailsPage() override;

    void setEnvironment(const Environment &env);
    [[nodiscard]] std::optional<Environment> environment() const { return m_env; }
    [[nodiscard]] std::optional<GuardrailSnapshot> snapshot() const { return m_snapshot; }
    [[nodiscard]] bool isBusy() const;
    [[nodiscard]] QString headlineText() const;
    [[nodiscard]] QTableWidget *variablesTable() const { return m_vars; }
    [[nodiscard]] QTableWidget *watchesTable() const { return m_watches; }
    [[nodiscard]] QTableWidget *bindingsTable() const { return m_bindings; }
    // Read problems and read errors.
    [[nodiscard]] MessageBanner *banner() const { return m_banner; }
    // The outcome of the last change (and invalid values that were not sent).
    [[nodiscard]] MessageBanner *resultBanner() const { return m_result; }
    // The confirmation on screen (null when none).
    [[nodiscard]] ConfirmActionDialog *pendingConfirmation() const { return m_confirm; }

public slots:
    void refresh();
    // Builds the change with the environment's dialect and asks for confirmation; an invalid
    // value is reported in the banner and nothing is sent.
    void proposeVariable(const QString &name, const QString &value);
    void proposeRemoveWatch(qint64 id);
    void proposeAddWatch(const QString &sqlDigest);
    void proposeDropBinding(const QString &sqlDigest);
    void proposeBindPlan(const QString &planDigest);

signals:
    void snapshotRead(const TiDesk::GuardrailSnapshot &snapshot);
    void readFailed(const TiDesk::Error &error);
    void changeApplied(const TiDesk::GuardrailChange &change, bool ok, const QString &message);

private:
    void onRead();
    void onApplied();
    void showSnapshot(const GuardrailSnapshot &snap);
    void editSelectedVariable();
    void propose(const Result<GuardrailChange> &change, const QString &title,
                 const QString &explanation, const QString &actionText);
    void apply(const GuardrailChange &change);
    [[nodiscard]] std::shared_ptr<const Dialect> dialect() const;

    CoreServices m_services;
    std::optional<Environment> m_env;
    std::optional<GuardrailSnapshot> m_snapshot;
    QFutureWatcher<Result<GuardrailSnapshot>> m_readWatcher;
    QFutureWatcher<Result<GuardrailChangeResult>> m_applyWatcher;
    GuardrailChange m_applying;
    quint64 m_generation = 0;
    quint64 m_readGeneration = 0;
    bool m_pending = false;

    PageHeading *m_heading = nullptr;
    QLabel *m_headline = nullptr;
    QLabel *m_updated = nullptr;
    QPushButton *m_refresh = nullptr;
    MessageBanner *m_banner = nullptr;
    MessageBanner *m_result = nullptr;
    QTableWidget *m_vars = nullptr;
    QPushButton *m_change = nullptr;
    QLabel *m_watchesTitle = nullptr;
    QTableWidget *m_watches = nullptr;
    QPushButton *m_removeWatch = nullptr;
    QPushButton *m_addWatch = nullptr;
    QLabel *m_bindingsTitle = nullptr;
    QTableWidget *m_bindings = nullptr;
    QPushButton *m_dropBinding = nullptr;
    QPushButton *m_bindPlan = nullptr;
    QPointer<ConfirmActionDialog> m_confirm;
};

} // namespace TiDesk
