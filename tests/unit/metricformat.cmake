# Chart value formatting (issue 4): widgets/MetricFormat, per MetricUnit, values and axes.
tidesk_add_test(tst_metricformat SOURCES tst_metricformat.cpp LIBS tidesk_widgets LABEL unit)
