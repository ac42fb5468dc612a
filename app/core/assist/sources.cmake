# Expert session (issue 7): the relay transport (host/expert links over SSH, frames, heartbeats)
# and the tamper-evident session audit log.
target_sources(tidesk_core PRIVATE
    assist/AssistTransport.h
    assist/AssistTransportLog.h assist/AssistTransportLog.cpp
    assist/FrameStream.h assist/FrameStream.cpp
    assist/AssistLinkFilter.h
    assist/AssistLink.h assist/AssistLink.cpp
    assist/AssistHostLink.h assist/AssistHostLink.cpp
    assist/AssistExpertLink.h assist/AssistExpertLink.cpp
    assist/AuditLogChain.h assist/AuditLogChain.cpp
)
