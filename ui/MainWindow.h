// MainWindow: the shell. Left: the environments grouped by tier (prod first) with a filter box;
// right: the pages (environment details, activity log, settings). The window chrome follows the
// selected environment's tier: a full-width banner ("PRODUCTION — prod", white on red), the
// title "TiDesk — prod [PRODUCTION]" and, for production, a red frame around the whole window.
// Each page owns its logic; the window only wires them and runs inventory changes.
// After every inventory load (Refresh, F5) and after the vault is unlocked, every environment is
// checked in the background (FleetChecker); the sidebar (FleetStatusModel roles), the environment
// page and the status bar ("3 of 4 reachable — 1 failing") show the results as they arrive.
//
// With SSH bastions (services.tunnels), a bastion's unknown host key is asked about in a
// HostKeyDialog (one at a time, the others queued, none lost) and the answer goes back to
// BastionTunnels::answerHostKey(); a bastion that goes down is named in the status bar.
//
// While the loaded inventory is empty the Environment page shows the WelcomePage (import a file,
// add an environment, open the local sandbox); it comes back when the last environment goes.
// Help ▸ Keyboard shortcuts lists every shortcut from the live actions (ShortcutsDialog); Ctrl+K
// opens the quick switcher (EnvironmentSwitcher), Ctrl+PgUp / Ctrl+PgDown step through the sidebar.
//
// Threading: GUI thread. Inventory loads/removes, secret deletes, the fleet checks and the
// vault-unlocked probe run on services.pool (QFutureWatcher members, FleetChecker); no call here
// blocks. Usable as `MainWindow w(services); w.show();`.
#pragma once

#include "CoreServices.h"
#include "common/Result.h"
#include "dialogs/HostKeyDialog.h"
#include "inventory/Environment.h"
#include "sql/EnvironmentCheck.h"

#include <QDeadlineTimer>
#include <QFutureWatcher>
#include <QHash>
#include <QList>
#include <QMainWindow>
#include <QPointer>
#include <optional>

class QAction;
class QLabel;
class QLineEdit;
class QListView;
class QSplitter;
class QStackedWidget;
class QTimer;

namespace TiDesk {

class ActivityPage;
class AssistPage;
class AssistWorkspace;
class AlertsPage;
class BackupManager;
class BackupsPage;
class ClusterPage;
class FleetPage;
class HealthPages;
class GuardrailsPage;
class RulesPage;
class SessionsPage;
class SlowQueriesPage;
class SqlPages;
class EnvironmentDelegate;
class EnvironmentSwitcher;
class EnvironmentFilterModel;
class EnvironmentPage;
class FleetChecker;
class FleetStatusModel;
class InventoryModel;
class MessageBanner;
class SettingsPage;
class StatusPill;
class TierBanner;
class WelcomePage;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    enum class Page {
        Environment,
        Activity,
        Alerts,
        Cluster,
        Fleet,
        Sessions,
        SlowQueries,
        Rules,
        Guardrails,
        Backups,
        Assist,
        Settings
    };
    Q_ENUM(Page)

    explicit MainWindow(const TiDesk::CoreServices &services, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Selects the environment (case-insensitive). Before the first load finishes the name is
    // remembered and selected when it arrives. False when it is not (yet) in the sidebar.
    bool selectEnvironment(const QString &name);
    [[nodiscard]] std::optional<Environment> currentEnvironment() const;
    void showPage(Page page);
    [[nodiscard]] Page currentPage() const;
    [[nodiscard]] bool isReloading() const { return m_loadWatcher.isRunning(); }
    [[nodiscard]] int environmentCount() const;

    [[nodiscard]] InventoryModel *inventoryModel() const { return m_model; }
    [[nodiscard]] FleetStatusModel *fleetStatusModel() const { return m_statusModel; }
    [[nodiscard]] FleetChecker *fleetChecker() const { return m_fleet; }
    [[nodiscard]] TierBanner *tierBanner() const { return m_tierBanner; }
    [[nodiscard]] EnvironmentPage *environmentPage() const { return m_envPage; }
    [[nodiscard]] WelcomePage *welcomePage() const { return m_welcomePage; }
    // True while the loaded inventory is empty and the welcome screen is on show.
    [[nodiscard]] bool isWelcomeShown() const;
    [[nodiscard]] ActivityPage *activityPage() const { return m_activityPage; }
    [[nodiscard]] AlertsPage *alertsPage() const { return m_alertsPage; }
    [[nodiscard]] ClusterPage *clusterPage() const { return m_clusterPage; }
    [[nodiscard]] FleetPage *fleetPage() const { return m_fleetPage; }
    [[nodiscard]] HealthPages *healthPages() const { return m_health; }
    [[nodiscard]] SqlPages *sqlPages() const { return m_sql; }
    [[nodiscard]] GuardrailsPage *guardrailsPage() const;
    [[nodiscard]] SessionsPage *sessionsPage() const;
    [[nodiscard]] SlowQueriesPage *slowQueriesPage() const;
    [[nodiscard]] RulesPage *rulesPage() const;
    [[nodiscard]] SettingsPage *settingsPage() const { return m_settingsPage; }
    [[nodiscard]] BackupsPage *backupsPage() const { return m_backupsPage; }
    [[nodiscard]] AssistPage *assistPage() const { return m_assistPage; }
    // The expert windows opened from "Join an expert session..." (closed ones are gone).
    [[nodiscard]] QList<AssistWorkspace *> assistWorkspaces() const;
    // Follows every backup started here or still running on record (re-attached at each check).
    [[nodiscard]] BackupManager *backupManager() const;
    [[nodiscard]] QAction *action(const QString &objectName) const;
    // The host-key question on screen (null when none) and how many wait behind it.
    [[nodiscard]] HostKeyDialog *hostKeyDialog() const { return m_hostKeyDialog; }
    [[nodiscard]] int queuedHostKeyQuestions() const { return int(m_hostKeyQueue.size()); }

public slots:
    // Reloads the inventory on the pool; the sidebar updates in place (no reset).
    void reloadInventory();
    void addEnvironment();
    void editEnvironment();
    void duplicateEnvironment();
    void removeEnvironment();
    void testConnection();
    void unlockVault();
    // Checks every environment in the sidebar now (a run in progress is restarted).
    void checkFleet();
    // Asks for a session code (AssistJoinDialog) and opens the expert's workspace with it.
    void joinAssistSession();
    // Ctrl+K: the quick switcher over the sidebar's environments.
    void switchEnvironment();
    // Ctrl+PgDown / Ctrl+PgUp: the next / previous environment in the sidebar (wraps around).
    void selectNextEnvironment();
    void selectPreviousEnvironment();
    // Help menu.
    void showShortcuts();
    void openUserGuide();
    void showAbout();

signals:
    // Settings ▸ "Restart now": the composition root (main.cpp) restarts the program after the
    // window has closed.
    void restartRequested();
    void inventoryReloaded();
    void currentEnvironmentChanged(const TiDesk::Environment &env);
    // A remove requested through the UI finished (ok or not).
    void environmentRemoved(const QString &name, bool ok);

protected:
    void closeEvent(QCloseEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createActions();
    void createCentral();
    void createStatusBar();
    void onLoadFinished();
    void updateWelcome(bool becameEmpty);
    void selectAdjacentEnvironment(int step);
    void onCurrentRowChanged();
    void applyChrome(const Environment *env);
    void updateActions();
    void updateStatusBar();
    void onCheckFinished(const TiDesk::CheckResult &result);
    void updateFleetStatus();
    void showCurrentCheck();
    void pollVault();
    void showError(const QString &text, const QString &detail = {});
    bool selectById(const QUuid &id);
    void onHostKeyQuestion(const TiDesk::HostKeyQuestion &question);
    void showNextHostKeyQuestion();
    void reportUnansweredHostKey(const QString &bastion);
    void onBastionDown(const QString &bastion, const TiDesk::Error &error);

    struct PendingHostKeyQuestion
    {
        HostKeyQuestion question;
        QDeadlineTimer deadline; // when BastionTunnels stops waiting for the answer
    };

    CoreServices m_services;
    InventoryModel *m_model = nullptr;
    FleetStatusModel *m_statusModel = nullptr;
    FleetChecker *m_fleet = nullptr;
    EnvironmentFilterModel *m_filterModel = nullptr;
    QListView *m_sidebar = nullptr;
    QLineEdit *m_filter = nullptr;
    QSplitter *m_splitter = nullptr;
    TierBanner *m_tierBanner = nullptr;
    MessageBanner *m_windowBanner = nullptr;
    QStackedWidget *m_pages = nullptr;
    EnvironmentPage *m_envPage = nullptr;
    WelcomePage *m_welcomePage = nullptr;
    QPointer<EnvironmentSwitcher> m_switcher;
    ActivityPage *m_activityPage = nullptr;
    AlertsPage *m_alertsPage = nullptr;
    ClusterPage *m_clusterPage = nullptr;
    FleetPage *m_fleetPage = nullptr;
    HealthPages *m_health = nullptr;
    SqlPages *m_sql = nullptr;
    QHash<QUuid, bool> m_pollerReachable; // the poller's last verdict per environment
    SettingsPage *m_settingsPage = nullptr;
    BackupsPage *m_backupsPage = nullptr;
    AssistPage *m_assistPage = nullptr;
    QList<QPointer<AssistWorkspace>> m_workspaces;
    QLabel *m_countLabel = nullptr;
    QLabel *m_backendLabel = nullptr;
    StatusPill *m_checkPill = nullptr;
    StatusPill *m_fleetPill = nullptr;
    QTimer *m_vaultPollTimer = nullptr;

    QAction *m_addAction = nullptr;
    QAction *m_editAction = nullptr;
    QAction *m_duplicateAction = nullptr;
    QAction *m_removeAction = nullptr;
    QAction *m_testAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_envPageAction = nullptr;
    QAction *m_activityAction = nullptr;
    QAction *m_alertsAction = nullptr;
    QAction *m_clusterAction = nullptr;
    QAction *m_fleetAction = nullptr;
    QAction *m_sessionsAction = nullptr;
    QAction *m_slowAction = nullptr;
    QAction *m_rulesAction = nullptr;
    QAction *m_guardrailsAction = nullptr;
    QAction *m_backupsAction = nullptr;
    QAction *m_assistAction = nullptr;
    QAction *m_joinAssistAction = nullptr;
    QAction *m_assistLogsAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_unlockAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_switchAction = nullptr;
    QAction *m_previousEnvAction = nullptr;
    QAction *m_nextEnvAction = nullptr;
    QAction *m_shortcutsAction = nullptr;
    QAction *m_guideAction = nullptr;
    QAction *m_aboutAction = nullptr;

    QFutureWatcher<Result<EnvironmentList>> m_loadWatcher;
    QFutureWatcher<VoidResult> m_removeWatcher;
    QFutureWatcher<bool> m_vaultProbe;
    QFutureWatcher<QString> m_guideLookup;
    QList<PendingHostKeyQuestion> m_hostKeyQueue;
    QPointer<HostKeyDialog> m_hostKeyDialog;
    bool m_reloadAgain = false;
    bool m_loadedOnce = false;
    QString m_pendingSelection;
    QUuid m_pendingId;
    QString m_removingName;
    std::optional<Environment> m_current;
    QColor m_frameColor;
    int m_frameWidth = 0;
};

} // namespace TiDesk
