// HostKeyDialog: "this SSH bastion presented a host key TiDesk has never seen: trust it?" for one
// HostKeyQuestion from BastionTunnels (policy Ask). Shows the bastion, the environments waiting
// for it, the key type, the fingerprint (the biggest thing in the dialog, selectable, monospace),
// where a remembered key is stored, and how to verify the fingerprint out of band. Buttons:
// Trust and remember / Trust once / Reject (the default, also Escape and closing the window).
// Emits answered() exactly once; the caller passes it on to BastionTunnels::answerHostKey().
// Open it with open() (window-modal, non-blocking), never exec(). An optional deadline (the
// tunnels' prompt timeout) closes it as rejected when nobody answered in time.
// Threading: GUI thread only.
#pragma once

#include "tunnel/HostKeyQuestion.h"

#include <QDeadlineTimer>
#include <QDialog>

class QLabel;
class QPushButton;
class QTimer;

namespace TiDesk {

class HostKeyDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit HostKeyDialog(const HostKeyQuestion &question, QWidget *parent = nullptr);

    [[nodiscard]] const HostKeyQuestion &question() const { return m_question; }
    // After the deadline the dialog answers "reject" by itself (the core has given up by then).
    void setDeadline(QDeadlineTimer deadline);
    [[nodiscard]] bool isAnswered() const { return m_answered; }
    [[nodiscard]] bool hasTimedOut() const { return m_timedOut; }

    // The command that prints the fingerprint of a key of this type on the server itself.
    [[nodiscard]] static QString verifyCommand(const QString &keyType);

public slots:
    void reject() override;

signals:
    void answered(quint64 questionId, bool accept, bool remember);

private:
    void finish(bool accept, bool remember);

    HostKeyQuestion m_question;
    bool m_answered = false;
    bool m_timedOut = false;
    QLabel *m_fingerprint = nullptr;
    QPushButton *m_trustRemember = nullptr;
    QPushButton *m_trustOnce = nullptr;
    QPushButton *m_reject = nullptr;
    QTimer *m_deadlineTimer = nullptr;
};

} // namespace TiDesk
