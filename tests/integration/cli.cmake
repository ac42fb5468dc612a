# tidesk-cli end to end against the sandbox (and the secrets-on-disk grep test).
tidesk_add_test(tst_cli SOURCES tst_cli.cpp LIBS Qt6::Core LABEL integration)
target_compile_definitions(tst_cli PRIVATE TIDESK_CLI_BINARY="$<TARGET_FILE:tidesk-cli>")
add_dependencies(tst_cli tidesk-cli)
