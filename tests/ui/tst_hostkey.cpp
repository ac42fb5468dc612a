// SSH host keys in the GUI, offscreen and without a network: the HostKeyDialog for one
// HostKeyQuestion (fingerprint shown big, every button's answer, Escape/Enter/close reject, the
// deadline), HostKeyProblem telling the core's refusals apart by their codes (errors made by
// HostKeyCheck::decide itself), the EnvironmentPage showing a changed bastion key as a Critical
// banner without "Retry" and a check through a bastion as "via ssh ...", and MainWindow queueing
// host-key questions from BastionTunnels one dialog at a time. Saves screenshots.
#include "HostKeyCheck.h"
#include "HostKeyProblem.h"
#include "MainWindow.h"
#include "MessageBanner.h"
#include "StatusPill.h"
#include "UiTestFixture.h"
#include "dialogs/HostKeyDialog.h"
#include "health/FleetChecker.h"
#include "inventory/InventoryModel.h"
#include "models/FleetStatusModel.h"
#include "pages/EnvironmentPage.h"
#include "sql/SqlConnection.h"
#include "tunnel/BastionTunnels.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;
using namespace TiDesk;
using TiDesk::Test::UiTestFixture;

namespace {

const QString kBastionHost = u"bastion.prod.internal"_s;
constexpr int kBastionPort = 2222;
const QString kBastion = u"root@bastion.prod.internal:2222"_s;
const QString kVia = u"ssh root@bastion.prod.internal:2222"_s;
const QString kKnownHosts = u"/home/dba/.ssh/known_hosts"_s;

// "SHA256:<base64, no padding>" of an OpenSSH public key line, as ssh-keygen -lf prints it.
QString fingerprintOf(const QByteArray &pubLine)
{
    const QByteArray blob = QByteArray::fromBase64(pubLine.split(' ').value(1));
    return u"SHA256:"_s
        + QString::fromLatin1(QCryptographicHash::hash(blob, QCryptographicHash::Sha256)
                                  .toBase64(QByteArray::OmitTrailingEquals));
}

const QString kFingerprint = fingerprintOf(
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGCOoA19KjrO5EvDpRTeQJUHTOqqAV4r4LO9M88hLQ8Y");

HostKeyQuestion sampleQuestion(quint64 id = 42)
{
    HostKeyQuestion q;
    q.id = id;
    q.bastion = kBastion;
    q.host = kBastionHost;
    q.port = kBastionPort;
    q.keyType = u"ssh-ed25519"_s;
    q.fingerprint = kFingerprint;
    q.knownHostsFile = kKnownHosts;
    q.environments = QStringList { u"prod"_s, u"prod-replica"_s };
    return q;
}

// The refusal exactly as the core words it: HostKeyCheck decides, BastionTunnelsWorker prefixes
// "SSH bastion <bastion>: ".
Error coreHostKeyError(KnownHosts::Status status, HostKeyPolicy policy, const QString &marker = {})
{
    KnownHosts::Lookup lookup;
    lookup.status = status;
    lookup.entry.lineNumber = 7;
    lookup.entry.marker = marker;
    lookup.entry.keyType = u"ssh-ed25519"_s;
    lookup.entry.line
        = u"[bastion.prod.internal]:2222 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICGyZ+X4FEANcFwcs1ozVH1KeOuxQMLOALokrLEyQIYc"_s;
    SshHostKey presented;
    presented.keyType = u"ssh-ed25519"_s;
    presented.fingerprint = kFingerprint;
    const HostKeyCheck::Decision d
        = HostKeyCheck::decide(lookup, policy, kBastionHost, kBastionPort, presented, kKnownHosts);
    Error e = d.error;
    e.message = u"SSH bastion %1: %2"_s.arg(kBastion, e.message);
    return e;
}

// Stands in for checkEnvironment() (pool thread): prod's bastion presents a CHANGED key, uat01
// answers through the same bastion, test01's bastion key is unknown and was refused.
CheckResult fakeCheck(const Environment &env, const QString &)
{
    CheckResult r;
    r.name = env.name;
    const SqlEndpoint ep = env.endpoints.value(0);
    r.endpoint = u"%1:%2"_s.arg(ep.host).arg(ep.port);
    r.viaSsh = env.ssh.enabled;
    r.via = env.ssh.enabled ? kVia : QString();
    if (env.name == u"prod"_s) {
        r.error = coreHostKeyError(KnownHosts::Status::Mismatch, HostKeyPolicy::Ask);
    } else if (env.name == u"test01"_s) {
        r.error = coreHostKeyError(KnownHosts::Status::NotFound, HostKeyPolicy::Strict);
    } else {
        r.reachable = true;
        r.engine = EngineInfo::parse(u"10.11.19-MariaDB-log"_s);
        r.latencyMs = 14;
    }
    return r;
}

Environment behindBastion(const QString &name, Tier tier, const QString &host)
{
    Environment e = UiTestFixture::makeEnv(name, tier, host, 3306, u"dba"_s);
    e.ssh.enabled = true;
    e.ssh.host = kBastionHost;
    e.ssh.port = kBastionPort;
    e.ssh.user = u"root"_s;
    e.ssh.identityFile = u"/home/dba/.ssh/id_ed25519"_s;
    e.ssh.knownHostsFile = kKnownHosts;
    return e;
}

} // namespace

class TestHostKey : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void dialogShowsTheQuestion();
    void dialogAnswers_data();
    void dialogAnswers();
    void dialogDeadlineRejects();
    void dialogInChinese();
    void verifyCommandFollowsKeyType();
    void classifiesCoreRefusals();
    void changedKeyIsUnmistakable();
    void unknownKeyRefusedHeadline();
    void checkThroughBastionSaysVia();
    void mainWindowQueuesQuestions();
    void bastionDownInStatusBar();

private:
    MessageBanner *pageBanner() const
    {
        return m_window->environmentPage()->findChild<MessageBanner *>(u"environmentBanner"_s);
    }
    bool settled() const
    {
        FleetStatusModel *m = m_window->fleetStatusModel();
        for (int r = 0; r < m->rowCount(); ++r) {
            const auto s = FleetStatusModel::CheckStatus(
                m->index(r, 0).data(FleetStatusModel::CheckStatusRole).toInt());
            if (s != FleetStatusModel::CheckStatus::Ok && s != FleetStatusModel::CheckStatus::Error)
                return false;
        }
        return m->rowCount() > 0;
    }

    UiTestFixture m_fx;
    std::unique_ptr<BastionTunnels> m_tunnels;
    std::unique_ptr<MainWindow> m_window;
};

void TestHostKey::initTestCase()
{
    const QString err = m_fx.init();
    QVERIFY2(err.isEmpty(), qPrintable(err));
    SqlConnection::initDriver();

    EnvironmentList envs;
    Environment prod = behindBastion(u"prod"_s, Tier::Prod, u"10.0.9.11"_s);
    prod.tags = QStringList { u"payments"_s };
    envs << prod << behindBastion(u"uat01"_s, Tier::Uat, u"10.0.3.10"_s)
         << behindBastion(u"test01"_s, Tier::Test, u"10.0.2.10"_s);
    const auto saved = m_fx.inventory->saveAll(envs);
    QVERIFY(saved.ok());

    BastionTunnels::Options o;
    o.hostKeyPolicy = HostKeyPolicy::Ask;
    o.sshConfigPath = u"/nonexistent/ssh_config"_s;
    m_tunnels = std::make_unique<BastionTunnels>(o);
    m_fx.services.tunnels = m_tunnels.get();

    m_window = std::make_unique<MainWindow>(m_fx.services);
    m_window->fleetChecker()->setCheckFunction(&fakeCheck); // before the first load ends
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_COMPARE(m_window->environmentCount(), 3);
    QTRY_VERIFY_WITH_TIMEOUT(settled(), 10000);
}

void TestHostKey::cleanupTestCase()
{
    m_window.reset();
    m_tunnels->shutdown();
    m_fx.pool.waitForDone();
    m_tunnels.reset();
}

void TestHostKey::dialogShowsTheQuestion()
{
    HostKeyDialog dlg(sampleQuestion());
    dlg.open();
    QVERIFY(QTest::qWaitForWindowExposed(&dlg));
    QCOMPARE(dlg.windowTitle(), u"Unknown SSH host key"_s);

    auto *fp = dlg.findChild<QLabel *>(u"hostKeyFingerprint"_s);
    QVERIFY(fp);
    QCOMPARE(fp->text(), kFingerprint);
    QVERIFY(fp->textInteractionFlags() & Qt::TextSelectableByMouse);
    QVERIFY(QFontInfo(fp->font()).fixedPitch());
    QVERIFY(fp->font().pointSizeF() >= 1.5 * QApplication::font().pointSizeF());
    QVERIFY(!fp->accessibleName().isEmpty());
    // Nothing else in the dialog is bigger than the fingerprint.
    for (QLabel *l : dlg.findChildren<QLabel *>())
        QVERIFY2(l->font().pointSizeF() <= fp->font().pointSizeF(), qPrintable(l->objectName()));
    // It fits: the whole fingerprint is on screen, not cut off.
    QVERIFY(fp->width() >= fp->fontMetrics().horizontalAdvance(kFingerprint));

    QVERIFY(dlg.findChild<QLabel *>(u"hostKeyBastion"_s)->text().contains(kBastion));
    const QString waiting = dlg.findChild<QLabel *>(u"hostKeyEnvironments"_s)->text();
    QVERIFY2(waiting.contains(u"prod, prod-replica"_s), qPrintable(waiting));
    QCOMPARE(dlg.findChild<QLabel *>(u"hostKeyType"_s)->text(), u"ssh-ed25519"_s);
    QVERIFY(dlg.findChild<QLabel *>(u"hostKeyKnownHosts"_s)->text().contains(kKnownHosts));
    QCOMPARE(dlg.findChild<QLabel *>(u"hostKeyCommand"_s)->text(),
             u"ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub"_s);
    QVERIFY(dlg.findChild<QLabel *>(u"hostKeyAdvice"_s)->text().contains(u"another way"_s));

    auto *reject = dlg.findChild<QPushButton *>(u"hostKeyReject"_s);
    QVERIFY(reject->isDefault());
    QVERIFY(!dlg.findChild<QPushButton *>(u"hostKeyTrustRemember"_s)->isDefault());
    for (const char *name : { "hostKeyTrustRemember", "hostKeyTrustOnce", "hostKeyReject" })
        QVERIFY(
            !dlg.findChild<QPushButton *>(QString::fromLatin1(name))->accessibleName().isEmpty());
    QVERIFY(!UiTestFixture::screenshot(&dlg, u"hostkey-prompt.png"_s).isEmpty());
    dlg.reject();
}

void TestHostKey::dialogAnswers_data()
{
    QTest::addColumn<QString>("how");
    QTest::addColumn<bool>("accept");
    QTest::addColumn<bool>("remember");
    QTest::newRow("trust and remember") << u"hostKeyTrustRemember"_s << true << true;
    QTest::newRow("trust once") << u"hostKeyTrustOnce"_s << true << false;
    QTest::newRow("reject") << u"hostKeyReject"_s << false << false;
    QTest::newRow("escape") << u"escape"_s << false << false;
    QTest::newRow("enter") << u"enter"_s << false << false;
    QTest::newRow("window closed") << u"close"_s << false << false;
}

void TestHostKey::dialogAnswers()
{
    QFETCH(QString, how);
    QFETCH(bool, accept);
    QFETCH(bool, remember);
    auto *dlg = new HostKeyDialog(sampleQuestion(7));
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<HostKeyDialog> guard(dlg);
    QSignalSpy answered(dlg, &HostKeyDialog::answered);
    dlg->open();
    QVERIFY(QTest::qWaitForWindowExposed(dlg));
    if (how == u"escape")
        QTest::keyClick(dlg, Qt::Key_Escape);
    else if (how == u"enter")
        QTest::keyClick(dlg, Qt::Key_Return);
    else if (how == u"close")
        dlg->close();
    else
        QTest::mouseClick(dlg->findChild<QPushButton *>(how), Qt::LeftButton);
    QCOMPARE(answered.size(), 1);
    QCOMPARE(answered.first().at(0).toULongLong(), quint64(7));
    QCOMPARE(answered.first().at(1).toBool(), accept);
    QCOMPARE(answered.first().at(2).toBool(), remember);
    QTRY_VERIFY(guard.isNull()); // closed and deleted; no second answer on the way out
    QCOMPARE(answered.size(), 1);
}

void TestHostKey::dialogDeadlineRejects()
{
    HostKeyDialog dlg(sampleQuestion(9));
    QSignalSpy answered(&dlg, &HostKeyDialog::answered);
    dlg.setDeadline(QDeadlineTimer(50));
    dlg.open();
    QTRY_COMPARE(answered.size(), 1);
    QVERIFY(dlg.hasTimedOut());
    QCOMPARE(answered.first().at(1).toBool(), false);
    QVERIFY(!dlg.isVisible());
}

void TestHostKey::dialogInChinese()
{
    // The zh_CN translation is complete (check_translations); here: it is the one the dialog
    // uses, and the CJK text renders (screenshot) with the fingerprint still whole.
    QTranslator zh;
    QVERIFY(zh.load(u":/i18n/tidesk_zh_CN.qm"_s));
    QCoreApplication::installTranslator(&zh);
    {
        HostKeyDialog dlg(sampleQuestion());
        dlg.open();
        QVERIFY(QTest::qWaitForWindowExposed(&dlg));
        QCOMPARE(dlg.windowTitle(), u"未知的 SSH 主机密钥"_s);
        QCOMPARE(dlg.findChild<QPushButton *>(u"hostKeyReject"_s)->text(), u"拒绝(&R)"_s);
        auto *fp = dlg.findChild<QLabel *>(u"hostKeyFingerprint"_s);
        QCOMPARE(fp->text(), kFingerprint);
        QVERIFY(fp->width() >= fp->fontMetrics().horizontalAdvance(kFingerprint));
        QVERIFY(!UiTestFixture::screenshot(&dlg, u"hostkey-prompt-zh_CN.png"_s).isEmpty());
        dlg.reject();
    }
    QCoreApplication::removeTranslator(&zh);
}

void TestHostKey::verifyCommandFollowsKeyType()
{
    QCOMPARE(HostKeyDialog::verifyCommand(u"ssh-ed25519"_s),
             u"ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub"_s);
    QCOMPARE(HostKeyDialog::verifyCommand(u"ecdsa-sha2-nistp256"_s),
             u"ssh-keygen -lf /etc/ssh/ssh_host_ecdsa_key.pub"_s);
    QCOMPARE(HostKeyDialog::verifyCommand(u"rsa-sha2-512"_s),
             u"ssh-keygen -lf /etc/ssh/ssh_host_rsa_key.pub"_s);
}

void TestHostKey::classifiesCoreRefusals()
{
    using K = HostKeyProblem::Kind;
    const Error changed = coreHostKeyError(KnownHosts::Status::Mismatch, HostKeyPolicy::Ask);
    QVERIFY2(changed.message.contains(u"CHANGED"_s), qPrintable(changed.message));
    QCOMPARE(HostKeyProblem::classify(changed), K::Changed);
    // Prefixes added on the way up ("<SQL error> - <SSH cause>") keep the code.
    Error wrapped = changed;
    wrapped.message = u"Lost connection to server at 127.0.0.1:3306 - "_s + changed.message;
    QCOMPARE(HostKeyProblem::classify(wrapped), K::Changed);
    QCOMPARE(HostKeyProblem::classify(
                 coreHostKeyError(KnownHosts::Status::Mismatch, HostKeyPolicy::Ask, u"@revoked"_s)),
             K::Revoked);
    QCOMPARE(HostKeyProblem::classify(
                 coreHostKeyError(KnownHosts::Status::NotFound, HostKeyPolicy::Strict)),
             K::Refused);
    // SshSession's refusal when the DBA (or the prompt timeout) rejected the key.
    Error rejected = Error::make(ErrorKind::HostKey,
                                 u"The host key of b (ssh-ed25519 SHA256:x) was not accepted."_s);
    rejected.code = HostKeyCheck::RejectedByUser;
    QCOMPARE(HostKeyProblem::classify(rejected), K::Refused);
    QCOMPARE(
        HostKeyProblem::classify(Error::make(ErrorKind::HostKey, u"b presented no host key."_s)),
        K::Other);
    // The code decides, never the (translated) words.
    QCOMPARE(HostKeyProblem::classify(Error::make(ErrorKind::HostKey, changed.message)), K::Other);
    QCOMPARE(HostKeyProblem::classify(Error::make(ErrorKind::Connection, changed.message)),
             K::None);
    QCOMPARE(HostKeyProblem::classify(Error()), K::None);
}

void TestHostKey::changedKeyIsUnmistakable()
{
    QVERIFY(m_window->selectEnvironment(u"prod"_s));
    MessageBanner *banner = pageBanner();
    QTRY_VERIFY(banner->isVisible());
    QCOMPARE(banner->kind(), MessageBanner::Kind::Critical);
    QCOMPARE(banner->text(), u"SSH host key changed \u2014 possible man-in-the-middle"_s);
    // The core's whole explanation, the known_hosts line, and what to do.
    QVERIFY2(banner->detail().contains(u"has CHANGED"_s), qPrintable(banner->detail()));
    QVERIFY(banner->detail().contains(u"man-in-the-middle attack"_s));
    QVERIFY(banner->detail().contains(kFingerprint));
    QVERIFY(banner->detail().contains(u"ssh-keygen -R"_s));
    QVERIFY(banner->detail().contains(u"known_hosts line 7"_s));
    QVERIFY(banner->detail().contains(u"via "_s + kVia));
    QVERIFY(banner->detail().contains(u"Do not work around this"_s));
    // No way past it from the banner: no Retry, no close button.
    QVERIFY(banner->findChild<QPushButton *>(u"messageAction"_s)->isHidden());
    QVERIFY(!banner->isClosable());
    QVERIFY(banner->findChild<QWidget *>(u"messageClose"_s)->isHidden());
    // Headline bigger than the page's normal text; white on the production red.
    auto *headline = banner->findChild<QLabel *>(u"messageText"_s);
    QVERIFY(headline->font().pointSizeF() > 1.2 * QApplication::font().pointSizeF());
    QCOMPARE(headline->palette().color(QPalette::WindowText), QColor(Qt::white));
    const QImage img = banner->grab().toImage();
    QCOMPARE(
        img.pixelColor(QPoint(banner->width() - 6, banner->height() / 2) * img.devicePixelRatio()),
        QColor(u"#c62828"_s));

    auto *pill = m_window->environmentPage()->findChild<StatusPill *>(u"environmentCheckPill"_s);
    QCOMPARE(pill->state(), StatusPill::State::Error);
    QCOMPARE(pill->text(), u"SSH host key CHANGED"_s);
    QVERIFY(!UiTestFixture::screenshot(m_window.get(), u"hostkey-mitm-refused.png"_s).isEmpty());
}

void TestHostKey::unknownKeyRefusedHeadline()
{
    QVERIFY(m_window->selectEnvironment(u"test01"_s));
    MessageBanner *banner = pageBanner();
    QTRY_VERIFY(banner->isVisible());
    QCOMPARE(banner->kind(), MessageBanner::Kind::Critical);
    QCOMPARE(banner->text(), u"Unknown SSH host key refused"_s);
    QVERIFY2(banner->detail().contains(u"checked strictly"_s), qPrintable(banner->detail()));
    QVERIFY(banner->detail().contains(u"ssh-keygen -lf"_s));
    QVERIFY(banner->findChild<QPushButton *>(u"messageAction"_s)->isHidden());
    QVERIFY(banner->isClosable());
    QVERIFY(!UiTestFixture::screenshot(m_window.get(), u"hostkey-unknown-refused.png"_s).isEmpty());
}

void TestHostKey::checkThroughBastionSaysVia()
{
    QVERIFY(m_window->selectEnvironment(u"uat01"_s));
    MessageBanner *banner = pageBanner();
    QTRY_VERIFY(banner->isVisible());
    QCOMPARE(banner->kind(), MessageBanner::Kind::Success);
    QCOMPARE(banner->text(),
             u"MariaDB 10.11.19 answered in 14 ms from 10.0.3.10:3306 via "_s + kVia);
    QVERIFY(banner->isClosable());
    auto *ssh = m_window->environmentPage()->findChild<QLabel *>(u"detailSsh"_s);
    QVERIFY2(ssh->text().contains(u"The last check connected via "_s + kVia),
             qPrintable(ssh->text()));
    // Another environment: the route line belongs to uat01's result only.
    QVERIFY(m_window->selectEnvironment(u"prod"_s));
    QVERIFY(!ssh->text().contains(u"last check"_s));
    // And the critical banner of prod does not leak into a healthy environment's look.
    QVERIFY(m_window->selectEnvironment(u"uat01"_s));
    QTRY_COMPARE(banner->kind(), MessageBanner::Kind::Success);
    QVERIFY(banner->findChild<QWidget *>(u"messageClose"_s)->isVisible());
}

void TestHostKey::mainWindowQueuesQuestions()
{
    QVERIFY(!m_window->hostKeyDialog());
    // As from the SSH thread (the connection is queued either way): two bastions ask at once.
    HostKeyQuestion first = sampleQuestion(101);
    HostKeyQuestion second = sampleQuestion(102);
    second.bastion = u"root@bastion.uat.internal:22"_s;
    second.environments = QStringList { u"uat01"_s };
    emit m_tunnels->hostKeyQuestion(first);
    emit m_tunnels->hostKeyQuestion(second);
    QTRY_VERIFY(m_window->hostKeyDialog());
    QPointer<HostKeyDialog> dlg = m_window->hostKeyDialog();
    QCOMPARE(dlg->question().id, quint64(101));
    QCOMPARE(m_window->queuedHostKeyQuestions(), 1);
    QVERIFY(QTest::qWaitForWindowExposed(dlg));
    QCOMPARE(dlg->windowModality(), Qt::WindowModal); // open(), not exec(): the window stays live
    QTest::mouseClick(dlg->findChild<QPushButton *>(u"hostKeyTrustOnce"_s), Qt::LeftButton);
    QTRY_VERIFY(dlg.isNull());

    // The second question was not lost: its own dialog follows.
    QTRY_VERIFY(m_window->hostKeyDialog());
    dlg = m_window->hostKeyDialog();
    QCOMPARE(dlg->question().id, quint64(102));
    QVERIFY(
        dlg->findChild<QLabel *>(u"hostKeyBastion"_s)->text().contains(u"bastion.uat.internal"_s));
    QCOMPARE(m_window->queuedHostKeyQuestions(), 0);
    QTest::keyClick(dlg, Qt::Key_Escape);
    QTRY_VERIFY(dlg.isNull());
    QTest::qWait(20); // a queued "show next" would run now
    QVERIFY(!m_window->hostKeyDialog());
}

void TestHostKey::bastionDownInStatusBar()
{
    emit m_tunnels->bastionDown(
        kBastion, Error::make(ErrorKind::Connection, u"the SSH session was closed"_s));
    QTRY_VERIFY(m_window->statusBar()->currentMessage().contains(kBastion));
    QCOMPARE(m_window->statusBar()->currentMessage(),
             u"SSH bastion %1 is down: the SSH session was closed"_s.arg(kBastion));
}

QTEST_MAIN(TestHostKey)
#include "tst_hostkey.moc"
