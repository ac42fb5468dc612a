// tst_cli: tidesk-cli end to end, as a script or cron job uses it, against the real sandbox.
// Also the secrets-on-disk check: after adding environments with a known password, that password
// appears nowhere under TIDESK_HOME (inventory, settings, vault, logs) nor in any CLI output.
#include "CliRunner.h"
#include "SandboxEnv.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

using TiDesk::Test::CliRun;

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void version();
    void emptyInventoryListsNothing();
    void addWithPasswordAndCheck();
    void duplicateNameIsRejected();
    void listJsonHasNoSecrets();
    void wrongPasswordIsReported();
    void unreachableHostFailsFast();
    void wrongVaultPassphrase();
    void unknownEnvironment();
    void malformedImportImportsNothing();
    void importSandboxInventoryAndCheckAll();
    void bastionHostKeyAndSshSecret();
    void alertsCommand();
    void exportHasNoSecrets();
    void removeProdNeedsConfirmation();
    void badCommandLine();
    void helpAnywhere();
    void passwordNeverOnDiskOrInOutput();

private:
    CliRun cli(const QStringList &args, const QByteArray &stdinData = {}, bool withVaultEnv = true);
    int envCount();

    TiDesk::Test::SandboxEnv m_sandbox;
    QTemporaryDir m_home;
    const QString m_vaultPass = u"vault-pass-Cli-123"_s;
    const QString m_sqlPassword
        = u"Wr0ng-but-Known-Pw-7f3a"_s; // the "known password" of the grep test
    QByteArrayList m_outputs; // every stdout/stderr, searched for secrets at the end
    QByteArrayList m_secretNeedles; // further secrets (SSH passphrase) searched for at the end
};

CliRun TestCli::cli(const QStringList &args, const QByteArray &stdinData, bool withVaultEnv)
{
    CliRun r = TiDesk::Test::runCli(QStringLiteral(TIDESK_CLI_BINARY), m_home.path(),
                                    withVaultEnv ? m_vaultPass : QString(), args, stdinData);
    m_outputs << r.out << r.err;
    return r;
}

int TestCli::envCount()
{
    const CliRun r = cli({ u"env"_s, u"list"_s, u"--json"_s });
    return r.exitCode == 0 ? int(r.document().array().size()) : -1;
}

void TestCli::initTestCase()
{
    QVERIFY2(m_sandbox.isValid(), qPrintable(m_sandbox.error()));
    QVERIFY(m_home.isValid());
}

void TestCli::version()
{
    const CliRun r = cli({ u"--version"_s });
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith("tidesk-cli "), r.out.constData());
}

void TestCli::emptyInventoryListsNothing()
{
    const CliRun r = cli({ u"env"_s, u"list"_s, u"--json"_s });
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.document().isArray());
    QCOMPARE(r.document().array().size(), 0);
}

void TestCli::addWithPasswordAndCheck()
{
    // Vault passphrase and SQL password both from stdin: passphrase first, password second.
    const QString port = QString::number(m_sandbox.mariadbPort(u"dev"_s));
    // --verbose: the logs are searched for secrets too (passwordNeverOnDiskOrInOutput).
    CliRun r = cli({ u"--verbose"_s, u"--vault-pass-stdin"_s, u"env"_s, u"add"_s, u"sbx-dev"_s,
                     u"--tier"_s, u"dev"_s, u"--host"_s, u"127.0.0.1:"_s + port, u"--user"_s,
                     m_sandbox.adminUser(), u"--password-stdin"_s },
                   (m_vaultPass + u'\n' + m_sandbox.adminPassword() + u'\n').toUtf8(), false);
    QVERIFY2(r.exitCode == 0, r.err.constData());

    r = cli({ u"--verbose"_s, u"env"_s, u"check"_s, u"sbx-dev"_s, u"--json"_s });
    QVERIFY2(r.exitCode == 0, r.out.constData());
    QVERIFY2(r.err.contains("tidesk."), "--verbose should log to stderr");
    const QJsonObject o = r.json();
    QCOMPARE(o.value(u"name"_s).toString(), u"sbx-dev"_s);
    QCOMPARE(o.value(u"reachable"_s).toBool(), true);
    QCOMPARE(o.value(u"engine"_s).toString(), u"mariadb"_s);
    QVERIFY2(o.value(u"version"_s).toString().contains(u"MariaDB"_s)
                 || o.value(u"version"_s).toString().startsWith(u"10."_s),
             qPrintable(o.value(u"version"_s).toString()));
    QVERIFY(o.value(u"latency_ms"_s).toDouble() >= 0);
    QVERIFY(o.value(u"error"_s).isNull());

    // Human output names the engine.
    r = cli({ u"env"_s, u"check"_s, u"sbx-dev"_s });
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("MariaDB"), r.out.constData());
}

void TestCli::duplicateNameIsRejected()
{
    const int before = envCount();
    const CliRun r = cli({ u"env"_s, u"add"_s, u"SBX-DEV"_s, u"--host"_s, u"127.0.0.1:3306"_s,
                           u"--user"_s, u"x"_s });
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains("already exists"), r.err.constData());
    QCOMPARE(envCount(), before);
}

void TestCli::listJsonHasNoSecrets()
{
    const CliRun r = cli({ u"env"_s, u"list"_s, u"--json"_s });
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.document().array().size(), 1);
    const QJsonObject env = r.document().array().first().toObject();
    QCOMPARE(env.value(u"name"_s).toString(), u"sbx-dev"_s);
    QVERIFY(!env.contains(u"password"_s));
    QVERIFY(!r.out.contains(m_sandbox.adminPassword().toUtf8()));
}

void TestCli::wrongPasswordIsReported()
{
    const QString port = QString::number(m_sandbox.mariadbPort(u"dev"_s));
    CliRun r
        = cli({ u"--verbose"_s, u"env"_s, u"add"_s, u"sbx-wrongpw"_s, u"--host"_s,
                u"127.0.0.1:"_s + port, u"--user"_s, m_sandbox.adminUser(), u"--password-stdin"_s },
              (m_sqlPassword + u'\n').toUtf8());
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = cli({ u"--verbose"_s, u"env"_s, u"check"_s, u"sbx-wrongpw"_s, u"--json"_s });
    QCOMPARE(r.exitCode, 1);
    const QJsonObject o = r.json();
    QCOMPARE(o.value(u"reachable"_s).toBool(), false);
    const QJsonObject e = o.value(u"error"_s).toObject();
    QCOMPARE(e.value(u"code"_s).toInt(), 1045);
    QCOMPARE(e.value(u"kind"_s).toString(), u"auth"_s);
    QVERIFY(!e.value(u"message"_s).toString().isEmpty());
}

void TestCli::unreachableHostFailsFast()
{
    CliRun r = cli({ u"env"_s, u"add"_s, u"sbx-closed"_s, u"--host"_s, u"127.0.0.1:1"_s,
                     u"--user"_s, u"x"_s, u"--connect-timeout-ms"_s, u"2000"_s });
    QCOMPARE(r.exitCode, 0);
    QElapsedTimer t;
    t.start();
    r = cli({ u"env"_s, u"check"_s, u"sbx-closed"_s, u"--json"_s });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(t.elapsed() < 15000, "a closed port must fail promptly");
    const QJsonObject o = r.json();
    QCOMPARE(o.value(u"reachable"_s).toBool(), false);
    QCOMPARE(o.value(u"error"_s).toObject().value(u"kind"_s).toString(), u"connection"_s);
}

void TestCli::wrongVaultPassphrase()
{
    const CliRun r = cli({ u"--vault-pass-stdin"_s, u"env"_s, u"check"_s, u"sbx-dev"_s },
                         "not-the-passphrase\n", false);
    QCOMPARE(r.exitCode, 4);
    QVERIFY2(r.err.contains("passphrase"), r.err.constData());
    // The vault still opens with the right passphrase: nothing was destroyed.
    QCOMPARE(cli({ u"env"_s, u"check"_s, u"sbx-dev"_s }).exitCode, 0);
}

void TestCli::unknownEnvironment()
{
    const CliRun r = cli({ u"env"_s, u"check"_s, u"no-such-env"_s });
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains("no-such-env"), r.err.constData());
}

void TestCli::malformedImportImportsNothing()
{
    const int before = envCount();
    const QString path = m_home.filePath(u"broken.json"_s);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"format\":\"tidesk-inventory\",\"version\":1,\"environments\":[\n"
            "  "
            "{\"name\":\"ok-one\",\"tier\":\"dev\",\"endpoints\":[{\"host\":\"h\",\"port\":1}],"
            "\"user\":\"u\"},\n"
            "  "
            "{\"name\":\"bad\",\"tier\":\"dev\",\"endpoints\":[{\"host\":\"h\",\"port\":\"abc\"}],"
            "\"user\":\"u\"}\n"
            "]}\n");
    f.close();
    CliRun r = cli({ u"env"_s, u"import"_s, path });
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains("port"), r.err.constData());
    QCOMPARE(envCount(), before);

    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write("{\"format\":\"tidesk-inventory\",\n \"environments\": [ {\"name\": }\n");
    f.close();
    r = cli({ u"env"_s, u"import"_s, path });
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains("line"), r.err.constData());
    QCOMPARE(envCount(), before);

    r = cli({ u"env"_s, u"import"_s, m_home.filePath(u"missing.json"_s) });
    QCOMPARE(r.exitCode, 3);
    QCOMPARE(envCount(), before);
}

void TestCli::importSandboxInventoryAndCheckAll()
{
    const int before = envCount();
    CliRun r = cli({ u"env"_s, u"import"_s, m_sandbox.value(u"DEMO_INVENTORY"_s) });
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(envCount(), before + 5); // 4 MariaDB + the TiDB fixture environment
    for (const QString &name : m_sandbox.envs()) {
        r = cli({ u"env"_s, u"set-password"_s, name, u"--password-stdin"_s },
                (m_sandbox.adminPassword() + u'\n').toUtf8());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = cli({ u"env"_s, u"check"_s, name, u"--json"_s });
        QVERIFY2(r.exitCode == 0, QByteArray(name.toUtf8() + ": " + r.out).constData());
        QCOMPARE(r.json().value(u"engine"_s).toString(), u"mariadb"_s);
        // The sandbox's prod is reached only through the bastion (SSH tunnel).
        QCOMPARE(r.json().value(u"via_ssh"_s).toBool(), name == u"prod"_s);
    }
    // Importing the same file again is refused as a whole (names exist), nothing half-imported.
    r = cli({ u"env"_s, u"import"_s, m_sandbox.value(u"DEMO_INVENTORY"_s) });
    QCOMPARE(r.exitCode, 3);
    QCOMPARE(envCount(), before + 5); // 4 MariaDB + the TiDB fixture environment
}

void TestCli::bastionHostKeyAndSshSecret()
{
    // An environment behind the sandbox bastion, with a passphrase-protected key and a
    // known_hosts file that does not know the bastion yet.
    const QString knownHosts = m_home.filePath(u"bastion_known_hosts"_s);
    const QString passphrase = m_sandbox.value(u"SSH_KEY_PASSPHRASE"_s);
    CliRun r = cli(
        { u"env"_s, u"add"_s, u"sbx-bastion"_s, u"--tier"_s, u"prod"_s, u"--host"_s,
          u"127.0.0.1:"_s + QString::number(m_sandbox.mariadbPort(u"prod"_s)), u"--user"_s,
          m_sandbox.adminUser(), u"--ssh"_s, u"127.0.0.1:"_s + m_sandbox.value(u"SSHD_PORT"_s),
          u"--ssh-user"_s, u"root"_s, u"--ssh-key"_s, m_sandbox.value(u"SSH_USER_KEY_PASSPHRASE"_s),
          u"--ssh-known-hosts"_s, knownHosts, u"--password-stdin"_s, u"--ssh-secret-stdin"_s },
        (m_sandbox.adminPassword() + u'\n' + passphrase + u'\n').toUtf8());
    QVERIFY2(r.exitCode == 0, r.err.constData());

    // Unknown host key: refused by default, with the fingerprint and what to do.
    r = cli({ u"env"_s, u"check"_s, u"sbx-bastion"_s, u"--json"_s });
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.json().value(u"error"_s).toObject().value(u"kind"_s).toString(), u"host_key"_s);
    QVERIFY(r.json()
                .value(u"error"_s)
                .toObject()
                .value(u"message"_s)
                .toString()
                .contains(u"SHA256:"_s));
    QCOMPARE(r.json().value(u"error"_s).toObject().value(u"code"_s).toInt(),
             9101); // HostKeyCheck::UnknownHost
    QVERIFY2(r.err.contains("--accept-new-host-key"), r.err.constData());
    QVERIFY(!QFile::exists(knownHosts));

    // Trust on first use, on request: stored, reachable through the tunnel.
    r = cli({ u"--accept-new-host-key"_s, u"env"_s, u"check"_s, u"sbx-bastion"_s, u"--json"_s });
    QVERIFY2(r.exitCode == 0, r.out.constData());
    QCOMPARE(r.json().value(u"via_ssh"_s).toBool(), true);
    QCOMPARE(r.json().value(u"via"_s).toString(),
             u"ssh root@127.0.0.1:"_s + m_sandbox.value(u"SSHD_PORT"_s));
    QVERIFY(QFile::exists(knownHosts));
    r = cli({ u"env"_s, u"check"_s, u"sbx-bastion"_s });
    QVERIFY2(r.exitCode == 0, r.out.constData());
    QVERIFY2(r.out.contains(" via ssh root@127.0.0.1:"), r.out.constData());

    // A wrong passphrase in the store: an SSH authentication error, not an SQL one.
    r = cli({ u"env"_s, u"set-ssh-secret"_s, u"sbx-bastion"_s, u"--secret-stdin"_s },
            "not-the-passphrase\n");
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = cli({ u"env"_s, u"check"_s, u"sbx-bastion"_s, u"--json"_s });
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.json().value(u"error"_s).toObject().value(u"kind"_s).toString(), u"auth"_s);
    QVERIFY2(r.json()
                 .value(u"error"_s)
                 .toObject()
                 .value(u"message"_s)
                 .toString()
                 .contains(u"SSH bastion"_s),
             r.out.constData());
    r = cli({ u"env"_s, u"set-ssh-secret"_s, u"sbx-bastion"_s, u"--secret-stdin"_s },
            (passphrase + u'\n').toUtf8());
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(cli({ u"env"_s, u"check"_s, u"sbx-bastion"_s }).exitCode, 0);

    // Usage errors.
    QCOMPARE(
        cli({ u"env"_s, u"set-ssh-secret"_s, u"sbx-dev"_s, u"--secret-stdin"_s }, "x\n").exitCode,
        3);
    QCOMPARE(cli({ u"env"_s, u"add"_s, u"x1"_s, u"--host"_s, u"h"_s, u"--ssh-user"_s, u"root"_s })
                 .exitCode,
             2);
    m_secretNeedles << passphrase.toUtf8();
    QCOMPARE(
        cli({ u"env"_s, u"remove"_s, u"sbx-bastion"_s, u"--confirm"_s, u"sbx-bastion"_s }).exitCode,
        0);
}

void TestCli::alertsCommand()
{
    // An environment on the sandbox Alertmanager with an alert of its own (posted with curl,
    // TiDB-style `level` label), and one whose Alertmanager is a closed port.
    const QString am = u"http://127.0.0.1:"_s + m_sandbox.value(u"ALERTMANAGER_PORT"_s);
    QCOMPARE(cli({ u"env"_s, u"add"_s, u"sbx-alerts"_s, u"--host"_s, u"127.0.0.1:1"_s, u"--user"_s,
                   u"u"_s, u"--alertmanager"_s, am })
                 .exitCode,
             0);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QByteArray alert
        = "[{\"labels\":{\"alertname\":\"TiDB_server_is_down\",\"level\":\"emergency\","
          "\"env\":\"sbx-alerts\"},\"annotations\":{\"summary\":\"tidb-server down\"},"
          "\"endsAt\":\""
        + now.addSecs(300).toString(Qt::ISODate).toUtf8() + "\"}]";
    QCOMPARE(QProcess::execute(u"curl"_s,
                               { u"-sf"_s, u"-o"_s, u"/dev/null"_s, u"-H"_s,
                                 u"Content-Type: application/json"_s, u"-d"_s,
                                 QString::fromUtf8(alert), am + u"/api/v2/alerts"_s }),
             0);
    CliRun r;
    QJsonArray alerts;
    QTRY_VERIFY_WITH_TIMEOUT((r = cli({ u"alerts"_s, u"sbx-alerts"_s, u"--json"_s }),
                              alerts = r.json().value(u"alerts"_s).toArray(), !alerts.isEmpty()),
                             10000);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(alerts.size(), 1); // only this environment's alert, not prod's
    const QJsonObject a = alerts.first().toObject();
    QCOMPARE(a.value(u"env"_s).toString(), u"sbx-alerts"_s);
    QCOMPARE(a.value(u"name"_s).toString(), u"TiDB_server_is_down"_s);
    QCOMPARE(a.value(u"level"_s).toString(), u"emergency"_s);
    QCOMPARE(a.value(u"summary"_s).toString(), u"tidb-server down"_s);
    r = cli({ u"alerts"_s, u"sbx-alerts"_s });
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("TiDB_server_is_down") && r.out.contains("emergency"),
             r.out.constData());

    // An Alertmanager that is not there: exit 1, the error named, the other environments still
    // listed.
    QCOMPARE(cli({ u"env"_s, u"add"_s, u"sbx-alerts-down"_s, u"--host"_s, u"127.0.0.1:1"_s,
                   u"--user"_s, u"u"_s, u"--alertmanager"_s, u"http://127.0.0.1:1"_s })
                 .exitCode,
             0);
    r = cli({ u"alerts"_s, u"--json"_s });
    QCOMPARE(r.exitCode, 1);
    const QJsonArray errors = r.json().value(u"errors"_s).toArray();
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().toObject().value(u"env"_s).toString(), u"sbx-alerts-down"_s);
    QCOMPARE(errors.first().toObject().value(u"kind"_s).toString(), u"connection"_s);
    bool sawMine = false;
    for (const QJsonValue &v : r.json().value(u"alerts"_s).toArray())
        sawMine = sawMine || v.toObject().value(u"env"_s).toString() == u"sbx-alerts"_s;
    QVERIFY(sawMine);
    QCOMPARE(cli({ u"alerts"_s, u"no-such-env"_s }).exitCode, 3);
    QCOMPARE(cli({ u"alerts"_s, u"a"_s, u"b"_s }).exitCode, 2);
    QCOMPARE(cli({ u"env"_s, u"remove"_s, u"sbx-alerts-down"_s }).exitCode, 0);
    QCOMPARE(cli({ u"env"_s, u"remove"_s, u"sbx-alerts"_s }).exitCode, 0);
}

void TestCli::exportHasNoSecrets()
{
    const QString path = m_home.filePath(u"export.json"_s);
    CliRun r = cli({ u"env"_s, u"export"_s, path });
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    const QJsonObject root = QJsonDocument::fromJson(bytes).object();
    QCOMPARE(root.value(u"format"_s).toString(), u"tidesk-inventory"_s);
    QVERIFY(root.value(u"environments"_s).toArray().size() >= 5);
    QVERIFY(!bytes.contains("password"));
    QVERIFY(!bytes.contains(m_sandbox.adminPassword().toUtf8()));
    QVERIFY(!bytes.contains(m_sqlPassword.toUtf8()));
}

void TestCli::removeProdNeedsConfirmation()
{
    const int before = envCount();
    CliRun r = cli({ u"env"_s, u"remove"_s, u"prod"_s });
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("--confirm"), r.err.constData());
    QCOMPARE(envCount(), before);
    r = cli({ u"env"_s, u"remove"_s, u"prod"_s, u"--confirm"_s, u"prod"_s });
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(envCount(), before - 1);
}

void TestCli::badCommandLine()
{
    QCOMPARE(cli({ u"env"_s, u"frobnicate"_s }).exitCode, 2);
    QCOMPARE(cli({ u"env"_s, u"add"_s, u"x"_s }).exitCode, 2); // no --host
    QCOMPARE(cli({ u"env"_s, u"add"_s, u"x"_s, u"--host"_s, u"h:notaport"_s }).exitCode, 2);
    QCOMPARE(cli({ u"env"_s, u"add"_s, u"bad name!"_s, u"--host"_s, u"h"_s, u"--user"_s, u"u"_s })
                 .exitCode,
             3);
    QCOMPARE(cli({ u"--secrets"_s, u"bogus"_s, u"env"_s, u"list"_s }).exitCode, 2);
}

// --help after the global options or after any subcommand prints a usage, exit 0, and opens
// nothing (before: "unknown command '--help'" / "Unknown option 'help'", exit 2).
void TestCli::helpAnywhere()
{
    const struct
    {
        QStringList args;
        QByteArray expected;
    } cases[] = {
        { { u"--secrets"_s, u"vault"_s, u"--help"_s }, "Commands:" },
        { { u"env"_s, u"list"_s, u"--help"_s }, "env <command>" },
        { { u"backup"_s, u"start"_s, u"--help"_s }, "backup start ENV" },
        { { u"rules"_s, u"run"_s, u"-h"_s }, "rules run" },
        { { u"assist"_s, u"join"_s, u"--help"_s }, "assist join CODE" },
        { { u"env"_s, u"add"_s, u"--help"_s }, "--host" }, // its own option list
    };
    for (const auto &c : cases) {
        const CliRun r = cli(c.args);
        QVERIFY2(r.exitCode == 0,
                 qPrintable(c.args.join(u' ') + u" -> "_s + QString::number(r.exitCode) + u' '
                            + QString::fromUtf8(r.err)));
        QVERIFY2(r.out.contains(c.expected),
                 qPrintable(c.args.join(u' ') + u": "_s + QString::fromUtf8(r.out.left(300))));
    }
}

void TestCli::passwordNeverOnDiskOrInOutput()
{
    const QList<QByteArray> needles = QList<QByteArray> {
        m_sqlPassword.toUtf8(), m_sandbox.adminPassword().toUtf8(),
        QByteArray(reinterpret_cast<const char *>(m_sqlPassword.utf16()), m_sqlPassword.size() * 2)
    } + m_secretNeedles;
    int files = 0;
    QDirIterator it(m_home.path(), QDir::Files | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(path));
        const QByteArray bytes = f.readAll();
        ++files;
        for (const QByteArray &needle : needles)
            QVERIFY2(!bytes.contains(needle),
                     qPrintable(u"a password is in plain text in "_s + path));
    }
    // The inventory, the settings and the vault at least.
    QVERIFY2(files >= 2, "expected TiDesk files under TIDESK_HOME");
    QVERIFY(QFile::exists(m_home.filePath(u"secrets.vault"_s)));
    QVERIFY(QFile::exists(m_home.filePath(u"inventory.sqlite"_s)));
    for (const QByteArray &output : std::as_const(m_outputs))
        for (const QByteArray &needle : needles)
            QVERIFY2(!output.contains(needle), "a password appeared in tidesk-cli output");
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
