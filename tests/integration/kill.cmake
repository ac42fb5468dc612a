# Safe kill (issue 5) against the sandbox: SessionKiller on dev (KILL QUERY, KILL CONNECTION,
# stale and finished targets, missing privilege), the TiDB path on the catalog fixture (global
# kill; routing without it), the audit log; `tidesk-cli kill` end to end. FAIL without the sandbox.
tidesk_add_test(tst_sessionkiller SOURCES tst_sessionkiller.cpp VictimSession.h LIBS tidesk_core LABEL integration)
tidesk_add_test(tst_cli_kill SOURCES tst_cli_kill.cpp VictimSession.h LIBS tidesk_core LABEL integration)
target_compile_definitions(tst_cli_kill PRIVATE TIDESK_CLI_BINARY="$<TARGET_FILE:tidesk-cli>")
add_dependencies(tst_cli_kill tidesk-cli)
