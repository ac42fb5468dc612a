# The Fleet page (ui/pages/FleetPage) over a realistic inventory in a temporary InventoryStore and
# hand-made FleetSample values; saves fleet-page.png.
tidesk_add_test(tst_fleetpage SOURCES tst_fleetpage.cpp UiTestFixture.h
    LIBS tidesk_ui Qt6::Concurrent LABEL ui)
