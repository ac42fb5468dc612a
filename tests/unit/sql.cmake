# SQL slice: pure unit tests (no server).
tidesk_add_test(tst_engineinfo SOURCES tst_engineinfo.cpp LIBS tidesk_core LABEL unit)
tidesk_add_test(tst_dialect SOURCES tst_dialect.cpp LIBS tidesk_core LABEL unit)
