// SettingsPage: secret backend (auto / keychain / vault, with what is in use now), language
// (system / English / 中文) and theme (system / light / dark), saved in AppSettings as soon as
// they change. The theme applies at once (Theme::apply, live); language and backend are read at
// start-up, so the page says when a restart is needed.
// Threading: GUI thread (AppSettings writes a small INI file).
#pragma once

#include "CoreServices.h"

#include <QWidget>

class QComboBox;
class QLabel;

namespace TiDesk {

class MessageBanner;

class SettingsPage final : public QWidget
{
    Q_OBJECT
public:
    // settingsPath: the INI file; empty = AppSettings' default (AppPaths::settingsPath()).
    explicit SettingsPage(const CoreServices &services, const QString &settingsPath = {},
                          QWidget *parent = nullptr);

    // Re-reads the settings into the controls.
    void reload();
    [[nodiscard]] bool isRestartNeeded() const { return m_restartNeeded; }

signals:
    // "Restart now" on the restart banner: the window closes and starts TiDesk again.
    void restartRequested();
    void settingsChanged();

private:
    void save();
    void updateExplanation();

    CoreServices m_services;
    QString m_settingsPath;
    QComboBox *m_backend = nullptr;
    QLabel *m_backendHelp = nullptr;
    QComboBox *m_language = nullptr;
    QComboBox *m_theme = nullptr;
    MessageBanner *m_restartBanner = nullptr;
    QString m_loadedBackend;
    QString m_loadedLanguage;
    QString m_appliedTheme; // the theme setting as last applied (or read)
    bool m_restartNeeded = false;
    bool m_loading = false;
};

} // namespace TiDesk
