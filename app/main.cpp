// tidesk: the GUI. Composition root only: options, translations, AppContext (SSH host keys:
// ask), the main window, the vault unlock prompt, and automation hooks (--screenshot,
// --quit-after-ms, --report-shown).
#include "AppContext.h"
#include "MainWindow.h"
#include "Theme.h"
#include "common/AppSettings.h"
#include "dialogs/UnlockVaultDialog.h"
#include "secrets/VaultFileStore.h"
#include "sql/SqlConnection.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPaintEvent>
#include <QProcess>
#include <QTimer>
#include <QTranslator>
#include <QtConcurrent>

#include <cstdio>
#include <optional>

using namespace Qt::StringLiterals;
using namespace TiDesk;

namespace {

void installTranslators(QApplication &app, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);
    QLocale::setDefault(locale);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    auto *own = new QTranslator(&app);
    if (own->load(locale, u"tidesk"_s, u"_"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(own);
}

// The value of --lang X / --lang=X, if given.
std::optional<QString> languageArgument(const QStringList &args)
{
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args.at(i) == u"--lang" && i + 1 < args.size())
            return args.at(i + 1);
        if (args.at(i).startsWith(u"--lang="))
            return args.at(i).mid(7);
    }
    return std::nullopt;
}

// Prints "shown" at the window's first paint: the end point of `./run bench startup`.
class FirstPaintReporter final : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_done) {
            m_done = true;
            std::puts("shown");
            std::fflush(stdout);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_done = false;
};

bool saveScreenshot(QWidget *window, const QString &path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    const bool ok = window->grab().save(path);
    std::fprintf(ok ? stdout : stderr, ok ? "screenshot: %s\n" : "cannot write screenshot %s\n",
                 qPrintable(QFileInfo(path).absoluteFilePath()));
    return ok;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"TiDesk"_s);
    QApplication::setOrganizationName(u"TiDesk"_s);
    QApplication::setApplicationVersion(QStringLiteral(TIDESK_VERSION));
    QApplication::setDesktopFileName(u"io.tidesk.TiDesk"_s);
    QApplication::setWindowIcon(QIcon(u":/icons/tidesk.svg"_s));

    // Translators before the parser: its option descriptions (--help) are translated too. The
    // parser that knows --lang needs those descriptions, so --lang is read by hand here.
    AppSettings settings;
    installTranslators(
        app, languageArgument(QCoreApplication::arguments()).value_or(settings.language()));

    QCommandLineParser parser;
    parser.setApplicationDescription(u"TiDesk"_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption inventoryOpt(
        u"inventory"_s, QCoreApplication::translate("TiDesk::Main", "Inventory database to open."),
        u"path"_s);
    const QCommandLineOption vaultOpt(
        u"vault"_s,
        QCoreApplication::translate("TiDesk::Main", "Encrypted vault file for secrets."),
        u"path"_s);
    const QCommandLineOption secretsOpt(
        u"secrets"_s,
        QCoreApplication::translate("TiDesk::Main",
                                    "Where secrets are kept: auto, keychain or vault."),
        u"backend"_s);
    const QCommandLineOption selectOpt(
        u"select"_s, QCoreApplication::translate("TiDesk::Main", "Environment to select at start."),
        u"name"_s);
    const QCommandLineOption langOpt(
        u"lang"_s,
        QCoreApplication::translate("TiDesk::Main",
                                    "Language, e.g. en or zh_CN (default: settings, else system)."),
        u"language"_s);
    const QCommandLineOption shotOpt(
        u"screenshot"_s,
        QCoreApplication::translate("TiDesk::Main", "Save a PNG of the window before quitting."),
        u"file"_s);
    const QCommandLineOption quitOpt(
        u"quit-after-ms"_s,
        QCoreApplication::translate("TiDesk::Main", "Quit after this many milliseconds."), u"ms"_s);
    const QCommandLineOption pageOpt(
        u"page"_s,
        QCoreApplication::translate(
            "TiDesk::Main",
            "Page to show at start: environment, activity, alerts, cluster, fleet, sessions, slow, "
            "rules, guardrails, backups, assist or settings."),
        u"page"_s);
    const QCommandLineOption shownOpt(
        u"report-shown"_s,
        QCoreApplication::translate("TiDesk::Main",
                                    "Print 'shown' at the first paint (benchmarks)."));
    parser.addOptions({ inventoryOpt, vaultOpt, secretsOpt, selectOpt, pageOpt, langOpt, shotOpt,
                        quitOpt, shownOpt });
    parser.process(app);

    Theme::apply(app, settings.theme());
    SqlConnection::initDriver();

    // Unknown bastion host keys are asked about (MainWindow shows a HostKeyDialog); a changed key
    // is always refused.
    AppContext context({ parser.value(inventoryOpt), parser.value(vaultOpt),
                         parser.value(secretsOpt), HostKeyPolicy::Ask });
    if (const VoidResult opened = context.open(); !opened) {
        const QString text = QCoreApplication::translate("TiDesk::Main", "TiDesk cannot start: %1")
                                 .arg(opened.error().toString());
        std::fprintf(stderr, "%s\n", qPrintable(text));
        if (!parser.isSet(shotOpt) && !parser.isSet(quitOpt))
            QMessageBox::critical(nullptr, QCoreApplication::translate("TiDesk::Main", "TiDesk"),
                                  text);
        return 1;
    }

    MainWindow window(context.services());
    FirstPaintReporter reporter;
    if (parser.isSet(shownOpt))
        window.installEventFilter(&reporter);
    if (parser.isSet(selectOpt))
        window.selectEnvironment(parser.value(selectOpt));
    if (parser.isSet(pageOpt)) {
        static const QHash<QString, MainWindow::Page> pages = {
            { u"environment"_s, MainWindow::Page::Environment },
            { u"activity"_s, MainWindow::Page::Activity },
            { u"alerts"_s, MainWindow::Page::Alerts },
            { u"cluster"_s, MainWindow::Page::Cluster },
            { u"fleet"_s, MainWindow::Page::Fleet },
            { u"sessions"_s, MainWindow::Page::Sessions },
            { u"slow"_s, MainWindow::Page::SlowQueries },
            { u"rules"_s, MainWindow::Page::Rules },
            { u"guardrails"_s, MainWindow::Page::Guardrails },
            { u"backups"_s, MainWindow::Page::Backups },
            { u"assist"_s, MainWindow::Page::Assist },
            { u"settings"_s, MainWindow::Page::Settings },
        };
        const QString name = parser.value(pageOpt).toLower();
        if (!pages.contains(name)) {
            std::fprintf(
                stderr, "%s\n",
                qPrintable(QCoreApplication::translate("TiDesk::Main", "tidesk: unknown page '%1'")
                               .arg(name)));
            return 2;
        }
        // After the first inventory load, which selects --select and shows its page.
        auto *once = new QObject(&window);
        QObject::connect(&window, &MainWindow::inventoryReloaded, once, [&window, once, name] {
            window.showPage(pages.value(name));
            once->deleteLater();
        });
    }
    window.show();

    // A locked vault: unlock from TIDESK_VAULT_PASSPHRASE (sandbox demo, automation) on the pool,
    // else ask. Either way the window is already up and usable; secrets arrive when unlocked.
    QFutureWatcher<VoidResult> unlockWatcher;
    VaultFileStore *vault = context.vault();
    if (vault && !vault->isUnlocked() && !parser.isSet(shownOpt)) {
        if (qEnvironmentVariableIsSet("TIDESK_VAULT_PASSPHRASE")) {
            QObject::connect(
                &unlockWatcher, &QFutureWatcher<VoidResult>::finished, &window, [&unlockWatcher] {
                    if (const VoidResult r = unlockWatcher.result(); !r)
                        std::fprintf(stderr, "vault: %s\n", qPrintable(r.error().toString()));
                });
            unlockWatcher.setFuture(QtConcurrent::run(context.services().pool, [vault] {
                return vault->unlockOrCreate(qEnvironmentVariable("TIDESK_VAULT_PASSPHRASE"));
            }));
        } else {
            auto *dialog = new UnlockVaultDialog(vault, context.services().pool, &window);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->open();
        }
    }

    const QString screenshot = parser.value(shotOpt);
    int quitAfterMs = parser.value(quitOpt).toInt();
    if (!screenshot.isEmpty() && quitAfterMs <= 0)
        quitAfterMs = 2500; // long enough for the inventory load and the first connection checks
    if (quitAfterMs > 0) {
        QTimer::singleShot(quitAfterMs, &window, [&window, &app, screenshot] {
            int code = 0;
            if (!screenshot.isEmpty() && !saveScreenshot(&window, screenshot))
                code = 1;
            app.exit(code);
        });
    }
    // Settings ▸ "Restart now" (a new language or secret backend): close, then start again with
    // the same options, minus --lang (the new setting decides) and the automation ones.
    bool restart = false;
    QObject::connect(&window, &MainWindow::restartRequested, &window, [&window, &restart] {
        restart = true;
        window.close();
    });
    const int rc = QApplication::exec();
    unlockWatcher.waitForFinished();
    if (restart && rc == 0) {
        QStringList args = QCoreApplication::arguments().mid(1);
        for (const QString &drop : { u"--lang"_s, u"--screenshot"_s, u"--quit-after-ms"_s }) {
            for (qsizetype i = args.indexOf(drop); i >= 0; i = args.indexOf(drop)) {
                args.remove(i, qMin<qsizetype>(2, args.size() - i));
            }
            args.removeIf([&drop](const QString &a) { return a.startsWith(drop + u'='); });
        }
        if (!QProcess::startDetached(QCoreApplication::applicationFilePath(), args))
            std::fprintf(stderr, "%s\n",
                         qPrintable(QCoreApplication::translate("TiDesk::Main",
                                                                "TiDesk could not start again.")));
    }
    return rc;
}
