#include "EnvironmentDialog.h"

#include "ConnectionCheck.h"
#include "EndpointListEditor.h"
#include "EnvironmentText.h"
#include "MessageBanner.h"
#include "TierBadge.h"
#include "TierStyle.h"
#include "common/AppSettings.h"
#include "inventory/InventoryStore.h"
#include "secrets/CredentialStore.h"

#include <QColorDialog>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {
// Whole sentences per backend (translators need them; backendName() is an id, not a word).
QString passwordPlaceholder(const CredentialStore *secrets)
{
    const QString backend = secrets ? secrets->backendName() : QString();
    if (backend == u"vault")
        return QCoreApplication::translate("TiDesk::EnvironmentDialog",
                                           "Stored in the vault, never in the inventory");
    if (backend == u"keychain")
        return QCoreApplication::translate("TiDesk::EnvironmentDialog",
                                           "Stored in the keychain, never in the inventory");
    if (!backend.isEmpty())
        return QCoreApplication::translate("TiDesk::EnvironmentDialog",
                                           "Stored in the %1, never in the inventory")
            .arg(backend);
    return QCoreApplication::translate("TiDesk::EnvironmentDialog",
                                       "Stored in the credential store, never in the inventory");
}

QLineEdit *lineEdit(QWidget *parent, const QString &objectName, const QString &accessibleName,
                    const QString &placeholder = {})
{
    auto *e = new QLineEdit(parent);
    e->setObjectName(objectName);
    e->setAccessibleName(accessibleName);
    e->setPlaceholderText(placeholder);
    return e;
}

QLabel *buddyLabel(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto *l = new QLabel(text, parent);
    l->setBuddy(buddy);
    return l;
}

QSpinBox *msSpin(QWidget *parent, const QString &objectName, const QString &accessibleName)
{
    auto *s = new QSpinBox(parent);
    s->setObjectName(objectName);
    s->setAccessibleName(accessibleName);
    s->setRange(100, 3600 * 1000);
    s->setSingleStep(500);
    s->setSuffix(u" ms"_s);
    s->setGroupSeparatorShown(true);
    return s;
}
} // namespace

EnvironmentDialog::EnvironmentDialog(const CoreServices &services, Mode mode,
                                     const Environment &env, QWidget *parent)
    : QDialog(parent)
    , m_services(services)
    , m_mode(mode)
{
    setObjectName(u"environmentDialog"_s);
    buildUi();

    Environment initial = env;
    switch (mode) {
    case Mode::Add:
        initial = Environment {};
        initial.connectTimeoutMs = AppSettings().defaultConnectTimeoutMs();
        setWindowTitle(tr("Add environment"));
        m_password->setPlaceholderText(passwordPlaceholder(services.secrets));
        m_sshSecret->setPlaceholderText(tr("key passphrase, or bastion password; may be empty"));
        break;
    case Mode::Edit:
        //: %1 = environment name
        setWindowTitle(tr("Edit environment %1").arg(env.name));
        m_password->setPlaceholderText(tr("Leave empty to keep the stored password"));
        m_sshSecret->setPlaceholderText(tr("Leave empty to keep the stored one"));
        break;
    case Mode::Duplicate:
        m_sourceId = env.id;
        initial.id = QUuid();
        //: Name suggested for a copy: %1 = original name
        initial.name = tr("%1-copy").arg(env.name);
        //: %1 = environment name
        setWindowTitle(tr("Duplicate environment %1").arg(env.name));
        m_password->setPlaceholderText(tr("Leave empty to copy the password of %1").arg(env.name));
        m_sshSecret->setPlaceholderText(tr("Leave empty to copy the one of %1").arg(env.name));
        break;
    }
    m_original = initial;
    fillForm(initial);

    connect(&m_checkWatcher, &QFutureWatcher<CheckResult>::finished, this,
            &EnvironmentDialog::onCheckFinished);
    connect(&m_saveWatcher, &QFutureWatcher<SaveOutcome>::finished, this,
            &EnvironmentDialog::onSaveFinished);
}

EnvironmentDialog::~EnvironmentDialog()
{
    // A running check or save keeps going on the pool without us: nothing there points here.
    m_checkWatcher.disconnect(this);
    m_saveWatcher.disconnect(this);
}

void EnvironmentDialog::buildUi()
{
    // --- General
    m_name = lineEdit(this, u"envName"_s, tr("Name"), tr("e.g. prod, uat01, test-eu"));
    m_tier = new QComboBox(this);
    m_tier->setObjectName(u"envTier"_s);
    m_tier->setAccessibleName(tr("Tier"));
    for (Tier t : { Tier::Dev, Tier::Test, Tier::Uat, Tier::Prod, Tier::Custom })
        m_tier->addItem(TierStyle::groupName(t), int(t));
    m_customTier
        = lineEdit(this, u"envCustomTier"_s, tr("Custom tier name"), tr("custom tier name"));
    auto *tierRow = new QHBoxLayout;
    tierRow->addWidget(m_tier);
    tierRow->addWidget(m_customTier, 1);

    m_color = lineEdit(this, u"envColor"_s, tr("Colour"), tr("#rrggbb (empty = tier colour)"));
    m_colorButton = new QPushButton(tr("Choose\u2026"), this);
    m_colorButton->setObjectName(u"envColorChoose"_s);
    m_colorButton->setAccessibleName(tr("Choose a colour"));
    m_colorButton->setAutoDefault(false);
    m_preview = new TierBadge(this);
    m_preview->setObjectName(u"envTierPreview"_s);
    auto *colorRow = new QHBoxLayout;
    colorRow->addWidget(m_color, 1);
    colorRow->addWidget(m_colorButton);
    colorRow->addWidget(m_preview);
    connect(m_colorButton, &QPushButton::clicked, this, [this] {
        auto *dlg = new QColorDialog(
            QColor(m_color->text().isEmpty() ? m_preview->color().name() : m_color->text()), this);
        dlg->setAttribute(Qt::WA_DeleteOnClose);
        connect(dlg, &QColorDialog::colorSelected, this,
                [this](const QColor &c) { m_color->setText(c.name()); });
        dlg->open();
    });

    m_tags = lineEdit(this, u"envTags"_s, tr("Tags"), tr("comma separated, e.g. eu, payments"));
    m_engine = new QComboBox(this);
    m_engine->setObjectName(u"envEngine"_s);
    m_engine->setAccessibleName(tr("Engine"));
    for (EngineOverride e : { EngineOverride::Auto, EngineOverride::TiDB, EngineOverride::MySQL,
                              EngineOverride::MariaDB })
        m_engine->addItem(EnvironmentText::engineOverride(e), int(e));

    auto *general = new QGroupBox(tr("Environment"), this);
    auto *gf = new QFormLayout(general);
    gf->addRow(tr("&Name:"), m_name);
    gf->addRow(buddyLabel(tr("&Tier:"), m_tier, this), tierRow);
    gf->addRow(buddyLabel(tr("&Colour:"), m_color, this), colorRow);
    gf->addRow(tr("T&ags:"), m_tags);
    gf->addRow(tr("&Engine:"), m_engine);

    // --- Connection
    m_endpoints = new EndpointListEditor(this);
    m_user = lineEdit(this, u"envUser"_s, tr("User"), tr("SQL user"));
    m_password = lineEdit(this, u"envPassword"_s, tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_database = lineEdit(this, u"envDatabase"_s, tr("Default database"), tr("optional"));
    m_connectTimeout = msSpin(this, u"envConnectTimeout"_s, tr("Connect timeout"));
    m_queryTimeout = msSpin(this, u"envQueryTimeout"_s, tr("Query timeout"));
    auto *timeoutRow = new QHBoxLayout;
    timeoutRow->addWidget(new QLabel(tr("connect"), this));
    timeoutRow->addWidget(m_connectTimeout, 1);
    timeoutRow->addWidget(new QLabel(tr("query"), this));
    timeoutRow->addWidget(m_queryTimeout, 1);

    auto *connection = new QGroupBox(tr("SQL connection"), this);
    auto *cf = new QFormLayout(connection);
    cf->addRow(buddyLabel(tr("End&points:"), m_endpoints->entryEdit(), this), m_endpoints);
    cf->addRow(tr("&User:"), m_user);
    cf->addRow(tr("Pass&word:"), m_password);
    cf->addRow(tr("&Database:"), m_database);
    cf->addRow(buddyLabel(tr("T&imeouts:"), m_connectTimeout, this), timeoutRow);

    // --- TLS
    m_tlsMode = new QComboBox(this);
    m_tlsMode->setObjectName(u"envTlsMode"_s);
    m_tlsMode->setAccessibleName(tr("TLS mode"));
    for (TlsMode m : { TlsMode::Disabled, TlsMode::Preferred, TlsMode::Required, TlsMode::VerifyCa,
                       TlsMode::VerifyIdentity })
        m_tlsMode->addItem(EnvironmentText::tlsMode(m), int(m));
    m_tlsHelp = new QLabel(this);
    m_tlsHelp->setWordWrap(true);
    m_tlsHelp->setObjectName(u"envTlsHelp"_s);
    auto fileRow = [this](QLineEdit *edit, const QString &title) {
        auto *row = new QHBoxLayout;
        auto *b = new QPushButton(tr("Browse\u2026"), this);
        b->setAccessibleName(tr("Browse for %1").arg(edit->accessibleName()));
        b->setAutoDefault(false);
        connect(b, &QPushButton::clicked, this, [this, edit, title] { browseFile(edit, title); });
        row->addWidget(edit, 1);
        row->addWidget(b);
        return row;
    };
    m_tlsCa = lineEdit(this, u"envTlsCa"_s, tr("CA file"), tr("PEM"));
    m_tlsCert = lineEdit(this, u"envTlsCert"_s, tr("Client certificate"), tr("PEM, optional"));
    m_tlsKey = lineEdit(this, u"envTlsKey"_s, tr("Client key"), tr("PEM, optional"));
    auto *tls = new QGroupBox(tr("TLS"), this);
    auto *tf = new QFormLayout(tls);
    tf->addRow(tr("&Mode:"), m_tlsMode);
    tf->addRow(QString(), m_tlsHelp);
    tf->addRow(tr("CA file:"), fileRow(m_tlsCa, tr("CA certificate")));
    tf->addRow(tr("Certificate:"), fileRow(m_tlsCert, tr("Client certificate")));
    tf->addRow(tr("Key:"), fileRow(m_tlsKey, tr("Client key")));

    // --- SSH
    m_ssh = new QGroupBox(tr("Through an SSH bastion"), this);
    m_ssh->setObjectName(u"envSsh"_s);
    m_ssh->setAccessibleName(tr("SSH bastion"));
    m_ssh->setCheckable(true);
    m_sshHost
        = lineEdit(this, u"envSshHost"_s, tr("Bastion host"), tr("host or ~/.ssh/config alias"));
    m_sshPort = new QSpinBox(this);
    m_sshPort->setObjectName(u"envSshPort"_s);
    m_sshPort->setAccessibleName(tr("Bastion port"));
    m_sshPort->setRange(1, 65535);
    m_sshUser = lineEdit(this, u"envSshUser"_s, tr("Bastion user"));
    m_sshIdentity = lineEdit(this, u"envSshIdentity"_s, tr("Identity file"),
                             tr("private key, e.g. ~/.ssh/id_ed25519"));
    m_sshKnownHosts = lineEdit(this, u"envSshKnownHosts"_s, tr("Known hosts file"),
                               tr("empty = ~/.ssh/known_hosts"));
    auto *hostRow = new QHBoxLayout;
    hostRow->addWidget(m_sshHost, 1);
    hostRow->addWidget(new QLabel(tr("port"), this));
    hostRow->addWidget(m_sshPort);
    auto *sf = new QFormLayout(m_ssh);
    sf->addRow(buddyLabel(tr("&Host:"), m_sshHost, this), hostRow);
    sf->addRow(tr("User:"), m_sshUser);
    sf->addRow(tr("Identity file:"), fileRow(m_sshIdentity, tr("SSH private key")));
    sf->addRow(tr("Known hosts:"), fileRow(m_sshKnownHosts, tr("known_hosts file")));
    m_sshSecret = lineEdit(this, u"envSshSecret"_s, tr("SSH key passphrase or bastion password"));
    m_sshSecret->setEchoMode(QLineEdit::Password);
    m_sshSecret->setToolTip(
        tr("The passphrase of the identity file. Without an identity file: the bastion "
           "password. Kept in the secret store, never sent to the bastion as a password "
           "when a key is set."));
    sf->addRow(tr("Passphrase:"), m_sshSecret);

    // --- Monitoring
    m_prometheus
        = lineEdit(this, u"envPrometheus"_s, tr("Prometheus URL"), u"http://prometheus:9090"_s);
    m_prometheusSelector = lineEdit(this, u"envPrometheusSelector"_s,
                                    tr("Prometheus label matchers"), u"env=\"prod\""_s);
    m_prometheusSelector->setToolTip(
        tr("Label matchers added to every query, when one Prometheus serves several "
           "environments. Leave empty when it serves this environment only."));
    m_alertmanager = lineEdit(this, u"envAlertmanager"_s, tr("Alertmanager URL"),
                              u"http://alertmanager:9093"_s);
    m_pd = lineEdit(this, u"envPd"_s, tr("PD URL"), tr("TiDB only, e.g. http://pd:2379"));
    auto *monitoring = new QGroupBox(tr("Monitoring"), this);
    auto *mf = new QFormLayout(monitoring);
    mf->addRow(tr("Prometheus:"), m_prometheus);
    //: label matchers such as env="prod"
    mf->addRow(tr("Series filter:"), m_prometheusSelector);
    mf->addRow(tr("Alertmanager:"), m_alertmanager);
    mf->addRow(tr("PD:"), m_pd);

    m_notes = new QPlainTextEdit(this);
    m_notes->setObjectName(u"envNotes"_s);
    m_notes->setAccessibleName(tr("Notes"));
    m_notes->setPlaceholderText(tr("Runbook links, owners, maintenance windows\u2026"));
    m_notes->setTabChangesFocus(true);
    auto *notes = new QGroupBox(tr("Notes"), this);
    auto *nl = new QVBoxLayout(notes);
    nl->addWidget(m_notes);

    // --- Bottom: validation, check result, buttons
    m_validation = new QLabel(this);
    m_validation->setObjectName(u"envValidation"_s);
    m_validation->setAccessibleName(tr("Validation message"));
    m_validation->setWordWrap(true);
    QPalette vp = m_validation->palette();
    vp.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    m_validation->setPalette(vp);
    QFont vf = m_validation->font();
    vf.setBold(true);
    m_validation->setFont(vf);
    m_validation->hide();

    m_banner = new MessageBanner(this);
    m_banner->setObjectName(u"envCheckBanner"_s);

    m_testButton = new QPushButton(tr("Test connection"), this);
    m_testButton->setObjectName(u"envTestConnection"_s);
    m_testButton->setAccessibleName(tr("Test connection"));
    m_testButton->setAutoDefault(false);
    connect(m_testButton, &QPushButton::clicked, this, &EnvironmentDialog::testConnection);
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(u"envCheckBusy"_s);
    m_busy->setAccessibleName(tr("Working"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(140);
    m_busy->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(u"envButtons"_s);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Save"));
    m_buttons->button(QDialogButtonBox::Ok)->setAccessibleName(tr("Save"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &EnvironmentDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &EnvironmentDialog::reject);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_testButton);
    bottom->addWidget(m_busy);
    bottom->addStretch(1);
    bottom->addWidget(m_buttons);

    auto *left = new QVBoxLayout;
    left->addWidget(general);
    left->addWidget(connection);
    left->addStretch(1);
    auto *right = new QVBoxLayout;
    right->addWidget(tls);
    right->addWidget(m_ssh);
    right->addWidget(monitoring);
    right->addWidget(notes, 1);
    auto *columns = new QHBoxLayout;
    columns->setSpacing(12);
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(m_validation);
    layout->addWidget(m_banner);
    layout->addLayout(bottom);

    connect(m_tier, &QComboBox::currentIndexChanged, this, &EnvironmentDialog::updateTierPreview);
    connect(m_customTier, &QLineEdit::textChanged, this, &EnvironmentDialog::updateTierPreview);
    connect(m_color, &QLineEdit::textChanged, this, &EnvironmentDialog::updateTierPreview);
    connect(m_name, &QLineEdit::textChanged, this, &EnvironmentDialog::updateTierPreview);
    connect(m_tlsMode, &QComboBox::currentIndexChanged, this, &EnvironmentDialog::updateTlsHelp);
    connect(m_engine, &QComboBox::currentIndexChanged, this, [this] {
        const auto e = EngineOverride(m_engine->currentData().toInt());
        m_endpoints->setDefaultPort(
            e == EngineOverride::MySQL || e == EngineOverride::MariaDB ? 3306 : 4000);
    });
    // Once a validation message is shown, keep it current while the user fixes the form.
    auto revalidate = [this] {
        if (m_validationShown)
            showValidation(validationError());
    };
    for (QLineEdit *e : { m_name, m_user, m_color, m_tlsCa, m_sshHost, m_customTier })
        connect(e, &QLineEdit::textChanged, this, revalidate);
    connect(m_endpoints, &EndpointListEditor::changed, this, revalidate);
    connect(m_tlsMode, &QComboBox::currentIndexChanged, this, revalidate);
    connect(m_ssh, &QGroupBox::toggled, this, revalidate);

    setSizeGripEnabled(true);
    resize(1080, 760);
}

void EnvironmentDialog::fillForm(const Environment &env)
{
    m_name->setText(env.name);
    m_tier->setCurrentIndex(qMax(0, m_tier->findData(int(env.tier))));
    m_customTier->setText(env.customTierName);
    m_color->setText(env.color);
    m_tags->setText(env.tags.join(u", "_s));
    m_engine->setCurrentIndex(qMax(0, m_engine->findData(int(env.engine))));
    m_endpoints->setEndpoints(env.endpoints);
    m_user->setText(env.user);
    m_password->clear();
    m_sshSecret->clear();
    m_database->setText(env.defaultDatabase);
    m_connectTimeout->setValue(env.connectTimeoutMs);
    m_queryTimeout->setValue(env.queryTimeoutMs);
    m_tlsMode->setCurrentIndex(qMax(0, m_tlsMode->findData(int(env.tls.mode))));
    m_tlsCa->setText(env.tls.caFile);
    m_tlsCert->setText(env.tls.certFile);
    m_tlsKey->setText(env.tls.keyFile);
    m_ssh->setChecked(env.ssh.enabled);
    m_sshHost->setText(env.ssh.host);
    m_sshPort->setValue(env.ssh.port);
    m_sshUser->setText(env.ssh.user);
    m_sshIdentity->setText(env.ssh.identityFile);
    m_sshKnownHosts->setText(env.ssh.knownHostsFile);
    m_prometheus->setText(env.prometheusUrl);
    m_prometheusSelector->setText(env.prometheusSelector);
    m_alertmanager->setText(env.alertmanagerUrl);
    m_pd->setText(env.pdUrl);
    m_notes->setPlainText(env.notes);
    updateTierPreview();
    updateTlsHelp();
}

Environment EnvironmentDialog::environmentFromForm() const
{
    Environment env = m_original; // keeps id, backup settings and anything the form does not show
    env.name = m_name->text().trimmed();
    env.tier = Tier(m_tier->currentData().toInt());
    env.customTierName = env.tier == Tier::Custom ? m_customTier->text().trimmed() : QString();
    env.color = m_color->text().trimmed();
    env.tags.clear();
    for (const QString &t : m_tags->text().split(u',', Qt::SkipEmptyParts))
        if (!t.trimmed().isEmpty())
            env.tags << t.trimmed();
    env.engine = EngineOverride(m_engine->currentData().toInt());
    const Result<QList<SqlEndpoint>> eps = m_endpoints->endpoints();
    env.endpoints = eps.ok() ? eps.value() : QList<SqlEndpoint> {};
    env.user = m_user->text().trimmed();
    env.defaultDatabase = m_database->text().trimmed();
    env.connectTimeoutMs = m_connectTimeout->value();
    env.queryTimeoutMs = m_queryTimeout->value();
    env.tls.mode = TlsMode(m_tlsMode->currentData().toInt());
    env.tls.caFile = m_tlsCa->text().trimmed();
    env.tls.certFile = m_tlsCert->text().trimmed();
    env.tls.keyFile = m_tlsKey->text().trimmed();
    env.ssh.enabled = m_ssh->isChecked();
    env.ssh.host = m_sshHost->text().trimmed();
    env.ssh.port = m_sshPort->value();
    env.ssh.user = m_sshUser->text().trimmed();
    env.ssh.identityFile = m_sshIdentity->text().trimmed();
    env.ssh.knownHostsFile = m_sshKnownHosts->text().trimmed();
    env.prometheusUrl = m_prometheus->text().trimmed();
    env.prometheusSelector = m_prometheusSelector->text().trimmed();
    env.alertmanagerUrl = m_alertmanager->text().trimmed();
    env.pdUrl = m_pd->text().trimmed();
    env.notes = m_notes->toPlainText().trimmed();
    return env;
}

QString EnvironmentDialog::validationError() const
{
    const Result<QList<SqlEndpoint>> eps = m_endpoints->endpoints();
    if (!eps.ok())
        return eps.error().message;
    if (Tier(m_tier->currentData().toInt()) == Tier::Custom
        && m_customTier->text().trimmed().isEmpty())
        return tr("tier: name the custom tier");
    return environmentFromForm().validate();
}

QString EnvironmentDialog::validationMessage() const
{
    return m_validation->isVisible() ? m_validation->text() : QString();
}

void EnvironmentDialog::showValidation(const QString &message)
{
    m_validation->setText(message);
    m_validation->setVisible(!message.isEmpty());
}

void EnvironmentDialog::updateTierPreview()
{
    const Tier tier = Tier(m_tier->currentData().toInt());
    m_customTier->setVisible(tier == Tier::Custom);
    const QString c = m_color->text().trimmed();
    const QColor color = Environment::isValidColor(c) && !c.isEmpty()
        ? QColor(c)
        : QColor(Environment::defaultColor(tier));
    m_preview->setColor(color);
    m_preview->setText(TierStyle::badgeText(tier, m_customTier->text().trimmed()));
}

void EnvironmentDialog::updateTlsHelp()
{
    const TlsMode mode = TlsMode(m_tlsMode->currentData().toInt());
    m_tlsHelp->setText(EnvironmentText::tlsModeHelp(mode));
    const bool files = mode != TlsMode::Disabled;
    for (QLineEdit *e : { m_tlsCa, m_tlsCert, m_tlsKey })
        e->setEnabled(files);
}

void EnvironmentDialog::browseFile(QLineEdit *target, const QString &title)
{
    auto *dlg = new QFileDialog(this, title);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    dlg->setFileMode(QFileDialog::ExistingFile);
    if (!target->text().isEmpty())
        dlg->selectFile(target->text());
    connect(dlg, &QFileDialog::fileSelected, target, &QLineEdit::setText);
    dlg->open();
}

std::optional<QString> EnvironmentDialog::passwordForCheck() const
{
    if (!m_password->text().isEmpty())
        return m_password->text();
    if (m_mode == Mode::Add)
        return QString();
    return std::nullopt; // the stored one (of the source, when duplicating)
}

std::optional<QString> EnvironmentDialog::sshSecretForCheck() const
{
    if (!m_sshSecret->text().isEmpty())
        return m_sshSecret->text();
    if (m_mode == Mode::Add)
        return QString();
    return std::nullopt;
}

void EnvironmentDialog::testConnection()
{
    if (isChecking())
        return;
    const QString error = validationError();
    if (!error.isEmpty()) {
        m_validationShown = true;
        showValidation(error);
        return;
    }
    Environment env = environmentFromForm();
    if (m_mode == Mode::Duplicate)
        env.id = m_sourceId; // so an empty password field reads the source's secret
    m_banner->clear();
    setChecking(true);
    m_checkWatcher.setFuture(
        ConnectionCheck::start(m_services, env, passwordForCheck(), sshSecretForCheck()));
}

void EnvironmentDialog::onCheckFinished()
{
    setChecking(false);
    if (m_checkWatcher.future().resultCount() == 0)
        return;
    CheckResult result = m_checkWatcher.result();
    result.name = m_name->text().trimmed();
    ConnectionCheck::showIn(m_banner, result);
}

void EnvironmentDialog::setChecking(bool busy)
{
    m_busy->setVisible(busy || isSaving());
    m_testButton->setEnabled(!busy);
    m_testButton->setText(busy ? tr("Testing\u2026") : tr("Test connection"));
}

void EnvironmentDialog::setSaving(bool busy)
{
    m_busy->setVisible(busy || isChecking());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy);
}

void EnvironmentDialog::accept()
{
    if (isSaving())
        return;
    const QString error = validationError();
    m_validationShown = true;
    showValidation(error);
    if (!error.isEmpty())
        return;
    if (!m_services.inventory) {
        showValidation(tr("No inventory is open; the environment cannot be saved."));
        return;
    }
    const Environment env = environmentFromForm();
    const QString password = m_password->text();
    const QString sshSecret = env.ssh.enabled ? m_sshSecret->text() : QString();
    const QUuid copyFrom = m_mode == Mode::Duplicate ? m_sourceId : QUuid();
    std::shared_ptr<InventoryStore> inventory = m_services.inventory;
    CredentialStore *secrets = m_services.secrets;
    setSaving(true);
    m_saveWatcher.setFuture(QtConcurrent::run(
        m_services.pool, [env, password, sshSecret, copyFrom, inventory, secrets] {
            SaveOutcome out;
            Result<Environment> saved = inventory->save(env);
            if (!saved.ok()) {
                out.error = saved.error();
                return out;
            }
            out.env = saved.value();
            Environment source;
            source.id = copyFrom;
            // An empty field keeps the stored secret (edit) or copies the source's (duplicate).
            const auto store
                = [&](const QString &typed, const QString &key, const QString &sourceKey) {
                      QString secret = typed;
                      if (secret.isEmpty() && !copyFrom.isNull() && secrets) {
                          const Result<QString> old = secrets->read(sourceKey);
                          if (old.ok())
                              secret = old.value();
                      }
                      if (secret.isEmpty() || out.passwordError.isError())
                          return;
                      if (!secrets) {
                          out.passwordError = Error::make(ErrorKind::Unsupported,
                                                          tr("no credential store is open"));
                          return;
                      }
                      const VoidResult w = secrets->write(key, secret);
                      if (!w.ok())
                          out.passwordError = w.error();
                  };
            store(password, out.env->passwordSecretKey(), source.passwordSecretKey());
            if (env.ssh.enabled)
                store(sshSecret, out.env->sshPassphraseSecretKey(),
                      source.sshPassphraseSecretKey());
            return out;
        }));
}

void EnvironmentDialog::onSaveFinished()
{
    setSaving(false);
    if (m_saveWatcher.future().resultCount() == 0)
        return;
    const SaveOutcome out = m_saveWatcher.result();
    if (!out.env) {
        // Duplicate names and other store-side validation land here: show them inline.
        showValidation(out.error.message.isEmpty() ? tr("The environment could not be saved.")
                                                   : out.error.message);
        if (out.error.kind == ErrorKind::InvalidInput)
            m_name->setFocus();
        return;
    }
    // From now on this dialog edits the stored environment (a retry must not insert twice).
    m_original = *out.env;
    m_mode = Mode::Edit;
    emit saved(*out.env);
    if (out.passwordError.isError()) {
        showValidation(QString());
        m_banner->showMessage(MessageBanner::Kind::Error,
                              tr("The environment was saved, but its password was not stored: %1")
                                  .arg(out.passwordError.message),
                              tr("Unlock or configure the secret store, then press Save again."));
        return;
    }
    QDialog::accept();
}

void EnvironmentDialog::reject()
{
    if (isSaving())
        return; // a save finishes in milliseconds; closing now would hide its outcome
    QDialog::reject();
}

} // namespace TiDesk
