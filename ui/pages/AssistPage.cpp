#include "AssistPage.h"

#include "backup/BackupManager.h"

#include "AssistChatPane.h"
#include "AssistProposalCard.h"
#include "AssistRelayKeyPanel.h"
#include "AssistStartForm.h"
#include "AssistTimeText.h"
#include "MessageBanner.h"
#include "PageHeading.h"
#include "StatusPill.h"
#include "TierStyle.h"
#include "dialogs/AssistLogDialog.h"
#include "dialogs/ConfirmActionDialog.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

QLabel *bigMono(const QString &objectName, const QString &accessibleName, double scale,
                QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setObjectName(objectName);
    l->setAccessibleName(accessibleName);
    QFont f = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    f.setPointSizeF(QLabel().font().pointSizeF() * scale);
    f.setBold(true);
    l->setFont(f);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    l->setAlignment(Qt::AlignCenter);
    return l;
}

QLabel *plain(const QString &objectName, QWidget *parent, bool wrap = true)
{
    auto *l = new QLabel(parent);
    l->setObjectName(objectName);
    l->setWordWrap(wrap);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *l = new QLabel(text, parent);
    l->setWordWrap(true);
    QFont f = l->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.25);
    l->setFont(f);
    return l;
}

} // namespace

AssistPage::AssistPage(const CoreServices &services, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
{
    setObjectName(u"assistPage"_s);
    m_heading = new PageHeading(tr("Expert session"), this);
    m_banner = new MessageBanner(this);
    m_banner->setObjectName(u"assistBanner"_s);
    connect(m_banner, &MessageBanner::actionTriggered, this, &AssistPage::resetToStart);
    m_relayKey = new AssistRelayKeyPanel(m_services.pool, this);
    connect(m_relayKey, &AssistRelayKeyPanel::trusted, this, &AssistPage::startSession);

    m_form = new AssistStartForm(this);
    connect(m_form, &AssistStartForm::startRequested, this, &AssistPage::startSession);

    m_screens = new QStackedWidget(this);
    m_screens->addWidget(m_form);
    m_screens->addWidget(buildCodeScreen());
    m_screens->addWidget(buildConsentScreen());
    m_screens->addWidget(buildActiveScreen());

    m_tick = new QTimer(this);
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &AssistPage::tick);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_banner);
    layout->addWidget(m_relayKey);
    layout->addWidget(m_screens, 1);
}

AssistPage::~AssistPage()
{
    if (AssistHostSession *s = m_session) {
        s->disconnect(this);
        s->end();
    }
}

QWidget *AssistPage::buildCodeScreen()
{
    auto *w = new QWidget(this);
    auto *title = heading(tr("Give this session code to the expert"), w);
    auto *hint = new QLabel(tr("Read it aloud or paste it into a channel you trust. The expert "
                               "joins with it from TiDesk (Join an expert session\u2026)."),
                            w);
    hint->setWordWrap(true);
    m_code = bigMono(u"assistCodeLabel"_s, tr("Session code"), 2.3, w);
    m_code->setFrameShape(QFrame::StyledPanel);
    m_code->setMargin(14);
    m_code->setWordWrap(true);
    m_copy = new QPushButton(tr("Copy code"), w);
    m_copy->setObjectName(u"assistCopyCode"_s);
    m_copy->setAccessibleName(tr("Copy the session code"));
    connect(m_copy, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_code->text());
        m_copy->setText(tr("Copied"));
        QTimer::singleShot(2000, m_copy, [this] { m_copy->setText(tr("Copy code")); });
    });
    auto *codeRow = new QHBoxLayout;
    codeRow->addWidget(m_code, 1);
    codeRow->addWidget(m_copy, 0, Qt::AlignVCenter);
    m_expiry = plain(u"assistCodeExpiry"_s, w, false);
    m_attempts = plain(u"assistAttemptsLeft"_s, w, false);
    m_codeShared = plain(u"assistCodeShared"_s, w);
    m_codeShared->setTextFormat(Qt::RichText);
    auto *next = new QLabel(
        tr("What happens next:<ol>"
           "<li>The expert joins with the code; you see their name and key here.</li>"
           "<li>You both read six digits aloud. Only if they match, you accept.</li>"
           "<li>The expert sees the shared environments and proposes statements; you approve "
           "or reject each one. Everything is written to the session's audit log.</li></ol>"),
        w);
    next->setObjectName(u"assistCodeNextSteps"_s);
    next->setWordWrap(true);
    next->setTextFormat(Qt::RichText);
    m_codeState = new StatusPill(w);
    m_codeState->setObjectName(u"assistCodeState"_s);
    m_attemptFailed
        = PageHeading::makeHeadline(u"assistAttemptFailed"_s, tr("Failed attempt"), 1.1, w);
    PageHeading::setHeadlineColor(m_attemptFailed, StatusPill::colorFor(StatusPill::State::Error));
    m_attemptFailed->hide();
    m_cancel = new QPushButton(tr("Cancel session"), w);
    m_cancel->setObjectName(u"assistCancelCode"_s);
    m_cancel->setAccessibleName(tr("Cancel the session before anyone joins"));
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_session)
            m_session->end();
    });
    auto *facts = new QHBoxLayout;
    facts->addWidget(m_codeState);
    facts->addSpacing(12);
    facts->addWidget(m_expiry);
    facts->addSpacing(12);
    facts->addWidget(m_attempts, 1);
    facts->addWidget(m_cancel);
    auto *l = new QVBoxLayout(w);
    l->setContentsMargins(0, 8, 0, 0);
    l->addWidget(title);
    l->addWidget(hint);
    l->addSpacing(8);
    l->addLayout(codeRow);
    l->addLayout(facts);
    l->addWidget(m_attemptFailed);
    l->addSpacing(8);
    l->addWidget(m_codeShared);
    l->addWidget(next);
    l->addStretch(1);
    return w;
}

QString AssistPage::sharedText(const AssistHostOptions &o)
{
    QStringList shared;
    for (const Environment &e : o.sharedEnvironments)
        shared << (e.isProduction() ? u"<b style=\"color:%1\">%2 (%3)</b>"_s.arg(
                       TierStyle::color(e).name(), e.name.toHtmlEscaped(),
                       TierStyle::longName(e).toHtmlEscaped())
                                    : u"%1 (%2)"_s.arg(e.name.toHtmlEscaped(),
                                                       TierStyle::badgeText(e).toHtmlEscaped()));
    //: %1 = the shared environments, comma-separated
    QString text = tr("Shared: %1.").arg(shared.join(u", "_s));
    text += u' '
        + (o.autoApproveReadOnly
               ? tr("Read-only statements on non-production run without asking; everything else "
                    "waits for you.")
               : tr("Every proposal waits for you."));
    return text;
}

QString AssistPage::limitsText(const AssistHostOptions &o)
{
    //: %1 = maximum duration, %2 = idle timeout, %3 = rows per result
    return tr("Ends after %1, or after %2 without activity. At most %3 rows of a result are sent "
              "to the expert.")
        .arg(AssistTimeText::duration(qint64(o.maxDuration.count()) * 60),
             AssistTimeText::duration(qint64(o.idleTimeout.count())),
             QLocale().toString(o.rowLimit));
}

QWidget *AssistPage::buildConsentScreen()
{
    auto *w = new QWidget(this);
    auto *title = heading(tr("An expert wants to join"), w);
    m_expert = PageHeading::makeHeadline(u"assistExpertName"_s, tr("Expert"), 1.2, w);
    m_fingerprint = plain(u"assistExpertFingerprint"_s, w);
    m_fingerprint->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *read = new QLabel(tr("Read these six digits with the expert, aloud or on a call:"), w);
    read->setWordWrap(true);
    m_sas = bigMono(u"assistSasLabel"_s, tr("Short authentication string"), 4.0, w);
    m_sas->setFrameShape(QFrame::StyledPanel);
    m_sas->setMargin(16);
    auto *warn = new QLabel(tr("Accept only if the expert reads exactly the same digits. Different "
                               "digits mean someone else is in the middle: refuse."),
                            w);
    warn->setWordWrap(true);
    QFont wf = warn->font();
    wf.setBold(true);
    warn->setFont(wf);
    m_consentShared = plain(u"assistConsentShared"_s, w);
    m_consentShared->setTextFormat(Qt::RichText);
    m_accept = new QPushButton(tr("Accept \u2014 the digits match"), w);
    m_accept->setObjectName(u"assistAccept"_s);
    m_accept->setAccessibleName(tr("Accept the expert"));
    m_refuse = new QPushButton(tr("Refuse"), w);
    m_refuse->setObjectName(u"assistRefuse"_s);
    m_refuse->setAccessibleName(tr("Refuse the expert"));
    connect(m_accept, &QPushButton::clicked, this, [this] {
        if (m_session)
            m_session->accept();
    });
    connect(m_refuse, &QPushButton::clicked, this, [this] {
        if (m_session)
            m_session->refuse();
    });
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_refuse);
    buttons->addWidget(m_accept);
    auto *l = new QVBoxLayout(w);
    l->setContentsMargins(0, 8, 0, 0);
    l->addWidget(title);
    l->addWidget(m_expert);
    l->addWidget(m_fingerprint);
    l->addSpacing(10);
    l->addWidget(read);
    l->addWidget(m_sas);
    l->addWidget(warn);
    l->addSpacing(6);
    l->addWidget(m_consentShared);
    l->addLayout(buttons);
    l->addStretch(1);
    return w;
}

QWidget *AssistPage::buildActiveScreen()
{
    auto *w = new QWidget(this);
    m_activeExpert = PageHeading::makeHeadline(u"assistActiveExpert"_s, tr("Expert"), 1.1, w);
    m_timeLeft = plain(u"assistTimeLeft"_s, w, false);
    m_timeLeft->setAccessibleName(tr("Time left"));
    m_pending = plain(u"assistPendingCount"_s, w, false);
    m_end = new QPushButton(tr("End session"), w);
    m_end->setObjectName(u"assistEndSession"_s);
    m_end->setAccessibleName(tr("End the expert session"));
    connect(m_end, &QPushButton::clicked, this, [this] {
        if (m_session)
            m_session->end();
    });
    auto *top = new QHBoxLayout;
    top->addWidget(m_activeExpert, 1);
    top->addWidget(m_pending);
    top->addSpacing(12);
    top->addWidget(m_timeLeft);
    top->addSpacing(12);
    top->addWidget(m_end);
    m_sharedLine = plain(u"assistSharedLine"_s, w);

    auto *cardsHost = new QWidget;
    m_cardsLayout = new QVBoxLayout(cardsHost);
    m_cardsLayout->setContentsMargins(0, 0, 6, 0);
    m_noCards = new QLabel(tr("No proposal yet. The expert's proposals appear here; nothing runs "
                              "before you approve it."),
                           cardsHost);
    m_noCards->setWordWrap(true);
    m_cardsLayout->addWidget(m_noCards);
    m_cardsLayout->addStretch(1);
    auto *scroll = new QScrollArea(w);
    scroll->setObjectName(u"assistCards"_s);
    scroll->setAccessibleName(tr("Proposals"));
    scroll->setWidgetResizable(true);
    scroll->setWidget(cardsHost);
    scroll->setFrameShape(QFrame::NoFrame);

    auto *right = new QWidget(w);
    m_chat = new AssistChatPane(right);
    connect(m_chat, &AssistChatPane::sendRequested, this, [this](const QString &text) {
        if (m_session)
            m_session->sendChat(text);
    });
    auto *auditTitle = new QLabel(tr("Audit log"), right);
    QFont af = auditTitle->font();
    af.setBold(true);
    auditTitle->setFont(af);
    m_auditPath = plain(u"assistAuditPath"_s, right);
    m_auditPath->setAccessibleName(tr("Audit log file"));
    m_openFolder = new QPushButton(tr("Open folder"), right);
    m_openFolder->setObjectName(u"assistOpenAuditFolder"_s);
    m_openFolder->setAccessibleName(tr("Open the audit log's folder"));
    connect(m_openFolder, &QPushButton::clicked, this, [this] {
        if (m_session && !m_session->auditPath().isEmpty())
            QDesktopServices::openUrl(
                QUrl::fromLocalFile(QFileInfo(m_session->auditPath()).absolutePath()));
    });
    m_showLogs = new QPushButton(tr("Session logs\u2026"), right);
    m_showLogs->setObjectName(u"assistShowLogs"_s);
    m_showLogs->setAccessibleName(tr("Replay and verify the session logs"));
    connect(m_showLogs, &QPushButton::clicked, this, &AssistPage::showLogs);
    auto *auditButtons = new QHBoxLayout;
    auditButtons->addWidget(m_openFolder);
    auditButtons->addWidget(m_showLogs);
    auditButtons->addStretch(1);
    auto *rl = new QVBoxLayout(right);
    rl->setContentsMargins(6, 0, 0, 0);
    rl->addWidget(m_chat, 1);
    rl->addWidget(auditTitle);
    rl->addWidget(m_auditPath);
    rl->addLayout(auditButtons);

    auto *split = new QSplitter(Qt::Horizontal, w);
    split->addWidget(scroll);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);

    auto *l = new QVBoxLayout(w);
    l->setContentsMargins(0, 8, 0, 0);
    l->addLayout(top);
    l->addWidget(m_sharedLine);
    l->addWidget(split, 1);
    return w;
}

void AssistPage::setEnvironments(const EnvironmentList &envs)
{
    m_form->setEnvironments(envs);
}

bool AssistPage::isSessionRunning() const
{
    return m_session && m_session->state() != AssistHostSession::State::Ended
        && m_session->state() != AssistHostSession::State::Idle;
}

AssistPage::Screen AssistPage::screen() const
{
    return Screen(m_screens->currentIndex());
}

void AssistPage::setScreen(Screen s)
{
    m_screens->setCurrentIndex(int(s));
}

AssistProposalCard *AssistPage::card(qint64 proposalId) const
{
    return m_cards.value(proposalId, nullptr);
}

void AssistPage::setBackupManager(BackupManager *manager)
{
    m_backupManager = manager;
}

void AssistPage::startSession()
{
    if (isSessionRunning() || !m_form->canStart())
        return;
    m_form->saveSettings();
    if (m_session) {
        m_session->disconnect(this);
        m_session->deleteLater();
    }
    clearActive();
    m_banner->clear();
    m_relayKey->clear();
    auto *s = new AssistHostSession(m_services, m_form->options(), this);
    s->setBackupManager(m_backupManager.data());
    m_session = s;
    connectSession(s);
    m_code->setText(tr("Connecting to the relay\u2026"));
    m_expiry->clear();
    m_attempts->clear();
    m_attemptFailed->hide();
    m_codeState->setStatus(StatusPill::State::Unknown,
                           AssistHostSession::stateText(AssistHostSession::State::Opening));
    m_copy->setEnabled(false);
    m_codeShared->setText(sharedText(m_form->options()) + u"<br>"_s
                          + limitsText(m_form->options()).toHtmlEscaped());
    setScreen(Screen::Code);
    s->start();
}

void AssistPage::connectSession(AssistHostSession *s)
{
    connect(s, &AssistHostSession::stateChanged, this, &AssistPage::onStateChanged);
    connect(s, &AssistHostSession::codeReady, this, &AssistPage::onCodeReady);
    connect(s, &AssistHostSession::attemptFailed, this, &AssistPage::onAttemptFailed);
    connect(s, &AssistHostSession::expertWaiting, this, &AssistPage::onExpertWaiting);
    connect(s, &AssistHostSession::cardAdded, this, &AssistPage::onCardAdded);
    connect(s, &AssistHostSession::cardChanged, this, &AssistPage::onCardChanged);
    connect(
        s, &AssistHostSession::chatAdded, this, [this](const AssistHostSession::ChatLine &line) {
            m_chat->addLine(!line.fromExpert,
                            line.fromExpert ? (m_session ? m_session->expertName() : tr("Expert"))
                                            : tr("You"),
                            line.text, line.atUtc);
        });
    connect(s, &AssistHostSession::ended, this, &AssistPage::onEnded);
    connect(s, &AssistHostSession::auditFailed, this, [this](const Error &e) {
        m_banner->showMessage(MessageBanner::Kind::Warning,
                              tr("The audit log of this session could not be written."),
                              e.toString());
    });
}

void AssistPage::onStateChanged(AssistHostSession::State state)
{
    const bool running = isSessionRunning();
    if (running != m_wasRunning) {
        m_wasRunning = running;
        emit sessionRunningChanged(running);
    }
    const QString text = AssistHostSession::stateText(state);
    switch (state) {
    case AssistHostSession::State::Idle:
    case AssistHostSession::State::Ended: break;
    case AssistHostSession::State::Opening:
    case AssistHostSession::State::WaitingForExpert:
        m_codeState->setStatus(StatusPill::State::Unknown, text);
        setScreen(Screen::Code);
        break;
    case AssistHostSession::State::Handshaking:
        m_codeState->setStatus(StatusPill::State::Warning, text);
        setScreen(Screen::Code);
        break;
    case AssistHostSession::State::AwaitingAccept: setScreen(Screen::Consent); break;
    case AssistHostSession::State::Active: {
        setScreen(Screen::Active);
        const AssistHostSession &s = *m_session;
        //: %1 = the expert's name
        m_activeExpert->setText(tr("Expert: %1").arg(s.expertName()));
        m_activeExpert->setToolTip(s.expertKeyFingerprint());
        m_sharedLine->setTextFormat(Qt::RichText);
        m_sharedLine->setText(sharedText(s.options()));
        m_sharedLine->setToolTip(limitsText(s.options()));
        m_auditPath->setText(QDir::toNativeSeparators(s.auditPath()));
        m_chat->setInputEnabled(true);
        m_end->setEnabled(true);
        updatePendingCount();
        tick();
        break;
    }
    }
}

void AssistPage::onCodeReady(const SessionCode &code)
{
    m_code->setText(code.toText());
    m_copy->setEnabled(true);
    m_tick->start();
    tick();
}

void AssistPage::onAttemptFailed(const Error &error, int remaining)
{
    m_attemptFailed->setText(
        remaining == 1 ? tr("A wrong code was tried (or the attempt dropped); 1 attempt left.")
                       //: After a failed join; %1 = attempts the same code still allows (2 or more)
                       : tr("A wrong code was tried (or the attempt dropped); %1 attempts left.")
                             .arg(remaining));
    m_attemptFailed->setToolTip(error.toString());
    m_attemptFailed->show();
    tick();
}

void AssistPage::onExpertWaiting(const QString &name, const QString &fingerprint, const Sas &sas)
{
    //: %1 = the name the expert gave
    m_expert->setText(tr("%1 connected with the session code.").arg(name));
    //: %1 = SSH key fingerprint (SHA256:...)
    m_fingerprint->setText(fingerprint.isEmpty() ? tr("Key fingerprint: (not given)")
                                                 : tr("Key fingerprint: %1").arg(fingerprint));
    m_sas->setText(sas.text());
    if (m_session)
        //: %1 = "Shared: prod (PRODUCTION), dev (DEV). ..."
        m_consentShared->setText(tr("Accepting lets the expert see and propose on what you "
                                    "chose. %1")
                                     .arg(sharedText(m_session->options())));
    m_sas->setAccessibleDescription(
        tr("Read these six digits with the expert: %1").arg(sas.text()));
    setScreen(Screen::Consent);
    m_accept->setFocus();
}

void AssistPage::onCardAdded(qint64 id)
{
    if (!m_session || m_cards.contains(id))
        return;
    auto *c = new AssistProposalCard(id, m_cardsLayout->parentWidget());
    connect(c, &AssistProposalCard::approveClicked, this, &AssistPage::approve);
    connect(c, &AssistProposalCard::rejectClicked, this, &AssistPage::reject);
    m_cards.insert(id, c);
    m_noCards->hide();
    m_cardsLayout->insertWidget(0, c); // newest first
    onCardChanged(id);
}

void AssistPage::onCardChanged(qint64 id)
{
    AssistProposalCard *c = m_cards.value(id);
    AssistHostSession *s = m_session;
    const AssistHostSession::Card *cardData = s ? s->card(id) : nullptr;
    if (!c || !s || !cardData)
        return;
    c->setCard(*cardData, s->state() == AssistHostSession::State::Active);
    updatePendingCount();
}

void AssistPage::approve(qint64 id)
{
    if (!m_session)
        return;
    const AssistHostSession::Card *card = m_session->card(id);
    if (!card)
        return;
    QString why;
    if (!card->environment.isProduction()) {
        if (!m_session->approve(id, QString(), &why))
            m_banner->showMessage(MessageBanner::Kind::Warning,
                                  tr("Proposal #%1 could not be approved.").arg(id), why);
        return;
    }
    if (m_approveDialog)
        m_approveDialog->close();
    auto *dlg = new ConfirmActionDialog(
        card->environment, tr("Run the expert's proposal #%1 on production?").arg(id),
        //: %1 = what the statement affects
        tr("The expert proposed this; it runs with your credentials. %1").arg(card->facts.affects),
        card->facts.statement, tr("Approve and run"), this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    m_approveDialog = dlg;
    connect(dlg, &QDialog::accepted, this, [this, id, dlg] {
        const QString typed
            = dlg->typedNameEdit() ? dlg->typedNameEdit()->text().trimmed() : QString();
        QString reason;
        if (m_session && !m_session->approve(id, typed, &reason))
            m_banner->showMessage(MessageBanner::Kind::Warning,
                                  tr("Proposal #%1 could not be approved.").arg(id), reason);
    });
    dlg->open();
}

void AssistPage::reject(qint64 id, const QString &note)
{
    if (m_session && !m_session->reject(id, note))
        m_banner->showMessage(MessageBanner::Kind::Warning,
                              tr("Proposal #%1 could not be rejected.").arg(id));
}

void AssistPage::onEnded(const Error &reason)
{
    m_tick->stop();
    const Screen was = screen();
    if (m_approveDialog)
        m_approveDialog->close();
    m_wasRunning = false;
    emit sessionRunningChanged(false);
    // Ended by someone (you, the expert, a refusal) or a limit: information; anything else (the
    // relay dropped, a protocol error, the code burned): a warning.
    const bool normal = reason.kind == ErrorKind::Cancelled || reason.kind == ErrorKind::Timeout
        || reason.kind == ErrorKind::None;
    //: Banner when an expert session ends: %1 = why ("You ended the session.")
    m_banner->showMessage(normal ? MessageBanner::Kind::Info : MessageBanner::Kind::Warning,
                          tr("The expert session ended: %1")
                              .arg(reason.message.isEmpty() ? reason.toString() : reason.message),
                          reason.detail, tr("New session\u2026"));
    m_chat->setInputEnabled(false);
    m_end->setEnabled(false);
    m_timeLeft->setText(tr("Ended"));
    for (auto it = m_cards.cbegin(); it != m_cards.cend(); ++it)
        if (const AssistHostSession::Card *cardData
            = m_session ? m_session->card(it.key()) : nullptr)
            it.value()->setCard(*cardData, false);
    updatePendingCount();
    if (was != Screen::Active)
        setScreen(Screen::Start);
    // An unknown relay key: what it is and a way to trust it (a changed one: why not).
    if (m_session && reason.kind == ErrorKind::HostKey)
        m_relayKey->examine(reason, m_session->options().relay);
}

AssistLogDialog *AssistPage::logDialog() const
{
    return m_logDialog.data();
}

AssistLogDialog *AssistPage::showLogs()
{
    // The last session's directory (AssistHostOptions::auditDir may have moved it), else the
    // default one.
    QString dir = AssistLogDialog::defaultDirectory();
    QString current;
    if (m_session && !m_session->auditPath().isEmpty()) {
        current = m_session->auditPath();
        dir = QFileInfo(current).absolutePath();
    }
    AssistLogDialog *dlg = m_logDialog.data();
    if (dlg && (!dlg->isVisible() || dlg->directory() != dir)) {
        dlg->close(); // deletes itself later
        dlg = nullptr;
    }
    if (dlg) {
        dlg->refresh();
    } else {
        dlg = new AssistLogDialog(dir, m_services.pool, this);
        dlg->setAttribute(Qt::WA_DeleteOnClose);
        m_logDialog = dlg;
    }
    if (!current.isEmpty())
        dlg->selectLog(current);
    dlg->show();
    dlg->raise();
    dlg->activateWindow();
    return dlg;
}

void AssistPage::resetToStart()
{
    if (isSessionRunning())
        return;
    m_banner->clear();
    m_relayKey->clear();
    setScreen(Screen::Start);
}

void AssistPage::clearActive()
{
    for (AssistProposalCard *c : std::as_const(m_cards))
        c->deleteLater();
    m_cards.clear();
    m_noCards->show();
    m_chat->clear();
    m_auditPath->clear();
    m_timeLeft->clear();
    m_pending->clear();
}

void AssistPage::updatePendingCount()
{
    const int n = m_session ? m_session->pendingCount() : 0;
    //: %n = proposals waiting for the DBA's decision
    m_pending->setText(n > 0 ? tr("%n waiting for you", nullptr, n) : QString());
    QFont f = m_pending->font();
    f.setBold(n > 0);
    m_pending->setFont(f);
    if (n != m_lastPending) {
        m_lastPending = n;
        emit pendingCountChanged(n);
    }
}

void AssistPage::tick()
{
    if (!m_session)
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const AssistHostSession &s = *m_session;
    if (const std::optional<SessionCode> code = s.code()) {
        m_expiry->setText(AssistTimeText::validUntil(code->expiresUtc(), now));
        const int left = s.attemptsLeft();
        //: %1 = attempts the code still allows (2 or more)
        m_attempts->setText(left == 1 ? tr("1 attempt left") : tr("%1 attempts left").arg(left));
    }
    if (s.state() == AssistHostSession::State::Active)
        m_timeLeft->setText(AssistTimeText::left(s.endsAtUtc(), now));
}

} // namespace TiDesk
