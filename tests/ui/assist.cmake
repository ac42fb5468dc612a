# Expert session GUI (issue 7): the DBA's Expert session page and the expert's workspace driven
# offscreen over the sandbox sshd as relay and MariaDB dev/prod (code, SAS, consent, cards with the
# typed name for production, a kill, chat, end; a wrong code's attempts left). Saves assist-*.png.
# Needs the sandbox: labelled ui, but locked like the integration tests.
tidesk_add_test(tst_assistpage SOURCES tst_assistpage.cpp UiTestFixture.h
    LIBS tidesk_ui Qt6::Concurrent LABEL ui)
set_tests_properties(tst_assistpage PROPERTIES RESOURCE_LOCK sandbox)
