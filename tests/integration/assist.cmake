# Expert session (issue 7) transport over a real relay: the sandbox sshd (and private sshd
# instances the test kills or freezes) between an AssistHostLink and AssistExpertLinks.
# It FAILS when the sandbox is not up.
tidesk_add_test(tst_assistlink SOURCES tst_assistlink.cpp PrivateSshd.h SshTestSupport.h
    LIBS tidesk_core Qt6::Network LABEL integration)
# The end-to-end channel over the relay: handshake, sealed frames and heartbeats, a recording
# proxy on the relay side that finds none of the session's texts, a wrong secret, a flipped bit.
tidesk_add_test(tst_assistsecure SOURCES tst_assistsecure.cpp SshTestSupport.h
    LIBS tidesk_core Qt6::Network LABEL integration)
