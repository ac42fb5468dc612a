# Backup schedules (issue 6): next run / due / missed runs / clock changes, the
# backup-schedules.json file, retention victims, the systemd units (validated by
# systemd-analyze when installed).
tidesk_add_test(tst_backupschedule SOURCES tst_backupschedule.cpp LIBS tidesk_core LABEL unit)
# `backup schedule list|add|remove|export-timer` through ScheduleCommands::run in process (the
# `backup` dispatch of tidesk-cli is not wired here), so the CLI sources it needs are compiled in.
tidesk_add_test(tst_backupschedulecli
    SOURCES tst_backupschedulecli.cpp
        ${PROJECT_SOURCE_DIR}/app/cli/ScheduleCommands.cpp
        ${PROJECT_SOURCE_DIR}/app/cli/CliContext.cpp
        ${PROJECT_SOURCE_DIR}/app/cli/CliIo.cpp
    LIBS tidesk_appcontext tidesk_core LABEL unit)
