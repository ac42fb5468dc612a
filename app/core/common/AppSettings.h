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

    // Expert sessions (issue 7): the relay (user@host:port), the SSH key and known_hosts file
    // used to reach it (paths, never a passphrase), and the name an expert gives when joining.
    [[nodiscard]] QString assistRelay() const;
    void setAssistRelay(const QString &relay);
    [[nodiscard]] QString assistKeyPath() const;
    void setAssistKeyPath(const QString &path);
    [[nodiscard]] QString assistKnownHosts() const;
    void setAssistKnownHosts(const QString &path);
    [[nodiscard]] QString assistExpertName() const;
    void setAssistExpertName(const QString &name);

    void sync();

private:
    QSettings m_settings;
};

} // namespace TiDesk
