// CliRunner: runs the real tidesk-cli binary for the CLI integration tests (tst_cli,
// tst_cli_fleet, tst_cli_metrics): `--secrets vault`, a test's own TIDESK_HOME and vault
// passphrase, optional stdin, a 60 s limit; returns the exit code and both output streams.
// Header-only; test code only.
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace TiDesk::Test {

struct CliRun
{
    int exitCode = -1; // -1: did not start, crashed or hung
    QByteArray out;
    QByteArray err;

    QJsonDocument document() const { return QJsonDocument::fromJson(out); }
    QJsonObject json() const { return document().object(); }
    QJsonArray envs() const { return json().value(QStringLiteral("environments")).toArray(); }
    QByteArray both() const { return out + err; }
};

// vaultPass empty: TIDESK_VAULT_PASSPHRASE is removed (the CLI must ask or read stdin).
inline CliRun runCli(const QString &binary, const QString &home, const QString &vaultPass,
                     const QStringList &args, const QByteArray &stdinData = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TIDESK_HOME"), home);
    env.remove(QStringLiteral("TIDESK_VAULT_PASSPHRASE"));
    if (!vaultPass.isEmpty())
        env.insert(QStringLiteral("TIDESK_VAULT_PASSPHRASE"), vaultPass);
    p.setProcessEnvironment(env);
    p.start(binary, QStringList { QStringLiteral("--secrets"), QStringLiteral("vault") } + args);
    if (!p.waitForStarted())
        return {};
    p.write(stdinData);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
             p.readAllStandardError() };
}

} // namespace TiDesk::Test
