// The sandbox's alert rules fire for real, end to end: stopping the sandbox MariaDB of test01
// makes mysqld_exporter report mysql_up 0, Prometheus fires MariaDBInstanceDown (for: 15s,
// severity critical, label env) to Alertmanager, and FleetAlerts - pointed at that Alertmanager
// for the environment test01 - shows it with level critical within a bounded time; AlertNotifier
// announces it exactly once. After the MariaDB is started again the alert resolves, also within a
// bounded time. Both times are measured and printed. The MariaDB is always started again.
#include "SandboxEnv.h"
#include "alerts/AlertNotifier.h"
#include "alerts/FleetAlerts.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TiDesk;

namespace {
const QString kEnv = u"test01"_s;
const QString kRule = u"MariaDBInstanceDown"_s;
constexpr int kFireBudgetMs = 90000; // 15 s `for` + 5 s scrape/eval + 5 s group_wait + slack
constexpr int kResolveBudgetMs = 90000;
} // namespace

class TestAlertsFire : public QObject
{
    Q_OBJECT

    Test::SandboxEnv m_sandbox;
    bool m_stopped = false;

    // The rule's alert for test01 among the fleet's alerts, if any.
    static std::optional<Alert> instanceDown(const FleetAlerts &fleet)
    {
        for (const FleetAlerts::EnvAlert &e : fleet.alerts())
            if (e.env == kEnv && e.alert.name == kRule)
                return e.alert;
        return std::nullopt;
    }

    void startAgain()
    {
        if (!m_stopped)
            return;
        const int rc = m_sandbox.runScript({ u"start-mariadb"_s, kEnv }, 120000);
        if (rc == 0)
            m_stopped = false;
        else
            qWarning("start-mariadb %s failed with %d", qPrintable(kEnv), rc);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_sandbox.isValid(), qPrintable(m_sandbox.error()));
        QVERIFY(!m_sandbox.value(u"ALERTMANAGER_PORT"_s).isEmpty());
        QVERIFY(m_sandbox.envs().contains(kEnv));
    }

    void cleanup() { startAgain(); } // after each test function, failed or not
    void cleanupTestCase() { startAgain(); }

    void stoppedInstanceFiresAndResolves()
    {
        Environment env;
        env.name = kEnv;
        env.tier = Tier::Test;
        env.alertmanagerUrl = u"http://127.0.0.1:%1"_s.arg(m_sandbox.value(u"ALERTMANAGER_PORT"_s));
        FleetAlerts fleet;
        fleet.setInterval(std::chrono::seconds(2)); // the app uses 30 s; the rule is what we time
        fleet.setTimeout(std::chrono::seconds(3));
        AlertNotifier notifier;
        notifier.watch(&fleet);
        QSignalSpy notified(&notifier, &AlertNotifier::newSevereAlert);
        QSignalSpy updated(&fleet, &FleetAlerts::updated);
        fleet.setEnvironments({ env });
        fleet.start();

        // A previous run that died mid-way may have left the alert firing: wait until it is gone.
        QTRY_VERIFY_WITH_TIMEOUT(fleet.lastUpdated().isValid() && !instanceDown(fleet), 120000);
        QStringList why;
        for (const Error &e : fleet.errors().values())
            why << e.message;
        QVERIFY2(why.isEmpty(), qPrintable(why.join(u"; "_s)));
        QVERIFY(notifier.knows(kEnv)); // the baseline is recorded

        QElapsedTimer t;
        t.start();
        m_stopped = true;
        QCOMPARE(m_sandbox.runScript({ u"stop-mariadb"_s, kEnv }, 60000), 0);
        const qint64 stopMs = t.elapsed();

        QTRY_VERIFY_WITH_TIMEOUT(instanceDown(fleet).has_value(), kFireBudgetMs);
        const qint64 fireMs = t.elapsed();
        const Alert fired = *instanceDown(fleet);
        QCOMPARE(fired.level, AlertLevel::Critical);
        QCOMPARE(fired.levelLabel, u"critical"_s);
        QCOMPARE(fired.labels.value(u"env"_s), kEnv);
        QCOMPARE(fired.state, u"active"_s);
        QVERIFY2(fired.summary.contains(kEnv), qPrintable(fired.summary));
        qInfo("%s fired in TiDesk %.1f s after stop-mariadb %s (the stop itself took %.1f s)",
              qPrintable(kRule), fireMs / 1000.0, qPrintable(kEnv), stopMs / 1000.0);

        // Announced once, and not again while it stays active (three more refreshes).
        const auto announcements = [&] {
            int n = 0;
            for (const QList<QVariant> &args : std::as_const(notified))
                n += args.at(1).toString() == kEnv && args.at(0).value<Alert>().name == kRule;
            return n;
        };
        QTRY_COMPARE_WITH_TIMEOUT(announcements(), 1, 5000);
        const qsizetype updatesSoFar = updated.size();
        QTRY_VERIFY_WITH_TIMEOUT(updated.size() >= updatesSoFar + 3, 20000);
        QVERIFY(instanceDown(fleet).has_value());
        QCOMPARE(announcements(), 1);

        t.restart();
        startAgain();
        QVERIFY2(!m_stopped, "start-mariadb failed");
        QTRY_VERIFY_WITH_TIMEOUT(!instanceDown(fleet).has_value(), kResolveBudgetMs);
        qInfo("%s resolved in TiDesk %.1f s after start-mariadb %s", qPrintable(kRule),
              t.elapsed() / 1000.0, qPrintable(kEnv));
        QCOMPARE(announcements(), 1);
    }
};

QTEST_GUILESS_MAIN(TestAlertsFire)
#include "tst_alerts_fire.moc"
