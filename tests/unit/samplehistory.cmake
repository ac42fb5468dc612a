# Fleet samples as chart series for environments without Prometheus (issue 4).
tidesk_add_test(tst_samplehistory SOURCES tst_samplehistory.cpp LIBS tidesk_core LABEL unit)
