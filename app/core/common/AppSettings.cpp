#include "AppSettings.h"

#include "AppPaths.h"

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {
const QString kSecretsBackend = u"secrets/backend"_s;
const QString kLanguage = u"ui/language"_s;
const QString kTheme = u"ui/theme"_s;
const QString kLastEnvironment = u"ui/lastEnvironment"_s;
const QString kWindowGeometry = u"ui/windowGeometry"_s;
const QString kWindowState = u"ui/windowState"_s;
const QString kDefaultConnectTimeoutMs = u"sql/defaultConnectTimeoutMs"_s;
const QString kAssistRelay = u"assist/relay"_s;
const QString kAssistKeyPath = u"assist/keyPath"_s;
const QString kAssistKnownHosts = u"assist/knownHosts"_s;
const QString kAssistExpertName = u"assist/expertName"_s;

QString oneOf(const QString &value, std::initializer_list<QString> allowed, const QString &fallback)
{
    for (const QString &a : allowed)
        if (value == a)
            return value;
    return fallback;
}
} // namespace

AppSettings::AppSettings()
    : AppSettings(AppPaths::settingsPath())
{ }

AppSettings::AppSettings(const QString &iniPath)
    : m_settings(iniPath, QSettings::IniFormat)
{ }

QString AppSettings::secretsBackend() const
{
    return oneOf(m_settings.value(kSecretsBackend).toString(),
                 { u"auto"_s, u"keychain"_s, u"vault"_s }, u"auto"_s);
}
void AppSettings::setSecretsBackend(const QString &backend)
{
    m_settings.setValue(kSecretsBackend, backend);
}

QString AppSettings::language() const
{
    return m_settings.value(kLanguage).toString();
}
void AppSettings::setLanguage(const QString &language)
{
    m_settings.setValue(kLanguage, language);
}

QString AppSettings::theme() const
{
    return oneOf(m_settings.value(kTheme).toString(), { u"system"_s, u"light"_s, u"dark"_s },
                 u"system"_s);
}
void AppSettings::setTheme(const QString &theme)
{
    m_settings.setValue(kTheme, theme);
}

QString AppSettings::lastEnvironment() const
{
    return m_settings.value(kLastEnvironment).toString();
}
void AppSettings::setLastEnvironment(const QString &name)
{
    m_settings.setValue(kLastEnvironment, name);
}

QByteArray AppSettings::windowGeometry() const
{
    return m_settings.value(kWindowGeometry).toByteArray();
}
void AppSettings::setWindowGeometry(const QByteArray &g)
{
    m_settings.setValue(kWindowGeometry, g);
}
QByteArray AppSettings::windowState() const
{
    return m_settings.value(kWindowState).toByteArray();
}
void AppSettings::setWindowState(const QByteArray &s)
{
    m_settings.setValue(kWindowState, s);
}

int AppSettings::defaultConnectTimeoutMs() const
{
    const int v = m_settings.value(kDefaultConnectTimeoutMs, 5000).toInt();
    return v >= 100 ? v : 5000;
}
void AppSettings::setDefaultConnectTimeoutMs(int ms)
{
    m_settings.setValue(kDefaultConnectTimeoutMs, ms);
}

void AppSettings::sync()
{
    m_settings.sync();
}

QString AppSettings::assistRelay() const
{
    return m_settings.value(kAssistRelay).toString();
}
void AppSettings::setAssistRelay(const QString &relay)
{
    m_settings.setValue(kAssistRelay, relay);
}

QString AppSettings::assistKeyPath() const
{
    return m_settings.value(kAssistKeyPath).toString();
}
void AppSettings::setAssistKeyPath(const QString &path)
{
    m_settings.setValue(kAssistKeyPath, path);
}

QString AppSettings::assistKnownHosts() const
{
    return m_settings.value(kAssistKnownHosts).toString();
}
void AppSettings::setAssistKnownHosts(const QString &path)
{
    m_settings.setValue(kAssistKnownHosts, path);
}

QString AppSettings::assistExpertName() const
{
    return m_settings.value(kAssistExpertName).toString();
}
void AppSettings::setAssistExpertName(const QString &name)
{
    m_settings.setValue(kAssistExpertName, name);
}

} // namespace TiDesk
