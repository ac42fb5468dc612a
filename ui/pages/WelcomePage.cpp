#include "pages/WelcomePage.h"

#include "EnvironmentText.h"
#include "MessageBanner.h"
#include "TierStyle.h"
#include "inventory/InventoryStore.h"
#include "secrets/CredentialStore.h"

#include <QComboBox>
#include <QCommandLinkButton>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {
constexpr int kColumnWidth = 720;

QLabel *wrappedLabel(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *l = new QLabel(text, parent);
    l->setObjectName(objectName);
    l->setWordWrap(true);
    l->setTextFormat(Qt::PlainText);
    return l;
}
} // namespace

WelcomePage::WelcomePage(const CoreServices &services, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
{
    setObjectName(u"welcomePage"_s);
    setAccessibleName(tr("Welcome"));

    m_banner = new MessageBanner(this);
    m_banner->setObjectName(u"welcomeBanner"_s);
    connect(m_banner, &MessageBanner::actionTriggered, this, [this] {
        if (m_unlockOffered)
            emit unlockRequested();
    });

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(createChoices());
    m_stack->addWidget(createPreview());

    // One centred column, like a form: readable line lengths on a wide window.
    auto *column = new QWidget(this);
    column->setMaximumWidth(kColumnWidth);
    auto *columnLayout = new QVBoxLayout(column);
    columnLayout->setContentsMargins(0, 0, 0, 0);
    columnLayout->setSpacing(12);
    columnLayout->addWidget(m_banner);
    columnLayout->addWidget(m_stack);

    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(column, 4);
    row->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->addStretch(1);
    layout->addLayout(row);
    layout->addStretch(2);

    connect(&m_sandboxWatcher, &QFutureWatcher<std::optional<LocalSandbox>>::finished, this,
            &WelcomePage::onSandboxFound);
    connect(&m_planWatcher, &QFutureWatcher<Result<ImportPlan>>::finished, this,
            &WelcomePage::onPlanReady);
    connect(&m_applyWatcher, &QFutureWatcher<Result<EnvironmentList>>::finished, this,
            &WelcomePage::onApplied);
    refreshSandbox();
}

WelcomePage::~WelcomePage()
{
    // Parses and writes keep running on the pool (they hold what they need); no result arrives.
    m_sandboxWatcher.disconnect(this);
    m_planWatcher.disconnect(this);
    m_applyWatcher.disconnect(this);
}

QWidget *WelcomePage::createChoices()
{
    auto *page = new QWidget(this);
    auto *title = new QLabel(tr("Welcome to TiDesk"), page);
    title->setObjectName(u"welcomeTitle"_s);
    QFont tf = title->font();
    tf.setPointSizeF(tf.pointSizeF() * 2.0);
    tf.setBold(true);
    title->setFont(tf);

    auto *intro = wrappedLabel(
        tr("TiDesk is a desktop console for DBAs who look after many TiDB and MariaDB/MySQL "
           "environments: fleet health, live sessions, slow queries, kill rules, backups and "
           "alerts in one window."),
        u"welcomeIntro"_s, page);
    auto *empty = wrappedLabel(tr("Your inventory is empty. The list on the left fills as soon as "
                                  "environments exist; start with one of these:"),
                               u"welcomeEmpty"_s, page);

    m_importButton = new QCommandLinkButton(tr("Import a TiUP topology or meta.yaml\u2026"), page);
    m_importButton->setObjectName(u"welcomeImport"_s);
    m_importButton->setDescription(
        tr("Reads a TiUP topology.yaml, a cluster's meta.yaml, the JSON of tiup cluster display, "
           "or a TiDesk export. You see what will be added before anything is saved."));
    connect(m_importButton, &QAbstractButton::clicked, this, &WelcomePage::chooseFile);

    m_addButton = new QCommandLinkButton(tr("Add an environment\u2026"), page);
    m_addButton->setObjectName(u"welcomeAdd"_s);
    m_addButton->setDescription(tr("Type in the endpoints, user, tier and password of one TiDB "
                                   "cluster or MySQL/MariaDB server."));
    connect(m_addButton, &QAbstractButton::clicked, this, &WelcomePage::addEnvironmentRequested);

    m_sandboxButton = new QCommandLinkButton(tr("Open the local sandbox"), page);
    m_sandboxButton->setObjectName(u"welcomeSandbox"_s);
    m_sandboxButton->setEnabled(false);
    //: %1 = directory of the development sandbox
    m_sandboxButton->setDescription(
        tr("Looking for a running TiDesk sandbox in %1\u2026").arg(LocalSandbox::defaultDir()));
    connect(m_sandboxButton, &QAbstractButton::clicked, this, &WelcomePage::importSandbox);

    for (QCommandLinkButton *b : { m_importButton, m_addButton, m_sandboxButton }) {
        b->setAccessibleName(b->text().remove(u'\u2026'));
        b->setAccessibleDescription(b->description());
    }

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addWidget(empty);
    layout->addSpacing(8);
    layout->addWidget(m_importButton);
    layout->addWidget(m_addButton);
    layout->addWidget(m_sandboxButton);
    return page;
}

QWidget *WelcomePage::createPreview()
{
    auto *page = new QWidget(this);
    m_previewTitle = new QLabel(page);
    m_previewTitle->setObjectName(u"welcomePreviewTitle"_s);
    m_previewTitle->setWordWrap(true);
    QFont tf = m_previewTitle->font();
    tf.setPointSizeF(tf.pointSizeF() * 1.5);
    tf.setBold(true);
    m_previewTitle->setFont(tf);

    m_previewList = new QTreeWidget(page);
    m_previewList->setObjectName(u"welcomePreviewList"_s);
    m_previewList->setAccessibleName(tr("Environments to add"));
    m_previewList->setRootIsDecorated(false);
    m_previewList->setUniformRowHeights(true);
    m_previewList->setSelectionMode(QAbstractItemView::NoSelection);
    m_previewList->setHeaderLabels({ tr("Name"), tr("Tier"), tr("Engine"), tr("Endpoints") });
    m_previewList->header()->setStretchLastSection(true);
    m_previewList->setMinimumHeight(160);

    m_previewNote = wrappedLabel(QString(), u"welcomePreviewNote"_s, page);

    // One TiUP cluster: its name and tier are the user's (the file may not name it at all).
    m_clusterForm = new QWidget(page);
    m_nameEdit = new QLineEdit(m_clusterForm);
    m_nameEdit->setObjectName(u"welcomeClusterName"_s);
    m_nameEdit->setAccessibleName(tr("Environment name"));
    m_nameEdit->setPlaceholderText(tr("e.g. shop-prod"));
    connect(m_nameEdit, &QLineEdit::textEdited, this, &WelcomePage::onClusterNameEdited);
    m_tierCombo = new QComboBox(m_clusterForm);
    m_tierCombo->setObjectName(u"welcomeClusterTier"_s);
    m_tierCombo->setAccessibleName(tr("Tier"));
    for (Tier t : { Tier::Prod, Tier::Uat, Tier::Test, Tier::Dev })
        m_tierCombo->addItem(TierStyle::longName(t), int(t));
    connect(m_tierCombo, &QComboBox::activated, this, &WelcomePage::onTierChosen);
    auto *form = new QFormLayout(m_clusterForm);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("&Name:"), m_nameEdit);
    form->addRow(tr("&Tier:"), m_tierCombo);

    m_confirmButton = new QPushButton(page);
    m_confirmButton->setObjectName(u"welcomeConfirm"_s);
    m_confirmButton->setDefault(true);
    connect(m_confirmButton, &QPushButton::clicked, this, &WelcomePage::confirmImport);
    m_backButton = new QPushButton(tr("Back"), page);
    m_backButton->setObjectName(u"welcomeBack"_s);
    connect(m_backButton, &QPushButton::clicked, this, &WelcomePage::cancelImport);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_backButton);
    buttons->addWidget(m_confirmButton);

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_previewTitle);
    layout->addWidget(m_previewList, 1);
    layout->addWidget(m_clusterForm);
    layout->addWidget(m_previewNote);
    layout->addLayout(buttons);
    return page;
}

bool WelcomePage::isPreviewShown() const
{
    return m_stack->currentIndex() == 1;
}

bool WelcomePage::isBusy() const
{
    return m_busy || m_planWatcher.isRunning() || m_applyWatcher.isRunning();
}

void WelcomePage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refreshSandbox(); // started or stopped since the last look
}

void WelcomePage::refreshSandbox()
{
    if (m_sandboxWatcher.isRunning() || !m_services.pool)
        return;
    const QString dir = LocalSandbox::defaultDir();
    m_sandboxWatcher.setFuture(
        QtConcurrent::run(m_services.pool, [dir] { return LocalSandbox::find(dir); }));
}

void WelcomePage::onSandboxFound()
{
    if (m_sandboxWatcher.future().resultCount() == 0)
        return;
    m_sandbox = m_sandboxWatcher.result();
    if (m_sandbox) {
        //: %1 = sandbox directory, %2 = its environments ("dev test01 uat01 prod tidb")
        m_sandboxButton->setDescription(
            tr("A TiDesk sandbox runs in %1 (%2): import its environments and store their admin "
               "password.")
                .arg(m_sandbox->dir(), m_sandbox->environmentNames().join(u", "_s)));
    } else {
        //: %1 = directory where the sandbox was looked for
        m_sandboxButton->setDescription(tr("No running sandbox in %1. Start one with ./run "
                                           "sandbox up in the TiDesk source tree.")
                                            .arg(LocalSandbox::defaultDir()));
    }
    m_sandboxButton->setAccessibleDescription(m_sandboxButton->description());
    m_sandboxButton->setEnabled(m_sandbox.has_value() && !isBusy());
    emit sandboxChecked(m_sandbox.has_value());
}

void WelcomePage::chooseFile()
{
    auto *dlg = new QFileDialog(this, tr("Import environments"));
    dlg->setObjectName(u"welcomeImportDialog"_s);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    dlg->setOption(QFileDialog::DontUseNativeDialog, true);
    dlg->setFileMode(QFileDialog::ExistingFile);
    dlg->setAcceptMode(QFileDialog::AcceptOpen);
    dlg->setNameFilters({ tr("Inventory files (*.yaml *.yml *.json)"), tr("All files (*)") });
    connect(dlg, &QFileDialog::fileSelected, this, &WelcomePage::importFile);
    dlg->open();
}

void WelcomePage::importFile(const QString &path)
{
    if (isBusy() || path.isEmpty() || !m_services.pool)
        return;
    m_banner->clear();
    setBusy(true);
    m_planWatcher.setFuture(
        QtConcurrent::run(m_services.pool, [path] { return InventoryImport::planFile(path); }));
}

void WelcomePage::importSandbox()
{
    if (isBusy() || !m_sandbox || !m_services.pool)
        return;
    m_banner->clear();
    setBusy(true);
    m_planWatcher.setFuture(QtConcurrent::run(
        m_services.pool, [sandbox = *m_sandbox] { return InventoryImport::planSandbox(sandbox); }));
}

void WelcomePage::onPlanReady()
{
    setBusy(false);
    if (m_planWatcher.future().resultCount() == 0)
        return;
    const Result<ImportPlan> plan = m_planWatcher.result();
    if (!plan) {
        showImportError(plan.error());
        return;
    }
    showPreview(*plan);
}

void WelcomePage::showPreview(const ImportPlan &plan)
{
    m_plan = plan;
    m_tierChosen = false;
    const bool single = plan.isSingleTiupCluster();
    m_clusterForm->setVisible(single);
    if (single) {
        const Environment &env = plan.environments.first();
        m_nameEdit->setText(plan.nameRequired ? QString() : env.name);
        m_tierCombo->setCurrentIndex(m_tierCombo->findData(int(env.tier)));
    }
    fillPreviewList();

    QStringList notes;
    //: %1 = the full path of the file being imported
    notes << tr("From %1.").arg(QDir::toNativeSeparators(plan.sourcePath));
    if (plan.nameRequired)
        notes << tr("The file does not name its cluster: give it a name.");
    if (!plan.passwords.isEmpty()) {
        QStringList names = plan.passwords.keys();
        names.sort(Qt::CaseInsensitive);
        //: %1 = environment names
        notes << tr("The sandbox's admin password will be stored in the secret store for %1.")
                     .arg(names.join(u", "_s));
    } else {
        notes << tr("No password is imported: add each one with Environment \u25b8 Edit.");
    }
    m_previewNote->setText(notes.join(u' '));
    updateConfirm();
    m_stack->setCurrentIndex(1);
    if (plan.nameRequired)
        m_nameEdit->setFocus();
    else
        m_confirmButton->setFocus();
    emit previewReady();
}

void WelcomePage::fillPreviewList()
{
    const QString file = QFileInfo(m_plan.sourcePath).fileName();
    const int n = int(m_plan.environments.size());
    //: %n = environments in the file, %1 = file name
    m_previewTitle->setText(tr("Add %n environment(s) from %1?", nullptr, n).arg(file));
    m_previewList->clear();
    for (const Environment &env : std::as_const(m_plan.environments)) {
        QStringList endpoints;
        for (const SqlEndpoint &ep : env.endpoints)
            endpoints << EnvironmentText::endpoint(ep);
        const QString name = m_plan.nameRequired ? tr("(no name yet)") : env.name;
        auto *item = new QTreeWidgetItem(m_previewList,
                                         { name, TierStyle::badgeText(env),
                                           EnvironmentText::engineOverride(env.engine),
                                           endpoints.join(u", "_s) });
        item->setForeground(1, TierStyle::color(env));
        QFont bold = item->font(0);
        bold.setBold(true);
        item->setFont(0, bold);
        item->setFont(1, bold);
        item->setToolTip(3, endpoints.join(u'\n'));
    }
    for (int c = 0; c < 3; ++c)
        m_previewList->resizeColumnToContents(c);
}

void WelcomePage::onClusterNameEdited(const QString &text)
{
    if (!m_plan.isSingleTiupCluster())
        return;
    Environment &env = m_plan.environments.first();
    const QString name = text.trimmed();
    m_plan.nameRequired = !Environment::isValidName(name);
    if (!m_plan.nameRequired) {
        env.name = name;
        if (!m_tierChosen) {
            env.tier = Environment::guessTierFromName(name);
            m_tierCombo->setCurrentIndex(m_tierCombo->findData(int(env.tier)));
        }
    }
    fillPreviewList();
    updateConfirm();
}

void WelcomePage::onTierChosen()
{
    if (!m_plan.isSingleTiupCluster())
        return;
    m_tierChosen = true;
    m_plan.environments.first().tier = Tier(m_tierCombo->currentData().toInt());
    fillPreviewList();
}

void WelcomePage::updateConfirm()
{
    const int n = int(m_plan.environments.size());
    m_confirmButton->setText(tr("Add %n environment(s)", nullptr, n));
    m_confirmButton->setAccessibleName(m_confirmButton->text());
    m_confirmButton->setEnabled(!isBusy() && n > 0 && !m_plan.nameRequired);
}

void WelcomePage::confirmImport()
{
    if (isBusy() || m_plan.environments.isEmpty() || !m_services.inventory || !m_services.pool)
        return;
    m_banner->clear();
    setBusy(true);
    std::shared_ptr<InventoryStore> inventory = m_services.inventory;
    CredentialStore *secrets = m_services.secrets;
    m_applyWatcher.setFuture(
        QtConcurrent::run(m_services.pool, [inventory, secrets, plan = m_plan] {
            return InventoryImport::apply(*inventory, secrets, plan);
        }));
}

void WelcomePage::onApplied()
{
    setBusy(false);
    if (m_applyWatcher.future().resultCount() == 0)
        return;
    const Result<EnvironmentList> saved = m_applyWatcher.result();
    if (!saved) {
        showImportError(saved.error());
        return;
    }
    //: %n = environments added
    m_banner->showMessage(MessageBanner::Kind::Success,
                          tr("Added %n environment(s).", nullptr, int(saved->size())));
    m_plan = {};
    m_stack->setCurrentIndex(0);
    emit imported(*saved);
}

void WelcomePage::cancelImport()
{
    m_plan = {};
    m_previewList->clear();
    m_banner->clear();
    m_stack->setCurrentIndex(0);
}

void WelcomePage::showImportError(const Error &error)
{
    const bool locked = error.kind == ErrorKind::Crypto && m_services.secrets
        && m_services.secrets->backendName() == u"vault";
    m_unlockOffered = locked;
    m_banner->showMessage(MessageBanner::Kind::Error, error.message, error.detail,
                          locked ? tr("Unlock vault\u2026") : QString());
    emit importFailed(error);
}

void WelcomePage::setBusy(bool busy)
{
    m_busy = busy;
    for (QWidget *w : std::initializer_list<QWidget *> { m_importButton, m_backButton })
        w->setEnabled(!busy);
    updateConfirm();
    m_sandboxButton->setEnabled(!busy && m_sandbox.has_value());
    if (busy)
        setCursor(Qt::BusyCursor);
    else
        unsetCursor();
}

} // namespace TiDesk
