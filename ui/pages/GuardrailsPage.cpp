#include "GuardrailsPage.h"

#include "MessageBanner.h"
#include "PageHeading.h"
#include "common/MetricFormat.h"
#include "dialogs/ConfirmActionDialog.h"
#include "guardrails/GuardrailReader.h"
#include "tunnel/BastionTunnels.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

const QColor kAmber(0xb2, 0x6a, 0x00);
const QColor kGood(0x2e, 0x7d, 0x32);

QLabel *sectionTitle(const QString &text, QWidget *parent)
{
    auto *l = new QLabel(text, parent);
    QFont f = l->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.1);
    l->setFont(f);
    return l;
}

QTableWidget *makeTable(const QString &objectName, const QStringList &headers, QWidget *parent)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setObjectName(objectName);
    t->setHorizontalHeaderLabels(headers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    t->setAlternatingRowColors(true);
    t->setWordWrap(false);
    return t;
}

QTableWidgetItem *item(const QString &text)
{
    auto *i = new QTableWidgetItem(text);
    i->setToolTip(text);
    return i;
}

} // namespace

GuardrailsPage::GuardrailsPage(const CoreServices &services, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
{
    setObjectName(u"guardrailsPage"_s);

    m_heading = new PageHeading(tr("Guardrails"), this);
    m_updated = new QLabel(this);
    m_updated->setObjectName(u"guardrailsUpdated"_s);
    m_refresh = new QPushButton(tr("&Refresh"), this);
    m_refresh->setObjectName(u"guardrailsRefresh"_s);
    m_refresh->setAccessibleName(tr("Read the guardrails again"));
    connect(m_refresh, &QPushButton::clicked, this, &GuardrailsPage::refresh);
    auto *head = new QHBoxLayout;
    head->addWidget(m_heading);
    head->addStretch(1);
    head->addWidget(m_updated);
    head->addWidget(m_refresh);

    m_headline
        = PageHeading::makeHeadline(u"guardrailsHeadline"_s, tr("Guardrail summary"), 1.8, this);

    m_banner = new MessageBanner(this);
    m_banner->setObjectName(u"guardrailsBanner"_s);
    m_result = new MessageBanner(this);
    m_result->setObjectName(u"guardrailsResult"_s);

    m_vars
        = makeTable(u"guardrailsVariables"_s,
                    { tr("Variable"), tr("Value (GLOBAL)"), tr("Unit"), tr("What it does") }, this);
    m_vars->setAccessibleName(tr("Guardrail variables"));
    connect(m_vars, &QTableWidget::cellDoubleClicked, this, [this] { editSelectedVariable(); });
    m_change = new QPushButton(tr("&Change value\u2026"), this);
    m_change->setObjectName(u"guardrailsChange"_s);
    connect(m_change, &QPushButton::clicked, this, &GuardrailsPage::editSelectedVariable);
    auto *varsNote = new QLabel(
        tr("Changes are made GLOBAL: they apply to sessions that connect afterwards, not to "
           "sessions already running."),
        this);
    varsNote->setWordWrap(true);
    auto *varsButtons = new QHBoxLayout;
    varsButtons->addWidget(varsNote, 1);
    varsButtons->addWidget(m_change);

    m_watchesTitle = sectionTitle(tr("Runaway query watches"), this);
    m_watches = makeTable(u"guardrailsWatches"_s,
                          { tr("ID"), tr("Resource group"), tr("Watch"), tr("Action"), tr("Rule"),
                            tr("Source"), tr("Until"), tr("Watched text") },
                          this);
    m_watches->setAccessibleName(tr("Runaway query watches"));
    m_removeWatch = new QPushButton(tr("Remove &watch\u2026"), this);
    m_removeWatch->setObjectName(u"guardrailsRemoveWatch"_s);
    connect(m_removeWatch, &QPushButton::clicked, this, [this] {
        const int row = m_watches->currentRow();
        if (row >= 0 && m_watches->item(row, 0))
            proposeRemoveWatch(m_watches->item(row, 0)->text().toLongLong());
    });
    m_addWatch = new QPushButton(tr("&Add watch\u2026"), this);
    m_addWatch->setObjectName(u"guardrailsAddWatch"_s);
    m_addWatch->setToolTip(tr("Kill every execution of a statement shape from now on, by its "
                              "SQL digest (QUERY WATCH ADD)"));
    connect(m_addWatch, &QPushButton::clicked, this, [this] {
        auto *input = new QInputDialog(this);
        input->setAttribute(Qt::WA_DeleteOnClose);
        input->setObjectName(u"guardrailsWatchDigestInput"_s);
        input->setWindowTitle(tr("Add a runaway watch"));
        input->setLabelText(tr("SQL digest of the statement to kill on sight (64 hexadecimal "
                               "characters):"));
        connect(input, &QInputDialog::textValueSelected, this,
                [this](const QString &digest) { proposeAddWatch(digest); });
        input->open();
    });
    auto *watchButtons = new QHBoxLayout;
    watchButtons->addStretch(1);
    watchButtons->addWidget(m_addWatch);
    watchButtons->addWidget(m_removeWatch);

    m_bindingsTitle = sectionTitle(tr("SQL plan bindings (GLOBAL)"), this);
    m_bindings = makeTable(u"guardrailsBindings"_s,
                           { tr("Status"), tr("Source"), tr("Default DB"), tr("SQL digest"),
                             tr("Plan digest"), tr("Original SQL") },
                           this);
    m_bindings->setAccessibleName(tr("SQL plan bindings"));
    m_dropBinding = new QPushButton(tr("&Drop binding\u2026"), this);
    m_dropBinding->setObjectName(u"guardrailsDropBinding"_s);
    connect(m_dropBinding, &QPushButton::clicked, this, [this] {
        const int row = m_bindings->currentRow();
        if (row >= 0 && m_bindings->item(row, 3))
            proposeDropBinding(m_bindings->item(row, 3)->text());
    });
    m_bindPlan = new QPushButton(tr("&Bind a plan from history\u2026"), this);
    m_bindPlan->setObjectName(u"guardrailsBindPlan"_s);
    m_bindPlan->setToolTip(tr("Pin the plan a statement had, by its plan digest from the slow "
                              "query log or the statements summary"));
    connect(m_bindPlan, &QPushButton::clicked, this, [this] {
        auto *input = new QInputDialog(this);
        input->setAttribute(Qt::WA_DeleteOnClose);
        input->setObjectName(u"guardrailsPlanDigestInput"_s);
        input->setWindowTitle(tr("Bind a plan from history"));
        input->setLabelText(tr("Plan digest (64 hexadecimal characters):"));
        connect(input, &QInputDialog::textValueSelected, this,
                [this](const QString &digest) { proposeBindPlan(digest); });
        input->open();
    });
    auto *bindingButtons = new QHBoxLayout;
    bindingButtons->addStretch(1);
    bindingButtons->addWidget(m_bindPlan);
    bindingButtons->addWidget(m_dropBinding);

    auto *content = new QWidget(this);
    auto *cl = new QVBoxLayout(content);
    cl->setContentsMargins(0, 0, 0, 0);
    cl->addWidget(sectionTitle(tr("Statement limits"), content));
    cl->addWidget(m_vars);
    cl->addLayout(varsButtons);
    cl->addWidget(m_watchesTitle);
    cl->addWidget(m_watches);
    cl->addLayout(watchButtons);
    cl->addWidget(m_bindingsTitle);
    cl->addWidget(m_bindings);
    cl->addLayout(bindingButtons);
    cl->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(head);
    layout->addWidget(m_headline);
    layout->addWidget(m_banner);
    layout->addWidget(m_result);
    layout->addWidget(scroll, 1);

    connect(&m_readWatcher, &QFutureWatcherBase::finished, this, &GuardrailsPage::onRead);
    connect(&m_applyWatcher, &QFutureWatcherBase::finished, this, &GuardrailsPage::onApplied);
    m_headline->setText(tr("Select an environment to see its guardrails."));
    showSnapshot(GuardrailSnapshot {});
}

GuardrailsPage::~GuardrailsPage()
{
    // The tasks hold copies only; wait so they never report into a destroyed page.
    m_readWatcher.disconnect(this);
    m_applyWatcher.disconnect(this);
    m_readWatcher.waitForFinished();
    m_applyWatcher.waitForFinished();
}

bool GuardrailsPage::isBusy() const
{
    return m_readWatcher.isRunning() || m_applyWatcher.isRunning();
}

QString GuardrailsPage::headlineText() const
{
    return m_headline->text();
}

void GuardrailsPage::setEnvironment(const Environment &env)
{
    const bool changed = !m_env || m_env->id != env.id;
    m_env = env;
    //: %1 = environment name
    m_heading->setTitle(tr("Guardrails \u2014 %1").arg(env.name));
    m_heading->setEnvironment(env);
    if (changed) {
        ++m_generation;
        m_snapshot.reset();
        m_banner->clear();
        m_result->clear();
        m_headline->setText(tr("Reading the guardrails\u2026"));
        PageHeading::setHeadlineColor(m_headline, {});
        showSnapshot(GuardrailSnapshot {});
    }
    refresh();
}

void GuardrailsPage::refresh()
{
    if (!m_env)
        return;
    if (m_readWatcher.isRunning()) {
        m_pending = true;
        return;
    }
    m_pending = false;
    m_updated->setText(tr("Reading\u2026"));
    m_refresh->setEnabled(false);
    m_readGeneration = m_generation;
    const Environment env = *m_env;
    CredentialStore *secrets = m_services.secrets;
    EndpointRouter *router = m_services.tunnels;
    ActivityLog *log = m_services.activityLog;
    DialectOptions options;
    options.catalogSchema = m_services.tidbCatalogSchema;
    if (options.catalogSchema.isEmpty())
        options = DialectOptions {};
    m_readWatcher.setFuture(QtConcurrent::run(
        m_services.pool, [env, secrets, router, log, options]() -> Result<GuardrailSnapshot> {
            Result<EnvironmentTarget> target
                = EnvironmentTarget::resolve(env, secrets, router, options);
            if (!target)
                return target.error();
            return readGuardrails(*target, log);
        }));
}

void GuardrailsPage::onRead()
{
    m_refresh->setEnabled(true);
    if (m_readGeneration == m_generation && m_readWatcher.future().resultCount() > 0) {
        const Result<GuardrailSnapshot> r = m_readWatcher.result();
        if (r) {
            m_snapshot = *r;
            showSnapshot(*r);
            m_updated->setText(
                //: %1 = time of day
                tr("Read at %1")
                    .arg(QLocale().toString(r->readAt.toLocalTime().time(), QLocale::ShortFormat)));
            emit snapshotRead(*r);
        } else {
            m_updated->setText(tr("Read failed"));
            m_headline->setText(tr("The guardrails could not be read."));
            m_banner->showMessage(MessageBanner::Kind::Error, r.error().message, r.error().detail);
            emit readFailed(r.error());
        }
    }
    if (m_pending)
        refresh();
}

void GuardrailsPage::showSnapshot(const GuardrailSnapshot &snap)
{
    const bool have = m_snapshot.has_value();
    // Headline: the statement time limit, and on TiDB the query memory quota.
    if (have) {
        QStringList parts;
        bool unlimited = false;
        for (const GuardrailValue &v : snap.values) {
            if (v.variable.name == u"max_execution_time"
                || v.variable.name == u"max_statement_time") {
                if (v.value.isNull())
                    continue;
                const double n = v.value.toDouble();
                const double seconds = v.variable.unit == u"ms" ? n / 1000.0 : n;
                if (n <= 0) {
                    unlimited = true;
                    parts << tr("No statement time limit");
                } else {
                    //: %1 = a duration such as "30 s"
                    parts << tr("Statements stop after %1")
                                 .arg(MetricFormat::value(seconds, MetricUnit::Seconds));
                }
            } else if (v.variable.name == u"tidb_mem_quota_query" && !v.value.isNull()) {
                const double bytes = v.value.toDouble();
                parts << (bytes <= 0 ? tr("no query memory quota")
                                     //: %1 = a size such as "1 GiB"
                                     : tr("memory quota %1 per query")
                                           .arg(MetricFormat::value(bytes, MetricUnit::Bytes)));
            }
        }
        const bool none = parts.isEmpty();
        if (none)
            parts << tr("No guardrail could be read");
        m_headline->setText(parts.join(u" \u00b7 "_s));
        PageHeading::setHeadlineColor(m_headline, unlimited || none ? kAmber : kGood);
    }

    m_vars->setRowCount(0);
    for (const GuardrailValue &v : snap.values) {
        const int row = m_vars->rowCount();
        m_vars->insertRow(row);
        m_vars->setItem(row, 0, item(v.variable.name));
        QString value = v.value.isNull() ? tr("(not readable)") : v.value;
        if (!v.value.isNull() && v.value.toDouble() == 0
            && v.variable.kind != GuardrailValueKind::Text)
            value += u' ' + tr("(no limit)");
        m_vars->setItem(row, 1, item(value));
        m_vars->setItem(row, 2, item(v.variable.unit));
        m_vars->setItem(row, 3,
                        item(QCoreApplication::translate(
                            "TiDesk::Dialect", v.variable.description.toUtf8().constData())));
    }
    m_vars->resizeColumnsToContents();
    m_vars->resizeRowsToContents();
    int rowsHeight = 0;
    for (int r = 0; r < m_vars->rowCount(); ++r)
        rowsHeight += m_vars->rowHeight(r);
    if (m_vars->rowCount() == 0)
        rowsHeight = m_vars->verticalHeader()->defaultSectionSize();
    m_vars->setFixedHeight(m_vars->horizontalHeader()->sizeHint().height() + rowsHeight
                           + 2 * m_vars->frameWidth() + 2);
    m_change->setEnabled(have && !snap.values.isEmpty());

    const bool tidb = have && snap.engine.engine == Engine::TiDB;
    m_watchesTitle->setVisible(!have || snap.watchesSupported || tidb);
    m_watches->setVisible(snap.watchesSupported);
    m_removeWatch->setVisible(snap.watchesSupported);
    m_addWatch->setVisible(snap.watchesSupported);
    if (have && !snap.watchesSupported)
        m_watchesTitle->setText(tidb ? tr("Runaway query watches: needs TiDB v7.3 or later")
                                     : tr("Runaway query watches"));
    else
        m_watchesTitle->setText(tr("Runaway query watches"));
    if (have && !tidb)
        m_watchesTitle->hide();
    m_watches->setRowCount(0);
    for (const RunawayWatchEntry &w : snap.watches) {
        const int row = m_watches->rowCount();
        m_watches->insertRow(row);
        m_watches->setItem(row, 0, item(QString::number(w.id)));
        m_watches->setItem(row, 1, item(w.resourceGroup));
        m_watches->setItem(row, 2, item(w.watch));
        m_watches->setItem(row, 3, item(w.action));
        m_watches->setItem(row, 4, item(w.rule));
        m_watches->setItem(row, 5, item(w.source));
        m_watches->setItem(row, 6, item(w.endTime));
        m_watches->setItem(row, 7, item(w.watchText));
    }
    m_watches->resizeColumnsToContents();
    m_removeWatch->setEnabled(!snap.watches.isEmpty());

    m_bindingsTitle->setVisible(snap.bindingsSupported);
    m_bindings->setVisible(snap.bindingsSupported);
    m_dropBinding->setVisible(snap.bindingsSupported);
    m_bindPlan->setVisible(snap.bindingsSupported);
    m_bindings->setRowCount(0);
    for (const SqlBinding &b : snap.bindings) {
        const int row = m_bindings->rowCount();
        m_bindings->insertRow(row);
        m_bindings->setItem(row, 0, item(b.status));
        m_bindings->setItem(row, 1, item(b.source));
        m_bindings->setItem(row, 2, item(b.defaultDb));
        m_bindings->setItem(row, 3, item(b.sqlDigest));
        m_bindings->setItem(row, 4, item(b.planDigest));
        m_bindings->setItem(row, 5, item(b.originalSql.simplified()));
    }
    m_dropBinding->setEnabled(!snap.bindings.isEmpty());

    if (have) {
        if (snap.problems.isEmpty())
            m_banner->clear();
        else
            m_banner->showMessage(MessageBanner::Kind::Warning,
                                  tr("Some guardrails could not be read."),
                                  snap.problems.join(u'\n'));
    }
}

std::shared_ptr<const Dialect> GuardrailsPage::dialect() const
{
    if (!m_snapshot)
        return nullptr;
    DialectOptions options;
    if (!m_services.tidbCatalogSchema.isEmpty())
        options.catalogSchema = m_services.tidbCatalogSchema;
    return makeDialect(m_snapshot->engine, options);
}

void GuardrailsPage::editSelectedVariable()
{
    if (!m_snapshot)
        return;
    const int row = m_vars->currentRow();
    if (row < 0 || row >= m_snapshot->values.size())
        return;
    const GuardrailValue v = m_snapshot->values.at(row);
    auto *input = new QInputDialog(this);
    input->setAttribute(Qt::WA_DeleteOnClose);
    input->setObjectName(u"guardrailsValueInput"_s);
    //: %1 = variable name
    input->setWindowTitle(tr("Change %1").arg(v.variable.name));
    //: %1 = variable name, %2 = unit
    input->setLabelText(
        v.variable.unit.isEmpty()
            ? tr("New GLOBAL value of %1:").arg(v.variable.name)
            : tr("New GLOBAL value of %1 (%2):").arg(v.variable.name, v.variable.unit));
    if (!v.variable.allowedValues.isEmpty()) {
        input->setComboBoxItems(v.variable.allowedValues);
        input->setTextValue(v.value);
    } else {
        input->setTextValue(v.value);
    }
    const QString name = v.variable.name;
    connect(input, &QInputDialog::textValueSelected, this,
            [this, name](const QString &value) { proposeVariable(name, value); });
    input->open();
}

void GuardrailsPage::proposeVariable(const QString &name, const QString &value)
{
    const auto d = dialect();
    if (!d || !m_env)
        return;
    //: %1 = variable, %2 = value
    propose(GuardrailChange::setVariable(*d, name, value),
            tr("Set %1 to %2?").arg(name, value.trimmed()),
            tr("Sessions that connect after this change get the new value; running sessions "
               "keep theirs."),
            tr("Apply"));
}

void GuardrailsPage::proposeRemoveWatch(qint64 id)
{
    const auto d = dialect();
    if (!d || !m_env)
        return;
    //: %1 = watch id
    propose(GuardrailChange::removeWatch(*d, id), tr("Remove runaway watch %1?").arg(id),
            tr("Statements this watch matches will run normally again."), tr("Remove watch"));
}

void GuardrailsPage::proposeAddWatch(const QString &sqlDigest)
{
    const auto d = dialect();
    if (!d || !m_env)
        return;
    propose(GuardrailChange::addWatch(*d, sqlDigest), tr("Kill this statement shape on sight?"),
            tr("TiDB kills every execution of statements with this digest at once (error 8254), "
               "whatever their run time, until the watch is removed."),
            tr("Add watch"));
}

void GuardrailsPage::proposeDropBinding(const QString &sqlDigest)
{
    const auto d = dialect();
    if (!d || !m_env)
        return;
    propose(GuardrailChange::dropBinding(*d, sqlDigest), tr("Drop this SQL binding?"),
            tr("The optimizer chooses the plan of this statement freely again."),
            tr("Drop binding"));
}

void GuardrailsPage::proposeBindPlan(const QString &planDigest)
{
    const auto d = dialect();
    if (!d || !m_env)
        return;
    propose(GuardrailChange::bindPlan(*d, planDigest), tr("Bind this plan?"),
            tr("Every statement of this shape will use the plan it had in the history, until "
               "the binding is dropped."),
            tr("Bind plan"));
}

void GuardrailsPage::propose(const Result<GuardrailChange> &change, const QString &title,
                             const QString &explanation, const QString &actionText)
{
    if (!change) {
        m_result->showMessage(MessageBanner::Kind::Error, change.error().message,
                              change.error().detail);
        return;
    }
    if (m_applyWatcher.isRunning()) {
        m_result->showMessage(MessageBanner::Kind::Warning,
                              tr("Another change is still being applied."));
        return;
    }
    if (m_confirm)
        m_confirm->close();
    auto *dlg
        = new ConfirmActionDialog(*m_env, title, explanation, change->statement, actionText, this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    m_confirm = dlg;
    const GuardrailChange c = *change;
    connect(dlg, &QDialog::accepted, this, [this, c] { apply(c); });
    dlg->open();
}

void GuardrailsPage::apply(const GuardrailChange &change)
{
    if (!m_env || m_applyWatcher.isRunning())
        return;
    m_applying = change;
    m_result->showMessage(MessageBanner::Kind::Info, tr("Applying\u2026"), change.statement);
    const Environment env = *m_env;
    CredentialStore *secrets = m_services.secrets;
    EndpointRouter *router = m_services.tunnels;
    ActivityLog *log = m_services.activityLog;
    AuditLog *audit = m_services.audit;
    DialectOptions options;
    if (!m_services.tidbCatalogSchema.isEmpty())
        options.catalogSchema = m_services.tidbCatalogSchema;
    m_applyWatcher.setFuture(QtConcurrent::run(
        m_services.pool,
        [env, secrets, router, log, audit, options, change]() -> Result<GuardrailChangeResult> {
            Result<EnvironmentTarget> target
                = EnvironmentTarget::resolve(env, secrets, router, options);
            if (!target)
                return target.error();
            return applyGuardrailChange(*target, change, audit, log);
        }));
}

void GuardrailsPage::onApplied()
{
    if (m_applyWatcher.future().resultCount() == 0)
        return;
    const Result<GuardrailChangeResult> r = m_applyWatcher.result();
    if (r) {
        const bool warned = !r->warnings.isEmpty();
        m_result->showMessage(warned ? MessageBanner::Kind::Warning : MessageBanner::Kind::Success,
                              r->summary, m_applying.statement);
        emit changeApplied(m_applying, true, r->summary);
    } else {
        //: %1 = the error
        m_result->showMessage(MessageBanner::Kind::Error,
                              tr("The change was not applied: %1").arg(r.error().message),
                              m_applying.statement + u'\n' + r.error().detail);
        emit changeApplied(m_applying, false, r.error().message);
    }
    refresh();
}

} // namespace TiDesk
