#include "TrayNotifier.h"

#include <QApplication>
#include <QPainter>
#include <QPixmap>
#include <QSystemTrayIcon>

using namespace Qt::StringLiterals;

namespace TiDesk {

TrayNotifier::TrayNotifier(QObject *parent, const QIcon &icon)
    : QObject(parent)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(this);
    QIcon i = icon.isNull() ? QApplication::windowIcon() : icon;
    if (i.isNull()) {
        // A tray icon must have an image: a plain red dot rather than nothing.
        QPixmap dot(32, 32);
        dot.fill(Qt::transparent);
        QPainter p(&dot);
        p.setRenderHint(QPainter::Antialiasing);
        p.setBrush(QColor(0xc6, 0x28, 0x28));
        p.setPen(Qt::NoPen);
        p.drawEllipse(4, 4, 24, 24);
        i = QIcon(dot);
    }
    m_tray->setIcon(i);
    m_tray->setToolTip(u"TiDesk"_s);
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
        if (!m_lastEnv.isEmpty())
            emit activated(m_lastEnv, m_lastStartsAt);
    });
    m_tray->show();
}

QString TrayNotifier::unavailableReason() const
{
    if (m_tray)
        return {};
    return tr("This desktop has no system tray: new critical alerts are shown on the Alerts page "
              "only.");
}

QString TrayNotifier::titleFor(const Alert &alert, const QString &envName)
{
    //: Notification title: %1 = alert level in capitals ("CRITICAL"), %2 = environment
    return tr("%1 \u00b7 %2").arg(Alert::levelDisplayName(alert.level).toUpper(), envName);
}

QString TrayNotifier::bodyFor(const Alert &alert)
{
    if (alert.summary.isEmpty() || alert.summary == alert.name)
        return alert.name;
    //: Notification body: %1 = alert name, %2 = its summary
    return tr("%1: %2").arg(alert.name, alert.summary);
}

void TrayNotifier::showAlert(const Alert &alert, const QString &envName)
{
    if (!m_tray)
        return;
    m_lastEnv = envName;
    m_lastStartsAt = alert.startsAt;
    ++m_shown;
    m_tray->showMessage(titleFor(alert, envName), bodyFor(alert),
                        alert.level == AlertLevel::Emergency ? QSystemTrayIcon::Critical
                                                             : QSystemTrayIcon::Warning,
                        15000);
}

} // namespace TiDesk
