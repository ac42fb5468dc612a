# Slow SQL (issue 5): TiDB-compatible SQL normalizer and digest (core/slowsql/SqlDigest).
tidesk_add_test(tst_sqldigest SOURCES tst_sqldigest.cpp LIBS tidesk_core LABEL unit)
