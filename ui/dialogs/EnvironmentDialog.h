// EnvironmentDialog: add, edit or duplicate an environment. Validates with
// Environment::validate() and shows the reason inline; "Test connection" checks the values in
// the form; OK saves through InventoryStore::save and stores the password in services.secrets,
// both on services.pool (an empty password keeps the stored one when editing, and copies the
// source's when duplicating). Emits saved() and closes when everything was stored.
// Threading: GUI thread. Background work holds no pointer to the dialog: closing it while a
// check runs is safe (the result is dropped). Open it with open(), not exec().
#pragma once

#include "CoreServices.h"
#include "inventory/Environment.h"
#include "sql/EnvironmentCheck.h"

#include <QDialog>
#include <QFutureWatcher>
#include <optional>

class QComboBox;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace TiDesk {

class EndpointListEditor;
class MessageBanner;
class TierBadge;

class EnvironmentDialog final : public QDialog
{
    Q_OBJECT
public:
    enum class Mode { Add, Edit, Duplicate };
    Q_ENUM(Mode)

    // env: the environment to edit / duplicate (ignored for Add).
    EnvironmentDialog(const CoreServices &services, Mode mode, const Environment &env = {},
                      QWidget *parent = nullptr);
    ~EnvironmentDialog() override;

    [[nodiscard]] Mode mode() const { return m_mode; }
    // The environment as the form describes it now (id kept when editing).
    [[nodiscard]] Environment environmentFromForm() const;
    // Empty when the form is valid, else the one-line reason.
    [[nodiscard]] QString validationError() const;
    [[nodiscard]] QString validationMessage() const;
    [[nodiscard]] bool isChecking() const { return m_checkWatcher.isRunning(); }
    [[nodiscard]] bool isSaving() const { return m_saveWatcher.isRunning(); }

public slots:
    void testConnection();
    void accept() override;
    void reject() override;

signals:
    // The environment was stored (emitted before the dialog closes).
    void saved(const TiDesk::Environment &env);

private:
    struct SaveOutcome
    {
        std::optional<Environment> env;
        Error error; // inventory save failed
        Error passwordError; // the environment was saved but its password (or SSH secret) was not
    };

    void buildUi();
    void fillForm(const Environment &env);
    void updateTierPreview();
    void updateTlsHelp();
    void showValidation(const QString &message);
    void onCheckFinished();
    void onSaveFinished();
    void setChecking(bool busy);
    void setSaving(bool busy);
    void browseFile(QLineEdit *target, const QString &title);
    [[nodiscard]] std::optional<QString> passwordForCheck() const;
    [[nodiscard]] std::optional<QString> sshSecretForCheck() const;

    CoreServices m_services;
    Mode m_mode;
    Environment m_original;
    QUuid m_sourceId; // duplicate: the environment whose password is copied
    QFutureWatcher<CheckResult> m_checkWatcher;
    QFutureWatcher<SaveOutcome> m_saveWatcher;

    QLineEdit *m_name = nullptr;
    QComboBox *m_tier = nullptr;
    QLineEdit *m_customTier = nullptr;
    QLineEdit *m_color = nullptr;
    QPushButton *m_colorButton = nullptr;
    TierBadge *m_preview = nullptr;
    QLineEdit *m_tags = nullptr;
    QComboBox *m_engine = nullptr;
    EndpointListEditor *m_endpoints = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_database = nullptr;
    QSpinBox *m_connectTimeout = nullptr;
    QSpinBox *m_queryTimeout = nullptr;
    QComboBox *m_tlsMode = nullptr;
    QLabel *m_tlsHelp = nullptr;
    QLineEdit *m_tlsCa = nullptr;
    QLineEdit *m_tlsCert = nullptr;
    QLineEdit *m_tlsKey = nullptr;
    QGroupBox *m_ssh = nullptr;
    QLineEdit *m_sshHost = nullptr;
    QSpinBox *m_sshPort = nullptr;
    QLineEdit *m_sshUser = nullptr;
    QLineEdit *m_sshIdentity = nullptr;
    QLineEdit *m_sshKnownHosts = nullptr;
    QLineEdit *m_sshSecret = nullptr;
    QLineEdit *m_prometheus = nullptr;
    QLineEdit *m_prometheusSelector = nullptr;
    QLineEdit *m_alertmanager = nullptr;
    QLineEdit *m_pd = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    QLabel *m_validation = nullptr;
    MessageBanner *m_banner = nullptr;
    QPushButton *m_testButton = nullptr;
    QProgressBar *m_busy = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_validationShown = false;
};

} // namespace TiDesk
