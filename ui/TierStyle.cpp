#include "TierStyle.h"

#include "ThemeColors.h"

#include <QGuiApplication>

using namespace Qt::StringLiterals;

namespace TiDesk {

QString TierStyle::badgeText(Tier tier, const QString &customName)
{
    switch (tier) {
    case Tier::Prod: return tr("PROD");
    case Tier::Uat: return tr("UAT");
    case Tier::Test: return tr("TEST");
    case Tier::Dev: return tr("DEV");
    case Tier::Custom: break;
    }
    return customName.isEmpty() ? tr("CUSTOM") : customName.toUpper();
}

QString TierStyle::badgeText(const Environment &env)
{
    return badgeText(env.tier, env.customTierName);
}

QString TierStyle::longName(Tier tier, const QString &customName)
{
    switch (tier) {
    case Tier::Prod: return tr("PRODUCTION");
    case Tier::Uat: return tr("UAT");
    case Tier::Test: return tr("TEST");
    case Tier::Dev: return tr("DEVELOPMENT");
    case Tier::Custom: break;
    }
    return customName.isEmpty() ? tr("CUSTOM") : customName.toUpper();
}

QString TierStyle::longName(const Environment &env)
{
    return longName(env.tier, env.customTierName);
}

QString TierStyle::groupName(Tier tier)
{
    switch (tier) {
    case Tier::Prod: return tr("Production");
    case Tier::Uat: return tr("UAT");
    case Tier::Test: return tr("Test");
    case Tier::Dev: return tr("Development");
    case Tier::Custom: break;
    }
    return tr("Other");
}

QString TierStyle::bannerText(const Environment &env)
{
    //: Top-of-window banner: %1 = tier in capitals (PRODUCTION), %2 = environment name
    return tr("%1 — %2").arg(longName(env), env.name);
}

QString TierStyle::windowTitle(const Environment *env)
{
    if (!env)
        return tr("TiDesk");
    //: Window title: %1 = environment name, %2 = tier in capitals
    return tr("TiDesk — %1 [%2]").arg(env->name, longName(*env));
}

QColor TierStyle::color(const Environment &env)
{
    return color(env, QGuiApplication::palette());
}

QColor TierStyle::color(Tier tier, const QString &customColor, const QPalette &palette)
{
    QColor c(customColor);
    if (!c.isValid())
        c = QColor(Environment::defaultColor(tier));
    return ThemeColors::withContrast(c, palette.color(QPalette::Window), 3.0);
}

QColor TierStyle::color(const Environment &env, const QPalette &palette)
{
    return color(env.tier, env.color, palette);
}

QColor TierStyle::textColor(const QColor &tierColor)
{
    return ThemeColors::bestTextOn(tierColor);
}

TierStyle::BannerColors TierStyle::bannerColors(const Environment &env, const QPalette &palette)
{
    BannerColors c;
    c.accent = color(env, palette);
    if (env.isProduction()) {
        c.background = c.accent;
        c.text = textColor(c.background);
        return c;
    }
    const QColor window = palette.color(QPalette::Window);
    c.background = ThemeColors::blend(window, c.accent, ThemeColors::isDark(palette) ? 0.22 : 0.15);
    c.text = ThemeColors::withContrast(c.accent, c.background, 5.0); // 4.5 with a margin
    return c;
}

} // namespace TiDesk
