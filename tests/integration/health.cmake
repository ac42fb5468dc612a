# Health slice: FleetChecker against the sandbox (reachable, refused, blackholed endpoints) plus
# its queue, bound, cancel and shutdown through an injected check function. FAILS without the sandbox.
tidesk_add_test(tst_fleetchecker SOURCES tst_fleetchecker.cpp LIBS tidesk_core LABEL integration)
# FleetPoller against the sandbox: all four environments (prod via the bastion), a stopped
# instance, a silent endpoint, a refused port, the TiDB catalog fixture, a critical alert.
tidesk_add_test(tst_fleetpoller SOURCES tst_fleetpoller.cpp LIBS tidesk_core Qt6::Network LABEL integration)
# Cluster topology over SQL: the TiDB catalog fixture, MariaDB server + a real broken replication
# channel, bad password, closed port. FAILS without the sandbox.
tidesk_add_test(tst_topology_sandbox SOURCES tst_topology_sandbox.cpp LIBS tidesk_core LABEL integration)
