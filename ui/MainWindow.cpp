#include "MainWindow.h"

#include "ConnectionCheck.h"
#include "EnvironmentDelegate.h"
#include "HealthPages.h"
#include "MessageBanner.h"
#include "SqlPages.h"
#include "StatusPill.h"
#include "TierBanner.h"
#include "TierStyle.h"
#include "assist/AssistHostSession.h"
#include "backup/BackupHealthPoller.h"
#include "common/AppSettings.h"
#include "dialogs/AssistJoinDialog.h"
#include "dialogs/ConfirmRemoveDialog.h"
#include "dialogs/EnvironmentDialog.h"
#include "dialogs/EnvironmentSwitcher.h"
#include "dialogs/HostKeyDialog.h"
#include "dialogs/ShortcutsDialog.h"
#include "dialogs/UnlockVaultDialog.h"
#include "health/FleetChecker.h"
#include "health/FleetPoller.h"
#include "inventory/InventoryModel.h"
#include "inventory/InventoryStore.h"
#include "models/EnvironmentFilterModel.h"
#include "models/FleetStatusModel.h"
#include "pages/ActivityPage.h"
#include "pages/AlertsPage.h"
#include "pages/AssistPage.h"
#include "pages/AssistWorkspace.h"
#include "pages/BackupsPage.h"
#include "pages/ClusterPage.h"
#include "pages/EnvironmentPage.h"
#include "pages/FleetPage.h"
#include "pages/GuardrailsPage.h"
#include "pages/RulesPage.h"
#include "pages/SessionsPage.h"
#include "pages/SettingsPage.h"
#include "pages/SlowQueriesPage.h"
#include "pages/WelcomePage.h"
#include "secrets/CredentialStore.h"
#include "secrets/VaultFileStore.h"
#include "tunnel/BastionTunnels.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {
constexpr int kProdFrameWidth = 5;
constexpr int kVaultPollMs = 1000;
constexpr int kStatusMessageMs = 15000;
} // namespace

MainWindow::MainWindow(const TiDesk::CoreServices &services, QWidget *parent)
    : QMainWindow(parent)
    , m_services(services)
{
    Q_ASSERT_X(services.pool, "MainWindow", "CoreServices::pool is required");
    setObjectName(u"mainWindow"_s);
    m_model = new InventoryModel(this);
    m_statusModel = new FleetStatusModel(this);
    m_statusModel->setSourceModel(m_model);
    m_filterModel = new EnvironmentFilterModel(this);
    m_filterModel->setSourceModel(m_statusModel);

    m_fleet = new FleetChecker(m_services, this);
    connect(m_fleet, &FleetChecker::checkStarted, m_statusModel, &FleetStatusModel::setChecking);
    connect(m_fleet, &FleetChecker::resultReady, this,
            [this](const QUuid &id, const CheckResult &result) {
                m_statusModel->setResult(id, result);
                updateFleetStatus();
            });
    connect(m_fleet, &FleetChecker::finished, this, &MainWindow::updateFleetStatus);
    // The vault was still locked when the checks read the passwords (at start-up the unlock
    // races the first inventory load): watch for the unlock, then check again.
    m_vaultPollTimer = new QTimer(this);
    m_vaultPollTimer->setInterval(kVaultPollMs);
    connect(m_vaultPollTimer, &QTimer::timeout, this, &MainWindow::pollVault);
    connect(m_fleet, &FleetChecker::vaultLocked, m_vaultPollTimer, qOverload<>(&QTimer::start));
    connect(&m_vaultProbe, &QFutureWatcher<bool>::finished, this, [this] {
        if (m_vaultProbe.future().resultCount() > 0 && m_vaultProbe.result()
            && m_vaultPollTimer->isActive()) {
            m_vaultPollTimer->stop();
            checkFleet();
        }
    });

    createCentral();
    createActions();
    createStatusBar();

    if (BastionTunnels *tunnels = m_services.tunnels) {
        // Emitted on the SSH thread; the SQL connect waits there until answerHostKey().
        connect(tunnels, &BastionTunnels::hostKeyQuestion, this, &MainWindow::onHostKeyQuestion,
                Qt::QueuedConnection);
        connect(tunnels, &BastionTunnels::bastionDown, this, &MainWindow::onBastionDown,
                Qt::QueuedConnection);
    }

    connect(&m_loadWatcher, &QFutureWatcher<Result<EnvironmentList>>::finished, this,
            &MainWindow::onLoadFinished);
    connect(&m_removeWatcher, &QFutureWatcher<VoidResult>::finished, this, [this] {
        const VoidResult r = m_removeWatcher.result();
        if (!r.ok())
            showError(tr("Could not remove %1: %2").arg(m_removingName, r.error().message),
                      r.error().detail);
        emit environmentRemoved(m_removingName, r.ok());
        reloadInventory();
    });

    const AppSettings settings;
    if (!restoreGeometry(settings.windowGeometry()))
        resize(1280, 800);
    restoreState(settings.windowState());
    m_pendingSelection = settings.lastEnvironment();

    applyChrome(nullptr);
    updateActions();
    reloadInventory();
}

MainWindow::~MainWindow()
{
    // Loads and removes keep running on the pool; their results are simply not delivered.
    m_loadWatcher.disconnect(this);
    m_removeWatcher.disconnect(this);
    m_vaultProbe.disconnect(this);
    // Expert windows still open leave their sessions (the DBA hears it) with the window.
    for (const QPointer<AssistWorkspace> &w : std::as_const(m_workspaces))
        delete w.data();
    // Questions nobody will answer now: say no at once rather than let the connects wait for
    // the prompt timeout. (Without a receiver, later questions are refused by the tunnels.)
    if (BastionTunnels *tunnels = m_services.tunnels) {
        tunnels->disconnect(this);
        if (HostKeyDialog *dlg = m_hostKeyDialog.data(); dlg && !dlg->isAnswered()) {
            dlg->disconnect(this);
            tunnels->answerHostKey(dlg->question().id, false, false);
        }
        for (const PendingHostKeyQuestion &p : std::as_const(m_hostKeyQueue))
            tunnels->answerHostKey(p.question.id, false, false);
    }
    // m_fleet (a child) drops its queue and waits for the checks already running.
}

void MainWindow::createCentral()
{
    m_tierBanner = new TierBanner(this);
    m_windowBanner = new MessageBanner(this);
    m_windowBanner->setObjectName(u"windowBanner"_s);

    // Sidebar
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(u"environmentFilter"_s);
    m_filter->setAccessibleName(tr("Filter environments"));
    m_filter->setPlaceholderText(tr("Filter by name, tag, host\u2026"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_filterModel,
            &EnvironmentFilterModel::setFilterText);

    m_sidebar = new QListView(this);
    m_sidebar->setObjectName(u"environmentList"_s);
    m_sidebar->setAccessibleName(tr("Environments"));
    m_sidebar->setModel(m_filterModel);
    m_sidebar->setItemDelegate(new EnvironmentDelegate(m_sidebar));
    m_sidebar->setSelectionMode(QAbstractItemView::SingleSelection);
    m_sidebar->setMouseTracking(true);
    m_sidebar->setUniformItemSizes(false);
    m_sidebar->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_sidebar->setFrameShape(QFrame::NoFrame);
    connect(m_sidebar->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::onCurrentRowChanged);
    // The heading above a group depends on the neighbour rows: re-layout when rows come and go.
    for (auto sig : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
        connect(m_filterModel, sig, m_sidebar, [this] { m_sidebar->doItemsLayout(); });
    connect(m_filterModel, &QAbstractItemModel::rowsMoved, m_sidebar,
            [this] { m_sidebar->doItemsLayout(); });
    connect(m_filterModel, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                m_sidebar->doItemsLayout();
                if (!m_current)
                    return;
                for (int r = topLeft.row(); r <= bottomRight.row(); ++r) {
                    const QModelIndex idx = m_filterModel->index(r, 0);
                    if (idx.data(InventoryModel::IdRole).toUuid() == m_current->id) {
                        onCurrentRowChanged();
                        break;
                    }
                }
            });

    auto *sideTitle = new QLabel(tr("Environments"), this);
    QFont stf = sideTitle->font();
    stf.setBold(true);
    sideTitle->setFont(stf);

    auto *side = new QWidget(this);
    side->setObjectName(u"sidebar"_s);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(8, 8, 4, 8);
    sideLayout->addWidget(sideTitle);
    sideLayout->addWidget(m_filter);
    sideLayout->addWidget(m_sidebar, 1);

    // Pages
    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(u"pages"_s);
    m_envPage = new EnvironmentPage(m_services, m_pages);
    m_activityPage = new ActivityPage(m_services, m_pages);
    m_alertsPage = new AlertsPage(m_pages);
    m_health = new HealthPages(m_services, m_model, m_alertsPage, m_pages, this);
    m_clusterPage = m_health->clusterPage();
    m_fleetPage = m_health->fleetPage();
    // The sidebar and the status bar follow the poller when an environment goes down or comes
    // back; otherwise they keep the richer connection check (endpoint, SSH route) of
    // FleetChecker / Test connection.
    connect(m_health->poller(), &FleetPoller::sampleReady, this, [this](const FleetSample &s) {
        if (s.state == FleetSample::State::Unknown)
            return;
        // Only a change the poller itself saw (up -> down, down -> up) is passed on.
        const auto last = m_pollerReachable.constFind(s.environmentId);
        const bool changed = last != m_pollerReachable.cend() && *last != s.reachable();
        m_pollerReachable.insert(s.environmentId, s.reachable());
        if (!changed)
            return;
        CheckResult r;
        r.name = s.name;
        r.reachable = s.reachable();
        r.engine = s.engine;
        r.latencyMs = s.reachable() ? s.latencyMs : -1;
        r.error = s.reachable() ? Error() : s.lastError;
        m_statusModel->setResult(s.environmentId, r);
        updateFleetStatus();
    });
    connect(m_health, &HealthPages::openEnvironment, this, [this](const QUuid &id) {
        if (selectById(id))
            showPage(Page::Cluster);
    });
    m_sql = new SqlPages(m_services, m_pages, this);
    connect(m_sql, &SqlPages::openGuardrails, this, [this](const QUuid &id) {
        if (selectById(id))
            showPage(Page::Guardrails);
    });
    m_settingsPage = new SettingsPage(m_services, QString(), m_pages);
    connect(m_settingsPage, &SettingsPage::restartRequested, this, &MainWindow::restartRequested);
    // The page owns the BackupManager: backups/BackupLauncher.h and sql/Dialect.h (included
    // here through the guardrails page) both define a TiDesk::BackupRequest.
    m_backupsPage = new BackupsPage(m_services, nullptr, m_pages);
    connect(m_health->backupHealth(), &BackupHealthPoller::updated, m_backupsPage, [this] {
        m_backupsPage->setBackupContext(m_health->backupHealth()->schedules(),
                                        m_health->backupHealth()->logBackups());
    });
    m_pages->addWidget(m_envPage);
    m_pages->addWidget(m_activityPage);
    m_pages->addWidget(m_alertsPage);
    m_pages->addWidget(m_clusterPage);
    m_pages->addWidget(m_fleetPage);
    m_pages->addWidget(m_sql->sessionsPage());
    m_pages->addWidget(m_sql->slowQueriesPage());
    m_pages->addWidget(m_sql->rulesPage());
    m_pages->addWidget(m_sql->guardrailsPage());
    m_assistPage = new AssistPage(m_services, m_pages);
    m_assistPage->setBackupManager(m_backupsPage->manager());
    m_pages->addWidget(m_backupsPage);
    m_pages->addWidget(m_assistPage);
    m_pages->addWidget(m_settingsPage);
    m_welcomePage = new WelcomePage(m_services, m_pages);
    m_pages->addWidget(m_welcomePage);
    connect(m_welcomePage, &WelcomePage::addEnvironmentRequested, this,
            &MainWindow::addEnvironment);
    connect(m_welcomePage, &WelcomePage::unlockRequested, this, &MainWindow::unlockVault);
    connect(m_welcomePage, &WelcomePage::imported, this, [this](const EnvironmentList &saved) {
        // Select what the sidebar shows first (prod first) once the reload brings it in.
        const auto first = std::min_element(saved.cbegin(), saved.cend(),
                                            [](const Environment &a, const Environment &b) {
                                                return Environment::sortsBefore(a, b);
                                            });
        if (first != saved.cend())
            m_pendingId = first->id;
        reloadInventory();
    });
    connect(m_envPage, &EnvironmentPage::editRequested, this, &MainWindow::editEnvironment);
    connect(m_envPage, &EnvironmentPage::checkFinished, this, &MainWindow::onCheckFinished);
    connect(m_envPage, &EnvironmentPage::checkStarted, this, [this](const QString &name) {
        m_checkPill->setStatus(StatusPill::State::Unknown, tr("%1: checking\u2026").arg(name));
        m_checkPill->show();
    });
    connect(m_pages, &QStackedWidget::currentChanged, this, [this] { updateActions(); });

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(u"mainSplitter"_s);
    m_splitter->addWidget(side);
    m_splitter->addWidget(m_pages);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({ 280, 1000 });
    m_splitter->setChildrenCollapsible(false);
    side->setMinimumWidth(200);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_tierBanner);
    auto *bannerHolder = new QVBoxLayout;
    bannerHolder->setContentsMargins(8, 6, 8, 0);
    bannerHolder->addWidget(m_windowBanner);
    layout->addLayout(bannerHolder);
    layout->addWidget(m_splitter, 1);
    setCentralWidget(central);
}

void MainWindow::createActions()
{
    auto make = [this](const QString &objectName, const QString &text, const QString &tip,
                       const QKeySequence &shortcut = {}) {
        auto *a = new QAction(text, this);
        a->setObjectName(objectName);
        a->setToolTip(tip);
        a->setStatusTip(tip);
        if (!shortcut.isEmpty())
            a->setShortcut(shortcut);
        return a;
    };
    m_addAction = make(u"actionAddEnvironment"_s, tr("&Add\u2026"), tr("Add an environment"),
                       QKeySequence::New);
    m_editAction = make(u"actionEditEnvironment"_s, tr("&Edit\u2026"),
                        tr("Edit the selected environment"), QKeySequence(Qt::CTRL | Qt::Key_E));
    m_duplicateAction = make(u"actionDuplicateEnvironment"_s, tr("&Duplicate\u2026"),
                             tr("Create a new environment from the selected one"),
                             QKeySequence(Qt::CTRL | Qt::Key_D));
    m_removeAction = make(u"actionRemoveEnvironment"_s, tr("&Remove\u2026"),
                          tr("Remove the selected environment"), QKeySequence::Delete);
    m_testAction
        = make(u"actionTestConnection"_s, tr("&Test connection"),
               tr("Connect to the selected environment and report engine, version and latency"),
               QKeySequence(Qt::CTRL | Qt::Key_T));
    m_refreshAction
        = make(u"actionRefresh"_s, tr("Re&fresh"),
               tr("Reload the inventory and check every environment"), QKeySequence(Qt::Key_F5));
    m_envPageAction = make(u"actionShowEnvironment"_s, tr("&Environment"),
                           tr("Show the selected environment"), QKeySequence(Qt::CTRL | Qt::Key_1));
    m_activityAction = make(u"actionActivityLog"_s, tr("Activity &log"),
                            tr("Every statement TiDesk sent"), QKeySequence(Qt::CTRL | Qt::Key_2));
    m_alertsAction = make(u"actionAlerts"_s, tr("Ale&rts"),
                          tr("Active alerts of every environment, worst first"),
                          QKeySequence(Qt::CTRL | Qt::Key_3));
    m_clusterAction = make(u"actionCluster"_s, tr("&Cluster"),
                           tr("Nodes, replication and charts of the selected environment"),
                           QKeySequence(Qt::CTRL | Qt::Key_4));
    m_fleetAction
        = make(u"actionFleet"_s, tr("&Fleet"), tr("Every environment at a glance, worst first"),
               QKeySequence(Qt::CTRL | Qt::Key_5));
    m_sessionsAction = make(u"actionSessions"_s, tr("Se&ssions"),
                            tr("Live sessions of the selected environment: filter, explain, kill"),
                            QKeySequence(Qt::CTRL | Qt::Key_6));
    m_slowAction = make(u"actionSlowQueries"_s, tr("Slo&w queries"),
                        tr("Slow-query history of the selected environment, by digest"),
                        QKeySequence(Qt::CTRL | Qt::Key_7));
    m_rulesAction = make(u"actionRules"_s, tr("R&ules"),
                         tr("Kill rules for the whole fleet and what they decided"),
                         QKeySequence(Qt::CTRL | Qt::Key_8));
    m_guardrailsAction = make(u"actionGuardrails"_s, tr("&Guardrails"),
                              tr("Statement time and memory limits, runaway watches and plan "
                                 "bindings of the selected environment"),
                              QKeySequence(Qt::CTRL | Qt::Key_9));
    m_backupsAction = make(u"actionBackups"_s, tr("&Backups"),
                           tr("Backups of the selected environment: health, jobs, start, cancel"),
                           QKeySequence(Qt::CTRL | Qt::Key_0));
    m_assistAction = make(u"actionAssist"_s, tr("E&xpert session"),
                          tr("Let an outside expert see chosen environments and propose "
                             "statements you approve"));
    m_joinAssistAction = make(u"actionJoinAssist"_s, tr("&Join an expert session\u2026"),
                              tr("Join another DBA's expert session with the code they gave you"));
    m_assistLogsAction = make(u"actionAssistLogs"_s, tr("Session &logs\u2026"),
                              tr("Replay and verify the audit logs of the expert sessions you "
                                 "hosted"));
    m_settingsAction
        = make(u"actionSettings"_s, tr("&Settings"), tr("Secret backend, language and theme"),
               QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_unlockAction
        = make(u"actionUnlockVault"_s, tr("&Unlock vault\u2026"), tr("Enter the vault passphrase"));
    m_quitAction = make(u"actionQuit"_s, tr("&Quit"), tr("Quit TiDesk"), QKeySequence::Quit);
    m_switchAction = make(u"actionSwitchEnvironment"_s, tr("S&witch environment\u2026"),
                          tr("Find an environment by typing its name, tier, tag or host"),
                          QKeySequence(Qt::CTRL | Qt::Key_K));
    m_previousEnvAction = make(u"actionPreviousEnvironment"_s, tr("&Previous environment"),
                               tr("Select the environment above in the list"),
                               QKeySequence(Qt::CTRL | Qt::Key_PageUp));
    m_nextEnvAction = make(u"actionNextEnvironment"_s, tr("&Next environment"),
                           tr("Select the environment below in the list"),
                           QKeySequence(Qt::CTRL | Qt::Key_PageDown));
    m_shortcutsAction = make(u"actionShortcuts"_s, tr("&Keyboard shortcuts"),
                             tr("Every keyboard shortcut of TiDesk"));
    m_shortcutsAction->setShortcuts(
        { QKeySequence(QKeySequence::HelpContents), QKeySequence(Qt::CTRL | Qt::Key_Slash) });
    m_guideAction = make(u"actionUserGuide"_s, tr("&User guide"),
                         tr("Open the TiDesk user guide installed with TiDesk"));
    m_aboutAction = make(u"actionAbout"_s, tr("&About TiDesk"), tr("Version of TiDesk and of Qt"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
    m_removeAction->setShortcutContext(Qt::WidgetShortcut); // Delete only in the sidebar
    m_sidebar->addAction(m_removeAction);

    auto *pageGroup = new QActionGroup(this);
    for (QAction *a : { m_envPageAction, m_activityAction, m_alertsAction, m_clusterAction,
                        m_fleetAction, m_sessionsAction, m_slowAction, m_rulesAction,
                        m_guardrailsAction, m_backupsAction, m_assistAction, m_settingsAction }) {
        a->setCheckable(true);
        pageGroup->addAction(a);
    }
    m_envPageAction->setChecked(true);

    connect(m_addAction, &QAction::triggered, this, &MainWindow::addEnvironment);
    connect(m_editAction, &QAction::triggered, this, &MainWindow::editEnvironment);
    connect(m_duplicateAction, &QAction::triggered, this, &MainWindow::duplicateEnvironment);
    connect(m_removeAction, &QAction::triggered, this, &MainWindow::removeEnvironment);
    connect(m_testAction, &QAction::triggered, this, &MainWindow::testConnection);
    connect(m_refreshAction, &QAction::triggered, this, &MainWindow::reloadInventory);
    connect(m_envPageAction, &QAction::triggered, this, [this] { showPage(Page::Environment); });
    connect(m_activityAction, &QAction::triggered, this, [this] { showPage(Page::Activity); });
    connect(m_alertsAction, &QAction::triggered, this, [this] { showPage(Page::Alerts); });
    connect(m_alertsPage, &AlertsPage::severeCountChanged, this, [this](int severe) {
        //: Toolbar: %1 = number of emergency and critical alerts
        m_alertsAction->setText(severe > 0 ? tr("Ale&rts (%1)").arg(severe) : tr("Ale&rts"));
    });
    connect(m_clusterAction, &QAction::triggered, this, [this] { showPage(Page::Cluster); });
    connect(m_fleetAction, &QAction::triggered, this, [this] { showPage(Page::Fleet); });
    connect(m_sessionsAction, &QAction::triggered, this, [this] { showPage(Page::Sessions); });
    connect(m_slowAction, &QAction::triggered, this, [this] { showPage(Page::SlowQueries); });
    connect(m_rulesAction, &QAction::triggered, this, [this] { showPage(Page::Rules); });
    connect(m_guardrailsAction, &QAction::triggered, this, [this] { showPage(Page::Guardrails); });
    connect(m_backupsAction, &QAction::triggered, this, [this] { showPage(Page::Backups); });
    connect(m_assistAction, &QAction::triggered, this, [this] { showPage(Page::Assist); });
    connect(m_joinAssistAction, &QAction::triggered, this, &MainWindow::joinAssistSession);
    connect(m_assistLogsAction, &QAction::triggered, m_assistPage, &AssistPage::showLogs);
    // The toolbar says when a session runs and how many proposals wait, whichever page is shown.
    auto assistText = [this] {
        const int pending = m_assistPage->session() ? m_assistPage->session()->pendingCount() : 0;
        if (pending > 0)
            //: Toolbar: %1 = the expert's proposals waiting for the DBA
            m_assistAction->setText(tr("E&xpert session (%1 waiting)").arg(pending));
        else
            //: Toolbar while an expert session runs
            m_assistAction->setText(m_assistPage->isSessionRunning() ? tr("E&xpert session (on)")
                                                                     : tr("E&xpert session"));
    };
    connect(m_assistPage, &AssistPage::sessionRunningChanged, this, assistText);
    connect(m_assistPage, &AssistPage::pendingCountChanged, this, assistText);
    connect(this, &MainWindow::currentEnvironmentChanged, this, [this](const Environment &env) {
        if (currentPage() == Page::Cluster)
            m_health->showCluster(env);
        else if (const Page p = currentPage();
                 p == Page::Sessions || p == Page::SlowQueries || p == Page::Guardrails)
            m_sql->showEnvironment(m_pages->currentWidget(), env);
        else if (currentPage() == Page::Backups)
            m_backupsPage->setEnvironment(env);
    });
    connect(m_settingsAction, &QAction::triggered, this, [this] { showPage(Page::Settings); });
    connect(m_unlockAction, &QAction::triggered, this, &MainWindow::unlockVault);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);
    connect(m_switchAction, &QAction::triggered, this, &MainWindow::switchEnvironment);
    connect(m_previousEnvAction, &QAction::triggered, this, &MainWindow::selectPreviousEnvironment);
    connect(m_nextEnvAction, &QAction::triggered, this, &MainWindow::selectNextEnvironment);
    connect(m_shortcutsAction, &QAction::triggered, this, &MainWindow::showShortcuts);
    connect(m_guideAction, &QAction::triggered, this, &MainWindow::openUserGuide);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    m_unlockAction->setVisible(dynamic_cast<VaultFileStore *>(m_services.secrets) != nullptr);

    QMenu *envMenu = menuBar()->addMenu(tr("&Environment"));
    envMenu->addActions({ m_addAction, m_editAction, m_duplicateAction, m_removeAction });
    envMenu->addSeparator();
    envMenu->addActions({ m_testAction, m_refreshAction });
    envMenu->addSeparator();
    envMenu->addActions({ m_switchAction, m_previousEnvAction, m_nextEnvAction });
    envMenu->addSeparator();
    envMenu->addAction(m_unlockAction);
    envMenu->addSeparator();
    envMenu->addAction(m_quitAction);
    QMenu *sessionMenu = menuBar()->addMenu(tr("&Session"));
    sessionMenu->addAction(m_assistAction);
    sessionMenu->addAction(m_joinAssistAction);
    sessionMenu->addSeparator();
    sessionMenu->addAction(m_assistLogsAction);
    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->addActions({ m_envPageAction, m_activityAction, m_alertsAction, m_clusterAction,
                           m_fleetAction, m_sessionsAction, m_slowAction, m_rulesAction,
                           m_guardrailsAction, m_backupsAction, m_assistAction, m_settingsAction });
    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(m_shortcutsAction);
    helpMenu->addAction(m_guideAction);
    helpMenu->addSeparator();
    helpMenu->addAction(m_aboutAction);

    QToolBar *tb = addToolBar(tr("Main"));
    tb->setObjectName(u"mainToolBar"_s);
    tb->setAccessibleName(tr("Main toolbar"));
    tb->setMovable(false);
    tb->setToolButtonStyle(Qt::ToolButtonTextOnly);
    tb->addActions({ m_addAction, m_editAction, m_duplicateAction, m_removeAction });
    tb->addSeparator();
    tb->addActions({ m_testAction, m_refreshAction });
    tb->addSeparator();
    tb->addActions({ m_envPageAction, m_activityAction, m_alertsAction, m_clusterAction,
                     m_fleetAction, m_sessionsAction, m_slowAction, m_rulesAction,
                     m_guardrailsAction, m_backupsAction, m_assistAction, m_settingsAction });
    // Qt's "»" button for the actions that do not fit has no text of its own.
    if (auto *more = tb->findChild<QToolButton *>(u"qt_toolbar_ext_button"_s))
        more->setAccessibleName(tr("More toolbar actions"));
    // Ctrl+K opens the switcher from a text field too (line edits read it as "delete to the end
    // of the line" and would swallow it).
    qApp->installEventFilter(this);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride && m_switchAction->isEnabled()) {
        auto *w = qobject_cast<QWidget *>(watched);
        const auto *key = static_cast<QKeyEvent *>(event);
        if (w && w->window() == this
            && QKeySequence(key->keyCombination()) == m_switchAction->shortcut()) {
            event->ignore(); // not overridden: the window's shortcut runs
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::createStatusBar()
{
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(u"statusEnvironmentCount"_s);
    m_backendLabel = new QLabel(this);
    m_backendLabel->setObjectName(u"statusSecretBackend"_s);
    m_fleetPill = new StatusPill(this);
    m_fleetPill->setObjectName(u"statusFleet"_s);
    m_fleetPill->setAccessibleName(tr("Reachable environments"));
    m_checkPill = new StatusPill(this);
    m_checkPill->setObjectName(u"statusLastCheck"_s);
    m_checkPill->setAccessibleName(tr("Last connection check"));
    m_checkPill->setStatus(StatusPill::State::Unknown, tr("No connection checked yet"));
    // Only after a "Test connection": next to the fleet summary it would read as "nothing checked".
    m_checkPill->hide();
    m_countLabel->setContentsMargins(8, 0, 12, 0);
    m_backendLabel->setContentsMargins(12, 0, 8, 0);
    statusBar()->addWidget(m_countLabel);
    statusBar()->addWidget(m_backendLabel);
    statusBar()->addPermanentWidget(m_fleetPill);
    statusBar()->addPermanentWidget(m_checkPill);
    updateStatusBar();
    updateFleetStatus();
}

QAction *MainWindow::action(const QString &objectName) const
{
    return findChild<QAction *>(objectName);
}

int MainWindow::environmentCount() const
{
    return m_model->rowCount();
}

// ---- inventory

void MainWindow::reloadInventory()
{
    if (!m_services.inventory) {
        showError(tr("No inventory is open."));
        return;
    }
    if (m_loadWatcher.isRunning()) {
        m_reloadAgain = true;
        return;
    }
    std::shared_ptr<InventoryStore> inventory = m_services.inventory;
    m_loadWatcher.setFuture(
        QtConcurrent::run(m_services.pool, [inventory] { return inventory->load(); }));
}

void MainWindow::onLoadFinished()
{
    if (m_loadWatcher.future().resultCount() == 0)
        return;
    const Result<EnvironmentList> r = m_loadWatcher.result();
    if (m_reloadAgain) {
        m_reloadAgain = false;
        reloadInventory();
        return;
    }
    if (!r.ok()) {
        showError(tr("The inventory could not be read: %1").arg(r.error().message),
                  r.error().detail);
        emit inventoryReloaded();
        return;
    }
    const bool first = !m_loadedOnce;
    const int before = m_model->rowCount();
    m_loadedOnce = true;
    m_model->setEnvironments(r.value());
    updateStatusBar();
    checkFleet();

    bool selected = false;
    if (!m_pendingId.isNull()) {
        selected = selectById(m_pendingId);
        m_pendingId = QUuid();
    }
    if (!selected && !m_pendingSelection.isEmpty()) {
        selected = selectEnvironment(m_pendingSelection);
        m_pendingSelection.clear();
    }
    if (!selected && m_current)
        selected = selectById(m_current->id);
    if (!selected && (first || m_current) && m_filterModel->rowCount() > 0)
        m_sidebar->setCurrentIndex(m_filterModel->index(0, 0));
    else if (!selected && m_filterModel->rowCount() == 0)
        onCurrentRowChanged();
    updateWelcome(m_model->rowCount() == 0 && (first || before > 0));
    updateActions();
    emit inventoryReloaded();
}

bool MainWindow::isWelcomeShown() const
{
    return m_pages->currentWidget() == m_welcomePage;
}

void MainWindow::updateWelcome(bool becameEmpty)
{
    const bool empty = m_loadedOnce && m_model->rowCount() == 0;
    if (empty && (becameEmpty || m_pages->currentWidget() == m_envPage)) {
        m_pages->setCurrentWidget(m_welcomePage);
        m_envPageAction->setChecked(true);
    } else if (!empty && m_pages->currentWidget() == m_welcomePage) {
        m_pages->setCurrentWidget(m_envPage);
    }
}

bool MainWindow::selectById(const QUuid &id)
{
    const QModelIndex src = m_statusModel->mapFromSource(m_model->indexOf(id));
    if (!src.isValid())
        return false;
    QModelIndex idx = m_filterModel->mapFromSource(src);
    if (!idx.isValid()) {
        m_filter->clear(); // filtered out: show everything rather than select something hidden
        idx = m_filterModel->mapFromSource(src);
    }
    if (!idx.isValid())
        return false;
    m_sidebar->setCurrentIndex(idx);
    m_sidebar->scrollTo(idx);
    return true;
}

bool MainWindow::selectEnvironment(const QString &name)
{
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const Environment env = m_model->environment(r);
        if (env.name.compare(name, Qt::CaseInsensitive) == 0) {
            showPage(Page::Environment);
            return selectById(env.id);
        }
    }
    if (!m_loadedOnce || isReloading())
        m_pendingSelection = name;
    return false;
}

std::optional<Environment> MainWindow::currentEnvironment() const
{
    return m_current;
}

void MainWindow::onCurrentRowChanged()
{
    const QModelIndex idx = m_sidebar->currentIndex();
    if (!idx.isValid()) {
        m_current.reset();
        m_envPage->clearEnvironment();
        applyChrome(nullptr);
        updateActions();
        return;
    }
    const Environment env = idx.data(InventoryModel::EnvironmentRole).value<Environment>();
    const bool changed = !m_current || m_current->id != env.id;
    m_current = env;
    m_envPage->setEnvironment(env);
    showCurrentCheck();
    applyChrome(&env);
    updateActions();
    if (changed) {
        AppSettings settings;
        settings.setLastEnvironment(env.name);
        emit currentEnvironmentChanged(env);
    }
}

// ---- chrome

void MainWindow::applyChrome(const Environment *env)
{
    setWindowTitle(TierStyle::windowTitle(env));
    if (env)
        m_tierBanner->setEnvironment(*env);
    else
        m_tierBanner->clearEnvironment();
    const bool prod = env && env->isProduction();
    m_frameColor = env ? TierStyle::color(*env) : QColor();
    m_frameWidth = prod ? kProdFrameWidth : 0;
    setContentsMargins(m_frameWidth, m_frameWidth, m_frameWidth, m_frameWidth);
    update();
}

void MainWindow::paintEvent(QPaintEvent *event)
{
    QMainWindow::paintEvent(event);
    if (m_frameWidth <= 0 || !m_frameColor.isValid())
        return;
    QPainter p(this);
    const QRect r = rect();
    const int w = m_frameWidth;
    p.fillRect(QRect(r.left(), r.top(), r.width(), w), m_frameColor);
    p.fillRect(QRect(r.left(), r.bottom() - w + 1, r.width(), w), m_frameColor);
    p.fillRect(QRect(r.left(), r.top(), w, r.height()), m_frameColor);
    p.fillRect(QRect(r.right() - w + 1, r.top(), w, r.height()), m_frameColor);
}

void MainWindow::showPage(Page page)
{
    switch (page) {
    case Page::Environment:
        if (m_loadedOnce && m_model->rowCount() == 0)
            m_pages->setCurrentWidget(m_welcomePage);
        else
            m_pages->setCurrentWidget(m_envPage);
        m_envPageAction->setChecked(true);
        break;
    case Page::Activity:
        m_pages->setCurrentWidget(m_activityPage);
        m_activityAction->setChecked(true);
        break;
    case Page::Alerts:
        m_pages->setCurrentWidget(m_alertsPage);
        m_alertsAction->setChecked(true);
        break;
    case Page::Cluster:
        if (const std::optional<Environment> env = currentEnvironment())
            m_health->showCluster(*env);
        m_pages->setCurrentWidget(m_clusterPage);
        m_clusterAction->setChecked(true);
        break;
    case Page::Fleet:
        m_pages->setCurrentWidget(m_fleetPage);
        m_fleetAction->setChecked(true);
        break;
    case Page::Sessions:
    case Page::SlowQueries:
    case Page::Guardrails: {
        QWidget *w = page == Page::Sessions ? static_cast<QWidget *>(m_sql->sessionsPage())
            : page == Page::SlowQueries     ? static_cast<QWidget *>(m_sql->slowQueriesPage())
                                            : static_cast<QWidget *>(m_sql->guardrailsPage());
        if (const std::optional<Environment> env = currentEnvironment())
            m_sql->showEnvironment(w, *env);
        m_pages->setCurrentWidget(w);
        (page == Page::Sessions          ? m_sessionsAction
             : page == Page::SlowQueries ? m_slowAction
                                         : m_guardrailsAction)
            ->setChecked(true);
        break;
    }
    case Page::Rules:
        m_pages->setCurrentWidget(m_sql->rulesPage());
        m_rulesAction->setChecked(true);
        break;
    case Page::Backups:
        if (const std::optional<Environment> env = currentEnvironment())
            m_backupsPage->setEnvironment(*env);
        m_pages->setCurrentWidget(m_backupsPage);
        m_backupsAction->setChecked(true);
        break;
    case Page::Assist:
        m_pages->setCurrentWidget(m_assistPage);
        m_assistAction->setChecked(true);
        break;
    case Page::Settings:
        m_pages->setCurrentWidget(m_settingsPage);
        m_settingsAction->setChecked(true);
        break;
    }
}

GuardrailsPage *MainWindow::guardrailsPage() const
{
    return m_sql->guardrailsPage();
}

SessionsPage *MainWindow::sessionsPage() const
{
    return m_sql->sessionsPage();
}

SlowQueriesPage *MainWindow::slowQueriesPage() const
{
    return m_sql->slowQueriesPage();
}

BackupManager *MainWindow::backupManager() const
{
    return m_backupsPage->manager();
}

RulesPage *MainWindow::rulesPage() const
{
    return m_sql->rulesPage();
}

MainWindow::Page MainWindow::currentPage() const
{
    if (m_pages->currentWidget() == m_activityPage)
        return Page::Activity;
    if (m_pages->currentWidget() == m_settingsPage)
        return Page::Settings;
    if (m_pages->currentWidget() == m_alertsPage)
        return Page::Alerts;
    if (m_pages->currentWidget() == m_clusterPage)
        return Page::Cluster;
    if (m_pages->currentWidget() == m_fleetPage)
        return Page::Fleet;
    if (m_pages->currentWidget() == m_sql->guardrailsPage())
        return Page::Guardrails;
    if (m_pages->currentWidget() == m_sql->sessionsPage())
        return Page::Sessions;
    if (m_pages->currentWidget() == m_sql->slowQueriesPage())
        return Page::SlowQueries;
    if (m_pages->currentWidget() == m_sql->rulesPage())
        return Page::Rules;
    if (m_pages->currentWidget() == m_backupsPage)
        return Page::Backups;
    if (m_pages->currentWidget() == m_assistPage)
        return Page::Assist;
    return Page::Environment;
}

void MainWindow::updateActions()
{
    const bool has = m_current.has_value();
    const bool store = m_services.inventory != nullptr;
    m_addAction->setEnabled(store);
    m_editAction->setEnabled(has && store);
    m_duplicateAction->setEnabled(has && store);
    m_removeAction->setEnabled(has && store && !m_removeWatcher.isRunning());
    m_testAction->setEnabled(has && !m_envPage->isChecking());
    const bool any = m_model->rowCount() > 0;
    for (QAction *a : { m_switchAction, m_previousEnvAction, m_nextEnvAction })
        a->setEnabled(any);
}

void MainWindow::updateStatusBar()
{
    const int n = m_model->rowCount();
    //: Status bar: %1 = number of environments in the inventory
    m_countLabel->setText(tr("Environments: %1").arg(n));
    const QString backend = m_services.secrets ? m_services.secrets->backendName() : QString();
    if (backend == u"keychain")
        m_backendLabel->setText(tr("Secrets: OS keychain"));
    else if (backend == u"vault")
        m_backendLabel->setText(tr("Secrets: encrypted vault"));
    else
        m_backendLabel->setText(tr("Secrets: none"));
}

void MainWindow::onCheckFinished(const TiDesk::CheckResult &result)
{
    // "Test connection" is the newest word on that environment: the sidebar shows it too.
    for (const Environment &env : m_model->environments()) {
        if (env.name.compare(result.name, Qt::CaseInsensitive) == 0) {
            m_statusModel->setResult(env.id, result);
            updateFleetStatus();
            break;
        }
    }
    m_checkPill->setStatus(result.reachable ? StatusPill::State::Ok : StatusPill::State::Error,
                           ConnectionCheck::statusText(result));
    m_checkPill->show();
    updateActions();
}

void MainWindow::checkFleet()
{
    m_statusModel->clearChecking();
    m_fleet->checkAll(m_model->environments());
    m_alertsPage->setEnvironments(m_model->environments());
    m_health->setEnvironments(m_model->environments());
    m_sql->setEnvironments(m_model->environments());
    m_backupsPage->setEnvironments(m_model->environments());
    m_assistPage->setEnvironments(m_model->environments());
    // Backups still running on record (a restart, or started by tidesk-cli) are followed; after
    // the vault is unlocked this runs again and follows those that needed a secret.
    m_backupsPage->reattachRunning();
    updateFleetStatus();
}

void MainWindow::joinAssistSession()
{
    auto *dlg = new AssistJoinDialog(this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    connect(dlg, &QDialog::accepted, this, [this, dlg] {
        const std::optional<SessionCode> code = dlg->code();
        if (!code)
            return;
        auto *w = new AssistWorkspace(dlg->options(), *code, nullptr);
        w->setAttribute(Qt::WA_DeleteOnClose);
        m_workspaces.append(w);
        w->show();
    });
    dlg->open();
}

QList<AssistWorkspace *> MainWindow::assistWorkspaces() const
{
    QList<AssistWorkspace *> out;
    for (const QPointer<AssistWorkspace> &w : m_workspaces)
        if (w)
            out << w.data();
    return out;
}

void MainWindow::pollVault()
{
    CredentialStore *secrets = m_services.secrets;
    if (!secrets || m_vaultProbe.isRunning())
        return;
    // isAvailable() waits while an unlock runs its KDF: ask from the pool.
    m_vaultProbe.setFuture(
        QtConcurrent::run(m_services.pool, [secrets] { return secrets->isAvailable(); }));
}

void MainWindow::showCurrentCheck()
{
    if (!m_current)
        return;
    const QModelIndex idx = m_statusModel->mapFromSource(m_model->indexOf(m_current->id));
    if (!idx.isValid())
        return;
    const QVariant result = idx.data(FleetStatusModel::CheckResultRole);
    const bool checking
        = FleetStatusModel::CheckStatus(idx.data(FleetStatusModel::CheckStatusRole).toInt())
        == FleetStatusModel::CheckStatus::Checking;
    m_envPage->showCheckState(
        checking, result.isValid() ? std::optional(result.value<CheckResult>()) : std::nullopt);
}

void MainWindow::updateFleetStatus()
{
    const int total = m_statusModel->rowCount();
    const int ok = m_statusModel->countWithStatus(FleetStatusModel::CheckStatus::Ok);
    const int failing = m_statusModel->countWithStatus(FleetStatusModel::CheckStatus::Error);
    const int checking = m_statusModel->countWithStatus(FleetStatusModel::CheckStatus::Checking);
    if (total == 0) {
        m_fleetPill->setStatus(StatusPill::State::Unknown, tr("No environments"));
    } else if (ok + failing == 0) {
        m_fleetPill->setStatus(StatusPill::State::Unknown,
                               checking > 0 ? tr("Checking %n environment(s)\u2026", nullptr, total)
                                            : tr("Not checked yet"));
    } else if (failing > 0) {
        //: Status bar: %1 = reachable environments, %2 = all environments, %3 = failing ones
        m_fleetPill->setStatus(
            StatusPill::State::Error,
            tr("%1 of %2 reachable \u2014 %3 failing").arg(ok).arg(total).arg(failing));
    } else if (checking > 0) {
        //: Status bar while checks run: %1 = reachable so far, %2 = all environments, %3 = still
        //: checking
        m_fleetPill->setStatus(
            StatusPill::State::Unknown,
            tr("%1 of %2 reachable, %3 checking\u2026").arg(ok).arg(total).arg(checking));
    } else {
        //: Status bar: %1 = reachable environments, %2 = all environments
        m_fleetPill->setStatus(ok == total ? StatusPill::State::Ok : StatusPill::State::Warning,
                               tr("%1 of %2 reachable").arg(ok).arg(total));
    }
}

void MainWindow::showError(const QString &text, const QString &detail)
{
    m_windowBanner->showMessage(MessageBanner::Kind::Error, text, detail);
}

// ---- actions

void MainWindow::testConnection()
{
    if (!m_current)
        return;
    showPage(Page::Environment);
    m_envPage->testConnection();
    updateActions();
}

void MainWindow::addEnvironment()
{
    auto *dlg = new EnvironmentDialog(m_services, EnvironmentDialog::Mode::Add, {}, this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    connect(dlg, &EnvironmentDialog::saved, this, [this](const Environment &env) {
        m_pendingId = env.id;
        reloadInventory();
    });
    dlg->open();
}

void MainWindow::editEnvironment()
{
    if (!m_current)
        return;
    auto *dlg = new EnvironmentDialog(m_services, EnvironmentDialog::Mode::Edit, *m_current, this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    connect(dlg, &EnvironmentDialog::saved, this, [this](const Environment &env) {
        m_pendingId = env.id;
        reloadInventory();
    });
    dlg->open();
}

void MainWindow::duplicateEnvironment()
{
    if (!m_current)
        return;
    auto *dlg
        = new EnvironmentDialog(m_services, EnvironmentDialog::Mode::Duplicate, *m_current, this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    connect(dlg, &EnvironmentDialog::saved, this, [this](const Environment &env) {
        m_pendingId = env.id;
        reloadInventory();
    });
    dlg->open();
}

void MainWindow::removeEnvironment()
{
    if (!m_current || !m_services.inventory || m_removeWatcher.isRunning())
        return;
    auto *dlg = new ConfirmRemoveDialog(*m_current, this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    connect(dlg, &QDialog::accepted, this, [this, dlg] {
        const Environment env = dlg->environment();
        m_removingName = env.name;
        std::shared_ptr<InventoryStore> inventory = m_services.inventory;
        CredentialStore *secrets = m_services.secrets;
        m_removeWatcher.setFuture(
            QtConcurrent::run(m_services.pool, [env, inventory, secrets]() -> VoidResult {
                VoidResult r = inventory->remove(env.id);
                if (!r.ok())
                    return r;
                // Best effort: a secret left behind is harmless (keyed by a now unused id).
                if (secrets) {
                    (void)secrets->remove(env.passwordSecretKey());
                    (void)secrets->remove(env.sshPassphraseSecretKey());
                    (void)secrets->remove(env.backupSecretKey());
                }
                return {};
            }));
        updateActions();
    });
    dlg->open();
}

void MainWindow::unlockVault()
{
    auto *vault = dynamic_cast<VaultFileStore *>(m_services.secrets);
    if (!vault)
        return;
    auto *dlg = new UnlockVaultDialog(vault, m_services.pool, this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    connect(dlg, &UnlockVaultDialog::unlocked, this, [this] {
        m_windowBanner->showMessage(MessageBanner::Kind::Success, tr("The vault is unlocked."));
        m_vaultPollTimer->stop();
        checkFleet();
    });
    dlg->open();
}

void MainWindow::switchEnvironment()
{
    if (m_switcher) {
        m_switcher->raise();
        m_switcher->activateWindow();
        return;
    }
    auto *dlg = new EnvironmentSwitcher(m_statusModel, this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    connect(dlg, &EnvironmentSwitcher::environmentChosen, this,
            [this](const QUuid &id) { selectById(id); });
    // Near the top of the window, centred, like a command palette.
    const QPoint topCentre = mapToGlobal(QPoint(width() / 2, 0));
    dlg->move(topCentre.x() - dlg->width() / 2, topCentre.y() + height() / 8);
    m_switcher = dlg;
    dlg->open();
    dlg->filterEdit()->setFocus();
}

void MainWindow::selectNextEnvironment()
{
    selectAdjacentEnvironment(1);
}

void MainWindow::selectPreviousEnvironment()
{
    selectAdjacentEnvironment(-1);
}

void MainWindow::selectAdjacentEnvironment(int step)
{
    const int n = m_filterModel->rowCount();
    if (n == 0)
        return;
    const QModelIndex current = m_sidebar->currentIndex();
    const int row = current.isValid() ? (current.row() + step + n) % n : (step > 0 ? 0 : n - 1);
    const QModelIndex idx = m_filterModel->index(row, 0);
    m_sidebar->setCurrentIndex(idx);
    m_sidebar->scrollTo(idx);
}

void MainWindow::showShortcuts()
{
    if (auto *open = findChild<ShortcutsDialog *>()) {
        open->raise();
        open->activateWindow();
        return;
    }
    auto *dlg = new ShortcutsDialog(this, this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    dlg->open();
}

void MainWindow::openUserGuide()
{
    if (m_guideLookup.isRunning())
        return;
    // The packaged copy first, then one installed next to the binary, then the source tree's.
    // In Chinese the Chinese guide, else the English one.
    const QString file
        = QLocale().language() == QLocale::Chinese ? u"user-guide.zh_CN.md"_s : u"user-guide.md"_s;
    QStringList candidates {
        u"/usr/share/doc/tidesk/"_s + file,
        QDir(QCoreApplication::applicationDirPath()).filePath(u"../share/doc/tidesk/"_s + file)
    };
#ifdef TIDESK_SOURCE_DIR
    candidates << QStringLiteral(TIDESK_SOURCE_DIR "/docs/") + file;
#endif
    m_guideLookup.setFuture(QtConcurrent::run(m_services.pool, [candidates] {
        for (const QString &path : candidates)
            if (QFileInfo(path).isFile())
                return QFileInfo(path).canonicalFilePath();
        return QString();
    }));
    m_guideLookup.future().then(this, [this, candidates](const QString &path) {
        if (path.isEmpty()) {
            //: %1 = the places looked in, one per line
            m_windowBanner->showMessage(MessageBanner::Kind::Warning,
                                        tr("The user guide is not installed."),
                                        tr("Looked in: %1").arg(candidates.join(u", "_s)));
            return;
        }
        if (!QDesktopServices::openUrl(QUrl::fromLocalFile(path)))
            m_windowBanner->showMessage(MessageBanner::Kind::Warning,
                                        tr("No application opens %1.").arg(path));
    });
}

void MainWindow::showAbout()
{
    const QString version = QCoreApplication::applicationVersion();
    //: About box: %1 = TiDesk version, %2 = Qt version it runs on, %3 = Qt version it was built
    //: with
    const QString text
        = tr("<h3>TiDesk %1</h3><p>A desktop console for DBAs who look after many TiDB and "
             "MariaDB/MySQL environments.</p><p>Qt %2 (built with Qt %3)</p>")
              .arg(version.isEmpty() ? tr("(development build)") : version.toHtmlEscaped(),
                   QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR));
    auto *box = new QMessageBox(QMessageBox::Information, tr("About TiDesk"), text,
                                QMessageBox::Close, this);
    box->setObjectName(u"aboutBox"_s);
    box->setTextFormat(Qt::RichText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

// ---- SSH bastions

void MainWindow::onHostKeyQuestion(const TiDesk::HostKeyQuestion &question)
{
    // BastionTunnels answers "no" by itself after its prompt timeout.
    const auto timeout = m_services.tunnels ? m_services.tunnels->promptTimeout()
                                            : BastionTunnelsOptions {}.promptTimeout;
    m_hostKeyQueue.append({ question, QDeadlineTimer(timeout) });
    showNextHostKeyQuestion();
}

void MainWindow::showNextHostKeyQuestion()
{
    if (m_hostKeyDialog)
        return; // one at a time; the answer shows the next
    while (!m_hostKeyQueue.isEmpty()) {
        const PendingHostKeyQuestion next = m_hostKeyQueue.takeFirst();
        if (next.deadline.hasExpired()) {
            reportUnansweredHostKey(next.question.bastion);
            continue;
        }
        auto *dlg = new HostKeyDialog(next.question, this);
        dlg->setAttribute(Qt::WA_DeleteOnClose);
        dlg->setDeadline(next.deadline);
        connect(dlg, &HostKeyDialog::answered, this,
                [this, dlg](quint64 id, bool accept, bool remember) {
                    if (m_services.tunnels)
                        m_services.tunnels->answerHostKey(id, accept, remember);
                    if (dlg->hasTimedOut())
                        reportUnansweredHostKey(dlg->question().bastion);
                    m_hostKeyDialog = nullptr;
                    // After this dialog has closed, not from inside its done().
                    QTimer::singleShot(0, this, &MainWindow::showNextHostKeyQuestion);
                });
        m_hostKeyDialog = dlg;
        dlg->open();
        QApplication::alert(this);
        return;
    }
}

void MainWindow::reportUnansweredHostKey(const QString &bastion)
{
    //: Status bar: %1 = SSH bastion ("root@10.0.0.1:22")
    statusBar()->showMessage(
        tr("The host key of %1 was not confirmed in time: TiDesk refused it.").arg(bastion),
        kStatusMessageMs);
}

void MainWindow::onBastionDown(const QString &bastion, const TiDesk::Error &error)
{
    //: Status bar: %1 = SSH bastion ("root@10.0.0.1:22"), %2 = why
    statusBar()->showMessage(tr("SSH bastion %1 is down: %2").arg(bastion, error.message),
                             kStatusMessageMs);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    AppSettings settings;
    settings.setWindowGeometry(saveGeometry());
    settings.setWindowState(saveState());
    if (m_current)
        settings.setLastEnvironment(m_current->name);
    settings.sync();
    QMainWindow::closeEvent(event);
}

} // namespace TiDesk
