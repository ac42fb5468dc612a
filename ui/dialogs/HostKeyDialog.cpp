#include "HostKeyDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {
QFont monospace(const QFont &base, qreal scale)
{
    QFont f = base;
    f.setFamily(u"DejaVu Sans Mono"_s);
    f.setStyleHint(QFont::Monospace);
    f.setPointSizeF(base.pointSizeF() * scale);
    return f;
}

QLabel *selectable(const QString &text, const QString &objectName, const QString &accessibleName,
                   QWidget *parent)
{
    auto *l = new QLabel(text, parent);
    l->setObjectName(objectName);
    l->setAccessibleName(accessibleName);
    l->setTextFormat(Qt::PlainText);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}
} // namespace

HostKeyDialog::HostKeyDialog(const HostKeyQuestion &question, QWidget *parent)
    : QDialog(parent)
    , m_question(question)
{
    setObjectName(u"hostKeyDialog"_s);
    setWindowTitle(tr("Unknown SSH host key"));
    setAccessibleName(windowTitle());

    //: %1 = the bastion, e.g. "root@10.0.0.1:22"
    auto *heading = selectable(
        tr("The SSH bastion %1 presented a host key TiDesk has never seen.").arg(question.bastion),
        u"hostKeyBastion"_s, tr("SSH bastion"), this);
    heading->setWordWrap(true);
    QFont hf = heading->font();
    hf.setBold(true);
    hf.setPointSizeF(hf.pointSizeF() * 1.2);
    heading->setFont(hf);

    //: %1 = environment names, comma-separated
    auto *waiting
        = selectable(tr("Waiting for this bastion: %1").arg(question.environments.join(u", "_s)),
                     u"hostKeyEnvironments"_s, tr("Environments waiting"), this);
    waiting->setWordWrap(true);
    waiting->setVisible(!question.environments.isEmpty());

    auto *keyType = selectable(question.keyType, u"hostKeyType"_s, tr("Key type"), this);

    // The one thing to compare: big, monospace, framed, selectable.
    m_fingerprint = selectable(question.fingerprint, u"hostKeyFingerprint"_s,
                               tr("Host key fingerprint"), this);
    QFont ff = monospace(font(), 1.6);
    ff.setBold(true);
    m_fingerprint->setFont(ff);
    m_fingerprint->setFrameShape(QFrame::StyledPanel);
    m_fingerprint->setMargin(8);
    m_fingerprint->setToolTip(tr("Select to copy"));

    //: %1 = path of the known_hosts file
    auto *storedIn = selectable(
        tr("%1 (only with \u201cTrust and remember\u201d)").arg(question.knownHostsFile),
        u"hostKeyKnownHosts"_s, tr("known_hosts file"), this);
    storedIn->setWordWrap(true);

    auto *form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    form->setHorizontalSpacing(12);
    form->addRow(tr("Key type:"), keyType);
    form->addRow(tr("Fingerprint:"), m_fingerprint);
    form->addRow(tr("Stored in:"), storedIn);

    auto *advice = new QLabel(
        tr("Compare this fingerprint with one obtained another way before you trust it: "
           "ask the bastion's administrator, or run this on the bastion itself:"),
        this);
    advice->setObjectName(u"hostKeyAdvice"_s);
    advice->setWordWrap(true);
    auto *command = selectable(verifyCommand(question.keyType), u"hostKeyCommand"_s,
                               tr("Command that prints the fingerprint on the bastion"), this);
    command->setFont(monospace(font(), 1.0));
    command->setContentsMargins(16, 0, 0, 0);

    auto *warning = new QLabel(tr("If the fingerprints differ, choose Reject: someone may be "
                                  "intercepting the connection."),
                               this);
    warning->setObjectName(u"hostKeyWarning"_s);
    warning->setWordWrap(true);
    QFont wf = warning->font();
    wf.setBold(true);
    warning->setFont(wf);

    auto *buttons = new QDialogButtonBox(this);
    buttons->setObjectName(u"hostKeyButtons"_s);
    m_trustRemember = buttons->addButton(tr("Trust and re&member"), QDialogButtonBox::AcceptRole);
    m_trustRemember->setObjectName(u"hostKeyTrustRemember"_s);
    m_trustRemember->setAccessibleName(tr("Trust and remember"));
    //: %1 = path of the known_hosts file
    m_trustRemember->setToolTip(tr("Connect, and add the key to %1 so TiDesk does not ask again")
                                    .arg(question.knownHostsFile));
    m_trustOnce = buttons->addButton(tr("Trust &once"), QDialogButtonBox::AcceptRole);
    m_trustOnce->setObjectName(u"hostKeyTrustOnce"_s);
    m_trustOnce->setAccessibleName(tr("Trust once"));
    m_trustOnce->setToolTip(tr("Connect this time only; TiDesk asks again next time"));
    m_reject = buttons->addButton(tr("&Reject"), QDialogButtonBox::RejectRole);
    m_reject->setObjectName(u"hostKeyReject"_s);
    m_reject->setAccessibleName(tr("Reject"));
    m_reject->setToolTip(tr("Do not connect"));
    // Enter, Escape and closing the window all mean "no": trusting takes a deliberate click.
    m_reject->setDefault(true);
    connect(m_trustRemember, &QPushButton::clicked, this, [this] { finish(true, true); });
    connect(m_trustOnce, &QPushButton::clicked, this, [this] { finish(true, false); });
    connect(m_reject, &QPushButton::clicked, this, &HostKeyDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    layout->addWidget(heading);
    layout->addWidget(waiting);
    layout->addSpacing(4);
    layout->addLayout(form);
    layout->addSpacing(4);
    layout->addWidget(advice);
    layout->addWidget(command);
    layout->addWidget(warning);
    layout->addSpacing(6);
    layout->addWidget(buttons);

    setAccessibleDescription(heading->text() + u'\n' + tr("Fingerprint:") + u' '
                             + question.fingerprint);
    m_reject->setFocus();
    resize(qMax(640, sizeHint().width()), sizeHint().height());
}

QString HostKeyDialog::verifyCommand(const QString &keyType)
{
    QString file = u"ed25519"_s;
    if (keyType.startsWith(u"ecdsa"))
        file = u"ecdsa"_s;
    else if (keyType == u"ssh-rsa" || keyType.startsWith(u"rsa-"))
        file = u"rsa"_s;
    return u"ssh-keygen -lf /etc/ssh/ssh_host_%1_key.pub"_s.arg(file);
}

void HostKeyDialog::setDeadline(QDeadlineTimer deadline)
{
    if (deadline.isForever()) {
        if (m_deadlineTimer)
            m_deadlineTimer->stop();
        return;
    }
    if (!m_deadlineTimer) {
        m_deadlineTimer = new QTimer(this);
        m_deadlineTimer->setSingleShot(true);
        connect(m_deadlineTimer, &QTimer::timeout, this, [this] {
            m_timedOut = true;
            finish(false, false);
        });
    }
    m_deadlineTimer->start(std::chrono::milliseconds(qMax<qint64>(0, deadline.remainingTime())));
}

void HostKeyDialog::reject()
{
    finish(false, false);
}

void HostKeyDialog::finish(bool accept, bool remember)
{
    if (m_answered)
        return;
    m_answered = true;
    if (m_deadlineTimer)
        m_deadlineTimer->stop();
    emit answered(m_question.id, accept, remember);
    done(accept ? QDialog::Accepted : QDialog::Rejected);
}

} // namespace TiDesk
