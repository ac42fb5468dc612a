#include "ThemeColors.h"

#include <QEvent>
#include <QWidget>

#include <cmath>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

double linear(double channel)
{
    return channel <= 0.04045 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
}

// Light-theme base colours of the roles; dark themes get them lightened by withContrast().
QColor baseColor(ThemeColors::Role role)
{
    switch (role) {
    case ThemeColors::Role::Ok: return QColor(0x2e, 0x7d, 0x32);
    case ThemeColors::Role::Warning: return QColor(0x9a, 0x55, 0x00);
    case ThemeColors::Role::Error: return QColor(0xc6, 0x28, 0x28);
    case ThemeColors::Role::Info: return QColor(0x15, 0x65, 0xc0);
    case ThemeColors::Role::Muted: break;
    }
    return QColor(0x61, 0x61, 0x61);
}

// Re-runs a widget's colour code on every palette change of the widget, ignoring the change
// that code makes itself.
class PaletteFollower final : public QObject
{
public:
    PaletteFollower(QWidget *widget, std::function<void()> apply)
        : QObject(widget)
        , m_apply(std::move(apply))
    {
        widget->installEventFilter(this);
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::PaletteChange && !m_busy && watched == parent()) {
            m_busy = true;
            m_apply();
            m_busy = false;
        }
        return false;
    }

    void run()
    {
        m_busy = true;
        m_apply();
        m_busy = false;
    }

private:
    std::function<void()> m_apply;
    bool m_busy = false;
};

constexpr const char *kRoleProperty = "tideskTextRole";
constexpr const char *kFollowedProperty = "tideskTextRoleFollowed";

void applyTextRole(QWidget *widget)
{
    const QVariant role = widget->property(kRoleProperty);
    QPalette p = widget->palette();
    if (!role.isValid()) {
        // Back to the inherited colours.
        const QPalette parentPal
            = widget->parentWidget() ? widget->parentWidget()->palette() : QPalette();
        p.setColor(QPalette::WindowText, parentPal.color(QPalette::WindowText));
        p.setColor(QPalette::Text, parentPal.color(QPalette::Text));
    } else {
        const QColor c = ThemeColors::foreground(ThemeColors::Role(role.toInt()), p);
        p.setColor(QPalette::WindowText, c);
        p.setColor(QPalette::Text, c);
    }
    widget->setPalette(p);
}

} // namespace

double ThemeColors::relativeLuminance(const QColor &c)
{
    const QColor rgb = c.toRgb();
    return 0.2126 * linear(double(rgb.redF())) + 0.7152 * linear(double(rgb.greenF()))
        + 0.0722 * linear(double(rgb.blueF()));
}

double ThemeColors::contrastRatio(const QColor &a, const QColor &b)
{
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

QColor ThemeColors::bestTextOn(const QColor &background)
{
    const QColor black(Qt::black);
    const QColor white(Qt::white);
    return contrastRatio(background, black) > contrastRatio(background, white) ? black : white;
}

QColor ThemeColors::blend(const QColor &under, const QColor &over, double alpha)
{
    const double a = qBound(0.0, alpha, 1.0);
    const QColor u = under.toRgb();
    const QColor o = over.toRgb();
    const auto mix = [a](float from, float to) {
        return float(double(from) * (1 - a) + double(to) * a);
    };
    return QColor::fromRgbF(mix(u.redF(), o.redF()), mix(u.greenF(), o.greenF()),
                            mix(u.blueF(), o.blueF()));
}

QColor ThemeColors::withContrast(const QColor &fg, const QColor &background, double minRatio)
{
    if (contrastRatio(fg, background) >= minRatio)
        return fg;
    // Towards whichever extreme can contrast more with the background.
    const QColor target = bestTextOn(background);
    QColor c = fg;
    for (int step = 1; step <= 20; ++step) {
        c = blend(fg, target, step / 20.0);
        if (contrastRatio(c, background) >= minRatio)
            break;
    }
    return c;
}

bool ThemeColors::isDark(const QPalette &palette)
{
    return relativeLuminance(palette.color(QPalette::Window)) < 0.2;
}

QColor ThemeColors::foreground(Role role, const QPalette &palette)
{
    const QColor onWindow = withContrast(baseColor(role), palette.color(QPalette::Window), 4.5);
    return withContrast(onWindow, palette.color(QPalette::Base), 4.5);
}

QColor ThemeColors::tint(Role role, const QPalette &palette)
{
    return blend(palette.color(QPalette::Window), foreground(role, palette),
                 isDark(palette) ? 0.18 : 0.10);
}

QColor ThemeColors::criticalBackground()
{
    return QColor(0xc6, 0x28, 0x28); // white text 5.6:1
}

void ThemeColors::follow(QWidget *widget, std::function<void()> apply)
{
    auto *follower = new PaletteFollower(widget, std::move(apply));
    follower->run();
}

void ThemeColors::setTextRole(QWidget *widget, Role role)
{
    widget->setProperty(kRoleProperty, int(role));
    if (widget->property(kFollowedProperty).toBool()) {
        applyTextRole(widget);
        return;
    }
    widget->setProperty(kFollowedProperty, true);
    follow(widget, [widget] { applyTextRole(widget); });
}

void ThemeColors::clearTextRole(QWidget *widget)
{
    widget->setProperty(kRoleProperty, QVariant());
    if (widget->property(kFollowedProperty).toBool())
        applyTextRole(widget);
}

} // namespace TiDesk
