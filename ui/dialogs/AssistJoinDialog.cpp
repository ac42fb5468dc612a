#include "AssistJoinDialog.h"

#include "AssistRelayText.h"
#include "StatusPill.h"
#include "common/AppSettings.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

QString expandHome(const QString &path)
{
    const QString t = path.trimmed();
    if (t == u"~"_s || t.startsWith(u"~/"_s))
        return QDir::homePath() + t.mid(1);
    return t;
}

QLabel *problemLabel(const QString &objectName, QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setObjectName(objectName);
    l->setWordWrap(true);
    QPalette p = l->palette();
    p.setColor(QPalette::WindowText, StatusPill::colorFor(StatusPill::State::Error));
    l->setPalette(p);
    l->hide();
    return l;
}

} // namespace

AssistJoinDialog::AssistJoinDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"assistJoinDialog"_s);
    setWindowTitle(tr("Join an expert session"));
    auto *intro = new QLabel(tr("Paste the session code the DBA gave you. You will see nothing "
                                "and run nothing until the DBA compares six digits with you and "
                                "accepts."),
                             this);
    intro->setWordWrap(true);

    m_code = new QLineEdit(this);
    m_code->setObjectName(u"assistJoinCode"_s);
    m_code->setAccessibleName(tr("Session code"));
    m_code->setPlaceholderText(u"dba@bastion.example.com:22/40123/7KQMX-4XPAN-R/1730Z"_s);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(m_code->font().pointSizeF() * 1.15);
    m_code->setFont(mono);
    m_codeProblem = problemLabel(u"assistJoinCodeProblem"_s, this);

    m_name = new QLineEdit(this);
    m_name->setObjectName(u"assistJoinName"_s);
    m_name->setAccessibleName(tr("Your name"));
    m_name->setPlaceholderText(tr("Shown to the DBA, e.g. Ada Lovelace (Example Corp)"));
    m_name->setMaxLength(120);

    m_relay = new QLineEdit(this);
    m_relay->setObjectName(u"assistJoinRelay"_s);
    m_relay->setAccessibleName(tr("Your relay account (user@host:port)"));
    m_relay->setPlaceholderText(tr("Empty: the relay in the code"));
    m_relayProblem = problemLabel(u"assistJoinRelayProblem"_s, this);

    m_key = new QLineEdit(this);
    m_key->setObjectName(u"assistJoinKey"_s);
    m_key->setAccessibleName(tr("Your SSH key"));
    m_key->setPlaceholderText(u"~/.ssh/id_ed25519"_s);
    auto *keyBrowse = new QPushButton(tr("Browse\u2026"), this);
    keyBrowse->setAccessibleName(tr("Choose your SSH key file"));
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_key, 1);
    keyRow->addWidget(keyBrowse);
    m_knownHosts = new QLineEdit(this);
    m_knownHosts->setObjectName(u"assistJoinKnownHosts"_s);
    m_knownHosts->setAccessibleName(tr("known_hosts file for the relay"));
    m_knownHosts->setPlaceholderText(tr("~/.ssh/known_hosts (default)"));
    auto *khBrowse = new QPushButton(tr("Browse\u2026"), this);
    khBrowse->setAccessibleName(tr("Choose the known_hosts file"));
    auto *khRow = new QHBoxLayout;
    khRow->addWidget(m_knownHosts, 1);
    khRow->addWidget(khBrowse);
    connect(keyBrowse, &QPushButton::clicked, this,
            [this] { browse(m_key, tr("Your SSH key for the relay")); });
    connect(khBrowse, &QPushButton::clicked, this,
            [this] { browse(m_knownHosts, tr("known_hosts file for the relay")); });

    auto *form = new QFormLayout;
    form->addRow(tr("Session &code:"), m_code);
    form->addRow(QString(), m_codeProblem);
    form->addRow(tr("Your &name:"), m_name);
    form->addRow(tr("&Relay account:"), m_relay);
    form->addRow(QString(), m_relayProblem);
    auto *keyLabel = new QLabel(tr("SSH &key:"), this);
    keyLabel->setBuddy(m_key);
    form->addRow(keyLabel, keyRow);
    auto *khLabel = new QLabel(tr("known_&hosts:"), this);
    khLabel->setBuddy(m_knownHosts);
    form->addRow(khLabel, khRow);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    joinButton()->setText(tr("Join"));
    joinButton()->setObjectName(u"assistJoinButton"_s);
    joinButton()->setAccessibleName(tr("Join the session"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AssistJoinDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_buttons);

    const AppSettings settings;
    m_name->setText(settings.assistExpertName());
    m_key->setText(settings.assistKeyPath());
    m_knownHosts->setText(settings.assistKnownHosts());

    for (QLineEdit *e : { m_code, m_name, m_relay })
        connect(e, &QLineEdit::textChanged, this, &AssistJoinDialog::validate);
    validate();
    resize(640, sizeHint().height());
}

QPushButton *AssistJoinDialog::joinButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

void AssistJoinDialog::validate()
{
    m_parsed.reset();
    const QString text = m_code->text().trimmed();
    if (text.isEmpty()) {
        m_codeProblem->hide();
    } else {
        const Result<SessionCode> r = SessionCode::parse(text, QDateTime::currentDateTimeUtc());
        if (r.ok()) {
            m_parsed = *r;
            m_codeProblem->hide();
        } else {
            m_codeProblem->setText(r.error().detail.isEmpty()
                                       ? r.error().message
                                       //: %1 = what is wrong, %2 = the part of the code
                                       : tr("%1 (%2)").arg(r.error().message, r.error().detail));
            m_codeProblem->show();
        }
    }
    QString why;
    const bool relayOk = m_relay->text().trimmed().isEmpty()
        || AssistRelayText::parse(m_relay->text(), nullptr, &why);
    m_relayProblem->setText(relayOk ? QString() : why);
    m_relayProblem->setVisible(!relayOk);
    joinButton()->setEnabled(canJoin());
    // A wrapped problem line needs more height than the dialog was opened with.
    if (QLayout *l = layout(); l && l->hasHeightForWidth()) {
        l->activate();
        const int h = l->totalHeightForWidth(width());
        if (h > height())
            resize(width(), h);
    }
}

bool AssistJoinDialog::canJoin() const
{
    return m_parsed.has_value() && !m_name->text().trimmed().isEmpty()
        && (m_relay->text().trimmed().isEmpty()
            || AssistRelayText::parse(m_relay->text(), nullptr));
}

AssistExpertOptions AssistJoinDialog::options() const
{
    AssistExpertOptions o;
    o.expertName = m_name->text().trimmed();
    if (!m_relay->text().trimmed().isEmpty())
        AssistRelayText::parse(m_relay->text(), &o.relay);
    else
        o.relay.port = 0; // the code's
    if (!m_key->text().trimmed().isEmpty())
        o.relay.identityFiles = { expandHome(m_key->text()) };
    else
        o.relay.useAgent = true;
    o.relay.knownHostsFile = expandHome(m_knownHosts->text());
    o.relay.hostKeyPolicy = HostKeyPolicy::Strict;
    return o;
}

void AssistJoinDialog::accept()
{
    validate();
    if (!canJoin())
        return;
    AppSettings settings;
    settings.setAssistExpertName(m_name->text().trimmed());
    if (!m_key->text().trimmed().isEmpty())
        settings.setAssistKeyPath(m_key->text().trimmed());
    if (!m_knownHosts->text().trimmed().isEmpty())
        settings.setAssistKnownHosts(m_knownHosts->text().trimmed());
    QDialog::accept();
}

void AssistJoinDialog::browse(QLineEdit *edit, const QString &title)
{
    auto *dlg = new QFileDialog(this, title);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    dlg->setFileMode(QFileDialog::ExistingFile);
    const QString current = expandHome(edit->text());
    dlg->setDirectory(current.isEmpty() ? QDir::homePath() + u"/.ssh"_s : current);
    if (!current.isEmpty())
        dlg->selectFile(current);
    connect(dlg, &QFileDialog::fileSelected, edit, &QLineEdit::setText);
    dlg->open();
}

} // namespace TiDesk
