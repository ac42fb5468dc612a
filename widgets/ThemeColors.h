// ThemeColors: the one place that derives colours from the current palette so that text, boxes
// and accents stay readable in light and dark themes. WCAG 2 contrast maths (relative luminance,
// contrast ratio), "make this colour readable on that background", semantic roles (ok, warning,
// error, info, muted) as text colours and tinted box backgrounds, and follow() to recompute a
// widget's colours when the palette changes (a live theme switch).
// Threading: the colour functions are pure (any thread); follow()/setTextRole() GUI thread only.
#pragma once

#include <QColor>
#include <QPalette>

#include <functional>

class QWidget;

namespace TiDesk {

class ThemeColors final
{
public:
    enum class Role { Ok, Warning, Error, Info, Muted };

    // WCAG 2 relative luminance (0 black .. 1 white) and contrast ratio (1 .. 21).
    [[nodiscard]] static double relativeLuminance(const QColor &c);
    [[nodiscard]] static double contrastRatio(const QColor &a, const QColor &b);
    // Black or white, whichever contrasts more with background (never below 4.58:1).
    [[nodiscard]] static QColor bestTextOn(const QColor &background);
    // fg mixed towards white (dark background) or black (light background) until it reaches
    // minRatio against background; fg itself when it already does.
    [[nodiscard]] static QColor withContrast(const QColor &fg, const QColor &background,
                                             double minRatio);
    // over painted with opacity alpha (0..1) on under, as an opaque colour.
    [[nodiscard]] static QColor blend(const QColor &under, const QColor &over, double alpha);
    [[nodiscard]] static bool isDark(const QPalette &palette);

    // Text / stroke colour for a role, >= 4.5:1 on the palette's Window and Base.
    [[nodiscard]] static QColor foreground(Role role, const QPalette &palette);
    // A tinted box background for a role (message strips, overlays), the palette's WindowText
    // stays readable on it.
    [[nodiscard]] static QColor tint(Role role, const QPalette &palette);
    // Solid alarm red with white text (critical banners), readable in both themes.
    [[nodiscard]] static QColor criticalBackground();

    // Calls apply now and again whenever widget's palette changes (an application palette
    // change reaches every widget as a PaletteChange). apply may set the widget's palette or
    // style sheet: re-entry from its own change is ignored. Lives as long as widget.
    static void follow(QWidget *widget, std::function<void()> apply);
    // Shorthand: widget's WindowText and Text in foreground(role), kept up to date.
    static void setTextRole(QWidget *widget, Role role);
    // Back to the inherited text colour (after setTextRole).
    static void clearTextRole(QWidget *widget);
};

} // namespace TiDesk
