// Integration, end to end: a MainWindow over real services with BastionTunnels (policy Ask)
// checks `prod` behind the sandbox's OpenSSH bastion with an EMPTY known_hosts file. The real
// HostKeyDialog appears with the bastion's real fingerprint; "Trust and remember" lets the check
// through (the page says "via ssh root@127.0.0.1:<port>") and the key lands in known_hosts.
// `prod-mitm`, behind the same bastion but with a known_hosts holding ANOTHER key for it, is
// refused by the real core and shown as the Critical "host key changed" banner, never asked
// about. FAILS when the sandbox is not up (tests/sandbox/sandbox.sh up).
#include "MainWindow.h"
#include "MessageBanner.h"
#include "SandboxBastion.h"
#include "SandboxEnv.h"
#include "StatusPill.h"
#include "UiTestFixture.h"
#include "dialogs/HostKeyDialog.h"
#include "health/FleetChecker.h"
#include "inventory/InventoryModel.h"
#include "models/FleetStatusModel.h"
#include "pages/EnvironmentPage.h"
#include "sql/SqlConnection.h"
#include "tunnel/BastionTunnels.h"

#include <QCryptographicHash>
#include <QFile>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TiDesk;
using TiDesk::Test::SandboxEnv;
using TiDesk::Test::UiTestFixture;

namespace {
QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// "SHA256:<base64, no padding>" of an OpenSSH public key line, as ssh-keygen -lf prints it.
QString fingerprintOf(const QByteArray &pubLine)
{
    const QByteArray blob = QByteArray::fromBase64(pubLine.split(' ').value(1));
    return u"SHA256:"_s
        + QString::fromLatin1(QCryptographicHash::hash(blob, QCryptographicHash::Sha256)
                                  .toBase64(QByteArray::OmitTrailingEquals));
}
} // namespace

class TestHostKeySandbox : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void askTrustAndRemember();
    void changedKeyRefusedAsMitm();

private:
    Environment prodEnv(const QString &name, const QString &knownHosts) const
    {
        return Test::prodBehindBastion(m_sandbox, name, knownHosts);
    }
    FleetStatusModel::CheckStatus status(const QString &name) const
    {
        FleetStatusModel *m = m_window->fleetStatusModel();
        for (int r = 0; r < m->rowCount(); ++r) {
            const QModelIndex idx = m->index(r, 0);
            if (idx.data(InventoryModel::NameRole).toString() == name)
                return FleetStatusModel::CheckStatus(
                    idx.data(FleetStatusModel::CheckStatusRole).toInt());
        }
        return FleetStatusModel::CheckStatus::Unknown;
    }
    QString checkError(const QString &name) const
    {
        FleetStatusModel *m = m_window->fleetStatusModel();
        for (int r = 0; r < m->rowCount(); ++r)
            if (m->index(r, 0).data(InventoryModel::NameRole).toString() == name)
                return m->index(r, 0).data(FleetStatusModel::CheckErrorRole).toString();
        return {};
    }

    UiTestFixture m_fx;
    SandboxEnv m_sandbox;
    QString m_knownHosts;
    QString m_via;
    std::unique_ptr<BastionTunnels> m_tunnels;
    std::unique_ptr<MainWindow> m_window;
};

void TestHostKeySandbox::initTestCase()
{
    QVERIFY2(m_sandbox.isValid(), qPrintable(m_sandbox.error()));
    const QString err = m_fx.init();
    QVERIFY2(err.isEmpty(), qPrintable(err));
    SqlConnection::initDriver();
    QVERIFY(m_sandbox.mariadbPort(u"prod"_s) > 0);
    QVERIFY(m_sandbox.value(u"SSHD_PORT"_s).toInt() > 0);
    m_via = u"ssh root@127.0.0.1:%1"_s.arg(m_sandbox.value(u"SSHD_PORT"_s));

    // An EMPTY known_hosts: the bastion is unknown.
    m_knownHosts = m_fx.dir.filePath(u"known_hosts"_s);
    QFile empty(m_knownHosts);
    QVERIFY(empty.open(QIODevice::WriteOnly | QIODevice::Truncate));
    empty.close();
    // Another one that holds a DIFFERENT ed25519 key for the bastion: what a MITM looks like.
    const QString mitmKnownHosts = m_fx.dir.filePath(u"known_hosts_mitm"_s);
    const QList<QByteArray> other
        = readFile(QStringLiteral(TIDESK_TEST_DATA_DIR "/ssh/other_ed25519.pub")).split(' ');
    QVERIFY(other.size() >= 2);
    QFile mitm(mitmKnownHosts);
    QVERIFY(mitm.open(QIODevice::WriteOnly | QIODevice::Truncate));
    mitm.write("[127.0.0.1]:" + m_sandbox.value(u"SSHD_PORT"_s).toUtf8() + ' ' + other.at(0) + ' '
               + other.at(1).trimmed() + '\n');
    mitm.close();

    const auto saved = m_fx.inventory->saveAll(
        { prodEnv(u"prod"_s, m_knownHosts), prodEnv(u"prod-mitm"_s, mitmKnownHosts) });
    QVERIFY(saved.ok());
    for (const Environment &e : saved.value())
        QVERIFY(m_fx.vault->write(e.passwordSecretKey(), m_sandbox.adminPassword()).ok());

    BastionTunnels::Options o;
    o.hostKeyPolicy = HostKeyPolicy::Ask;
    o.sshConfigPath = u"/nonexistent/ssh_config"_s; // the developer's ~/.ssh/config stays out of it
    m_tunnels = std::make_unique<BastionTunnels>(o);
    m_fx.services.tunnels = m_tunnels.get();

    m_window = std::make_unique<MainWindow>(m_fx.services);
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_COMPARE(m_window->environmentCount(), 2);
}

void TestHostKeySandbox::cleanupTestCase()
{
    m_window.reset();
    if (m_tunnels)
        m_tunnels->shutdown();
    m_fx.pool.waitForDone();
    m_tunnels.reset();
}

void TestHostKeySandbox::askTrustAndRemember()
{
    // Nobody clicked anything: the fleet check reached the bastion, which asked.
    QTRY_VERIFY_WITH_TIMEOUT(m_window->hostKeyDialog(), 20000);
    QPointer<HostKeyDialog> dlg = m_window->hostKeyDialog();
    QVERIFY(QTest::qWaitForWindowExposed(dlg));
    const QByteArray hostPub = readFile(m_sandbox.value(u"SSH_HOST_KEY_PUB"_s));
    QVERIFY(!hostPub.isEmpty());
    QCOMPARE(dlg->question().fingerprint, fingerprintOf(hostPub));
    QCOMPARE(dlg->findChild<QLabel *>(u"hostKeyFingerprint"_s)->text(), fingerprintOf(hostPub));
    QCOMPARE(dlg->findChild<QLabel *>(u"hostKeyType"_s)->text(), u"ssh-ed25519"_s);
    QVERIFY(dlg->question().environments.contains(u"prod"_s));
    QVERIFY(!dlg->question().environments.contains(
        u"prod-mitm"_s)); // a changed key is never asked about
    QVERIFY(dlg->findChild<QLabel *>(u"hostKeyKnownHosts"_s)->text().contains(m_knownHosts));
    QVERIFY(status(u"prod"_s) != FleetStatusModel::CheckStatus::Ok); // it waits for the answer
    QVERIFY(readFile(m_knownHosts).isEmpty());
    QVERIFY(!UiTestFixture::screenshot(dlg, u"hostkey-prompt-sandbox.png"_s).isEmpty());

    QTest::mouseClick(dlg->findChild<QPushButton *>(u"hostKeyTrustRemember"_s), Qt::LeftButton);
    QTRY_VERIFY(dlg.isNull());
    QTRY_VERIFY2_WITH_TIMEOUT(status(u"prod"_s) == FleetStatusModel::CheckStatus::Ok,
                              qPrintable(checkError(u"prod"_s)), 30000);
    QVERIFY(!m_window->hostKeyDialog());
    QCOMPARE(m_window->queuedHostKeyQuestions(), 0);

    // Remembered: known_hosts holds exactly the bastion's key now.
    const QByteArray stored = readFile(m_knownHosts);
    const QList<QByteArray> pub = hostPub.split(' ');
    const QByteArray expected = "[127.0.0.1]:" + m_sandbox.value(u"SSHD_PORT"_s).toUtf8() + ' '
        + pub.at(0) + ' ' + pub.at(1).trimmed();
    QVERIFY2(stored.contains(expected), stored.constData());

    QVERIFY(m_window->selectEnvironment(u"prod"_s));
    auto *banner = m_window->environmentPage()->findChild<MessageBanner *>(u"environmentBanner"_s);
    QTRY_COMPARE(banner->kind(), MessageBanner::Kind::Success);
    QVERIFY2(banner->text().endsWith(u" via "_s + m_via), qPrintable(banner->text()));
    QVERIFY(banner->text().startsWith(u"MariaDB "_s));
    auto *ssh = m_window->environmentPage()->findChild<QLabel *>(u"detailSsh"_s);
    QVERIFY2(ssh->text().contains(u"The last check connected via "_s + m_via),
             qPrintable(ssh->text()));
    QVERIFY(!UiTestFixture::screenshot(m_window.get(), u"hostkey-trusted-sandbox.png"_s).isEmpty());

    // The next check rides the remembered key: no question.
    m_window->action(u"actionTestConnection"_s)->trigger();
    auto *pill = m_window->findChild<StatusPill *>(u"statusLastCheck"_s);
    QTRY_VERIFY_WITH_TIMEOUT(pill->isVisible() && pill->state() == StatusPill::State::Ok, 20000);
    QVERIFY(!m_window->hostKeyDialog());
}

void TestHostKeySandbox::changedKeyRefusedAsMitm()
{
    QTRY_VERIFY_WITH_TIMEOUT(status(u"prod-mitm"_s) == FleetStatusModel::CheckStatus::Error, 30000);
    QVERIFY(m_window->selectEnvironment(u"prod-mitm"_s));
    auto *banner = m_window->environmentPage()->findChild<MessageBanner *>(u"environmentBanner"_s);
    QTRY_VERIFY(banner->isVisible());
    QCOMPARE(banner->kind(), MessageBanner::Kind::Critical);
    QCOMPARE(banner->text(), u"SSH host key changed \u2014 possible man-in-the-middle"_s);
    QVERIFY2(banner->detail().contains(u"has CHANGED"_s), qPrintable(banner->detail()));
    QVERIFY(
        banner->detail().contains(fingerprintOf(readFile(m_sandbox.value(u"SSH_HOST_KEY_PUB"_s)))));
    QVERIFY(banner->findChild<QPushButton *>(u"messageAction"_s)->isHidden()); // no "Retry"
    QVERIFY(!banner->isClosable());
    auto *pill = m_window->environmentPage()->findChild<StatusPill *>(u"environmentCheckPill"_s);
    QCOMPARE(pill->text(), u"SSH host key CHANGED"_s);
    QVERIFY(!m_window->hostKeyDialog());
    QVERIFY(!UiTestFixture::screenshot(m_window.get(), u"hostkey-mitm-sandbox.png"_s).isEmpty());
}

QTEST_MAIN(TestHostKeySandbox)
#include "tst_hostkey_sandbox.moc"
