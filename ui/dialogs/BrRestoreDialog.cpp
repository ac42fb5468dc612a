#include "BrRestoreDialog.h"

#include "ThemeColors.h"

#include "TierBadge.h"
#include "TierStyle.h"
#include "TypedNameField.h"
#include "dialogs/StartBackupDialog.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

QString shortTime(const QDateTime &utc)
{
    return QLocale().toString(utc.toLocalTime(), u"yyyy-MM-dd HH:mm:ss"_s);
}

} // namespace

QDateTime BrRestoreDialog::timeOfTso(const QString &tso)
{
    bool ok = false;
    const quint64 ts = tso.toULongLong(&ok);
    if (!ok || ts == 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(qint64(ts >> 18), Qt::UTC);
}

BrRestoreDialog::BrRestoreDialog(const Environment &source, const BackupJob &backup,
                                 const EnvironmentList &targets, QWidget *parent)
    : QDialog(parent)
    , m_source(source)
    , m_backup(backup)
    , m_sql(backup.kind == BackupJob::Kind::Sql)
{
    setObjectName(u"brRestoreDialog"_s);
    for (const Environment &e : targets)
        if (StartBackupDialog::isTiDB(e))
            m_targets << e;
    //: Window title: %1 = environment name
    setWindowTitle(m_sql ? tr("Restore with RESTORE \u2014 %1").arg(source.name)
                         : tr("Restore with BR \u2014 %1").arg(source.name));

    auto *title = new QLabel(m_sql ? tr("Restore a SQL BACKUP of %1").arg(source.name)
                                   : tr("Restore a BR backup of %1").arg(source.name),
                             this);
    QFont tf = title->font();
    tf.setBold(true);
    tf.setPointSizeF(tf.pointSizeF() * 1.2);
    title->setFont(tf);
    auto *head = new QHBoxLayout;
    head->addWidget(title, 1);
    head->addWidget(new TierBadge(TierStyle::badgeText(source), TierStyle::color(source), this));

    const QDateTime taken = backup.finishedAt.isValid() ? backup.finishedAt : backup.startedAt;
    auto *about = new QLabel(this);
    about->setObjectName(u"brRestoreBackupInfo"_s);
    about->setWordWrap(true);
    about->setTextInteractionFlags(Qt::TextSelectableByMouse);
    //: %1 = backup id, %2 = date and time, %3 = size, %4 = BackupTS, %5 = storage URL (redacted)
    about->setText(tr("Backup %1, taken %2, %3, BackupTS %4, in %5")
                       .arg(backup.id, shortTime(taken),
                            backup.sizeBytes >= 0 ? QLocale().formattedDataSize(
                                backup.sizeBytes, 1, QLocale::DataSizeTraditionalFormat)
                                                  : tr("size unknown"),
                            backup.backupTs.isEmpty() ? tr("unknown") : backup.backupTs,
                            backup.target));

    m_target = new QComboBox(this);
    m_target->setObjectName(u"brRestoreTarget"_s);
    m_target->setAccessibleName(tr("TiDB environment to restore into"));
    int preferred = -1;
    for (const Environment &e : std::as_const(m_targets)) {
        m_target->addItem(e.name + u"  ("_s + TierStyle::badgeText(e) + u')', e.name);
        if (preferred < 0 && !e.isProduction() && e.name != source.name)
            preferred = m_target->count() - 1;
    }
    if (preferred >= 0)
        m_target->setCurrentIndex(preferred);

    m_whole = new QRadioButton(tr("The &whole backup (br restore full)"), this);
    m_whole->setObjectName(u"brRestoreWhole"_s);
    m_database = new QRadioButton(tr("One &database or table (br restore db | table):"), this);
    m_database->setObjectName(u"brRestoreDatabase"_s);
    m_name = new QLineEdit(this);
    m_name->setObjectName(u"brRestoreName"_s);
    m_name->setAccessibleName(tr("Database or database.table to restore"));
    m_name->setPlaceholderText(tr("db or db.table"));
    m_point
        = new QRadioButton(tr("A &point in time (br restore point, with the log backup):"), this);
    m_point->setObjectName(u"brRestorePoint"_s);
    m_point->setEnabled(false);
    m_until = new QDateTimeEdit(this);
    m_until->setObjectName(u"brRestoreUntil"_s);
    m_until->setAccessibleName(tr("Time to restore to"));
    m_until->setDisplayFormat(u"yyyy-MM-dd HH:mm:ss"_s);
    m_until->setTimeSpec(Qt::LocalTime);
    m_until->setEnabled(false);
    m_window = new QLabel(tr("Reading the log backup window (br log metadata)\u2026"), this);
    m_window->setObjectName(u"brRestoreWindow"_s);
    m_window->setWordWrap(true);
    m_scope = new QButtonGroup(this);
    m_scope->addButton(m_whole);
    m_scope->addButton(m_database);
    m_scope->addButton(m_point);
    m_whole->setChecked(true);

    auto *dbRow = new QHBoxLayout;
    dbRow->addWidget(m_database);
    dbRow->addWidget(m_name, 1);
    auto *pointRow = new QHBoxLayout;
    pointRow->addWidget(m_point);
    pointRow->addWidget(m_until, 1);
    auto *scopeBox = new QVBoxLayout;
    scopeBox->addWidget(m_whole);
    scopeBox->addLayout(dbRow);
    scopeBox->addLayout(pointRow);
    scopeBox->addWidget(m_window);

    auto *form = new QFormLayout;
    form->addRow(tr("Restore &into:"), m_target);
    form->addRow(tr("What:"), scopeBox);

    auto *note = new QLabel(
        m_sql ? tr("TiDB restores on a connection of its own while SHOW RESTORES reports the "
                   "progress. A restore is not atomic and the target tables should not exist, "
                   "so it asks for the target's name.")
              : tr("BR writes into the target cluster's tables; TiDesk cannot see which "
                   "databases a full backup holds, so every BR restore asks for the target's "
                   "name. BR verifies checksums itself."),
        this);
    if (m_sql) {
        m_whole->setText(tr("Every database of the backup (RESTORE DATABASE *)"));
        m_database->setText(tr("These &databases (RESTORE DATABASE a, b):"));
        m_name->setPlaceholderText(tr("db1, db2"));
        m_name->setAccessibleName(tr("Databases to restore"));
        m_point->hide();
        m_until->hide();
        m_window->hide();
    }
    note->setWordWrap(true);
    m_warning = new QLabel(this);
    m_warning->setObjectName(u"brRestoreWarning"_s);
    m_warning->setWordWrap(true);
    m_problem = new QLabel(this);
    m_problem->setObjectName(u"brRestoreProblem"_s);
    m_problem->setWordWrap(true);
    ThemeColors::setTextRole(m_problem, ThemeColors::Role::Error);
    m_confirmBox = new QVBoxLayout;

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_restore = buttons->button(QDialogButtonBox::Ok);
    m_restore->setObjectName(u"brRestoreButton"_s);
    m_restore->setText(tr("Restore"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (isRestoreEnabled())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(head);
    layout->addWidget(about);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_warning);
    layout->addLayout(m_confirmBox);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    resize(660, sizeHint().height());

    connect(m_target, &QComboBox::currentIndexChanged, this, &BrRestoreDialog::onTargetChanged);
    connect(m_scope, &QButtonGroup::buttonToggled, this, &BrRestoreDialog::updateState);
    connect(m_name, &QLineEdit::textChanged, this, &BrRestoreDialog::updateState);
    connect(m_until, &QDateTimeEdit::dateTimeChanged, this, &BrRestoreDialog::updateState);
    onTargetChanged();
}

void BrRestoreDialog::setLogWindow(const QDateTime &from, const QDateTime &to, const QString &error)
{
    m_from = from.toUTC();
    m_to = to.toUTC();
    const bool known = error.isEmpty() && m_from.isValid() && m_to.isValid();
    m_point->setEnabled(known);
    if (!known) {
        if (m_point->isChecked())
            m_whole->setChecked(true);
        //: %1 = why (BR's error, SSH ...)
        m_window->setText(
            tr("Point in time unavailable: %1")
                .arg(error.isEmpty() ? tr("the log backup has no window yet") : error));
        ThemeColors::setTextRole(m_window, ThemeColors::Role::Warning);
        updateState();
        return;
    }
    //: %1, %2 = local date and time
    m_window->setText(
        tr("The log backup reaches from %1 to %2.").arg(shortTime(m_from), shortTime(m_to)));
    ThemeColors::clearTextRole(m_window);
    m_until->setDateTimeRange(m_from.toLocalTime(), m_to.toLocalTime());
    m_until->setDateTime(m_to.toLocalTime());
    updateState();
}

Environment BrRestoreDialog::currentTarget() const
{
    const QString name = m_target->currentData().toString();
    for (const Environment &e : m_targets)
        if (e.name == name)
            return e;
    return {};
}

void BrRestoreDialog::onTargetChanged()
{
    delete m_typed;
    m_typed = nullptr;
    const Environment target = currentTarget();
    if (!target.name.isEmpty()) {
        m_typed = new TypedNameField(target, u"brRestoreTypedName"_s, this);
        m_confirmBox->addWidget(m_typed);
        m_typed->show(); // a child made after the dialog was shown starts hidden
        connect(m_typed, &TypedNameField::matchChanged, this, &BrRestoreDialog::updateState);
    }
    QStringList warnings;
    if (target.isProduction())
        //: %1 = environment name
        warnings << tr("You are restoring into PRODUCTION (%1).").arg(target.name);
    if (!target.name.isEmpty() && target.name == m_source.name)
        warnings << tr("This is the cluster the backup was taken from.");
    m_warning->setText(warnings.join(u' '));
    m_warning->setVisible(!warnings.isEmpty());
    // Text in the target's tier colour, made readable on this theme's window.
    const QColor color = target.name.isEmpty()
        ? ThemeColors::foreground(ThemeColors::Role::Warning, palette())
        : ThemeColors::withContrast(TierStyle::color(target, palette()),
                                    palette().color(QPalette::Window), 4.5);
    m_warning->setStyleSheet(u"color: %1; font-weight: bold;"_s.arg(color.name()));
    updateState();
    if (isVisible())
        adjustSize();
}

void BrRestoreDialog::updateState()
{
    static const QRegularExpression plain(u"^[A-Za-z0-9_$]{1,64}(\\.[A-Za-z0-9_$]{1,64})?$"_s);
    m_name->setEnabled(m_database->isChecked());
    m_until->setEnabled(m_point->isChecked() && m_point->isEnabled());
    QString problem;
    if (currentTarget().name.isEmpty())
        problem = tr("There is no TiDB environment to restore into.");
    else if (m_database->isChecked() && m_sql) {
        static const QRegularExpression name(u"^[A-Za-z0-9_$]{1,64}$"_s);
        const QStringList dbs = StartBackupDialog::parseDatabases(m_name->text());
        if (dbs.isEmpty())
            problem = tr("Name the databases to restore.");
        for (const QString &db : dbs)
            if (problem.isEmpty() && !name.match(db).hasMatch())
                //: %1 = a database name
                problem
                    = tr("\"%1\" is not a plain database name (letters, digits, _ and $).").arg(db);
    } else if (m_database->isChecked() && !plain.match(m_name->text().trimmed()).hasMatch())
        problem = tr("Name one database, or database.table (letters, digits, _ and $).");
    else if (m_point->isChecked()) {
        const QDateTime until = m_until->dateTime().toUTC();
        const QDateTime backupTime = timeOfTso(m_backup.backupTs);
        if (until < m_from || until > m_to)
            problem = tr("The time is outside the log backup's window.");
        else if (backupTime.isValid() && until < backupTime)
            //: %1 = date and time
            problem = tr("The time is before this backup's snapshot (%1): choose a later time "
                         "or an older backup.")
                          .arg(shortTime(backupTime));
    }
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_restore->setEnabled(problem.isEmpty() && m_typed && m_typed->matches());
}

bool BrRestoreDialog::isRestoreEnabled() const
{
    return m_restore->isEnabled();
}

BrRestoreOrder BrRestoreDialog::order() const
{
    BrRestoreOrder o;
    o.sourceEnv = m_source.name;
    o.intoEnv = currentTarget().name;
    o.backup = m_backup;
    if (m_sql) {
        if (m_database->isChecked())
            o.databases = StartBackupDialog::parseDatabases(m_name->text());
    } else if (m_point->isChecked()) {
        o.until = m_until->dateTime().toUTC();
    } else if (m_database->isChecked()) {
        const QString name = m_name->text().trimmed();
        const qsizetype dot = name.indexOf(u'.');
        o.target = dot > 0 ? BrTarget { BrTarget::Scope::Table, name.left(dot), name.mid(dot + 1) }
                           : BrTarget { BrTarget::Scope::Database, name, {} };
    }
    return o;
}

} // namespace TiDesk
