// AlertNotifier: one notification per NEW critical / emergency alert - none for what is already
// firing when TiDesk starts (or when an environment is added, or its Alertmanager first answers),
// none again while it stays active, none for warnings or silenced alerts, again after it
// resolved and fired again; environments are judged separately.
#include "alerts/AlertNotifier.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TiDesk;

namespace {

FleetAlerts::EnvAlert alert(const QString &env, const QString &fingerprint, AlertLevel level,
                            const QString &name = u"TiKV_server_is_down"_s)
{
    Alert a;
    a.name = name;
    a.level = level;
    a.state = u"active"_s;
    a.fingerprint = fingerprint;
    a.labels = { { u"alertname"_s, name }, { u"env"_s, env } };
    a.startsAt = QDateTime(QDate(2026, 11, 30), QTime(6, 0), Qt::UTC);
    return { env, a };
}

const QString kProd = u"prod"_s;
const QString kUat = u"uat"_s;

} // namespace

class TestAlertNotifier : public QObject
{
    Q_OBJECT

    static QStringList fingerprints(const QSignalSpy &spy)
    {
        QStringList out;
        for (const QList<QVariant> &args : spy)
            out << args.at(1).toString() + u'/' + args.at(0).value<Alert>().fingerprint;
        return out;
    }

private slots:
    void firstUpdateIsABaseline()
    {
        AlertNotifier n;
        QSignalSpy spy(&n, &AlertNotifier::newSevereAlert);
        n.update({ alert(kProd, u"a"_s, AlertLevel::Critical),
                   alert(kProd, u"b"_s, AlertLevel::Emergency) },
                 { kProd });
        QCOMPARE(spy.size(), 0);
        QVERIFY(n.knows(kProd));
        // Still there next time: still nothing.
        n.update({ alert(kProd, u"a"_s, AlertLevel::Critical),
                   alert(kProd, u"b"_s, AlertLevel::Emergency) },
                 { kProd });
        QCOMPARE(spy.size(), 0);
    }

    void newSevereAlertOnce()
    {
        AlertNotifier n;
        QSignalSpy spy(&n, &AlertNotifier::newSevereAlert);
        n.update({ alert(kProd, u"a"_s, AlertLevel::Critical) }, { kProd });
        n.update({ alert(kProd, u"a"_s, AlertLevel::Critical),
                   alert(kProd, u"c"_s, AlertLevel::Critical, u"PD_leader_change"_s) },
                 { kProd });
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(1).toString(), kProd);
        const Alert got = spy.at(0).at(0).value<Alert>();
        QCOMPARE(got.fingerprint, u"c"_s);
        QCOMPARE(got.name, u"PD_leader_change"_s);
        // Stays active: not again.
        n.update({ alert(kProd, u"a"_s, AlertLevel::Critical),
                   alert(kProd, u"c"_s, AlertLevel::Critical) },
                 { kProd });
        QCOMPARE(spy.size(), 1);
    }

    void onlyCriticalAndEmergency()
    {
        AlertNotifier n;
        QSignalSpy spy(&n, &AlertNotifier::newSevereAlert);
        n.update({}, { kProd });
        n.update({ alert(kProd, u"w"_s, AlertLevel::Warning),
                   alert(kProd, u"i"_s, AlertLevel::Info),
                   alert(kProd, u"u"_s, AlertLevel::Unknown),
                   alert(kProd, u"e"_s, AlertLevel::Emergency),
                   alert(kProd, u"c"_s, AlertLevel::Critical) },
                 { kProd });
        QCOMPARE(fingerprints(spy), (QStringList { u"prod/e"_s, u"prod/c"_s }));
    }

    void silencedOrInhibitedIsNotAnnounced()
    {
        AlertNotifier n;
        QSignalSpy spy(&n, &AlertNotifier::newSevereAlert);
        n.update({}, { kProd });
        auto silenced = alert(kProd, u"s"_s, AlertLevel::Critical);
        silenced.alert.state = u"suppressed"_s;
        silenced.alert.silencedBy = { u"sid"_s };
        auto inhibited = alert(kProd, u"h"_s, AlertLevel::Critical);
        inhibited.alert.state = u"suppressed"_s;
        n.update({ silenced, inhibited }, { kProd });
        QCOMPARE(spy.size(), 0);
    }

    void resolvedAndFiringAgain()
    {
        AlertNotifier n;
        QSignalSpy spy(&n, &AlertNotifier::newSevereAlert);
        n.update({}, { kProd });
        n.update({ alert(kProd, u"a"_s, AlertLevel::Critical) }, { kProd });
        QCOMPARE(spy.size(), 1);
        n.update({}, { kProd }); // resolved
        QCOMPARE(spy.size(), 1);
        n.update({ alert(kProd, u"a"_s, AlertLevel::Critical) }, { kProd }); // fires again
        QCOMPARE(spy.size(), 2);
    }

    void environmentNotReadYetIsNoBaseline()
    {
        // prod's Alertmanager did not answer at first: its alerts, once read, are the baseline.
        AlertNotifier n;
        QSignalSpy spy(&n, &AlertNotifier::newSevereAlert);
        n.update({}, {});
        QVERIFY(!n.knows(kProd));
        n.update({ alert(kProd, u"a"_s, AlertLevel::Critical) }, { kProd });
        QCOMPARE(spy.size(), 0);
        n.update({ alert(kProd, u"a"_s, AlertLevel::Critical),
                   alert(kProd, u"b"_s, AlertLevel::Critical) },
                 { kProd });
        QCOMPARE(fingerprints(spy), QStringList { u"prod/b"_s });
    }

    void environmentsAreJudgedSeparately()
    {
        AlertNotifier n;
        QSignalSpy spy(&n, &AlertNotifier::newSevereAlert);
        n.update({ alert(kProd, u"a"_s, AlertLevel::Critical) }, { kProd });
        // uat is added with alerts already firing; the same unscoped alert shows in both.
        n.update({ alert(kProd, u"a"_s, AlertLevel::Critical),
                   alert(kUat, u"a"_s, AlertLevel::Critical),
                   alert(kUat, u"x"_s, AlertLevel::Emergency) },
                 { kProd, kUat });
        QCOMPARE(spy.size(), 0);
        n.update({ alert(kProd, u"a"_s, AlertLevel::Critical),
                   alert(kProd, u"n"_s, AlertLevel::Critical),
                   alert(kUat, u"a"_s, AlertLevel::Critical),
                   alert(kUat, u"x"_s, AlertLevel::Emergency) },
                 { kProd, kUat });
        QCOMPARE(fingerprints(spy), QStringList { u"prod/n"_s });
    }

    void removedEnvironmentStartsOverWhenBack()
    {
        AlertNotifier n;
        QSignalSpy spy(&n, &AlertNotifier::newSevereAlert);
        n.update({ alert(kProd, u"a"_s, AlertLevel::Critical) }, { kProd });
        n.update({}, {}); // prod left the inventory
        QVERIFY(!n.knows(kProd));
        n.update({ alert(kProd, u"a"_s, AlertLevel::Critical),
                   alert(kProd, u"b"_s, AlertLevel::Critical) },
                 { kProd });
        QCOMPARE(spy.size(), 0);
    }

    void noFingerprintUsesLabels()
    {
        AlertNotifier n;
        QSignalSpy spy(&n, &AlertNotifier::newSevereAlert);
        auto a = alert(kProd, QString(), AlertLevel::Critical, u"A"_s);
        auto b = alert(kProd, QString(), AlertLevel::Critical, u"B"_s);
        QVERIFY(AlertNotifier::keyOf(a.alert) != AlertNotifier::keyOf(b.alert));
        n.update({ a }, { kProd });
        n.update({ a, b }, { kProd });
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).value<Alert>().name, u"B"_s);
    }
};

QTEST_GUILESS_MAIN(TestAlertNotifier)
#include "tst_alertnotifier.moc"
