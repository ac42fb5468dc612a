// AssistTransport: the wire constants of the expert session's transport (issue 7), shared by
// AssistHostLink and AssistExpertLink: the frame type bytes the transport reserves, the heartbeat
// timings, the frame size limit and the close codes carried in Error::code of closed(reason).
// Why these values: docs/decisions/assist-transport.md. Header only, no state: any thread.
#pragma once

#include <QtGlobal>

#include <chrono>

namespace TiDesk::AssistTransport {

// A frame's plaintext is one type byte and a body. 0x00-0x0f belong to the transport; the
// session protocol (handshake, proposals, chat ...) uses kFirstAppType and above.
inline constexpr quint8 kHeartbeat = 0x00; // empty body; "I am alive"
inline constexpr quint8 kGoodbye = 0x01; // body: one GoodbyeReason byte; the sender closes next
inline constexpr quint8 kFirstAppType = 0x10;

// Why a peer said goodbye (one byte on the wire; each side words it in its own language).
enum class GoodbyeReason : quint8 {
    Ended = 0, // the person ended the session
    Busy = 1, // the host already has an expert: this second connection is refused
    ProtocolError = 2,
};

// A heartbeat leaves when nothing else was sent for this long ...
inline constexpr std::chrono::milliseconds kHeartbeatInterval { 1000 };
// ... and a link that received nothing (not a byte) for this long is dropped.
inline constexpr std::chrono::milliseconds kSilenceLimit { 5000 };
// How often the liveness clock is checked (the precision of both figures above).
inline constexpr std::chrono::milliseconds kLivenessTick { 100 };
// How long an orderly end() waits for the goodbye to leave before closing the relay session.
inline constexpr std::chrono::milliseconds kGoodbyeFlush { 1500 };

// Largest frame payload on the wire (type byte + body, plus whatever a filter adds). Bigger
// results are chunked by the session layer; a peer announcing more is a protocol error.
inline constexpr qint64 kMaxFrameBytes = 1024 * 1024 + 4096;

// Error::code of AssistLink::closed(reason) and of connection errors; Error::kind is coarse
// (Connection, Auth, HostKey, Timeout, Cancelled, InvalidInput, Crypto).
enum CloseCode : int {
    EndedHere = 9201, // end() on this side
    EndedByPeer = 9202, // the peer said goodbye
    PeerBusy = 9203, // the host refused us: another expert is connected
    NoAnswer = 9204, // kSilenceLimit without a byte from the peer
    RelayLost = 9205, // the SSH session to the relay broke (sshd killed, network reset)
    PeerClosed = 9206, // the channel closed without a goodbye (peer crashed or killed)
    ProtocolError = 9207, // a malformed or oversized frame, an unknown transport type
    RelayUnreachable = 9208, // DNS, TCP or SSH handshake to the relay failed
    RelayAuthRefused = 9209, // the relay refused our SSH key
    RelayHostKey = 9210, // the relay's host key is unknown, changed or rejected
    NobodyListening = 9211, // expert: nothing listens on that relay port (the host is gone)
    ForwardRefused = 9212, // host: the relay refused the remote forward (AllowTcpForwarding)
    FilterRejected = 9213, // the frame filter (end-to-end crypto) rejected a frame: fail closed
};

} // namespace TiDesk::AssistTransport
