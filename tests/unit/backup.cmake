# Backups slice (issue 6, first pieces): BR output (progress, summaries, failures, log status and
# metadata) and TiDB SQL BACKUP answers parsed from realistic text; storage URLs redacted.
tidesk_add_test(tst_backupparsers SOURCES tst_backupparsers.cpp LIBS tidesk_core LABEL unit)
# Verify after restore: checksum reports (JSON round trip, malformed fields named), compare() with
# every kind of difference and a database name map, and the TiDB ADMIN CHECKSUM TABLE statement
# and result row (TiDB never ran here).
tidesk_add_test(tst_tablechecksum SOURCES tst_tablechecksum.cpp LIBS tidesk_core LABEL unit)
# The backup job's shell (BackupScript): `sh -n` on every generated script with hostile names,
# bad input refused, poll/cancel/discard run with /bin/sh on job directories and processes the
# test creates, poll answers, binlog positions and launch failures parsed.
tidesk_add_test(tst_backupscript SOURCES tst_backupscript.cpp LIBS tidesk_core LABEL unit)
# Backup health (RPO age, failures, verified restores, next run, levels) on made-up histories.
tidesk_add_test(tst_backuphealth SOURCES tst_backuphealth.cpp LIBS tidesk_core LABEL unit)
# Backups page model (issue 6): jobs newest first, updated in place, progress/tone roles, health per environment.
tidesk_add_test(tst_backupjobsmodel SOURCES tst_backupjobsmodel.cpp LIBS tidesk_core LABEL unit)
# Schedules run by cron and the GUI: claimed once under the run-due lock; BR storage credentials.
tidesk_add_test(tst_scheduledruns SOURCES tst_scheduledruns.cpp LIBS tidesk_core LABEL unit)
