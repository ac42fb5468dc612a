# Slow SQL slice (issue 5): slow-query history by digest (aggregator, server rows, time bounds,
# CSV, slow-log files, remote command).
tidesk_add_test(tst_slowhistory SOURCES tst_slowhistory.cpp LIBS tidesk_core LABEL unit)
