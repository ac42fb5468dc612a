// TierStyle: how an environment's tier is named and coloured on screen (badge text, banner text,
// window-title tag, colours). One place so the sidebar, the banner, the page and the title agree.
// Colours adapt to the palette: a tier colour keeps 3:1 against the window, its text 4.5:1.
// Threading: any thread for the functions taking a palette; color(env) reads the application
// palette (GUI thread).
#pragma once

#include "inventory/Environment.h"

#include <QColor>
#include <QCoreApplication>
#include <QPalette>
#include <QString>

namespace TiDesk {

class TierStyle final
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::TierStyle)
public:
    // Short badge text: "PROD", "UAT", "TEST", "DEV" or the custom tier name.
    static QString badgeText(const Environment &env);
    static QString badgeText(Tier tier, const QString &customName = {});
    // Long name for titles and banners: "PRODUCTION", "UAT", "TEST", "DEVELOPMENT", custom name.
    static QString longName(const Environment &env);
    static QString longName(Tier tier, const QString &customName = {});
    // Sidebar group heading: "Production", "UAT", "Test", "Development", "Custom".
    static QString groupName(Tier tier);
    // "PRODUCTION — prod"
    static QString bannerText(const Environment &env);
    // "TiDesk — prod [PRODUCTION]"; without an environment just "TiDesk".
    static QString windowTitle(const Environment *env);
    // The tier colour for the current application palette (GUI thread).
    static QColor color(const Environment &env);
    // The tier colour as drawn on palette: the environment's colour (or its tier's default),
    // lightened or darkened only when it would not reach 3:1 against the window.
    static QColor color(const Environment &env, const QPalette &palette);
    static QColor color(Tier tier, const QString &customColor, const QPalette &palette);
    // Text on a tier-coloured fill (badge, production banner): black or white, >= 4.5:1.
    static QColor textColor(const QColor &tierColor);

    // The top-of-window banner: production is a solid tier-coloured strip with text in
    // textColor(); other tiers a tint of the tier colour over the window with tier-coloured text.
    struct BannerColors
    {
        QColor background;
        QColor text;
        QColor accent; // the edge strip
    };
    static BannerColors bannerColors(const Environment &env, const QPalette &palette);
};

} // namespace TiDesk
