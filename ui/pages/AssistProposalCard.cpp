#include "AssistProposalCard.h"

#include "AssistTable.h"
#include "StatusPill.h"
#include "TierBadge.h"
#include "TierStyle.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

StatusPill::State pillState(AssistProposal::Status s)
{
    switch (s) {
    case AssistProposal::Status::Pending: return StatusPill::State::Warning;
    case AssistProposal::Status::Done: return StatusPill::State::Ok;
    case AssistProposal::Status::Failed: return StatusPill::State::Error;
    case AssistProposal::Status::Rejected:
    case AssistProposal::Status::Approved:
    case AssistProposal::Status::AutoApproved:
    case AssistProposal::Status::Running: return StatusPill::State::Unknown;
    }
    return StatusPill::State::Unknown;
}

void setTextColor(QLabel *label, const QColor &color)
{
    QPalette p = label->palette();
    p.setColor(QPalette::WindowText, color);
    label->setPalette(p);
}

QLabel *wrapLabel(const QString &objectName, QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setObjectName(objectName);
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

} // namespace

AssistProposalCard::AssistProposalCard(qint64 proposalId, QWidget *parent)
    : QFrame(parent)
    , m_id(proposalId)
{
    setObjectName(u"assistCard_%1"_s.arg(proposalId));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);

    m_badge = new TierBadge(this);
    m_envName = new QLabel(this);
    QFont bold = m_envName->font();
    bold.setBold(true);
    m_envName->setFont(bold);
    m_action = new QLabel(this);
    m_action->setObjectName(u"assistCardAction"_s);
    QFont af = bold;
    af.setPointSizeF(af.pointSizeF() * 1.1);
    m_action->setFont(af);
    m_received = new QLabel(this);
    m_statusPill = new StatusPill(this);
    m_statusPill->setObjectName(u"assistCardStatus"_s);
    auto *head = new QHBoxLayout;
    head->addWidget(m_badge);
    head->addWidget(m_envName);
    head->addSpacing(8);
    head->addWidget(m_action, 1);
    head->addWidget(m_received);
    head->addWidget(m_statusPill);

    m_prodLine = new QLabel(this);
    m_prodLine->setObjectName(u"assistCardProduction"_s);
    m_prodLine->setWordWrap(true);
    m_prodLine->setFont(bold);
    m_prodLine->setAutoFillBackground(true);
    m_prodLine->setContentsMargins(6, 3, 6, 3);
    m_prodLine->hide();

    m_statement = new QPlainTextEdit(this);
    m_statement->setObjectName(u"assistCardStatement"_s);
    m_statement->setAccessibleName(tr("Statement TiDesk will run"));
    m_statement->setReadOnly(true);
    m_statement->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_statement->setLineWrapMode(QPlainTextEdit::WidgetWidth);

    m_affects = wrapLabel(u"assistCardAffects"_s, this);
    m_readOnly = wrapLabel(u"assistCardReadOnly"_s, this);
    m_error = wrapLabel(u"assistCardError"_s, this);
    setTextColor(m_error, StatusPill::colorFor(StatusPill::State::Error));
    m_error->hide();

    m_explainToggle = new QToolButton(this);
    m_explainToggle->setObjectName(u"assistCardExplainToggle"_s);
    m_explainToggle->setAccessibleName(tr("Show or hide the EXPLAIN"));
    m_explainToggle->setCheckable(true);
    m_explainToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_explainToggle->setAutoRaise(true);
    m_explainToggle->setText(tr("EXPLAIN"));
    m_explain = new AssistTable(this);
    m_explain->setObjectName(u"assistCardExplain"_s);
    m_explain->setAccessibleName(tr("EXPLAIN of the statement"));
    m_explainError = wrapLabel(u"assistCardExplainError"_s, this);
    m_explainToggle->hide();
    m_explain->hide();
    m_explainError->hide();
    connect(m_explainToggle, &QToolButton::clicked, this, [this](bool on) {
        m_explainTouched = true;
        setExplainVisible(on);
    });

    m_note = wrapLabel(u"assistCardNote"_s, this);
    m_note->hide();
    m_result = wrapLabel(u"assistCardResult"_s, this);
    m_result->setFont(bold);
    m_result->hide();

    m_decision = new QWidget(this);
    m_noteEdit = new QLineEdit(m_decision);
    m_noteEdit->setObjectName(u"assistCardRejectNote"_s);
    m_noteEdit->setAccessibleName(tr("Note for the expert when rejecting"));
    m_noteEdit->setPlaceholderText(tr("Why not (optional, sent with a rejection)"));
    m_reject = new QPushButton(tr("Reject"), m_decision);
    m_reject->setObjectName(u"assistCardReject"_s);
    m_reject->setAccessibleName(tr("Reject proposal %1").arg(proposalId));
    m_approve = new QPushButton(tr("Approve"), m_decision);
    m_approve->setObjectName(u"assistCardApprove"_s);
    m_approve->setAccessibleName(tr("Approve proposal %1").arg(proposalId));
    auto *decision = new QHBoxLayout(m_decision);
    decision->setContentsMargins(0, 0, 0, 0);
    decision->addWidget(m_noteEdit, 1);
    decision->addWidget(m_reject);
    decision->addWidget(m_approve);
    m_decision->hide();
    connect(m_approve, &QPushButton::clicked, this, [this] { emit approveClicked(m_id); });
    connect(m_reject, &QPushButton::clicked, this,
            [this] { emit rejectClicked(m_id, m_noteEdit->text().trimmed()); });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->addLayout(head);
    layout->addWidget(m_prodLine);
    layout->addWidget(m_statement);
    layout->addWidget(m_affects);
    layout->addWidget(m_readOnly);
    layout->addWidget(m_error);
    layout->addWidget(m_explainToggle);
    layout->addWidget(m_explain);
    layout->addWidget(m_explainError);
    layout->addWidget(m_note);
    layout->addWidget(m_result);
    layout->addWidget(m_decision);
}

QString AssistProposalCard::actionTitle(const AssistProposal &p)
{
    switch (p.action) {
    case AssistProposal::Action::Sql: return tr("Run SQL");
    //: %1 = connection id
    case AssistProposal::Action::KillQuery:
        return tr("Kill the query of connection %1").arg(p.connectionId);
    case AssistProposal::Action::KillConnection:
        return tr("Kill connection %1").arg(p.connectionId);
    //: %1 = server variable
    case AssistProposal::Action::SetVariable: return tr("Change %1").arg(p.variable);
    case AssistProposal::Action::Backup:
        return p.backupKind == u"physical"_s ? tr("Start a physical backup")
                                             : tr("Start a logical backup");
    }
    return {};
}

void AssistProposalCard::setCard(const AssistHostSession::Card &card, bool sessionActive)
{
    m_status = card.status;
    const Environment &env = card.environment;
    const QColor tierColor = TierStyle::color(env);
    const bool prod = env.isProduction();

    m_badge->setText(TierStyle::badgeText(env));
    m_badge->setColor(tierColor);
    m_envName->setText(env.name.isEmpty() ? card.proposal.environment : env.name);
    //: Card heading: %1 = proposal number, %2 = action ("Run SQL")
    m_action->setText(tr("#%1  %2").arg(card.proposal.id).arg(actionTitle(card.proposal)));
    m_received->setText(card.receivedUtc.toLocalTime().toString(u"HH:mm:ss"_s));
    m_statusPill->setStatus(pillState(card.status), AssistProposal::statusText(card.status));

    // The frame in the tier colour; production thick and with a red line that says so.
    setStyleSheet(u"QFrame#%1 { border: %2px solid %3; border-radius: 6px; }"_s.arg(
        objectName(), QString::number(prod ? 3 : 1), tierColor.name()));
    if (prod) {
        m_prodLine->setText(
            tr("PRODUCTION \u2014 %1. Approving asks you to type the environment's name.")
                .arg(env.name));
        QPalette p = m_prodLine->palette();
        p.setColor(QPalette::Window, tierColor);
        p.setColor(QPalette::WindowText, TierBadge::textColorFor(tierColor));
        m_prodLine->setPalette(p);
    }
    m_prodLine->setVisible(prod);

    const AssistCardFacts &f = card.facts;
    QString statement = card.factsReady && !f.statement.isEmpty() ? f.statement
        : card.proposal.action == AssistProposal::Action::Sql     ? card.proposal.sql
                                                                  : card.proposal.summary();
    if (m_statement->toPlainText() != statement)
        m_statement->setPlainText(statement);
    const int lines = qBound(1, int(statement.count(u'\n')) + 1 + int(statement.size() / 90), 8);
    m_statement->setFixedHeight(m_statement->fontMetrics().lineSpacing() * lines + 14);

    if (!card.factsReady) {
        m_affects->setText(tr("Preparing the card: reading the plan and what it affects\u2026"));
        m_readOnly->clear();
        m_readOnly->hide();
    } else {
        m_affects->setText(f.affects.isEmpty() ? QString() : tr("Affects: %1").arg(f.affects));
        m_readOnly->setText(f.readOnly ? tr("Read-only")
                                       //: %1 = why the statement is not read-only
                                       : tr("Not read-only: %1").arg(f.notReadOnlyReason));
        setTextColor(
            m_readOnly,
            StatusPill::colorFor(f.readOnly ? StatusPill::State::Ok : StatusPill::State::Warning));
        m_readOnly->show();
    }
    m_affects->setVisible(!m_affects->text().isEmpty());
    m_error->setText(f.error.isError() ? tr("Cannot run: %1").arg(f.error.message) : QString());
    m_error->setVisible(card.factsReady && f.error.isError());

    const bool hasExplain = card.factsReady && f.explain.hasResultSet();
    if (hasExplain && m_explain->rowCount() == 0) {
        m_explain->setQueryResult(f.explain);
        m_explain->fitRows(6);
    }
    m_explainToggle->setVisible(hasExplain);
    if (hasExplain && !m_explainTouched)
        setExplainVisible(!AssistProposal::isFinal(card.status));
    else if (!hasExplain)
        setExplainVisible(false);
    m_explainError->setText(
        f.explainError.isEmpty() ? QString() : tr("EXPLAIN failed: %1").arg(f.explainError));
    m_explainError->setVisible(card.factsReady && !f.explainError.isEmpty());

    m_note->setText(card.decisionNote.isEmpty() ? QString()
                                                : tr("Note: %1").arg(card.decisionNote));
    m_note->setVisible(!card.decisionNote.isEmpty());

    if (card.result) {
        const AssistResult &r = *card.result;
        QString text = r.ok ? tr("Result: %1").arg(r.summary()) : tr("Failed: %1").arg(r.message);
        if (r.ok && !r.message.isEmpty() && !r.summary().contains(r.message))
            text += u" \u2014 "_s + r.message;
        m_result->setText(text);
        setTextColor(m_result,
                     StatusPill::colorFor(r.ok ? StatusPill::State::Ok : StatusPill::State::Error));
        m_result->show();
    } else {
        m_result->hide();
    }

    const bool decidable
        = sessionActive && card.status == AssistProposal::Status::Pending && card.factsReady;
    m_decision->setVisible(decidable);
    m_approve->setEnabled(decidable && !f.error.isError());
    m_approve->setText(prod ? tr("Approve (type name)\u2026") : tr("Approve"));
}

void AssistProposalCard::setExplainVisible(bool visible)
{
    m_explainToggle->setChecked(visible);
    m_explainToggle->setArrowType(visible ? Qt::DownArrow : Qt::RightArrow);
    m_explain->setVisible(visible);
}

QString AssistProposalCard::statementText() const
{
    return m_statement->toPlainText();
}

QString AssistProposalCard::statusText() const
{
    return m_statusPill->text();
}

QString AssistProposalCard::resultText() const
{
    return m_result->isHidden() ? QString() : m_result->text();
}

} // namespace TiDesk
