#include "AssistSecureSession.h"

#include "AssistCipherFilter.h"
#include "AssistLink.h"
#include "AttemptLimiter.h"

namespace TiDesk {

AssistSecureSession *AssistSecureSession::forHost(AssistLink *link, const QByteArray &secret,
                                                  const QString &hostId, AttemptLimiter *limiter,
                                                  QObject *parent)
{
    return new AssistSecureSession(link, AssistHandshake::forHost(secret, hostId), limiter, parent);
}

AssistSecureSession *AssistSecureSession::forExpert(AssistLink *link, const QByteArray &secret,
                                                    const QString &expertName,
                                                    const QString &keyFingerprint, QObject *parent)
{
    return new AssistSecureSession(
        link, AssistHandshake::forExpert(secret, expertName, keyFingerprint), nullptr, parent);
}

AssistSecureSession::AssistSecureSession(AssistLink *link, AssistHandshake handshake,
                                         AttemptLimiter *limiter, QObject *parent)
    : QObject(parent)
    , m_link(link)
    , m_handshake(std::move(handshake))
    , m_limiter(limiter)
{
    connect(link, &AssistLink::stateChanged, this, [this](AssistLink::State s) {
        if (s == AssistLink::State::Connected)
            onLinkConnected();
    });
    connect(link, &AssistLink::frameReceived, this, &AssistSecureSession::onFrame);
    if (link->isConnected())
        onLinkConnected();
}

void AssistSecureSession::onLinkConnected()
{
    AssistLink *link = m_link.data();
    if (m_started || !link)
        return;
    m_started = true;
    if (m_handshake->role() == AssistHandshake::Role::Host) {
        if (m_limiter && !m_limiter->beginAttempt()) {
            fail(Error::make(ErrorKind::Auth, m_limiter->stateText()));
            return;
        }
        return; // the expert speaks first
    }
    // Nothing plaintext after our handshake messages until the host's confirmation.
    link->setHeartbeatsPaused(true);
    const AssistHandshake::Step step = m_handshake->start();
    if (!step.output.isEmpty())
        link->sendFrame(kHandshakeFrame, step.output);
}

void AssistSecureSession::onFrame(quint8 type, const QByteArray &body)
{
    AssistLink *link = m_link.data();
    if (m_failed || !link)
        return;
    if (m_established) {
        if (type == kHandshakeFrame) {
            fail(Error::make(ErrorKind::Crypto,
                             tr("A handshake message arrived inside the encrypted session.")));
            return;
        }
        emit frameReceived(type, body);
        return;
    }
    if (type != kHandshakeFrame) {
        fail(Error::make(ErrorKind::Crypto,
                         tr("A session message arrived before the secure handshake ended.")));
        return;
    }
    if (m_handshake->role() == AssistHandshake::Role::Expert)
        link->setHeartbeatsPaused(true);
    const AssistHandshake::Step step = m_handshake->feed(body);
    if (!step.output.isEmpty())
        link->sendFrame(kHandshakeFrame,
                        step.output); // before the filter: the peer reads it plain
    switch (step.outcome) {
    case AssistHandshake::Outcome::InProgress: return;
    case AssistHandshake::Outcome::WrongSecret:
        if (m_limiter)
            m_limiter->recordFailure();
        fail(m_handshake->error());
        return;
    case AssistHandshake::Outcome::ProtocolError:
        if (m_limiter)
            m_limiter->recordFailure();
        fail(m_handshake->error());
        return;
    case AssistHandshake::Outcome::Established: break;
    }
    if (!m_handshake->takeLeftover().isEmpty()) {
        fail(Error::make(ErrorKind::Crypto,
                         tr("Extra bytes followed the secure handshake; the session was closed.")));
        return;
    }
    if (m_limiter)
        m_limiter->recordSuccess();
    m_sas = m_handshake->sas();
    m_expertName = m_handshake->expertName();
    m_expertFingerprint = m_handshake->expertKeyFingerprint();
    m_hostId = m_handshake->hostId();
    link->setFilter(
        std::make_unique<AssistCipherFilter>(m_handshake->makeSealer(), m_handshake->makeOpener()));
    link->setHeartbeatsPaused(false);
    m_established = true;
    m_handshake.reset(); // the secret's derivations go with it
    emit established(m_sas);
}

bool AssistSecureSession::send(quint8 type, const QByteArray &body)
{
    AssistLink *link = m_link.data();
    if (!m_established || m_failed || !link || type < kFirstSessionFrame)
        return false;
    return link->sendFrame(type, body);
}

void AssistSecureSession::fail(const Error &error)
{
    if (m_failed)
        return;
    m_failed = true;
    emit failed(error);
    if (AssistLink *link = m_link.data())
        link->end();
}

} // namespace TiDesk
