# Backups (issue 6) against the sandbox: ChecksumReader on two copies of the same tables in MariaDB
# dev (equal reports; a changed row, a deleted row, a dropped and an extra table each named by
# compare()); backtick and non-ASCII names; unknown database; a server error named per table; cancel.
tidesk_add_test(tst_checksumreader SOURCES tst_checksumreader.cpp LIBS tidesk_core LABEL integration)
