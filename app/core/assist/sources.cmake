# Assist (issue 7): the cryptographic core of the expert session's end-to-end protocol, pure
# code without networking: SPAKE2 (RFC 9382), the handshake state machine, AEAD framing, the
# short authentication string, the session code and its attempt limiter.
# docs/decisions/assist-protocol.md describes the protocol and its threat model.
target_sources(tidesk_core PRIVATE
    assist/AssistPrimitives.h assist/AssistPrimitives.cpp
    assist/Spake2.h assist/Spake2.cpp
    assist/Sas.h assist/Sas.cpp
    assist/FrameCipher.h assist/FrameCipher.cpp
    assist/AssistHandshake.h assist/AssistHandshake.cpp
    assist/SessionCode.h assist/SessionCode.cpp
    assist/AttemptLimiter.h assist/AttemptLimiter.cpp
)
