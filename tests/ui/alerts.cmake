# Alerts slice: SilenceDialog, AlertLevelDelegate, TrayNotifier without a server.
tidesk_add_test(tst_alertswidgets SOURCES tst_alertswidgets.cpp UiTestFixture.h
    LIBS tidesk_ui Qt6::Concurrent LABEL ui)
