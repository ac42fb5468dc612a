# Expert session (issue 7): a backup proposed from the expert's workspace, shown on the DBA's
# card, approved and run through BackupManager against the sandbox MariaDB dev. Needs the
# sandbox: labelled ui, locked like the integration tests.
tidesk_add_test(tst_assistbackup SOURCES tst_assistbackup.cpp UiTestFixture.h
    LIBS tidesk_ui LABEL ui)
set_tests_properties(tst_assistbackup PROPERTIES RESOURCE_LOCK sandbox)
