// UnlockVaultDialog: asks for the vault passphrase (twice when the vault file does not exist
// yet and is created), runs VaultFileStore::unlockOrCreate on the pool with a busy indicator,
// shows the clear error on a wrong passphrase and lets the user try again.
// Threading: GUI thread; the KDF runs on the pool. The dialog may close while it runs: the
// vault object (owned by the caller, which must outlive the pool's work) just ends unlocked or not.
#pragma once

#include "common/Result.h"

#include <QDialog>
#include <QFutureWatcher>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QThreadPool;

namespace TiDesk {

class MessageBanner;
class VaultFileStore;

class UnlockVaultDialog final : public QDialog
{
    Q_OBJECT
public:
    UnlockVaultDialog(VaultFileStore *vault, QThreadPool *pool, QWidget *parent = nullptr);
    ~UnlockVaultDialog() override;

    // True when the vault file did not exist when the dialog opened (create mode).
    [[nodiscard]] bool isCreating() const { return m_creating; }
    [[nodiscard]] bool isBusy() const { return m_watcher.isRunning(); }
    [[nodiscard]] QString errorText() const;

    static constexpr int kMinPassphraseLength = 8;

public slots:
    void accept() override;
    void reject() override;

signals:
    void unlocked();

private:
    void onFinished();
    void setBusy(bool busy);
    void updateOk();

    VaultFileStore *m_vault = nullptr;
    QThreadPool *m_pool = nullptr;
    bool m_creating = false;
    QFutureWatcher<VoidResult> m_watcher;
    QLabel *m_intro = nullptr;
    QLineEdit *m_passphrase = nullptr;
    QLineEdit *m_confirm = nullptr;
    QLabel *m_confirmLabel = nullptr;
    QProgressBar *m_busy = nullptr;
    MessageBanner *m_banner = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace TiDesk
