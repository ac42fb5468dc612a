# Backups (issue 6) against the sandbox: ChecksumReader on two copies of the same tables in MariaDB
# dev (equal reports; a changed row, a deleted row, a dropped and an extra table each named by
# compare()); backtick and non-ASCII names; unknown database; a server error named per table; cancel.
tidesk_add_test(tst_checksumreader SOURCES tst_checksumreader.cpp LIBS tidesk_core LABEL integration)
# BackupRunner against the sandbox: logical/physical backups of dev over SSH and locally, cancel,
# re-attach after a restart, killed job (lost), SSH cut (failed / re-attached), unwritable
# directory, unknown database, wrong password.
tidesk_add_test(tst_backuprunner SOURCES tst_backuprunner.cpp LIBS tidesk_core LABEL integration)
# TiDB's BACKUP DATABASE as a job: refused on MariaDB, sent and refused on the TiDB catalog
# fixture, the storage credentials in no error, history or activity-log entry.
tidesk_add_test(tst_sqlbackup SOURCES tst_sqlbackup.cpp LIBS tidesk_core LABEL integration)
# A backup whose SSH host cannot be used (port closed, key refused, host key unknown) fails at
# launch with a clear error and leaves nothing on the host.
tidesk_add_test(tst_backuplaunch SOURCES tst_backuplaunch.cpp LIBS tidesk_core Qt6::Network
    LABEL integration)
