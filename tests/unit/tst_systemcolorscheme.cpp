// SystemColorScheme (issue 8): the decision table (portal value, GTK_THEME, platform palette ->
// what the desktop prefers, and whether TiDesk must put its own dark palette on), then the real
// D-Bus path against a fake XDG portal on a private dbus-daemon: Read answers within the timeout,
// a missing portal answers "no portal" fast, and SettingChanged reaches portalValueChanged.
#include "SystemColorScheme.h"

#include <QCoreApplication>
#include <QProcess>
#include <QStandardPaths>
#include <QThread>
#include <QtTest>

#include <atomic>

#ifdef TIDESK_HAVE_DBUS
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusVariant>
#endif

using namespace Qt::StringLiterals;
using namespace TiDesk;
using Scheme = SystemColorScheme::Scheme;

#ifdef TIDESK_HAVE_DBUS
// The part of org.freedesktop.portal.Settings that SystemColorScheme uses.
class FakePortal : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.portal.Settings")
public:
    uint scheme = 1;
    std::atomic<int> delayMs = 0; // > 0: a portal that hangs

public slots:
    QDBusVariant Read(const QString &ns, const QString &key)
    {
        if (delayMs > 0)
            QThread::msleep(ulong(delayMs.load()));
        if (ns == u"org.freedesktop.appearance" && key == u"color-scheme")
            // Read() answers v holding v holding u, like xdg-desktop-portal.
            return QDBusVariant(QVariant::fromValue(QDBusVariant(QVariant(scheme))));
        return QDBusVariant(QVariant(0u));
    }

signals:
    void SettingChanged(const QString &ns, const QString &key, const QDBusVariant &value);
};
#endif

class TestSystemColorScheme : public QObject
{
    Q_OBJECT
private slots:
    void decide_data();
    void decide();
    void portal();
    void cleanupTestCase();

private:
    QProcess m_bus;
};

void TestSystemColorScheme::decide_data()
{
    QTest::addColumn<int>("portal");
    QTest::addColumn<QString>("gtkTheme");
    QTest::addColumn<QColor>("platformWindow");
    QTest::addColumn<Scheme>("expected");
    QTest::addColumn<bool>("ownDark");

    const QColor light(0xef, 0xef, 0xef);
    const QColor dark(0x2a, 0x2a, 0x2a);
    const int none = SystemColorScheme::kNoPortal;
    // GNOME with Qt's default platform theme: the portal says dark, Qt's palette is light.
    QTest::newRow("portal dark, light palette") << 1 << u""_s << light << Scheme::Dark << true;
    // KDE / a Qt platform theme that follows the desktop: already dark, leave it.
    QTest::newRow("portal dark, dark palette") << 1 << u""_s << dark << Scheme::Dark << false;
    QTest::newRow("portal light, light palette") << 2 << u""_s << light << Scheme::Light << false;
    // The portal says light but the platform is dark: leave the platform alone.
    QTest::newRow("portal light, dark palette") << 2 << u""_s << dark << Scheme::Light << false;
    // The portal outranks GTK_THEME.
    QTest::newRow("portal light beats GTK_THEME")
        << 2 << u"Adwaita:dark"_s << light << Scheme::Light << false;
    QTest::newRow("no preference, plain") << 0 << u""_s << light << Scheme::NoPreference << false;
    QTest::newRow("no preference, GTK_THEME dark")
        << 0 << u"Adwaita:dark"_s << light << Scheme::Dark << true;
    QTest::newRow("no portal, GTK_THEME dark")
        << none << u"Adwaita:dark"_s << light << Scheme::Dark << true;
    QTest::newRow("no portal, GTK_THEME upper case")
        << none << u"Yaru:DARK"_s << light << Scheme::Dark << true;
    QTest::newRow("no portal, GTK_THEME light")
        << none << u"Adwaita"_s << light << Scheme::NoPreference << false;
    QTest::newRow("no portal, dark palette") << none << u""_s << dark << Scheme::Dark << false;
    // Headless / offscreen: nothing says dark.
    QTest::newRow("no portal, nothing") << none << u""_s << light << Scheme::NoPreference << false;
    QTest::newRow("no portal, no palette")
        << none << u""_s << QColor() << Scheme::NoPreference << false;
    QTest::newRow("unknown portal value") << 7 << u""_s << light << Scheme::NoPreference << false;
}

void TestSystemColorScheme::decide()
{
    QFETCH(int, portal);
    QFETCH(QString, gtkTheme);
    QFETCH(QColor, platformWindow);
    QFETCH(Scheme, expected);
    QFETCH(bool, ownDark);
    SystemColorScheme::Inputs in;
    in.portalValue = portal;
    in.gtkTheme = gtkTheme;
    in.platformWindow = platformWindow;
    QCOMPARE(SystemColorScheme::decide(in), expected);
    QCOMPARE(SystemColorScheme::needsDarkPalette(in), ownDark);
}

void TestSystemColorScheme::portal()
{
#ifndef TIDESK_HAVE_DBUS
    QSKIP("built without Qt DBus");
#else
    const QString daemon = QStandardPaths::findExecutable(u"dbus-daemon"_s);
    if (daemon.isEmpty())
        QSKIP("no dbus-daemon on this machine");
    // A private session bus: the address must be set before the first sessionBus() call.
    m_bus.start(daemon,
                { u"--session"_s, u"--nofork"_s, u"--nopidfile"_s, u"--print-address=1"_s });
    QVERIFY(m_bus.waitForStarted());
    QTRY_VERIFY(m_bus.canReadLine());
    const QByteArray address = m_bus.readLine().trimmed();
    QVERIFY(!address.isEmpty());
    qputenv("DBUS_SESSION_BUS_ADDRESS", address);

    SystemColorScheme scheme;
    // The bus is there, the portal is not: "no portal", quickly (the error comes back at once).
    QCOMPARE(scheme.readPortal(200), SystemColorScheme::kNoPortal);
    qInfo() << "portal absent: readPortal took" << scheme.lastReadMs() << "ms";
    QVERIFY(scheme.lastReadMs() < 200);

    // The fake portal answers on its own connection and thread (the read blocks this one).
    // Registered first (that gives it a child), then moved with its child to the thread.
    auto *fake = new FakePortal;
    QDBusConnection service
        = QDBusConnection::connectToBus(QString::fromUtf8(address), u"fakeportal"_s);
    QVERIFY(service.isConnected());
    QVERIFY(service.registerObject(u"/org/freedesktop/portal/desktop"_s, fake,
                                   QDBusConnection::ExportAllSlots
                                       | QDBusConnection::ExportAllSignals));
    QVERIFY(service.registerService(u"org.freedesktop.portal.Desktop"_s));
    QThread portalThread;
    portalThread.start();
    fake->moveToThread(&portalThread);

    QCOMPARE(scheme.readPortal(200), 1);
    qInfo() << "portal present: readPortal took" << scheme.lastReadMs() << "ms";
    QVERIFY(scheme.lastReadMs() < 200);
    const SystemColorScheme::Inputs in = scheme.inputs(QColor(0xef, 0xef, 0xef));
    QCOMPARE(in.portalValue, 1);
    QVERIFY(SystemColorScheme::needsDarkPalette(in));

    // A live change on the desktop: SettingChanged reaches portalValueChanged.
    QVERIFY(scheme.watch());
    QSignalSpy changed(&scheme, &SystemColorScheme::portalValueChanged);
    QMetaObject::invokeMethod(
        fake,
        [fake] {
            emit fake->SettingChanged(u"org.freedesktop.appearance"_s, u"color-scheme"_s,
                                      QDBusVariant(QVariant(2u)));
        },
        Qt::BlockingQueuedConnection);
    QTRY_COMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toInt(), 2);
    QCOMPARE(scheme.inputs(QColor(0xef, 0xef, 0xef)).portalValue, 2);
    // Other settings are ignored.
    QMetaObject::invokeMethod(
        fake,
        [fake] {
            emit fake->SettingChanged(u"org.gnome.desktop.interface"_s, u"font-name"_s,
                                      QDBusVariant(QVariant(u"Cantarell 11"_s)));
        },
        Qt::BlockingQueuedConnection);
    QTest::qWait(100);
    QCOMPARE(changed.count(), 1);

    // A portal that hangs: the read gives up after its timeout; the GUI thread is not held longer.
    fake->delayMs = 1000;
    QCOMPARE(scheme.readPortal(200), SystemColorScheme::kNoPortal);
    qInfo() << "portal hanging: readPortal took" << scheme.lastReadMs() << "ms";
    QVERIFY2(scheme.lastReadMs() >= 150 && scheme.lastReadMs() < 400,
             qPrintable(QString::number(scheme.lastReadMs())));

    service.unregisterObject(u"/org/freedesktop/portal/desktop"_s);
    // Drop this handle before disconnecting, or the connection outlives the test (LeakSanitizer).
    service = QDBusConnection(QString());
    QDBusConnection::disconnectFromBus(u"fakeportal"_s);
    portalThread.quit();
    portalThread.wait();
    delete fake; // its thread has ended: nothing else can touch it (a deleteLater never ran)
#endif
}

void TestSystemColorScheme::cleanupTestCase()
{
    if (m_bus.state() != QProcess::NotRunning) {
        m_bus.terminate();
        m_bus.waitForFinished(2000);
    }
}

QTEST_GUILESS_MAIN(TestSystemColorScheme)
#include "tst_systemcolorscheme.moc"
