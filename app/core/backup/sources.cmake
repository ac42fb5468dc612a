# Backups (issue 6): parsers of BR's output and TiDB's SQL BACKUP answers, storage URLs made safe
# to show, the job record and history, the MariaDB/MySQL job runner (shell script on a host),
# row counts and checksums per table for verifying a restore, and the schedules with their file
# and the systemd timer that runs them.
target_sources(tidesk_core PRIVATE
    backup/StorageUrl.h backup/StorageUrl.cpp
    backup/BrOutput.h backup/BrOutput.cpp
    backup/SqlBackupRows.h backup/SqlBackupRows.cpp
    backup/BrCommand.h backup/BrCommand.cpp
    backup/BackupJob.h backup/BackupJob.cpp
    backup/BackupHistory.h backup/BackupHistory.cpp
    backup/LogBackupState.h backup/LogBackupState.cpp
    backup/BackupScript.h backup/BackupScript.cpp
    backup/JobShell.h
    backup/SshJobShell.h backup/SshJobShell.cpp
    backup/LocalJobShell.h backup/LocalJobShell.cpp
    backup/BackupRunner.h backup/BackupRunner.cpp
    backup/BackupLauncher.h backup/BackupLauncher.cpp
    backup/BackupManager.h backup/BackupManager.cpp
    backup/TableChecksum.h backup/TableChecksum.cpp
    backup/ChecksumReader.h backup/ChecksumReader.cpp
    backup/BackupVerifier.h backup/BackupVerifier.cpp
    backup/RestoreFlow.h backup/RestoreFlow.cpp
    backup/BackupSchedule.h backup/BackupSchedule.cpp
    backup/ScheduleSet.h backup/ScheduleSet.cpp
    backup/SystemdTimerExport.h backup/SystemdTimerExport.cpp
    backup/BackupHealth.h backup/BackupHealth.cpp
    backup/BackupHealthPoller.h backup/BackupHealthPoller.cpp
    backup/ScheduledRuns.h backup/ScheduledRuns.cpp
    backup/SqlBackupRunner.h backup/SqlBackupRunner.cpp
    backup/BrLogClient.h backup/BrLogClient.cpp
)
