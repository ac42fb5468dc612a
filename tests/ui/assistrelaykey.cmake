# Expert session (issue 7): a relay whose SSH host key is not in known_hosts, on the DBA's page
# and in the expert's workspace (fingerprint shown, "Trust this relay and retry"; a changed key
# is never offered). Needs the sandbox sshd: labelled ui, locked like the integration tests.
tidesk_add_test(tst_assistrelaykey SOURCES tst_assistrelaykey.cpp UiTestFixture.h
    LIBS tidesk_ui LABEL ui)
set_tests_properties(tst_assistrelaykey PROPERTIES RESOURCE_LOCK sandbox)
