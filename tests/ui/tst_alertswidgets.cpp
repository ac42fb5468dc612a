// The alert widgets without a server: SilenceDialog (matchers shown, durations, comment
// required, production needs the confirmation box; screenshot silence-dialog.png),
// AlertLevelDelegate painting the level text once (a silenced alert's faint pill would show a
// second, black copy underneath), and TrayNotifier's texts and its "no system tray" answer.
#include "TrayNotifier.h"
#include "UiTestFixture.h"
#include "alerts/AlertListModel.h"
#include "dialogs/SilenceDialog.h"
#include "pages/AlertLevelDelegate.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStyleOptionViewItem>
#include <QSystemTrayIcon>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TiDesk;
using TiDesk::Test::UiTestFixture;

namespace {

Alert tikvDown()
{
    Alert a;
    a.name = u"TiKV_server_is_down"_s;
    a.level = AlertLevel::Critical;
    a.levelLabel = u"critical"_s;
    a.summary = u"TiKV 10.0.1.7:20180 is down"_s;
    a.state = u"active"_s;
    a.fingerprint = u"f1"_s;
    a.startsAt = QDateTime(QDate(2026, 11, 30), QTime(5, 40), Qt::UTC);
    a.labels = { { u"alertname"_s, a.name },
                 { u"level"_s, u"critical"_s },
                 { u"env"_s, u"prod-east"_s },
                 { u"cluster"_s, u"prod-east"_s },
                 { u"instance"_s, u"10.0.1.7:20180"_s } };
    return a;
}

} // namespace

class TestAlertsWidgets : public QObject
{
    Q_OBJECT

private slots:
    void silenceDialogDurationsAndComment()
    {
        SilenceDialog d(tikvDown(), u"uat01"_s, false);
        QVERIFY(!d.requiresConfirmation());
        QVERIFY(!d.findChild<QCheckBox *>(u"silenceConfirmProd"_s));
        const QString shown = d.findChild<QLabel *>(u"silenceMatchers"_s)->text();
        QCOMPARE(shown.split(u'\n'),
                 (QStringList { u"alertname=\"TiKV_server_is_down\""_s, u"env=\"prod-east\""_s,
                                u"cluster=\"prod-east\""_s, u"instance=\"10.0.1.7:20180\""_s }));
        QPushButton *ok = d.findChild<QPushButton *>(u"silenceOk"_s);
        QVERIFY(ok);
        QVERIFY(!ok->isEnabled()); // no comment yet
        QVERIFY(!d.silence().ok());

        QCOMPARE(d.duration(), std::chrono::seconds(3600)); // 1 hour by default
        d.setDuration(SilenceDialog::FourHours);
        QCOMPARE(d.duration(), std::chrono::seconds(4 * 3600));
        d.setDuration(SilenceDialog::OneDay);
        QCOMPARE(d.duration(), std::chrono::seconds(86400));
        d.setCustomDuration(90, SilenceDialog::Minutes);
        QCOMPARE(d.duration(), std::chrono::seconds(90 * 60));
        d.setCustomDuration(3, SilenceDialog::Days);
        QCOMPARE(d.duration(), std::chrono::seconds(3 * 86400));

        QTest::keyClicks(d.findChild<QPlainTextEdit *>(u"silenceComment"_s), u"   "_s);
        QVERIFY(!ok->isEnabled()); // blank is no comment
        d.setComment(u"  CHG-77: TiKV disk swap  "_s);
        QVERIFY(ok->isEnabled());
        const auto s = d.silence();
        QVERIFY2(s.ok(), qPrintable(s.error().toString()));
        QCOMPARE(s->comment, u"CHG-77: TiKV disk swap"_s);
        QCOMPARE(s->startsAt.secsTo(s->endsAt), 3 * 86400);
        QCOMPARE(s->matchers.size(), 4);
        QCOMPARE(s->createdBy, Silence::currentUserName());

        QSignalSpy accepted(&d, &QDialog::accepted);
        ok->click();
        QCOMPARE(accepted.size(), 1);
    }

    void productionNeedsConfirmation()
    {
        SilenceDialog d(tikvDown(), u"prod-east"_s, true);
        d.resize(560, d.sizeHint().height());
        QVERIFY(d.requiresConfirmation());
        auto *confirm = d.findChild<QCheckBox *>(u"silenceConfirmProd"_s);
        QVERIFY(confirm);
        QVERIFY(confirm->text().contains(u"prod-east"_s));
        QPushButton *ok = d.findChild<QPushButton *>(u"silenceOk"_s);
        d.setComment(u"CHG-78 planned TiKV restart"_s);
        QVERIFY(!ok->isEnabled());
        const auto refused = d.silence();
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().message.contains(u"production"_s));
        QSignalSpy accepted(&d, &QDialog::accepted);
        ok->click(); // disabled: nothing happens
        QCOMPARE(accepted.size(), 0);
        confirm->setChecked(true);
        QVERIFY(ok->isEnabled());
        QVERIFY(d.silence().ok());
        d.setCustomDuration(6, SilenceDialog::Hours);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        QVERIFY(!UiTestFixture::screenshot(&d, u"silence-dialog.png"_s).isEmpty());
        confirm->setChecked(false);
        QVERIFY(!ok->isEnabled());
    }

    void alertWithoutNameCannotBeSilenced()
    {
        Alert a;
        a.level = AlertLevel::Warning;
        a.labels = { { u"env"_s, u"dev"_s } };
        SilenceDialog d(a, u"dev"_s, false);
        d.setComment(u"why"_s);
        QVERIFY(!d.isConfirmEnabled());
        QVERIFY(!d.findChild<QPushButton *>(u"silenceOk"_s)->isEnabled());
    }

    void levelTextPaintedOnce()
    {
        // A silenced info alert: a faint blue pill with blue text. The model's own text, painted
        // underneath by the style in the palette's (black) text colour, would show through.
        AlertListModel model;
        Alert a = tikvDown();
        a.level = AlertLevel::Info;
        a.silencedBy = { u"sid"_s };
        model.setAlerts({ { u"prod-east"_s, a } });
        QTableView view; // gives the delegate a widget and a style
        view.setModel(&model);
        AlertLevelDelegate delegate;
        QStyleOptionViewItem opt;
        opt.initFrom(&view);
        opt.widget = &view;
        opt.rect = QRect(0, 0, 160, 28);
        opt.state = QStyle::State_Enabled;
        opt.palette.setColor(QPalette::Text, Qt::black);
        QImage img(opt.rect.size(), QImage::Format_ARGB32);
        img.fill(Qt::white);
        {
            QPainter p(&img);
            delegate.paint(&p, opt, model.index(0, AlertListModel::LevelColumn));
        }
        int dark = 0;
        int blue = 0;
        for (int y = 0; y < img.height(); ++y)
            for (int x = 0; x < img.width(); ++x) {
                const QColor c = img.pixelColor(x, y);
                dark += c.red() < 70 && c.green() < 70 && c.blue() < 70;
                blue += c.blue() > 150 && c.red() < 90;
            }
        QVERIFY2(blue > 20, qPrintable(QString::number(blue))); // the pill and its text
        QCOMPARE(dark, 0); // no second, black copy of "info"
    }

    void trayNotifier()
    {
        TrayNotifier tray;
        QCOMPARE(tray.isAvailable(), QSystemTrayIcon::isSystemTrayAvailable());
        if (!tray.isAvailable()) { // offscreen: always so here
            QVERIFY(tray.trayIcon() == nullptr);
            QVERIFY(tray.unavailableReason().contains(u"system tray"_s));
            QSignalSpy activated(&tray, &TrayNotifier::activated);
            tray.showAlert(tikvDown(), u"prod-east"_s);
            QCOMPARE(tray.shownCount(), 0);
            QCOMPARE(activated.size(), 0);
        } else {
            QVERIFY(tray.unavailableReason().isEmpty());
            tray.showAlert(tikvDown(), u"prod-east"_s);
            QCOMPARE(tray.shownCount(), 1);
        }
        QCOMPARE(TrayNotifier::titleFor(tikvDown(), u"prod-east"_s),
                 u"CRITICAL \u00b7 prod-east"_s);
        QCOMPARE(TrayNotifier::bodyFor(tikvDown()),
                 u"TiKV_server_is_down: TiKV 10.0.1.7:20180 is down"_s);
        Alert bare = tikvDown();
        bare.summary = bare.name;
        QCOMPARE(TrayNotifier::bodyFor(bare), bare.name);
    }
};

QTEST_MAIN(TestAlertsWidgets)
#include "tst_alertswidgets.moc"
