# Backups page (issue 6) on the sandbox's MariaDB dev: a logical and a physical backup started from
# the page (progress bar screenshot), a long backup of a production-tier environment cancelled
# through the typed-name confirmation, and a second BackupManager re-attaching to a job the first
# one started. Needs the sandbox (integration).
tidesk_add_test(tst_backupspage SOURCES tst_backupspage.cpp UiTestFixture.h
    LIBS tidesk_ui Qt6::Concurrent LABEL integration)
# Restores and drills from the Backups page on the sandbox (dev -> test01): the wizard's typed-name
# confirmation for production and overwrite, a verified restore, an occupied target refused, a
# verified drill shown in the health table. Needs the sandbox (integration).
tidesk_add_test(tst_restorepage SOURCES tst_restorepage.cpp UiTestFixture.h
    LIBS tidesk_ui Qt6::Concurrent LABEL integration)
# TiDB backups from the Backups page: BR through a stand-in `br` (recorded output), the BR restore
# wizard with a point in time inside the log window, SQL BACKUP on the TiDB catalog fixture and
# its re-attach through SHOW BACKUPS, the log backup's checkpoint lag in the health. Needs the
# sandbox (integration).
tidesk_add_test(tst_tidbbackups SOURCES tst_tidbbackups.cpp UiTestFixture.h
    LIBS tidesk_ui Qt6::Concurrent LABEL integration)
