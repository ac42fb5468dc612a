# Expert session (issue 7). docs/decisions/assist-session.md is the map.
# The relay transport (host/expert links over SSH, frames, heartbeats) and the tamper-evident
# session audit log (docs/decisions/assist-transport.md).
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
# The cryptographic core of the end-to-end protocol, pure code without networking: SPAKE2 (RFC
# 9382), the handshake state machine, AEAD framing, the short authentication string, the session
# code and its attempt limiter (docs/decisions/assist-protocol.md: protocol and threat model).
target_sources(tidesk_core PRIVATE
    assist/AssistPrimitives.h assist/AssistPrimitives.cpp
    assist/Spake2.h assist/Spake2.cpp
    assist/Sas.h assist/Sas.cpp
    assist/FrameCipher.h assist/FrameCipher.cpp
    assist/AssistHandshake.h assist/AssistHandshake.cpp
    assist/SessionCode.h assist/SessionCode.cpp
    assist/AttemptLimiter.h assist/AttemptLimiter.cpp
)
# Both halves together: the handshake over a link, then the link's frames sealed.
target_sources(tidesk_core PRIVATE
    assist/AssistCipherFilter.h assist/AssistCipherFilter.cpp
    assist/AssistSecureSession.h assist/AssistSecureSession.cpp
)
# The session above the channel (docs/decisions/assist-session.md): messages, proposals, views,
# results, the host's blocking work, and the two ends' controllers.
target_sources(tidesk_core PRIVATE
    assist/StatementClass.h assist/StatementClass.cpp
    assist/AssistMessage.h assist/AssistMessage.cpp
    assist/AssistProposal.h assist/AssistProposal.cpp
    assist/AssistView.h assist/AssistView.cpp
    assist/AssistResult.h assist/AssistResult.cpp
    assist/AssistHostWork.h assist/AssistHostWork.cpp
    assist/AssistHostSession.h assist/AssistHostSession.cpp
    assist/AssistExpertSession.h assist/AssistExpertSession.cpp
)
