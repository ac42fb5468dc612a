#include "AssistProposeBox.h"

#include "StatusPill.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace { } // namespace

AssistProposeBox::AssistProposeBox(QWidget *parent)
    : QWidget(parent)
{
    auto *title = new QLabel(tr("Propose"), this);
    QFont tf = title->font();
    tf.setBold(true);
    title->setFont(tf);
    m_env = new QComboBox(this);
    m_env->setObjectName(u"assistProposeEnvironment"_s);
    m_env->setAccessibleName(tr("Environment of the proposal"));
    m_env->setMinimumContentsLength(14);
    m_envHint = new QLabel(this);
    m_envHint->setObjectName(u"assistProposeEnvHint"_s);
    m_envHint->setWordWrap(true);
    auto *envRow = new QHBoxLayout;
    envRow->addWidget(new QLabel(tr("On:"), this));
    envRow->addWidget(m_env);
    envRow->addWidget(m_envHint, 1);

    m_sql = new QPlainTextEdit(this);
    m_sql->setObjectName(u"assistProposeSql"_s);
    m_sql->setAccessibleName(tr("SQL statement to propose"));
    m_sql->setPlaceholderText(tr("One statement, e.g. SELECT * FROM orders WHERE id = 42"));
    m_sql->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_sql->setMinimumHeight(60);
    m_sql->setMaximumHeight(140);
    m_propose = new QPushButton(tr("Propose SQL"), this);
    m_propose->setObjectName(u"assistProposeButton"_s);
    m_propose->setAccessibleName(tr("Propose the SQL statement"));

    m_variable = new QLineEdit(this);
    m_variable->setObjectName(u"assistProposeVariable"_s);
    m_variable->setAccessibleName(tr("Server variable"));
    m_variable->setPlaceholderText(u"max_statement_time"_s);
    m_variable->setValidator(
        new QRegularExpressionValidator(QRegularExpression(u"[A-Za-z0-9_.]{1,64}"_s), this));
    m_value = new QLineEdit(this);
    m_value->setObjectName(u"assistProposeValue"_s);
    m_value->setAccessibleName(tr("New value"));
    m_value->setPlaceholderText(tr("value"));
    m_proposeSet = new QPushButton(tr("Propose SET GLOBAL"), this);
    m_proposeSet->setObjectName(u"assistProposeSet"_s);
    m_proposeSet->setAccessibleName(tr("Propose changing the server variable"));
    auto *setRow = new QHBoxLayout;
    setRow->addWidget(new QLabel(u"SET GLOBAL"_s, this));
    setRow->addWidget(m_variable, 2);
    setRow->addWidget(new QLabel(u"="_s, this));
    setRow->addWidget(m_value, 1);
    setRow->addWidget(m_proposeSet);

    m_backupKind = new QComboBox(this);
    m_backupKind->setObjectName(u"assistProposeBackupKind"_s);
    m_backupKind->setAccessibleName(tr("Kind of backup"));
    m_backupKind->addItem(tr("Logical (SQL dump)"), u"logical"_s);
    m_backupKind->addItem(tr("Physical (whole server)"), u"physical"_s);
    m_backupDatabases = new QLineEdit(this);
    m_backupDatabases->setObjectName(u"assistProposeBackupDatabases"_s);
    m_backupDatabases->setAccessibleName(tr("Databases to back up"));
    m_backupDatabases->setPlaceholderText(tr("databases, e.g. shop, crm (empty: all)"));
    m_backupDatabases->setToolTip(tr("A logical backup of these databases only; empty backs up "
                                     "every database but the system ones."));
    m_proposeBackup = new QPushButton(tr("Propose backup"), this);
    m_proposeBackup->setObjectName(u"assistProposeBackup"_s);
    m_proposeBackup->setAccessibleName(tr("Propose starting a backup"));
    auto *backupRow = new QHBoxLayout;
    backupRow->addWidget(new QLabel(tr("Backup:"), this));
    backupRow->addWidget(m_backupKind);
    backupRow->addWidget(m_backupDatabases, 1);
    backupRow->addWidget(m_proposeBackup);

    auto *sqlButtons = new QHBoxLayout;
    sqlButtons->addStretch(1);
    sqlButtons->addWidget(m_propose);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addLayout(envRow);
    layout->addWidget(m_sql);
    layout->addLayout(sqlButtons);
    layout->addLayout(setRow);
    layout->addLayout(backupRow);

    connect(m_sql, &QPlainTextEdit::textChanged, this, &AssistProposeBox::updateButtons);
    connect(m_variable, &QLineEdit::textChanged, this, &AssistProposeBox::updateButtons);
    connect(m_value, &QLineEdit::textChanged, this, &AssistProposeBox::updateButtons);
    connect(m_backupDatabases, &QLineEdit::textChanged, this, &AssistProposeBox::updateButtons);
    connect(m_backupKind, &QComboBox::currentIndexChanged, this, &AssistProposeBox::updateButtons);
    connect(m_env, &QComboBox::currentIndexChanged, this, [this] {
        updateEnvHint();
        updateButtons();
    });
    connect(m_propose, &QPushButton::clicked, this, [this] {
        AssistProposal p;
        p.action = AssistProposal::Action::Sql;
        p.environment = environment();
        p.sql = m_sql->toPlainText().trimmed();
        if (p.environment.isEmpty() || p.sql.isEmpty())
            return;
        emit proposeRequested(p);
    });
    connect(m_proposeSet, &QPushButton::clicked, this, [this] {
        AssistProposal p;
        p.action = AssistProposal::Action::SetVariable;
        p.environment = environment();
        p.variable = m_variable->text().trimmed();
        p.value = m_value->text().trimmed();
        if (p.environment.isEmpty() || p.variable.isEmpty() || p.value.isEmpty())
            return;
        emit proposeRequested(p);
    });
    connect(m_proposeBackup, &QPushButton::clicked, this, [this] {
        AssistProposal p;
        p.action = AssistProposal::Action::Backup;
        p.environment = environment();
        p.backupKind = m_backupKind->currentData().toString();
        if (p.environment.isEmpty())
            return;
        if (p.backupKind == u"logical"_s) { // a physical backup takes no database list
            const std::optional<QStringList> dbs = backupDatabases();
            if (!dbs)
                return;
            p.databases = *dbs;
        }
        emit proposeRequested(p);
    });
    updateButtons();
}

std::optional<QStringList> AssistProposeBox::backupDatabases() const
{
    // The names the host accepts (AssistProposal::fromJson).
    static const QRegularExpression name(u"^[A-Za-z0-9_$]{1,64}$"_s);
    static const QRegularExpression separators(u"[,\\s]+"_s);
    QStringList out;
    const QStringList parts = m_backupDatabases->text().split(separators, Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        if (!name.match(part).hasMatch())
            return std::nullopt;
        if (!out.contains(part))
            out << part;
    }
    return out;
}

void AssistProposeBox::setEnvironments(const QList<AssistExpertSession::SharedEnvironment> &envs)
{
    const QString current = environment();
    m_envs = envs;
    const QSignalBlocker block(m_env);
    m_env->clear();
    for (const AssistExpertSession::SharedEnvironment &e : envs) {
        const QColor c(e.color);
        m_env->addItem(
            StatusPill::dotIcon(c.isValid() ? c : QColor(0x75, 0x75, 0x75), 14),
            //: Environment combo: %1 = name, %2 = tier
            tr("%1 (%2)").arg(e.name, e.production ? tr("PRODUCTION") : e.tier.toUpper()), e.name);
    }
    if (!current.isEmpty())
        setEnvironment(current);
    updateEnvHint();
    updateButtons();
}

QString AssistProposeBox::environment() const
{
    return m_env->currentData().toString();
}

bool AssistProposeBox::setEnvironment(const QString &name)
{
    const int i = m_env->findData(name);
    if (i < 0)
        return false;
    m_env->setCurrentIndex(i);
    return true;
}

void AssistProposeBox::setProposeEnabled(bool enabled)
{
    m_enabled = enabled;
    updateButtons();
}

void AssistProposeBox::updateButtons()
{
    const bool env = !environment().isEmpty();
    m_propose->setEnabled(m_enabled && env && !m_sql->toPlainText().trimmed().isEmpty());
    m_proposeSet->setEnabled(m_enabled && env && !m_variable->text().trimmed().isEmpty()
                             && !m_value->text().trimmed().isEmpty());
    // A physical backup copies the whole server: no database list.
    const bool logical = m_backupKind->currentData().toString() == u"logical"_s;
    m_backupDatabases->setEnabled(logical);
    const bool dbsOk = !logical || backupDatabases().has_value();
    m_proposeBackup->setEnabled(m_enabled && env && dbsOk);
    m_proposeBackup->setToolTip(dbsOk ? QString()
                                      : tr("A database name may hold letters, digits, _ and $ "
                                           "only."));
}

void AssistProposeBox::updateEnvHint()
{
    const QString name = environment();
    for (const AssistExpertSession::SharedEnvironment &e : std::as_const(m_envs)) {
        if (e.name != name)
            continue;
        QPalette p = m_envHint->palette();
        if (e.production) {
            m_envHint->setText(tr("PRODUCTION: every proposal waits for the DBA, who types the "
                                  "environment's name to approve."));
            p.setColor(QPalette::WindowText,
                       QColor(e.color).isValid() ? QColor(e.color) : QColor(0xc6, 0x28, 0x28));
        } else {
            m_envHint->setText(e.autoApproveReadOnly
                                   ? tr("Read-only statements run at once; others wait for the "
                                        "DBA.")
                                   : tr("Every proposal waits for the DBA."));
            p.setColor(QPalette::WindowText, palette().color(QPalette::WindowText));
        }
        m_envHint->setPalette(p);
        QFont f = m_envHint->font();
        f.setBold(e.production);
        m_envHint->setFont(f);
        return;
    }
    m_envHint->clear();
}

} // namespace TiDesk
