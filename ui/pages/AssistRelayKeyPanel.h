// AssistRelayKeyPanel: what to do when an expert session ended because the relay's SSH host key
// was refused (host keys are checked strictly: a relay not in known_hosts ends the session).
// examine() connects to the relay once more with a short-lived SshSession under policy Ask -
// nothing is stored, no session is opened - to learn what the relay presents, then re-reads
// known_hosts on the pool:
//  - an UNKNOWN key (the host is not in known_hosts at all): the key type and fingerprint, large,
//    how to verify it out of band, and "Trust this relay and retry", which appends exactly that
//    key to the known_hosts file in use (KnownHosts::append, on the pool, after checking again
//    that the host is still unknown) and emits trusted() so the owner starts / joins again;
//  - a CHANGED or revoked key, or a host known with other key types: the refusal in red with
//    HostKeyProblem's advice, and no way to trust it from here;
//  - the key is known by now (someone added it): "Retry";
//  - the relay cannot be reached: the reason.
// Used by the Expert session page (host) and the expert's workspace.
// Threading: GUI thread. The SshSession is a non-blocking QObject of this thread; known_hosts is
// read and written on the given pool (QThreadPool::globalInstance() when none).
#pragma once

#include "HostKeyCheck.h"
#include "SshConnectOptions.h"
#include "common/Error.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QThreadPool;

namespace TiDesk {

class SshSession;

class AssistRelayKeyPanel final : public QWidget
{
    Q_OBJECT
public:
    enum class Finding {
        None, // hidden
        Checking, // asking the relay for its key
        Unknown, // not in known_hosts: may be trusted here
        Refused, // changed / revoked / other key types: never trusted from here
        AlreadyKnown, // known_hosts accepts it now: retry
        Failed, // the relay could not be reached or known_hosts not read
    };
    Q_ENUM(Finding)

    explicit AssistRelayKeyPanel(QThreadPool *pool, QWidget *parent = nullptr);
    ~AssistRelayKeyPanel() override;

    // After a session ended with `reason`: for a host-key refusal, checks the relay (`relay`:
    // the options the session used) and shows what it finds; true then. Anything else hides the
    // panel and returns false.
    bool examine(const Error &reason, const SshConnectOptions &relay);
    void clear();

    [[nodiscard]] Finding finding() const { return m_finding; }
    [[nodiscard]] const SshHostKey &presentedKey() const { return m_key; }
    // The known_hosts file the session used (SshSession's default when the options name none).
    [[nodiscard]] QString knownHostsPath() const;
    [[nodiscard]] QLabel *headlineLabel() const { return m_headline; }
    [[nodiscard]] QLabel *fingerprintLabel() const { return m_fingerprint; }
    [[nodiscard]] QLabel *adviceLabel() const { return m_advice; }
    [[nodiscard]] QPushButton *trustButton() const { return m_trust; }

    // What the button does: appends the presented key (Unknown), or just retries
    // (AlreadyKnown).
    void trust();

signals:
    void findingChanged(TiDesk::AssistRelayKeyPanel::Finding finding);
    // The relay's key is in known_hosts now: start (or join) again.
    void trusted();

private:
    void setFinding(Finding f);
    void onProbeKey();
    void onProbeError(const Error &e);
    void onProbeConnected();
    void dropProbe();
    void showRefused(const Error &e);
    void showFailed(const QString &what, const Error &e);
    [[nodiscard]] QString relayText() const;

    QThreadPool *m_pool = nullptr;
    SshConnectOptions m_relay;
    SshHostKey m_key;
    QPointer<SshSession> m_probe;
    quint64 m_generation = 0; // a later examine()/clear() drops earlier answers
    Finding m_finding = Finding::None;
    QLabel *m_headline = nullptr;
    QLabel *m_fingerprint = nullptr;
    QLabel *m_advice = nullptr;
    QPushButton *m_trust = nullptr;
};

} // namespace TiDesk
