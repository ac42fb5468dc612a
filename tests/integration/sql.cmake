# SQL slice: integration tests against the sandbox's real MariaDB servers. They FAIL when the
# sandbox is not up (TIDESK_SANDBOX_DIR, default /tmp/tidesk-sandbox).
tidesk_add_test(tst_sqlconnection SOURCES tst_sqlconnection.cpp LIBS tidesk_core LABEL integration)
tidesk_add_test(tst_environmentcheck SOURCES tst_environmentcheck.cpp LIBS tidesk_core LABEL integration)
