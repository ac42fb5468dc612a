# Backups slice (issue 6, first pieces): BR output (progress, summaries, failures, log status and
# metadata) and TiDB SQL BACKUP answers parsed from realistic text; storage URLs redacted.
tidesk_add_test(tst_backupparsers SOURCES tst_backupparsers.cpp LIBS tidesk_core LABEL unit)
