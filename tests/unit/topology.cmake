# Cluster topology (issue 4): CLUSTER_INFO/LOAD/TIKV_STORE_STATUS rows, replication rows, PD API.
tidesk_add_test(tst_topology SOURCES tst_topology.cpp LIBS tidesk_core LABEL unit)
