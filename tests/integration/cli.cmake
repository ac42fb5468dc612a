# tidesk-cli end to end against the sandbox (and the secrets-on-disk grep test).
tidesk_add_test(tst_cli SOURCES tst_cli.cpp LIBS Qt6::Core LABEL integration)
target_compile_definitions(tst_cli PRIVATE TIDESK_CLI_BINARY="$<TARGET_FILE:tidesk-cli>")
add_dependencies(tst_cli tidesk-cli)
# tidesk-cli fleet status against the sandbox (text, JSON, filters, a down environment, exit status).
tidesk_add_test(tst_cli_fleet SOURCES tst_cli_fleet.cpp LIBS Qt6::Core LABEL integration)
target_compile_definitions(tst_cli_fleet PRIVATE TIDESK_CLI_BINARY="$<TARGET_FILE:tidesk-cli>")
add_dependencies(tst_cli_fleet tidesk-cli)
# tidesk-cli slow / slowlog digest / digest against the sandbox (MariaDB, TiDB catalog, SSH).
tidesk_add_test(tst_cli_slow SOURCES tst_cli_slow.cpp LIBS Qt6::Core Qt6::Network LABEL integration)
target_compile_definitions(tst_cli_slow PRIVATE TIDESK_CLI_BINARY="$<TARGET_FILE:tidesk-cli>")
add_dependencies(tst_cli_slow tidesk-cli)
# tidesk-cli guardrails against the sandbox: show (text, JSON), set with --confirm on a
# production-tier environment (refused without it), invalid values, audit lines, the TiDB fixture.
tidesk_add_test(tst_cli_guardrails SOURCES tst_cli_guardrails.cpp LIBS Qt6::Core LABEL integration)
target_compile_definitions(tst_cli_guardrails PRIVATE TIDESK_CLI_BINARY="$<TARGET_FILE:tidesk-cli>")
add_dependencies(tst_cli_guardrails tidesk-cli)
tidesk_add_test(tst_cli_backup SOURCES tst_cli_backup.cpp LIBS Qt6::Core LABEL integration)
target_compile_definitions(tst_cli_backup PRIVATE TIDESK_CLI_BINARY="$<TARGET_FILE:tidesk-cli>")
add_dependencies(tst_cli_backup tidesk-cli)
