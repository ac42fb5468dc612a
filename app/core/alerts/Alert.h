// Alert: one alert as Alertmanager (API v2) reports it, with TiDB's and mysqld_exporter's two
// ways of saying how bad it is folded into one AlertLevel: TiDB rules label `level`
// (emergency > critical > warning), the mysqld_exporter mixin and most others `severity`
// (critical, warning, info). Plain value type; any thread.
#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace TiDesk {

enum class AlertLevel { Emergency, Critical, Warning, Info, Unknown }; // worst first

struct Alert
{
    QString name; // labels.alertname
    AlertLevel level = AlertLevel::Unknown;
    QString levelLabel; // the raw label value ("emergency", "page" ...)
    QString state; // active | suppressed | unprocessed
    QString summary; // annotations.summary (else description, else the name)
    QString description; // annotations.description
    QDateTime startsAt; // UTC
    QDateTime endsAt; // UTC (Alertmanager's resolve-by time for active alerts)
    QMap<QString, QString> labels;
    QString fingerprint;
    QString generatorUrl;
    QStringList silencedBy;

    // labels.env, else labels.cluster (TiUP sets both to the cluster name); empty = unscoped.
    [[nodiscard]] QString scope() const;
    // Whether this alert concerns the environment called envName: its scope is that name, or it
    // has no scope at all (an Alertmanager that serves one environment only).
    [[nodiscard]] bool concerns(const QString &envName) const;

    // From labels.level (TiDB) or labels.severity; unknown values -> Unknown.
    [[nodiscard]] static AlertLevel levelFromLabels(const QMap<QString, QString> &labels,
                                                    QString *raw = nullptr);
    [[nodiscard]] static QString
    levelName(AlertLevel level); // stable: emergency, critical, warning, info, unknown
    [[nodiscard]] static QString levelDisplayName(AlertLevel level); // translated
    // Worst level first, then the oldest first, then the name: the order a DBA reads alerts in.
    [[nodiscard]] static bool sortsBefore(const Alert &a, const Alert &b);

    Q_DECLARE_TR_FUNCTIONS(TiDesk::Alert) // last: the macro ends with "private:"
};

using AlertList = QList<Alert>;

} // namespace TiDesk

Q_DECLARE_METATYPE(TiDesk::Alert)
