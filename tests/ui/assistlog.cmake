# Expert-session log viewer (issue 7): AssistLogDialog over logs written with the real
# AuditLogChain in a temporary directory (replay, verified / broken banners, export), and how the
# Expert session page and the Session menu open it. Offscreen, no sandbox. Saves assist-log-*.png.
tidesk_add_test(tst_assistlog SOURCES tst_assistlog.cpp UiTestFixture.h
    LIBS tidesk_ui LABEL ui)
