// Tier colours readable in both themes (issue 8): for TiDesk's light and dark palettes, every
// tier's default colour reaches 3:1 against the window, and the badge / banner text on it 4.5:1
// (WCAG 2 relative luminance). The table is checked as written (Environment::defaultColor), so
// someone picking an unreadable colour makes this fail; TierStyle's runtime adaptation of custom
// colours is checked separately. Also the semantic text roles and the message banner.
#include "MessageBanner.h"
#include "Theme.h"
#include "ThemeColors.h"
#include "TierBadge.h"
#include "TierStyle.h"
#include "inventory/Environment.h"

#include <QApplication>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace TiDesk;

Q_DECLARE_METATYPE(TiDesk::Tier)

namespace {
QPalette paletteNamed(const QString &name)
{
    return name == u"dark" ? Theme::darkPalette() : Theme::lightPalette();
}

Environment envOf(Tier tier, const QString &color = {})
{
    Environment e;
    e.name = u"env"_s;
    e.tier = tier;
    e.color = color;
    return e;
}

QString fmt(double v)
{
    return QString::number(v, 'f', 2);
}
} // namespace

class TestTierContrast : public QObject
{
    Q_OBJECT
private slots:
    void formula();
    void checkCanFail();
    void tiers_data();
    void tiers();
    void prodIsRed();
    void customColoursAdapt_data();
    void customColoursAdapt();
    void roles_data();
    void roles();
};

void TestTierContrast::formula()
{
    QCOMPARE(ThemeColors::relativeLuminance(Qt::black), 0.0);
    QCOMPARE(ThemeColors::relativeLuminance(Qt::white), 1.0);
    QCOMPARE(ThemeColors::contrastRatio(Qt::black, Qt::white), 21.0);
    QCOMPARE(ThemeColors::contrastRatio(Qt::white, Qt::black), 21.0);
    QCOMPARE(ThemeColors::contrastRatio(QColor(u"#777777"_s), QColor(u"#777777"_s)), 1.0);
    // Reference values (WebAIM contrast checker): #767676 on white 4.54:1, #c62828 on white 5.62.
    QVERIFY(qAbs(ThemeColors::contrastRatio(QColor(u"#767676"_s), Qt::white) - 4.54) < 0.01);
    QVERIFY(qAbs(ThemeColors::contrastRatio(QColor(u"#c62828"_s), Qt::white) - 5.62) < 0.01);
    QCOMPARE(ThemeColors::bestTextOn(QColor(u"#fff59d"_s)), QColor(Qt::black));
    QCOMPARE(ThemeColors::bestTextOn(QColor(u"#1976d2"_s)), QColor(Qt::white));
}

void TestTierContrast::checkCanFail()
{
    // The colours before issue 8 fail these checks: the test would have caught them.
    const QPalette light = Theme::lightPalette();
    const QPalette dark = Theme::darkPalette();
    QVERIFY(ThemeColors::contrastRatio(QColor(u"#ef6c00"_s), light.color(QPalette::Window)) < 3.0);
    QVERIFY(ThemeColors::contrastRatio(QColor(u"#ef6c00"_s), Qt::white) < 4.5); // white on orange
    QVERIFY(ThemeColors::contrastRatio(QColor(u"#6a1b9a"_s), dark.color(QPalette::Window)) < 3.0);
    QVERIFY(ThemeColors::contrastRatio(QColor(u"#c62828"_s), QColor(u"#2b2d30"_s)) < 3.0);
}

void TestTierContrast::tiers_data()
{
    QTest::addColumn<QString>("palette");
    QTest::addColumn<Tier>("tier");
    for (const QString &p : { u"light"_s, u"dark"_s })
        for (Tier t : { Tier::Prod, Tier::Uat, Tier::Test, Tier::Dev, Tier::Custom })
            QTest::addRow("%s-%s", qPrintable(p), qPrintable(Environment::tierName(t))) << p << t;
}

void TestTierContrast::tiers()
{
    QFETCH(QString, palette);
    QFETCH(Tier, tier);
    const QPalette pal = paletteNamed(palette);
    const QColor window = pal.color(QPalette::Window);
    const QColor tierColor(Environment::defaultColor(tier));
    QVERIFY(tierColor.isValid());

    const double onWindow = ThemeColors::contrastRatio(tierColor, window);
    const QColor badgeText = TierStyle::textColor(tierColor);
    const double text = ThemeColors::contrastRatio(badgeText, tierColor);
    const TierStyle::BannerColors banner = TierStyle::bannerColors(envOf(tier), pal);
    const double bannerText = ThemeColors::contrastRatio(banner.text, banner.background);
    qInfo().noquote() << palette << Environment::tierName(tier) << tierColor.name() << "on window"
                      << window.name() << fmt(onWindow) << "| badge text" << badgeText.name()
                      << fmt(text) << "| banner text" << banner.text.name() << "on"
                      << banner.background.name() << fmt(bannerText);

    QVERIFY2(onWindow >= 3.0, qPrintable(u"tier colour on the window: %1:1"_s.arg(fmt(onWindow))));
    QVERIFY2(text >= 4.5, qPrintable(u"badge text: %1:1"_s.arg(fmt(text))));
    QVERIFY2(bannerText >= 4.5, qPrintable(u"banner text: %1:1"_s.arg(fmt(bannerText))));
    // The table needs no runtime adaptation: what is drawn is what is written.
    QCOMPARE(TierStyle::color(envOf(tier), pal), tierColor);
    QCOMPARE(TierBadge::textColorFor(tierColor), badgeText);
    if (tier == Tier::Prod)
        QCOMPARE(banner.background, tierColor); // the solid red strip
}

void TestTierContrast::prodIsRed()
{
    const QColor prod(Environment::defaultColor(Tier::Prod));
    const int hue = prod.hslHue();
    QVERIFY2(hue <= 8 || hue >= 350, qPrintable(QString::number(hue)));
    QVERIFY(prod.hslSaturation() > 150);
    // UAT (orange) must not be mistaken for production.
    const int uatHue = QColor(Environment::defaultColor(Tier::Uat)).hslHue();
    QVERIFY2(uatHue >= 20 && uatHue <= 45, qPrintable(QString::number(uatHue)));
    QCOMPARE(TierStyle::textColor(prod), QColor(Qt::white));
}

void TestTierContrast::customColoursAdapt_data()
{
    QTest::addColumn<QString>("palette");
    QTest::addColumn<QString>("color");
    for (const QString &p : { u"light"_s, u"dark"_s })
        for (const QString &c : { u"#ffff00"_s, u"#ffffff"_s, u"#000000"_s, u"#777777"_s,
                                  u"#303030"_s, u"#e0e0e0"_s, u"#6a1b9a"_s, u"#ef6c00"_s })
            QTest::addRow("%s-%s", qPrintable(p), qPrintable(c)) << p << c;
}

void TestTierContrast::customColoursAdapt()
{
    // An environment's own colour (the environment dialog accepts any) is adjusted when drawn.
    QFETCH(QString, palette);
    QFETCH(QString, color);
    const QPalette pal = paletteNamed(palette);
    for (Tier tier : { Tier::Prod, Tier::Custom }) {
        const Environment env = envOf(tier, color);
        const QColor drawn = TierStyle::color(env, pal);
        QVERIFY2(ThemeColors::contrastRatio(drawn, pal.color(QPalette::Window)) >= 3.0,
                 qPrintable(drawn.name()));
        QVERIFY(ThemeColors::contrastRatio(TierStyle::textColor(drawn), drawn) >= 4.5);
        const TierStyle::BannerColors banner = TierStyle::bannerColors(env, pal);
        QVERIFY2(ThemeColors::contrastRatio(banner.text, banner.background) >= 4.5,
                 qPrintable(banner.text.name() + u" on "_s + banner.background.name()));
    }
}

void TestTierContrast::roles_data()
{
    QTest::addColumn<QString>("palette");
    QTest::newRow("light") << u"light"_s;
    QTest::newRow("dark") << u"dark"_s;
}

void TestTierContrast::roles()
{
    QFETCH(QString, palette);
    const QPalette pal = paletteNamed(palette);
    for (auto role : { ThemeColors::Role::Ok, ThemeColors::Role::Warning, ThemeColors::Role::Error,
                       ThemeColors::Role::Info, ThemeColors::Role::Muted }) {
        const QColor fg = ThemeColors::foreground(role, pal);
        QVERIFY2(ThemeColors::contrastRatio(fg, pal.color(QPalette::Window)) >= 4.5,
                 qPrintable(fg.name()));
        QVERIFY2(ThemeColors::contrastRatio(fg, pal.color(QPalette::Base)) >= 4.5,
                 qPrintable(fg.name()));
        const QColor tint = ThemeColors::tint(role, pal);
        QVERIFY(ThemeColors::contrastRatio(pal.color(QPalette::WindowText), tint) >= 4.5);
        // A tint stays on the palette's side: no light box in a dark theme.
        QCOMPARE(ThemeColors::isDark(pal), ThemeColors::relativeLuminance(tint) < 0.2);
    }
    // Every message banner kind, as painted on a widget with this palette.
    MessageBanner banner;
    banner.setPalette(pal);
    for (auto kind :
         { MessageBanner::Kind::Info, MessageBanner::Kind::Success, MessageBanner::Kind::Warning,
           MessageBanner::Kind::Error, MessageBanner::Kind::Critical }) {
        banner.showMessage(kind, u"text"_s);
        const double c = ThemeColors::contrastRatio(banner.textColor(), banner.backgroundColor());
        QVERIFY2(c >= 4.5, qPrintable(fmt(c)));
    }
    QCOMPARE(ThemeColors::isDark(pal), palette == u"dark");
}

QTEST_MAIN(TestTierContrast)
#include "tst_tiercontrast.moc"
