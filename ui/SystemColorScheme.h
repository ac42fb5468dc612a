// SystemColorScheme: whether the desktop prefers a dark or a light theme, for the "system" theme
// setting (Qt 6.4 has no QStyleHints::colorScheme). Sources, first that answers wins: the XDG
// desktop portal's org.freedesktop.appearance color-scheme (GNOME, KDE, most Linux desktops;
// read over D-Bus with a short timeout), GTK_THEME ending in ":dark", the platform palette's
// window colour. decide()/needsDarkPalette() are pure so tests cover them with a table;
// readPortal() does the D-Bus call; watch() follows live changes (the portal's SettingChanged).
// Threading: GUI thread (the D-Bus reply to the blocking read is awaited at most timeoutMs).
#pragma once

#include <QColor>
#include <QObject>
#include <QString>

#ifdef TIDESK_HAVE_DBUS
#include <QDBusVariant>
#endif

namespace TiDesk {

class SystemColorScheme final : public QObject
{
    Q_OBJECT
public:
    enum class Scheme { NoPreference, Light, Dark };
    Q_ENUM(Scheme)

    // The portal's values: 0 no preference, 1 prefer dark, 2 prefer light; kNoPortal when it
    // did not answer (no session bus, no portal, timeout).
    static constexpr int kNoPortal = -1;

    struct Inputs
    {
        int portalValue = kNoPortal;
        QString gtkTheme; // $GTK_THEME, e.g. "Adwaita:dark"
        QColor platformWindow; // QPalette::Window of the platform's own palette
    };

    explicit SystemColorScheme(QObject *parent = nullptr);

    // What the desktop prefers, from the inputs (pure).
    [[nodiscard]] static Scheme decide(const Inputs &inputs);
    // True when the desktop prefers dark but the platform palette is light, so TiDesk must put
    // its own dark palette on; false means "leave the platform alone" (pure).
    [[nodiscard]] static bool needsDarkPalette(const Inputs &inputs);
    [[nodiscard]] static bool isDarkColor(const QColor &window);

    // Asks the portal (blocking at most timeoutMs). kNoPortal when it does not answer.
    int readPortal(int timeoutMs = 200);
    // Milliseconds the last readPortal() took (connecting to the bus included).
    [[nodiscard]] qint64 lastReadMs() const { return m_lastReadMs; }
    // The inputs now: the portal (read once, then kept up to date by watch()), GTK_THEME and
    // platformWindow.
    [[nodiscard]] Inputs inputs(const QColor &platformWindow);

    // Subscribes to the portal's SettingChanged; false when there is no session bus.
    bool watch();

signals:
    // The portal reported a new color-scheme value.
    void portalValueChanged(int value);

#ifdef TIDESK_HAVE_DBUS
private slots:
    void onSettingChanged(const QString &ns, const QString &key, const QDBusVariant &value);
#endif

private:
    int m_portalValue = kNoPortal;
    bool m_portalRead = false;
    qint64 m_lastReadMs = 0;
};

} // namespace TiDesk
