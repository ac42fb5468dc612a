# Metrics slice (issue 4): PrometheusClient against the sandbox's Prometheus (mysqld_exporter) and
# prometheus-tidb (backfilled TiDB series), and bad servers; tidesk-cli metrics end to end.
tidesk_add_test(tst_prometheus SOURCES tst_prometheus.cpp LIBS tidesk_core Qt6::Network LABEL integration)
tidesk_add_test(tst_cli_metrics SOURCES tst_cli_metrics.cpp LIBS Qt6::Core Qt6::Network LABEL integration)
target_compile_definitions(tst_cli_metrics PRIVATE TIDESK_CLI_BINARY="$<TARGET_FILE:tidesk-cli>")
add_dependencies(tst_cli_metrics tidesk-cli)
