#include "AssistWorkspace.h"

#include "AssistHealthCharts.h"

#include "AssistChatPane.h"
#include "AssistProposeBox.h"
#include "AssistRelayKeyPanel.h"
#include "AssistTable.h"
#include "AssistTimeText.h"
#include "MessageBanner.h"
#include "StatusPill.h"
#include "TierBadge.h"

#include <QCloseEvent>
#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPainter>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

StatusPill::State pillFor(AssistProposal::Status s)
{
    switch (s) {
    case AssistProposal::Status::Done: return StatusPill::State::Ok;
    case AssistProposal::Status::Failed:
    case AssistProposal::Status::Rejected: return StatusPill::State::Error;
    case AssistProposal::Status::Pending: return StatusPill::State::Warning;
    default: return StatusPill::State::Unknown;
    }
}

QLabel *boldLabel(const QString &text, QWidget *parent)
{
    auto *l = new QLabel(text, parent);
    QFont f = l->font();
    f.setBold(true);
    l->setFont(f);
    return l;
}

} // namespace

AssistWorkspace::AssistWorkspace(const AssistExpertOptions &options, const SessionCode &code,
                                 QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_options(options)
    , m_code(code)
{
    setObjectName(u"assistWorkspace"_s);
    setAttribute(Qt::WA_DeleteOnClose, false);
    setWindowTitle(tr("Expert session \u2014 TiDesk"));

    m_title = new QLabel(tr("Expert session"), this);
    QFont tf = m_title->font();
    tf.setBold(true);
    tf.setPointSizeF(tf.pointSizeF() * 1.3);
    m_title->setFont(tf);
    m_state = new StatusPill(this);
    m_state->setObjectName(u"assistExpertState"_s);
    m_timeLeft = new QLabel(this);
    m_timeLeft->setObjectName(u"assistExpertTimeLeft"_s);
    m_timeLeft->setAccessibleName(tr("Time left"));
    m_leave = new QPushButton(tr("Leave"), this);
    m_leave->setObjectName(u"assistLeave"_s);
    m_leave->setAccessibleName(tr("Leave the expert session"));
    connect(m_leave, &QPushButton::clicked, this, [this] {
        if (m_session->state() == AssistExpertSession::State::Ended)
            close();
        else
            m_session->end();
    });
    auto *head = new QHBoxLayout;
    head->addWidget(m_title, 1);
    head->addWidget(m_state);
    head->addSpacing(12);
    head->addWidget(m_timeLeft);
    head->addSpacing(12);
    head->addWidget(m_leave);

    m_banner = new MessageBanner(this);
    m_banner->setObjectName(u"assistExpertBanner"_s);
    m_relayKey = new AssistRelayKeyPanel(nullptr, this);
    connect(m_relayKey, &AssistRelayKeyPanel::trusted, this, &AssistWorkspace::join);
    m_screens = new QStackedWidget(this);
    m_screens->addWidget(buildWaiting());
    m_screens->addWidget(buildActive());

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(head);
    layout->addWidget(m_banner);
    layout->addWidget(m_relayKey);
    layout->addWidget(m_screens, 1);

    m_tick = new QTimer(this);
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &AssistWorkspace::tick);

    resize(1280, 820);
    join();
}

SshConnectOptions AssistWorkspace::relayFor(const AssistExpertOptions &options,
                                            const SessionCode &code)
{
    SshConnectOptions relay = options.relay;
    if (relay.host.isEmpty())
        relay.host = code.relayHost();
    if (relay.port <= 0 || (options.relay.host.isEmpty() && code.relayPort() != 0))
        relay.port = code.relayPort();
    if (relay.user.isEmpty())
        relay.user = code.relayUser();
    return relay;
}

void AssistWorkspace::join()
{
    if (m_session) {
        if (m_session->state() != AssistExpertSession::State::Ended)
            return;
        m_session->disconnect(this);
        m_session->deleteLater();
    }
    m_relayKey->clear();
    m_banner->clear();
    m_banner->setClosable(true);
    m_leave->setText(tr("Leave"));
    m_leave->setAccessibleName(tr("Leave the expert session"));
    m_timeLeft->clear();
    m_screens->setCurrentIndex(0);
    m_sasIntro->hide();
    m_sas->hide();
    m_sasHint->hide();
    m_session = new AssistExpertSession(m_options, this);
    connect(m_session, &AssistExpertSession::stateChanged, this, &AssistWorkspace::onStateChanged);
    connect(m_session, &AssistExpertSession::established, this, &AssistWorkspace::onEstablished);
    connect(m_session, &AssistExpertSession::welcomed, this, &AssistWorkspace::onWelcomed);
    connect(m_session, &AssistExpertSession::viewReceived, this, &AssistWorkspace::onView);
    connect(m_session, &AssistExpertSession::statusChanged, this,
            &AssistWorkspace::onProposalChanged);
    connect(m_session, &AssistExpertSession::resultReady, this,
            &AssistWorkspace::onProposalChanged);
    connect(m_session, &AssistExpertSession::chatAdded, this,
            [this](const AssistExpertSession::ChatLine &line) {
                m_chat->addLine(line.fromExpert, line.fromExpert ? tr("You") : tr("DBA"), line.text,
                                line.atUtc);
            });
    connect(m_session, &AssistExpertSession::ended, this, &AssistWorkspace::onEnded);
    onStateChanged(m_session->state());
    m_session->join(m_code);
}

AssistWorkspace::~AssistWorkspace()
{
    if (!m_session)
        return;
    m_session->disconnect(this);
    if (m_session->state() != AssistExpertSession::State::Ended)
        m_session->end();
}

QWidget *AssistWorkspace::buildWaiting()
{
    auto *w = new QWidget(this);
    m_waitText = new QLabel(w);
    m_waitText->setObjectName(u"assistExpertWaitText"_s);
    m_waitText->setWordWrap(true);
    QFont f = m_waitText->font();
    f.setPointSizeF(f.pointSizeF() * 1.2);
    f.setBold(true);
    m_waitText->setFont(f);
    m_sasIntro = new QLabel(tr("Read these six digits with the DBA, aloud or on a call:"), w);
    m_sasIntro->setWordWrap(true);
    m_sasIntro->hide();
    m_sas = new QLabel(w);
    m_sas->setObjectName(u"assistExpertSas"_s);
    m_sas->setAccessibleName(tr("Short authentication string"));
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(QLabel().font().pointSizeF() * 4.0);
    mono.setBold(true);
    m_sas->setFont(mono);
    m_sas->setAlignment(Qt::AlignCenter);
    m_sas->setFrameShape(QFrame::StyledPanel);
    m_sas->setMargin(16);
    m_sas->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_sas->hide();
    m_sasHint = new QLabel(tr("The DBA sees six digits too. If theirs differ from yours, leave: "
                              "someone may be between you."),
                           w);
    m_sasHint->setWordWrap(true);
    m_sasHint->hide();
    auto *l = new QVBoxLayout(w);
    l->setContentsMargins(0, 12, 0, 0);
    l->addWidget(m_waitText);
    l->addSpacing(8);
    l->addWidget(m_sasIntro);
    l->addWidget(m_sas);
    l->addWidget(m_sasHint);
    l->addStretch(1);
    return w;
}

QWidget *AssistWorkspace::buildActive()
{
    auto *w = new QWidget(this);
    m_envStrip = new QHBoxLayout;
    m_envStrip->addWidget(boldLabel(tr("Shared with you:"), w));
    m_envStrip->addStretch(1);

    // Views (left)
    auto *left = new QWidget(w);
    m_viewKind = new QComboBox(left);
    m_viewKind->setObjectName(u"assistViewKind"_s);
    m_viewKind->setAccessibleName(tr("View"));
    for (AssistView::Kind k :
         { AssistView::Kind::Fleet, AssistView::Kind::Sessions, AssistView::Kind::SlowDigests,
           AssistView::Kind::Health, AssistView::Kind::Alerts })
        m_viewKind->addItem(AssistView::kindTitle(k), int(k));
    m_viewEnv = new QComboBox(left);
    m_viewEnv->setObjectName(u"assistViewEnvironment"_s);
    m_viewEnv->setAccessibleName(tr("Environment of the view"));
    m_viewEnv->setMinimumContentsLength(12);
    auto *viewRow = new QHBoxLayout;
    viewRow->addWidget(boldLabel(tr("View:"), left));
    viewRow->addWidget(m_viewKind);
    viewRow->addWidget(m_viewEnv);
    viewRow->addStretch(1);
    m_healthCharts = new AssistHealthCharts(left);
    m_healthCharts->setObjectName(u"assistHealthCharts"_s);
    m_healthCharts->hide();
    m_view = new AssistTable(left);
    m_view->setObjectName(u"assistViewTable"_s);
    m_view->setAccessibleName(tr("Shared view"));
    m_viewNote = new QLabel(left);
    m_viewNote->setObjectName(u"assistViewNote"_s);
    m_viewNote->setWordWrap(true);
    m_viewError = new QLabel(left);
    m_viewError->setObjectName(u"assistViewError"_s);
    m_viewError->setWordWrap(true);
    QPalette ep = m_viewError->palette();
    ep.setColor(QPalette::WindowText, StatusPill::colorFor(StatusPill::State::Error));
    m_viewError->setPalette(ep);
    m_viewError->hide();
    m_proposeKill = new QPushButton(tr("Propose KILL QUERY of the selected session"), left);
    m_proposeKill->setObjectName(u"assistProposeKill"_s);
    m_proposeKill->setAccessibleName(tr("Propose killing the selected session's query"));
    m_proposeKill->hide();
    auto *ll = new QVBoxLayout(left);
    ll->setContentsMargins(0, 0, 6, 0);
    ll->addLayout(viewRow);
    ll->addWidget(m_healthCharts, 2);
    ll->addWidget(m_view, 1);
    ll->addWidget(m_viewNote);
    ll->addWidget(m_viewError);
    ll->addWidget(m_proposeKill, 0, Qt::AlignLeft);
    connect(m_viewKind, &QComboBox::currentIndexChanged, this, &AssistWorkspace::subscribeSelected);
    connect(m_viewEnv, &QComboBox::currentIndexChanged, this, &AssistWorkspace::subscribeSelected);
    connect(m_view, &QTableWidget::itemSelectionChanged, this, &AssistWorkspace::updateKillButton);
    connect(m_proposeKill, &QPushButton::clicked, this, &AssistWorkspace::proposeKill);

    // Propose, my proposals, chat (right)
    m_propose = new AssistProposeBox(w);
    connect(m_propose, &AssistProposeBox::proposeRequested, this, &AssistWorkspace::propose);

    auto *mine = new QWidget(w);
    m_proposals = new QListWidget(mine);
    m_proposals->setObjectName(u"assistMyProposals"_s);
    m_proposals->setAccessibleName(tr("My proposals"));
    m_resultLabel = new QLabel(mine);
    m_resultLabel->setObjectName(u"assistResultSummary"_s);
    m_resultLabel->setWordWrap(true);
    m_resultLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result = new AssistTable(mine);
    m_result->setObjectName(u"assistResultTable"_s);
    m_result->setAccessibleName(tr("Result of the selected proposal"));
    auto *ml = new QVBoxLayout(mine);
    ml->setContentsMargins(0, 0, 0, 0);
    ml->addWidget(boldLabel(tr("My proposals"), mine));
    ml->addWidget(m_proposals, 1);
    ml->addWidget(m_resultLabel);
    ml->addWidget(m_result, 2);
    connect(m_proposals, &QListWidget::currentItemChanged, this,
            &AssistWorkspace::showSelectedResult);

    m_chat = new AssistChatPane(w);
    m_chat->setInputEnabled(false);
    connect(m_chat, &AssistChatPane::sendRequested, this,
            [this](const QString &text) { m_session->sendChat(text); });

    auto *rightSplit = new QSplitter(Qt::Vertical, w);
    rightSplit->addWidget(m_propose);
    rightSplit->addWidget(mine);
    rightSplit->addWidget(m_chat);
    rightSplit->setStretchFactor(0, 0);
    rightSplit->setStretchFactor(1, 3);
    rightSplit->setStretchFactor(2, 1);
    rightSplit->setChildrenCollapsible(false);

    auto *split = new QSplitter(Qt::Horizontal, w);
    split->addWidget(left);
    split->addWidget(rightSplit);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);

    auto *l = new QVBoxLayout(w);
    l->setContentsMargins(0, 6, 0, 0);
    l->addLayout(m_envStrip);
    l->addWidget(split, 1);
    return w;
}

const AssistExpertSession::SharedEnvironment *AssistWorkspace::sharedEnv(const QString &name) const
{
    for (const AssistExpertSession::SharedEnvironment &e : m_session->environments())
        if (e.name == name)
            return &e;
    return nullptr;
}

bool AssistWorkspace::isActive() const
{
    return m_session->state() == AssistExpertSession::State::Active;
}

void AssistWorkspace::onStateChanged(AssistExpertSession::State state)
{
    const QString text = AssistExpertSession::stateText(state);
    StatusPill::State pill = StatusPill::State::Unknown;
    switch (state) {
    case AssistExpertSession::State::Idle:
    case AssistExpertSession::State::Connecting:
        m_waitText->setText(tr("Connecting to the relay\u2026"));
        break;
    case AssistExpertSession::State::Handshaking:
        m_waitText->setText(tr("Checking the session code with the DBA's TiDesk\u2026"));
        break;
    case AssistExpertSession::State::WaitingForAccept:
        pill = StatusPill::State::Warning;
        m_waitText->setText(tr("Connected. Waiting for the DBA to compare the digits and let "
                               "you in."));
        break;
    case AssistExpertSession::State::Active: pill = StatusPill::State::Ok; break;
    case AssistExpertSession::State::Ended: pill = StatusPill::State::Error; break;
    }
    m_state->setStatus(pill, text);
    const bool active = state == AssistExpertSession::State::Active;
    m_propose->setProposeEnabled(active);
    m_chat->setInputEnabled(active);
    updateKillButton();
}

void AssistWorkspace::onEstablished(const Sas &sas)
{
    m_sas->setText(sas.text());
    m_sas->setAccessibleDescription(tr("Read these six digits with the DBA: %1").arg(sas.text()));
    m_sasIntro->show();
    m_sas->show();
    m_sasHint->show();
}

void AssistWorkspace::onWelcomed()
{
    const QString host = m_session->hostId();
    //: %1 = how the DBA's TiDesk names itself (user@machine)
    m_title->setText(tr("Expert session with %1").arg(host));
    setWindowTitle(tr("Expert session with %1 \u2014 TiDesk").arg(host));
    m_title->setToolTip(tr("Digits compared: %1").arg(m_session->sas().text()));
    // The shared environments, tier-coloured.
    while (m_envStrip->count() > 2) {
        QLayoutItem *item = m_envStrip->takeAt(1);
        delete item->widget();
        delete item;
    }
    const QSignalBlocker block(m_viewEnv);
    m_viewEnv->clear();
    int pos = 1;
    for (const AssistExpertSession::SharedEnvironment &e : m_session->environments()) {
        const QColor c = QColor(e.color).isValid() ? QColor(e.color) : QColor(0x75, 0x75, 0x75);
        auto *badge = new TierBadge(
            //: Shared environment badge: %1 = name, %2 = tier
            tr("%1 \u00b7 %2").arg(e.name, e.production ? tr("PRODUCTION") : e.tier.toUpper()), c,
            this);
        badge->setToolTip(e.production ? tr("Production: the DBA approves every proposal with the "
                                            "typed environment name.")
                              : e.autoApproveReadOnly
                              ? tr("Read-only statements run without waiting for the DBA.")
                              : tr("Every proposal waits for the DBA."));
        m_envStrip->insertWidget(pos++, badge);
        m_viewEnv->addItem(e.name, e.name);
    }
    m_propose->setEnvironments(m_session->environments());
    m_screens->setCurrentIndex(1);
    m_tick->start();
    tick();
    subscribeSelected();
}

void AssistWorkspace::showView(AssistView::Kind kind, const QString &environment)
{
    {
        const QSignalBlocker b1(m_viewKind);
        const QSignalBlocker b2(m_viewEnv);
        m_viewKind->setCurrentIndex(m_viewKind->findData(int(kind)));
        if (!environment.isEmpty())
            m_viewEnv->setCurrentIndex(m_viewEnv->findData(environment));
    }
    subscribeSelected();
}

void AssistWorkspace::subscribeSelected()
{
    const auto kind = AssistView::Kind(m_viewKind->currentData().toInt());
    const bool needsEnv = AssistView::needsEnvironment(kind);
    m_viewEnv->setEnabled(needsEnv);
    m_view->setTable({}, {});
    m_viewNote->setText(tr("Waiting for the DBA's TiDesk to read the view\u2026"));
    m_viewError->hide();
    updateKillButton();
    if (!isActive())
        return;
    m_session->subscribe(kind, needsEnv ? m_viewEnv->currentData().toString() : QString());
}

void AssistWorkspace::onView(const AssistView &view)
{
    const auto kind = AssistView::Kind(m_viewKind->currentData().toInt());
    if (view.kind != kind)
        return;
    if (AssistView::needsEnvironment(kind) && view.environment != m_viewEnv->currentData())
        return;
    m_view->setTable(view.columns, view.rows);
    m_healthCharts->setVisible(kind == AssistView::Kind::Health && !view.series.isEmpty());
    if (kind == AssistView::Kind::Health)
        m_healthCharts->setView(view);
    // Environment names in the fleet and alerts in their tier colour (production bold).
    if (!AssistView::needsEnvironment(kind)) {
        for (int r = 0; r < m_view->rowCount(); ++r) {
            QTableWidgetItem *cell = m_view->item(r, 0);
            const AssistExpertSession::SharedEnvironment *env
                = cell ? sharedEnv(cell->text()) : nullptr;
            if (!env)
                continue;
            cell->setForeground(QColor(env->color).isValid() ? QColor(env->color)
                                                             : palette().color(QPalette::Text));
            QFont f = cell->font();
            f.setBold(env->production);
            cell->setFont(f);
        }
    }
    const QString at = view.atUtc.toLocalTime().toString(u"HH:mm:ss"_s);
    //: %1 = the view's own note, %2 = time it was read
    m_viewNote->setText(view.note.isEmpty() ? tr("Read at %1.").arg(at)
                                            : tr("%1 Read at %2.").arg(view.note, at));
    m_viewError->setText(view.error);
    m_viewError->setVisible(!view.error.isEmpty());
    updateKillButton();
}

void AssistWorkspace::updateKillButton()
{
    const bool sessions
        = AssistView::Kind(m_viewKind->currentData().toInt()) == AssistView::Kind::Sessions;
    m_proposeKill->setVisible(sessions);
    m_proposeKill->setEnabled(sessions && isActive() && !m_view->selectedRow().isEmpty());
}

void AssistWorkspace::proposeKill()
{
    const QStringList row = m_view->selectedRow();
    if (row.isEmpty())
        return;
    int idCol = m_view->columnOf(tr("ID"));
    if (idCol < 0)
        idCol = m_view->columnOf(u"ID"_s);
    if (idCol < 0)
        idCol = 1; // the host's sessions view: Instance, ID, ...
    int instCol = m_view->columnOf(tr("Instance"));
    if (instCol < 0)
        instCol = m_view->columnOf(u"Instance"_s);
    bool ok = false;
    AssistProposal p;
    p.action = AssistProposal::Action::KillQuery;
    p.environment = m_viewEnv->currentData().toString();
    p.connectionId = row.value(idCol).toULongLong(&ok);
    if (instCol >= 0)
        p.instance = row.value(instCol);
    if (!ok || p.connectionId == 0) {
        m_banner->showMessage(MessageBanner::Kind::Warning,
                              tr("The selected row has no connection id."));
        return;
    }
    propose(p);
}

void AssistWorkspace::propose(const AssistProposal &proposal)
{
    const qint64 id = m_session->propose(proposal);
    if (id <= 0) {
        m_banner->showMessage(MessageBanner::Kind::Warning,
                              tr("The proposal could not be sent: the session is not active."));
        return;
    }
    auto *item = new QListWidgetItem(m_proposals);
    item->setData(Qt::UserRole, id);
    if (const AssistExpertSession::SharedEnvironment *env = sharedEnv(proposal.environment))
        item->setIcon(StatusPill::dotIcon(QColor(env->color).isValid() ? QColor(env->color)
                                                                       : QColor(0x75, 0x75, 0x75)));
    m_items.insert(id, item);
    onProposalChanged(id);
    m_proposals->setCurrentItem(item);
}

void AssistWorkspace::onProposalChanged(qint64 id)
{
    QListWidgetItem *item = m_items.value(id);
    const AssistExpertSession::Proposal *p = m_session->proposal(id);
    if (!item || !p)
        return;
    //: My proposals list: %1 = number, %2 = summary, %3 = status
    item->setText(tr("#%1  %2 \u2014 %3")
                      .arg(id)
                      .arg(p->proposal.summary(), AssistProposal::statusText(p->status)));
    // Refused or failed in red; the rest in the normal text colour (the status says it).
    if (pillFor(p->status) == StatusPill::State::Error)
        item->setForeground(StatusPill::colorFor(StatusPill::State::Error));
    else
        item->setData(Qt::ForegroundRole, QVariant());
    if (m_proposals->currentItem() == item)
        showSelectedResult();
}

void AssistWorkspace::selectProposal(qint64 id)
{
    if (QListWidgetItem *item = m_items.value(id))
        m_proposals->setCurrentItem(item);
}

QString AssistWorkspace::resultSummary(const AssistResult &r, int rowLimit)
{
    if (!r.ok)
        //: %1 = the server's error
        return tr("Failed: %1").arg(r.message);
    QString text;
    if (!r.columns.isEmpty()) {
        if (r.isTruncated())
            //: %1 = rows shown, %2 = rows the statement returned, %3 = the row limit
            text = tr("%1 of %2 rows (the DBA's limit is %3 rows)")
                       .arg(QLocale().toString(r.rows.size()), QLocale().toString(r.totalRows),
                            QLocale().toString(rowLimit));
        else
            text = tr("%n row(s)", nullptr, int(r.totalRows));
    } else if (r.affectedRows >= 0) {
        text = tr("%n row(s) affected", nullptr, int(r.affectedRows));
    }
    if (!r.message.isEmpty())
        text = text.isEmpty() ? r.message : text + u" \u2014 "_s + r.message;
    if (text.endsWith(u'.')) // "Backup ... succeeded (7,762 bytes)." reads on: "... in 1260 ms"
        text.chop(1);
    //: %1 = the outcome, %2 = milliseconds
    return tr("Done: %1 in %2 ms").arg(text.isEmpty() ? tr("ok") : text).arg(r.durationMs);
}

void AssistWorkspace::showSelectedResult()
{
    QListWidgetItem *item = m_proposals->currentItem();
    const AssistExpertSession::Proposal *p
        = item ? m_session->proposal(item->data(Qt::UserRole).toLongLong()) : nullptr;
    if (!p) {
        m_resultLabel->clear();
        m_result->setTable({}, {});
        return;
    }
    QStringList lines;
    //: %1 = status text
    lines << tr("Status: %1").arg(AssistProposal::statusText(p->status));
    if (!p->statement.isEmpty())
        lines << tr("Runs as: %1").arg(p->statement);
    if (!p->note.isEmpty())
        lines << tr("DBA's note: %1").arg(p->note);
    if (p->result)
        lines << resultSummary(*p->result, m_session->rowLimit());
    m_resultLabel->setText(lines.join(u'\n'));
    if (p->result && !p->result->columns.isEmpty())
        m_result->setTable(p->result->columns, p->result->rows);
    else
        m_result->setTable({}, {});
}

void AssistWorkspace::onEnded(const Error &reason)
{
    m_tick->stop();
    m_timeLeft->setText(tr("Ended"));
    m_leave->setText(tr("Close"));
    m_leave->setAccessibleName(tr("Close this window"));
    const bool normal = reason.kind == ErrorKind::Cancelled || reason.kind == ErrorKind::Timeout
        || reason.kind == ErrorKind::None;
    //: %1 = why ("The DBA ended the session.")
    m_banner->showMessage(normal ? MessageBanner::Kind::Info : MessageBanner::Kind::Warning,
                          tr("The expert session ended: %1")
                              .arg(reason.message.isEmpty() ? reason.toString() : reason.message),
                          reason.detail);
    m_banner->setClosable(false);
    if (m_screens->currentIndex() == 0) {
        m_waitText->setText(tr("Not connected."));
        m_sasIntro->hide();
        m_sasHint->hide();
    }
    // An unknown relay key: what it is and a way to trust it (a changed one: why not).
    if (reason.kind == ErrorKind::HostKey)
        m_relayKey->examine(reason, relayFor(m_options, m_code));
}

void AssistWorkspace::tick()
{
    m_timeLeft->setText(
        AssistTimeText::left(m_session->endsAtUtc(), QDateTime::currentDateTimeUtc()));
}

void AssistWorkspace::closeEvent(QCloseEvent *event)
{
    if (m_session->state() != AssistExpertSession::State::Ended)
        m_session->end();
    event->accept();
}

} // namespace TiDesk
