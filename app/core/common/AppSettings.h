// AppSettings: typed application settings (INI file at AppPaths::settingsPath()). Every key and
// its default are declared once, here. Never holds a secret.
// Threading: QSettings is reentrant; create one AppSettings per thread that needs it.
#pragma once

#include <QSettings>
#include <QString>

namespace TiDesk {

class AppSettings final
{
public:
    AppSettings();
    explicit AppSettings(const QString &iniPath);

    // "auto" (keychain when one answers, else vault), "keychain" or "vault".
    [[nodiscard]] QString secretsBackend() const;
    void setSecretsBackend(const QString &backend);

    // "" = system locale, else e.g. "en" or "zh_CN".
    [[nodiscard]] QString language() const;
    void setLanguage(const QString &language);

    // "system", "light" or "dark".
    [[nodiscard]] QString theme() const;
    void setTheme(const QString &theme);

    [[nodiscard]] QString lastEnvironment() const;
    void setLastEnvironment(const QString &name);

    [[nodiscard]] QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    [[nodiscard]] QByteArray windowState() const;
    void setWindowState(const QByteArray &state);

    // Milliseconds for the SQL connect timeout of newly created environments.
    [[nodiscard]] int defaultConnectTimeoutMs() const;
    void setDefaultConnectTimeoutMs(int ms);

    void sync();

private:
    QSettings m_settings;
};

} // namespace TiDesk
