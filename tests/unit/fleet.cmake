# Fleet poller (app/core/health): the pure parts (status parsing, QPS, back-off, history, rank)
# and the scheduling through an injected probe. No server.
tidesk_add_test(tst_fleetmath SOURCES tst_fleetmath.cpp LIBS tidesk_core LABEL unit)
tidesk_add_test(tst_fleetpollerlogic SOURCES tst_fleetpollerlogic.cpp LIBS tidesk_core LABEL unit)
