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
