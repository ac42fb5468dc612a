# Slow SQL slice (issue 5): slow-query history by digest (aggregator, server rows, time bounds,
# CSV, slow-log files, remote command).
tidesk_add_test(tst_slowhistory SOURCES tst_slowhistory.cpp LIBS tidesk_core LABEL unit)
# DigestClassModel (app/core/models) for the slow SQL page, under QAbstractItemModelTester.
tidesk_add_test(tst_digestclassmodel SOURCES tst_digestclassmodel.cpp LIBS tidesk_core LABEL unit)
