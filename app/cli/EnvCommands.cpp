#include "EnvCommands.h"

#include "HostKeyCheck.h"
#include "cli/CliContext.h"
#include "inventory/ImportOptions.h"
#include "inventory/InventoryImporter.h"
#include "inventory/InventoryJson.h"
#include "inventory/InventoryStore.h"
#include "secrets/CredentialStore.h"
#include "secrets/SecretReader.h"
#include "sql/EnvironmentCheck.h"
#include "tunnel/BastionTunnels.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace TiDesk::Cli {

namespace {

Error usageError(const QString &message)
{
    return Error::make(ErrorKind::InvalidInput, message);
}

// Parses args (subcommand first) with the given options; on error prints and returns false.
bool parse(QCommandLineParser &parser, const QStringList &args, QString *error)
{
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    QStringList withProgram = args;
    withProgram.prepend(u"tidesk-cli env"_s);
    if (!parser.parse(withProgram)) {
        *error = parser.errorText();
        return false;
    }
    return true;
}

// "host", "host:port" or "[v6]:port" -> endpoint; port defaults to defaultPort.
std::optional<SqlEndpoint> parseEndpoint(const QString &text, int defaultPort)
{
    SqlEndpoint ep;
    QString host = text.trimmed();
    int port = defaultPort;
    if (host.startsWith(u'[')) {
        const qsizetype close = host.indexOf(u']');
        if (close < 0)
            return std::nullopt;
        const QString rest = host.mid(close + 1);
        host = host.mid(1, close - 1);
        if (!rest.isEmpty()) {
            if (!rest.startsWith(u':'))
                return std::nullopt;
            bool ok = false;
            port = rest.mid(1).toInt(&ok);
            if (!ok)
                return std::nullopt;
        }
    } else if (host.count(u':') == 1) {
        bool ok = false;
        port = host.section(u':', 1).toInt(&ok);
        if (!ok)
            return std::nullopt;
        host = host.section(u':', 0, 0);
    }
    if (host.isEmpty())
        return std::nullopt;
    ep.host = host;
    ep.port = port;
    return ep;
}

// The CLI's short names, plus the importer's own stable ids.
InventoryFormat formatFromCli(const QString &name, bool *ok)
{
    *ok = true;
    if (name == u"auto")
        return InventoryFormat::Unknown;
    if (name == u"json")
        return InventoryFormat::TiDeskJson;
    if (name == u"topology")
        return InventoryFormat::TiupTopology;
    if (name == u"meta")
        return InventoryFormat::TiupMeta;
    if (name == u"display")
        return InventoryFormat::TiupDisplayJson;
    const InventoryFormat f = InventoryImporter::formatFromName(name, ok);
    if (f == InventoryFormat::Unknown)
        *ok = false;
    return f;
}

QString endpointsText(const Environment &env)
{
    QStringList parts;
    for (const SqlEndpoint &ep : env.endpoints)
        parts.append(ep.host + u':' + QString::number(ep.port));
    return parts.join(u',');
}

} // namespace

QString EnvCommands::usage()
{
    return tr(
        "Usage: tidesk-cli [global options] env <command> [options]\n"
        "\n"
        "Commands:\n"
        "  list [--json]                     list the environments\n"
        "  add NAME --host H[:P] [...]       add an environment (see env add --help)\n"
        "  remove NAME [--confirm NAME]      remove an environment and its secrets\n"
        "                                    (a prod environment needs --confirm NAME)\n"
        "  import FILE [--format F] [--name N] [--tier T]\n"
        "                                    import TiDesk JSON, TiUP topology.yaml or meta.yaml,\n"
        "                                    or `tiup cluster display --format json` output\n"
        "  export [FILE]                     TiDesk JSON without secrets (stdout without FILE)\n"
        "  check NAME [--json]               connect, detect engine and version, measure latency;\n"
        "                                    exit status 1 when unreachable\n"
        "  set-password NAME --password-stdin\n"
        "                                    store the SQL password in the credential store\n"
        "  set-ssh-secret NAME [--secret-stdin]\n"
        "                                    store the SSH key passphrase (or, without a key "
        "file,\n"
        "                                    the bastion password) in the credential store\n"
        "  set-backup-secret NAME [--secret-stdin]\n"
        "                                    store the credential part of the backup storage URL\n"
        "                                    (e.g. access-key=..&secret-access-key=..)\n"
        "\n"
        "Global options: --inventory PATH, --vault PATH, --secrets auto|keychain|vault,\n"
        "                --vault-pass-stdin, --accept-new-host-key, --json");
}

int EnvCommands::run(const QStringList &args)
{
    if (args.isEmpty() || args.first() == u"--help" || args.first() == u"-h") {
        CliIo::out(usage());
        return args.isEmpty() ? ExitUsage : ExitOk;
    }
    const QString cmd = args.first();
    const QStringList rest = args.mid(1);
    if (cmd == u"list")
        return list(rest);
    if (cmd == u"add")
        return add(rest);
    if (cmd == u"remove" || cmd == u"rm")
        return remove(rest);
    if (cmd == u"import")
        return importFile(rest);
    if (cmd == u"export")
        return exportFile(rest);
    if (cmd == u"check")
        return check(rest);
    if (cmd == u"set-password")
        return setPassword(rest);
    if (cmd == u"set-ssh-secret")
        return setSshSecret(rest);
    if (cmd == u"set-backup-secret")
        return setBackupSecret(rest);
    CliIo::err(tr("tidesk-cli: unknown env command '%1'").arg(cmd));
    CliIo::err(usage());
    return ExitUsage;
}

int EnvCommands::list(const QStringList &args)
{
    QCommandLineParser p;
    QString perr;
    if (!parse(p, args, &perr) || !p.positionalArguments().isEmpty())
        return m_ctx.fail(usageError(perr.isEmpty() ? tr("env list takes no arguments") : perr),
                          ExitUsage);

    const Result<EnvironmentList> envs = m_ctx.app().services().inventory->load();
    if (!envs)
        return m_ctx.fail(envs.error(), ExitInvalidInput);
    if (m_ctx.json()) {
        QJsonArray arr;
        for (const Environment &env : *envs)
            arr.append(InventoryJson::environmentToJson(env));
        CliIo::outRaw(QJsonDocument(arr).toJson(QJsonDocument::Indented));
        return ExitOk;
    }
    QList<QStringList> rows;
    for (const Environment &env : *envs)
        rows.append({ env.name, Environment::tierName(env.tier),
                      Environment::engineOverrideName(env.engine), endpointsText(env), env.user,
                      env.tags.join(u',') });
    if (!rows.isEmpty())
        CliIo::out(CliIo::table(
            { tr("NAME"), tr("TIER"), tr("ENGINE"), tr("ENDPOINTS"), tr("USER"), tr("TAGS") },
            rows));
    return ExitOk;
}

int EnvCommands::add(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption tierOpt(u"tier"_s, tr("dev, test, uat, prod or custom (default dev)"),
                                     u"tier"_s);
    const QCommandLineOption hostOpt(
        u"host"_s, tr("SQL endpoint host[:port]; repeat for several tidb-servers"), u"host"_s);
    const QCommandLineOption portOpt(u"port"_s, tr("default port (4000 for TiDB, else 3306)"),
                                     u"port"_s);
    const QCommandLineOption userOpt(u"user"_s, tr("SQL user"), u"user"_s);
    const QCommandLineOption engineOpt(u"engine"_s, tr("auto, tidb, mysql or mariadb"),
                                       u"engine"_s);
    const QCommandLineOption dbOpt(u"database"_s, tr("default database"), u"db"_s);
    const QCommandLineOption tagOpt(u"tag"_s, tr("a tag; repeatable"), u"tag"_s);
    const QCommandLineOption colorOpt(u"color"_s, tr("#rrggbb (default: the tier colour)"),
                                      u"color"_s);
    const QCommandLineOption tlsOpt(
        u"tls-mode"_s, tr("disabled, preferred, required, verify_ca or verify_identity"),
        u"mode"_s);
    const QCommandLineOption caOpt(u"tls-ca"_s, tr("CA certificate (PEM)"), u"file"_s);
    const QCommandLineOption certOpt(u"tls-cert"_s, tr("client certificate (PEM)"), u"file"_s);
    const QCommandLineOption keyOpt(u"tls-key"_s, tr("client key (PEM)"), u"file"_s);
    const QCommandLineOption promOpt(u"prometheus"_s, tr("Prometheus URL"), u"url"_s);
    const QCommandLineOption promSelOpt(
        u"prometheus-selector"_s, tr("label matchers for a shared Prometheus, e.g. env=\"prod\""),
        u"matchers"_s);
    const QCommandLineOption amOpt(u"alertmanager"_s, tr("Alertmanager URL"), u"url"_s);
    const QCommandLineOption pdOpt(u"pd"_s, tr("PD URL (TiDB)"), u"url"_s);
    const QCommandLineOption notesOpt(u"notes"_s, tr("free text"), u"text"_s);
    const QCommandLineOption timeoutOpt(u"connect-timeout-ms"_s, tr("connect timeout"), u"ms"_s);
    const QCommandLineOption pwOpt(u"password-stdin"_s,
                                   tr("read the SQL password from standard input"));
    const QCommandLineOption sshOpt(
        u"ssh"_s,
        tr("reach the endpoints through this SSH bastion: host[:port] or a ~/.ssh/config alias"),
        u"bastion"_s);
    const QCommandLineOption sshUserOpt(
        u"ssh-user"_s, tr("bastion user (default: ~/.ssh/config, else $USER)"), u"user"_s);
    const QCommandLineOption sshKeyOpt(u"ssh-key"_s,
                                       tr("bastion private key, ed25519 or ECDSA (default: "
                                          "~/.ssh/config, else ~/.ssh/id_ed25519)"),
                                       u"file"_s);
    const QCommandLineOption sshKnownOpt(
        u"ssh-known-hosts"_s, tr("known_hosts file (default ~/.ssh/known_hosts)"), u"file"_s);
    const QCommandLineOption sshSecretOpt(u"ssh-secret-stdin"_s,
                                          tr("read the key passphrase (or bastion password) from "
                                             "standard input, after the SQL password"));
    const QCommandLineOption helpOpt(QStringList { u"h"_s, u"help"_s }, tr("show this help"));
    p.addOptions({ tierOpt,   hostOpt,     portOpt,      userOpt,    engineOpt, dbOpt,   tagOpt,
                   colorOpt,  tlsOpt,      caOpt,        certOpt,    keyOpt,    promOpt, promSelOpt,
                   amOpt,     pdOpt,       notesOpt,     timeoutOpt, pwOpt,     sshOpt,  sshUserOpt,
                   sshKeyOpt, sshKnownOpt, sshSecretOpt, helpOpt });
    QString perr;
    if (!parse(p, args, &perr))
        return m_ctx.fail(usageError(perr), ExitUsage);
    if (p.isSet(helpOpt)) {
        CliIo::out(tr("tidesk-cli env add NAME --host H[:P] --user U [options]") + u"\n\n"_s
                   + p.helpText().section(u'\n', 2));
        return ExitOk;
    }
    if (p.positionalArguments().size() != 1)
        return m_ctx.fail(usageError(tr("env add needs exactly one NAME")), ExitUsage);

    Environment env;
    env.id = QUuid::createUuid();
    env.name = p.positionalArguments().first();
    bool ok = true;
    if (p.isSet(tierOpt)) {
        env.tier = Environment::tierFromName(p.value(tierOpt), &ok);
        if (!ok)
            return m_ctx.fail(usageError(tr("unknown tier '%1'").arg(p.value(tierOpt))), ExitUsage);
    }
    if (p.isSet(engineOpt)) {
        env.engine = Environment::engineOverrideFromName(p.value(engineOpt), &ok);
        if (!ok)
            return m_ctx.fail(usageError(tr("unknown engine '%1'").arg(p.value(engineOpt))),
                              ExitUsage);
    }
    int defaultPort = env.engine == EngineOverride::TiDB ? 4000 : 3306;
    if (p.isSet(portOpt)) {
        defaultPort = p.value(portOpt).toInt(&ok);
        if (!ok)
            return m_ctx.fail(usageError(tr("--port: '%1' is not a number").arg(p.value(portOpt))),
                              ExitUsage);
    }
    if (!p.isSet(hostOpt))
        return m_ctx.fail(usageError(tr("env add needs at least one --host")), ExitUsage);
    for (const QString &h : p.values(hostOpt)) {
        const auto ep = parseEndpoint(h, defaultPort);
        if (!ep)
            return m_ctx.fail(
                usageError(tr("--host: cannot read '%1' (use host or host:port)").arg(h)),
                ExitUsage);
        env.endpoints.append(*ep);
    }
    env.user = p.value(userOpt);
    env.defaultDatabase = p.value(dbOpt);
    env.tags = p.values(tagOpt);
    env.color = p.value(colorOpt);
    if (p.isSet(tlsOpt)) {
        env.tls.mode = Environment::tlsModeFromName(p.value(tlsOpt), &ok);
        if (!ok)
            return m_ctx.fail(usageError(tr("unknown TLS mode '%1'").arg(p.value(tlsOpt))),
                              ExitUsage);
    }
    env.tls.caFile = p.value(caOpt);
    env.tls.certFile = p.value(certOpt);
    env.tls.keyFile = p.value(keyOpt);
    env.prometheusUrl = p.value(promOpt);
    env.prometheusSelector = p.value(promSelOpt);
    env.alertmanagerUrl = p.value(amOpt);
    env.pdUrl = p.value(pdOpt);
    env.notes = p.value(notesOpt);
    if (p.isSet(timeoutOpt)) {
        env.connectTimeoutMs = p.value(timeoutOpt).toInt(&ok);
        if (!ok)
            return m_ctx.fail(usageError(tr("--connect-timeout-ms: not a number")), ExitUsage);
    }
    if (p.isSet(sshOpt)) {
        const auto bastion = parseEndpoint(p.value(sshOpt), 22);
        if (!bastion)
            return m_ctx.fail(
                usageError(tr("--ssh: cannot read '%1' (use host, host:port or an alias)")
                               .arg(p.value(sshOpt))),
                ExitUsage);
        env.ssh.enabled = true;
        env.ssh.host = bastion->host;
        env.ssh.port = bastion->port;
        env.ssh.user = p.value(sshUserOpt);
        env.ssh.identityFile = p.value(sshKeyOpt);
        env.ssh.knownHostsFile = p.value(sshKnownOpt);
    } else if (p.isSet(sshUserOpt) || p.isSet(sshKeyOpt) || p.isSet(sshKnownOpt)
               || p.isSet(sshSecretOpt)) {
        return m_ctx.fail(
            usageError(
                tr("--ssh-user, --ssh-key, --ssh-known-hosts and --ssh-secret-stdin need --ssh")),
            ExitUsage);
    }
    if (const QString why = env.validate(); !why.isEmpty())
        return m_ctx.fail(Error::make(ErrorKind::InvalidInput, why), ExitInvalidInput);

    // Unlock the secrets and read the password before saving: a failure then saves nothing.
    QString password;
    std::optional<QString> sshSecret;
    CredentialStore *secrets = nullptr;
    if (p.isSet(pwOpt) || p.isSet(sshSecretOpt)) {
        const Result<CredentialStore *> s = m_ctx.secrets();
        if (!s)
            return m_ctx.fail(s.error(), ExitSecrets);
        secrets = *s;
    }
    if (p.isSet(pwOpt)) {
        const auto line = m_ctx.io().nextStdinLine();
        if (!line)
            return m_ctx.fail(
                usageError(
                    tr("--password-stdin was given but standard input has no password line")),
                ExitUsage);
        password = *line;
    }
    if (p.isSet(sshSecretOpt)) {
        sshSecret = m_ctx.io().nextStdinLine();
        if (!sshSecret)
            return m_ctx.fail(
                usageError(
                    tr("--ssh-secret-stdin was given but standard input has no line for it")),
                ExitUsage);
    }
    const Result<Environment> saved = m_ctx.app().services().inventory->save(env);
    if (!saved)
        return m_ctx.fail(saved.error(), ExitInvalidInput);
    if (secrets) {
        VoidResult w
            = p.isSet(pwOpt) ? secrets->write(saved->passwordSecretKey(), password) : VoidResult();
        if (w && sshSecret)
            w = secrets->write(saved->sshPassphraseSecretKey(), *sshSecret);
        password.fill(u'\0');
        if (sshSecret)
            sshSecret->fill(u'\0');
        if (!w) {
            // Keep inventory and secrets consistent: an environment whose password could not be
            // stored is removed again, so the user can simply retry the same command.
            (void)m_ctx.app().services().inventory->remove(saved->id);
            return m_ctx.fail(w.error(), ExitSecrets);
        }
    }
    if (m_ctx.json())
        CliIo::outRaw(
            QJsonDocument(InventoryJson::environmentToJson(*saved)).toJson(QJsonDocument::Compact)
            + '\n');
    else
        CliIo::out(tr("Added %1 (%2).").arg(saved->name, Environment::tierName(saved->tier)));
    return ExitOk;
}

int EnvCommands::remove(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption confirmOpt(
        u"confirm"_s, tr("the environment name again (required for prod)"), u"name"_s);
    p.addOption(confirmOpt);
    QString perr;
    if (!parse(p, args, &perr))
        return m_ctx.fail(usageError(perr), ExitUsage);
    if (p.positionalArguments().size() != 1)
        return m_ctx.fail(usageError(tr("env remove needs exactly one NAME")), ExitUsage);
    const QString name = p.positionalArguments().first();
    auto inventory = m_ctx.app().services().inventory;
    const Result<Environment> env = inventory->findByName(name);
    if (!env)
        return m_ctx.fail(env.error(), ExitInvalidInput);
    if (env->isProduction() && p.value(confirmOpt) != env->name)
        return m_ctx.fail(
            Error::make(ErrorKind::InvalidInput,
                        tr("%1 is a production environment: repeat its name with --confirm %1 "
                           "to remove it.")
                            .arg(env->name)),
            ExitUsage);
    if (const VoidResult r = inventory->remove(env->id); !r)
        return m_ctx.fail(r.error(), ExitFailure);
    // Best effort: a locked vault must not block removing an inventory entry; say so instead.
    if (const Result<CredentialStore *> s = m_ctx.secrets(); s) {
        for (const QString &key :
             { env->passwordSecretKey(), env->sshPassphraseSecretKey(), env->backupSecretKey() })
            if (const VoidResult r = (*s)->remove(key); !r)
                CliIo::err(tr("warning: could not remove a secret of %1: %2")
                               .arg(env->name, r.error().toString()));
    } else {
        CliIo::err(tr("warning: the secrets of %1 were not removed: %2")
                       .arg(env->name, s.error().toString()));
    }
    if (!m_ctx.json())
        CliIo::out(tr("Removed %1.").arg(env->name));
    return ExitOk;
}

int EnvCommands::importFile(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption formatOpt(
        u"format"_s, tr("auto, json, topology, meta or display (default auto)"), u"format"_s);
    const QCommandLineOption nameOpt(u"name"_s, tr("environment name for TiUP files"), u"name"_s);
    const QCommandLineOption tierOpt(
        u"tier"_s, tr("tier for TiUP files (default: guessed from the name)"), u"tier"_s);
    p.addOptions({ formatOpt, nameOpt, tierOpt });
    QString perr;
    if (!parse(p, args, &perr))
        return m_ctx.fail(usageError(perr), ExitUsage);
    if (p.positionalArguments().size() != 1)
        return m_ctx.fail(usageError(tr("env import needs exactly one FILE")), ExitUsage);

    ImportOptions options;
    InventoryFormat format = InventoryFormat::Unknown;
    bool ok = true;
    if (p.isSet(formatOpt)) {
        format = formatFromCli(p.value(formatOpt), &ok);
        if (!ok)
            return m_ctx.fail(usageError(tr("unknown format '%1'").arg(p.value(formatOpt))),
                              ExitUsage);
    }
    options.name = p.value(nameOpt);
    if (p.isSet(tierOpt)) {
        options.tier = Environment::tierFromName(p.value(tierOpt), &ok);
        if (!ok)
            return m_ctx.fail(usageError(tr("unknown tier '%1'").arg(p.value(tierOpt))), ExitUsage);
    }
    const Result<EnvironmentList> envs
        = InventoryImporter::importFile(p.positionalArguments().first(), options, format);
    if (!envs)
        return m_ctx.fail(envs.error(), ExitInvalidInput);
    const Result<EnvironmentList> saved = m_ctx.app().services().inventory->saveAll(*envs);
    if (!saved)
        return m_ctx.fail(saved.error(), ExitInvalidInput);
    if (!m_ctx.json()) {
        QStringList names;
        for (const Environment &e : *saved)
            names.append(e.name);
        CliIo::out(tr("Imported %n environment(s): %1", nullptr, int(saved->size()))
                       .arg(names.join(u", "_s)));
    }
    return ExitOk;
}

int EnvCommands::exportFile(const QStringList &args)
{
    QCommandLineParser p;
    QString perr;
    if (!parse(p, args, &perr) || p.positionalArguments().size() > 1)
        return m_ctx.fail(
            usageError(perr.isEmpty() ? tr("env export takes at most one FILE") : perr), ExitUsage);
    const Result<EnvironmentList> envs = m_ctx.app().services().inventory->load();
    if (!envs)
        return m_ctx.fail(envs.error(), ExitInvalidInput);
    const QByteArray bytes = InventoryJson::toJson(*envs);
    const QString path = p.positionalArguments().value(0);
    if (path.isEmpty() || path == u"-") {
        CliIo::outRaw(bytes);
        return ExitOk;
    }
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
        return m_ctx.fail(
            Error::make(ErrorKind::Io, tr("Cannot write %1: %2").arg(path, f.errorString())),
            ExitFailure);
    if (!m_ctx.json())
        CliIo::out(tr("Exported %n environment(s) to %1.", nullptr, int(envs->size())).arg(path));
    return ExitOk;
}

int EnvCommands::check(const QStringList &args)
{
    QCommandLineParser p;
    QString perr;
    if (!parse(p, args, &perr))
        return m_ctx.fail(usageError(perr), ExitUsage);
    if (p.positionalArguments().size() != 1)
        return m_ctx.fail(usageError(tr("env check needs exactly one NAME")), ExitUsage);
    const Result<Environment> env
        = m_ctx.app().services().inventory->findByName(p.positionalArguments().first());
    if (!env)
        return m_ctx.fail(env.error(), ExitInvalidInput);

    const Result<CredentialStore *> secrets = m_ctx.secrets();
    if (!secrets)
        return m_ctx.fail(secrets.error(), ExitSecrets);
    Result<QString> password = readOptionalSecret(*secrets, env->passwordSecretKey());
    if (!password)
        return m_ctx.fail(password.error(), ExitSecrets);
    SshRoute route;
    if (env->ssh.enabled) {
        Result<QString> sshSecret = readOptionalSecret(*secrets, env->sshPassphraseSecretKey());
        if (!sshSecret)
            return m_ctx.fail(sshSecret.error(), ExitSecrets);
        route.sshSecret = *sshSecret;
        sshSecret->fill(u'\0');
    }
    const CoreServices services = m_ctx.app().services();
    route.router = services.tunnels;
    QFuture<CheckResult> future = QtConcurrent::run(
        services.pool, [e = *env, pw = *password, log = services.activityLog, route] {
            return checkEnvironment(e, pw, log, route);
        });
    password->fill(u'\0');
    route.sshSecret.fill(u'\0');
    const CheckResult result = future.result();
    //: appended to the endpoint in `env check`: %1 = "ssh root@bastion:22"
    const QString where
        = result.viaSsh ? tr("%1 via %2").arg(result.endpoint, result.via) : result.endpoint;
    if (m_ctx.json()) {
        CliIo::outRaw(result.toJson() + '\n');
    } else if (result.reachable) {
        CliIo::out(tr("%1: reachable at %2, %3, %4 ms")
                       .arg(result.name, where, result.engine.displayString())
                       .arg(result.latencyMs));
    } else {
        CliIo::out(tr("%1: UNREACHABLE (%2): %3").arg(result.name, where, result.error.toString()));
    }
    if (result.error.kind == ErrorKind::HostKey && result.error.code == HostKeyCheck::UnknownHost
        && !m_ctx.options().acceptNewHostKey)
        CliIo::err(tr(
            "If this is the first connection to the bastion and you have checked its fingerprint, "
            "run again with --accept-new-host-key (a changed key is never accepted)."));
    return result.reachable ? ExitOk : ExitFailure;
}

int EnvCommands::setPassword(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption pwOpt(u"password-stdin"_s,
                                   tr("read the SQL password from standard input"));
    p.addOption(pwOpt);
    QString perr;
    if (!parse(p, args, &perr))
        return m_ctx.fail(usageError(perr), ExitUsage);
    if (p.positionalArguments().size() != 1)
        return m_ctx.fail(usageError(tr("env set-password needs exactly one NAME")), ExitUsage);
    const Result<Environment> env
        = m_ctx.app().services().inventory->findByName(p.positionalArguments().first());
    if (!env)
        return m_ctx.fail(env.error(), ExitInvalidInput);
    const Result<CredentialStore *> secrets = m_ctx.secrets();
    if (!secrets)
        return m_ctx.fail(secrets.error(), ExitSecrets);
    std::optional<QString> password;
    if (p.isSet(pwOpt))
        password = m_ctx.io().nextStdinLine();
    else
        password = CliIo::promptHidden(tr("SQL password for %1@%2: ").arg(env->user, env->name));
    if (!password)
        return m_ctx.fail(
            usageError(tr("no password given (use --password-stdin or run on a terminal)")),
            ExitUsage);
    const VoidResult w = (*secrets)->write(env->passwordSecretKey(), *password);
    password->fill(u'\0');
    if (!w)
        return m_ctx.fail(w.error(), ExitSecrets);
    if (!m_ctx.json())
        CliIo::out(tr("Password of %1 stored (%2).").arg(env->name, (*secrets)->backendName()));
    return ExitOk;
}

int EnvCommands::setSshSecret(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption stdinOpt(u"secret-stdin"_s, tr("read the secret from standard input"));
    p.addOption(stdinOpt);
    QString perr;
    if (!parse(p, args, &perr))
        return m_ctx.fail(usageError(perr), ExitUsage);
    if (p.positionalArguments().size() != 1)
        return m_ctx.fail(usageError(tr("env set-ssh-secret needs exactly one NAME")), ExitUsage);
    const Result<Environment> env
        = m_ctx.app().services().inventory->findByName(p.positionalArguments().first());
    if (!env)
        return m_ctx.fail(env.error(), ExitInvalidInput);
    if (!env->ssh.enabled)
        return m_ctx.fail(Error::make(ErrorKind::InvalidInput,
                                      tr("%1 does not go through an SSH bastion").arg(env->name)),
                          ExitInvalidInput);
    const Result<CredentialStore *> secrets = m_ctx.secrets();
    if (!secrets)
        return m_ctx.fail(secrets.error(), ExitSecrets);
    std::optional<QString> secret;
    if (p.isSet(stdinOpt))
        secret = m_ctx.io().nextStdinLine();
    else
        secret
            = CliIo::promptHidden(env->ssh.identityFile.isEmpty()
                                      ? tr("SSH password or key passphrase for %1: ").arg(env->name)
                                      : tr("Passphrase of %1: ").arg(env->ssh.identityFile));
    if (!secret)
        return m_ctx.fail(
            usageError(tr("no secret given (use --secret-stdin or run on a terminal)")), ExitUsage);
    const VoidResult w = (*secrets)->write(env->sshPassphraseSecretKey(), *secret);
    secret->fill(u'\0');
    if (!w)
        return m_ctx.fail(w.error(), ExitSecrets);
    if (!m_ctx.json())
        CliIo::out(tr("SSH secret of %1 stored (%2).").arg(env->name, (*secrets)->backendName()));
    return ExitOk;
}

int EnvCommands::setBackupSecret(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption stdinOpt(u"secret-stdin"_s, tr("read the secret from standard input"));
    p.addOption(stdinOpt);
    QString perr;
    if (!parse(p, args, &perr))
        return m_ctx.fail(usageError(perr), ExitUsage);
    if (p.positionalArguments().size() != 1)
        return m_ctx.fail(usageError(tr("env set-backup-secret needs exactly one NAME")),
                          ExitUsage);
    const Result<Environment> env
        = m_ctx.app().services().inventory->findByName(p.positionalArguments().first());
    if (!env)
        return m_ctx.fail(env.error(), ExitInvalidInput);
    const Result<CredentialStore *> secrets = m_ctx.secrets();
    if (!secrets)
        return m_ctx.fail(secrets.error(), ExitSecrets);
    std::optional<QString> secret;
    if (p.isSet(stdinOpt))
        secret = m_ctx.io().nextStdinLine();
    else
        secret = CliIo::promptHidden(
            tr("Storage credentials for %1 (e.g. access-key=...&secret-access-key=...): ")
                .arg(env->name));
    if (!secret)
        return m_ctx.fail(
            usageError(tr("no secret given (use --secret-stdin or run on a terminal)")), ExitUsage);
    if (!secret->contains(u'=')) {
        secret->fill(u'\0');
        return m_ctx.fail(usageError(tr("the backup secret is URL query parameters "
                                        "(name=value&name=value)")),
                          ExitInvalidInput);
    }
    const VoidResult w = (*secrets)->write(env->backupSecretKey(), *secret);
    secret->fill(u'\0');
    if (!w)
        return m_ctx.fail(w.error(), ExitSecrets);
    if (!m_ctx.json())
        CliIo::out(tr("Backup storage secret of %1 stored (%2).")
                       .arg(env->name, (*secrets)->backendName()));
    return ExitOk;
}

} // namespace TiDesk::Cli
