#include "SessionsPage.h"

#include "MessageBanner.h"
#include "PageHeading.h"
#include "common/MetricFormat.h"
#include "dialogs/ShortcutsDialog.h"
#include "models/SessionDigestModel.h"
#include "models/SessionFilterModel.h"
#include "models/SessionsModel.h"
#include "sessions/KillRequest.h"
#include "sessions/SessionKiller.h"
#include "sessions/SessionPoller.h"

#include <QAction>
#include <QCheckBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QTime>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

const QColor kRed(0xc6, 0x28, 0x28);
const QColor kAmber(0xb2, 0x6a, 0x00);
const QColor kGood(0x2e, 0x7d, 0x32);
constexpr qint64 kAmberMs = 10'000;
constexpr qint64 kRedMs = 60'000;

QString duration(qint64 ms)
{
    return MetricFormat::value(double(ms) / 1000.0, MetricUnit::Seconds);
}

} // namespace

SessionsPage::SessionsPage(const CoreServices &services, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
{
    setObjectName(u"sessionsPage"_s);
    m_poller = new SessionPoller(services, this);
    m_killer = new SessionKiller(services, {}, this);
    m_model = new SessionsModel(this);
    m_filter = new SessionFilterModel(this);
    m_filter->setSourceModel(m_model);
    m_filter->setHideSleeping(true);
    m_filter->setHideSystem(true);
    m_digests = new SessionDigestModel(this);

    // Header
    m_heading = new PageHeading(tr("Sessions"), this);
    m_updated = new QLabel(this);
    m_updated->setObjectName(u"sessionsUpdated"_s);
    m_pause = new QPushButton(tr("&Pause"), this);
    m_pause->setObjectName(u"sessionsPause"_s);
    m_pause->setCheckable(true);
    m_pause->setAccessibleName(tr("Pause the live refresh"));
    connect(m_pause, &QPushButton::toggled, this, [this](bool paused) {
        m_pause->setText(paused ? tr("&Resume") : tr("&Pause"));
        if (paused)
            m_poller->stop();
        else if (m_env && isVisible())
            m_poller->start();
    });
    auto *head = new QHBoxLayout;
    head->addWidget(m_heading);
    head->addStretch(1);
    head->addWidget(m_updated);
    head->addWidget(m_pause);

    m_headline
        = PageHeading::makeHeadline(u"sessionsHeadline"_s, tr("Sessions summary"), 1.9, this);

    m_banner = new MessageBanner(this);
    m_banner->setObjectName(u"sessionsBanner"_s);
    m_killBanner = new MessageBanner(this);
    m_killBanner->setObjectName(u"sessionsKillBanner"_s);

    // Filters
    m_text = new QLineEdit(this);
    m_text->setObjectName(u"sessionsFilterText"_s);
    m_text->setPlaceholderText(tr("Filter statement, user, host\u2026 (Ctrl+F)"));
    m_text->setAccessibleName(tr("Filter sessions"));
    m_text->setClearButtonEnabled(true);
    m_text->setMinimumWidth(160);
    auto makeEdit = [this](const QString &name, const QString &placeholder) {
        auto *e = new QLineEdit(this);
        e->setObjectName(name);
        e->setPlaceholderText(placeholder);
        e->setAccessibleName(placeholder);
        e->setClearButtonEnabled(true);
        e->setMaximumWidth(120);
        connect(e, &QLineEdit::textChanged, this, &SessionsPage::applyFilters);
        return e;
    };
    m_user = makeEdit(u"sessionsFilterUser"_s, tr("User"));
    m_db = makeEdit(u"sessionsFilterDb"_s, tr("Database"));
    m_command = makeEdit(u"sessionsFilterCommand"_s, tr("Command"));
    connect(m_text, &QLineEdit::textChanged, this, &SessionsPage::applyFilters);
    m_minSeconds = new QSpinBox(this);
    m_minSeconds->setObjectName(u"sessionsMinSeconds"_s);
    m_minSeconds->setRange(0, 86400);
    //: spin box suffix: seconds
    m_minSeconds->setSuffix(tr(" s"));
    m_minSeconds->setPrefix(tr("\u2265 "));
    m_minSeconds->setAccessibleName(tr("Minimum time in seconds"));
    m_minSeconds->setToolTip(tr("Only sessions running at least this long"));
    m_minMiB = new QSpinBox(this);
    m_minMiB->setObjectName(u"sessionsMinMemory"_s);
    m_minMiB->setRange(0, 1024 * 1024);
    //: spin box suffix: mebibytes
    m_minMiB->setSuffix(tr(" MiB"));
    m_minMiB->setPrefix(tr("\u2265 "));
    m_minMiB->setAccessibleName(tr("Minimum memory in MiB"));
    m_minMiB->setToolTip(tr("Only sessions using at least this much memory (where the server "
                            "reports it)"));
    connect(m_minSeconds, &QSpinBox::valueChanged, this, &SessionsPage::applyFilters);
    connect(m_minMiB, &QSpinBox::valueChanged, this, &SessionsPage::applyFilters);
    m_hideSleeping = new QCheckBox(tr("Hide &sleeping"), this);
    m_hideSleeping->setObjectName(u"sessionsHideSleeping"_s);
    m_hideSleeping->setChecked(true);
    m_hideSystem = new QCheckBox(tr("Hide s&ystem"), this);
    m_hideSystem->setObjectName(u"sessionsHideSystem"_s);
    m_hideSystem->setChecked(true);
    m_groupBox = new QCheckBox(tr("&Group by digest"), this);
    m_groupBox->setObjectName(u"sessionsGroupByDigest"_s);
    connect(m_hideSleeping, &QCheckBox::toggled, this, &SessionsPage::applyFilters);
    connect(m_hideSystem, &QCheckBox::toggled, this, &SessionsPage::applyFilters);
    connect(m_groupBox, &QCheckBox::toggled, this, &SessionsPage::setGroupByDigest);
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_text, 2);
    filters->addWidget(m_user);
    filters->addWidget(m_db);
    filters->addWidget(m_command);
    filters->addWidget(m_minSeconds);
    filters->addWidget(m_minMiB);
    // The check boxes on a row of their own: the page must fit next to the sidebar at 1100 px.
    auto *toggles = new QHBoxLayout;
    toggles->addWidget(m_hideSleeping);
    toggles->addWidget(m_hideSystem);
    toggles->addWidget(m_groupBox);
    toggles->addStretch(1);
    auto *find = new QShortcut(QKeySequence::Find, this);
    find->setWhatsThis(tr("Sessions: go to the text filter"));
    find->setProperty(ShortcutsDialog::kGroupProperty, tr("Search"));
    connect(find, &QShortcut::activated, this, [this] {
        m_text->setFocus();
        m_text->selectAll();
    });

    // Table
    m_table = new QTableView(this);
    m_table->setObjectName(u"sessionsTable"_s);
    m_table->setAccessibleName(tr("Live sessions"));
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(SessionsModel::TimeColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->setColumnHidden(SessionsModel::InstanceColumn, true);
    m_table->setColumnHidden(SessionsModel::DigestColumn, true);
    connect(m_model, &SessionsModel::instanceColumnRelevantChanged, this, [this](bool relevant) {
        if (!m_grouped)
            m_table->setColumnHidden(SessionsModel::InstanceColumn, !relevant);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &SessionsPage::updateDetails);
    auto *killQueryKey = new QShortcut(QKeySequence::Delete, m_table);
    killQueryKey->setContext(Qt::WidgetShortcut);
    killQueryKey->setWhatsThis(tr("Kill the selected session's statement (KILL QUERY)"));
    killQueryKey->setProperty(ShortcutsDialog::kGroupProperty, tr("Sessions"));
    connect(killQueryKey, &QShortcut::activated, this, [this] { killSelected(KillKind::Query); });
    auto *killConnKey = new QShortcut(QKeySequence(Qt::SHIFT | Qt::Key_Delete), m_table);
    killConnKey->setContext(Qt::WidgetShortcut);
    killConnKey->setWhatsThis(tr("Kill the selected session's connection"));
    killConnKey->setProperty(ShortcutsDialog::kGroupProperty, tr("Sessions"));
    connect(killConnKey, &QShortcut::activated, this,
            [this] { killSelected(KillKind::Connection); });

    // Details
    auto *details = new QWidget(this);
    m_detailTitle = new QLabel(tr("Select a session to see its statement."), details);
    m_detailTitle->setObjectName(u"sessionsDetailTitle"_s);
    m_detailTitle->setWordWrap(true);
    m_sql = new QPlainTextEdit(details);
    m_sql->setObjectName(u"sessionsStatement"_s);
    m_sql->setAccessibleName(tr("Full statement"));
    m_sql->setReadOnly(true);
    m_sql->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_explain = new QPushButton(tr("&Explain"), details);
    m_explain->setObjectName(u"sessionsExplain"_s);
    m_explain->setToolTip(tr("The plan of the statement this session is running now"));
    m_killQuery = new QPushButton(tr("Kill &query\u2026"), details);
    m_killQuery->setObjectName(u"sessionsKillQuery"_s);
    m_killQuery->setToolTip(tr("Stop the running statement; the connection stays (Delete)"));
    m_killConnection = new QPushButton(tr("Kill &connection\u2026"), details);
    m_killConnection->setObjectName(u"sessionsKillConnection"_s);
    m_killConnection->setToolTip(tr("Close the whole connection (Shift+Delete)"));
    connect(m_explain, &QPushButton::clicked, this, &SessionsPage::explainSelected);
    connect(m_killQuery, &QPushButton::clicked, this, [this] { killSelected(KillKind::Query); });
    connect(m_killConnection, &QPushButton::clicked, this,
            [this] { killSelected(KillKind::Connection); });
    m_plan = new QTableWidget(details);
    m_plan->setObjectName(u"sessionsPlan"_s);
    m_plan->setAccessibleName(tr("Plan"));
    m_plan->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_plan->verticalHeader()->hide();
    m_plan->horizontalHeader()->setStretchLastSection(true);
    m_plan->hide();
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_detailTitle, 1);
    buttons->addWidget(m_explain);
    buttons->addWidget(m_killQuery);
    buttons->addWidget(m_killConnection);
    auto *dl = new QVBoxLayout(details);
    dl->setContentsMargins(0, 4, 0, 0);
    dl->addLayout(buttons);
    auto *sqlAndPlan = new QSplitter(Qt::Horizontal, details);
    sqlAndPlan->addWidget(m_sql);
    sqlAndPlan->addWidget(m_plan);
    dl->addWidget(sqlAndPlan, 1);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(head);
    layout->addWidget(m_headline);
    layout->addWidget(m_banner);
    layout->addWidget(m_killBanner);
    layout->addLayout(filters);
    layout->addLayout(toggles);
    layout->addWidget(m_splitter, 1);

    connect(m_poller, &SessionPoller::sessionsReady, this, &SessionsPage::onSessions);
    connect(m_poller, &SessionPoller::readFailed, this, &SessionsPage::onReadFailed);
    connect(m_poller, &SessionPoller::explainReady, this,
            [this](quint64 ticket, const QueryResult &plan) {
                if (ticket != m_explainTicket)
                    return;
                m_plan->clear();
                m_plan->setColumnCount(int(plan.columns.size()));
                m_plan->setHorizontalHeaderLabels(plan.columns);
                m_plan->setRowCount(int(plan.rows.size()));
                for (int r = 0; r < plan.rows.size(); ++r)
                    for (int c = 0; c < plan.rows.at(r).size(); ++c)
                        m_plan->setItem(r, c,
                                        new QTableWidgetItem(plan.rows.at(r).at(c).toString()));
                m_plan->resizeColumnsToContents();
                m_plan->show();
                m_explain->setEnabled(true);
                emit explained(plan);
            });
    connect(
        m_poller, &SessionPoller::explainFailed, this, [this](quint64 ticket, const Error &error) {
            if (ticket != m_explainTicket)
                return;
            m_explain->setEnabled(true);
            m_killBanner->showMessage(MessageBanner::Kind::Warning, error.message, error.detail);
        });
    connect(m_killer, &SessionKiller::killFinished, this,
            [this](quint64, const KillOutcome &outcome) { onKillFinished(outcome); });

    m_headline->setText(tr("Select an environment to see its sessions."));
    updateDetails();
}

SessionsPage::~SessionsPage() = default;

QString SessionsPage::headlineText() const
{
    return m_headline->text();
}

void SessionsPage::setEnvironment(const Environment &env)
{
    const bool changed = !m_env || m_env->id != env.id;
    m_env = env;
    //: %1 = environment name
    m_heading->setTitle(tr("Sessions \u2014 %1").arg(env.name));
    m_heading->setEnvironment(env);
    if (!changed)
        return;
    m_poller->stop();
    m_model->clear();
    m_digests->setRows({});
    m_plan->hide();
    m_banner->clear();
    m_killBanner->clear();
    m_updated->setText(tr("Connecting\u2026"));
    m_headline->setText(tr("Reading the sessions\u2026"));
    PageHeading::setHeadlineColor(m_headline, {});
    m_poller->setEnvironment(env);
    if (isVisible() && !m_pause->isChecked())
        m_poller->start();
    updateDetails();
}

void SessionsPage::refresh()
{
    if (m_env)
        m_poller->refresh();
}

void SessionsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_env && !m_pause->isChecked() && !m_poller->isActive())
        m_poller->start();
}

void SessionsPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    // Nobody looks: no reason to read a server every second.
    m_poller->stop();
}

void SessionsPage::onSessions(const QList<SessionRow> &rows, quint64 ownConnectionId)
{
    m_banner->clear();
    m_model->setEngine(m_poller->engine().engine);
    m_filter->setOwnConnectionIds({ ownConnectionId });
    m_model->setRows(rows);
    if (m_grouped)
        m_digests->setRows(m_filter->filtered(rows));
    //: %1 = time of day, %2 = number of sessions shown, %3 = all sessions
    m_updated->setText(tr("Updated %1 \u00b7 %2 of %3 shown")
                           .arg(QLocale().toString(QTime::currentTime(), u"HH:mm:ss"_s))
                           .arg(m_filter->rowCount())
                           .arg(rows.size()));
    updateHeadline();
    updateDetails();
}

void SessionsPage::onReadFailed(const Error &error)
{
    m_updated->setText(tr("Read failed"));
    m_banner->showMessage(MessageBanner::Kind::Error, error.message, error.detail);
    if (m_model->rowCount() == 0)
        m_headline->setText(tr("The sessions could not be read."));
}

void SessionsPage::updateHeadline()
{
    int running = 0;
    qint64 longest = 0;
    int overAmber = 0;
    const QSet<quint64> own = m_filter->ownConnectionIds();
    for (const SessionRow &s : m_model->rows()) {
        if (s.isSleeping() || s.isSystem() || own.contains(s.id) || s.info.trimmed().isEmpty())
            continue;
        ++running;
        longest = qMax(longest, s.timeMs);
        if (s.timeMs >= kAmberMs)
            ++overAmber;
    }
    QString text;
    if (running == 0) {
        text = tr("No statement running");
    } else {
        //: %1 = number of running statements, %2 = a duration ("1.5 min")
        text = tr("%1 running \u00b7 longest %2").arg(running).arg(duration(longest));
        if (overAmber > 0)
            //: appended: %1 = number of statements running 10 s or longer
            text += tr(" \u00b7 %1 over 10 s").arg(overAmber);
    }
    m_headline->setText(text);
    PageHeading::setHeadlineColor(m_headline,
                                  longest >= kRedMs         ? kRed
                                      : longest >= kAmberMs ? kAmber
                                                            : kGood);
}

void SessionsPage::applyFilters()
{
    m_filter->setFilterText(m_text->text());
    m_filter->setUserFilter(m_user->text().trimmed());
    m_filter->setDbFilter(m_db->text().trimmed());
    m_filter->setCommandFilter(m_command->text().trimmed());
    m_filter->setMinimumTimeMs(qint64(m_minSeconds->value()) * 1000);
    m_filter->setMinimumMemoryBytes(qint64(m_minMiB->value()) * 1024 * 1024);
    m_filter->setHideSleeping(m_hideSleeping->isChecked());
    m_filter->setHideSystem(m_hideSystem->isChecked());
    if (m_grouped)
        m_digests->setRows(m_filter->filtered(m_model->rows()));
}

void SessionsPage::setGroupByDigest(bool grouped)
{
    if (m_grouped == grouped)
        return;
    m_grouped = grouped;
    m_groupBox->setChecked(grouped);
    if (grouped) {
        m_digests->setRows(m_filter->filtered(m_model->rows()));
        m_table->setModel(m_digests);
        m_table->setSortingEnabled(false);
    } else {
        m_table->setModel(m_filter);
        m_table->setSortingEnabled(true);
        m_table->setColumnHidden(SessionsModel::InstanceColumn, !m_model->instanceColumnRelevant());
        m_table->setColumnHidden(SessionsModel::DigestColumn, true);
    }
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &SessionsPage::updateDetails);
    updateDetails();
}

std::optional<SessionRow> SessionsPage::selectedSession() const
{
    if (m_grouped)
        return std::nullopt;
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    const QVariant v = current.siblingAtColumn(0).data(SessionsModel::SessionRole);
    if (!v.canConvert<SessionRow>())
        return std::nullopt;
    return v.value<SessionRow>();
}

bool SessionsPage::selectSession(quint64 id, const QString &instance)
{
    if (m_grouped)
        setGroupByDigest(false);
    for (int r = 0; r < m_filter->rowCount(); ++r) {
        const QModelIndex idx = m_filter->index(r, 0);
        const SessionRow s = idx.data(SessionsModel::SessionRole).value<SessionRow>();
        if (s.id == id && (instance.isEmpty() || s.instance == instance)) {
            m_table->selectionModel()->setCurrentIndex(
                idx, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            m_table->scrollTo(idx);
            return true;
        }
    }
    return false;
}

void SessionsPage::updateDetails()
{
    const std::optional<SessionRow> s = selectedSession();
    m_explain->setEnabled(s.has_value() && !s->info.isEmpty());
    m_killQuery->setEnabled(s.has_value() && !s->isSystem());
    m_killConnection->setEnabled(s.has_value() && !s->isSystem());
    if (m_grouped) {
        const QModelIndex current
            = m_table->selectionModel() ? m_table->selectionModel()->currentIndex() : QModelIndex();
        m_detailTitle->setText(tr("Grouped by digest: select a group to see its sample."));
        m_sql->setPlainText(current.isValid()
                                ? current.data(SessionDigestModel::FullStatementRole).toString()
                                : QString());
        return;
    }
    if (!s) {
        m_detailTitle->setText(tr("Select a session to see its statement."));
        m_sql->clear();
        m_plan->hide();
        m_explainKey.clear();
        return;
    }
    //: %1 = connection id, %2 = user@host, %3 = database, %4 = duration
    QString title
        = tr("Session %1 \u00b7 %2 \u00b7 %3 \u00b7 %4")
              .arg(s->id)
              .arg(s->user + u'@' + s->host, s->db.isEmpty() ? u"-"_s : s->db, duration(s->timeMs));
    if (!s->instance.isEmpty())
        title += u" \u00b7 "_s + s->instance;
    m_detailTitle->setText(title);
    if (m_sql->toPlainText() != s->info)
        m_sql->setPlainText(s->info);
    if (m_explainKey != s->key()) {
        m_plan->hide();
        m_explainKey.clear();
    }
}

void SessionsPage::explainSelected()
{
    const std::optional<SessionRow> s = selectedSession();
    if (!s)
        return;
    m_explainKey = s->key();
    m_explain->setEnabled(false);
    m_explainTicket = m_poller->explain(*s);
}

void SessionsPage::killSelected(KillKind kind)
{
    if (!m_env)
        return;
    const std::optional<SessionRow> s = selectedSession();
    if (!s)
        return;
    if (m_confirm)
        m_confirm->close();
    DialectOptions options;
    if (!m_services.tidbCatalogSchema.isEmpty())
        options.catalogSchema = m_services.tidbCatalogSchema;
    const auto dialect = makeDialect(m_poller->engine(), options);
    const QString statement = dialect->killStatement(kind, s->id).sql;
    const bool query = kind == KillKind::Query;
    QString sample = s->info.simplified();
    if (sample.size() > 300)
        sample = sample.left(300) + u'\u2026';
    //: %1 = connection id, %2 = user@host, %3 = how long it has run, %4 = the statement
    const QString what = tr("Session %1 (%2), running for %3:\n%4")
                             .arg(s->id)
                             .arg(s->user + u'@' + s->host, duration(s->timeMs),
                                  sample.isEmpty() ? tr("(no statement)") : sample);
    const QString explanation = what + u"\n\n"_s
        + (query ? tr("The statement stops with an error; the connection stays open.")
                 : tr("The connection is closed; its open transaction is rolled back."))
        + u' '
        + tr("TiDesk first checks that this session still runs this statement: a reused "
             "connection id is never killed.");
    auto *dlg = new ConfirmActionDialog(
        *m_env, query ? tr("Kill this query?") : tr("Kill this connection?"), explanation,
        statement, query ? tr("Kill query") : tr("Kill connection"), this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    m_confirm = dlg;
    const SessionRow target = *s;
    const Environment env = *m_env;
    connect(dlg, &QDialog::accepted, this, [this, target, env, kind] {
        KillRequest request;
        request.env = env;
        request.target = target;
        request.kind = kind;
        m_killBanner->showMessage(MessageBanner::Kind::Info,
                                  tr("Killing session %1\u2026").arg(target.id));
        m_killer->kill(request);
    });
    dlg->open();
}

void SessionsPage::onKillFinished(const KillOutcome &outcome)
{
    MessageBanner::Kind kind = MessageBanner::Kind::Warning;
    switch (outcome.status) {
    case KillOutcome::Status::Killed: kind = MessageBanner::Kind::Success; break;
    case KillOutcome::Status::AlreadyFinished: kind = MessageBanner::Kind::Info; break;
    case KillOutcome::Status::Failed: kind = MessageBanner::Kind::Error; break;
    default: kind = MessageBanner::Kind::Warning; break;
    }
    QStringList detail;
    if (!outcome.statement.isEmpty())
        //: %1 = the KILL statement, %2 = where it was sent
        detail << tr("%1 sent to %2").arg(outcome.statement, outcome.sentTo);
    if (!outcome.serverText.isEmpty())
        detail << outcome.serverText;
    m_killBanner->showMessage(kind, outcome.message, detail.join(u'\n'));
    emit killFinished(outcome);
    m_poller->refresh();
}

} // namespace TiDesk
