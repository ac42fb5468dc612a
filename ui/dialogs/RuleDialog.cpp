#include "RuleDialog.h"

#include "TierStyle.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

QStringList splitList(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        const QString t = part.trimmed();
        if (!t.isEmpty())
            out << t;
    }
    return out;
}

} // namespace

RuleDialog::RuleDialog(const KillRule &rule, const QStringList &takenNames, QWidget *parent)
    : QDialog(parent)
    , m_original(rule)
    , m_taken(takenNames)
{
    setObjectName(u"ruleDialog"_s);
    setWindowTitle(rule.name.isEmpty() ? tr("New rule") : tr("Edit rule %1").arg(rule.name));

    auto makeEdit = [this](const QString &object, const QString &text, const QString &hint) {
        auto *e = new QLineEdit(text, this);
        e->setObjectName(object);
        e->setPlaceholderText(hint);
        e->setAccessibleName(hint);
        connect(e, &QLineEdit::textChanged, this, &RuleDialog::updateState);
        return e;
    };
    const QString listHint = tr("comma-separated, * and ? allowed");

    m_name = makeEdit(u"ruleName"_s, rule.name, tr("e.g. long-selects"));
    m_enabled = new QCheckBox(tr("Enabled"), this);
    m_enabled->setObjectName(u"ruleEnabled"_s);
    m_enabled->setChecked(rule.enabled);

    m_envs = makeEdit(u"ruleEnvironments"_s, rule.scope.environments.join(u", "_s),
                      tr("environment names, comma-separated"));
    auto *tierRow = new QHBoxLayout;
    for (Tier t : { Tier::Prod, Tier::Uat, Tier::Test, Tier::Dev, Tier::Custom }) {
        auto *box = new QCheckBox(TierStyle::groupName(t), this);
        box->setObjectName(u"ruleTier_"_s + Environment::tierName(t));
        box->setChecked(rule.scope.tiers.contains(t));
        connect(box, &QCheckBox::toggled, this, &RuleDialog::updateState);
        m_tiers << qMakePair(t, box);
        tierRow->addWidget(box);
    }
    tierRow->addStretch(1);

    m_busy = new QDoubleSpinBox(this);
    m_busy->setObjectName(u"ruleBusySeconds"_s);
    m_busy->setRange(0, 86400);
    m_busy->setDecimals(1);
    m_busy->setSuffix(tr(" s"));
    m_busy->setSpecialValueText(tr("any"));
    m_busy->setValue(rule.match.busyTimeMs ? double(*rule.match.busyTimeMs) / 1000.0 : 0);
    m_busy->setAccessibleName(tr("Busy time at least, seconds"));
    connect(m_busy, &QDoubleSpinBox::valueChanged, this, &RuleDialog::updateState);
    m_users = makeEdit(u"ruleUsers"_s, rule.match.users.join(u", "_s), listHint);
    m_hosts = makeEdit(u"ruleHosts"_s, rule.match.hosts.join(u", "_s), listHint);
    m_dbs = makeEdit(u"ruleDbs"_s, rule.match.dbs.join(u", "_s), listHint);
    m_commands
        = makeEdit(u"ruleCommands"_s, rule.match.commands.join(u", "_s), tr("e.g. Query, Execute"));
    m_digests = makeEdit(u"ruleDigests"_s, rule.match.digests.join(u", "_s),
                         tr("64-hex statement digests"));
    m_regex = makeEdit(u"ruleSqlRegex"_s, rule.match.sqlRegex, tr("Perl regular expression"));
    m_memMiB = new QSpinBox(this);
    m_memMiB->setObjectName(u"ruleMemoryMiB"_s);
    m_memMiB->setRange(0, 1024 * 1024);
    m_memMiB->setSuffix(tr(" MiB"));
    m_memMiB->setSpecialValueText(tr("any"));
    m_memMiB->setValue(rule.match.memBytesAtLeast ? int(*rule.match.memBytesAtLeast / (1024 * 1024))
                                                  : 0);
    m_memMiB->setAccessibleName(tr("Memory at least, MiB"));
    connect(m_memMiB, &QSpinBox::valueChanged, this, &RuleDialog::updateState);
    m_exclude = makeEdit(u"ruleExcludeUsers"_s, rule.excludeUsers.join(u", "_s), listHint);

    m_action = new QComboBox(this);
    m_action->setObjectName(u"ruleAction"_s);
    m_action->addItem(tr("Notify only"), int(RuleAction::Notify));
    m_action->addItem(tr("Kill query"), int(RuleAction::KillQuery));
    m_action->addItem(tr("Kill connection"), int(RuleAction::KillConnection));
    m_action->setCurrentIndex(m_action->findData(int(rule.action)));
    m_mode = new QComboBox(this);
    m_mode->setObjectName(u"ruleMode"_s);
    m_mode->addItem(tr("Dry-run (log what would be killed)"), int(RuleMode::DryRun));
    m_mode->addItem(tr("Enforce"), int(RuleMode::Enforce));
    m_mode->setCurrentIndex(m_mode->findData(int(rule.mode)));
    m_victims = new QComboBox(this);
    m_victims->setObjectName(u"ruleVictims"_s);
    m_victims->addItem(tr("Every matching session"), int(RuleVictims::All));
    m_victims->addItem(tr("Only the oldest"), int(RuleVictims::Oldest));
    m_victims->setCurrentIndex(m_victims->findData(int(rule.victims)));
    m_rate = new QSpinBox(this);
    m_rate->setObjectName(u"ruleRateLimit"_s);
    m_rate->setRange(1, 10000);
    m_rate->setSuffix(tr(" per minute"));
    m_rate->setValue(rule.maxKillsPerMinute);
    for (QComboBox *c : { m_action, m_mode, m_victims })
        connect(c, &QComboBox::currentIndexChanged, this, &RuleDialog::updateState);
    QStringList enforced;
    for (auto it = rule.envModes.cbegin(); it != rule.envModes.cend(); ++it)
        if (it.value() == RuleMode::Enforce)
            enforced << it.key();
    enforced.sort();
    m_enforceOn = makeEdit(u"ruleEnforceOn"_s, enforced.join(u", "_s),
                           tr("production environments, by name"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(QString(), m_enabled);
    form->addRow(tr("Environments:"), m_envs);
    form->addRow(tr("Tiers:"), tierRow);
    form->addRow(tr("&Busy at least:"), m_busy);
    form->addRow(tr("&Users:"), m_users);
    form->addRow(tr("Hosts:"), m_hosts);
    form->addRow(tr("Databases:"), m_dbs);
    form->addRow(tr("Commands:"), m_commands);
    form->addRow(tr("Digests:"), m_digests);
    form->addRow(tr("SQL &regex:"), m_regex);
    form->addRow(tr("Memory at least:"), m_memMiB);
    form->addRow(tr("Never touch users:"), m_exclude);
    form->addRow(tr("&Action:"), m_action);
    form->addRow(tr("&Mode:"), m_mode);
    form->addRow(tr("Victims:"), m_victims);
    form->addRow(tr("At most:"), m_rate);
    form->addRow(tr("Enforce on production:"), m_enforceOn);

    auto *note = new QLabel(tr("System threads, replication users and TiDesk's own connections are "
                               "never matched. On production environments a rule stays in "
                               "dry-run unless the environment is named under \"Enforce on "
                               "production\"."),
                            this);
    note->setWordWrap(true);
    m_problem = new QLabel(this);
    m_problem->setObjectName(u"ruleProblem"_s);
    m_problem->setWordWrap(true);
    QPalette p = m_problem->palette();
    p.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    m_problem->setPalette(p);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(u"ruleOk"_s);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (isValid())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    resize(620, sizeHint().height());
    updateState();
}

KillRule RuleDialog::rule() const
{
    KillRule r = m_original;
    r.name = m_name->text().trimmed();
    r.enabled = m_enabled->isChecked();
    r.scope.environments = splitList(m_envs->text());
    r.scope.tiers.clear();
    for (const auto &[tier, box] : m_tiers)
        if (box->isChecked())
            r.scope.tiers << tier;
    r.match.busyTimeMs = m_busy->value() > 0
        ? std::optional<qint64>(qRound64(m_busy->value() * 1000.0))
        : std::nullopt;
    r.match.users = splitList(m_users->text());
    r.match.hosts = splitList(m_hosts->text());
    r.match.dbs = splitList(m_dbs->text());
    r.match.commands = splitList(m_commands->text());
    r.match.digests = splitList(m_digests->text());
    r.match.sqlRegex = m_regex->text().trimmed();
    r.match.memBytesAtLeast = m_memMiB->value() > 0
        ? std::optional<qint64>(qint64(m_memMiB->value()) * 1024 * 1024)
        : std::nullopt;
    r.excludeUsers = splitList(m_exclude->text());
    r.action = RuleAction(m_action->currentData().toInt());
    r.mode = RuleMode(m_mode->currentData().toInt());
    r.victims = RuleVictims(m_victims->currentData().toInt());
    r.maxKillsPerMinute = m_rate->value();
    // Explicit per-environment enforcement: exactly the environments named.
    for (auto it = r.envModes.begin(); it != r.envModes.end();) {
        if (it.value() == RuleMode::Enforce)
            it = r.envModes.erase(it);
        else
            ++it;
    }
    for (const QString &env : enforcedEnvironments())
        r.envModes.insert(env, RuleMode::Enforce);
    r.compile();
    return r;
}

QStringList RuleDialog::enforcedEnvironments() const
{
    return splitList(m_enforceOn->text());
}

QString RuleDialog::problem() const
{
    const KillRule r = rule();
    if (r.name.isEmpty())
        return tr("A rule needs a name.");
    if (m_taken.contains(r.name))
        return tr("Another rule is already called %1.").arg(r.name);
    return r.validate();
}

void RuleDialog::updateState()
{
    const QString p = problem();
    m_problem->setText(p);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(p.isEmpty());
}

} // namespace TiDesk
