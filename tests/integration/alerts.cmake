# Alerts slice (issue 4): AlertmanagerClient against the sandbox's Alertmanager and bad servers.
tidesk_add_test(tst_alertmanager SOURCES tst_alertmanager.cpp LIBS tidesk_core Qt6::Network LABEL integration)
# Silences against the sandbox's Alertmanager: silence, suppressed, expire, active again; refusals.
tidesk_add_test(tst_silences_sandbox SOURCES tst_silences_sandbox.cpp LIBS tidesk_core Qt6::Network LABEL integration)
# The sandbox's rules fire for real: a stopped MariaDB shows as MariaDBInstanceDown (and resolves).
tidesk_add_test(tst_alerts_fire SOURCES tst_alerts_fire.cpp LIBS tidesk_core Qt6::Network LABEL integration)
