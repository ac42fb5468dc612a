#include "AssistStartForm.h"

#include "AssistRelayText.h"
#include "StatusPill.h"
#include "TierStyle.h"
#include "common/AppSettings.h"

#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

QString expandHome(const QString &path)
{
    const QString t = path.trimmed();
    if (t == u"~"_s || t.startsWith(u"~/"_s))
        return QDir::homePath() + t.mid(1);
    return t;
}

} // namespace

AssistStartForm::AssistStartForm(QWidget *parent)
    : QWidget(parent)
{
    auto *intro = new QLabel(
        tr("Let an outside expert look at chosen environments and propose statements. The "
           "expert never gets a password or an address: every proposal waits for your "
           "approval and runs with your credentials. Both of you reach the session through an "
           "SSH server (the relay)."),
        this);
    intro->setWordWrap(true);

    m_relay = new QLineEdit(this);
    m_relay->setObjectName(u"assistRelayEdit"_s);
    m_relay->setAccessibleName(tr("Relay (user@host:port)"));
    m_relay->setPlaceholderText(u"dba@bastion.example.com:22"_s);
    m_key = new QLineEdit(this);
    m_key->setObjectName(u"assistKeyEdit"_s);
    m_key->setAccessibleName(tr("SSH key for the relay"));
    m_key->setPlaceholderText(u"~/.ssh/id_ed25519"_s);
    auto *keyBrowse = new QPushButton(tr("Browse\u2026"), this);
    keyBrowse->setAccessibleName(tr("Choose the SSH key file"));
    m_knownHosts = new QLineEdit(this);
    m_knownHosts->setObjectName(u"assistKnownHostsEdit"_s);
    m_knownHosts->setAccessibleName(tr("known_hosts file for the relay"));
    m_knownHosts->setPlaceholderText(tr("~/.ssh/known_hosts (default)"));
    auto *khBrowse = new QPushButton(tr("Browse\u2026"), this);
    khBrowse->setAccessibleName(tr("Choose the known_hosts file"));
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_key, 1);
    keyRow->addWidget(keyBrowse);
    auto *khRow = new QHBoxLayout;
    khRow->addWidget(m_knownHosts, 1);
    khRow->addWidget(khBrowse);
    connect(keyBrowse, &QPushButton::clicked, this,
            [this] { browse(m_key, tr("SSH key for the relay")); });
    connect(khBrowse, &QPushButton::clicked, this,
            [this] { browse(m_knownHosts, tr("known_hosts file for the relay")); });

    m_envs = new QListWidget(this);
    m_envs->setObjectName(u"assistEnvironmentList"_s);
    m_envs->setAccessibleName(tr("Environments to share"));
    m_envs->setMinimumHeight(90);
    m_envs->setMaximumHeight(150);

    m_autoApprove = new QCheckBox(
        tr("Auto-approve read-only statements on non-production environments"), this);
    m_autoApprove->setObjectName(u"assistAutoApprove"_s);
    m_autoApprove->setToolTip(tr("Production proposals always wait for you, read-only or not."));

    m_maxMinutes = new QSpinBox(this);
    m_maxMinutes->setObjectName(u"assistMaxDuration"_s);
    m_maxMinutes->setAccessibleName(tr("Maximum duration in minutes"));
    m_maxMinutes->setRange(5, 12 * 60);
    m_maxMinutes->setValue(120);
    m_maxMinutes->setSuffix(tr(" min"));
    m_idleMinutes = new QSpinBox(this);
    m_idleMinutes->setObjectName(u"assistIdleTimeout"_s);
    m_idleMinutes->setAccessibleName(tr("Idle timeout in minutes"));
    m_idleMinutes->setRange(1, 240);
    m_idleMinutes->setValue(15);
    m_idleMinutes->setSuffix(tr(" min"));
    m_rowLimit = new QSpinBox(this);
    m_rowLimit->setObjectName(u"assistRowLimit"_s);
    m_rowLimit->setAccessibleName(tr("Rows sent back per result"));
    m_rowLimit->setRange(1, 100000);
    m_rowLimit->setValue(1000);
    m_rowLimit->setGroupSeparatorShown(true);
    for (QSpinBox *box : { m_maxMinutes, m_idleMinutes, m_rowLimit })
        box->setMaximumWidth(box->fontMetrics().horizontalAdvance(u"0000000000 min"_s) + 40);

    auto *form = new QFormLayout;
    form->addRow(tr("&Relay:"), m_relay);
    auto *keyLabel = new QLabel(tr("SSH &key:"), this);
    keyLabel->setBuddy(m_key);
    form->addRow(keyLabel, keyRow);
    auto *khLabel = new QLabel(tr("known_&hosts:"), this);
    khLabel->setBuddy(m_knownHosts);
    form->addRow(khLabel, khRow);
    form->addRow(tr("Share:"), m_envs);
    form->addRow(QString(), m_autoApprove);
    form->addRow(tr("Ends after:"), m_maxMinutes);
    form->addRow(tr("Ends when idle for:"), m_idleMinutes);
    form->addRow(tr("Rows sent back:"), m_rowLimit);

    m_problem = new QLabel(this);
    m_problem->setObjectName(u"assistStartProblem"_s);
    m_problem->setWordWrap(true);
    QPalette pp = m_problem->palette();
    pp.setColor(QPalette::WindowText, StatusPill::colorFor(StatusPill::State::Warning));
    m_problem->setPalette(pp);
    m_start = new QPushButton(tr("Start session"), this);
    m_start->setObjectName(u"assistStartButton"_s);
    m_start->setAccessibleName(tr("Start the expert session"));
    m_start->setDefault(true);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_problem, 1);
    buttons->addWidget(m_start);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addStretch(1);

    const AppSettings settings;
    m_relay->setText(settings.assistRelay());
    m_key->setText(settings.assistKeyPath());
    m_knownHosts->setText(settings.assistKnownHosts());

    connect(m_relay, &QLineEdit::textChanged, this, &AssistStartForm::validate);
    connect(m_envs, &QListWidget::itemChanged, this, &AssistStartForm::validate);
    connect(m_start, &QPushButton::clicked, this, [this] {
        if (canStart())
            emit startRequested();
    });
    validate();
}

void AssistStartForm::setEnvironments(const EnvironmentList &envs)
{
    QSet<QUuid> checked;
    for (const Environment &e : sharedEnvironments())
        checked.insert(e.id);
    m_all = envs;
    const QSignalBlocker block(m_envs);
    m_envs->clear();
    for (int i = 0; i < envs.size(); ++i) {
        const Environment &e = envs.at(i);
        //: Environment list: %1 = name, %2 = tier ("PRODUCTION")
        auto *item
            = new QListWidgetItem(StatusPill::dotIcon(TierStyle::color(e), 14),
                                  tr("%1  \u2014  %2").arg(e.name, TierStyle::longName(e)), m_envs);
        item->setData(Qt::UserRole, i);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(checked.contains(e.id) ? Qt::Checked : Qt::Unchecked);
        if (e.isProduction()) {
            QFont f = item->font();
            f.setBold(true);
            item->setFont(f);
            item->setForeground(TierStyle::color(e));
            item->setToolTip(tr("Production: the expert's proposals here always wait for you and "
                                "need the typed name."));
        }
    }
    validate();
}

bool AssistStartForm::setShared(const QString &name, bool shared)
{
    for (int i = 0; i < m_envs->count(); ++i) {
        QListWidgetItem *item = m_envs->item(i);
        if (m_all.value(item->data(Qt::UserRole).toInt()).name == name) {
            item->setCheckState(shared ? Qt::Checked : Qt::Unchecked);
            return true;
        }
    }
    return false;
}

QList<Environment> AssistStartForm::sharedEnvironments() const
{
    QList<Environment> out;
    for (int i = 0; i < m_envs->count(); ++i) {
        const QListWidgetItem *item = m_envs->item(i);
        const int idx = item->data(Qt::UserRole).toInt();
        if (item->checkState() == Qt::Checked && idx >= 0 && idx < m_all.size())
            out << m_all.at(idx);
    }
    return out;
}

bool AssistStartForm::canStart() const
{
    return AssistRelayText::parse(m_relay->text(), nullptr) && !sharedEnvironments().isEmpty();
}

AssistHostOptions AssistStartForm::options() const
{
    AssistHostOptions o;
    AssistRelayText::parse(m_relay->text(), &o.relay);
    if (!m_key->text().trimmed().isEmpty())
        o.relay.identityFiles = { expandHome(m_key->text()) };
    else
        o.relay.useAgent = true;
    o.relay.knownHostsFile = expandHome(m_knownHosts->text());
    o.relay.hostKeyPolicy = HostKeyPolicy::Strict;
    o.sharedEnvironments = sharedEnvironments();
    o.autoApproveReadOnly = m_autoApprove->isChecked();
    o.maxDuration = std::chrono::minutes(m_maxMinutes->value());
    o.idleTimeout = std::chrono::minutes(m_idleMinutes->value());
    o.rowLimit = m_rowLimit->value();
    return o;
}

void AssistStartForm::saveSettings() const
{
    AppSettings settings;
    settings.setAssistRelay(m_relay->text().trimmed());
    settings.setAssistKeyPath(m_key->text().trimmed());
    settings.setAssistKnownHosts(m_knownHosts->text().trimmed());
}

void AssistStartForm::validate()
{
    QString why;
    if (!AssistRelayText::parse(m_relay->text(), nullptr, &why))
        m_problem->setText(why);
    else if (sharedEnvironments().isEmpty())
        m_problem->setText(tr("Check at least one environment to share."));
    else
        m_problem->clear();
    m_start->setEnabled(m_problem->text().isEmpty());
}

void AssistStartForm::browse(QLineEdit *edit, const QString &title)
{
    auto *dlg = new QFileDialog(this, title);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    dlg->setFileMode(QFileDialog::ExistingFile);
    dlg->setOption(QFileDialog::DontResolveSymlinks);
    const QString current = expandHome(edit->text());
    dlg->setDirectory(current.isEmpty() ? QDir::homePath() + u"/.ssh"_s : current);
    if (!current.isEmpty())
        dlg->selectFile(current);
    connect(dlg, &QFileDialog::fileSelected, edit, &QLineEdit::setText);
    dlg->open();
}

} // namespace TiDesk
