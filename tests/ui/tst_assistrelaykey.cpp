// An expert session's relay whose SSH host key is not in known_hosts (issue 7), against the
// sandbox sshd as relay, offscreen:
//  - the DBA starts a session with an EMPTY known_hosts file: it ends with the host-key error,
//    the page's AssistRelayKeyPanel shows the relay's real fingerprint (the sandbox host key's)
//    and "Trust this relay and retry"; clicked, the key is in that known_hosts file and the
//    session starts again up to its session code;
//  - the same with a known_hosts file holding ANOTHER key for the relay (a changed key): the
//    panel says "changed", offers nothing to trust, and the file is left as it was;
//  - the expert joins a running session with an empty known_hosts file: the workspace shows the
//    fingerprint; trusted, it joins again with the same code and reaches the six digits.
// Saves assist-relay-unknown-key.png, assist-relay-changed-key.png and
// assist-expert-relay-unknown-key.png. FAILS without the sandbox.
#include "KnownHosts.h"
#include "MessageBanner.h"
#include "SandboxEnv.h"
#include "UiTestFixture.h"
#include "dialogs/AssistJoinDialog.h"
#include "dialogs/ConfirmActionDialog.h"
#include "pages/AssistPage.h"
#include "pages/AssistRelayKeyPanel.h"
#include "pages/AssistStartForm.h"
#include "pages/AssistWorkspace.h"
#include "sql/SqlConnection.h"

#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TiDesk;
using TiDesk::Test::SandboxEnv;
using TiDesk::Test::UiTestFixture;

class TestAssistRelayKey : public QObject
{
    Q_OBJECT

    UiTestFixture m_fx;
    SandboxEnv m_sandbox;
    Environment m_dev;
    QTemporaryDir m_tmp;

    // The public key blob of an OpenSSH .pub file ("ssh-ed25519 AAAA... comment").
    static QByteArray pubBlob(const QString &path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        const QList<QByteArray> parts = f.readAll().trimmed().split(' ');
        return parts.size() >= 2 ? QByteArray::fromBase64(parts.at(1)) : QByteArray();
    }

    int sshdPort() const { return m_sandbox.value(u"SSHD_PORT"_s).toInt(); }

    QString emptyKnownHosts(const QString &name)
    {
        const QString path = m_tmp.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        return path;
    }

    void fillForm(AssistPage &page, const QString &knownHosts)
    {
        AssistStartForm *form = page.startForm();
        form->relayEdit()->setText(
            u"%1@127.0.0.1:%2"_s.arg(m_sandbox.value(u"SSH_USER"_s)).arg(sshdPort()));
        form->keyEdit()->setText(m_sandbox.value(u"SSH_USER_KEY"_s));
        form->knownHostsEdit()->setText(knownHosts);
        QVERIFY(form->setShared(u"dev"_s, true));
        QVERIFY(form->startButton()->isEnabled());
    }

    static std::optional<SessionCode> waitForCode(AssistPage &page)
    {
        std::optional<SessionCode> code;
        (void)QTest::qWaitFor(
            [&] {
                const Result<SessionCode> r
                    = SessionCode::parse(page.codeLabel()->text(), QDateTime::currentDateTimeUtc());
                if (r.ok())
                    code = *r;
                return code.has_value();
            },
            20000);
        return code;
    }

    static void endPage(AssistPage &page)
    {
        if (page.session() && page.isSessionRunning()) {
            page.session()->end();
            QTRY_VERIFY_WITH_TIMEOUT(!page.isSessionRunning(), 10000);
        }
    }

private slots:
    void initTestCase()
    {
        SqlConnection::initDriver();
        QCOMPARE(m_fx.init(), QString());
        QVERIFY2(m_sandbox.isValid(), qPrintable(m_sandbox.error()));
        QVERIFY(m_tmp.isValid());
        m_dev = UiTestFixture::makeEnv(u"dev"_s, Tier::Dev, u"127.0.0.1"_s,
                                       m_sandbox.mariadbPort(u"dev"_s), m_sandbox.adminUser());
        m_dev.id = QUuid::createUuid();
        m_dev.tls.mode = TlsMode::Disabled;
        QVERIFY(m_fx.services.secrets->write(m_dev.passwordSecretKey(), m_sandbox.adminPassword())
                    .ok());
    }

    void hostTrustsAnUnknownRelayAndRetries()
    {
        const QString knownHosts = emptyKnownHosts(u"host_known_hosts"_s);
        QVERIFY(!knownHosts.isEmpty());
        const QByteArray hostKey = pubBlob(m_sandbox.value(u"SSH_HOST_KEY_PUB"_s));
        QVERIFY(!hostKey.isEmpty());
        const QString fingerprint = KnownHosts::fingerprint(hostKey);

        AssistPage page(m_fx.services);
        page.resize(1100, 720);
        page.setEnvironments({ m_dev });
        page.show();
        fillForm(page, knownHosts);
        if (QTest::currentTestFailed())
            return;
        AssistRelayKeyPanel *panel = page.relayKeyPanel();
        QVERIFY(panel->isHidden());
        QTest::mouseClick(page.startForm()->startButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(panel->finding(), AssistRelayKeyPanel::Finding::Unknown, 20000);
        QCOMPARE(page.screen(), AssistPage::Screen::Start);
        QVERIFY2(page.banner()->text().contains(u"not trusted"_s),
                 qPrintable(page.banner()->text()));
        QVERIFY(!panel->isHidden());
        QVERIFY2(panel->fingerprintLabel()->text().contains(fingerprint),
                 qPrintable(panel->fingerprintLabel()->text() + u" vs "_s + fingerprint));
        QVERIFY(panel->fingerprintLabel()->text().contains(u"ssh-ed25519"_s));
        QCOMPARE(panel->presentedKey().key, hostKey);
        QVERIFY(panel->adviceLabel()->text().contains(knownHosts));
        QVERIFY(panel->trustButton()->isVisible());
        QCOMPARE(panel->trustButton()->text(), u"Trust this relay and retry"_s);
        // Nothing was written while asking.
        QCOMPARE(QFileInfo(knownHosts).size(), 0);
        QVERIFY(!UiTestFixture::screenshot(&page, u"assist-relay-unknown-key.png"_s).isEmpty());

        QTest::mouseClick(panel->trustButton(), Qt::LeftButton);
        // The key is in known_hosts and the session starts again, up to its code.
        const std::optional<SessionCode> code = waitForCode(page);
        QVERIFY2(code, qPrintable(page.banner()->text()));
        QCOMPARE(page.screen(), AssistPage::Screen::Code);
        QVERIFY(panel->isHidden());
        const Result<KnownHosts> known = KnownHosts::load(knownHosts);
        QVERIFY(known.ok());
        QCOMPARE(known->entries().size(), 1);
        QCOMPARE(known->lookup(u"127.0.0.1"_s, sshdPort(), u"ssh-ed25519"_s, hostKey).status,
                 KnownHosts::Status::Match);
        endPage(page);
    }

    void hostIsNotOfferedToTrustAChangedKey()
    {
        const QString knownHosts = emptyKnownHosts(u"changed_known_hosts"_s);
        QVERIFY(!knownHosts.isEmpty());
        // Another ed25519 key on record for the relay: what a man-in-the-middle looks like.
        const QByteArray other = pubBlob(m_sandbox.value(u"SSH_USER_KEY"_s) + u".pub"_s);
        QVERIFY(!other.isEmpty());
        QVERIFY(KnownHosts::append(knownHosts, u"127.0.0.1"_s, sshdPort(), u"ssh-ed25519"_s, other)
                    .ok());
        QByteArray before;
        {
            QFile f(knownHosts);
            QVERIFY(f.open(QIODevice::ReadOnly));
            before = f.readAll();
        }

        AssistPage page(m_fx.services);
        page.resize(1100, 720);
        page.setEnvironments({ m_dev });
        page.show();
        fillForm(page, knownHosts);
        if (QTest::currentTestFailed())
            return;
        AssistRelayKeyPanel *panel = page.relayKeyPanel();
        QTest::mouseClick(page.startForm()->startButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(panel->finding(), AssistRelayKeyPanel::Finding::Refused, 20000);
        QVERIFY(!panel->isHidden());
        QVERIFY2(panel->headlineLabel()->text().contains(u"changed"_s),
                 qPrintable(panel->headlineLabel()->text()));
        // The key the relay presented, and no way around it.
        const QString fingerprint
            = KnownHosts::fingerprint(pubBlob(m_sandbox.value(u"SSH_HOST_KEY_PUB"_s)));
        QVERIFY2(panel->fingerprintLabel()->text().contains(fingerprint),
                 qPrintable(panel->fingerprintLabel()->text()));
        QVERIFY2(panel->adviceLabel()->text().contains(u"does not offer to trust"_s),
                 qPrintable(panel->adviceLabel()->text()));
        QVERIFY2(page.banner()->text().contains(u"CHANGED"_s), qPrintable(page.banner()->text()));
        QVERIFY(panel->trustButton()->isHidden());
        QVERIFY(!UiTestFixture::screenshot(&page, u"assist-relay-changed-key.png"_s).isEmpty());
        panel->trust(); // even called directly: nothing happens
        QTest::qWait(300);
        QFile f(knownHosts);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
        QVERIFY(!page.isSessionRunning());
    }

    void expertTrustsAnUnknownRelayAndJoinsAgain()
    {
        const QByteArray hostKey = pubBlob(m_sandbox.value(u"SSH_HOST_KEY_PUB"_s));
        const QString fingerprint = KnownHosts::fingerprint(hostKey);
        AssistPage page(m_fx.services);
        page.setEnvironments({ m_dev });
        page.show();
        fillForm(page, m_sandbox.value(u"SSH_KNOWN_HOSTS"_s)); // the host knows the relay
        if (QTest::currentTestFailed())
            return;
        QTest::mouseClick(page.startForm()->startButton(), Qt::LeftButton);
        const std::optional<SessionCode> code = waitForCode(page);
        QVERIFY(code);

        const QString knownHosts = emptyKnownHosts(u"expert_known_hosts"_s);
        AssistJoinDialog dlg;
        dlg.codeEdit()->setText(code->toText());
        dlg.nameEdit()->setText(u"Ada Expert"_s);
        dlg.keyEdit()->setText(m_sandbox.value(u"SSH_USER_KEY"_s));
        dlg.knownHostsEdit()->setText(knownHosts);
        QVERIFY(dlg.canJoin());
        AssistWorkspace ws(dlg.options(), *code);
        ws.show();
        AssistRelayKeyPanel *panel = ws.relayKeyPanel();
        QTRY_COMPARE_WITH_TIMEOUT(panel->finding(), AssistRelayKeyPanel::Finding::Unknown, 20000);
        QCOMPARE(ws.session()->state(), AssistExpertSession::State::Ended);
        QVERIFY(panel->fingerprintLabel()->text().contains(fingerprint));
        QVERIFY(panel->trustButton()->isVisible());
        QVERIFY(
            !UiTestFixture::screenshot(&ws, u"assist-expert-relay-unknown-key.png"_s).isEmpty());
        // The host saw no attempt: the code still allows all of them.
        QCOMPARE(page.session()->attemptsLeft(), 5);

        QTest::mouseClick(panel->trustButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(ws.session()->state(),
                                  AssistExpertSession::State::WaitingForAccept, 20000);
        QVERIFY(panel->isHidden());
        QVERIFY(ws.banner()->isHidden());
        QTRY_COMPARE_WITH_TIMEOUT(page.screen(), AssistPage::Screen::Consent, 10000);
        QCOMPARE(ws.sasLabel()->text(), page.sasLabel()->text());
        const Result<KnownHosts> known = KnownHosts::load(knownHosts);
        QVERIFY(known.ok());
        QCOMPARE(known->lookup(u"127.0.0.1"_s, sshdPort(), u"ssh-ed25519"_s, hostKey).status,
                 KnownHosts::Status::Match);
        QTest::mouseClick(page.refuseButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(ws.session()->state(), AssistExpertSession::State::Ended, 10000);
        endPage(page);
    }
};

QTEST_MAIN(TestAssistRelayKey)
#include "tst_assistrelaykey.moc"
