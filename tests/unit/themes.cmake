# Issue 8 themes: WCAG contrast of every tier colour (badge/banner text >= 4.5:1, the colour
# >= 3:1 on the window) in TiDesk's light and dark palettes, the semantic roles, and the
# "system" detection (a table over portal value / GTK_THEME / platform palette, plus the portal
# read and its SettingChanged signal against a fake portal on a private dbus-daemon).
# Widgets are needed for the Fusion palette: offscreen QApplication.
tidesk_add_test(tst_tiercontrast SOURCES tst_tiercontrast.cpp LIBS tidesk_ui LABEL unit)
tidesk_add_test(tst_systemcolorscheme SOURCES tst_systemcolorscheme.cpp LIBS tidesk_ui LABEL unit)
