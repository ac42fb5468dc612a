# Fleet status (app/core/models/FleetStatusModel): the check roles over the inventory model.
tidesk_add_test(tst_fleetstatusmodel SOURCES tst_fleetstatusmodel.cpp LIBS tidesk_core LABEL unit)
