# Models slice (app/core/models): QtCore item models, tested without a screen.
tidesk_add_test(tst_activitymodel SOURCES tst_activitymodel.cpp LIBS tidesk_core Qt6::Concurrent LABEL unit)
