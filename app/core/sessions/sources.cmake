# Live sessions and safe kill (issue 5): engine-neutral session rows, the audit log, the killer.
target_sources(tidesk_core PRIVATE
    sessions/SessionRow.h sessions/SessionRow.cpp
    sessions/SessionReader.h sessions/SessionReader.cpp
    sessions/AuditLog.h sessions/AuditLog.cpp
    sessions/KillOutcome.h sessions/KillOutcome.cpp
    sessions/KillRequest.h
    sessions/KillRouting.h sessions/KillRouting.cpp
    sessions/KillExecutor.h sessions/KillExecutor.cpp
    sessions/SessionKiller.h sessions/SessionKiller.cpp
)
