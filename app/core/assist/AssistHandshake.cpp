#include "AssistHandshake.h"

#include "AssistPrimitives.h"
#include "common/Crypto.h"

#include <QtEndian>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

constexpr char kMagic[] = "TDA"; // 3 bytes on the wire, no terminator
constexpr qsizetype kMagicBytes = 3;
constexpr qsizetype kHeaderBytes = kMagicBytes + 2; // magic, version, type
constexpr qsizetype kLengthBytes = 2;
constexpr qsizetype kHashBytes = 32;

constexpr quint8 kExpertHello = 0x01;
constexpr quint8 kHostHello = 0x02;
constexpr quint8 kExpertKeys = 0x03;
constexpr quint8 kHostConfirm = 0x04;
constexpr quint8 kAbort = 0x7f;

const QByteArray kPasswordContext = QByteArrayLiteral("TiDesk assist v1 password");
const QByteArray kCommitLabel = QByteArrayLiteral("TiDesk assist v1 commit");
const QByteArray kAadLabel = QByteArrayLiteral("TiDesk assist v1");
const QByteArray kSasLabel = QByteArrayLiteral("TiDesk assist v1 sas");
const QByteArray kKeyExpertToHostInfo = QByteArrayLiteral("TiDesk assist v1 key expert to host");
const QByteArray kKeyHostToExpertInfo = QByteArrayLiteral("TiDesk assist v1 key host to expert");

// u8 length || UTF-8 bytes
QByteArray lengthPrefixed(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    return QByteArray(1, static_cast<char>(utf8.size())) + utf8;
}

// Reads a u8-length-prefixed, non-empty, valid UTF-8 string at `offset`; advances it.
std::optional<QString> readString(const QByteArray &body, qsizetype &offset)
{
    if (offset >= body.size())
        return std::nullopt;
    const auto len = static_cast<quint8>(body.at(offset));
    if (len == 0 || offset + 1 + len > body.size())
        return std::nullopt;
    const QByteArray utf8 = body.mid(offset + 1, len);
    const QString text = QString::fromUtf8(utf8);
    if (text.toUtf8() != utf8) // invalid UTF-8 would not survive the round trip
        return std::nullopt;
    offset += 1 + len;
    return text;
}

bool validIdentity(const QString &text)
{
    const qsizetype n = text.toUtf8().size();
    return n > 0 && n <= AssistHandshake::kMaxIdentityBytes;
}

} // namespace

AssistHandshake AssistHandshake::forExpert(const QByteArray &secret, const QString &expertName,
                                           const QString &keyFingerprint)
{
    AssistHandshake hs;
    hs.m_role = Role::Expert;
    hs.m_expertName = expertName;
    hs.m_expertFingerprint = keyFingerprint;
    auto w = Spake2::passwordScalar(secret, kPasswordContext);
    if (!w) {
        hs.m_state = State::Done;
        hs.m_outcome = Outcome::ProtocolError;
        hs.m_error = w.error();
    } else {
        hs.m_w = w.value();
    }
    if (hs.m_state != State::Done
        && (!validIdentity(expertName) || !validIdentity(keyFingerprint))) {
        hs.m_state = State::Done;
        hs.m_outcome = Outcome::ProtocolError;
        hs.m_error = Error::make(ErrorKind::InvalidInput,
                                 tr("The expert name and key fingerprint must each be 1 to 255 "
                                    "bytes long."));
    }
    return hs;
}

AssistHandshake AssistHandshake::forHost(const QByteArray &secret, const QString &hostId)
{
    AssistHandshake hs;
    hs.m_role = Role::Host;
    hs.m_hostId = hostId;
    hs.m_state = State::HostAwaitExpertHello;
    auto w = Spake2::passwordScalar(secret, kPasswordContext);
    if (!w) {
        hs.m_state = State::Done;
        hs.m_outcome = Outcome::ProtocolError;
        hs.m_error = w.error();
    } else {
        hs.m_w = w.value();
    }
    if (hs.m_state != State::Done && !validIdentity(hostId)) {
        hs.m_state = State::Done;
        hs.m_outcome = Outcome::ProtocolError;
        hs.m_error = Error::make(ErrorKind::InvalidInput,
                                 tr("The host name must be 1 to 255 bytes long."));
    }
    return hs;
}

AssistHandshake::~AssistHandshake()
{
    Crypto::secureWipe(m_w);
    Crypto::secureWipe(m_x25519Private);
    Crypto::secureWipe(m_keyExpertToHost);
    Crypto::secureWipe(m_keyHostToExpert);
}

QByteArray AssistHandshake::message(quint8 type, const QByteArray &body)
{
    QByteArray out(kLengthBytes, Qt::Uninitialized);
    qToBigEndian<quint16>(static_cast<quint16>(kHeaderBytes + body.size()), out.data());
    out.append(kMagic, kMagicBytes);
    out.append(static_cast<char>(kVersion));
    out.append(static_cast<char>(type));
    out.append(body);
    return out;
}

QByteArray AssistHandshake::idA() const
{
    return lengthPrefixed(m_expertName) + lengthPrefixed(m_expertFingerprint);
}

QByteArray AssistHandshake::idB() const
{
    return lengthPrefixed(m_hostId);
}

QByteArray AssistHandshake::aad() const
{
    const QByteArray &eA = m_role == Role::Expert ? m_x25519Public : m_peerX25519Public;
    const QByteArray &eB = m_role == Role::Expert ? m_peerX25519Public : m_x25519Public;
    return kAadLabel + QByteArray(1, static_cast<char>(kVersion)) + eA + eB;
}

QByteArray AssistHandshake::commitment() const
{
    // Only the expert computes its own; the host recomputes from the revealed values.
    return Crypto::sha256(kCommitLabel + m_spake->share() + m_x25519Public);
}

AssistHandshake::Step AssistHandshake::start()
{
    if (m_state == State::Done)
        return { {}, m_outcome };
    if (m_role == Role::Host || m_state != State::Initial)
        return { {}, m_outcome };
    auto spake = Spake2::start(Spake2::Role::A, m_w);
    if (!spake)
        return protocolError(tr("The secure handshake could not start."), spake.error().toString());
    auto x25519 = AssistPrimitives::x25519Generate();
    if (!x25519)
        return protocolError(tr("The secure handshake could not start."),
                             x25519.error().toString());
    m_spake = std::move(spake.value());
    Crypto::secureWipe(m_w); // the Spake2 run keeps its own copy
    m_x25519Private = x25519.value().privateKey;
    m_x25519Public = x25519.value().publicKey;
    Crypto::secureWipe(x25519.value().privateKey);
    m_state = State::ExpertAwaitHostHello;
    QByteArray body
        = lengthPrefixed(m_expertName) + lengthPrefixed(m_expertFingerprint) + commitment();
    return { message(kExpertHello, body), m_outcome };
}

AssistHandshake::Step AssistHandshake::feed(const QByteArray &bytes)
{
    if (m_state == State::Done) {
        if (m_outcome == Outcome::Established)
            m_leftover.append(bytes);
        return { {}, m_outcome };
    }
    if (m_state == State::Initial)
        return protocolError(tr("The secure handshake received data before it started."));
    m_buffer.append(bytes);
    Step result { {}, m_outcome };
    while (m_state != State::Done && m_buffer.size() >= kLengthBytes) {
        const qsizetype length = qFromBigEndian<quint16>(m_buffer.constData());
        if (length < kHeaderBytes || length > kMaxMessageBytes) {
            const Step s = protocolError(tr("The secure handshake received a malformed message."),
                                         u"message length %1"_s.arg(length));
            return { result.output + s.output, s.outcome };
        }
        if (m_buffer.size() < kLengthBytes + length)
            break;
        const QByteArray msg = m_buffer.mid(kLengthBytes, length);
        m_buffer.remove(0, kLengthBytes + length);
        if (msg.left(kMagicBytes) != QByteArray(kMagic, kMagicBytes)) {
            const Step s = protocolError(
                tr("The other side does not speak the TiDesk assist protocol."), u"bad magic"_s);
            return { result.output + s.output, s.outcome };
        }
        const auto version = static_cast<quint8>(msg.at(kMagicBytes));
        if (version != kVersion) {
            //: %1 is the peer's protocol version number, %2 ours
            const Step s = protocolError(tr("The other side uses assist protocol version %1, this "
                                            "TiDesk uses version %2; both must use the same "
                                            "version.")
                                             .arg(version)
                                             .arg(kVersion),
                                         {}, AbortReason::BadVersion);
            return { result.output + s.output, s.outcome };
        }
        const auto type = static_cast<quint8>(msg.at(kMagicBytes + 1));
        const Step s = processMessage(type, msg.mid(kHeaderBytes));
        result.output += s.output;
        result.outcome = s.outcome;
    }
    if (m_state == State::Done) {
        if (m_outcome == Outcome::Established)
            m_leftover.append(m_buffer);
        Crypto::secureWipe(m_buffer);
    }
    result.outcome = m_outcome;
    return result;
}

AssistHandshake::Step AssistHandshake::processMessage(quint8 type, const QByteArray &body)
{
    if (type == kAbort)
        return onAbort(body);
    switch (m_state) {
    case State::HostAwaitExpertHello:
        if (type == kExpertHello)
            return onExpertHello(body);
        break;
    case State::ExpertAwaitHostHello:
        if (type == kHostHello)
            return onHostHello(body);
        break;
    case State::HostAwaitExpertKeys:
        if (type == kExpertKeys)
            return onExpertKeys(body);
        break;
    case State::ExpertAwaitHostConfirm:
        if (type == kHostConfirm)
            return onHostConfirm(body);
        break;
    case State::Initial:
    case State::Done: break;
    }
    return protocolError(tr("The secure handshake received an unexpected message."),
                         u"message type %1"_s.arg(type));
}

AssistHandshake::Step AssistHandshake::onExpertHello(const QByteArray &body)
{
    qsizetype offset = 0;
    const auto name = readString(body, offset);
    const auto fingerprint = name ? readString(body, offset) : std::nullopt;
    if (!name || !fingerprint || body.size() - offset != kHashBytes)
        return protocolError(tr("The secure handshake received a malformed message."),
                             u"ExpertHello"_s);
    m_expertName = *name;
    m_expertFingerprint = *fingerprint;
    m_expertCommitment = body.mid(offset);
    auto spake = Spake2::start(Spake2::Role::B, m_w);
    if (!spake)
        return protocolError(tr("The secure handshake failed internally."),
                             spake.error().toString());
    auto x25519 = AssistPrimitives::x25519Generate();
    if (!x25519)
        return protocolError(tr("The secure handshake failed internally."),
                             x25519.error().toString());
    m_spake = std::move(spake.value());
    Crypto::secureWipe(m_w); // the Spake2 run keeps its own copy
    m_x25519Private = x25519.value().privateKey;
    m_x25519Public = x25519.value().publicKey;
    Crypto::secureWipe(x25519.value().privateKey);
    m_state = State::HostAwaitExpertKeys;
    return { message(kHostHello, lengthPrefixed(m_hostId) + m_spake->share() + m_x25519Public),
             m_outcome };
}

AssistHandshake::Step AssistHandshake::onHostHello(const QByteArray &body)
{
    qsizetype offset = 0;
    const auto hostId = readString(body, offset);
    if (!hostId || body.size() - offset != Spake2::kShareBytes + AssistPrimitives::kX25519Bytes)
        return protocolError(tr("The secure handshake received a malformed message."),
                             u"HostHello"_s);
    m_hostId = *hostId;
    m_peerShare = body.mid(offset, Spake2::kShareBytes);
    m_peerX25519Public = body.mid(offset + Spake2::kShareBytes);
    const VoidResult finished = m_spake->finish(m_peerShare, idA(), idB(), aad());
    if (!finished)
        return protocolError(tr("The secure handshake received an invalid key."),
                             finished.error().toString());
    if (!deriveSessionKeys(m_peerX25519Public))
        return protocolError(tr("The secure handshake received an invalid key."), u"X25519"_s);
    m_state = State::ExpertAwaitHostConfirm;
    return { message(kExpertKeys, m_spake->share() + m_x25519Public + m_spake->ownConfirmation()),
             m_outcome };
}

AssistHandshake::Step AssistHandshake::onExpertKeys(const QByteArray &body)
{
    if (body.size()
        != Spake2::kShareBytes + AssistPrimitives::kX25519Bytes + Spake2::kConfirmationBytes)
        return protocolError(tr("The secure handshake received a malformed message."),
                             u"ExpertKeys"_s);
    m_peerShare = body.left(Spake2::kShareBytes);
    m_peerX25519Public = body.mid(Spake2::kShareBytes, AssistPrimitives::kX25519Bytes);
    const QByteArray confirmation = body.right(Spake2::kConfirmationBytes);
    if (!Crypto::constantTimeEquals(Crypto::sha256(kCommitLabel + m_peerShare + m_peerX25519Public),
                                    m_expertCommitment))
        return protocolError(tr("The secure handshake was altered in transit."),
                             u"the expert's keys do not match its commitment"_s);
    const VoidResult finished = m_spake->finish(m_peerShare, idA(), idB(), aad());
    if (!finished)
        return protocolError(tr("The secure handshake received an invalid key."),
                             finished.error().toString());
    if (!m_spake->verifyPeerConfirmation(confirmation))
        return wrongSecret();
    if (!deriveSessionKeys(m_peerX25519Public))
        return protocolError(tr("The secure handshake received an invalid key."), u"X25519"_s);
    const QByteArray out = message(kHostConfirm, m_spake->ownConfirmation());
    m_state = State::Done;
    m_outcome = Outcome::Established;
    m_spake.reset();
    return { out, m_outcome };
}

AssistHandshake::Step AssistHandshake::onHostConfirm(const QByteArray &body)
{
    if (body.size() != Spake2::kConfirmationBytes)
        return protocolError(tr("The secure handshake received a malformed message."),
                             u"HostConfirm"_s);
    if (!m_spake->verifyPeerConfirmation(body))
        return wrongSecret();
    m_state = State::Done;
    m_outcome = Outcome::Established;
    m_spake.reset();
    return { {}, m_outcome };
}

AssistHandshake::Step AssistHandshake::onAbort(const QByteArray &body)
{
    const auto reason = body.size() == 1 ? static_cast<quint8>(body.at(0)) : quint8(0);
    m_state = State::Done;
    m_spake.reset();
    Crypto::secureWipe(m_keyExpertToHost);
    Crypto::secureWipe(m_keyHostToExpert);
    if (reason == static_cast<quint8>(AbortReason::AuthenticationFailed)) {
        m_outcome = Outcome::WrongSecret;
        m_error = Error::make(ErrorKind::Auth,
                              tr("The other side rejected the one-time secret: check the session "
                                 "code."));
    } else if (reason == static_cast<quint8>(AbortReason::BadVersion)) {
        m_outcome = Outcome::ProtocolError;
        m_error = Error::make(ErrorKind::Unsupported,
                              tr("The other side uses a different assist protocol version; both "
                                 "must use the same version."));
    } else {
        m_outcome = Outcome::ProtocolError;
        m_error = Error::make(ErrorKind::Crypto,
                              tr("The other side ended the secure handshake after an error."),
                              u"abort reason %1"_s.arg(reason));
    }
    return { {}, m_outcome };
}

AssistHandshake::Step AssistHandshake::protocolError(const QString &message, const QString &detail,
                                                     AbortReason reason)
{
    m_state = State::Done;
    m_outcome = Outcome::ProtocolError;
    m_error = Error::make(reason == AbortReason::BadVersion ? ErrorKind::Unsupported
                                                            : ErrorKind::Crypto,
                          message, detail);
    m_spake.reset();
    Crypto::secureWipe(m_keyExpertToHost);
    Crypto::secureWipe(m_keyHostToExpert);
    m_sas = Sas();
    return { AssistHandshake::message(kAbort, QByteArray(1, static_cast<char>(reason))),
             m_outcome };
}

AssistHandshake::Step AssistHandshake::wrongSecret()
{
    m_state = State::Done;
    m_outcome = Outcome::WrongSecret;
    m_error = Error::make(ErrorKind::Auth,
                          tr("The one-time secret did not match (or the handshake was altered in "
                             "transit): check the session code."));
    m_spake.reset();
    Crypto::secureWipe(m_keyExpertToHost);
    Crypto::secureWipe(m_keyHostToExpert);
    m_sas = Sas();
    return { message(kAbort, QByteArray(1, static_cast<char>(AbortReason::AuthenticationFailed))),
             m_outcome };
}

bool AssistHandshake::deriveSessionKeys(const QByteArray &peerX25519)
{
    auto shared = AssistPrimitives::x25519Agree(m_x25519Private, peerX25519);
    Crypto::secureWipe(m_x25519Private);
    if (!shared)
        return false;
    const QByteArray transcriptAad = aad();
    const QByteArray salt = Crypto::sha256(m_spake->transcript() + transcriptAad);
    QByteArray ikm = m_spake->ke() + shared.value();
    Crypto::secureWipe(shared.value());
    auto e2h
        = AssistPrimitives::hkdfSha256(salt, ikm, kKeyExpertToHostInfo, FrameCipher::kKeyBytes);
    auto h2e
        = AssistPrimitives::hkdfSha256(salt, ikm, kKeyHostToExpertInfo, FrameCipher::kKeyBytes);
    Crypto::secureWipe(ikm);
    if (!e2h || !h2e)
        return false;
    m_keyExpertToHost = e2h.value();
    m_keyHostToExpert = h2e.value();
    const QByteArray &pA = m_role == Role::Expert ? m_spake->share() : m_peerShare;
    const QByteArray &pB = m_role == Role::Expert ? m_peerShare : m_spake->share();
    const QByteArray &eA = m_role == Role::Expert ? m_x25519Public : m_peerX25519Public;
    const QByteArray &eB = m_role == Role::Expert ? m_peerX25519Public : m_x25519Public;
    m_sas = Sas::fromTranscriptHash(Crypto::sha256(kSasLabel + idA() + idB() + pA + pB + eA + eB));
    return true;
}

QByteArray AssistHandshake::sendKey() const
{
    if (!isEstablished())
        return {};
    return m_role == Role::Expert ? m_keyExpertToHost : m_keyHostToExpert;
}

QByteArray AssistHandshake::receiveKey() const
{
    if (!isEstablished())
        return {};
    return m_role == Role::Expert ? m_keyHostToExpert : m_keyExpertToHost;
}

FrameCipher AssistHandshake::makeSealer() const
{
    return FrameCipher(sendKey(),
                       m_role == Role::Expert ? FrameCipher::Direction::ExpertToHost
                                              : FrameCipher::Direction::HostToExpert,
                       FrameCipher::Mode::Seal);
}

FrameCipher AssistHandshake::makeOpener() const
{
    return FrameCipher(receiveKey(),
                       m_role == Role::Expert ? FrameCipher::Direction::HostToExpert
                                              : FrameCipher::Direction::ExpertToHost,
                       FrameCipher::Mode::Open);
}

QByteArray AssistHandshake::takeLeftover()
{
    QByteArray out = m_leftover;
    m_leftover.clear();
    return out;
}

} // namespace TiDesk
