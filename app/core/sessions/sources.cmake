# Live sessions and safe kill (issue 5): engine-neutral session rows, the audit log.
target_sources(tidesk_core PRIVATE
    sessions/SessionRow.h sessions/SessionRow.cpp
    sessions/SessionReader.h sessions/SessionReader.cpp
    sessions/AuditLog.h sessions/AuditLog.cpp
    sessions/SessionFormat.h sessions/SessionFormat.cpp
    sessions/SessionPoller.h sessions/SessionPoller.cpp
)
