# SSH slice: integration tests against real OpenSSH sshd - the sandbox bastion, plus private
# sshd instances a test owns (MITM and kill-mid-tunnel cases). They FAIL when the sandbox is not up.
tidesk_add_test(tst_sshsession SOURCES tst_sshsession.cpp PrivateSshd.h LIBS tidesk_ssh Qt6::Network LABEL integration)
tidesk_add_test(tst_sshexec SOURCES tst_sshexec.cpp PrivateSshd.h SshTestSupport.h LIBS tidesk_ssh Qt6::Network LABEL integration)
tidesk_add_test(tst_sshtunnel SOURCES tst_sshtunnel.cpp PrivateSshd.h SshTestSupport.h LIBS tidesk_ssh Qt6::Network LABEL integration)
# The SQL layer through SSH bastions (BastionTunnels): sandbox bastion + private sshd instances.
tidesk_add_test(tst_bastiontunnels SOURCES tst_bastiontunnels.cpp PrivateSshd.h SshTestSupport.h
    LIBS tidesk_core Qt6::Concurrent LABEL integration)
