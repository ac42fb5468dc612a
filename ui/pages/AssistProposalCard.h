// AssistProposalCard: one proposal of an expert session as the DBA sees it on the Expert session
// page: the environment (tier badge; production framed in red and named as such), the action,
// the exact statement TiDesk will run (monospace, selectable), what it affects, whether it is
// read-only (or why not), the EXPLAIN (collapsible), the status and, once run, the result's
// summary. A pending card whose facts are ready has Approve and Reject (with an optional note
// for the expert); the page decides what a click means (the typed name on production).
// Threading: GUI thread only.
#pragma once

#include "assist/AssistHostSession.h"

#include <QFrame>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QToolButton;

namespace TiDesk {

class AssistTable;
class StatusPill;
class TierBadge;

class AssistProposalCard final : public QFrame
{
    Q_OBJECT
public:
    explicit AssistProposalCard(qint64 proposalId, QWidget *parent = nullptr);

    // sessionActive: decisions are possible (the buttons hide once the session ended).
    void setCard(const AssistHostSession::Card &card, bool sessionActive);

    [[nodiscard]] qint64 proposalId() const { return m_id; }
    [[nodiscard]] AssistProposal::Status status() const { return m_status; }
    [[nodiscard]] QString statementText() const;
    [[nodiscard]] QString statusText() const;
    [[nodiscard]] QString resultText() const;
    [[nodiscard]] QPushButton *approveButton() const { return m_approve; }
    [[nodiscard]] QPushButton *rejectButton() const { return m_reject; }
    [[nodiscard]] QLineEdit *rejectNote() const { return m_noteEdit; }
    [[nodiscard]] AssistTable *explainTable() const { return m_explain; }
    [[nodiscard]] QToolButton *explainToggle() const { return m_explainToggle; }

    // "Run SQL", "Kill query 42" ...
    [[nodiscard]] static QString actionTitle(const AssistProposal &p);

signals:
    void approveClicked(qint64 proposalId);
    void rejectClicked(qint64 proposalId, const QString &note);

private:
    void setExplainVisible(bool visible);

    qint64 m_id = 0;
    AssistProposal::Status m_status = AssistProposal::Status::Pending;
    bool m_explainTouched = false; // the DBA opened or closed the EXPLAIN: keep it so
    TierBadge *m_badge = nullptr;
    QLabel *m_envName = nullptr;
    QLabel *m_prodLine = nullptr;
    QLabel *m_action = nullptr;
    QLabel *m_received = nullptr;
    StatusPill *m_statusPill = nullptr;
    QPlainTextEdit *m_statement = nullptr;
    QLabel *m_affects = nullptr;
    QLabel *m_readOnly = nullptr;
    QLabel *m_error = nullptr;
    QToolButton *m_explainToggle = nullptr;
    AssistTable *m_explain = nullptr;
    QLabel *m_explainError = nullptr;
    QLabel *m_note = nullptr;
    QLabel *m_result = nullptr;
    QWidget *m_decision = nullptr;
    QLineEdit *m_noteEdit = nullptr;
    QPushButton *m_approve = nullptr;
    QPushButton *m_reject = nullptr;
};

} // namespace TiDesk
