# Expert session (issue 7) transport over a real relay: the sandbox sshd (and private sshd
# instances the test kills or freezes) between an AssistHostLink and AssistExpertLinks.
# It FAILS when the sandbox is not up.
tidesk_add_test(tst_assistlink SOURCES tst_assistlink.cpp PrivateSshd.h SshTestSupport.h
    LIBS tidesk_core Qt6::Network LABEL integration)
# The end-to-end channel over the relay: handshake, sealed frames and heartbeats, a recording
# proxy on the relay side that finds none of the session's texts, a wrong secret, a flipped bit.
tidesk_add_test(tst_assistsecure SOURCES tst_assistsecure.cpp SshTestSupport.h
    LIBS tidesk_core Qt6::Network LABEL integration)
# A whole session in one process: consent, views, proposals (auto-approved, approved, typed name
# for prod, refused), row limits, a real kill, chat, end, timeouts, retries on the same code, the
# code burned after 5 failures, and the audit chain.
tidesk_add_test(tst_assistsession SOURCES tst_assistsession.cpp SshTestSupport.h VictimSession.h
    LIBS tidesk_core Qt6::Network LABEL integration)
# The same across two processes: `tidesk-cli assist host` answering on stdin and
# `tidesk-cli assist join --run`, plus the CLI's bad-input paths.
tidesk_add_test(tst_cli_assist SOURCES tst_cli_assist.cpp LIBS tidesk_core LABEL integration)
target_compile_definitions(tst_cli_assist PRIVATE TIDESK_CLI_BINARY="$<TARGET_FILE:tidesk-cli>")
add_dependencies(tst_cli_assist tidesk-cli)
