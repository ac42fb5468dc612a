# Alerts slice (issue 4): AlertmanagerClient against the sandbox's Alertmanager and bad servers.
tidesk_add_test(tst_alertmanager SOURCES tst_alertmanager.cpp LIBS tidesk_core Qt6::Network LABEL integration)
