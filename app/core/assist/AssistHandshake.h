// AssistHandshake: the authenticated key exchange that opens an assist session between the host
// (the DBA's TiDesk) and the expert, run inside the SSH channel through the relay. A pure state
// machine: bytes in, bytes out and an outcome; no I/O, no clock. Four messages (byte layouts in
// docs/decisions/assist-protocol.md):
//   1 expert -> host  ExpertHello  version, expert name, key fingerprint, commitment
//   2 host -> expert  HostHello    version, host id, SPAKE2 pB, X25519 eB
//   3 expert -> host  ExpertKeys   SPAKE2 pA, X25519 eA, confirmation cA
//   4 host -> expert  HostConfirm  confirmation cB
// SPAKE2 (RFC 9382, Spake2) from the one-time secret authenticates both ends without allowing
// offline guessing; identities are SPAKE2's A and B, the X25519 keys are in its AAD, so the
// confirmations cover everything. Session keys = HKDF(Ke || X25519 shared secret), one per
// direction. The version is fixed: any other version, any malformed or extra byte, ends the
// handshake (there is nothing to negotiate). Failures send an Abort message and are terminal.
// Pure value code: any thread, one object per connection attempt, used by one thread at a time.
#pragma once

#include "FrameCipher.h"
#include "Sas.h"
#include "Spake2.h"
#include "common/Error.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

namespace TiDesk {

class AssistHandshake final
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::AssistHandshake)

public:
    enum class Role { Host, Expert };
    enum class Outcome {
        InProgress,
        Established, // keys and SAS available
        WrongSecret, // the confirmation did not verify: wrong secret (or values altered in transit)
        ProtocolError, // malformed, tampered, wrong version, or the peer aborted
    };

    static constexpr quint8 kVersion = 0x01;
    static constexpr qsizetype kMaxMessageBytes = 1024;
    static constexpr qsizetype kMaxIdentityBytes = 255;

    struct Step
    {
        QByteArray output; // send these bytes to the peer (possibly an Abort), even on failure
        Outcome outcome = Outcome::InProgress;
    };

    // The expert's end: name and SSH key fingerprint are sent to the host and bound into the
    // transcript. start() gives the first message.
    static AssistHandshake forExpert(const QByteArray &secret, const QString &expertName,
                                     const QString &keyFingerprint);
    // The host's end: waits for the expert's first message; start() gives nothing.
    static AssistHandshake forHost(const QByteArray &secret, const QString &hostId);

    AssistHandshake(const AssistHandshake &) = delete;
    AssistHandshake &operator=(const AssistHandshake &) = delete;
    AssistHandshake(AssistHandshake &&) = default;
    AssistHandshake &operator=(AssistHandshake &&) = default;
    ~AssistHandshake();

    Role role() const { return m_role; }
    Step start();
    // Bytes received from the peer, in any chunking. After a terminal outcome, returns it again
    // with no output.
    Step feed(const QByteArray &bytes);

    Outcome outcome() const { return m_outcome; }
    bool isEstablished() const { return m_outcome == Outcome::Established; }
    // Why it failed, translated; ErrorKind::Auth for WrongSecret, ErrorKind::Crypto otherwise.
    const Error &error() const { return m_error; }

    // Known once the peer's hello arrived; authenticated only once Established.
    QString hostId() const { return m_hostId; }
    QString expertName() const { return m_expertName; }
    QString expertKeyFingerprint() const { return m_expertFingerprint; }

    // Only when Established (else empty / invalid).
    Sas sas() const { return isEstablished() ? m_sas : Sas(); }
    QByteArray sendKey() const; // this end's sending direction
    QByteArray receiveKey() const;
    FrameCipher makeSealer() const;
    FrameCipher makeOpener() const;
    // Bytes that followed the last handshake message in the same read: the first frames.
    QByteArray takeLeftover();

private:
    enum class State {
        Initial,
        ExpertAwaitHostHello,
        ExpertAwaitHostConfirm,
        HostAwaitExpertHello,
        HostAwaitExpertKeys,
        Done,
    };
    enum class AbortReason : quint8 { AuthenticationFailed = 1, ProtocolError = 2, BadVersion = 3 };

    AssistHandshake() = default;

    Step processMessage(quint8 type, const QByteArray &body);
    Step onExpertHello(const QByteArray &body);
    Step onHostHello(const QByteArray &body);
    Step onExpertKeys(const QByteArray &body);
    Step onHostConfirm(const QByteArray &body);
    Step onAbort(const QByteArray &body);
    Step protocolError(const QString &message, const QString &detail = {},
                       AbortReason reason = AbortReason::ProtocolError);
    Step wrongSecret();
    bool deriveSessionKeys(const QByteArray &peerX25519);
    QByteArray idA() const;
    QByteArray idB() const;
    QByteArray aad() const;
    QByteArray commitment() const;
    static QByteArray message(quint8 type, const QByteArray &body);

    Role m_role = Role::Host;
    State m_state = State::Initial;
    Outcome m_outcome = Outcome::InProgress;
    Error m_error;
    QByteArray m_buffer;
    QByteArray m_leftover;

    QByteArray m_w;
    std::optional<Spake2> m_spake;
    QByteArray m_x25519Private;
    QByteArray m_x25519Public;
    QByteArray m_peerX25519Public;
    QByteArray m_peerShare;
    QByteArray m_expertCommitment;

    QString m_hostId;
    QString m_expertName;
    QString m_expertFingerprint;

    QByteArray m_keyExpertToHost;
    QByteArray m_keyHostToExpert;
    Sas m_sas;
};

} // namespace TiDesk
