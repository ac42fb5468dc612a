# Expert session (issue 7) transport over a real relay: the sandbox sshd (and private sshd
# instances the test kills or freezes) between an AssistHostLink and AssistExpertLinks.
# It FAILS when the sandbox is not up.
tidesk_add_test(tst_assistlink SOURCES tst_assistlink.cpp PrivateSshd.h SshTestSupport.h
    LIBS tidesk_core Qt6::Network LABEL integration)
