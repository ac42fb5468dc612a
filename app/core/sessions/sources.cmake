# Live sessions and safe kill (issue 5): engine-neutral session rows, the audit log.
target_sources(tidesk_core PRIVATE
    sessions/SessionRow.h sessions/SessionRow.cpp
    sessions/SessionReader.h sessions/SessionReader.cpp
    sessions/AuditLog.h sessions/AuditLog.cpp
)
