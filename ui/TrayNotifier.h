// TrayNotifier: the desktop notification of each new critical / emergency alert. Owns a
// QSystemTrayIcon when the desktop has a system tray (QSystemTrayIcon::isSystemTrayAvailable());
// without one it shows nothing and isAvailable() / unavailableReason() say so (offscreen, a bare
// X server, some Wayland desktops). Title: level and environment ("CRITICAL · prod"); body: the
// alert's summary. Clicking the message emits activated() with that alert's environment and
// start time. Which alerts are new is AlertNotifier's business, not this class's.
// Threading: GUI thread only.
//
// Hook-up (MainWindow): connect(alertNotifier, &AlertNotifier::newSevereAlert, tray,
//   &TrayNotifier::showAlert); connect(tray, &TrayNotifier::activated, this, /* open envName's
//   cluster page around startsAt */); with alertNotifier->watch(alertsPage->fleetAlerts()).
#pragma once

#include "alerts/Alert.h"

#include <QDateTime>
#include <QIcon>
#include <QObject>

class QSystemTrayIcon;

namespace TiDesk {

class TrayNotifier final : public QObject
{
    Q_OBJECT
public:
    // icon: the tray icon (default: the application's window icon).
    explicit TrayNotifier(QObject *parent = nullptr, const QIcon &icon = {});

    [[nodiscard]] bool isAvailable() const { return m_tray != nullptr; }
    // Empty when available; else a sentence for the settings page or the log.
    [[nodiscard]] QString unavailableReason() const;
    [[nodiscard]] QSystemTrayIcon *trayIcon() const { return m_tray; }
    // How many messages were shown (0 when unavailable).
    [[nodiscard]] int shownCount() const { return m_shown; }

    [[nodiscard]] static QString titleFor(const Alert &alert, const QString &envName);
    [[nodiscard]] static QString bodyFor(const Alert &alert);

public slots:
    void showAlert(const TiDesk::Alert &alert, const QString &envName);

signals:
    // The DBA clicked the message of the alert that started at startsAt (UTC) in envName.
    void activated(const QString &envName, const QDateTime &startsAt);

private:
    QSystemTrayIcon *m_tray = nullptr;
    QString m_lastEnv;
    QDateTime m_lastStartsAt;
    int m_shown = 0;
};

} // namespace TiDesk
