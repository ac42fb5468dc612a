// Theme: applies the "theme" setting (system / light / dark) to the application at start-up:
// "system" leaves the platform style alone; "light" and "dark" use Fusion with a fixed palette.
// Tier colours (banner, badges, frame) are explicit and read the same in both.
// Threading: GUI thread, before the main window is created (main.cpp).
#pragma once

#include <QString>

class QApplication;

namespace TiDesk {

class Theme final
{
public:
    static void apply(QApplication &app, const QString &theme);
};

} // namespace TiDesk
