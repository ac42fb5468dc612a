// BackupsPage: backups and restores (issue 6). The headline is the one fact that matters before
// anything goes wrong: "Last good backup of dev: 3 h ago" or "No successful backup of dev",
// coloured by BackupHealth's level (green ok, amber warning, red critical: the schedule-based
// thresholds the Fleet page and `tidesk-cli backup health` use, and a TiDB log backup's
// checkpoint lag). Below: the backup health of every environment (age of its last good backup,
// its last failure, the last verified restore, the log backup, the next run, what runs now),
// the jobs (all environments, or the
// selected one) with a progress bar while a job runs, and the log tail of the selected job.
// Start backup asks kind, directory and databases (StartBackupDialog); Cancel asks in a
// ConfirmActionDialog (the typed environment name on production); Refresh re-reads the history.
// The page owns no job: a BackupManager starts, follows and cancels them, so backups keep being
// followed whichever page is shown (the window's page owns it from start-up to shutdown).
// Threading: GUI thread; everything slow runs in the BackupManager (pool, its worker thread).
#pragma once

#include "CoreServices.h"
#include "backup/LogBackupState.h"
#include "backup/ScheduleSet.h"
#include "inventory/Environment.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTableWidget;
class QTimer;

namespace TiDesk {

class BackupJobsModel;
class BackupManager;
class BackupStyleModel;
class ConfirmActionDialog;
class MessageBanner;
class PageHeading;
class StartBackupDialog;
class RestoreDialog;
class BrRestoreDialog;
struct BackupJob;
struct Error;

class BackupsPage final : public QWidget
{
    Q_OBJECT
public:
    // manager: not owned, must outlive the page; null: the page creates and owns one (the
    // default history directory).
    BackupsPage(const CoreServices &services, BackupManager *manager, QWidget *parent = nullptr);
    ~BackupsPage() override;

    void setEnvironment(const Environment &env);
    // The inventory's environments: the health table lists them all.
    void setEnvironments(const EnvironmentList &envs);
    [[nodiscard]] std::optional<Environment> environment() const { return m_env; }
    // The schedules and log backups on record (BackupHealthPoller reads them each minute): the
    // health's thresholds, next runs and checkpoint lag.
    void setBackupContext(const ScheduleSet &schedules,
                          const QHash<QString, LogBackupState> &logBackups);

    [[nodiscard]] BackupManager *manager() const { return m_manager; }
    [[nodiscard]] BackupJobsModel *jobsModel() const { return m_model; }
    [[nodiscard]] QTableView *jobsView() const { return m_view; }
    [[nodiscard]] QTableWidget *healthTable() const { return m_health; }
    [[nodiscard]] QPlainTextEdit *logView() const { return m_log; }
    [[nodiscard]] MessageBanner *banner() const { return m_banner; }
    [[nodiscard]] QString headlineText() const;
    [[nodiscard]] QPushButton *startButton() const { return m_start; }
    [[nodiscard]] QPushButton *cancelButton() const { return m_cancel; }
    [[nodiscard]] QPushButton *refreshButton() const { return m_refresh; }
    [[nodiscard]] QPushButton *restoreButton() const { return m_restoreButton; }
    [[nodiscard]] QPushButton *drillButton() const { return m_drillButton; }
    [[nodiscard]] RestoreDialog *restoreDialog() const;
    [[nodiscard]] BrRestoreDialog *brRestoreDialog() const;
    [[nodiscard]] QCheckBox *onlySelectedBox() const { return m_onlySelected; }
    // The dialogs on screen (null when none).
    [[nodiscard]] StartBackupDialog *startDialog() const;
    [[nodiscard]] ConfirmActionDialog *pendingConfirmation() const;
    // The job selected in the table (empty when none); selectJob() selects and shows it.
    [[nodiscard]] QString selectedJobId() const;
    bool selectJob(const QString &jobId);

public slots:
    void refresh();
    // BackupManager::reattachRunning(): follow what still runs on record.
    void reattachRunning();
    void openStartDialog();
    // Asks for confirmation, then cancels the job through the manager.
    void proposeCancel(const QString &jobId);
    // The restore wizard for a succeeded logical or BR backup (the selected one by default).
    void openRestoreDialog(const QString &jobId = {});
    // A drill of the selected environment's latest good backup: the wizard for a logical one
    // (into a scratch environment), a confirmation for a physical one (a scratch server).
    void openDrillDialog();

private:
    void onJobChanged(const TiDesk::BackupJob &job);
    void onJobsReloaded(const QList<TiDesk::BackupJob> &jobs);
    void updateFilter();
    void updateHeadline();
    void updateHealth();
    void updateSelection();
    void showError(const QString &text, const TiDesk::Error &error);
    [[nodiscard]] Environment environmentNamed(const QString &name) const;
    void openRestore(int mode, const BackupJob &backup);
    // The latest good backup is physical: drilled in a scratch server on its host, confirmed.
    void proposePhysicalDrill(const BackupJob &backup);
    // A BR backup: BrRestoreDialog (snapshot or point in time), the log window read meanwhile.
    void openBrRestore(const BackupJob &backup);
    [[nodiscard]] std::optional<BackupJob> latestGoodLogical(const QString &env) const;

    CoreServices m_services;
    BackupManager *m_manager = nullptr;
    std::optional<Environment> m_env;
    EnvironmentList m_envs;
    ScheduleSet m_schedules;
    QHash<QString, LogBackupState> m_logBackups;
    bool m_loaded = false;

    BackupJobsModel *m_model = nullptr;
    BackupStyleModel *m_style = nullptr;
    QSortFilterProxyModel *m_filter = nullptr;
    PageHeading *m_heading = nullptr;
    QLabel *m_headline = nullptr;
    QLabel *m_subline = nullptr;
    MessageBanner *m_banner = nullptr;
    QTableWidget *m_health = nullptr;
    QCheckBox *m_onlySelected = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_logTitle = nullptr;
    QPlainTextEdit *m_log = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_refresh = nullptr;
    QPushButton *m_restoreButton = nullptr;
    QPushButton *m_drillButton = nullptr;
    QPointer<RestoreDialog> m_restoreDialog;
    QPointer<BrRestoreDialog> m_brRestoreDialog;
    QTimer *m_ageTimer = nullptr;
    QPointer<StartBackupDialog> m_startDialog;
    QPointer<ConfirmActionDialog> m_confirm;
};

} // namespace TiDesk
