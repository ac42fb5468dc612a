// AssistSecureSession: the end-to-end channel of one expert session over an AssistLink: it runs
// the AssistHandshake (SPAKE2 + X25519, docs/decisions/assist-protocol.md) in kHandshakeFrame
// frames as soon as the link is connected, and once both ends are Established installs an
// AssistCipherFilter on the link, so every later frame - the session's, heartbeats, goodbyes -
// is sealed with ChaCha20-Poly1305 and anything else is rejected (fail closed; plaintext is never
// accepted again). The expert pauses its heartbeats between its last handshake message and the
// host's confirmation, so nothing plaintext can reach a host that already expects ciphertext.
// established(sas, ...) gives the short authentication string both people compare aloud;
// failed(error) a wrong secret (the host's AttemptLimiter, when given, counts it) or a protocol
// error - the link is ended in both cases. Session frames (type > kHandshakeFrame) flow through
// send() / frameReceived() only once established.
// Thread: the link's (GUI or CLI); nothing blocks (the handshake is ~1 ms of arithmetic).
#pragma once

#include "AssistHandshake.h"
#include "AssistTransport.h"
#include "common/Error.h"

#include <QObject>
#include <QPointer>

#include <optional>

namespace TiDesk {

class AssistLink;
class AttemptLimiter;

class AssistSecureSession final : public QObject
{
    Q_OBJECT
public:
    static constexpr quint8 kHandshakeFrame = AssistTransport::kFirstAppType; // 0x10
    static constexpr quint8 kFirstSessionFrame = kHandshakeFrame + 1;

    // The host's end: limiter (not owned, may be null) counts failed and successful attempts.
    static AssistSecureSession *forHost(AssistLink *link, const QByteArray &secret,
                                        const QString &hostId, AttemptLimiter *limiter,
                                        QObject *parent = nullptr);
    static AssistSecureSession *forExpert(AssistLink *link, const QByteArray &secret,
                                          const QString &expertName, const QString &keyFingerprint,
                                          QObject *parent = nullptr);

    [[nodiscard]] bool isEstablished() const { return m_established; }
    [[nodiscard]] Sas sas() const { return m_sas; }
    // The peer as the handshake authenticated it (after established()).
    [[nodiscard]] QString expertName() const { return m_expertName; }
    [[nodiscard]] QString expertKeyFingerprint() const { return m_expertFingerprint; }
    [[nodiscard]] QString hostId() const { return m_hostId; }

    // A session frame (type >= kFirstSessionFrame), sealed; false before established.
    bool send(quint8 type, const QByteArray &body);

signals:
    void established(const TiDesk::Sas &sas);
    void failed(const TiDesk::Error &error);
    void frameReceived(quint8 type, const QByteArray &body);

private:
    AssistSecureSession(AssistLink *link, AssistHandshake handshake, AttemptLimiter *limiter,
                        QObject *parent);
    void onLinkConnected();
    void onFrame(quint8 type, const QByteArray &body);
    void fail(const Error &error);

    QPointer<AssistLink> m_link;
    std::optional<AssistHandshake> m_handshake;
    AttemptLimiter *m_limiter = nullptr;
    bool m_started = false;
    bool m_established = false;
    bool m_failed = false;
    Sas m_sas;
    QString m_expertName;
    QString m_expertFingerprint;
    QString m_hostId;
};

} // namespace TiDesk
