// UI test of the first run (issue 8): an empty inventory shows the welcome screen; a TiUP topology
// is previewed, named, imported, and the sidebar fills; a malformed file names its line and writes
// nothing; "Add an environment" opens EnvironmentDialog; the sandbox choice is disabled without a
// sandbox and, with a fake sandbox.env + inventory, imports and stores the admin password (also
// through a locked vault: refused, nothing written, then unlocked); the last environment removed
// brings the welcome back. Then the shortcuts: Ctrl+K switcher, Ctrl+PgDown, the shortcuts
// dialog built from the live actions, and every control's accessible name. Saves screenshots.
#include "MainWindow.h"
#include "MessageBanner.h"
#include "Theme.h"
#include "UiTestFixture.h"
#include "dialogs/ConfirmRemoveDialog.h"
#include "dialogs/EnvironmentDialog.h"
#include "dialogs/EnvironmentSwitcher.h"
#include "dialogs/ShortcutsDialog.h"
#include "health/FleetChecker.h"
#include "inventory/LocalSandbox.h"
#include "models/FleetStatusModel.h"
#include "pages/WelcomePage.h"
#include "sql/SqlConnection.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QCommandLinkButton>
#include <QDialog>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QShortcut>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace TiDesk;
using TiDesk::Test::UiTestFixture;

namespace {
QString dataPath(const QString &name)
{
    return QStringLiteral(TIDESK_INVENTORY_DATA_DIR) + u'/' + name;
}

// No network: every environment is "unreachable" at once.
CheckResult fakeCheck(const Environment &env, const QString &)
{
    CheckResult r;
    r.name = env.name;
    r.error = Error::make(ErrorKind::Connection, u"not checked in this test"_s);
    return r;
}

// Controls a screen reader could not name: no accessible name, no text of their own, no buddy.
QStringList unnamedControls(QWidget *root)
{
    QSet<const QWidget *> buddied;
    for (QLabel *l : root->findChildren<QLabel *>())
        if (l->buddy())
            buddied.insert(l->buddy());
    QStringList out;
    auto visible = [root](QWidget *w) {
        return w->isVisibleTo(root);
    };
    auto describe = [](QWidget *w) {
        return u"%1 '%2' in %3"_s.arg(
            QString::fromLatin1(w->metaObject()->className()), w->objectName(),
            w->parentWidget() ? w->parentWidget()->objectName() : QString());
    };
    for (QAbstractButton *b : root->findChildren<QAbstractButton *>()) {
        if (!visible(b) || !b->accessibleName().isEmpty() || buddied.contains(b))
            continue;
        if (!QString(b->text()).remove(u'&').trimmed().isEmpty())
            continue;
        // A QLineEdit's own clear button is part of the line edit.
        if (qobject_cast<QLineEdit *>(b->parentWidget()))
            continue;
        out << describe(b);
    }
    for (QLineEdit *e : root->findChildren<QLineEdit *>()) {
        if (!visible(e) || !e->accessibleName().isEmpty() || buddied.contains(e))
            continue;
        // The editor inside a spin box or combo box is named through its owner.
        if (e->parentWidget()
            && (e->parentWidget()->inherits("QAbstractSpinBox")
                || e->parentWidget()->inherits("QComboBox")))
            continue;
        out << describe(e);
    }
    for (QComboBox *c : root->findChildren<QComboBox *>())
        if (visible(c) && c->accessibleName().isEmpty() && !buddied.contains(c))
            out << describe(c);
    for (QAbstractItemView *v : root->findChildren<QAbstractItemView *>()) {
        if (qobject_cast<QHeaderView *>(v) || !visible(v) || !v->accessibleName().isEmpty()
            || buddied.contains(v))
            continue;
        // A combo box's popup list belongs to the combo box.
        if (v->parentWidget() && v->parentWidget()->inherits("QComboBoxPrivateContainer"))
            continue;
        out << describe(v);
    }
    return out;
}
} // namespace

class TestWelcome : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void emptyInventoryShowsWelcome();
    void malformedFileWritesNothing();
    void addButtonOpensDialog();
    void fakeSandboxImportsAndStoresPasswords();
    void lastRemovedBringsWelcomeBack();
    void importTopologyFillsSidebar();
    void switcherSelectsByTyping();
    void nextPreviousEnvironment();
    void shortcutsDialogListsLiveShortcuts();
    void everyControlHasAName();
    void darkTheme();

private:
    WelcomePage *welcome() const { return m_window->welcomePage(); }
    QCommandLinkButton *choice(const QString &name) const
    {
        return welcome()->findChild<QCommandLinkButton *>(name);
    }
    void setSandboxDir(const QString &dir);

    UiTestFixture m_fx;
    QTemporaryDir m_noSandbox;
    QTemporaryDir m_fakeSandbox;
    std::unique_ptr<MainWindow> m_window;
};

void TestWelcome::setSandboxDir(const QString &dir)
{
    qputenv("TIDESK_SANDBOX_DIR", dir.toUtf8());
    QSignalSpy checked(welcome(), &WelcomePage::sandboxChecked);
    welcome()->refreshSandbox();
    QVERIFY(checked.wait(5000));
}

void TestWelcome::initTestCase()
{
    const QString err = m_fx.init();
    QVERIFY2(err.isEmpty(), qPrintable(err));
    QVERIFY(m_noSandbox.isValid() && m_fakeSandbox.isValid());
    SqlConnection::initDriver();
    // No sandbox here, whatever the developer's shell says.
    qputenv("TIDESK_SANDBOX_DIR", m_noSandbox.path().toUtf8());

    m_window = std::make_unique<MainWindow>(m_fx.services);
    m_window->fleetChecker()->setCheckFunction(&fakeCheck);
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestWelcome::cleanupTestCase()
{
    m_window.reset();
    m_fx.pool.waitForDone();
}

void TestWelcome::emptyInventoryShowsWelcome()
{
    QTRY_VERIFY(m_window->isWelcomeShown());
    QCOMPARE(m_window->environmentCount(), 0);
    QCOMPARE(m_window->currentPage(), MainWindow::Page::Environment);
    for (const QString &name : { u"welcomeImport"_s, u"welcomeAdd"_s, u"welcomeSandbox"_s }) {
        QCommandLinkButton *b = choice(name);
        QVERIFY2(b && b->isVisible(), qPrintable(name));
    }
    // No sandbox.env in the sandbox dir: the choice is there but off, and says how to get one.
    QTRY_VERIFY(!choice(u"welcomeSandbox"_s)->description().startsWith(u"Looking"_s));
    QVERIFY(!welcome()->isSandboxAvailable());
    QVERIFY(!choice(u"welcomeSandbox"_s)->isEnabled());
    QVERIFY(choice(u"welcomeSandbox"_s)->description().contains(u"./run sandbox up"_s));
    QVERIFY(choice(u"welcomeImport"_s)->isEnabled());
    // Other pages stay reachable; the Environment page brings the welcome back.
    m_window->showPage(MainWindow::Page::Activity);
    QVERIFY(!m_window->isWelcomeShown());
    m_window->showPage(MainWindow::Page::Environment);
    QVERIFY(m_window->isWelcomeShown());
    QVERIFY(!UiTestFixture::screenshot(m_window.get(), u"first-run.png"_s).isEmpty());
}

void TestWelcome::malformedFileWritesNothing()
{
    QSignalSpy failed(welcome(), &WelcomePage::importFailed);
    welcome()->importFile(dataPath(u"first-run/broken-topology.yaml"_s));
    QVERIFY(failed.wait(5000));
    MessageBanner *banner = welcome()->banner();
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->kind(), MessageBanner::Kind::Error);
    const QString shown = banner->text() + u' ' + banner->detail();
    QVERIFY2(shown.contains(u"line 6"_s), qPrintable(shown));
    QVERIFY(!welcome()->isPreviewShown());
    QVERIFY(!UiTestFixture::screenshot(m_window.get(), u"first-run-error.png"_s).isEmpty());
    const auto stored = m_fx.inventory->load();
    QVERIFY(stored.ok());
    QCOMPARE(stored->size(), 0);
    QVERIFY(m_window->isWelcomeShown());
    // A file that is not there at all says so too.
    failed.clear();
    welcome()->importFile(dataPath(u"first-run/no-such-file.yaml"_s));
    QVERIFY(failed.wait(5000));
    QCOMPARE(banner->kind(), MessageBanner::Kind::Error);
}

void TestWelcome::addButtonOpensDialog()
{
    QTest::mouseClick(choice(u"welcomeAdd"_s), Qt::LeftButton);
    QPointer<EnvironmentDialog> dlg;
    QTRY_VERIFY((dlg = m_window->findChild<EnvironmentDialog *>()) != nullptr);
    QVERIFY(QTest::qWaitForWindowExposed(dlg.data()));
    dlg->reject();
    QTRY_VERIFY(dlg.isNull()); // WA_DeleteOnClose
    QVERIFY(m_window->isWelcomeShown());
}

void TestWelcome::fakeSandboxImportsAndStoresPasswords()
{
    // What tests/sandbox/sandbox.sh writes, in the shapes it uses (quoted list, plain values),
    // plus a line a shell would run: it must be read as text, never executed.
    QFile env(m_fakeSandbox.filePath(u"sandbox.env"_s));
    QVERIFY(env.open(QIODevice::WriteOnly));
    env.write("# TiDesk sandbox (generated by sandbox.sh up). Secrets inside: mode 600.\n");
    env.write("SANDBOX_DIR=" + m_fakeSandbox.path().toUtf8() + "\n");
    env.write("SANDBOX_ENVS=\"sb-dev sb-prod\"\n");
    env.write("ADMIN_USER=tidesk_admin\nADMIN_PASSWORD='s3cret admin#1'\n");
    env.write("DEMO_TIDB_ENV=sb-tidb\n");
    env.write("$(touch " + m_fakeSandbox.filePath(u"pwned"_s).toUtf8() + ")\n");
    env.write("DEMO_INVENTORY=" + dataPath(u"first-run/sandbox-inventory.json"_s).toUtf8() + "\n");
    env.close();

    setSandboxDir(m_fakeSandbox.path());
    QVERIFY(welcome()->isSandboxAvailable());
    QCommandLinkButton *sandbox = choice(u"welcomeSandbox"_s);
    QVERIFY(sandbox->isEnabled());
    QVERIFY2(sandbox->description().contains(m_fakeSandbox.path()),
             qPrintable(sandbox->description()));

    // Preview: three environments, the passwords for the two the sandbox names.
    QSignalSpy preview(welcome(), &WelcomePage::previewReady);
    QTest::mouseClick(sandbox, Qt::LeftButton);
    QVERIFY(preview.wait(5000));
    QVERIFY(welcome()->isPreviewShown());
    QCOMPARE(welcome()->previewEnvironments().size(), 3);
    auto *list = welcome()->findChild<QTreeWidget *>(u"welcomePreviewList"_s);
    QCOMPARE(list->topLevelItemCount(), 3);
    auto *note = welcome()->findChild<QLabel *>(u"welcomePreviewNote"_s);
    QVERIFY2(note->text().contains(u"sb-dev, sb-prod"_s), qPrintable(note->text()));
    QVERIFY(!note->text().contains(u"s3cret"_s));

    // A locked vault: said so, with the unlock button, and nothing written.
    m_fx.vault->lock();
    QSignalSpy failed(welcome(), &WelcomePage::importFailed);
    QSignalSpy unlock(welcome(), &WelcomePage::unlockRequested);
    auto *confirm = welcome()->findChild<QPushButton *>(u"welcomeConfirm"_s);
    QVERIFY(confirm->isEnabled());
    QTest::mouseClick(confirm, Qt::LeftButton);
    QVERIFY(failed.wait(5000));
    QVERIFY2(welcome()->banner()->text().contains(u"locked"_s),
             qPrintable(welcome()->banner()->text()));
    auto *unlockButton = welcome()->banner()->findChild<QPushButton *>();
    QVERIFY(unlockButton && unlockButton->isVisible());
    QVERIFY(!UiTestFixture::screenshot(m_window.get(), u"first-run-locked.png"_s).isEmpty());
    // The button asks the window to unlock (the window opens UnlockVaultDialog).
    QTest::mouseClick(unlockButton, Qt::LeftButton);
    QCOMPARE(unlock.size(), 1);
    QDialog *unlockDialog = nullptr;
    QTRY_VERIFY((unlockDialog = m_window->findChild<QDialog *>(u"unlockVaultDialog"_s)));
    unlockDialog->reject();
    QCOMPARE(m_fx.inventory->load()->size(), 0);
    QVERIFY(welcome()->isPreviewShown());

    QVERIFY(m_fx.vault->unlockOrCreate(u"ui-test passphrase"_s).ok());
    QSignalSpy imported(welcome(), &WelcomePage::imported);
    QTest::mouseClick(confirm, Qt::LeftButton);
    QVERIFY(imported.wait(5000));
    QTRY_COMPARE(m_window->environmentCount(), 3);
    QTRY_VERIFY(!m_window->isWelcomeShown());
    QVERIFY(m_window->currentEnvironment().has_value());
    QCOMPARE(m_window->currentEnvironment()->name, u"sb-prod"_s); // prod first

    const EnvironmentList saved = *m_fx.inventory->load();
    for (const Environment &e : saved) {
        const Result<QString> pw = m_fx.vault->read(e.passwordSecretKey());
        if (e.name == u"sb-other"_s) {
            QVERIFY2(!pw.ok(), "an environment the sandbox does not name got a password");
        } else {
            QVERIFY2(pw.ok(), qPrintable(e.name));
            QCOMPARE(*pw, u"s3cret admin#1"_s);
        }
    }
    QVERIFY(!QFile::exists(m_fakeSandbox.filePath(u"pwned"_s)));
    // Importing the same file again clashes by name: the store refuses all of it.
    ImportPlan again = *InventoryImport::planFile(dataPath(u"first-run/sandbox-inventory.json"_s));
    QVERIFY(!InventoryImport::apply(*m_fx.inventory, m_fx.vault.get(), again).ok());
    QCOMPARE(m_fx.inventory->load()->size(), 3);
}

void TestWelcome::lastRemovedBringsWelcomeBack()
{
    const EnvironmentList saved = *m_fx.inventory->load();
    for (int i = 1; i < saved.size(); ++i)
        QVERIFY(m_fx.inventory->remove(saved[i].id).ok());
    m_window->reloadInventory();
    QTRY_COMPARE(m_window->environmentCount(), 1);
    QVERIFY(!m_window->isWelcomeShown());
    // The last one goes through the window's own Remove (the production one: typed name).
    QVERIFY(m_window->selectEnvironment(saved[0].name));
    QSignalSpy removed(m_window.get(), &MainWindow::environmentRemoved);
    m_window->removeEnvironment();
    ConfirmRemoveDialog *confirm = nullptr;
    QTRY_VERIFY((confirm = m_window->findChild<ConfirmRemoveDialog *>()) && confirm->isVisible());
    if (auto *typed = confirm->findChild<QLineEdit *>())
        QTest::keyClicks(typed, saved[0].name);
    confirm->accept();
    QVERIFY(removed.wait(5000));
    QVERIFY(removed.first().at(1).toBool());
    QTRY_COMPARE(m_window->environmentCount(), 0);
    QTRY_VERIFY(m_window->isWelcomeShown());
}

void TestWelcome::importTopologyFillsSidebar()
{
    setSandboxDir(m_noSandbox.path());
    // topology.yaml names no cluster: the preview asks for a name before anything is saved.
    QSignalSpy preview(welcome(), &WelcomePage::previewReady);
    welcome()->importFile(dataPath(u"topology.yaml"_s));
    QVERIFY(preview.wait(5000));
    QVERIFY(welcome()->isPreviewShown());
    auto *confirm = welcome()->findChild<QPushButton *>(u"welcomeConfirm"_s);
    auto *name = welcome()->findChild<QLineEdit *>(u"welcomeClusterName"_s);
    auto *tier = welcome()->findChild<QComboBox *>(u"welcomeClusterTier"_s);
    QVERIFY(name->isVisible() && tier->isVisible());
    QVERIFY(!confirm->isEnabled());
    QTest::keyClicks(name, u"shop-prod"_s);
    QVERIFY(confirm->isEnabled());
    QCOMPARE(Tier(tier->currentData().toInt()), Tier::Prod); // guessed from the name
    auto *list = welcome()->findChild<QTreeWidget *>(u"welcomePreviewList"_s);
    QCOMPARE(list->topLevelItem(0)->text(0), u"shop-prod"_s);
    QVERIFY2(list->topLevelItem(0)->text(3).contains(u"10.0.1.4:4000"_s),
             qPrintable(list->topLevelItem(0)->text(3)));
    QVERIFY(!UiTestFixture::screenshot(m_window.get(), u"first-run-preview.png"_s).isEmpty());
    QCOMPARE(m_fx.inventory->load()->size(), 0); // a preview writes nothing

    QSignalSpy imported(welcome(), &WelcomePage::imported);
    QTest::mouseClick(confirm, Qt::LeftButton);
    QVERIFY(imported.wait(5000));
    QTRY_COMPARE(m_window->environmentCount(), 1);
    QTRY_VERIFY(!m_window->isWelcomeShown());
    auto *sidebar = m_window->findChild<QListView *>(u"environmentList"_s);
    QCOMPARE(sidebar->model()->rowCount(), 1);
    QCOMPARE(sidebar->model()->index(0, 0).data().toString(), u"shop-prod"_s);
    QCOMPARE(m_window->currentEnvironment()->name, u"shop-prod"_s);
    QCOMPARE(m_window->currentEnvironment()->tier, Tier::Prod);
    QVERIFY(!welcome()->isPreviewShown()); // ready for the next time the inventory is empty
}

void TestWelcome::switcherSelectsByTyping()
{
    EnvironmentList more;
    more << UiTestFixture::makeEnv(u"shop-uat"_s, Tier::Uat, u"10.0.3.10"_s, 4000)
         << UiTestFixture::makeEnv(u"billing-dev"_s, Tier::Dev, u"10.0.4.10"_s, 3306);
    QVERIFY(m_fx.inventory->saveAll(more).ok());
    m_window->reloadInventory();
    QTRY_COMPARE(m_window->environmentCount(), 3);
    QTRY_VERIFY(!m_window->isReloading());

    // Ctrl+K from inside a text field (which would read it as "delete to the end of the line").
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    auto *sideFilter = m_window->findChild<QLineEdit *>(u"environmentFilter"_s);
    sideFilter->setFocus();
    sideFilter->setText(u"shop"_s);
    sideFilter->setCursorPosition(0);
    QTest::keyClick(sideFilter, Qt::Key_K, Qt::ControlModifier);
    QCOMPARE(sideFilter->text(), u"shop"_s);
    sideFilter->clear();
    EnvironmentSwitcher *sw = nullptr;
    QTRY_VERIFY((sw = m_window->findChild<EnvironmentSwitcher *>()) && sw->isVisible());
    QCOMPARE(sw->list()->model()->rowCount(), 3);
    QTest::keyClicks(sw->filterEdit(), u"uat"_s);
    QCOMPARE(sw->list()->model()->rowCount(), 1);
    QVERIFY(!UiTestFixture::screenshot(sw, u"switcher.png"_s).isEmpty());
    QPointer<EnvironmentSwitcher> guard(sw);
    QTest::keyClick(sw->filterEdit(), Qt::Key_Return);
    QTRY_VERIFY(guard.isNull());
    QCOMPARE(m_window->currentEnvironment()->name, u"shop-uat"_s);

    // Down in the filter line moves through the list; Escape closes without switching.
    m_window->switchEnvironment();
    QTRY_VERIFY((sw = m_window->findChild<EnvironmentSwitcher *>()) && sw->isVisible());
    const QUuid first = sw->currentId();
    QTest::keyClick(sw->filterEdit(), Qt::Key_Down);
    QVERIFY(sw->currentId() != first);
    guard = sw;
    QTest::keyClick(sw->filterEdit(), Qt::Key_Escape);
    QTRY_VERIFY(guard.isNull());
    QCOMPARE(m_window->currentEnvironment()->name, u"shop-uat"_s);
}

void TestWelcome::nextPreviousEnvironment()
{
    // Sidebar order: shop-prod, shop-uat, billing-dev. Works with the focus in the sidebar list.
    QVERIFY(m_window->selectEnvironment(u"shop-prod"_s));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    auto *sidebar = m_window->findChild<QListView *>(u"environmentList"_s);
    sidebar->setFocus();
    QTest::keyClick(sidebar, Qt::Key_PageDown, Qt::ControlModifier);
    QCOMPARE(m_window->currentEnvironment()->name, u"shop-uat"_s);
    QTest::keyClick(sidebar, Qt::Key_PageDown, Qt::ControlModifier);
    QCOMPARE(m_window->currentEnvironment()->name, u"billing-dev"_s);
    QTest::keyClick(sidebar, Qt::Key_PageDown, Qt::ControlModifier); // wraps
    QCOMPARE(m_window->currentEnvironment()->name, u"shop-prod"_s);
    QTest::keyClick(sidebar, Qt::Key_PageUp, Qt::ControlModifier);
    QCOMPARE(m_window->currentEnvironment()->name, u"billing-dev"_s);
}

void TestWelcome::shortcutsDialogListsLiveShortcuts()
{
    // No two window actions share a key (a clash makes both dead).
    QHash<QString, QString> owner;
    for (QAction *a : m_window->findChildren<QAction *>())
        for (const QKeySequence &k : a->shortcuts()) {
            const QString key = k.toString(QKeySequence::PortableText);
            QVERIFY2(
                !owner.contains(key),
                qPrintable(u"%1 is on %2 and %3"_s.arg(key, owner.value(key), a->objectName())));
            owner.insert(key, a->objectName());
        }

    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_F1);
    ShortcutsDialog *dlg = nullptr;
    QTRY_VERIFY((dlg = m_window->findChild<ShortcutsDialog *>()) && dlg->isVisible());
    auto has = [dlg](const QKeySequence &key, const QString &textPart) {
        const QString keyText = key.toString(QKeySequence::NativeText);
        for (const ShortcutsDialog::Entry &e : dlg->entries())
            if (e.keys.split(u", "_s).contains(keyText) && e.text.contains(textPart))
                return true;
        return false;
    };
    QVERIFY(has(QKeySequence(Qt::Key_F5), u"Refresh"_s));
    QVERIFY(has(QKeySequence(Qt::CTRL | Qt::Key_K), u"Switch environment"_s));
    QVERIFY(has(QKeySequence(Qt::CTRL | Qt::Key_PageDown), u"Next environment"_s));
    QVERIFY(has(QKeySequence(Qt::Key_Delete), u"KILL QUERY"_s));
    QVERIFY(has(QKeySequence(Qt::SHIFT | Qt::Key_Delete), u"connection"_s));
    QVERIFY(has(QKeySequence::Find, u"Sessions"_s));
    QVERIFY(has(QKeySequence::Find, u"Fleet"_s));
    QVERIFY(has(QKeySequence::Find, u"Activity"_s));
    QVERIFY(has(QKeySequence(Qt::Key_F1), u"Keyboard shortcuts"_s));
    QVERIFY(has(QKeySequence(Qt::CTRL | Qt::Key_6), u"Sessions"_s));
    // The sidebar's Delete says where it works.
    QVERIFY(has(QKeySequence(Qt::Key_Delete), u"Remove (in Environments)"_s));
    // Groups: the menus, then the pages' own.
    QSet<QString> groups;
    for (const ShortcutsDialog::Entry &e : dlg->entries())
        groups.insert(e.group);
    for (const QString &g : { u"Environment"_s, u"View"_s, u"Help"_s, u"Sessions"_s, u"Search"_s })
        QVERIFY2(groups.contains(g), qPrintable(g));
    // Every page-local shortcut documents itself, or the list would miss it.
    for (QShortcut *s : m_window->findChildren<QShortcut *>())
        QVERIFY2(!s->whatsThis().isEmpty(),
                 qPrintable(s->key().toString() + u" in "_s + s->parent()->objectName()));
    QCOMPARE(dlg->tree()->topLevelItemCount(), groups.size());
    QVERIFY(!UiTestFixture::screenshot(dlg, u"shortcuts.png"_s).isEmpty());
    dlg->close();
}

void TestWelcome::everyControlHasAName()
{
    QStringList missing;
    const auto pages
        = { MainWindow::Page::Environment, MainWindow::Page::Activity, MainWindow::Page::Alerts,
            MainWindow::Page::Cluster,     MainWindow::Page::Fleet,    MainWindow::Page::Sessions,
            MainWindow::Page::SlowQueries, MainWindow::Page::Rules,    MainWindow::Page::Guardrails,
            MainWindow::Page::Backups,     MainWindow::Page::Assist,   MainWindow::Page::Settings };
    for (MainWindow::Page p : pages) {
        m_window->showPage(p);
        QCoreApplication::processEvents();
        for (const QString &m : unnamedControls(m_window.get()))
            if (!missing.contains(m))
                missing << m;
    }
    m_window->showPage(MainWindow::Page::Environment);
    // The welcome page, shown or not, and the two dialogs of this issue.
    welcome()->show();
    for (const QString &m : unnamedControls(welcome()))
        if (!missing.contains(m))
            missing << m;
    EnvironmentSwitcher sw(m_window->fleetStatusModel());
    sw.show();
    missing += unnamedControls(&sw);
    ShortcutsDialog sd(m_window.get());
    sd.show();
    missing += unnamedControls(&sd);
    QVERIFY2(missing.isEmpty(), qPrintable(u"\n"_s + missing.join(u'\n')));
}

void TestWelcome::darkTheme()
{
    // A second, empty inventory: the welcome screen under the dark palette.
    UiTestFixture fx;
    const QString err = fx.init();
    QVERIFY2(err.isEmpty(), qPrintable(err));
    Theme::apply(*qApp, u"dark"_s);
    {
        MainWindow w(fx.services);
        w.fleetChecker()->setCheckFunction(&fakeCheck);
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_VERIFY(w.isWelcomeShown());
        QTRY_VERIFY(!w.welcomePage()
                         ->findChild<QCommandLinkButton *>(u"welcomeSandbox"_s)
                         ->description()
                         .startsWith(u"Looking"_s));
        QVERIFY(!UiTestFixture::screenshot(&w, u"first-run-dark.png"_s).isEmpty());
        w.close();
    }
    // Back to the default look for anything after this.
    Theme::apply(*qApp, u"light"_s);
}

QTEST_MAIN(TestWelcome)
#include "tst_welcome.moc"
