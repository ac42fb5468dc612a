# Alerts slice (issue 4): Alertmanager answers -> alerts, levels, scoping, bad bodies.
tidesk_add_test(tst_alerts SOURCES tst_alerts.cpp LIBS tidesk_core LABEL unit)
# Silences: matchers, refusals before sending, Alertmanager's silence bodies (fixtures).
tidesk_add_test(tst_silences SOURCES tst_silences.cpp LIBS tidesk_core LABEL unit)
# AlertNotifier: which alerts are new and severe enough for a notification.
tidesk_add_test(tst_alertnotifier SOURCES tst_alertnotifier.cpp LIBS tidesk_core LABEL unit)
