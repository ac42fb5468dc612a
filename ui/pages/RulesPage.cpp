#include "RulesPage.h"

#include "MessageBanner.h"
#include "PageHeading.h"
#include "TierStyle.h"
#include "common/MetricFormat.h"
#include "dialogs/RuleDialog.h"
#include "guardrails/GuardrailWriter.h"
#include "rules/RulePushDown.h"
#include "rules/RuleRunner.h"
#include "rules/SessionRuleKiller.h"
#include "sessions/SessionKiller.h"
#include "sql/EnvironmentConnection.h"
#include "sql/SqlConnection.h"
#include "tunnel/BastionTunnels.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

constexpr int kMaxDecisionRows = 1000;
const QColor kAmber(0xb2, 0x6a, 0x00);
const QColor kRed(0xc6, 0x28, 0x28);

QTableWidgetItem *item(const QString &text)
{
    auto *i = new QTableWidgetItem(text);
    i->setToolTip(text);
    return i;
}

QString scopeText(const KillRule &r)
{
    QStringList parts = r.scope.environments;
    for (Tier t : r.scope.tiers)
        parts << TierStyle::groupName(t);
    return parts.join(u", "_s);
}

QString matchText(const KillRule &r)
{
    QStringList parts;
    if (r.match.busyTimeMs)
        //: rule criterion: busy time at least %1 (a duration)
        parts << QCoreApplication::translate("TiDesk::RulesPage", "busy \u2265 %1")
                     .arg(MetricFormat::value(double(*r.match.busyTimeMs) / 1000.0,
                                              MetricUnit::Seconds));
    if (!r.match.users.isEmpty())
        parts << QCoreApplication::translate("TiDesk::RulesPage", "user %1")
                     .arg(r.match.users.join(u'|'));
    if (!r.match.hosts.isEmpty())
        parts << QCoreApplication::translate("TiDesk::RulesPage", "host %1")
                     .arg(r.match.hosts.join(u'|'));
    if (!r.match.dbs.isEmpty())
        parts << QCoreApplication::translate("TiDesk::RulesPage", "db %1")
                     .arg(r.match.dbs.join(u'|'));
    if (!r.match.commands.isEmpty())
        parts << QCoreApplication::translate("TiDesk::RulesPage", "command %1")
                     .arg(r.match.commands.join(u'|'));
    if (!r.match.digests.isEmpty())
        parts << QCoreApplication::translate("TiDesk::RulesPage", "%n digest(s)", nullptr,
                                             int(r.match.digests.size()));
    if (!r.match.sqlRegex.isEmpty())
        parts
            << QCoreApplication::translate("TiDesk::RulesPage", "SQL ~ /%1/").arg(r.match.sqlRegex);
    if (r.match.memBytesAtLeast)
        parts << QCoreApplication::translate("TiDesk::RulesPage", "memory \u2265 %1")
                     .arg(MetricFormat::value(double(*r.match.memBytesAtLeast), MetricUnit::Bytes));
    return parts.join(u", "_s);
}

QString actionText(RuleAction a)
{
    switch (a) {
    case RuleAction::Notify: return QCoreApplication::translate("TiDesk::RulesPage", "Notify");
    case RuleAction::KillQuery:
        return QCoreApplication::translate("TiDesk::RulesPage", "Kill query");
    case RuleAction::KillConnection:
        return QCoreApplication::translate("TiDesk::RulesPage", "Kill connection");
    }
    return {};
}

QString modeText(const KillRule &r)
{
    QString text = r.mode == RuleMode::Enforce
        ? QCoreApplication::translate("TiDesk::RulesPage", "Enforce")
        : QCoreApplication::translate("TiDesk::RulesPage", "Dry-run");
    QStringList enforced;
    for (auto it = r.envModes.cbegin(); it != r.envModes.cend(); ++it)
        if (it.value() == RuleMode::Enforce)
            enforced << it.key();
    if (!enforced.isEmpty()) {
        enforced.sort();
        //: %1 = the mode, %2 = environment names where the rule enforces
        text = QCoreApplication::translate("TiDesk::RulesPage", "%1; enforce on %2")
                   .arg(text, enforced.join(u", "_s));
    }
    return text;
}

} // namespace

RulesPage::RulesPage(const CoreServices &services, const QString &rulesPath, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
    , m_path(rulesPath.isEmpty() ? RuleSet::defaultPath() : rulesPath)
{
    setObjectName(u"rulesPage"_s);
    m_runner = new RuleRunner(services, services.audit, this);
    DialectOptions options;
    if (!services.tidbCatalogSchema.isEmpty())
        options.catalogSchema = services.tidbCatalogSchema;
    m_runner->setDialectOptions(options);
    m_killer = new SessionKiller(services, {}, this);
    m_ruleKiller = std::make_unique<SessionRuleKiller>(m_killer);
    m_runner->setKiller(m_ruleKiller.get());

    auto *title = new PageHeading(tr("Rules"), this);
    m_status = new QLabel(this);
    m_status->setObjectName(u"rulesStatus"_s);
    m_run = new QPushButton(tr("&Start"), this);
    m_run->setObjectName(u"rulesRun"_s);
    m_run->setCheckable(true);
    m_run->setAccessibleName(tr("Run the rules"));
    connect(m_run, &QPushButton::toggled, this, &RulesPage::setRunning);
    auto *head = new QHBoxLayout;
    head->addWidget(title);
    head->addStretch(1);
    head->addWidget(m_status);
    head->addWidget(m_run);

    m_headline = PageHeading::makeHeadline(u"rulesHeadline"_s, tr("Rules summary"), 1.6, this);

    m_banner = new MessageBanner(this);
    m_banner->setObjectName(u"rulesBanner"_s);

    m_table = new QTableWidget(0, 8, this);
    m_table->setObjectName(u"rulesTable"_s);
    m_table->setAccessibleName(tr("Kill rules"));
    m_table->setHorizontalHeaderLabels({ tr("Rule"), tr("On"), tr("Scope"), tr("Matches"),
                                         tr("Action"), tr("Mode"), tr("Victims"),
                                         tr("At most / min") });
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this] { editSelected(); });

    m_add = new QPushButton(tr("&Add\u2026"), this);
    m_add->setObjectName(u"rulesAdd"_s);
    m_edit = new QPushButton(tr("&Edit\u2026"), this);
    m_edit->setObjectName(u"rulesEdit"_s);
    m_remove = new QPushButton(tr("Re&move"), this);
    m_remove->setObjectName(u"rulesRemove"_s);
    m_pushDown = new QPushButton(tr("&Push down to TiDB\u2026"), this);
    m_pushDown->setObjectName(u"rulesPushDown"_s);
    m_pushDown->setToolTip(tr("Let TiDB 7.2+ stop these statements itself (QUERY_LIMIT, QUERY "
                              "WATCH): the statements are shown before anything runs"));
    connect(m_add, &QPushButton::clicked, this, &RulesPage::addRule);
    connect(m_edit, &QPushButton::clicked, this, &RulesPage::editSelected);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const QString name = selectedRuleName();
        if (!name.isEmpty())
            removeRule(name);
    });
    connect(m_pushDown, &QPushButton::clicked, this, &RulesPage::pushDownSelected);
    auto *buttons = new QHBoxLayout;
    auto *pathLabel = new QLabel(tr("File: %1").arg(m_path), this);
    pathLabel->setObjectName(u"rulesPath"_s);
    pathLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    buttons->addWidget(pathLabel, 1);
    buttons->addWidget(m_add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_remove);
    buttons->addWidget(m_pushDown);

    auto *decisionsTitle = new QLabel(tr("Decisions (newest first)"), this);
    QFont df = decisionsTitle->font();
    df.setBold(true);
    decisionsTitle->setFont(df);
    m_decisions = new QTableWidget(0, 8, this);
    m_decisions->setObjectName(u"rulesDecisions"_s);
    m_decisions->setAccessibleName(tr("Rule decisions"));
    m_decisions->setHorizontalHeaderLabels({ tr("Time"), tr("Environment"), tr("Rule"), tr("Mode"),
                                             tr("Action"), tr("Session"), tr("Why"),
                                             tr("Result") });
    m_decisions->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_decisions->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_decisions->verticalHeader()->hide();
    m_decisions->horizontalHeader()->setStretchLastSection(true);
    m_decisions->setWordWrap(false);

    auto *top = new QWidget(this);
    auto *tl = new QVBoxLayout(top);
    tl->setContentsMargins(0, 0, 0, 0);
    tl->addWidget(m_table, 1);
    tl->addLayout(buttons);
    auto *bottom = new QWidget(this);
    auto *bl = new QVBoxLayout(bottom);
    bl->setContentsMargins(0, 0, 0, 0);
    bl->addWidget(decisionsTitle);
    bl->addWidget(m_decisions, 1);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(bottom);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(head);
    layout->addWidget(m_headline);
    layout->addWidget(m_banner);
    layout->addWidget(split, 1);

    connect(m_runner, &RuleRunner::decisionHandled, this, &RulesPage::addDecision);
    connect(m_runner, &RuleRunner::environmentError, this,
            [this](const QString &env, const Error &error) {
                //: %1 = environment, %2 = the error
                m_banner->showMessage(MessageBanner::Kind::Warning,
                                      tr("%1 could not be watched: %2").arg(env, error.message),
                                      error.detail);
            });
    connect(m_runner, &RuleRunner::environmentWarning, this,
            [this](const QString &env, const QString &message) {
                m_banner->showMessage(MessageBanner::Kind::Warning, tr("%1: %2").arg(env, message));
            });
    connect(m_runner, &RuleRunner::auditFailed, this, [this](const Error &error) {
        m_banner->showMessage(MessageBanner::Kind::Error, error.message, error.detail);
    });
    connect(&m_loadWatcher, &QFutureWatcherBase::finished, this, &RulesPage::onLoaded);
    connect(&m_saveWatcher, &QFutureWatcherBase::finished, this, [this] {
        const VoidResult r = m_saveWatcher.result();
        if (r) {
            m_rules = m_saving;
            m_runner->setRules(m_rules);
            showRules();
            m_banner->showMessage(MessageBanner::Kind::Success, m_savingWhat);
            emit rulesSaved(true, m_savingWhat);
        } else {
            //: %1 = the error
            m_banner->showMessage(MessageBanner::Kind::Error,
                                  tr("The rules were not saved: %1").arg(r.error().message),
                                  r.error().detail);
            emit rulesSaved(false, r.error().message);
        }
    });
    showRules();
    reload();
}

RulesPage::~RulesPage()
{
    m_runner->stop();
    m_runner->setKiller(nullptr);
    m_loadWatcher.disconnect(this);
    m_saveWatcher.disconnect(this);
    m_loadWatcher.waitForFinished();
    m_saveWatcher.waitForFinished();
}

bool RulesPage::isRunning() const
{
    return m_runner->isRunning();
}

QString RulesPage::headlineText() const
{
    return m_headline->text();
}

void RulesPage::setEnvironments(const EnvironmentList &envs)
{
    m_envs = envs;
    m_runner->setEnvironments(envs);
    updateHeadline();
}

std::optional<Environment> RulesPage::environment(const QString &name) const
{
    for (const Environment &e : m_envs)
        if (e.name == name)
            return e;
    return std::nullopt;
}

void RulesPage::reload()
{
    if (m_loadWatcher.isRunning())
        return;
    const QString path = m_path;
    m_loadWatcher.setFuture(QtConcurrent::run(m_services.pool, [path]() -> Result<RuleSet> {
        Result<RuleSet> r = RuleSet::load(path);
        if (!r && r.error().kind == ErrorKind::NotFound)
            return RuleSet {}; // no file yet: no rules
        return r;
    }));
}

void RulesPage::onLoaded()
{
    const Result<RuleSet> r = m_loadWatcher.result();
    if (!r) {
        // A broken file is never overwritten by accident: the page stays read-only until it is
        // fixed (the error names the rule and the field).
        m_banner->showMessage(MessageBanner::Kind::Error,
                              tr("The rules file could not be read: %1").arg(r.error().message),
                              r.error().detail);
        m_add->setEnabled(false);
        m_edit->setEnabled(false);
        m_remove->setEnabled(false);
        return;
    }
    m_loaded = true;
    m_rules = *r;
    m_runner->setRules(m_rules);
    showRules();
    // Rules run while TiDesk is open; modes (dry-run, production policy) decide what they do.
    bool anyEnabled = false;
    for (const KillRule &rule : m_rules.rules)
        anyEnabled = anyEnabled || rule.enabled;
    if (anyEnabled && !m_run->isChecked())
        m_run->setChecked(true);
    emit rulesLoaded();
}

void RulesPage::setRunning(bool running)
{
    if (m_run->isChecked() != running)
        m_run->setChecked(running); // re-enters through toggled
    m_run->setText(running ? tr("&Stop") : tr("&Start"));
    if (running)
        m_runner->start();
    else
        m_runner->stop();
    updateHeadline();
}

void RulesPage::showRules()
{
    m_table->setRowCount(0);
    for (const KillRule &r : m_rules.rules) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, item(r.name));
        m_table->setItem(row, 1, item(r.enabled ? tr("yes") : tr("no")));
        m_table->setItem(row, 2, item(scopeText(r)));
        m_table->setItem(row, 3, item(matchText(r)));
        m_table->setItem(row, 4, item(actionText(r.action)));
        auto *mode = item(modeText(r));
        mode->setForeground(r.mode == RuleMode::Enforce || !r.envModes.isEmpty() ? kRed : kAmber);
        m_table->setItem(row, 5, mode);
        m_table->setItem(row, 6, item(r.victims == RuleVictims::Oldest ? tr("oldest") : tr("all")));
        m_table->setItem(row, 7, item(QString::number(r.maxKillsPerMinute)));
    }
    m_table->resizeColumnsToContents();
    const bool loaded = m_loaded;
    m_add->setEnabled(loaded);
    m_edit->setEnabled(loaded && !m_rules.rules.isEmpty());
    m_remove->setEnabled(loaded && !m_rules.rules.isEmpty());
    m_pushDown->setEnabled(loaded && !m_rules.rules.isEmpty());
    updateHeadline();
}

void RulesPage::updateHeadline()
{
    int enforcing = 0;
    int dryRun = 0;
    for (const KillRule &r : m_rules.rules) {
        if (!r.enabled)
            continue;
        if (r.mode == RuleMode::Enforce || !r.envModes.isEmpty())
            ++enforcing;
        else
            ++dryRun;
    }
    QString text;
    if (m_rules.rules.isEmpty()) {
        text = tr("No rules yet");
    } else {
        //: %1 = rules that enforce somewhere, %2 = dry-run rules
        text = tr("%1 enforcing \u00b7 %2 dry-run").arg(enforcing).arg(dryRun);
        if (m_wouldHaveKilled + m_killed + m_notified > 0)
            //: appended: %1 kills, %2 would-have-kills of this run
            text
                += tr(" \u00b7 %1 killed, %2 would have been").arg(m_killed).arg(m_wouldHaveKilled);
    }
    m_headline->setText(text);
    PageHeading::setHeadlineColor(m_headline, m_killed > 0 ? kRed : QColor());
    //: %1 = number of environments watched
    m_status->setText(isRunning() ? tr("Running \u00b7 environments watched: %1")
                                        .arg(m_runner->polledEnvironments().size())
                                  : tr("Stopped"));
}

QString RulesPage::selectedRuleName() const
{
    const int row = m_table->currentRow();
    if (row < 0 || !m_table->item(row, 0))
        return {};
    return m_table->item(row, 0)->text();
}

void RulesPage::addRule()
{
    KillRule fresh; // notify, dry-run
    QStringList taken;
    for (const KillRule &r : m_rules.rules)
        taken << r.name;
    auto *dlg = new RuleDialog(fresh, taken, this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    connect(dlg, &QDialog::accepted, this, [this, dlg] { saveRule(dlg->rule()); });
    dlg->open();
}

void RulesPage::editSelected()
{
    const QString name = selectedRuleName();
    const KillRule *rule = m_rules.rule(name);
    if (!rule)
        return;
    QStringList taken;
    for (const KillRule &r : m_rules.rules)
        if (r.name != name)
            taken << r.name;
    auto *dlg = new RuleDialog(*rule, taken, this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    connect(dlg, &QDialog::accepted, this, [this, dlg, name] { saveRule(dlg->rule(), name); });
    dlg->open();
}

void RulesPage::saveRule(const KillRule &rule, const QString &replacing)
{
    RuleSet set = m_rules;
    const QString key = replacing.isEmpty() ? rule.name : replacing;
    bool replaced = false;
    for (KillRule &r : set.rules) {
        if (r.name == key) {
            r = rule;
            replaced = true;
        }
    }
    if (!replaced)
        set.rules << rule;
    if (const QString problem = set.validate(); !problem.isEmpty()) {
        m_banner->showMessage(MessageBanner::Kind::Error, problem);
        return;
    }
    // Enforcing on a production environment is its own decision: confirm it with the name.
    const KillRule *before = m_rules.rule(key);
    for (auto it = rule.envModes.cbegin(); it != rule.envModes.cend(); ++it) {
        if (it.value() != RuleMode::Enforce)
            continue;
        const bool wasEnforced = before && before->envModes.value(it.key()) == RuleMode::Enforce;
        const std::optional<Environment> env = environment(it.key());
        if (wasEnforced || !env || !env->isProduction())
            continue;
        if (m_confirm)
            m_confirm->close();
        //: %1 = rule name, %2 = what it does
        auto *dlg = new ConfirmActionDialog(
            *env, tr("Let rule %1 kill on %2?").arg(rule.name, env->name),
            tr("Matching sessions on %1 will be killed (%2) without asking, at most %3 a minute. "
               "Every kill is audited.")
                .arg(env->name, actionText(rule.action))
                .arg(rule.maxKillsPerMinute),
            QString(), tr("Enforce"), this);
        dlg->setAttribute(Qt::WA_DeleteOnClose);
        m_confirm = dlg;
        connect(dlg, &QDialog::accepted, this,
                [this, set, rule] { writeRules(set, tr("Rule %1 saved.").arg(rule.name)); });
        dlg->open();
        return;
    }
    writeRules(set, tr("Rule %1 saved.").arg(rule.name));
}

void RulesPage::removeRule(const QString &name)
{
    RuleSet set = m_rules;
    set.rules.removeIf([&](const KillRule &r) { return r.name == name; });
    writeRules(set, tr("Rule %1 removed.").arg(name));
}

void RulesPage::writeRules(const RuleSet &set, const QString &what)
{
    if (m_saveWatcher.isRunning()) {
        m_banner->showMessage(MessageBanner::Kind::Warning, tr("The rules are still being saved."));
        return;
    }
    m_saving = set;
    m_savingWhat = what;
    const QString path = m_path;
    m_saveWatcher.setFuture(
        QtConcurrent::run(m_services.pool, [set, path] { return set.save(path); }));
}

void RulesPage::addDecision(const RuleDecision &d, const QString &statement, const QString &result)
{
    const bool dry = d.mode == RuleMode::DryRun;
    if (d.outcome == RuleDecision::Outcome::Act) {
        if (!d.isKill())
            ++m_notified;
        else if (dry)
            ++m_wouldHaveKilled;
        else if (result.startsWith(u"killed"_s, Qt::CaseInsensitive)
                 || result.contains(u"Killed"_s))
            ++m_killed;
    }
    m_decisions->insertRow(0);
    m_decisions->setItem(0, 0,
                         item(QLocale().toString(d.decidedAt.toLocalTime().time(), u"HH:mm:ss"_s)));
    m_decisions->setItem(0, 1, item(d.envName));
    m_decisions->setItem(0, 2, item(d.ruleName));
    QString mode;
    if (d.outcome == RuleDecision::Outcome::RateLimited)
        mode = tr("RATE LIMITED");
    else if (!d.isKill())
        mode = tr("NOTIFY");
    else
        mode = dry ? tr("WOULD HAVE KILLED") : tr("ENFORCED");
    auto *modeItem = item(mode);
    modeItem->setForeground(dry || !d.isKill() ? kAmber : kRed);
    QFont bold = modeItem->font();
    bold.setBold(true);
    modeItem->setFont(bold);
    m_decisions->setItem(0, 3, modeItem);
    m_decisions->setItem(0, 4, item(statement.isEmpty() ? actionText(d.action) : statement));
    m_decisions->setItem(0, 5, item(d.targetText()));
    m_decisions->setItem(0, 6, item(d.reason));
    m_decisions->setItem(0, 7, item(result));
    while (m_decisions->rowCount() > kMaxDecisionRows)
        m_decisions->removeRow(m_decisions->rowCount() - 1);
    if (m_decisions->rowCount() <= 3)
        m_decisions->resizeColumnsToContents();
    updateHeadline();
    emit decisionShown(d, result);
}

void RulesPage::pushDownSelected()
{
    const KillRule *rulePtr = m_rules.rule(selectedRuleName());
    if (!rulePtr)
        return;
    const KillRule rule = *rulePtr;
    QStringList candidates;
    for (const Environment &e : m_envs)
        if (rule.scope.contains(e.name, e.tier))
            candidates << e.name;
    if (candidates.isEmpty()) {
        m_banner->showMessage(
            MessageBanner::Kind::Warning,
            tr("Rule %1 watches no environment of the inventory.").arg(rule.name));
        return;
    }
    auto *pick = new QInputDialog(this);
    pick->setAttribute(Qt::WA_DeleteOnClose);
    pick->setObjectName(u"rulesPushDownEnvironment"_s);
    pick->setWindowTitle(tr("Push down rule %1").arg(rule.name));
    pick->setLabelText(tr("TiDB environment:"));
    pick->setComboBoxItems(candidates);
    connect(pick, &QInputDialog::textValueSelected, this, [this, rule](const QString &envName) {
        const std::optional<Environment> env = environment(envName);
        if (!env)
            return;
        DialectOptions options;
        if (!m_services.tidbCatalogSchema.isEmpty())
            options.catalogSchema = m_services.tidbCatalogSchema;
        CredentialStore *secrets = m_services.secrets;
        EndpointRouter *router = m_services.tunnels;
        ActivityLog *log = m_services.activityLog;
        const RuleMode mode = rule.effectiveMode(env->name, env->tier);
        auto *watcher = new QFutureWatcher<Result<QList<PushDownProposal>>>(this);
        connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, rule, env] {
            watcher->deleteLater();
            const Result<QList<PushDownProposal>> r = watcher->result();
            if (!r || r->isEmpty()) {
                m_banner->showMessage(
                    MessageBanner::Kind::Warning,
                    r ? tr("Nothing of rule %1 can be pushed down.").arg(rule.name)
                      : r.error().message,
                    r ? QString() : r.error().detail);
                return;
            }
            QStringList statements;
            QStringList text;
            for (const PushDownProposal &p : *r) {
                statements << p.statement + u';';
                text << p.summary;
                for (const QString &c : p.caveats)
                    text << u"\u2022 "_s + c;
            }
            if (m_confirm)
                m_confirm->close();
            auto *dlg = new ConfirmActionDialog(
                *env, tr("Push rule %1 down to %2?").arg(rule.name, env->name), text.join(u'\n'),
                statements.join(u'\n'), tr("Run on TiDB"), this);
            dlg->setAttribute(Qt::WA_DeleteOnClose);
            m_confirm = dlg;
            const QList<PushDownProposal> proposals = *r;
            connect(dlg, &QDialog::accepted, this, [this, proposals, rule, env] {
                const CoreServices s = m_services;
                DialectOptions o;
                if (!s.tidbCatalogSchema.isEmpty())
                    o.catalogSchema = s.tidbCatalogSchema;
                auto *apply = new QFutureWatcher<QStringList>(this);
                connect(apply, &QFutureWatcherBase::finished, this, [this, apply] {
                    apply->deleteLater();
                    const QStringList errors = apply->result();
                    if (errors.isEmpty())
                        m_banner->showMessage(MessageBanner::Kind::Success,
                                              tr("The rule was pushed down."));
                    else
                        m_banner->showMessage(MessageBanner::Kind::Error,
                                              tr("The push-down failed."), errors.join(u'\n'));
                });
                apply->setFuture(QtConcurrent::run(s.pool, [s, o, proposals, rule, env] {
                    QStringList errors;
                    Result<EnvironmentTarget> t
                        = EnvironmentTarget::resolve(*env, s.secrets, s.tunnels, o);
                    if (!t)
                        return QStringList { t.error().message };
                    for (const PushDownProposal &p : proposals) {
                        const GuardrailChange change { u"push-down-rule"_s, u"rule "_s + rule.name,
                                                       p.statement };
                        if (auto r2 = applyGuardrailChange(*t, change, s.audit, s.activityLog); !r2)
                            errors << r2.error().toString();
                    }
                    return errors;
                }));
            });
            dlg->open();
        });
        watcher->setFuture(
            QtConcurrent::run(m_services.pool,
                              [env = *env, secrets, router, log, options, rule,
                               mode]() -> Result<QList<PushDownProposal>> {
                                  Result<EnvironmentTarget> t
                                      = EnvironmentTarget::resolve(env, secrets, router, options);
                                  if (!t)
                                      return t.error();
                                  SqlConnection conn(log);
                                  Result<OpenedEnvironment> opened = openEnvironment(*t, conn);
                                  if (!opened)
                                      return opened.error();
                                  return RulePushDown::proposals(rule, mode, *opened->dialect);
                              }));
    });
    pick->open();
}

} // namespace TiDesk
