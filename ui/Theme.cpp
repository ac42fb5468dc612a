#include "Theme.h"

#include "SystemColorScheme.h"

#include <QApplication>
#include <QLabel>
#include <QLoggingCategory>
#include <QPalette>
#include <QPointer>
#include <QStyle>
#include <QStyleFactory>

#include <memory>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcTheme)

namespace TiDesk {

namespace {

struct ThemeState
{
    bool captured = false;
    QString platformStyle; // the style Qt picked before TiDesk changed anything
    QColor platformWindow; // the platform palette's window colour, same moment
    QString current = u"system"_s;
    bool darkApplied = false;
    QPointer<SystemColorScheme> scheme;
};

ThemeState &state()
{
    static ThemeState s;
    return s;
}

void capturePlatform(QApplication &app)
{
    ThemeState &s = state();
    if (s.captured)
        return;
    s.captured = true;
    s.platformStyle = app.style()->name();
    s.platformWindow = app.palette().color(QPalette::Window);
}

void useStyle(QApplication &app, const QString &name)
{
    if (app.style()->name().compare(name, Qt::CaseInsensitive) == 0)
        return;
    if (QStyle *style = QStyleFactory::create(name))
        app.setStyle(style);
}

void applyDark(QApplication &app)
{
    useStyle(app, u"Fusion"_s);
    app.setPalette(Theme::darkPalette());
    state().darkApplied = true;
}

void applyPlatform(QApplication &app)
{
    useStyle(app, state().platformStyle);
    app.setPalette(QPalette()); // no role set: back to the style's and platform theme's palette
    state().darkApplied = false;
}

void applySystem(QApplication &app)
{
    SystemColorScheme *scheme = Theme::systemColorScheme(app);
    const SystemColorScheme::Inputs in = scheme->inputs(state().platformWindow);
    const bool dark = SystemColorScheme::needsDarkPalette(in);
    qCDebug(lcTheme) << "system theme: portal" << in.portalValue << "GTK_THEME" << in.gtkTheme
                     << "platform window" << in.platformWindow.name() << "-> own dark palette"
                     << dark;
    if (dark)
        applyDark(app);
    else
        applyPlatform(app);
}

// Rich-text labels bake the link colour in when their text is parsed: parse them again so a
// link set in the light theme does not stay dark blue on a dark window.
void refreshRichTextLinks()
{
    const QWidgetList widgets = QApplication::allWidgets();
    for (QWidget *w : widgets) {
        auto *label = qobject_cast<QLabel *>(w);
        if (!label || !label->text().contains(u"<a "_s))
            continue;
        const QString text = label->text();
        label->clear();
        label->setText(text);
    }
}

} // namespace

SystemColorScheme *Theme::systemColorScheme(QApplication &app)
{
    ThemeState &s = state();
    if (!s.scheme) {
        s.scheme = new SystemColorScheme(&app);
        s.scheme->watch();
        QObject::connect(s.scheme, &SystemColorScheme::portalValueChanged, &app, [&app] {
            if (state().current == u"system") {
                applySystem(app);
                refreshRichTextLinks();
            }
        });
    }
    return s.scheme;
}

void Theme::apply(QApplication &app, const QString &theme)
{
    capturePlatform(app);
    ThemeState &s = state();
    s.current = theme == u"light" || theme == u"dark" ? theme : u"system"_s;
    if (s.current == u"dark") {
        applyDark(app);
    } else if (s.current == u"light") {
        useStyle(app, u"Fusion"_s);
        app.setPalette(lightPalette());
        s.darkApplied = false;
    } else {
        applySystem(app);
    }
    refreshRichTextLinks();
}

QString Theme::current()
{
    return state().current;
}

bool Theme::isDarkPaletteApplied()
{
    return state().darkApplied;
}

QPalette Theme::lightPalette()
{
    std::unique_ptr<QStyle> fusion(QStyleFactory::create(u"Fusion"_s));
    QPalette p = fusion->standardPalette();
    // Fusion's placeholder grey is 3.1:1 on white; a darker one reads at 4.6:1.
    p.setColor(QPalette::PlaceholderText, QColor(0x75, 0x75, 0x75));
    return p;
}

QPalette Theme::darkPalette()
{
    // The window is dark enough that every tier colour reaches 3:1 on it while keeping white
    // badge text at 4.5:1 (tst_tiercontrast).
    const QColor window(0x20, 0x21, 0x24);
    // Input fields and lists a step lighter than the window: Fusion outlines them with a darker
    // shade of the window colour, which hardly shows on a dark window, so the fill must.
    const QColor base(0x2a, 0x2b, 0x2f);
    const QColor button(0x32, 0x34, 0x38);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabled(0x8a, 0x8a, 0x8a);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x30, 0x32, 0x36));
    p.setColor(QPalette::ToolTipBase, button);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, button);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x64, 0xb5, 0xf6));
    p.setColor(QPalette::LinkVisited, QColor(0xb3, 0x9d, 0xdb));
    p.setColor(QPalette::Highlight, QColor(0x1e, 0x6f, 0xc0));
    p.setColor(QPalette::HighlightedText, Qt::white);
    // Fusion draws frames and separators from these: lighter than the window so they show.
    p.setColor(QPalette::Light, QColor(0x4a, 0x4d, 0x52));
    p.setColor(QPalette::Midlight, QColor(0x3a, 0x3d, 0x41));
    p.setColor(QPalette::Mid, QColor(0x33, 0x35, 0x39));
    p.setColor(QPalette::Dark, QColor(0x12, 0x13, 0x15));
    p.setColor(QPalette::Shadow, QColor(0x0a, 0x0a, 0x0b));
    for (QPalette::ColorRole role : { QPalette::WindowText, QPalette::Text, QPalette::ButtonText })
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Base, window);
    p.setColor(QPalette::Disabled, QPalette::Button, window);
    return p;
}

} // namespace TiDesk
