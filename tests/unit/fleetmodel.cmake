# Fleet overview models (app/core/models/FleetModel, FleetFilterModel): rows, samples, severity
# order, filters and formatting, tested on hand-made FleetSample values without a screen.
tidesk_add_test(tst_fleetmodel SOURCES tst_fleetmodel.cpp LIBS tidesk_core LABEL unit)
