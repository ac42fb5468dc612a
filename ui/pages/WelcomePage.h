// WelcomePage: what a new user sees in the main area while the inventory is empty: one sentence
// on what TiDesk is, and three big choices: import a TiUP topology / meta.yaml / TiDesk JSON /
// `tiup display` file, add an environment by hand (the main window opens EnvironmentDialog), or
// open the local development sandbox when one runs ($TIDESK_SANDBOX_DIR/sandbox.env). An import
// is parsed first and shown as a preview (name, tier, engine, endpoints; for the sandbox, which
// passwords will be stored); one cluster from a TiUP file can be renamed and given a tier there
// (a topology.yaml names no cluster: the name is asked for). Nothing is written until the user
// confirms. A malformed file is
// named in a MessageBanner (the importer's message names the line) and nothing is written; a
// locked vault is said so, with an "Unlock vault…" button (unlockRequested()).
// Threading: GUI thread. Looking for the sandbox, parsing and writing (InventoryImport, the
// inventory and the secret store) run on services.pool through QFutureWatcher members.
#pragma once

#include "CoreServices.h"
#include "common/Result.h"
#include "inventory/InventoryImport.h"
#include "inventory/LocalSandbox.h"

#include <QFutureWatcher>
#include <QWidget>
#include <optional>

class QComboBox;
class QCommandLinkButton;
class QLineEdit;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTreeWidget;

namespace TiDesk {

class MessageBanner;

class WelcomePage final : public QWidget
{
    Q_OBJECT
public:
    explicit WelcomePage(const CoreServices &services, QWidget *parent = nullptr);
    ~WelcomePage() override;

    [[nodiscard]] bool isSandboxAvailable() const { return m_sandbox.has_value(); }
    [[nodiscard]] bool isPreviewShown() const;
    [[nodiscard]] bool isBusy() const;
    // What the preview offers to add (empty when no preview is shown).
    [[nodiscard]] EnvironmentList previewEnvironments() const { return m_plan.environments; }
    [[nodiscard]] MessageBanner *banner() const { return m_banner; }

public slots:
    // Asks for a file (Qt's own dialog, so it works everywhere) and imports it.
    void chooseFile();
    // Parses path on the pool and shows the preview (or the error). Tests call it directly.
    void importFile(const QString &path);
    // Parses the running sandbox's inventory on the pool and shows the preview.
    void importSandbox();
    // Writes the previewed environments (and passwords) on the pool.
    void confirmImport();
    // Back to the three choices; forgets the preview.
    void cancelImport();
    // Looks for a running sandbox again (on the pool); sandboxChecked() tells the answer.
    void refreshSandbox();

signals:
    void addEnvironmentRequested();
    void unlockRequested();
    void sandboxChecked(bool available);
    void previewReady();
    void importFailed(const TiDesk::Error &error);
    // The environments were written: the window reloads the inventory.
    void imported(const TiDesk::EnvironmentList &saved);

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *createChoices();
    QWidget *createPreview();
    void onPlanReady();
    void onApplied();
    void onSandboxFound();
    void showPreview(const ImportPlan &plan);
    void showImportError(const Error &error);
    void fillPreviewList();
    void onClusterNameEdited(const QString &text);
    void onTierChosen();
    void updateConfirm();
    void setBusy(bool busy);

    CoreServices m_services;
    std::optional<LocalSandbox> m_sandbox;
    ImportPlan m_plan;
    bool m_unlockOffered = false;
    bool m_busy = false;
    bool m_tierChosen = false; // the user picked the tier: a new name no longer guesses it

    QFutureWatcher<std::optional<LocalSandbox>> m_sandboxWatcher;
    QFutureWatcher<Result<ImportPlan>> m_planWatcher;
    QFutureWatcher<Result<EnvironmentList>> m_applyWatcher;

    QStackedWidget *m_stack = nullptr;
    MessageBanner *m_banner = nullptr;
    QCommandLinkButton *m_importButton = nullptr;
    QCommandLinkButton *m_addButton = nullptr;
    QCommandLinkButton *m_sandboxButton = nullptr;
    QLabel *m_previewTitle = nullptr;
    QTreeWidget *m_previewList = nullptr;
    QWidget *m_clusterForm = nullptr;
    QLineEdit *m_nameEdit = nullptr;
    QComboBox *m_tierCombo = nullptr;
    QLabel *m_previewNote = nullptr;
    QPushButton *m_confirmButton = nullptr;
    QPushButton *m_backButton = nullptr;
};

} // namespace TiDesk
