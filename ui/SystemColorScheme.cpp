#include "SystemColorScheme.h"

#include "ThemeColors.h"

#include <QElapsedTimer>
#include <QLoggingCategory>

#ifdef TIDESK_HAVE_DBUS
#include <QDBusConnection>
#include <QDBusMessage>
#endif

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcTheme, "tidesk.theme")

namespace TiDesk {

namespace {
#ifdef TIDESK_HAVE_DBUS
const QString kService = u"org.freedesktop.portal.Desktop"_s;
const QString kPath = u"/org/freedesktop/portal/desktop"_s;
const QString kInterface = u"org.freedesktop.portal.Settings"_s;
const QString kNamespace = u"org.freedesktop.appearance"_s;
const QString kKey = u"color-scheme"_s;

// Read() answers a variant holding a variant holding the uint32; SettingChanged one level less.
int unwrapScheme(QVariant v)
{
    for (int depth = 0; depth < 3 && v.metaType() == QMetaType::fromType<QDBusVariant>(); ++depth)
        v = qvariant_cast<QDBusVariant>(v).variant();
    bool ok = false;
    const uint value = v.toUInt(&ok);
    return ok && value <= 2 ? int(value) : SystemColorScheme::kNoPortal;
}
#endif
} // namespace

SystemColorScheme::SystemColorScheme(QObject *parent)
    : QObject(parent)
{ }

bool SystemColorScheme::isDarkColor(const QColor &window)
{
    return window.isValid() && ThemeColors::relativeLuminance(window) < 0.2;
}

SystemColorScheme::Scheme SystemColorScheme::decide(const Inputs &inputs)
{
    if (inputs.portalValue == 1)
        return Scheme::Dark;
    if (inputs.portalValue == 2)
        return Scheme::Light;
    // No portal, or "no preference": the older hints.
    if (inputs.gtkTheme.endsWith(u":dark"_s, Qt::CaseInsensitive))
        return Scheme::Dark;
    if (isDarkColor(inputs.platformWindow))
        return Scheme::Dark;
    return Scheme::NoPreference;
}

bool SystemColorScheme::needsDarkPalette(const Inputs &inputs)
{
    return decide(inputs) == Scheme::Dark && !isDarkColor(inputs.platformWindow);
}

int SystemColorScheme::readPortal(int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    int value = kNoPortal;
#ifdef TIDESK_HAVE_DBUS
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (bus.isConnected()) {
        QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kInterface, u"Read"_s);
        call << kNamespace << kKey;
        const QDBusMessage reply = bus.call(call, QDBus::Block, timeoutMs);
        if (reply.type() == QDBusMessage::ReplyMessage && !reply.arguments().isEmpty())
            value = unwrapScheme(reply.arguments().constFirst());
        else
            qCDebug(lcTheme) << "portal color-scheme not read:" << reply.errorName();
    }
#else
    Q_UNUSED(timeoutMs)
#endif
    m_lastReadMs = timer.elapsed();
    m_portalValue = value;
    m_portalRead = true;
    qCDebug(lcTheme) << "portal color-scheme" << value << "in" << m_lastReadMs << "ms";
    return value;
}

SystemColorScheme::Inputs SystemColorScheme::inputs(const QColor &platformWindow)
{
    if (!m_portalRead)
        readPortal();
    Inputs in;
    in.portalValue = m_portalValue;
    in.gtkTheme = qEnvironmentVariable("GTK_THEME");
    in.platformWindow = platformWindow;
    return in;
}

bool SystemColorScheme::watch()
{
#ifdef TIDESK_HAVE_DBUS
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return false;
    return bus.connect(kService, kPath, kInterface, u"SettingChanged"_s, this,
                       SLOT(onSettingChanged(QString, QString, QDBusVariant)));
#else
    return false;
#endif
}

#ifdef TIDESK_HAVE_DBUS
void SystemColorScheme::onSettingChanged(const QString &ns, const QString &key,
                                         const QDBusVariant &value)
{
    if (ns != kNamespace || key != kKey)
        return;
    const int scheme = unwrapScheme(QVariant::fromValue(value));
    m_portalValue = scheme;
    m_portalRead = true;
    qCDebug(lcTheme) << "portal color-scheme changed to" << scheme;
    emit portalValueChanged(scheme);
}
#endif

} // namespace TiDesk
