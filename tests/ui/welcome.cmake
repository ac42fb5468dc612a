# Issue 8 (look and feel): the first-run welcome screen over an empty inventory (import a TiUP file
# with a preview, a malformed file, add by hand, a fake local sandbox with its passwords), the quick
# switcher, the shortcuts dialog built from the live actions, and accessible names on every control.
# Saves first-run.png, first-run-preview.png, first-run-dark.png, switcher.png, shortcuts.png.
tidesk_add_test(tst_welcome SOURCES tst_welcome.cpp UiTestFixture.h
    LIBS tidesk_ui Qt6::Concurrent LABEL ui)
target_compile_definitions(tst_welcome PRIVATE
    TIDESK_INVENTORY_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data/inventory")
# The same window with the real sandbox (tests/sandbox/sandbox.sh up): "Open the local sandbox"
# imports its demo inventory and stores the admin password; skipped when no sandbox runs.
tidesk_add_test(tst_welcome_sandbox SOURCES tst_welcome_sandbox.cpp UiTestFixture.h
    LIBS tidesk_ui Qt6::Concurrent LABEL integration)
