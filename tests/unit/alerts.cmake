# Alerts slice (issue 4): Alertmanager answers -> alerts, levels, scoping, bad bodies.
tidesk_add_test(tst_alerts SOURCES tst_alerts.cpp LIBS tidesk_core LABEL unit)
