# The guide's tour: every page of the main window over the sandbox's demo inventory in English and
# Chinese (screenshots guide-<lang>-<page>.png for docs/user-guide*.md); in Chinese any English text
# on screen fails the test. Needs the sandbox (integration).
tidesk_add_test(tst_tour SOURCES tst_tour.cpp UiTestFixture.h
    LIBS tidesk_appcontext tidesk_ui tidesk_resources Qt6::Concurrent LABEL integration)
