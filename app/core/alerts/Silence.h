// Silence: one Alertmanager silence (API v2) - who muted which alerts, until when and why - plus
// what TiDesk sends to create one: the matchers that identify an alert (alertname and, when the
// alert has them, env, cluster and instance; exact matches, never regexes), a duration and a
// required comment, createdBy = the OS user. Plain value type; any thread.
#pragma once

#include "alerts/Alert.h"
#include "common/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <chrono>

namespace TiDesk {

struct SilenceMatcher
{
    QString name;
    QString value;
    bool isRegex = false;
    bool isEqual = true; // false = "!=" (Alertmanager >= 0.22)

    // name="value", name=~"value", name!="value"; for the dialog and the CLI.
    [[nodiscard]] QString toString() const;
    bool operator==(const SilenceMatcher &) const = default;
};

using SilenceMatchers = QList<SilenceMatcher>;

struct Silence
{
    QString id;
    SilenceMatchers matchers;
    QDateTime startsAt; // UTC
    QDateTime endsAt; // UTC
    QString createdBy;
    QString comment;
    QString state; // active | pending | expired

    [[nodiscard]] bool isActive() const { return state == u"active"; }

    // The labels of `alert` that identify it, in this order: alertname, env, cluster, instance
    // (those present). An alert without alertname gives no matchers (it cannot be silenced by
    // name).
    [[nodiscard]] static SilenceMatchers matchersFor(const Alert &alert);
    // The OS user running TiDesk ($USER, else $USERNAME, else $LOGNAME); "tidesk" if none.
    [[nodiscard]] static QString currentUserName();

    // Whether this silence may be sent: InvalidInput without matchers, without a comment (blank
    // counts as none), without a start time, or lasting under one minute.
    [[nodiscard]] VoidResult check() const;
    // A silence to POST: starts now, ends after `duration`, createdBy = currentUserName(); the
    // comment is trimmed. Refused as check() says.
    [[nodiscard]] static Result<Silence>
    make(const SilenceMatchers &matchers, std::chrono::seconds duration, const QString &comment,
         const QDateTime &now = QDateTime::currentDateTimeUtc());
    // The body of `POST /api/v2/silences` (no id: a new silence).
    [[nodiscard]] QByteArray toPostBody() const;

    Q_DECLARE_TR_FUNCTIONS(TiDesk::Silence) // last: the macro ends with "private:"
};

using SilenceList = QList<Silence>;

} // namespace TiDesk

Q_DECLARE_METATYPE(TiDesk::Silence)
Q_DECLARE_METATYPE(TiDesk::SilenceList)
