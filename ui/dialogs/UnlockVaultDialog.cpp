#include "UnlockVaultDialog.h"

#include "MessageBanner.h"
#include "secrets/VaultFileStore.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace TiDesk {

UnlockVaultDialog::UnlockVaultDialog(VaultFileStore *vault, QThreadPool *pool, QWidget *parent)
    : QDialog(parent)
    , m_vault(vault)
    , m_pool(pool)
    , m_creating(vault && !vault->exists())
{
    setObjectName(u"unlockVaultDialog"_s);
    setWindowTitle(m_creating ? tr("Create the TiDesk vault") : tr("Unlock the TiDesk vault"));

    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_intro->setObjectName(u"vaultIntro"_s);
    const QString path = vault ? vault->path() : QString();
    if (m_creating)
        //: %1 = file path
        m_intro->setText(
            tr("TiDesk keeps passwords in an encrypted vault file:\n%1\n\nChoose a passphrase "
               "(at least %2 characters). It cannot be recovered: without it the stored "
               "passwords are lost.")
                .arg(path)
                .arg(kMinPassphraseLength));
    else
        m_intro->setText(tr("Enter the passphrase of the vault file:\n%1").arg(path));

    m_passphrase = new QLineEdit(this);
    m_passphrase->setObjectName(u"vaultPassphrase"_s);
    m_passphrase->setAccessibleName(tr("Passphrase"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_confirm = new QLineEdit(this);
    m_confirm->setObjectName(u"vaultPassphraseConfirm"_s);
    m_confirm->setAccessibleName(tr("Repeat passphrase"));
    m_confirm->setEchoMode(QLineEdit::Password);

    m_busy = new QProgressBar(this);
    m_busy->setObjectName(u"vaultBusy"_s);
    m_busy->setAccessibleName(tr("Unlocking"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(12);
    m_busy->hide();

    m_banner = new MessageBanner(this);
    m_banner->setObjectName(u"vaultBanner"_s);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(m_creating ? tr("Create") : tr("Unlock"));
    m_buttons->button(QDialogButtonBox::Ok)
        ->setAccessibleName(m_buttons->button(QDialogButtonBox::Ok)->text());
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &UnlockVaultDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &UnlockVaultDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("&Passphrase:"), m_passphrase);
    m_confirmLabel = new QLabel(tr("&Repeat:"), this);
    m_confirmLabel->setBuddy(m_confirm);
    form->addRow(m_confirmLabel, m_confirm);
    m_confirm->setVisible(m_creating);
    m_confirmLabel->setVisible(m_creating);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_busy);
    layout->addWidget(m_banner);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_passphrase, &QLineEdit::textChanged, this, &UnlockVaultDialog::updateOk);
    connect(m_confirm, &QLineEdit::textChanged, this, &UnlockVaultDialog::updateOk);
    connect(&m_watcher, &QFutureWatcher<VoidResult>::finished, this,
            &UnlockVaultDialog::onFinished);
    updateOk();
    resize(520, sizeHint().height());
}

UnlockVaultDialog::~UnlockVaultDialog()
{
    m_watcher.disconnect(this);
}

QString UnlockVaultDialog::errorText() const
{
    return m_banner->isVisible() ? m_banner->text() : QString();
}

void UnlockVaultDialog::updateOk()
{
    bool ok = !m_passphrase->text().isEmpty() && !isBusy() && m_vault;
    if (m_creating)
        ok = ok && m_passphrase->text().size() >= kMinPassphraseLength
            && m_confirm->text() == m_passphrase->text();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
}

void UnlockVaultDialog::accept()
{
    if (isBusy() || !m_vault)
        return;
    if (m_creating && m_passphrase->text() != m_confirm->text()) {
        m_banner->showMessage(MessageBanner::Kind::Error, tr("The two passphrases differ."));
        return;
    }
    if (m_creating && m_passphrase->text().size() < kMinPassphraseLength) {
        m_banner->showMessage(MessageBanner::Kind::Error,
                              tr("Use at least %1 characters.").arg(kMinPassphraseLength));
        return;
    }
    m_banner->clear();
    setBusy(true);
    VaultFileStore *vault = m_vault;
    const QString passphrase = m_passphrase->text();
    m_watcher.setFuture(QtConcurrent::run(
        m_pool, [vault, passphrase] { return vault->unlockOrCreate(passphrase); }));
}

void UnlockVaultDialog::onFinished()
{
    setBusy(false);
    if (m_watcher.future().resultCount() == 0)
        return;
    const VoidResult r = m_watcher.result();
    if (r.ok()) {
        m_passphrase->clear();
        m_confirm->clear();
        emit unlocked();
        QDialog::accept();
        return;
    }
    const Error &e = r.error();
    const QString text = e.kind == ErrorKind::Crypto
        ? tr("Wrong passphrase, or the vault file was modified.")
        : e.message;
    m_banner->showMessage(MessageBanner::Kind::Error, text,
                          e.kind == ErrorKind::Crypto ? tr("Check the passphrase and try again.")
                                                      : e.detail);
    m_passphrase->selectAll();
    m_passphrase->setFocus();
}

void UnlockVaultDialog::setBusy(bool busy)
{
    m_busy->setVisible(busy);
    m_passphrase->setEnabled(!busy);
    m_confirm->setEnabled(!busy);
    updateOk();
}

void UnlockVaultDialog::reject()
{
    if (isBusy())
        return; // the KDF takes a moment; let it finish so the vault state is known
    QDialog::reject();
}

} // namespace TiDesk
