// SandboxEnv: what the running sandbox fleet looks like, read from $TIDESK_SANDBOX_DIR/sandbox.env
// (KEY=VALUE lines written by tests/sandbox/sandbox.sh up). Integration tests use it to find
// ports, users and passwords. Header-only; test code only.
//
// Keys (see tests/sandbox/README.md): SANDBOX_DIR, SANDBOX_HOST, SANDBOX_ENVS ("dev test01 uat01
// prod"), MARIADB_PORT_<env>, MARIADB_SOCKET_<env>, MARIADB_CNF_<env>, EXPORTER_PORT_<env>,
// ADMIN_USER, ADMIN_PASSWORD, APP_USER, APP_PASSWORD, EXPORTER_USER, EXPORTER_PASSWORD,
// TLS_CA, TLS_OTHER_CA, TLS_CLIENT_CERT, TLS_CLIENT_KEY, PROMETHEUS_PORT, ALERTMANAGER_PORT,
// SSHD_PORT, SSH_USER, SSH_USER_KEY, SSH_KNOWN_HOSTS, TIDB_CATALOG_ENV, TIDB_CATALOG_SCHEMA,
// DEMO_INVENTORY, DEMO_SCHEMA, SANDBOX_SCRIPT, PROMETHEUS_TIDB_PORT (the Prometheus with the
// backfilled TiDB series) and the backfill's figures in epoch seconds: PROMETHEUS_TIDB_NEWEST,
// PROMETHEUS_TIDB_OLDEST, PROMETHEUS_TIDB_GAP_FROM, PROMETHEUS_TIDB_GAP_TO,
// PROMETHEUS_TIDB_GAP_INSTANCE.
#pragma once

#include <QFile>
#include <QHash>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace TiDesk::Test {

class SandboxEnv
{
public:
    // Loads the file; isValid() is false (with error()) when the sandbox is not up.
    SandboxEnv()
    {
        QString dir = qEnvironmentVariable("TIDESK_SANDBOX_DIR");
        if (dir.isEmpty())
            dir = QStringLiteral("/tmp/tidesk-sandbox");
        QFile f(dir + QStringLiteral("/sandbox.env"));
        if (!f.open(QIODevice::ReadOnly)) {
            m_error = QStringLiteral("sandbox is not up: %1 is missing (run ./run sandbox up)")
                          .arg(f.fileName());
            return;
        }
        while (!f.atEnd()) {
            const QString line = QString::fromUtf8(f.readLine()).trimmed();
            if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
                continue;
            const qsizetype eq = line.indexOf(QLatin1Char('='));
            if (eq <= 0)
                continue;
            QString value = line.mid(eq + 1);
            if (value.size() >= 2
                && (value.startsWith(QLatin1Char('\'')) || value.startsWith(QLatin1Char('"'))))
                value = value.mid(1, value.size() - 2);
            m_values.insert(line.left(eq), value);
        }
    }

    bool isValid() const { return !m_values.isEmpty(); }
    QString error() const { return m_error; }
    QString value(const QString &key) const { return m_values.value(key); }
    QString host() const { return value(QStringLiteral("SANDBOX_HOST")); }
    QStringList envs() const
    {
        return value(QStringLiteral("SANDBOX_ENVS")).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    }
    int mariadbPort(const QString &env) const
    {
        return value(QStringLiteral("MARIADB_PORT_") + env).toInt();
    }
    int prometheusPort() const { return value(QStringLiteral("PROMETHEUS_PORT")).toInt(); }
    int prometheusTidbPort() const { return value(QStringLiteral("PROMETHEUS_TIDB_PORT")).toInt(); }
    QString adminUser() const { return value(QStringLiteral("ADMIN_USER")); }
    QString adminPassword() const { return value(QStringLiteral("ADMIN_PASSWORD")); }

    // Runs "sandbox.sh <args>" (e.g. {"restart-mariadb","dev"}); returns the exit code.
    int runScript(const QStringList &args, int timeoutMs = 60000) const
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::ForwardedChannels);
        p.start(value(QStringLiteral("SANDBOX_SCRIPT")), args);
        if (!p.waitForFinished(timeoutMs))
            return -1;
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }

private:
    QHash<QString, QString> m_values;
    QString m_error;
};

} // namespace TiDesk::Test
