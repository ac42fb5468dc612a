# SSH slice: pure unit tests (no sshd) for known_hosts, ~/.ssh/config and key-file inspection.
tidesk_add_test(tst_knownhosts SOURCES tst_knownhosts.cpp LIBS tidesk_ssh LABEL unit)
tidesk_add_test(tst_sshconfig SOURCES tst_sshconfig.cpp LIBS tidesk_ssh LABEL unit)
tidesk_add_test(tst_bastionconfig SOURCES tst_bastionconfig.cpp LIBS tidesk_core LABEL unit)
