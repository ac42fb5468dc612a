# Slow SQL slice (issue 5): slow-query log files of TiDB, MySQL and MariaDB -> entries.
tidesk_add_test(tst_slowlogparser SOURCES tst_slowlogparser.cpp LIBS tidesk_core LABEL unit)
