# Issue 8: light and dark themes switched live from the Settings page over the whole window
# (production selected, several pages, dialogs that had hard-coded colours); checks what is drawn
# and keeps theme-light-*.png / theme-dark-*.png. Offscreen, no sandbox.
tidesk_add_test(tst_themes SOURCES tst_themes.cpp UiTestFixture.h
    LIBS tidesk_ui Qt6::Concurrent LABEL ui)
