# Live sessions slice (issue 5): SessionPoller against the sandbox (an `app` client's SELECT SLEEP
# on MariaDB and through the TiDB catalog fixture, EXPLAIN, the bastion, refused port, wrong
# password) and `tidesk-cli sessions` end to end. FAIL without the sandbox.
tidesk_add_test(tst_sessionpoller SOURCES tst_sessionpoller.cpp LIBS tidesk_core LABEL integration)
tidesk_add_test(tst_cli_sessions SOURCES tst_cli_sessions.cpp LIBS Qt6::Core LABEL integration)
target_compile_definitions(tst_cli_sessions PRIVATE TIDESK_CLI_BINARY="$<TARGET_FILE:tidesk-cli>")
add_dependencies(tst_cli_sessions tidesk-cli)
