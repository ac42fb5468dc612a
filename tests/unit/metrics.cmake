# Metrics slice (issue 4): Prometheus answers -> series, the chart catalog (PromQL per engine),
# step choice.
tidesk_add_test(tst_promparser SOURCES tst_promparser.cpp LIBS tidesk_core LABEL unit)
tidesk_add_test(tst_metricqueries SOURCES tst_metricqueries.cpp LIBS tidesk_core LABEL unit)
