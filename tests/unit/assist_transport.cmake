# Expert session (issue 7), transport and audit: pure unit tests (no sshd) for the frame layer
# over QBuffer / fed devices / a local socket pair, and the hash-chained session audit log.
tidesk_add_test(tst_framestream SOURCES tst_framestream.cpp LIBS tidesk_core Qt6::Network LABEL unit)
tidesk_add_test(tst_auditlogchain SOURCES tst_auditlogchain.cpp LIBS tidesk_core LABEL unit)
