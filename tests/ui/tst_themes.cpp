// Light and dark themes (issue 8) over the real main window: the theme is switched LIVE through
// the Settings page's combo (no restart), production is selected, and each switch is checked on
// what is drawn: the page background's lightness, the production banner's text contrast
// (>= 4.5:1), message banners and chart backgrounds on the theme's side (no light boxes in dark),
// the dialogs that used hard-coded colours. Switching back restores the light palette. Also the
// "system" theme on this headless machine (no portal: left alone) and how long asking took.
// Saves theme-light-*.png and theme-dark-*.png.
#include "MainWindow.h"
#include "MessageBanner.h"
#include "SystemColorScheme.h"
#include "Theme.h"
#include "ThemeColors.h"
#include "TierBanner.h"
#include "TierStyle.h"
#include "TimeSeriesChart.h"
#include "UiTestFixture.h"
#include "alerts/Alert.h"
#include "common/TimeSeries.h"
#include "dialogs/SilenceDialog.h"
#include "dialogs/StartBackupDialog.h"
#include "health/FleetChecker.h"
#include "pages/SettingsPage.h"
#include "sql/SqlConnection.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace TiDesk;
using TiDesk::Test::UiTestFixture;

namespace {
CheckResult fakeCheck(const Environment &env, const QString &)
{
    CheckResult r;
    r.name = env.name;
    const SqlEndpoint ep = env.endpoints.value(0);
    r.endpoint = u"%1:%2"_s.arg(ep.host).arg(ep.port);
    if (env.tier == Tier::Dev) {
        r.reachable = true;
        r.engine = EngineInfo::parse(u"10.11.19-MariaDB-log"_s);
        r.latencyMs = 8;
    } else {
        r.error
            = Error::make(ErrorKind::Connection, u"Can't connect to server on '127.0.0.1' (111)"_s);
    }
    return r;
}

double luminanceAt(QWidget *w, QPoint p)
{
    const QImage img = w->grab().toImage();
    return ThemeColors::relativeLuminance(img.pixelColor(p * img.devicePixelRatio()));
}
} // namespace

class TestThemes : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void systemOnHeadless();
    void lightAndDarkLive();
    void backToLight();

private:
    void switchTo(const QString &theme);
    void checkTheme(const QString &theme);
    void shootPages(const QString &theme);
    void shootDialogs(const QString &theme);
    void shootChart(const QString &theme);

    UiTestFixture m_fx;
    std::unique_ptr<MainWindow> m_window;
};

void TestThemes::initTestCase()
{
    const QString err = m_fx.init();
    QVERIFY2(err.isEmpty(), qPrintable(err));
    SqlConnection::initDriver();
    Theme::apply(*qApp, u"light"_s);

    // Nothing listens on 127.0.0.1:1: every page that asks a server fails fast and shows it.
    Environment dev = UiTestFixture::makeEnv(u"dev"_s, Tier::Dev, u"127.0.0.1"_s, 1);
    Environment test = UiTestFixture::makeEnv(u"test01"_s, Tier::Test, u"127.0.0.1"_s, 1);
    Environment uat = UiTestFixture::makeEnv(u"uat01"_s, Tier::Uat, u"127.0.0.1"_s, 1);
    Environment lab = UiTestFixture::makeEnv(u"lab"_s, Tier::Custom, u"127.0.0.1"_s, 1);
    lab.customTierName = u"lab"_s;
    Environment prod = UiTestFixture::makeEnv(u"prod"_s, Tier::Prod, u"127.0.0.1"_s, 1);
    prod.prometheusUrl = u"http://127.0.0.1:1"_s;
    prod.notes = u"On-call: #dba-oncall."_s;
    const auto saved = m_fx.inventory->saveAll({ dev, test, uat, lab, prod });
    QVERIFY(saved.ok());

    m_window = std::make_unique<MainWindow>(m_fx.services);
    m_window->fleetChecker()->setCheckFunction(&fakeCheck);
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_COMPARE(m_window->environmentCount(), 5);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->fleetChecker()->isRunning(), 10000);
    QVERIFY(m_window->selectEnvironment(u"prod"_s));
}

void TestThemes::cleanupTestCase()
{
    m_window.reset();
    m_fx.pool.waitForDone();
}

void TestThemes::systemOnHeadless()
{
    // Offscreen, no desktop portal: "system" leaves the platform's light palette alone. The
    // portal question is asked once and must not hold the GUI thread for long.
    SystemColorScheme *scheme = Theme::systemColorScheme(*qApp);
    QElapsedTimer timer;
    timer.start();
    const int portal = scheme->readPortal(200);
    const qint64 ms = timer.elapsed();
    qInfo() << "portal answer" << portal << "in" << ms << "ms; DBUS_SESSION_BUS_ADDRESS"
            << qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS");
    QVERIFY2(ms < 250, qPrintable(QString::number(ms)));
    if (portal == SystemColorScheme::kNoPortal && qEnvironmentVariable("GTK_THEME").isEmpty()) {
        switchTo(u"system"_s);
        QVERIFY(!Theme::isDarkPaletteApplied());
        QVERIFY(!ThemeColors::isDark(m_window->palette()));
    }
    switchTo(u"light"_s);
}

void TestThemes::switchTo(const QString &theme)
{
    m_window->showPage(MainWindow::Page::Settings);
    auto *combo = m_window->settingsPage()->findChild<QComboBox *>(u"settingsTheme"_s);
    QVERIFY(combo);
    const int index = combo->findData(theme);
    QVERIFY(index >= 0);
    if (combo->currentIndex() == index)
        Theme::apply(*qApp, theme);
    else
        combo->setCurrentIndex(index); // saves and applies at once
    QCOMPARE(Theme::current(), theme);
    QVERIFY(!m_window->settingsPage()->isRestartNeeded());
    QCoreApplication::processEvents();
}

void TestThemes::checkTheme(const QString &theme)
{
    const bool dark = theme == u"dark";
    QCOMPARE(Theme::isDarkPaletteApplied(), dark);
    // What is drawn: the settings page's background (its bottom-left corner) is on the theme's
    // side.
    SettingsPage *settings = m_window->settingsPage();
    m_window->showPage(MainWindow::Page::Settings);
    QCOMPARE(ThemeColors::isDark(settings->palette()), dark);
    const double bg = luminanceAt(settings, QPoint(3, settings->height() - 3));
    QVERIFY2(dark ? bg < 0.05 : bg > 0.6, qPrintable(QString::number(bg)));

    // The production banner: solid tier red, text >= 4.5:1 on it, in both themes.
    TierBanner *banner = m_window->tierBanner();
    QVERIFY(banner->isVisible() && banner->isProduction());
    QCOMPARE(banner->backgroundColor(), TierStyle::color(*m_window->currentEnvironment()));
    const double contrast
        = ThemeColors::contrastRatio(banner->textColor(), banner->backgroundColor());
    qInfo() << theme << "prod banner text" << banner->textColor().name() << "on"
            << banner->backgroundColor().name() << contrast;
    QVERIFY2(contrast >= 4.5, qPrintable(QString::number(contrast)));
    auto *text = banner->findChild<QLabel *>(u"tierBannerText"_s);
    QCOMPARE(text->palette().color(QPalette::WindowText), banner->textColor());
    const QImage img = m_window->grab().toImage();
    const QPoint bannerPt
        = banner->mapTo(m_window.get(), QPoint(banner->width() - 4, banner->height() / 2));
    QCOMPARE(img.pixelColor(bannerPt * img.devicePixelRatio()), banner->backgroundColor());
    // The red frame around the production window, same colour in both themes.
    QCOMPARE(img.pixelColor(QPoint(1, img.height() / 2)), banner->backgroundColor());
    QVERIFY(ThemeColors::contrastRatio(banner->backgroundColor(),
                                       m_window->palette().color(QPalette::Window))
            >= 3.0);
}

void TestThemes::shootPages(const QString &theme)
{
    const bool dark = theme == u"dark";
    const struct
    {
        MainWindow::Page page;
        const char *name;
    } pages[] = {
        { MainWindow::Page::Environment, "environment" },
        { MainWindow::Page::Fleet, "fleet" },
        { MainWindow::Page::Sessions, "sessions" },
        { MainWindow::Page::Cluster, "cluster" },
        { MainWindow::Page::Alerts, "alerts" },
        { MainWindow::Page::Settings, "settings" },
    };
    for (const auto &p : pages) {
        m_window->showPage(p.page);
        QTest::qWait(400); // the pages' first (failing) loads
        // Every message strip and chart shown is on the theme's side and readable.
        const auto banners = m_window->findChildren<MessageBanner *>();
        for (MessageBanner *b : banners) {
            if (!b->isVisible())
                continue;
            const double c = ThemeColors::contrastRatio(b->textColor(), b->backgroundColor());
            QVERIFY2(c >= 4.5,
                     qPrintable(u"%1: %2 on %3"_s.arg(b->text(), b->textColor().name(),
                                                      b->backgroundColor().name())));
            if (b->kind() != MessageBanner::Kind::Critical)
                QCOMPARE(ThemeColors::relativeLuminance(b->backgroundColor()) < 0.2, dark);
        }
        const auto charts = m_window->findChildren<TimeSeriesChart *>();
        for (TimeSeriesChart *chart : charts) {
            if (!chart->isVisible())
                continue;
            const double l = luminanceAt(chart, QPoint(2, 2));
            QVERIFY2(dark ? l < 0.05 : l > 0.6, qPrintable(QString::number(l)));
        }
        QVERIFY(!UiTestFixture::screenshot(m_window.get(),
                                           u"theme-%1-%2.png"_s.arg(theme, QLatin1String(p.name)))
                     .isEmpty());
    }
}

void TestThemes::shootDialogs(const QString &theme)
{
    const Environment prod = *m_window->currentEnvironment();
    {
        StartBackupDialog d(prod, m_window.get());
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        // A BR storage URL where a directory is expected: the problem line shows.
        d.directoryEdit()->setText(u"s3://backups/prod"_s);
        QTRY_VERIFY(d.problemLabel()->isVisible());
        const QColor fg = d.problemLabel()->palette().color(QPalette::WindowText);
        const double c = ThemeColors::contrastRatio(fg, d.palette().color(QPalette::Window));
        QVERIFY2(c >= 4.5, qPrintable(fg.name()));
        QVERIFY(!UiTestFixture::screenshot(&d, u"theme-%1-startbackup.png"_s.arg(theme)).isEmpty());
    }
    {
        Alert a;
        a.name = u"TiKV_server_is_down"_s;
        a.level = AlertLevel::Warning;
        a.levelLabel = u"warning"_s;
        a.summary = u"TiKV 10.0.1.7:20180 is down"_s;
        a.state = u"active"_s;
        a.fingerprint = u"f1"_s;
        a.labels = { { u"alertname"_s, a.name }, { u"env"_s, u"prod"_s } };
        SilenceDialog d(a, u"prod"_s, true, m_window.get());
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        auto *confirm = d.findChild<QCheckBox *>(u"silenceConfirmProd"_s);
        QVERIFY(confirm);
        const QColor fg = confirm->palette().color(QPalette::WindowText);
        QVERIFY2(ThemeColors::contrastRatio(fg, d.palette().color(QPalette::Window)) >= 4.5,
                 qPrintable(fg.name()));
        auto *level = d.findChild<QLabel *>(u"silenceLevel"_s);
        QVERIFY(level);
        QVERIFY(!UiTestFixture::screenshot(&d, u"theme-%1-silence.png"_s.arg(theme)).isEmpty());
    }
}

void TestThemes::shootChart(const QString &theme)
{
    // A chart with lines and a failed refresh (the red overlay that used to be a pink box).
    const bool dark = theme == u"dark";
    TimeSeriesChart chart;
    SeriesSet set;
    set.title = u"QPS by type"_s;
    set.unit = MetricUnit::PerSecond;
    set.toMs = 1'764'547'200'000;
    set.fromMs = set.toMs - 3'600'000;
    set.stepMs = 15'000;
    for (int s = 0; s < 3; ++s) {
        TimeSeries ts;
        ts.legend = QStringList { u"select"_s, u"insert"_s, u"update"_s }.at(s);
        for (int i = 0; i < 240; ++i)
            ts.points.append(QPointF(double(set.fromMs + i * set.stepMs),
                                     (3 - s) * 400.0 * (1.0 + 0.3 * std::sin(i / 20.0 + s))));
        set.series.append(ts);
    }
    chart.setSeriesSet(set);
    chart.resize(720, 360);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    const double bg = luminanceAt(&chart, QPoint(2, 2));
    QVERIFY2(dark ? bg < 0.05 : bg > 0.6, qPrintable(QString::number(bg)));
    QVERIFY(!UiTestFixture::screenshot(&chart, u"theme-%1-chart.png"_s.arg(theme)).isEmpty());

    chart.setMessage(u"Prometheus at http://127.0.0.1:1 is unreachable: Connection refused"_s,
                     TimeSeriesChart::MessageKind::Error);
    QCoreApplication::processEvents();
    auto *label = chart.findChild<QLabel *>(u"chartMessage"_s);
    QVERIFY(label && label->isVisible());
    // The overlay's own box (its middle, left of the text) is on the theme's side.
    const QImage img = label->grab().toImage();
    const QColor box = img.pixelColor(QPoint(3, img.height() / 2));
    QCOMPARE(ThemeColors::relativeLuminance(box) < 0.2, dark);
    QVERIFY(!UiTestFixture::screenshot(&chart, u"theme-%1-chart-error.png"_s.arg(theme)).isEmpty());
}

void TestThemes::lightAndDarkLive()
{
    for (const QString &theme : { u"light"_s, u"dark"_s }) {
        switchTo(theme);
        checkTheme(theme);
        shootPages(theme);
        shootDialogs(theme);
        shootChart(theme);
    }
}

void TestThemes::backToLight()
{
    switchTo(u"light"_s);
    checkTheme(u"light"_s);
    QCOMPARE(qApp->palette().color(QPalette::Window),
             Theme::lightPalette().color(QPalette::Window));
    // The settings page's label text follows the palette back (no dark-theme leftovers).
    QCOMPARE(m_window->settingsPage()->palette().color(QPalette::WindowText),
             Theme::lightPalette().color(QPalette::WindowText));
}

QTEST_MAIN(TestThemes)
#include "tst_themes.moc"
