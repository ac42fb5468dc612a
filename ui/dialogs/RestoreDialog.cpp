#include "RestoreDialog.h"

#include "ThemeColors.h"

#include "TierBadge.h"
#include "TierStyle.h"
#include "TypedNameField.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

bool isPlainName(const QString &name)
{
    static const QRegularExpression plain(u"^[A-Za-z0-9_$]{1,64}$"_s);
    return plain.match(name).hasMatch();
}

} // namespace

RestoreDialog::RestoreDialog(Mode mode, const Environment &source, const BackupJob &backup,
                             const EnvironmentList &targets, bool checksumsRecorded,
                             QWidget *parent)
    : QDialog(parent)
    , m_mode(mode)
    , m_source(source)
    , m_backup(backup)
{
    setObjectName(u"restoreDialog"_s);
    for (const Environment &e : targets)
        if (e.engine != EngineOverride::TiDB)
            m_targets << e;
    //: Window title: %1 = environment name
    setWindowTitle(mode == Mode::Drill ? tr("Restore drill \u2014 %1").arg(source.name)
                                       : tr("Restore \u2014 %1").arg(source.name));

    auto *title = new QLabel(mode == Mode::Drill ? tr("Restore drill of %1").arg(source.name)
                                                 : tr("Restore a backup of %1").arg(source.name),
                             this);
    QFont tf = title->font();
    tf.setBold(true);
    tf.setPointSizeF(tf.pointSizeF() * 1.2);
    title->setFont(tf);
    auto *head = new QHBoxLayout;
    head->addWidget(title, 1);
    head->addWidget(new TierBadge(TierStyle::badgeText(source), TierStyle::color(source), this));

    const QString when = (backup.finishedAt.isValid() ? backup.finishedAt : backup.startedAt)
                             .toLocalTime()
                             .toString(u"yyyy-MM-dd HH:mm"_s);
    auto *about = new QLabel(this);
    about->setObjectName(u"restoreBackupInfo"_s);
    about->setWordWrap(true);
    about->setTextInteractionFlags(Qt::TextSelectableByMouse);
    //: %1 = backup id, %2 = date and time, %3 = size, %4 = database names
    about->setText(tr("Backup %1, taken %2, %3: %4")
                       .arg(backup.id, when,
                            backup.sizeBytes >= 0 ? QLocale().formattedDataSize(
                                backup.sizeBytes, 1, QLocale::DataSizeTraditionalFormat)
                                                  : tr("size unknown"),
                            backup.databases.isEmpty() ? tr("no database recorded")
                                                       : backup.databases.join(u", "_s)));
    auto *verify = new QLabel(
        checksumsRecorded
            ? tr("Afterwards every restored table's row count and checksum is compared with "
                 "those recorded when the backup was taken.")
            : tr("No checksums were recorded for this backup: the restore will load it but "
                 "cannot be verified."),
        this);
    verify->setObjectName(u"restoreVerifyNote"_s);
    verify->setWordWrap(true);
    if (!checksumsRecorded)
        ThemeColors::setTextRole(verify, ThemeColors::Role::Warning);

    m_target = new QComboBox(this);
    m_target->setObjectName(u"restoreTarget"_s);
    m_target->setAccessibleName(tr("Environment to restore into"));
    int preferred = -1;
    for (const Environment &e : std::as_const(m_targets)) {
        m_target->addItem(e.name + u"  ("_s + TierStyle::badgeText(e) + u')', e.name);
        if (preferred < 0 && !e.isProduction() && e.name != source.name)
            preferred = m_target->count() - 1;
    }
    if (preferred >= 0)
        m_target->setCurrentIndex(preferred);

    m_renames = new QTableWidget(int(backup.databases.size()), 2, this);
    m_renames->setObjectName(u"restoreRenames"_s);
    m_renames->setAccessibleName(tr("Database names in the target"));
    m_renames->setHorizontalHeaderLabels({ tr("Database in the backup"), tr("Restored as") });
    m_renames->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_renames->verticalHeader()->hide();
    const QString tag
        = QString::number(QRandomGenerator::global()->bounded(0x10000), 16).rightJustified(4, u'0');
    const QList<QPair<QString, QString>> drillNames = RestoreFlow::drillRenames(backup, tag);
    for (int i = 0; i < backup.databases.size(); ++i) {
        auto *from = new QTableWidgetItem(backup.databases.at(i));
        from->setFlags(Qt::ItemIsEnabled);
        m_renames->setItem(i, 0, from);
        auto *to = new QTableWidgetItem(mode == Mode::Drill ? drillNames.at(i).second
                                                            : backup.databases.at(i));
        if (mode == Mode::Drill)
            to->setFlags(Qt::ItemIsEnabled);
        m_renames->setItem(i, 1, to);
    }
    m_renames->setMaximumHeight(40 + 30 * int(qMin<qsizetype>(backup.databases.size(), 5)));

    m_overwrite = new QCheckBox(tr("&Overwrite databases that already hold tables"), this);
    m_overwrite->setObjectName(u"restoreOverwrite"_s);
    m_overwrite->setVisible(mode == Mode::Restore);
    m_keep = new QCheckBox(tr("&Keep the drill databases afterwards"), this);
    m_keep->setObjectName(u"restoreKeepDrill"_s);
    m_keep->setVisible(mode == Mode::Drill);

    auto *form = new QFormLayout;
    form->addRow(tr("Restore &into:"), m_target);
    form->addRow(tr("Databases:"), m_renames);

    m_warning = new QLabel(this);
    m_warning->setObjectName(u"restoreWarning"_s);
    m_warning->setWordWrap(true);
    m_problem = new QLabel(this);
    m_problem->setObjectName(u"restoreProblem"_s);
    m_problem->setWordWrap(true);
    ThemeColors::setTextRole(m_problem, ThemeColors::Role::Error);
    m_confirmBox = new QVBoxLayout;

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_restore = buttons->button(QDialogButtonBox::Ok);
    m_restore->setObjectName(u"restoreButton"_s);
    m_restore->setText(mode == Mode::Drill ? tr("Run drill") : tr("Restore"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (isRestoreEnabled())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(head);
    layout->addWidget(about);
    layout->addLayout(form);
    layout->addWidget(m_overwrite);
    layout->addWidget(m_keep);
    layout->addWidget(verify);
    layout->addWidget(m_warning);
    layout->addLayout(m_confirmBox);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    resize(620, sizeHint().height());

    connect(m_target, &QComboBox::currentIndexChanged, this, &RestoreDialog::onTargetChanged);
    connect(m_overwrite, &QCheckBox::toggled, this, &RestoreDialog::onTargetChanged);
    connect(m_renames, &QTableWidget::itemChanged, this, &RestoreDialog::updateState);
    onTargetChanged();
}

Environment RestoreDialog::currentTarget() const
{
    const QString name = m_target->currentData().toString();
    for (const Environment &e : m_targets)
        if (e.name == name)
            return e;
    return {};
}

QList<QPair<QString, QString>> RestoreDialog::currentRenames() const
{
    QList<QPair<QString, QString>> out;
    for (int i = 0; i < m_renames->rowCount(); ++i)
        out << qMakePair(m_renames->item(i, 0)->text(), m_renames->item(i, 1)->text().trimmed());
    return out;
}

bool RestoreDialog::requiresTypedName() const
{
    const Environment target = currentTarget();
    return !target.name.isEmpty()
        && (target.isProduction() || (m_mode == Mode::Restore && m_overwrite->isChecked()));
}

void RestoreDialog::onTargetChanged()
{
    // The typed name belongs to the target: a new field for every target.
    delete m_typed;
    m_typed = nullptr;
    const Environment target = currentTarget();
    if (requiresTypedName()) {
        m_typed = new TypedNameField(target, u"restoreTypedName"_s, this);
        m_confirmBox->addWidget(m_typed);
        m_typed->show(); // a child made after the dialog was shown starts hidden
        connect(m_typed, &TypedNameField::matchChanged, this, &RestoreDialog::updateState);
    }
    QStringList warnings;
    if (target.isProduction())
        //: %1 = environment name
        warnings << tr("You are restoring into PRODUCTION (%1).").arg(target.name);
    if (m_mode == Mode::Restore && m_overwrite->isChecked())
        warnings << tr("Tables of the same names in the target databases will be replaced.");
    if (target.name == m_source.name && m_mode == Mode::Restore)
        warnings << tr("This is the environment the backup was taken from.");
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

bool RestoreDialog::isRestoreEnabled() const
{
    return m_restore->isEnabled();
}

void RestoreDialog::updateState()
{
    QString problem;
    if (currentTarget().name.isEmpty())
        problem = tr("There is no MariaDB or MySQL environment to restore into.");
    else if (m_backup.databases.isEmpty())
        problem = tr("The backup does not list its databases: it cannot be restored here.");
    QStringList seen;
    for (const auto &[from, to] : currentRenames()) {
        if (!problem.isEmpty())
            break;
        if (!isPlainName(to))
            //: %1 = a database name
            problem = tr("\"%1\" is not a plain database name (letters, digits, _ and $).").arg(to);
        else if (seen.contains(to))
            problem = tr("Two databases would be restored as %1.").arg(to);
        seen << to;
    }
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_restore->setEnabled(problem.isEmpty() && (!m_typed || m_typed->matches()));
}

bool RestoreDialog::keepDrillDatabases() const
{
    return m_keep->isChecked();
}

RestoreOrder RestoreDialog::order() const
{
    RestoreOrder o;
    o.source = m_source;
    o.into = currentTarget();
    o.backup = m_backup;
    o.renames = currentRenames();
    o.overwrite = m_mode == Mode::Restore && m_overwrite->isChecked();
    o.drill = m_mode == Mode::Drill;
    o.keepDrill = m_keep->isChecked();
    return o;
}

} // namespace TiDesk
