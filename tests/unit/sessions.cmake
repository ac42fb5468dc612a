# Live sessions slice (issue 5): processlist results -> SessionRow, the audit log.
tidesk_add_test(tst_sessionreader SOURCES tst_sessionreader.cpp LIBS tidesk_core LABEL unit)
