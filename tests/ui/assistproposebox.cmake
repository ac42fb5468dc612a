# The expert's Propose area (issue 7): backup proposals (logical with databases, physical) built
# as the host accepts them, and the DBA card's action title. Offscreen, no sandbox.
tidesk_add_test(tst_assistproposebox SOURCES tst_assistproposebox.cpp UiTestFixture.h
    LIBS tidesk_ui LABEL ui)
