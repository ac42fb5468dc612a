// Dialogs and widgets on their own: UnlockVaultDialog (create, wrong passphrase, retry),
// EndpointListEditor parsing, EnvironmentDialog validation and destruction mid-check,
// TierBadge / StatusPill / MessageBanner basics.
#include "MessageBanner.h"
#include "StatusPill.h"
#include "TierBadge.h"
#include "UiTestFixture.h"
#include "dialogs/EndpointListEditor.h"
#include "dialogs/EnvironmentDialog.h"
#include "dialogs/UnlockVaultDialog.h"
#include "sql/SqlConnection.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TiDesk;
using TiDesk::Test::UiTestFixture;

class TestDialogs : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void endpointParsing_data();
    void endpointParsing();
    void unlockVaultCreateThenWrongThenRight();
    void environmentDialogDestroyedMidCheck();
    void widgets();

private:
    UiTestFixture m_fx;
};

void TestDialogs::initTestCase()
{
    const QString err = m_fx.init();
    QVERIFY2(err.isEmpty(), qPrintable(err));
    SqlConnection::initDriver();
}

void TestDialogs::endpointParsing_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("one") << u"db1:3306"_s << true << QStringList { u"db1:3306"_s };
    QTest::newRow("several") << u"10.0.0.1:4000, 10.0.0.2:4001"_s << true
                             << QStringList { u"10.0.0.1:4000"_s, u"10.0.0.2:4001"_s };
    QTest::newRow("default port") << u"tidb-lb"_s << true << QStringList { u"tidb-lb:4000"_s };
    QTest::newRow("ipv6") << u"[::1]:3307"_s << true << QStringList { u"::1:3307"_s };
    QTest::newRow("bad port") << u"db1:99999"_s << false << QStringList {};
    QTest::newRow("no port digits") << u"db1:abc"_s << false << QStringList {};
    QTest::newRow("empty") << QString() << true << QStringList {};
}

void TestDialogs::endpointParsing()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(QStringList, expected);
    const auto r = EndpointListEditor::parse(text, 4000);
    QCOMPARE(r.ok(), ok);
    if (!ok) {
        QVERIFY(r.error().message.startsWith(u"endpoints:"_s));
        return;
    }
    QStringList got;
    for (const SqlEndpoint &ep : r.value())
        got << u"%1:%2"_s.arg(ep.host).arg(ep.port);
    QCOMPARE(got, expected);
}

void TestDialogs::unlockVaultCreateThenWrongThenRight()
{
    VaultKdfParams kdf;
    kdf.n = quint64(1) << 10;
    const QString path = m_fx.dir.filePath(u"other.vault"_s);
    {
        VaultFileStore vault(path, kdf);
        UnlockVaultDialog dlg(&vault, &m_fx.pool);
        QVERIFY(dlg.isCreating());
        dlg.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dlg));
        auto *ok = dlg.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QTest::keyClicks(dlg.findChild<QLineEdit *>(u"vaultPassphrase"_s), u"long enough phrase"_s);
        QVERIFY(!ok->isEnabled()); // not repeated yet
        QTest::keyClicks(dlg.findChild<QLineEdit *>(u"vaultPassphraseConfirm"_s),
                         u"long enough phrase"_s);
        QVERIFY(ok->isEnabled());
        QVERIFY(!UiTestFixture::screenshot(&dlg, u"unlock-vault-create.png"_s).isEmpty());
        QSignalSpy unlocked(&dlg, &UnlockVaultDialog::unlocked);
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_COMPARE(unlocked.size(), 1);
        QCOMPARE(dlg.result(), int(QDialog::Accepted));
        QVERIFY(vault.isUnlocked());
        QVERIFY(vault.write(u"k"_s, u"v"_s).ok());
    }
    VaultFileStore vault(path, kdf);
    UnlockVaultDialog dlg(&vault, &m_fx.pool);
    QVERIFY(!dlg.isCreating());
    QVERIFY(dlg.findChild<QLineEdit *>(u"vaultPassphraseConfirm"_s)->isHidden());
    dlg.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dlg));
    auto *ok = dlg.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    auto *pass = dlg.findChild<QLineEdit *>(u"vaultPassphrase"_s);
    QTest::keyClicks(pass, u"wrong phrase"_s);
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_VERIFY(!dlg.isBusy() && !dlg.errorText().isEmpty());
    QVERIFY2(dlg.errorText().contains(u"Wrong passphrase"_s), qPrintable(dlg.errorText()));
    QVERIFY(dlg.isVisible()); // the user can retry
    QVERIFY(!vault.isUnlocked());
    QVERIFY(!UiTestFixture::screenshot(&dlg, u"unlock-vault-wrong.png"_s).isEmpty());
    pass->clear();
    QTest::keyClicks(pass, u"long enough phrase"_s);
    QSignalSpy unlocked(&dlg, &UnlockVaultDialog::unlocked);
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_COMPARE(unlocked.size(), 1);
    QCOMPARE(vault.read(u"k"_s).value(), u"v"_s);
}

void TestDialogs::environmentDialogDestroyedMidCheck()
{
    Environment env = UiTestFixture::makeEnv(u"slow"_s, Tier::Dev, u"10.255.255.1"_s, 3306);
    env.id = QUuid::createUuid();
    env.connectTimeoutMs = 1500;
    auto *dlg = new EnvironmentDialog(m_fx.services, EnvironmentDialog::Mode::Edit, env);
    dlg->show();
    QVERIFY(QTest::qWaitForWindowExposed(dlg));
    QTest::mouseClick(dlg->findChild<QPushButton *>(u"envTestConnection"_s), Qt::LeftButton);
    QVERIFY(dlg->isChecking());
    delete dlg; // mid-check
    m_fx.pool.waitForDone(); // the check ends with nobody listening
    QTest::qWait(50);
}

void TestDialogs::widgets()
{
    TierBadge badge(u"PROD"_s, QColor(u"#c62828"_s));
    QVERIFY(badge.sizeHint().width() > badge.fontMetrics().horizontalAdvance(u"PROD"_s));
    QCOMPARE(TierBadge::textColorFor(QColor(u"#c62828"_s)), QColor(Qt::white));
    QCOMPARE(TierBadge::textColorFor(QColor(u"#fff59d"_s)), QColor(Qt::black));
    const QImage img = badge.grab().toImage();
    QCOMPARE(img.pixelColor(img.width() / 2, 2), QColor(u"#c62828"_s));

    StatusPill pill;
    pill.setStatus(StatusPill::State::Error, u"prod: connection failed"_s);
    QCOMPARE(pill.state(), StatusPill::State::Error);
    QVERIFY(pill.sizeHint().width() > pill.fontMetrics().horizontalAdvance(pill.text()));

    MessageBanner banner;
    QVERIFY(banner.isHidden());
    QSignalSpy action(&banner, &MessageBanner::actionTriggered);
    QSignalSpy closed(&banner, &MessageBanner::closed);
    banner.showMessage(MessageBanner::Kind::Error, u"Cannot connect"_s, u"detail"_s, u"Retry"_s);
    banner.resize(500, banner.sizeHint().height());
    banner.show();
    QVERIFY(QTest::qWaitForWindowExposed(&banner));
    QCOMPARE(banner.text(), u"Cannot connect"_s);
    QTest::mouseClick(banner.findChild<QPushButton *>(u"messageAction"_s), Qt::LeftButton);
    QCOMPARE(action.size(), 1);
    QTest::mouseClick(banner.findChild<QWidget *>(u"messageClose"_s), Qt::LeftButton);
    QCOMPARE(closed.size(), 1);
    QVERIFY(banner.isHidden());
}

QTEST_MAIN(TestDialogs)
#include "tst_dialogs.moc"
