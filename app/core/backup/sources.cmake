# Backups (issue 6, first pieces): parsers of BR's output and TiDB's SQL BACKUP answers, storage
# URLs made safe to show; schedules, their file and the systemd timer that runs them.
target_sources(tidesk_core PRIVATE
    backup/StorageUrl.h backup/StorageUrl.cpp
    backup/BrOutput.h backup/BrOutput.cpp
    backup/SqlBackupRows.h backup/SqlBackupRows.cpp
    backup/BrCommand.h backup/BrCommand.cpp
    backup/BackupJob.h backup/BackupJob.cpp
    backup/BackupHistory.h backup/BackupHistory.cpp
    backup/BackupSchedule.h backup/BackupSchedule.cpp
    backup/ScheduleSet.h backup/ScheduleSet.cpp
    backup/SystemdTimerExport.h backup/SystemdTimerExport.cpp
)
