#include "StartBackupDialog.h"

#include "TierBadge.h"
#include "TierStyle.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace TiDesk {

StartBackupDialog::StartBackupDialog(const Environment &env, QWidget *parent)
    : QDialog(parent)
    , m_env(env)
{
    setObjectName(u"startBackupDialog"_s);
    //: Window title: %1 = environment name
    setWindowTitle(tr("Start a backup \u2014 %1").arg(env.name));

    auto *title = new QLabel(tr("Back up %1").arg(env.name), this);
    QFont tf = title->font();
    tf.setBold(true);
    tf.setPointSizeF(tf.pointSizeF() * 1.2);
    title->setFont(tf);
    auto *badge = new TierBadge(TierStyle::badgeText(env), TierStyle::color(env), this);
    auto *head = new QHBoxLayout;
    head->addWidget(title, 1);
    head->addWidget(badge);

    m_kind = new QComboBox(this);
    m_kind->setObjectName(u"backupKind"_s);
    m_kind->setAccessibleName(tr("Backup kind"));
    m_kind->addItem(tr("Logical (mariadb-dump, chosen databases)"), int(BackupJob::Kind::Logical));
    m_kind->addItem(tr("Physical (mariadb-backup, the whole server)"),
                    int(BackupJob::Kind::Physical));

    m_dir = new QLineEdit(this);
    m_dir->setObjectName(u"backupDirectory"_s);
    m_dir->setAccessibleName(tr("Backup directory on the host"));
    const Result<QString> root = BackupLauncher::rootFor(env, {});
    m_dir->setPlaceholderText(root ? *root : QString());

    m_databases = new QLineEdit(this);
    m_databases->setObjectName(u"backupDatabases"_s);
    m_databases->setAccessibleName(tr("Databases to back up"));
    m_databases->setPlaceholderText(tr("all but the system schemas"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(tr("&Directory:"), m_dir);
    form->addRow(tr("Data&bases:"), m_databases);

    m_hint = new QLabel(this);
    m_hint->setObjectName(u"backupWhere"_s);
    m_hint->setWordWrap(true);
    m_hint->setText(env.ssh.enabled && !env.ssh.host.trimmed().isEmpty()
                        //: %1 = SSH host
                        ? tr("The backup runs on %1 over SSH, detached: it goes on if TiDesk "
                             "stops, and TiDesk follows it again when it starts.")
                              .arg(env.ssh.host)
                        : tr("The backup runs on this machine, detached: it goes on if TiDesk "
                             "stops, and TiDesk follows it again when it starts."));
    m_problem = new QLabel(this);
    m_problem->setObjectName(u"backupProblem"_s);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(u"color: #c62828;"_s);
    m_problem->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_start = buttons->button(QDialogButtonBox::Ok);
    m_start->setText(tr("Start backup"));
    m_start->setObjectName(u"startBackupButton"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_start->isEnabled())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(head);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &StartBackupDialog::updateState);
    connect(m_dir, &QLineEdit::textChanged, this, &StartBackupDialog::updateState);
    updateState();
}

QStringList StartBackupDialog::parseDatabases(const QString &text)
{
    static const QRegularExpression separators(u"[,\\s]+"_s);
    QStringList out;
    for (const QString &name : text.split(separators, Qt::SkipEmptyParts))
        if (!out.contains(name))
            out << name;
    return out;
}

BackupJobRequest StartBackupDialog::request() const
{
    BackupJobRequest r;
    r.kind = BackupJob::Kind(m_kind->currentData().toInt());
    r.root = m_dir->text().trimmed();
    if (r.kind == BackupJob::Kind::Logical)
        r.databases = parseDatabases(m_databases->text());
    return r;
}

void StartBackupDialog::updateState()
{
    const bool logical = BackupJob::Kind(m_kind->currentData().toInt()) == BackupJob::Kind::Logical;
    m_databases->setEnabled(logical);
    // The directory the launcher would refuse (a BR storage URL) is named here, not later.
    const Result<QString> root = BackupLauncher::rootFor(m_env, m_dir->text());
    m_problem->setVisible(!root);
    if (!root)
        m_problem->setText(root.error().message);
    m_start->setEnabled(root.ok());
}

} // namespace TiDesk
