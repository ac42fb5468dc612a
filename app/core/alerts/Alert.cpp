#include "Alert.h"

using namespace Qt::StringLiterals;

namespace TiDesk {

QString Alert::scope() const
{
    const QString env = labels.value(u"env"_s);
    return env.isEmpty() ? labels.value(u"cluster"_s) : env;
}

bool Alert::concerns(const QString &envName) const
{
    const QString s = scope();
    return s.isEmpty() || s.compare(envName, Qt::CaseInsensitive) == 0;
}

AlertLevel Alert::levelFromLabels(const QMap<QString, QString> &labels, QString *raw)
{
    QString value = labels.value(u"level"_s);
    if (value.isEmpty())
        value = labels.value(u"severity"_s);
    if (raw)
        *raw = value;
    const QString v = value.trimmed().toLower();
    if (v == u"emergency" || v == u"page" || v == u"disaster")
        return AlertLevel::Emergency;
    if (v == u"critical" || v == u"error" || v == u"high")
        return AlertLevel::Critical;
    if (v == u"warning" || v == u"warn" || v == u"medium")
        return AlertLevel::Warning;
    if (v == u"info" || v == u"information" || v == u"notice" || v == u"low" || v == u"none")
        return AlertLevel::Info;
    return AlertLevel::Unknown;
}

QString Alert::levelName(AlertLevel level)
{
    switch (level) {
    case AlertLevel::Emergency: return u"emergency"_s;
    case AlertLevel::Critical: return u"critical"_s;
    case AlertLevel::Warning: return u"warning"_s;
    case AlertLevel::Info: return u"info"_s;
    case AlertLevel::Unknown: break;
    }
    return u"unknown"_s;
}

QString Alert::levelDisplayName(AlertLevel level)
{
    switch (level) {
    case AlertLevel::Emergency: return tr("emergency");
    case AlertLevel::Critical: return tr("critical");
    case AlertLevel::Warning: return tr("warning");
    case AlertLevel::Info: return tr("info");
    case AlertLevel::Unknown: break;
    }
    //: Alert level: the alert has neither a known `level` nor a known `severity` label
    return tr("unknown");
}

bool Alert::sortsBefore(const Alert &a, const Alert &b)
{
    if (a.level != b.level)
        return int(a.level) < int(b.level);
    if (a.startsAt != b.startsAt)
        return a.startsAt < b.startsAt;
    return a.name < b.name;
}

} // namespace TiDesk
