// Integration (sandbox): a tour of every page of the main window over the sandbox's demo inventory
// (four MariaDB environments and the TiDB-shaped one), once in English and once in Chinese.
// Each page is saved as guide-<lang>-<page>.png: these are the user guide's screenshots
// (docs/user-guide.md, docs/user-guide.zh_CN.md). In Chinese every visible text of every page
// (labels, buttons, group boxes, tabs, column headers, placeholders, menus, toolbar, window title)
// is checked: an English text that reached the screen untranslated fails the test, naming it.
// That catches strings check_translations cannot see (not wrapped in tr(), or translated in the
// wrong context). FAILS when the sandbox is not up.
#include "AppContext.h"
#include "MainWindow.h"
#include "SandboxEnv.h"
#include "Theme.h"
#include "UiTestFixture.h"
#include "inventory/InventoryImporter.h"
#include "inventory/InventoryStore.h"
#include "secrets/CredentialStore.h"
#include "secrets/VaultFileStore.h"
#include "sql/SqlConnection.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QTimer>
#include <QToolBar>
#include <QTranslator>

using namespace Qt::StringLiterals;
using namespace TiDesk;
using TiDesk::Test::SandboxEnv;
using TiDesk::Test::UiTestFixture;

namespace {

struct Stop
{
    MainWindow::Page page;
    QString name; // file name part
    QString environment; // selected before the page is shown ("" = keep)
    // Dialogs opened from this page: the objectName of the QAction or button that opens it, and
    // the file name part of its screenshot.
    QList<QPair<QString, QString>> dialogs = {};
};

bool hasCjk(const QString &s)
{
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        if ((u >= 0x4e00 && u <= 0x9fff) || (u >= 0x3000 && u <= 0x303f)
            || (u >= 0xff00 && u <= 0xffef))
            return true;
    }
    return false;
}

QString plain(const QString &text)
{
    if (!Qt::mightBeRichText(text))
        return text;
    QTextDocument doc;
    doc.setHtml(text);
    return doc.toPlainText();
}

} // namespace

class TestTour : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void english();
    void chinese();
    void cleanupTestCase();

private:
    void installLanguage(const QString &language);
    void removeLanguage();
    void tour(const QString &language, QStringList *untranslated);
    void darkShot(const QString &language);
    void firstRun(const QString &language, QStringList *untranslated);
    void collectTexts(QWidget *root, const QString &page, QStringList *out);
    void openDialog(MainWindow *window, const QString &trigger, const QString &file,
                    QStringList *untranslated);
    bool isAllowedEnglish(const QString &text) const;

    QTemporaryDir m_home;
    std::unique_ptr<AppContext> m_context;
    SandboxEnv m_sandbox;
    QStringList m_envNames;
    QList<QTranslator *> m_translators;
    QList<Stop> m_stops;
    int m_textsSeen = 0; // non-empty visible texts checked
    int m_textsChinese = 0; // of which contain Chinese
};

void TestTour::initTestCase()
{
    QVERIFY2(m_sandbox.isValid(), qPrintable(m_sandbox.error()));
    QVERIFY(m_home.isValid());
    QStandardPaths::setTestModeEnabled(true);
    qputenv("TIDESK_HOME", m_home.path().toUtf8());
    SqlConnection::initDriver();
    // What `./run demo` does: the TiDB-shaped environment reads TiDB's cluster tables from the
    // fixture schema; the composition root is the app's own (bastion tunnels, audit, vault).
    qputenv("TIDESK_TIDB_CATALOG_SCHEMA", m_sandbox.value(u"TIDB_CATALOG_SCHEMA"_s).toUtf8());
    m_context = std::make_unique<AppContext>(
        AppContext::Options { {}, {}, u"vault"_s, HostKeyPolicy::Ask });
    const VoidResult opened = m_context->open();
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().toString()));
    QVERIFY(m_context->vault());
    QVERIFY(m_context->vault()->unlockOrCreate(u"tour passphrase"_s).ok());

    // The sandbox's inventory file, as the demo imports it, with the admin password stored.
    const auto envs = InventoryImporter::importFile(m_sandbox.value(u"DEMO_INVENTORY"_s));
    QVERIFY2(envs.ok(), qPrintable(envs.ok() ? QString() : envs.error().toString()));
    const auto saved = m_context->services().inventory->saveAll(envs.value());
    QVERIFY(saved.ok());
    for (const Environment &e : saved.value()) {
        QVERIFY(m_context->services()
                    .secrets->write(e.passwordSecretKey(), m_sandbox.adminPassword())
                    .ok());
        m_envNames << e.name;
    }
    const QString tidb = m_sandbox.value(u"DEMO_TIDB_ENV"_s);
    QVERIFY2(m_envNames.contains(tidb), qPrintable(m_envNames.join(u' ')));
    QVERIFY(m_envNames.contains(u"prod"_s));
    QVERIFY(m_envNames.contains(u"dev"_s));

    m_stops = {
        { MainWindow::Page::Environment,
          u"environment"_s,
          u"prod"_s,
          { { u"actionAddEnvironment"_s, u"dialog-environment"_s },
            { u"actionJoinAssist"_s, u"dialog-join-expert"_s },
            { u"actionAssistLogs"_s, u"dialog-session-logs"_s },
            { u"actionShortcuts"_s, u"shortcuts"_s },
            { u"actionSwitchEnvironment"_s, u"switcher"_s } } },
        { MainWindow::Page::Fleet, u"fleet"_s, u"prod"_s },
        { MainWindow::Page::Alerts, u"alerts"_s, {} },
        { MainWindow::Page::Cluster, u"cluster"_s, tidb },
        { MainWindow::Page::Sessions, u"sessions"_s, u"dev"_s },
        { MainWindow::Page::SlowQueries, u"slow"_s, tidb },
        { MainWindow::Page::Rules, u"rules"_s, {}, { { u"rulesAdd"_s, u"dialog-rule"_s } } },
        { MainWindow::Page::Guardrails, u"guardrails"_s, u"prod"_s },
        { MainWindow::Page::Backups,
          u"backups"_s,
          u"dev"_s,
          { { u"backupsStart"_s, u"dialog-start-backup"_s } } },
        { MainWindow::Page::Assist, u"assist"_s, {} },
        { MainWindow::Page::Activity, u"activity"_s, {} },
        { MainWindow::Page::Settings, u"settings"_s, {} },
    };
}

void TestTour::installLanguage(const QString &language)
{
    const QLocale locale(language);
    QLocale::setDefault(locale);
    auto *qt = new QTranslator(this);
    if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        m_translators << qt;
    } else {
        delete qt;
    }
    if (language == u"en")
        return;
    auto *own = new QTranslator(this);
    QVERIFY2(own->load(locale, u"tidesk"_s, u"_"_s, u":/i18n"_s), qPrintable(language));
    QCoreApplication::installTranslator(own);
    m_translators << own;
}

void TestTour::removeLanguage()
{
    for (QTranslator *t : std::as_const(m_translators)) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
    m_translators.clear();
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestTour::tour(const QString &language, QStringList *untranslated)
{
    MainWindow window(m_context->services());
    window.resize(1440, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_COMPARE_WITH_TIMEOUT(window.environmentCount(), int(m_envNames.size()), 15000);

    for (const Stop &stop : std::as_const(m_stops)) {
        if (!stop.environment.isEmpty())
            QVERIFY2(window.selectEnvironment(stop.environment), qPrintable(stop.environment));
        window.showPage(stop.page);
        QCOMPARE(window.currentPage(), stop.page);
        // Let the page read its servers (sessions every 2 s, charts, the fleet check): a guide
        // screenshot of an empty page would show nothing. No assertion is timed.
        QTest::qWait(stop.page == MainWindow::Page::Fleet || stop.page == MainWindow::Page::Cluster
                         ? 5000
                         : 3000);
        const QString file = u"guide-%1-%2.png"_s.arg(language, stop.name);
        QVERIFY2(!UiTestFixture::screenshot(&window, file).isEmpty(), qPrintable(file));
        if (untranslated)
            collectTexts(&window, stop.name, untranslated);
        for (const auto &[trigger, name] : stop.dialogs)
            openDialog(&window, trigger, u"guide-%1-%2.png"_s.arg(language, name), untranslated);
    }
}

// A first start: an empty inventory of its own (the sandbox is up, so all three ways in are
// offered).
void TestTour::firstRun(const QString &language, QStringList *untranslated)
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    AppContext context(AppContext::Options { home.filePath(u"inventory.sqlite"_s),
                                             home.filePath(u"secrets.vault"_s), u"vault"_s,
                                             HostKeyPolicy::Ask });
    QVERIFY(context.open().ok());
    QVERIFY(context.vault()->unlockOrCreate(u"first-run passphrase"_s).ok());
    {
        MainWindow window(context.services());
        window.resize(1440, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *welcome = window.findChild<QWidget *>(u"welcomePage"_s);
        QVERIFY(welcome);
        QTRY_VERIFY_WITH_TIMEOUT(welcome->isVisible(), 10000);
        QCOMPARE(window.environmentCount(), 0);
        QTest::qWait(500);
        if (untranslated)
            collectTexts(&window, u"first-run"_s, untranslated);
        QVERIFY(!UiTestFixture::screenshot(&window, u"guide-%1-first-run.png"_s.arg(language))
                     .isEmpty());
    }
    context.services().pool->waitForDone();
}

// The fleet with production selected in the dark theme (a fresh window, as after a restart).
void TestTour::darkShot(const QString &language)
{
    Theme::apply(*qApp, u"dark"_s);
    {
        MainWindow window(m_context->services());
        window.resize(1440, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE_WITH_TIMEOUT(window.environmentCount(), int(m_envNames.size()), 15000);
        QVERIFY(window.selectEnvironment(u"prod"_s));
        window.showPage(MainWindow::Page::Fleet);
        QVERIFY(window.palette().color(QPalette::Window).lightness() < 100);
        QTest::qWait(4000);
        QVERIFY(
            !UiTestFixture::screenshot(&window, u"guide-%1-dark.png"_s.arg(language)).isEmpty());
    }
    Theme::apply(*qApp, u"light"_s);
}

// Clicks the button (or triggers the action) named trigger, then, from a timer (so a dialog run
// with exec() is handled too), checks the dialog that opened, saves its screenshot and closes it.
void TestTour::openDialog(MainWindow *window, const QString &trigger, const QString &file,
                          QStringList *untranslated)
{
    auto *button = window->findChild<QAbstractButton *>(trigger);
    auto *action = window->findChild<QAction *>(trigger);
    QVERIFY2(button || action, qPrintable(trigger));
    QVERIFY2(button ? button->isEnabled() : action->isEnabled(), qPrintable(trigger));
    bool inspected = false;
    QString problem;
    QTimer::singleShot(1500, window, [&] {
        QDialog *dialog = nullptr;
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *d = qobject_cast<QDialog *>(w); d && d->isVisible())
                dialog = d;
        }
        if (!dialog) {
            problem = u"no dialog opened from "_s + trigger;
        } else {
            if (untranslated)
                collectTexts(dialog, file, untranslated);
            if (UiTestFixture::screenshot(dialog, file).isEmpty())
                problem = u"cannot save "_s + file;
            dialog->reject();
        }
        inspected = true;
    });
    if (button)
        button->click();
    else
        action->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(inspected, 10000);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QTest::qWait(200); // the rejected dialog goes away (WA_DeleteOnClose ones are deleted)
}

// Every visible text a DBA reads on the window now, as "page: kind: text" for the ones that are
// English (no CJK character, and words that are not product names, identifiers or data).
void TestTour::collectTexts(QWidget *root, const QString &page, QStringList *out)
{
    auto check = [&](const QString &kind, const QString &raw) {
        const QString text = plain(raw).remove(u'&').simplified();
        // The environment page's detail values are the inventory's data (database, URLs, tags,
        // notes), shown as entered.
        if (kind.startsWith(u"label detail") || text.isEmpty())
            return;
        ++m_textsSeen;
        if (hasCjk(text)) {
            ++m_textsChinese;
            return;
        }
        if (isAllowedEnglish(text))
            return;
        const QString entry = u"%1: %2: %3"_s.arg(page, kind, text.left(100));
        if (!out->contains(entry))
            out->append(entry);
    };
    check(u"window title"_s, root->windowTitle());
    const QList<QWidget *> widgets = root->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (!w->isVisibleTo(root))
            continue;
        if (auto *l = qobject_cast<QLabel *>(w))
            check(u"label "_s + l->objectName(), l->text());
        else if (auto *b = qobject_cast<QAbstractButton *>(w))
            check(u"button "_s + b->objectName(), b->text());
        else if (auto *g = qobject_cast<QGroupBox *>(w))
            check(u"group "_s + g->objectName(), g->title());
        else if (auto *e = qobject_cast<QLineEdit *>(w))
            check(u"placeholder "_s + e->objectName(), e->placeholderText());
        else if (auto *p = qobject_cast<QPlainTextEdit *>(w))
            check(u"placeholder "_s + p->objectName(), p->placeholderText());
        else if (auto *t = qobject_cast<QTabBar *>(w)) {
            for (int i = 0; i < t->count(); ++i)
                check(u"tab"_s, t->tabText(i));
        } else if (auto *c = qobject_cast<QComboBox *>(w)) {
            check(u"combo "_s + c->objectName(), c->currentText());
        }
        if (auto *v = qobject_cast<QAbstractItemView *>(w); v && v->model()) {
            auto *header = w->findChild<QHeaderView *>();
            if (header && header->orientation() == Qt::Horizontal && header->isVisible()) {
                for (int col = 0; col < v->model()->columnCount(); ++col)
                    check(u"column "_s + v->objectName(),
                          v->model()->headerData(col, Qt::Horizontal).toString());
            }
        }
        if (w->accessibleName().size() > 0)
            check(u"accessible name "_s + w->objectName(), w->accessibleName());
        if (!w->toolTip().isEmpty())
            check(u"tooltip "_s + w->objectName(), w->toolTip());
    }
    for (QAction *a : root->findChildren<QAction *>()) {
        if (a->isSeparator() || !a->isVisible())
            continue;
        check(u"action "_s + a->objectName(), a->text());
        check(u"action tip "_s + a->objectName(), a->toolTip());
    }
}

// English that is right in a Chinese UI too: product and protocol names, SQL, units, data values
// (environment names, hosts, versions, paths, statements) and identifiers.
bool TestTour::isAllowedEnglish(const QString &text) const
{
    static const QSet<QString> names = {
        u"tidesk"_s,       u"tidb"_s,
        u"mariadb"_s,      u"mysql"_s,
        u"sql"_s,          u"ssh"_s,
        u"tls"_s,          u"pd"_s,
        u"tikv"_s,         u"tiflash"_s,
        u"prometheus"_s,   u"alertmanager"_s,
        u"br"_s,           u"english"_s,
        u"kill"_s,         u"query"_s,
        u"hard"_s,         u"select"_s,
        u"sleep"_s,        u"global"_s,
        u"set"_s,          u"explain"_s,
        u"digest"_s,       u"ok"_s,
        u"id"_s,           u"qps"_s,
        u"cpu"_s,          u"tiup"_s,
        u"json"_s,         u"yaml"_s,
        u"utc"_s,          u"ms"_s,
        u"kib"_s,          u"mib"_s,
        u"gib"_s,          u"tib"_s,
        u"io"_s,           u"mariadb-backup"_s,
        u"mariadb-dump"_s, u"prod"_s,
        u"uat"_s,          u"dev"_s,
        u"test"_s,         u"tidb-server"_s,
        u"innodb"_s,       u"gtid"_s,
        u"binlog"_s,       u"pitr"_s,
        u"aes-256-gcm"_s,  u"scrypt"_s,
        u"x25519"_s,       u"ed25519"_s,
        u"sha256"_s,       u"spake2"_s,
    };
    // Data: environment names, and text made only of identifiers, numbers, hosts and paths.
    static const QRegularExpression data(
        u"[a-z]+://\\S+|\\w+=\"[^\"]*\"|[\\w.\\-]+@[\\w.\\-]+(:\\d+)?|(/[\\w.\\-]+)+"_s);
    QString rest = text;
    rest.replace(data, u" "_s);
    for (const QString &env : m_envNames)
        rest.replace(env, u" "_s, Qt::CaseInsensitive);
    static const QRegularExpression word(u"[A-Za-z][A-Za-z0-9_\\-]*"_s);
    auto it = word.globalMatch(rest);
    while (it.hasNext()) {
        const QString w = it.next().captured();
        const QString lower = w.toLower();
        if (names.contains(lower))
            continue;
        // Identifiers and values: snake_case, digits inside, ALL-CAPS keywords, single letters.
        if (w.contains(u'_') || w.contains(QRegularExpression(u"\\d"_s)) || w.size() <= 1
            || (w == w.toUpper() && w.size() <= 12))
            continue;
        return false;
    }
    return true;
}

void TestTour::english()
{
    installLanguage(u"en"_s);
    tour(u"en"_s, nullptr);
    darkShot(u"en"_s);
    firstRun(u"en"_s, nullptr);
    removeLanguage();
}

void TestTour::chinese()
{
    installLanguage(u"zh_CN"_s);
    QStringList untranslated;
    tour(u"zh_CN"_s, &untranslated);
    darkShot(u"zh_CN"_s);
    firstRun(u"zh_CN"_s, &untranslated);
    removeLanguage();
    // The check looked at the pages for real: thousands of texts, nearly all of them Chinese.
    qInfo("zh_CN tour: %d visible texts checked, %d Chinese", m_textsSeen, m_textsChinese);
    QVERIFY2(m_textsSeen > 1000, qPrintable(QString::number(m_textsSeen)));
    QVERIFY2(m_textsChinese * 10 > m_textsSeen * 8, qPrintable(QString::number(m_textsChinese)));
    QVERIFY2(untranslated.isEmpty(),
             qPrintable(u"%1 English texts on the Chinese screens:\n  "_s.arg(untranslated.size())
                        + untranslated.join(u"\n  "_s)));
}

void TestTour::cleanupTestCase()
{
    removeLanguage();
    m_context.reset();
}

QTEST_MAIN(TestTour)
#include "tst_tour.moc"
