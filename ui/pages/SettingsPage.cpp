#include "SettingsPage.h"

#include "MessageBanner.h"
#include "Theme.h"
#include "common/AppSettings.h"
#include "secrets/CredentialStore.h"

#include <QApplication>
#include <QComboBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {
std::unique_ptr<AppSettings> openSettings(const QString &path)
{
    return path.isEmpty() ? std::make_unique<AppSettings>() : std::make_unique<AppSettings>(path);
}
} // namespace

SettingsPage::SettingsPage(const CoreServices &services, const QString &settingsPath,
                           QWidget *parent)
    : QWidget(parent)
    , m_services(services)
    , m_settingsPath(settingsPath)
{
    setObjectName(u"settingsPage"_s);

    auto *title = new QLabel(tr("Settings"), this);
    QFont tf = title->font();
    tf.setPointSizeF(tf.pointSizeF() * 1.6);
    tf.setBold(true);
    title->setFont(tf);

    m_backend = new QComboBox(this);
    m_backend->setObjectName(u"settingsSecretBackend"_s);
    m_backend->setAccessibleName(tr("Secret backend"));
    m_backend->addItem(tr("Automatic"), u"auto"_s);
    m_backend->addItem(tr("OS keychain"), u"keychain"_s);
    m_backend->addItem(tr("Encrypted vault file"), u"vault"_s);

    m_backendHelp = new QLabel(this);
    m_backendHelp->setObjectName(u"settingsSecretBackendHelp"_s);
    m_backendHelp->setWordWrap(true);

    m_language = new QComboBox(this);
    m_language->setObjectName(u"settingsLanguage"_s);
    m_language->setAccessibleName(tr("Language"));
    m_language->addItem(tr("System language"), QString());
    m_language->addItem(u"English"_s, u"en"_s); // endonyms are not translated
    m_language->addItem(u"\u4e2d\u6587"_s, u"zh_CN"_s); // 中文

    m_theme = new QComboBox(this);
    m_theme->setObjectName(u"settingsTheme"_s);
    m_theme->setAccessibleName(tr("Theme"));
    m_theme->addItem(tr("System"), u"system"_s);
    m_theme->addItem(tr("Light"), u"light"_s);
    m_theme->addItem(tr("Dark"), u"dark"_s);

    m_restartBanner = new MessageBanner(this);
    m_restartBanner->setObjectName(u"settingsRestartBanner"_s);
    connect(m_restartBanner, &MessageBanner::actionTriggered, this,
            &SettingsPage::restartRequested);

    for (QComboBox *c : { m_backend, m_language, m_theme })
        c->setMinimumWidth(260);
    auto labelFor = [this](const QString &text, QWidget *buddy) {
        auto *label = new QLabel(text, this);
        label->setBuddy(buddy);
        return label;
    };

    // Plain box layouts (not QFormLayout) so the wrapped explanation gets its full height.
    auto *secrets = new QGroupBox(tr("Passwords"), this);
    auto *backendRow = new QHBoxLayout;
    backendRow->addWidget(labelFor(tr("&Secret backend:"), m_backend));
    backendRow->addWidget(m_backend);
    backendRow->addStretch(1);
    auto *secretsLayout = new QVBoxLayout(secrets);
    secretsLayout->setSpacing(8);
    secretsLayout->addLayout(backendRow);
    secretsLayout->addWidget(m_backendHelp);

    auto *appearance = new QGroupBox(tr("Language and appearance"), this);
    auto *grid = new QGridLayout(appearance);
    grid->setHorizontalSpacing(12);
    grid->setVerticalSpacing(10);
    grid->addWidget(labelFor(tr("&Language:"), m_language), 0, 0);
    grid->addWidget(m_language, 0, 1);
    grid->addWidget(labelFor(tr("&Theme:"), m_theme), 1, 0);
    grid->addWidget(m_theme, 1, 1);
    grid->setColumnStretch(2, 1);

    auto *note = new QLabel(tr("Settings are saved as soon as you change them. Passwords are never "
                               "stored in the settings file."),
                            this);
    note->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 12);
    layout->setSpacing(12);
    layout->addWidget(title);
    layout->addWidget(m_restartBanner);
    layout->addWidget(secrets);
    layout->addWidget(appearance);
    layout->addWidget(note);
    layout->addStretch(1);

    reload();
    for (QComboBox *c : { m_backend, m_language, m_theme })
        connect(c, &QComboBox::currentIndexChanged, this, &SettingsPage::save);
}

void SettingsPage::reload()
{
    m_loading = true;
    const auto settings = openSettings(m_settingsPath);
    m_loadedBackend = settings->secretsBackend();
    m_loadedLanguage = settings->language();
    m_appliedTheme = settings->theme();
    m_backend->setCurrentIndex(qMax(0, m_backend->findData(m_loadedBackend)));
    m_language->setCurrentIndex(qMax(0, m_language->findData(m_loadedLanguage)));
    m_theme->setCurrentIndex(qMax(0, m_theme->findData(m_appliedTheme)));
    m_loading = false;
    m_restartNeeded = false;
    m_restartBanner->clear();
    updateExplanation();
}

void SettingsPage::save()
{
    if (m_loading)
        return;
    const auto settings = openSettings(m_settingsPath);
    const QString backend = m_backend->currentData().toString();
    const QString language = m_language->currentData().toString();
    const QString theme = m_theme->currentData().toString();
    settings->setSecretsBackend(backend);
    settings->setLanguage(language);
    settings->setTheme(theme);
    settings->sync();

    // The theme applies at once (every widget follows the palette); the secret backend and the
    // language are read at start-up only.
    if (theme != m_appliedTheme) {
        m_appliedTheme = theme;
        if (auto *app = qobject_cast<QApplication *>(QCoreApplication::instance()))
            Theme::apply(*app, theme);
    }
    m_restartNeeded = backend != m_loadedBackend || language != m_loadedLanguage;
    if (m_restartNeeded)
        m_restartBanner->showMessage(
            MessageBanner::Kind::Info,
            tr("Saved. Restart TiDesk to apply the new secret backend or language."), {},
            tr("Restart now"));
    else
        m_restartBanner->clear();
    updateExplanation();
    emit settingsChanged();
}

void SettingsPage::updateExplanation()
{
    const QString choice = m_backend->currentData().toString();
    QString text;
    if (choice == u"keychain")
        text
            = tr("Passwords are kept in the operating system's keychain (Secret Service, KWallet, "
                 "macOS Keychain or Windows Credential Manager). TiDesk will not start its vault.");
    else if (choice == u"vault")
        text = tr("Passwords are kept in an encrypted file (AES-256-GCM, key derived from your "
                  "passphrase with scrypt). You enter the passphrase once per session.");
    else
        text = tr("The OS keychain when one answers, otherwise the encrypted vault file (typical "
                  "on servers and headless machines).");
    // backendName() is a constant; isAvailable() could wait on a vault unlock, so it is not asked.
    const QString inUse = m_services.secrets ? m_services.secrets->backendName() : QString();
    QString now;
    if (inUse == u"keychain")
        now = tr("In use now: the OS keychain.");
    else if (inUse == u"vault")
        now = tr("In use now: the encrypted vault file.");
    else
        now = tr("In use now: none (passwords cannot be stored until a backend is available).");
    //: %1 = what the chosen backend does, %2 = which backend this session uses
    m_backendHelp->setText(tr("%1\n%2").arg(text, now));
}

} // namespace TiDesk
