# Kill rules (issue 5) against the sandbox: the RuleRunner on a real MariaDB, and the
# `tidesk-cli rules check|run` daemon end to end (SIGTERM included).
tidesk_add_test(tst_rulerunner SOURCES tst_rulerunner.cpp LIBS tidesk_core LABEL integration)
tidesk_add_test(tst_cli_rules SOURCES tst_cli_rules.cpp LIBS tidesk_core LABEL integration)
target_compile_definitions(tst_cli_rules PRIVATE TIDESK_CLI_BINARY="$<TARGET_FILE:tidesk-cli>")
add_dependencies(tst_cli_rules tidesk-cli)
