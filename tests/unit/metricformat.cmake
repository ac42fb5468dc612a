# Value formatting (issue 4): common/MetricFormat (chart widget and tidesk-cli), per MetricUnit, values and axes.
tidesk_add_test(tst_metricformat SOURCES tst_metricformat.cpp LIBS tidesk_common LABEL unit)
