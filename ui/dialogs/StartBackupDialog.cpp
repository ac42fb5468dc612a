#include "StartBackupDialog.h"

#include "ThemeColors.h"

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
    if (env.engine != EngineOverride::TiDB)
        m_kind->addItem(tr("Physical (mariadb-backup, the whole server)"),
                        int(BackupJob::Kind::Physical));
    if (isTiDB(env)) {
        m_kind->addItem(tr("BR snapshot (br backup on the control host)"),
                        int(BackupJob::Kind::Br));
        m_kind->addItem(tr("SQL BACKUP (TiDB's BACKUP DATABASE statement)"),
                        int(BackupJob::Kind::Sql));
        m_kind->setCurrentIndex(m_kind->findData(int(BackupJob::Kind::Br)));
    }

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
    m_dirLabel = new QLabel(tr("&Directory:"), this);
    m_dirLabel->setBuddy(m_dir);
    form->addRow(m_dirLabel, m_dir);
    form->addRow(tr("Data&bases:"), m_databases);

    m_hint = new QLabel(this);
    m_hint->setObjectName(u"backupWhere"_s);
    m_hint->setWordWrap(true);
    m_whereText = env.ssh.enabled && !env.ssh.host.trimmed().isEmpty()
        //: %1 = SSH host
        ? tr("The backup runs on %1 over SSH, detached: it goes on if TiDesk "
             "stops, and TiDesk follows it again when it starts.")
              .arg(env.ssh.host)
        : tr("The backup runs on this machine, detached: it goes on if TiDesk "
             "stops, and TiDesk follows it again when it starts.");
    m_hint->setText(m_whereText);
    m_problem = new QLabel(this);
    m_problem->setObjectName(u"backupProblem"_s);
    m_problem->setWordWrap(true);
    ThemeColors::setTextRole(m_problem, ThemeColors::Role::Error);
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
    connect(m_databases, &QLineEdit::textChanged, this, &StartBackupDialog::updateState);
    updateState();
}

bool StartBackupDialog::isTiDB(const Environment &env)
{
    return env.engine == EngineOverride::TiDB || !env.pdUrl.trimmed().isEmpty();
}

BackupJob::Kind StartBackupDialog::kind() const
{
    return BackupJob::Kind(m_kind->currentData().toInt());
}

QString StartBackupDialog::storage() const
{
    return m_dir->text().trimmed();
}

QStringList StartBackupDialog::databases() const
{
    return parseDatabases(m_databases->text());
}

BrJobRequest StartBackupDialog::brRequest() const
{
    BrJobRequest r;
    r.storage = storage();
    const QStringList dbs = databases();
    if (dbs.size() == 1) {
        const QString name = dbs.first();
        const qsizetype dot = name.indexOf(u'.');
        if (dot > 0 && dot < name.size() - 1)
            r.target = { BrTarget::Scope::Table, name.left(dot), name.mid(dot + 1) };
        else
            r.target = { BrTarget::Scope::Database, name, {} };
    }
    return r;
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
    const BackupJob::Kind k = kind();
    const bool tidb = k == BackupJob::Kind::Br || k == BackupJob::Kind::Sql;
    m_databases->setEnabled(k != BackupJob::Kind::Physical);
    QString problem;
    if (tidb) {
        m_dirLabel->setText(tr("&Storage:"));
        m_dir->setAccessibleName(tr("Backup storage URL"));
        m_dir->setPlaceholderText(m_env.backup.url.trimmed().isEmpty()
                                      ? tr("s3://bucket/prefix or local:///path")
                                      : m_env.backup.url.trimmed());
        m_databases->setPlaceholderText(k == BackupJob::Kind::Br
                                            ? tr("the whole cluster, or one db or db.table")
                                            : tr("all databases"));
        if (storage().isEmpty() && m_env.backup.url.trimmed().isEmpty())
            //: %1 = environment
            problem = tr("%1 has no backup storage URL: type one (s3://..., local://...) or "
                         "set it in the environment.")
                          .arg(m_env.name);
        else if (!storage().isEmpty() && !storage().contains(u"://"_s))
            problem = tr("The storage must be a URL such as s3://bucket/prefix or "
                         "local:///path.");
        if (k == BackupJob::Kind::Br) {
            if (!BackupLauncher::pdAddressOrError(m_env))
                problem = BackupLauncher::pdAddressOrError(m_env).error().message;
            else if (databases().size() > 1)
                problem = tr("BR backs up the whole cluster, one database or one table: name "
                             "at most one.");
            m_hint->setText(
                tr("BR runs on the control host (the environment's SSH host, or this machine), "
                   "detached, and writes to the storage from every TiKV. Storage credentials "
                   "come from the secret store and reach BR through its environment only."));
        } else {
            m_hint->setText(tr("TiDB runs the backup: the statement waits on a connection of "
                               "its own while SHOW BACKUPS reports the progress. Cancel sends "
                               "KILL TIDB QUERY."));
        }
    } else {
        m_dirLabel->setText(tr("&Directory:"));
        m_dir->setAccessibleName(tr("Backup directory on the host"));
        const Result<QString> root = BackupLauncher::rootFor(m_env, {});
        m_dir->setPlaceholderText(root ? *root : QString());
        m_databases->setPlaceholderText(tr("all but the system schemas"));
        m_hint->setText(m_whereText);
        // The directory the launcher would refuse (a BR storage URL) is named here, not later.
        const Result<QString> typed = BackupLauncher::rootFor(m_env, m_dir->text());
        if (!typed)
            problem = typed.error().message;
    }
    m_problem->setVisible(!problem.isEmpty());
    m_problem->setText(problem);
    m_start->setEnabled(problem.isEmpty());
    if (isVisible())
        adjustSize(); // room for the wrapped problem line instead of overlapping the hint
}

} // namespace TiDesk
