// TierStyle: how an environment's tier is named and coloured on screen (badge text, banner text,
// window-title tag, colours). One place so the sidebar, the banner, the page and the title agree.
// Threading: any thread (pure functions; texts go through tr()).
#pragma once

#include "inventory/Environment.h"

#include <QColor>
#include <QCoreApplication>
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
    static QColor color(const Environment &env);
};

} // namespace TiDesk
