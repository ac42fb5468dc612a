// Theme: applies the "theme" setting (system / light / dark) to the application, at start-up and
// again live whenever the setting changes (Settings page) or, for "system", when the desktop's
// colour scheme changes (SystemColorScheme watches the XDG portal).
// "light" and "dark" use Fusion with TiDesk's palettes. "system" leaves the platform's style and
// palette alone unless the desktop prefers dark while the platform palette is light (common with
// Qt's default platform theme on GNOME): then TiDesk's dark palette goes on.
// Widgets that build colours follow through QEvent::PaletteChange (see ThemeColors::follow).
// Threading: GUI thread only.
#pragma once

#include <QPalette>
#include <QString>

class QApplication;

namespace TiDesk {

class SystemColorScheme;

class Theme final
{
public:
    // theme: "system", "light" or "dark" (anything else counts as "system").
    static void apply(QApplication &app, const QString &theme);

    [[nodiscard]] static QPalette lightPalette();
    [[nodiscard]] static QPalette darkPalette();

    // The setting last applied and whether TiDesk's dark palette is on because of it.
    [[nodiscard]] static QString current();
    [[nodiscard]] static bool isDarkPaletteApplied();
    // The detector "system" uses (created on first use, owned by the application); tests feed it.
    [[nodiscard]] static SystemColorScheme *systemColorScheme(QApplication &app);
};

} // namespace TiDesk
