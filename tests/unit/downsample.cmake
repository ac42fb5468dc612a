# Chart downsampling (issue 4): LTTB and the gap split shared by the chart and the reducer.
tidesk_add_test(tst_downsample SOURCES tst_downsample.cpp LIBS tidesk_common LABEL unit)
