# Kill rules (issue 5): the rules file, the pure engine (fake clock), TiDB push-down statements.
tidesk_add_test(tst_ruleset SOURCES tst_ruleset.cpp LIBS tidesk_core LABEL unit)
tidesk_add_test(tst_ruleengine SOURCES tst_ruleengine.cpp LIBS tidesk_core LABEL unit)
tidesk_add_test(tst_rulepushdown SOURCES tst_rulepushdown.cpp LIBS tidesk_core LABEL unit)
