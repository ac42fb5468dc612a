#include "BackupsPage.h"

#include "MessageBanner.h"
#include "PageHeading.h"
#include "backup/BackupHealth.h"
#include "backup/BackupJob.h"
#include "backup/BackupManager.h"
#include "dialogs/BrRestoreDialog.h"
#include "dialogs/ConfirmActionDialog.h"
#include "dialogs/RestoreDialog.h"
#include "dialogs/StartBackupDialog.h"
#include "models/BackupJobsModel.h"
#include "pages/BackupProgressDelegate.h"
#include "pages/BackupStyleModel.h"

#include <QCheckBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

const QColor kGood(0x2e, 0x7d, 0x32);
const QColor kAmber(0xb2, 0x6a, 0x00);
const QColor kBad(0xc6, 0x28, 0x28);
constexpr int kAgeRefreshMs = 30000;

QLabel *sectionTitle(const QString &text, QWidget *parent)
{
    auto *l = new QLabel(text, parent);
    QFont f = l->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.1);
    l->setFont(f);
    return l;
}

QColor levelColor(BackupHealth::Level level)
{
    switch (level) {
    case BackupHealth::Level::Ok: return kGood;
    case BackupHealth::Level::Warning: return kAmber;
    case BackupHealth::Level::Critical: break;
    }
    return kBad;
}

QDateTime endOf(const BackupJob &j)
{
    return j.finishedAt.isValid() ? j.finishedAt : j.startedAt;
}

QTableWidgetItem *cell(const QString &text, const QString &tip = {})
{
    auto *i = new QTableWidgetItem(text);
    i->setToolTip(tip.isEmpty() ? text : tip);
    return i;
}

} // namespace

BackupsPage::BackupsPage(const CoreServices &services, BackupManager *manager, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
    , m_manager(manager)
{
    setObjectName(u"backupsPage"_s);
    if (!m_manager) {
        // The application's manager: it also runs the due backup schedules while TiDesk is open.
        m_manager = new BackupManager(services, QString(), this);
        m_manager->startScheduler();
    }

    m_heading = new PageHeading(tr("Backups"), this);
    m_start = new QPushButton(tr("&Start backup\u2026"), this);
    m_start->setObjectName(u"backupsStart"_s);
    m_start->setToolTip(tr("Start a backup of the selected environment (logical or physical; "
                           "BR or SQL BACKUP on TiDB)"));
    m_cancel = new QPushButton(tr("&Cancel backup\u2026"), this);
    m_cancel->setObjectName(u"backupsCancel"_s);
    m_cancel->setToolTip(tr("Stop the selected backup and remove its partial directory"));
    m_restoreButton = new QPushButton(tr("R&estore\u2026"), this);
    m_restoreButton->setObjectName(u"backupsRestore"_s);
    m_restoreButton->setToolTip(
        tr("Restore the selected backup into an environment (logical: verified; BR or SQL "
           "BACKUP: into a TiDB cluster, or to a point in time)"));
    m_drillButton = new QPushButton(tr("Restore &drill\u2026"), this);
    m_drillButton->setObjectName(u"backupsDrill"_s);
    m_drillButton->setToolTip(tr("Restore the latest good backup into a scratch environment, "
                                 "verify it and record the result"));
    m_refresh = new QPushButton(tr("&Refresh"), this);
    m_refresh->setObjectName(u"backupsRefresh"_s);
    m_refresh->setAccessibleName(tr("Read the backup history again"));
    auto *head = new QHBoxLayout;
    head->addWidget(m_heading);
    head->addStretch(1);
    head->addWidget(m_start);
    head->addWidget(m_cancel);
    head->addWidget(m_restoreButton);
    head->addWidget(m_drillButton);
    head->addWidget(m_refresh);

    m_headline = PageHeading::makeHeadline(u"backupsHeadline"_s, tr("Backup summary"), 1.8, this);
    m_subline = new QLabel(this);
    m_subline->setObjectName(u"backupsSubline"_s);
    // One line (a wrapped label is squeezed by the splitter below); the whole text is its tooltip.
    m_subline->setWordWrap(false);
    m_subline->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_banner = new MessageBanner(this);
    m_banner->setObjectName(u"backupsBanner"_s);

    m_health = new QTableWidget(0, 7, this);
    m_health->setObjectName(u"backupsHealth"_s);
    m_health->setAccessibleName(tr("Backup health per environment"));
    m_health->setHorizontalHeaderLabels({ tr("Environment"), tr("Last good backup"),
                                          tr("Last failure"), tr("Last verified restore"),
                                          tr("Log backup (PITR)"), tr("Next run"), tr("Running") });
    m_health->setSelectionMode(QAbstractItemView::NoSelection);
    m_health->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_health->verticalHeader()->hide();
    m_health->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // The failure's error is the long text.
    m_health->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_health->setWordWrap(false);
    m_health->setFocusPolicy(Qt::NoFocus);

    m_model = new BackupJobsModel(this);
    m_style = new BackupStyleModel(this);
    m_style->setSourceModel(m_model);
    m_filter = new QSortFilterProxyModel(this);
    m_filter->setSourceModel(m_style);
    m_filter->setFilterKeyColumn(BackupJobsModel::EnvironmentColumn);
    m_filter->setFilterRole(BackupJobsModel::SortRole); // the environment's name
    m_filter->setSortRole(BackupJobsModel::SortRole);

    m_onlySelected = new QCheckBox(tr("Only the selected environment"), this);
    m_onlySelected->setObjectName(u"backupsOnlySelected"_s);
    m_onlySelected->setChecked(true);
    connect(m_onlySelected, &QCheckBox::toggled, this, &BackupsPage::updateFilter);

    m_view = new QTableView(this);
    m_view->setObjectName(u"backupsJobs"_s);
    m_view->setAccessibleName(tr("Backup jobs"));
    m_view->setModel(m_filter);
    m_view->setItemDelegateForColumn(BackupJobsModel::ProgressColumn,
                                     new BackupProgressDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setColumnWidth(BackupJobsModel::EnvironmentColumn, 110);
    m_view->setColumnWidth(BackupJobsModel::KindColumn, 80);
    m_view->setColumnWidth(BackupJobsModel::StatusColumn, 90);
    m_view->setColumnWidth(BackupJobsModel::ProgressColumn, 130);
    m_view->setColumnWidth(BackupJobsModel::StartedColumn, 150);
    m_view->setColumnWidth(BackupJobsModel::DurationColumn, 90);
    m_view->setColumnWidth(BackupJobsModel::SizeColumn, 90);
    m_view->setColumnWidth(BackupJobsModel::ThroughputColumn, 100);

    m_logTitle = sectionTitle(tr("Log"), this);
    m_log = new QPlainTextEdit(this);
    m_log->setObjectName(u"backupsLog"_s);
    m_log->setAccessibleName(tr("Log of the selected backup"));
    m_log->setReadOnly(true);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_log->setPlaceholderText(tr("Select a backup to see the end of its log."));

    auto *jobsPane = new QWidget(this);
    auto *jl = new QVBoxLayout(jobsPane);
    jl->setContentsMargins(0, 0, 0, 0);
    auto *jobsHead = new QHBoxLayout;
    jobsHead->addWidget(sectionTitle(tr("Jobs"), jobsPane));
    jobsHead->addStretch(1);
    jobsHead->addWidget(m_onlySelected);
    jl->addLayout(jobsHead);
    jl->addWidget(m_view, 1);
    auto *logPane = new QWidget(this);
    auto *ll = new QVBoxLayout(logPane);
    ll->setContentsMargins(0, 0, 0, 0);
    ll->addWidget(m_logTitle);
    ll->addWidget(m_log, 1);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(u"backupsSplitter"_s);
    split->addWidget(jobsPane);
    split->addWidget(logPane);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(head);
    layout->addWidget(m_headline);
    layout->addWidget(m_subline);
    layout->addWidget(m_banner);
    layout->addWidget(sectionTitle(tr("Backup health"), this));
    layout->addWidget(m_health);
    layout->addWidget(split, 1);

    connect(m_start, &QPushButton::clicked, this, &BackupsPage::openStartDialog);
    connect(m_cancel, &QPushButton::clicked, this, [this] { proposeCancel(selectedJobId()); });
    connect(m_refresh, &QPushButton::clicked, this, &BackupsPage::refresh);
    connect(m_restoreButton, &QPushButton::clicked, this, [this] { openRestoreDialog(); });
    connect(m_drillButton, &QPushButton::clicked, this, &BackupsPage::openDrillDialog);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &BackupsPage::updateSelection);
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &tl, const QModelIndex &br) {
                const QString id = selectedJobId();
                const int row = id.isEmpty() ? -1 : m_model->rowOf(id);
                if (row >= tl.row() && row <= br.row())
                    updateSelection();
            });

    m_ageTimer = new QTimer(this);
    m_ageTimer->setInterval(kAgeRefreshMs);
    connect(m_ageTimer, &QTimer::timeout, this, [this] {
        updateHeadline();
        updateHealth();
    });
    m_ageTimer->start();

    if (m_manager) {
        connect(m_manager, &BackupManager::jobChanged, this, &BackupsPage::onJobChanged);
        connect(m_manager, &BackupManager::jobsReloaded, this, &BackupsPage::onJobsReloaded);
        connect(m_manager, &BackupManager::backupStarted, this, [this](const BackupJob &job) {
            m_banner->clear();
            if (!m_env || m_env->name == job.envName)
                selectJob(job.id);
        });
        connect(m_manager, &BackupManager::startFailed, this,
                [this](const QString &env, const Error &e) {
                    //: %1 = environment name
                    showError(tr("The backup of %1 could not start.").arg(env), e);
                });
        connect(m_manager, &BackupManager::restoreFailed, this,
                [this](const QString &env, const Error &e) {
                    //: %1 = environment
                    showError(tr("The restore into %1 did not start.").arg(env), e);
                });
        connect(m_manager, &BackupManager::cancelFailed, this,
                [this](const QString &id, const Error &e) {
                    //: %1 = job id
                    showError(tr("Backup %1 could not be cancelled.").arg(id), e);
                });
        connect(m_manager, &BackupManager::attachFailed, this,
                [this](const BackupJob &job, const Error &e) {
                    //: %1 = job id, %2 = environment
                    showError(tr("Backup %1 of %2 is running on record but cannot be followed.")
                                  .arg(job.id, job.envName),
                              e);
                });
        connect(m_manager, &BackupManager::reloadFailed, this, [this](const Error &e) {
            showError(tr("The backup history could not be read."), e);
        });
        m_model->setJobs(m_manager->jobs());
    }
    m_headline->setText(tr("Select an environment to see its backups."));
    updateFilter();
    updateHealth();
    updateSelection();
}

BackupsPage::~BackupsPage() = default;

RestoreDialog *BackupsPage::restoreDialog() const
{
    return m_restoreDialog;
}

BrRestoreDialog *BackupsPage::brRestoreDialog() const
{
    return m_brRestoreDialog;
}

StartBackupDialog *BackupsPage::startDialog() const
{
    return m_startDialog;
}

ConfirmActionDialog *BackupsPage::pendingConfirmation() const
{
    return m_confirm;
}

QString BackupsPage::headlineText() const
{
    return m_headline->text();
}

void BackupsPage::setEnvironment(const Environment &env)
{
    const bool changed = !m_env || m_env->id != env.id || m_env->name != env.name;
    m_env = env;
    //: %1 = environment name
    m_heading->setTitle(tr("Backups \u2014 %1").arg(env.name));
    m_heading->setEnvironment(env);
    m_onlySelected->setText(tr("Only %1").arg(env.name));
    if (changed) {
        updateFilter();
        updateSelection();
    }
    updateHeadline();
    updateHealth();
    if (!m_loaded)
        refresh();
}

void BackupsPage::setEnvironments(const EnvironmentList &envs)
{
    m_envs = envs;
    updateHealth();
}

void BackupsPage::setBackupContext(const ScheduleSet &schedules,
                                   const QHash<QString, LogBackupState> &logBackups)
{
    m_schedules = schedules;
    m_logBackups = logBackups;
    updateHeadline();
    updateHealth();
}

void BackupsPage::refresh()
{
    if (m_manager)
        m_manager->reload();
}

void BackupsPage::reattachRunning()
{
    if (m_manager)
        m_manager->reattachRunning();
}

void BackupsPage::onJobChanged(const BackupJob &job)
{
    m_model->upsert(job);
    if (!m_env || job.envName == m_env->name)
        updateHeadline();
    updateHealth();
    updateSelection();
}

void BackupsPage::onJobsReloaded(const QList<BackupJob> &jobs)
{
    m_loaded = true;
    m_model->setJobs(jobs);
    const QStringList problems = m_manager ? m_manager->historyProblems() : QStringList();
    if (!problems.isEmpty())
        m_banner->showMessage(MessageBanner::Kind::Warning,
                              tr("Some backup history files are damaged and were skipped."),
                              problems.join(u'\n'));
    updateHeadline();
    updateHealth();
    updateSelection();
}

void BackupsPage::updateFilter()
{
    const bool only = m_onlySelected->isChecked() && m_env.has_value();
    m_filter->setFilterRegularExpression(
        only ? QRegularExpression(u'^' + QRegularExpression::escape(m_env->name) + u'$')
             : QRegularExpression());
}

void BackupsPage::updateHeadline()
{
    if (!m_env) {
        m_headline->setText(tr("Select an environment to see its backups."));
        PageHeading::setHeadlineColor(m_headline, {});
        m_subline->clear();
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const BackupJobsModel::Health h = m_model->health(m_env->name);
    const BackupHealth health
        = BackupHealth::compute({ m_env->name }, m_model->jobs(), m_schedules, now, m_logBackups)
              .value(m_env->name);
    if (health.logBackup && health.logLevel != BackupHealth::Level::Ok && h.lastGood) {
        // A TiDB log backup that falls behind is the RPO that matters: it leads.
        //: %1 = environment, %2 = "checkpoint 2 h behind", "paused ...", "ERROR: ..."
        m_headline->setText(
            tr("Log backup of %1: %2").arg(m_env->name, health.logBackup->summary(now)));
    } else if (h.lastGood) {
        //: %1 = environment, %2 = age such as "3 h ago"
        m_headline->setText(
            tr("Last good backup of %1: %2")
                .arg(m_env->name, BackupJobsModel::ageText(endOf(*h.lastGood), now)));
    } else {
        //: %1 = environment
        m_headline->setText(tr("No successful backup of %1").arg(m_env->name));
    }
    PageHeading::setHeadlineColor(m_headline, levelColor(health.level));
    QStringList parts;
    if (h.lastGood)
        //: %1 = kind (Logical ...), %2 = size, %3 = where
        parts << tr("%1, %2, %3")
                     .arg(BackupJobsModel::kindText(h.lastGood->kind),
                          BackupJobsModel::sizeText(h.lastGood->sizeBytes), h.lastGood->target);
    if (h.lastFailure && (!h.lastGood || endOf(*h.lastFailure) > endOf(*h.lastGood))) {
        // One line: the whole error is in the health table's tooltip and the job's log.
        QString error = h.lastFailure->error.simplified();
        if (error.size() > 90)
            error = error.left(89) + u'\u2026';
        //: %1 = age, %2 = the error
        parts << tr("last attempt failed %1: %2")
                     .arg(BackupJobsModel::ageText(endOf(*h.lastFailure), now), error);
    }
    if (health.logBackup && health.logLevel != BackupHealth::Level::Ok)
        //: %1 = age such as "3 h ago"
        parts << tr("last good backup %1")
                     .arg(h.lastGood ? BackupJobsModel::ageText(endOf(*h.lastGood), now)
                                     : tr("never"));
    else if (health.logBackup)
        parts << health.logText(now);
    if (h.lastGood && health.lastGoodAgeSeconds > health.expectedIntervalSeconds)
        //: %1 = expected interval such as "36 h"
        parts << tr("older than expected (%1)")
                     .arg(BackupHealth::ageText(health.expectedIntervalSeconds));
    if (health.nextRun.isValid())
        //: %1 = date and time
        parts << tr("next run %1")
                     .arg(QLocale().toString(health.nextRun.toLocalTime(), QLocale::ShortFormat));
    if (h.running > 0)
        parts << tr("%n backup(s) running", nullptr, h.running);
    m_subline->setText(parts.join(u" \u00b7 "_s));
    m_subline->setToolTip(m_subline->text());
}

void BackupsPage::updateHealth()
{
    QStringList names;
    for (const Environment &e : std::as_const(m_envs))
        names << e.name;
    for (const QString &n : m_model->environments())
        if (!names.contains(n))
            names << n;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QHash<QString, BackupHealth> all
        = BackupHealth::compute(names, m_model->jobs(), m_schedules, now, m_logBackups);
    m_health->setRowCount(int(names.size()));
    for (int r = 0; r < names.size(); ++r) {
        const QString &name = names.at(r);
        const BackupJobsModel::Health h = m_model->health(name);
        const BackupHealth health = all.value(name);
        auto *envItem = cell(name);
        if (m_env && m_env->name == name) {
            QFont f = envItem->font();
            f.setBold(true);
            envItem->setFont(f);
        }
        m_health->setItem(r, 0, envItem);
        QTableWidgetItem *good = nullptr;
        if (h.lastGood)
            //: %1 = age ("3 h ago"), %2 = kind, %3 = size
            good = cell(tr("%1 (%2, %3)")
                            .arg(BackupJobsModel::ageText(endOf(*h.lastGood), now),
                                 BackupJobsModel::kindText(h.lastGood->kind),
                                 BackupJobsModel::sizeText(h.lastGood->sizeBytes)),
                        h.lastGood->target);
        else
            good = cell(tr("No successful backup"));
        good->setForeground(levelColor(health.level));
        m_health->setItem(r, 1, good);
        if (h.lastFailure) {
            //: %1 = age, %2 = error
            auto *fail = cell(tr("%1: %2").arg(BackupJobsModel::ageText(endOf(*h.lastFailure), now),
                                               h.lastFailure->error),
                              h.lastFailure->error);
            if (!h.lastGood || endOf(*h.lastFailure) > endOf(*h.lastGood))
                fail->setForeground(kBad);
            m_health->setItem(r, 2, fail);
        } else {
            m_health->setItem(r, 2, cell(tr("none")));
        }
        const std::optional<BackupJob> &verified = health.lastVerifiedRestore;
        if (verified)
            //: %1 = age ("3 h ago"), %2 = the verification ("12 tables match"), %3 = target
            m_health->setItem(r, 3,
                              cell(tr("%1 (%2 in %3)")
                                       .arg(BackupJobsModel::ageText(endOf(*verified), now),
                                            verified->verification,
                                            verified->intoEnv.isEmpty() ? tr("a scratch server")
                                                                        : verified->intoEnv),
                                   verified->id));
        else
            m_health->setItem(r, 3, cell(tr("never")));
        if (health.logBackup) {
            auto *log = cell(health.logBackup->summary(now),
                             //: %1 = task, %2 = time of the last status check
                             tr("Task %1, checked %2")
                                 .arg(health.logBackup->task,
                                      QLocale().toString(health.logBackup->checkedAt.toLocalTime(),
                                                         QLocale::ShortFormat)));
            log->setForeground(levelColor(health.logLevel));
            m_health->setItem(r, 4, log);
        } else {
            m_health->setItem(r, 4, cell(u"\u2014"_s, tr("No TiDB log backup on record")));
        }
        m_health->setItem(
            r, 5,
            health.nextRun.isValid()
                ? cell(QLocale().toString(health.nextRun.toLocalTime(), QLocale::ShortFormat),
                       health.nextScheduleId)
                : cell(tr("no schedule")));
        m_health->setItem(r, 6, cell(h.running > 0 ? QString::number(h.running) : u"\u2014"_s));
    }
    int height = m_health->horizontalHeader()->sizeHint().height() + 2 * m_health->frameWidth() + 2;
    const int shown = qBound(1, int(names.size()), 5);
    height += shown * m_health->verticalHeader()->defaultSectionSize();
    m_health->setFixedHeight(height);
}

QString BackupsPage::selectedJobId() const
{
    const QModelIndex cur = m_view->currentIndex();
    if (!cur.isValid() || !m_view->selectionModel()->isRowSelected(cur.row(), {}))
        return {};
    return cur.data(BackupJobsModel::JobIdRole).toString();
}

bool BackupsPage::selectJob(const QString &jobId)
{
    const int row = m_model->rowOf(jobId);
    if (row < 0)
        return false;
    const QModelIndex idx = m_filter->mapFromSource(m_style->mapFromSource(m_model->index(row, 0)));
    if (!idx.isValid())
        return false;
    m_view->selectionModel()->setCurrentIndex(
        idx, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(idx);
    updateSelection();
    return true;
}

void BackupsPage::updateSelection()
{
    const QString id = selectedJobId();
    const int row = id.isEmpty() ? -1 : m_model->rowOf(id);
    m_start->setEnabled(m_env.has_value() && m_manager);
    m_drillButton->setEnabled(m_manager && m_env
                              && (latestGoodLogical(m_env->name).has_value()
                                  || RestoreFlow::latestGoodBackup(m_model->jobs(), m_env->name,
                                                                   BackupJob::Kind::Physical)
                                         .ok()));
    m_restoreButton->setEnabled(false);
    if (row < 0) {
        m_cancel->setEnabled(false);
        m_logTitle->setText(tr("Log"));
        m_log->clear();
        return;
    }
    const BackupJob &job = m_model->jobAt(row);
    m_cancel->setEnabled(!job.isFinished() && m_manager);
    m_restoreButton->setEnabled(m_manager
                                && (job.kind == BackupJob::Kind::Logical
                                    || job.kind == BackupJob::Kind::Br
                                    || job.kind == BackupJob::Kind::Sql)
                                && job.status == BackupJob::Status::Succeeded);
    //: %1 = job id
    m_logTitle->setText(tr("Log of %1").arg(job.id));
    const QString text = m_model->index(row, 0).data(BackupJobsModel::LogTailRole).toString();
    if (m_log->toPlainText() != text) {
        m_log->setPlainText(text);
        m_log->moveCursor(QTextCursor::End);
        m_log->ensureCursorVisible();
    }
}

void BackupsPage::showError(const QString &text, const Error &error)
{
    m_banner->showMessage(MessageBanner::Kind::Error, text,
                          error.detail.isEmpty() ? error.message
                                                 : QString(error.message + u'\n' + error.detail));
}

Environment BackupsPage::environmentNamed(const QString &name) const
{
    for (const Environment &e : m_envs)
        if (e.name == name)
            return e;
    if (m_env && m_env->name == name)
        return *m_env;
    Environment e;
    e.name = name;
    return e;
}

void BackupsPage::openStartDialog()
{
    if (!m_env || !m_manager)
        return;
    if (m_startDialog)
        m_startDialog->close();
    auto *dlg = new StartBackupDialog(*m_env, this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    m_startDialog = dlg;
    const QString envName = m_env->name;
    connect(dlg, &QDialog::accepted, this, [this, dlg, envName] {
        m_banner->showMessage(MessageBanner::Kind::Info,
                              //: %1 = environment
                              tr("Starting a backup of %1\u2026").arg(envName));
        switch (dlg->kind()) {
        case BackupJob::Kind::Br: m_manager->startBrBackup(envName, dlg->brRequest()); break;
        case BackupJob::Kind::Sql:
            m_manager->startSqlBackup(envName, dlg->storage(), dlg->databases());
            break;
        default: m_manager->startBackup(envName, dlg->request()); break;
        }
    });
    dlg->open();
}

void BackupsPage::proposeCancel(const QString &jobId)
{
    if (!m_manager || jobId.isEmpty())
        return;
    const int row = m_model->rowOf(jobId);
    if (row < 0)
        return;
    const BackupJob job = m_model->jobAt(row);
    if (job.isFinished())
        return;
    if (m_confirm)
        m_confirm->close();
    const QString where = job.root.isEmpty() ? job.target : QString(job.root + u'/' + job.id);
    //: %1 = kind (logical, physical), %2 = job id, %3 = where it runs (user@host or this machine)
    auto *dlg = new ConfirmActionDialog(
        environmentNamed(job.envName), tr("Cancel this backup?"),
        tr("TiDesk stops the %1 backup %2 on %3 and removes its partial directory. Backups that "
           "already finished are never touched.")
            .arg(BackupJobsModel::kindText(job.kind).toLower(), job.id,
                 job.host.isEmpty() ? where : job.host),
        {}, tr("Cancel backup"), this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    m_confirm = dlg;
    connect(dlg, &QDialog::accepted, this, [this, jobId] { m_manager->cancel(jobId); });
    dlg->open();
}

std::optional<BackupJob> BackupsPage::latestGoodLogical(const QString &env) const
{
    const Result<BackupJob> latest = RestoreFlow::latestGoodBackup(m_model->jobs(), env);
    return latest ? std::optional<BackupJob>(*latest) : std::nullopt;
}

void BackupsPage::openRestoreDialog(const QString &jobId)
{
    const QString id = jobId.isEmpty() ? selectedJobId() : jobId;
    const int row = id.isEmpty() ? -1 : m_model->rowOf(id);
    if (row < 0)
        return;
    const BackupJob backup = m_model->jobAt(row);
    if (backup.status != BackupJob::Status::Succeeded)
        return;
    if (backup.kind == BackupJob::Kind::Br || backup.kind == BackupJob::Kind::Sql)
        openBrRestore(backup);
    else if (backup.kind == BackupJob::Kind::Logical)
        openRestore(int(RestoreDialog::Mode::Restore), backup);
}

void BackupsPage::openBrRestore(const BackupJob &backup)
{
    if (!m_manager)
        return;
    if (m_brRestoreDialog)
        m_brRestoreDialog->close();
    auto *dlg = new BrRestoreDialog(environmentNamed(backup.envName), backup, m_envs, this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    m_brRestoreDialog = dlg;
    const QString source = backup.envName;
    connect(m_manager, &BackupManager::logWindowRead, dlg,
            [dlg, source](const QString &env, const QDateTime &from, const QDateTime &to,
                          const QString &error) {
                if (env == source)
                    dlg->setLogWindow(from, to, error);
            });
    connect(dlg, &QDialog::accepted, this, [this, dlg] {
        const BrRestoreOrder order = dlg->order();
        m_banner->showMessage(
            MessageBanner::Kind::Info,
            order.until.isValid()
                //: %1 = backup id, %2 = environment, %3 = date and time
                ? tr("Restoring %1 into %2 up to %3…")
                      .arg(order.backup.id, order.intoEnv,
                           QLocale().toString(order.until.toLocalTime(), QLocale::ShortFormat))
                //: %1 = backup id, %2 = environment
                : tr("Restoring %1 into %2…").arg(order.backup.id, order.intoEnv));
        if (dlg->isSql())
            m_manager->startSqlRestore(order.sourceEnv, order.intoEnv, order.backup,
                                       order.databases);
        else
            m_manager->startBrRestore(order);
    });
    dlg->open();
    if (!dlg->isSql())
        m_manager->readLogWindow(source);
}

void BackupsPage::openDrillDialog()
{
    if (!m_env)
        return;
    const std::optional<BackupJob> logical = latestGoodLogical(m_env->name);
    const Result<BackupJob> physical
        = RestoreFlow::latestGoodBackup(m_model->jobs(), m_env->name, BackupJob::Kind::Physical);
    const auto endOfJob = [](const BackupJob &j) {
        return j.finishedAt.isValid() ? j.finishedAt : j.startedAt;
    };
    // The newest good backup is the one to prove: a physical one is drilled in a scratch server
    // on its host, a logical one restored into a scratch environment.
    if (physical && (!logical || endOfJob(*physical) > endOfJob(*logical))) {
        proposePhysicalDrill(*physical);
        return;
    }
    if (!logical) {
        m_banner->showMessage(MessageBanner::Kind::Warning,
                              //: %1 = environment
                              tr("%1 has no successful backup to drill.").arg(m_env->name));
        return;
    }
    openRestore(int(RestoreDialog::Mode::Drill), *logical);
}

void BackupsPage::proposePhysicalDrill(const BackupJob &backup)
{
    if (!m_manager)
        return;
    if (m_confirm)
        m_confirm->close();
    //: %1 = backup id, %2 = where it is (user@host or this machine), %3 = its size
    auto *dlg = new ConfirmActionDialog(
        environmentNamed(backup.envName), tr("Drill this physical backup?"),
        tr("TiDesk copies backup %1 into a scratch directory on %2 (it needs %3 free there), "
           "starts a throwaway MariaDB server on it with no network, compares every table's row "
           "count and checksum with those recorded after the backup, then stops the server and "
           "removes the copy. The backup itself and the running servers are not touched.")
            .arg(backup.id, backup.host.isEmpty() || backup.host == u"local"_s ? tr("this machine") : backup.host,
                 BackupJobsModel::sizeText(backup.sizeBytes)),
        {}, tr("Run drill"), this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    m_confirm = dlg;
    const QString env = backup.envName;
    connect(dlg, &QDialog::accepted, this, [this, env, id = backup.id] {
        m_banner->showMessage(MessageBanner::Kind::Info,
                              //: %1 = backup id
                              tr("Drilling %1 in a scratch server\u2026").arg(id));
        m_manager->startDrill(env, QString(), false);
    });
    dlg->open();
}

void BackupsPage::openRestore(int mode, const BackupJob &backup)
{
    if (!m_manager)
        return;
    if (m_restoreDialog)
        m_restoreDialog->close();
    auto *dlg = new RestoreDialog(RestoreDialog::Mode(mode), environmentNamed(backup.envName),
                                  backup, m_envs, !backup.checksum.isEmpty(), this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    m_restoreDialog = dlg;
    connect(dlg, &QDialog::accepted, this, [this, dlg] {
        const RestoreOrder order = dlg->order();
        m_banner->showMessage(
            MessageBanner::Kind::Info,
            //: %1 = backup id, %2 = environment
            tr("Restoring %1 into %2\u2026").arg(order.backup.id, order.into.name));
        m_manager->startRestore(order);
    });
    dlg->open();
}

} // namespace TiDesk
