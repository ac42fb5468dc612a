// KeychainStore and SecretStoreFactory as they behave on THIS machine. The sandbox is headless:
// no D-Bus session, no Secret Service, so qtkeychain has no backend. The tests assert that
// honest truth (probe() false, clear errors, "auto" falls back to the vault) rather than faking
// a backend; on a desktop with a keychain the same tests check a real round trip instead.
#include "secrets/KeychainStore.h"
#include "secrets/SecretStoreFactory.h"
#include "secrets/VaultFileStore.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

using namespace Qt::StringLiterals;
using namespace TiDesk;

class TestKeychainStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void probeTellsTheTruth();
    void operationsReportClearErrors();
    void worksFromSeveralWorkerThreads();
    void factoryAutoPicksWhatWorks();
    void factoryExplicitChoices();

private:
    bool m_haveKeychain = false;
    QString m_uniqueKey = u"tidesk-test-%1"_s.arg(QCoreApplication::applicationPid());
};

void TestKeychainStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    KeychainStore store(u"TiDesk-test"_s);
    QElapsedTimer timer;
    timer.start();
    m_haveKeychain = store.probe();
    qInfo("OS keychain %s (probe took %lld ms)", m_haveKeychain ? "available" : "NOT available",
          timer.elapsed());
}

void TestKeychainStore::probeTellsTheTruth()
{
    KeychainStore store(u"TiDesk-test"_s);
    QCOMPARE(store.backendName(), u"keychain"_s);
    QVERIFY(!store.isAvailable()); // nothing known before a probe
    QCOMPARE(store.probe(), m_haveKeychain);
    QCOMPARE(store.isAvailable(), m_haveKeychain);
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")
        && qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        QVERIFY2(!m_haveKeychain, "a headless machine should have no keychain backend");
}

void TestKeychainStore::operationsReportClearErrors()
{
    KeychainStore store(u"TiDesk-test"_s);
    (void)store.probe();
    if (m_haveKeychain) {
        QVERIFY(store.write(m_uniqueKey, u"secret value"_s).ok());
        QCOMPARE(store.read(m_uniqueKey).value(), u"secret value"_s);
        QVERIFY(store.remove(m_uniqueKey).ok());
        QCOMPARE(store.read(m_uniqueKey).error().kind, ErrorKind::NotFound);
        QVERIFY(store.remove(m_uniqueKey).ok()); // missing key: not an error
        return;
    }
    const VoidResult written = store.write(m_uniqueKey, u"secret value"_s);
    QVERIFY(!written.ok());
    qInfo() << "write without a keychain:" << written.error().toString();
    QCOMPARE(written.error().kind, ErrorKind::Unsupported);
    QVERIFY(written.error().message.contains(u"keychain"_s));
    QVERIFY(written.error().message.contains(u"not available"_s));
    QVERIFY(!written.error().detail.isEmpty()); // qtkeychain's own reason
    QVERIFY(!written.error().toString().contains(u"secret value"_s));

    const auto read = store.read(m_uniqueKey);
    QVERIFY(!read.ok());
    QVERIFY(read.error().kind == ErrorKind::Unsupported
            || read.error().kind == ErrorKind::NotFound);
    const VoidResult removed = store.remove(m_uniqueKey); // must return promptly, not hang
    QVERIFY(removed.ok() || removed.error().kind != ErrorKind::Timeout);
}

void TestKeychainStore::worksFromSeveralWorkerThreads()
{
    // qtkeychain's job queue is process-global; calls from different pool threads, and a pool
    // thread that has since exited, must neither hang nor crash.
    KeychainStore store(u"TiDesk-test"_s);
    QThreadPool pool;
    pool.setMaxThreadCount(3);
    pool.setExpiryTimeout(10);
    for (int round = 0; round < 2; ++round) {
        QList<QFuture<bool>> futures;
        for (int i = 0; i < 6; ++i) {
            futures << QtConcurrent::run(&pool, [&store, i, this] {
                const QString key = m_uniqueKey + u"-thread-%1"_s.arg(i);
                const VoidResult w = store.write(key, u"v%1"_s.arg(i));
                if (w.ok())
                    return store.read(key).valueOr({}) == u"v%1"_s.arg(i) && store.remove(key).ok();
                return w.error().kind != ErrorKind::Timeout;
            });
        }
        for (QFuture<bool> &f : futures)
            QVERIFY(f.result());
        QTest::qWait(50); // let the pool threads expire between rounds
    }
}

void TestKeychainStore::factoryAutoPicksWhatWorks()
{
    QTemporaryDir dir;
    const QString vaultPath = dir.filePath(u"secrets.vault"_s);
    auto selection = SecretStoreFactory::select(u"auto"_s, vaultPath);
    QVERIFY(selection.ok());
    qInfo() << selection->status;
    if (m_haveKeychain) {
        QCOMPARE(selection->backend, u"keychain"_s);
        QCOMPARE(selection->status, u"Secrets: OS keychain"_s);
        QVERIFY(!selection->vault);
        return;
    }
    QCOMPARE(selection->backend, u"vault"_s);
    QVERIFY(selection->vault);
    QCOMPARE(selection->store.get(), static_cast<CredentialStore *>(selection->vault));
    QCOMPARE(selection->vault->path(), vaultPath);
    QCOMPARE(selection->status,
             u"Secrets: encrypted vault at %1 (no OS keychain on this machine)"_s.arg(vaultPath));
    QVERIFY(!selection->store->isAvailable()); // locked until the passphrase is given
}

void TestKeychainStore::factoryExplicitChoices()
{
    QTemporaryDir dir;
    const QString vaultPath = dir.filePath(u"secrets.vault"_s);
    VaultKdfParams fast;
    fast.n = 1024;
    auto vault = SecretStoreFactory::select(u"vault"_s, vaultPath, fast);
    QVERIFY(vault.ok());
    QCOMPARE(vault->backend, u"vault"_s);
    QCOMPARE(vault->status, u"Secrets: encrypted vault at %1"_s.arg(vaultPath));
    QVERIFY(vault->vault->create(u"passphrase"_s).ok());
    QVERIFY(vault->store->write(u"k"_s, u"v"_s).ok());
    QCOMPARE(vault->store->read(u"k"_s).value(), u"v"_s);

    const auto bogus = SecretStoreFactory::select(u"registry"_s, vaultPath);
    QVERIFY(!bogus.ok());
    QCOMPARE(bogus.error().kind, ErrorKind::InvalidInput);

    const auto keychain = SecretStoreFactory::select(u"keychain"_s, vaultPath);
    if (m_haveKeychain) {
        QVERIFY(keychain.ok());
        QCOMPARE(keychain->backend, u"keychain"_s);
    } else {
        QVERIFY(!keychain.ok());
        QCOMPARE(keychain.error().kind, ErrorKind::Unsupported);
    }
}

QTEST_GUILESS_MAIN(TestKeychainStore)
#include "tst_keychainstore.moc"
