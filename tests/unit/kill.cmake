# Safe kill (issue 5): TiDB routing without global kill, KILL statements, outcome names, audit fields.
tidesk_add_test(tst_killrouting SOURCES tst_killrouting.cpp LIBS tidesk_core LABEL unit)
