// tidesk-cli: the TiDesk core without a window, for scripts and cron. Composition root only:
// global options, AppContext, dispatch to the command classes in app/cli/.
#include "AppContext.h"
#include "cli/AlertCommands.h"
#include "cli/AssistCommands.h"
#include "cli/BackupCommands.h"
#include "cli/CliContext.h"
#include "cli/CliIo.h"
#include "cli/EnvCommands.h"
#include "cli/FleetCommands.h"
#include "cli/GuardrailCommands.h"
#include "cli/KillCommands.h"
#include "cli/MetricsCommands.h"
#include "cli/RestoreCommands.h"
#include "cli/RuleCommands.h"
#include "cli/SessionCommands.h"
#include "cli/SlowCommands.h"
#include "sql/SqlConnection.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QTranslator>

using namespace Qt::StringLiterals;
using namespace TiDesk;
using namespace TiDesk::Cli;

namespace {

QString mainUsage()
{
    return QCoreApplication::translate(
        "TiDesk::Main",
        "Usage: tidesk-cli [global options] <command> ...\n"
        "\n"
        "Commands:\n"
        "  env ...        manage and check environments (tidesk-cli env --help)\n"
        "  backup start|list|status|cancel  MariaDB/MySQL backups on the environment's host\n"
        "  restore ENV --backup ID --into TARGET  restore a logical backup and verify it\n"
        "  restore drill ENV --into TARGET  restore the latest backup, verify, record\n"
        "  assist host|join  an expert session through an SSH relay, end-to-end encrypted, "
        "every action approved by the DBA\n"
        "  alerts [ENV]   active alerts from the environments' Alertmanagers, worst first\n"
        "  metrics ENV --chart NAME [--range 1h]  one chart from the environment's Prometheus\n"
        "  fleet status   every environment at a glance: reachable, QPS, connections, alerts\n"
        "  slow ENV [--since 1h] [--top N]  slow statements of an environment by digest\n"
        "  slowlog digest FILE [--env ENV]  a slow-log file (local or over SSH) by digest\n"
        "  digest SQL     TiDB-compatible normalized text and digest of a statement\n"
        "  guardrails ENV [set NAME VALUE]  statement time/memory limits, runaway watches\n"
        "  kill ENV --id N [--query|--connection] [--yes]  kill a statement or session, "
        "verified and audited\n"
        "  rules check|run  validate the kill rules / run them against the fleet (pt-kill)\n"
        "  sessions ENV   live sessions of an environment, longest running first\n"
        "  --version      print the version\n"
        "\n"
        "Global options:\n"
        "  --inventory PATH            inventory database (default: $TIDESK_HOME or the XDG data "
        "dir)\n"
        "  --vault PATH                encrypted vault file for secrets\n"
        "  --secrets auto|keychain|vault  where secrets are kept (default: settings, else auto)\n"
        "  --vault-pass-stdin          read the vault passphrase from the first line of stdin\n"
        "  --accept-new-host-key       trust an SSH bastion's host key on first use and add it to\n"
        "                              known_hosts (a CHANGED key is always refused)\n"
        "  --json                      machine-readable output\n"
        "  --verbose                   log what TiDesk does to stderr (never secrets)");
}

// Removes the global options from args (they may appear anywhere). False on a usage error.
bool takeGlobalOptions(QStringList &args, CliOptions &options, QString *error)
{
    QStringList rest;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString a = args.at(i);
        auto valueOf = [&](const QString &name, QString &target) {
            if (a == name) {
                if (i + 1 >= args.size()) {
                    *error
                        = QCoreApplication::translate("TiDesk::Main", "%1 needs a value").arg(name);
                    return false;
                }
                target = args.at(++i);
                return true;
            }
            target = a.mid(name.size() + 1);
            return true;
        };
        if (a == u"--inventory" || a.startsWith(u"--inventory=")) {
            if (!valueOf(u"--inventory"_s, options.inventoryPath))
                return false;
        } else if (a == u"--vault" || a.startsWith(u"--vault=")) {
            if (!valueOf(u"--vault"_s, options.vaultPath))
                return false;
        } else if (a == u"--secrets" || a.startsWith(u"--secrets=")) {
            if (!valueOf(u"--secrets"_s, options.secretsBackend))
                return false;
            if (options.secretsBackend != u"auto" && options.secretsBackend != u"keychain"
                && options.secretsBackend != u"vault") {
                *error = QCoreApplication::translate("TiDesk::Main",
                                                     "--secrets must be auto, keychain or vault");
                return false;
            }
        } else if (a == u"--vault-pass-stdin") {
            options.vaultPassStdin = true;
        } else if (a == u"--accept-new-host-key") {
            options.acceptNewHostKey = true;
        } else if (a == u"--verbose" || a == u"-v") {
            options.verbose = true;
        } else if (a == u"--json") {
            options.json = true;
        } else {
            rest.append(a);
        }
    }
    args = rest;
    return true;
}

// Commands and subcommands whose own parser prints a help of their options.
bool hasOwnHelp(const QString &command, const QString &sub)
{
    if (command == u"alerts" || command == u"metrics" || command == u"kill"
        || command == u"sessions" || command == u"slow" || command == u"slowlog"
        || command == u"digest")
        return true;
    return (command == u"env" && sub == u"add") || (command == u"fleet" && sub == u"status");
}

void installTranslators(QCoreApplication &app)
{
    const QLocale locale;
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    auto *own = new QTranslator(&app);
    if (own->load(locale, u"tidesk"_s, u"_"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(own);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"TiDesk"_s);
    QCoreApplication::setOrganizationName(u"TiDesk"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(TIDESK_VERSION));
    installTranslators(app);

    QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty() || args.first() == u"--help" || args.first() == u"-h"
        || args.first() == u"help") {
        CliIo::out(mainUsage());
        return args.isEmpty() ? ExitUsage : ExitOk;
    }
    if (args.contains(u"--version"_s)) {
        CliIo::out(u"tidesk-cli "_s + QCoreApplication::applicationVersion());
        return ExitOk;
    }
    CliOptions options;
    QString error;
    if (!takeGlobalOptions(args, options, &error)) {
        CliIo::err(u"tidesk-cli: "_s + error);
        return ExitUsage;
    }
    if (args.isEmpty()) {
        CliIo::err(mainUsage());
        return ExitUsage;
    }
    if (args.first() == u"--help" || args.first() == u"-h" || args.first() == u"help") {
        CliIo::out(mainUsage()); // `tidesk-cli --secrets vault --help`
        return ExitOk;
    }

    // Scripts read stdout and stderr: informational logging only on request.
    if (!options.verbose && qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        // The SSH layer also warns about refused host keys and lost bastions; the CLI prints
        // those errors itself, so the log lines would only repeat them.
        QLoggingCategory::setFilterRules(u"tidesk.*.info=false\ntidesk.ssh.warning=false"_s);
    SqlConnection::initDriver();
    CliContext context(options);
    const QString command = args.takeFirst();
    // --help after a subcommand that has no help of its own (`env list --help`, `backup start
    // --help`) shows the command's usage, which lists its subcommands; those with their own
    // options answer themselves. Help never opens the inventory.
    const bool helpOnly = (args.contains(u"--help"_s) || args.contains(u"-h"_s))
        && !hasOwnHelp(command, args.value(0));
    if (helpOnly)
        args = QStringList { u"--help"_s };
    // These open the inventory themselves, and only when they need it (a local slow-log file or
    // a digest needs no inventory).
    if (command == u"slow")
        return SlowCommands(context).slow(args);
    if (command == u"slowlog")
        return SlowCommands(context).slowlog(args);
    if (command == u"digest")
        return SlowCommands(context).digest(args);
    // The expert's side needs no inventory and no secrets: the expert holds none.
    if (command == u"assist" && args.value(0) == u"join")
        return AssistCommands(context).run(args);
    if (command != u"env" && command != u"alerts" && command != u"metrics" && command != u"fleet"
        && command != u"guardrails" && command != u"kill" && command != u"rules"
        && command != u"sessions" && command != u"backup" && command != u"restore"
        && command != u"assist") {
        CliIo::err(QCoreApplication::translate("TiDesk::Main", "tidesk-cli: unknown command '%1'")
                       .arg(command));
        CliIo::err(mainUsage());
        return ExitUsage;
    }
    if (const VoidResult opened = helpOnly ? VoidResult() : context.open(); !opened)
        return context.fail(opened.error(), ExitInvalidInput);
    if (command == u"alerts")
        return AlertCommands(context).run(args);
    if (command == u"metrics")
        return MetricsCommands(context).run(args);
    if (command == u"fleet")
        return FleetCommands(context).run(args);
    if (command == u"guardrails")
        return GuardrailCommands(context).run(args);
    if (command == u"kill")
        return KillCommands(context).run(args);
    if (command == u"rules")
        return RuleCommands(context).run(args);
    if (command == u"sessions")
        return SessionCommands(context).run(args);
    if (command == u"backup")
        return BackupCommands(context).run(args);
    if (command == u"restore")
        return RestoreCommands(context).run(args);
    if (command == u"assist")
        return AssistCommands(context).run(args);
    return EnvCommands(context).run(args);
}
