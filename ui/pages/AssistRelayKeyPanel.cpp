#include "AssistRelayKeyPanel.h"

#include "AssistRelayText.h"
#include "HostKeyProblem.h"
#include "KnownHosts.h"
#include "SshSession.h"
#include "StatusPill.h"

#include <QDir>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QThreadPool>
#include <QVBoxLayout>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

// What known_hosts says about the presented key, read on the pool.
struct KnownState
{
    Error error; // known_hosts could not be read
    KnownHosts::Lookup lookup;
};

KnownState lookUp(const QString &path, const SshConnectOptions &relay, const SshHostKey &key)
{
    KnownState s;
    const Result<KnownHosts> known = KnownHosts::load(path);
    if (!known.ok()) {
        s.error = known.error();
        return s;
    }
    s.lookup = known->lookup(relay.host, relay.port, key.keyType, key.key);
    return s;
}

// Unknown to known_hosts and no other key type on record for the host: a first contact (TOFU).
bool isFirstContact(const KnownHosts::Lookup &l)
{
    return l.status == KnownHosts::Status::NotFound && l.otherKeyTypes.isEmpty();
}

template<typename Work, typename Done>
void runWatched(QObject *owner, QThreadPool *pool, Work &&work, Done &&done)
{
    using T = std::invoke_result_t<Work>;
    auto *watcher = new QFutureWatcher<T>(owner);
    QObject::connect(watcher, &QFutureWatcher<T>::finished, owner,
                     [watcher, done = std::forward<Done>(done)] {
                         watcher->deleteLater();
                         done(watcher->result());
                     });
    watcher->setFuture(QtConcurrent::run(pool, std::forward<Work>(work)));
}

} // namespace

AssistRelayKeyPanel::AssistRelayKeyPanel(QThreadPool *pool, QWidget *parent)
    : QWidget(parent)
    , m_pool(pool ? pool : QThreadPool::globalInstance())
{
    setObjectName(u"assistRelayKeyPanel"_s);
    m_headline = new QLabel(this);
    m_headline->setObjectName(u"assistRelayKeyHeadline"_s);
    m_headline->setWordWrap(true);
    QFont hf = m_headline->font();
    hf.setBold(true);
    hf.setPointSizeF(hf.pointSizeF() * 1.15);
    m_headline->setFont(hf);
    m_fingerprint = new QLabel(this);
    m_fingerprint->setObjectName(u"assistRelayKeyFingerprint"_s);
    m_fingerprint->setAccessibleName(tr("Fingerprint of the relay's host key"));
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(QLabel().font().pointSizeF() * 1.35);
    mono.setBold(true);
    m_fingerprint->setFont(mono);
    m_fingerprint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fingerprint->setFrameShape(QFrame::StyledPanel);
    m_fingerprint->setMargin(8);
    m_fingerprint->setWordWrap(true);
    m_advice = new QLabel(this);
    m_advice->setObjectName(u"assistRelayKeyAdvice"_s);
    m_advice->setWordWrap(true);
    m_advice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_trust = new QPushButton(tr("Trust this relay and retry"), this);
    m_trust->setObjectName(u"assistRelayKeyTrust"_s);
    m_trust->setAccessibleName(tr("Add the relay's host key to known_hosts and try again"));
    connect(m_trust, &QPushButton::clicked, this, &AssistRelayKeyPanel::trust);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_trust);
    buttons->addStretch(1);
    auto *l = new QVBoxLayout(this);
    l->setContentsMargins(0, 4, 0, 4);
    l->addWidget(m_headline);
    l->addWidget(m_fingerprint);
    l->addWidget(m_advice);
    l->addLayout(buttons);
    clear();
}

AssistRelayKeyPanel::~AssistRelayKeyPanel()
{
    dropProbe();
}

QString AssistRelayKeyPanel::knownHostsPath() const
{
    // As SshSession resolves it.
    return m_relay.knownHostsFile.isEmpty() ? QDir::homePath() + u"/.ssh/known_hosts"_s
                                            : m_relay.knownHostsFile;
}

QString AssistRelayKeyPanel::relayText() const
{
    return AssistRelayText::format(m_relay);
}

void AssistRelayKeyPanel::setFinding(Finding f)
{
    m_finding = f;
    setVisible(f != Finding::None);
    emit findingChanged(f);
}

void AssistRelayKeyPanel::clear()
{
    ++m_generation;
    dropProbe();
    m_key = {};
    m_headline->clear();
    m_fingerprint->clear();
    m_advice->clear();
    m_trust->hide();
    if (m_finding != Finding::None)
        setFinding(Finding::None);
    else
        hide();
}

void AssistRelayKeyPanel::dropProbe()
{
    if (SshSession *s = m_probe.data()) {
        m_probe.clear();
        s->disconnect(this);
        // Often called from inside one of its signals: close it once that call has returned.
        QMetaObject::invokeMethod(
            s,
            [s] {
                s->disconnectFromHost();
                s->deleteLater();
            },
            Qt::QueuedConnection);
    }
}

bool AssistRelayKeyPanel::examine(const Error &reason, const SshConnectOptions &relay)
{
    clear();
    if (reason.kind != ErrorKind::HostKey || relay.host.isEmpty())
        return false;
    m_relay = relay;
    m_headline->setPalette(QPalette());
    //: %1 = user@relay:port
    m_headline->setText(tr("Checking the host key of the relay %1\u2026").arg(relayText()));
    m_fingerprint->hide();
    m_advice->hide();
    setFinding(Finding::Checking);

    // Ask: the key is reported (hostKeyUnknown) instead of refused; nothing is stored unless
    // someone answers, and nobody does - the probe ends as soon as the key is known.
    SshConnectOptions probe = relay;
    probe.hostKeyPolicy = HostKeyPolicy::Ask;
    auto *s = new SshSession(this);
    m_probe = s;
    connect(s, &SshSession::hostKeyUnknown, this, &AssistRelayKeyPanel::onProbeKey);
    connect(s, &SshSession::errorOccurred, this, &AssistRelayKeyPanel::onProbeError);
    connect(s, &SshSession::connected, this, &AssistRelayKeyPanel::onProbeConnected);
    s->connectToHost(probe);
    return true;
}

void AssistRelayKeyPanel::onProbeKey()
{
    SshSession *s = m_probe.data();
    if (!s)
        return;
    m_key = s->hostKey();
    dropProbe();
    // Ask also reports a host that known_hosts holds with OTHER key types only: tell that apart
    // (never trusted from here) by reading known_hosts again, off this thread.
    const quint64 generation = m_generation;
    runWatched(
        this, m_pool,
        [path = knownHostsPath(), relay = m_relay, key = m_key] {
            return lookUp(path, relay, key);
        },
        [this, generation](const KnownState &st) {
            if (generation != m_generation)
                return;
            if (st.error.isError()) {
                showFailed(tr("known_hosts could not be read."), st.error);
                return;
            }
            if (st.lookup.status == KnownHosts::Status::Match) {
                m_headline->setText(tr("The relay %1 is in known_hosts by now.").arg(relayText()));
                m_fingerprint->setText(m_key.fingerprint);
                m_fingerprint->show();
                m_advice->hide();
                m_trust->setText(tr("Retry"));
                m_trust->show();
                setFinding(Finding::AlreadyKnown);
                return;
            }
            if (!isFirstContact(st.lookup)) {
                Error e = Error::make(
                    ErrorKind::HostKey,
                    //: %1 = user@relay:port, %2 = key types on record, %3 = presented type
                    tr("%1 is known with a %2 key, but presented a %3 key. TiDesk does not trust "
                       "it from here: verify the new key with the relay's administrator.")
                        .arg(relayText(), st.lookup.otherKeyTypes.join(u", "_s), m_key.keyType));
                e.code = HostKeyCheck::OtherKeyType;
                showRefused(e);
                return;
            }
            //: %1 = user@relay:port
            m_headline->setText(
                tr("The relay %1 presented a host key TiDesk has never seen").arg(relayText()));
            //: %1 = key type (ssh-ed25519 ...), %2 = fingerprint (SHA256:...)
            m_fingerprint->setText(tr("%1  %2").arg(m_key.keyType, m_key.fingerprint));
            m_fingerprint->show();
            //: %1 = the known_hosts file
            m_advice->setText(
                tr("Before trusting it, compare this fingerprint with one obtained another way, "
                   "e.g. ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub run on the relay, or "
                   "from its administrator. Trusting adds exactly this key to %1 and tries "
                   "again.")
                    .arg(QDir::toNativeSeparators(knownHostsPath())));
            m_advice->show();
            m_trust->setText(tr("Trust this relay and retry"));
            m_trust->setEnabled(true);
            m_trust->show();
            setFinding(Finding::Unknown);
        });
}

void AssistRelayKeyPanel::onProbeConnected()
{
    // known_hosts accepted the key this time (it was added meanwhile): nothing to trust.
    if (SshSession *s = m_probe.data())
        m_key = s->hostKey();
    dropProbe();
    m_headline->setText(tr("The relay %1 is in known_hosts by now.").arg(relayText()));
    m_fingerprint->setText(m_key.fingerprint);
    m_fingerprint->setVisible(!m_key.fingerprint.isEmpty());
    m_advice->hide();
    m_trust->setText(tr("Retry"));
    m_trust->setEnabled(true);
    m_trust->show();
    setFinding(Finding::AlreadyKnown);
}

void AssistRelayKeyPanel::onProbeError(const Error &e)
{
    if (SshSession *s = m_probe.data())
        m_key = s->hostKey();
    dropProbe();
    if (e.kind == ErrorKind::HostKey) {
        showRefused(e);
        return;
    }
    if (e.kind == ErrorKind::Auth && !m_key.fingerprint.isEmpty()) {
        // The key was accepted (known_hosts matched) and only our SSH key was refused.
        onProbeConnected();
        return;
    }
    showFailed(tr("The relay could not be reached to check its host key."), e);
}

void AssistRelayKeyPanel::showRefused(const Error &e)
{
    // The banner above already carries the full refusal (the known_hosts line): here the key
    // that was presented and what to do, worded for a relay.
    const HostKeyProblem::Kind kind = HostKeyProblem::classify(e);
    QPalette p = m_headline->palette();
    p.setColor(QPalette::WindowText, StatusPill::colorFor(StatusPill::State::Error));
    m_headline->setPalette(p);
    m_headline->setText(HostKeyProblem::headline(kind));
    //: %1 = user@relay:port, %2 = key type, %3 = fingerprint (SHA256:...)
    m_fingerprint->setText(
        m_key.fingerprint.isEmpty()
            ? e.message
            : tr("%1 presented %2  %3").arg(relayText(), m_key.keyType, m_key.fingerprint));
    m_fingerprint->show();
    m_advice->setText(
        kind == HostKeyProblem::Kind::Changed || kind == HostKeyProblem::Kind::Revoked
            ? tr("Do not work around this: TiDesk does not offer to trust a changed key. Ask the "
                 "relay's administrator whether its host key was replaced, and compare the new "
                 "fingerprint with one obtained from them before removing the old known_hosts "
                 "entry.")
            : e.message);
    m_advice->show();
    m_trust->hide();
    setFinding(Finding::Refused);
}

void AssistRelayKeyPanel::showFailed(const QString &what, const Error &e)
{
    m_headline->setText(what);
    m_fingerprint->hide();
    m_advice->setText(e.toString());
    m_advice->show();
    m_trust->hide();
    setFinding(Finding::Failed);
}

void AssistRelayKeyPanel::trust()
{
    if (m_finding == Finding::AlreadyKnown) {
        emit trusted();
        return;
    }
    if (m_finding != Finding::Unknown || m_key.key.isEmpty())
        return;
    m_trust->setEnabled(false);
    const quint64 generation = m_generation;
    // Looked up once more right before writing: only a host still unknown gets the key.
    runWatched(
        this, m_pool,
        [path = knownHostsPath(), relay = m_relay, key = m_key]() -> VoidResult {
            const KnownState st = lookUp(path, relay, key);
            if (st.error.isError())
                return st.error;
            if (st.lookup.status == KnownHosts::Status::Match)
                return {};
            if (!isFirstContact(st.lookup))
                return Error::make(ErrorKind::HostKey,
                                   tr("known_hosts changed meanwhile and now holds another key "
                                      "for this relay; nothing was added."));
            return KnownHosts::append(path, relay.host, relay.port, key.keyType, key.key,
                                      relay.hashKnownHosts);
        },
        [this, generation](const VoidResult &r) {
            if (generation != m_generation)
                return;
            if (!r.ok()) {
                m_trust->setEnabled(true);
                showFailed(tr("The relay's key could not be added to known_hosts."), r.error());
                return;
            }
            clear();
            emit trusted();
        });
}

} // namespace TiDesk
