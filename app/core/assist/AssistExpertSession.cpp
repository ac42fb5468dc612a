#include "AssistExpertSession.h"

#include "AssistExpertLink.h"
#include "AssistMessage.h"
#include "AssistSecureSession.h"
#include "AssistTransport.h"
#include "KnownHosts.h"

#include <QFile>
#include <QJsonArray>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace TiDesk {

AssistExpertSession::AssistExpertSession(AssistExpertOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    if (m_options.keyFingerprint.isEmpty() && !m_options.relay.identityFiles.isEmpty())
        m_options.keyFingerprint = fingerprintOfKeyFile(m_options.relay.identityFiles.first());
}

AssistExpertSession::~AssistExpertSession() = default;

QString AssistExpertSession::fingerprintOfKeyFile(const QString &privateKeyPath)
{
    QFile f(privateKeyPath + u".pub"_s);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QList<QByteArray> parts = f.readLine(64 * 1024).trimmed().split(' ');
    if (parts.size() < 2)
        return {};
    const QByteArray blob = QByteArray::fromBase64(parts.at(1));
    return blob.isEmpty() ? QString() : KnownHosts::fingerprint(blob);
}

QString AssistExpertSession::stateText(State s)
{
    switch (s) {
    case State::Idle: return tr("Not connected");
    case State::Connecting: return tr("Connecting through the relay");
    case State::Handshaking: return tr("Checking the session code");
    case State::WaitingForAccept: return tr("Waiting for the DBA to accept");
    case State::Active: return tr("Connected");
    case State::Ended: return tr("Ended");
    }
    return {};
}

void AssistExpertSession::setState(State s)
{
    if (m_state == s)
        return;
    m_state = s;
    emit stateChanged(s);
}

AssistExpertSession::Proposal *AssistExpertSession::find(qint64 id)
{
    for (Proposal &p : m_proposals)
        if (p.proposal.id == id)
            return &p;
    return nullptr;
}

const AssistExpertSession::Proposal *AssistExpertSession::proposal(qint64 id) const
{
    for (const Proposal &p : m_proposals)
        if (p.proposal.id == id)
            return &p;
    return nullptr;
}

void AssistExpertSession::join(const SessionCode &code)
{
    if (m_state != State::Idle)
        return;
    SshConnectOptions relay = m_options.relay;
    if (relay.host.isEmpty())
        relay.host = code.relayHost();
    if (relay.port <= 0 || (m_options.relay.host.isEmpty() && code.relayPort() != 0))
        relay.port = code.relayPort();
    if (relay.user.isEmpty())
        relay.user = code.relayUser();
    if (m_options.expertName.trimmed().isEmpty()) {
        finish(Error::make(ErrorKind::InvalidInput,
                           tr("Give your name: the DBA sees it before letting you in.")));
        return;
    }
    setState(State::Connecting);
    auto *link = new AssistExpertLink(this);
    m_link = link;
    connect(link, &AssistExpertLink::channelOpen, this, [this] { setState(State::Handshaking); });
    auto *secure = AssistSecureSession::forExpert(link, code.secretBytes(), m_options.expertName,
                                                  m_options.keyFingerprint, this);
    m_secure = secure;
    connect(secure, &AssistSecureSession::established, this, [this](const Sas &sas) {
        m_sas = sas;
        if (AssistSecureSession *s = m_secure.data())
            m_hostId = s->hostId();
        setState(State::WaitingForAccept);
        emit established(sas);
    });
    connect(secure, &AssistSecureSession::failed, this, [this](const Error &e) { finish(e); });
    connect(secure, &AssistSecureSession::frameReceived, this, &AssistExpertSession::onMessage);
    connect(link, &AssistLink::closed, this, [this, link](const Error &reason) {
        link->deleteLater();
        m_link.clear();
        if (m_state == State::Ended) { // finish() already ran and waited for this
            emit transportClosed();
            return;
        }
        if (!m_hostEndReason.isEmpty()) {
            Error e = Error::make(ErrorKind::Cancelled, m_hostEndReason);
            e.code = AssistTransport::EndedByPeer;
            finish(e); // no link any more: transportClosed() follows
            return;
        }
        finish(reason);
    });
    link->open(relay, code.forwardPort());
}

void AssistExpertSession::send(const QJsonObject &message)
{
    if (AssistSecureSession *s = m_secure.data())
        s->send(AssistMessage::kFrame, AssistMessage::encode(message));
}

qint64 AssistExpertSession::propose(AssistProposal p)
{
    if (m_state != State::Active)
        return 0;
    p.id = m_nextId++;
    Proposal entry;
    entry.proposal = p;
    m_proposals << entry;
    send(p.toJson());
    emit statusChanged(p.id);
    return p.id;
}

bool AssistExpertSession::subscribe(AssistView::Kind kind, const QString &environment)
{
    if (m_state != State::Active)
        return false;
    send(QJsonObject { { u"t"_s, QString::fromLatin1(AssistMessage::kSubscribe) },
                       { u"view"_s, AssistView::kindName(kind) },
                       { u"env"_s, environment } });
    return true;
}

bool AssistExpertSession::sendChat(const QString &text)
{
    if (m_state != State::Active || text.trimmed().isEmpty()
        || text.size() > AssistMessage::kMaxChatChars)
        return false;
    const ChatLine line { true, text, QDateTime::currentDateTimeUtc() };
    m_chat << line;
    send(
        QJsonObject { { u"t"_s, QString::fromLatin1(AssistMessage::kChat) }, { u"text"_s, text } });
    emit chatAdded(line);
    return true;
}

void AssistExpertSession::end()
{
    if (m_state == State::Ended)
        return;
    send(QJsonObject { { u"t"_s, QString::fromLatin1(AssistMessage::kEnd) },
                       { u"reason"_s, u"ended by the expert"_s } });
    Error e = Error::make(ErrorKind::Cancelled, tr("You left the session."));
    e.code = AssistTransport::EndedHere;
    finish(e);
}

void AssistExpertSession::finish(const Error &reason)
{
    if (m_state == State::Ended)
        return;
    m_endReason = reason;
    setState(State::Ended);
    if (AssistExpertLink *link = m_link.data(); link && link->state() != AssistLink::State::Closed)
        link->end();
    else
        QTimer::singleShot(0, this, &AssistExpertSession::transportClosed);
    emit ended(reason);
}

void AssistExpertSession::onMessage(quint8 type, const QByteArray &body)
{
    if (type != AssistMessage::kFrame) {
        finish(Error::make(ErrorKind::InvalidInput,
                           tr("The host sent an unknown kind of frame; the session was closed.")));
        return;
    }
    const Result<QJsonObject> m = AssistMessage::decode(body, false);
    if (!m) {
        finish(m.error());
        return;
    }
    const QString t = m->value(u"t"_s).toString();
    if (t == QLatin1String(AssistMessage::kEnd)) {
        m_hostEndReason = m->value(u"reason"_s).toString().left(500);
        if (m_hostEndReason.isEmpty())
            m_hostEndReason = tr("The DBA ended the session.");
        return; // the goodbye follows; closed() reports it with this reason
    }
    if (t == QLatin1String(AssistMessage::kWelcome)) {
        m_envs.clear();
        for (const QJsonValue &v : m->value(u"environments"_s).toArray()) {
            const QJsonObject e = v.toObject();
            m_envs << SharedEnvironment { e.value(u"name"_s).toString(),
                                          e.value(u"tier"_s).toString(),
                                          e.value(u"color"_s).toString(),
                                          e.value(u"production"_s).toBool(),
                                          e.value(u"auto_approve_readonly"_s).toBool() };
        }
        m_rowLimit = m->value(u"row_limit"_s).toInt();
        m_endsAt = QDateTime::fromString(m->value(u"ends_at"_s).toString(), Qt::ISODate);
        setState(State::Active);
        emit welcomed();
        return;
    }
    if (m_state != State::Active) {
        finish(Error::make(ErrorKind::InvalidInput,
                           tr("The host sent a message before accepting; the session was "
                              "closed.")));
        return;
    }
    if (t == QLatin1String(AssistMessage::kView)) {
        m_lastView = AssistView::fromJson(*m);
        emit viewReceived(*m_lastView);
    } else if (t == QLatin1String(AssistMessage::kChat)) {
        const ChatLine line { false, m->value(u"text"_s).toString(),
                              QDateTime::currentDateTimeUtc() };
        m_chat << line;
        emit chatAdded(line);
    } else if (t == QLatin1String(AssistMessage::kStatus)) {
        Proposal *p = find(qint64(m->value(u"id"_s).toDouble()));
        const std::optional<AssistProposal::Status> s
            = AssistProposal::statusFromName(m->value(u"status"_s).toString());
        if (!p || !s)
            return; // a refusal of something we never sent: nothing to show
        p->status = *s;
        if (!m->value(u"statement"_s).toString().isEmpty())
            p->statement = m->value(u"statement"_s).toString();
        p->note = m->value(u"note"_s).toString();
        emit statusChanged(p->proposal.id);
    } else if (t == QLatin1String(AssistMessage::kResult)) {
        Proposal *p = find(qint64(m->value(u"id"_s).toDouble()));
        if (!p)
            return;
        if (p->partial.appendMessage(*m)) {
            p->result = p->partial;
            p->partial = AssistResult();
            emit resultReady(p->proposal.id);
        }
    }
}

} // namespace TiDesk
